// File: text.h
//
// The text stage: turns what a source gave into clean text that extractors can trust. UTF-8 validation,
// Unicode NFKC + case folding (utf8proc), HTML and markdown stripping, word tokens, and normalised keys for
// comparing names. Stateless functions; thread-safe.
//
// Example:
//   if (!IsValidUtf8(field)) ...quarantine...
//   std::string plain = StripMarkup("<p>Python &amp; SQL</p>");   // "Python & SQL"
//   std::string key = NormalizeKey("Sr. ML Engineer (NLP)");        // "sr ml engineer nlp"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobscope::text {

// True when `bytes` is well-formed UTF-8. On failure, *error_offset (if given) is the first bad byte.
bool IsValidUtf8(std::string_view bytes, size_t* error_offset = nullptr);

// Replaces each ill-formed UTF-8 sequence with U+FFFD, so a value can be kept and shown.
std::string RepairUtf8(std::string_view bytes);

// Appends a code point as UTF-8; NUL, surrogates and values past U+10FFFF become U+FFFD.
void AppendUtf8(std::string& out, uint32_t code_point);

// Decodes Windows-1252 (a superset of Latin-1, what spreadsheet tools write when they do not write UTF-8) to
// UTF-8. nullopt when a byte has no character there (0x81, 0x8D, 0x8F, 0x90, 0x9D) or is NUL.
std::optional<std::string> DecodeWindows1252(std::string_view bytes);

// Text whose UTF-8 bytes were once read as Latin-1 or Windows-1252 and encoded again ("NaÃ¯ve", "â€¢") put
// back as it was; text without such runs is returned unchanged. Ill-formed UTF-8 is repaired first.
std::string RepairMojibake(std::string_view text);

// Unicode NFKC with case folding: "ＰｙＴｏｒｃｈ" and "pytorch" fold alike. REQUIRES: valid UTF-8.
std::string FoldCase(std::string_view utf8);

// Removes HTML tags and comments, decodes entities, turns block elements into line breaks, and removes
// markdown emphasis and backslash escapes. Plain text passes through unchanged (byte for byte).
std::string StripMarkup(std::string_view text);

// True when the text looks like HTML (has tags or entities worth stripping).
bool LooksLikeMarkup(std::string_view text);

// Folded, with every run of non-alphanumeric characters collapsed to one space, trimmed. For comparing
// titles, companies and skill names.
std::string NormalizeKey(std::string_view utf8);

// Like NormalizeKey but ASCII-only folding (non-ASCII bytes are kept as they are): for long texts where
// Unicode normalisation costs more than it brings (hash keys of descriptions, keyword counts).
std::string AsciiKey(std::string_view text);

// True when `phrase` occurs in `normalised` (a NormalizeKey result) as whole words.
bool ContainsPhrase(std::string_view normalised, std::string_view phrase);

// Lowercase ASCII word tokens (letters and digits; non-ASCII bytes are kept inside tokens).
std::vector<std::string_view> WordTokens(std::string_view text);

// 64-bit SimHash over word 3-shingles: near-identical texts differ in few bits.
uint64_t SimHash(std::string_view text);
int HammingDistance(uint64_t a, uint64_t b);

}  // namespace jobscope::text
