// File: strings.h
//
// Byte-level string helpers shared by every stage (ASCII only; Unicode-aware work lives in text/).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jobscope {

std::string_view TrimAscii(std::string_view text);
std::string AsciiLower(std::string_view text);
// The same into `out`, reusing its buffer: for hot loops that look many values up by their lowercase form.
void AsciiLowerInto(std::string_view text, std::string& out);
bool IsAsciiAlnum(unsigned char c);
// A byte of a word as the skill readers see words: an ASCII letter or digit, '_', or any byte of a
// multi-byte UTF-8 character.
bool IsSkillWordByte(unsigned char c);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);
// Finds `needle` (ASCII lowercase) in `haystack` ignoring ASCII case; npos if absent.
size_t FindIgnoreCase(std::string_view haystack, std::string_view needle, size_t from = 0);
std::vector<std::string_view> SplitOn(std::string_view text, char sep);
std::string JoinStrings(const std::vector<std::string>& parts, std::string_view sep);
// Whole-string number parsing with std::from_chars: false on anything but a number filling `text`.
bool ParseInt64(std::string_view text, int64_t& value);
bool ParseDouble(std::string_view text, double& value);
// True for a real calendar date written YYYY-MM-DD (leap years counted).
bool IsIsoDate(std::string_view text);
// A number as people write it: no trailing zeros ("95000", "86.65").
std::string FormatDouble(double value);

}  // namespace jobscope
