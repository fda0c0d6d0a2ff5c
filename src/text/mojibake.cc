// Repairs text whose UTF-8 bytes were once read as Latin-1 or Windows-1252 and written out again as UTF-8:
// each byte of a multi-byte character became a character of its own ("•" became "â€¢" or "â\u0080¢").
#include <array>
#include <cstdint>
#include <optional>

#include "text/text.h"

namespace jobscope::text {
namespace {

// The byte 0x80..0x9F that Windows-1252 shows as `code_point`, for the characters it puts there.
std::optional<uint8_t> Windows1252Byte(uint32_t code_point) {
  static constexpr std::array<std::pair<uint32_t, uint8_t>, 27> kTable = {{
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86}, {0x2021, 0x87},
      {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91},
      {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98},
      {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
  }};
  for (const auto& [cp, byte] : kTable) {
    if (cp == code_point) return byte;
  }
  return std::nullopt;
}

// The byte a character stood for when it was one byte read as Latin-1 or Windows-1252.
std::optional<uint8_t> ByteOf(uint32_t code_point) {
  if (code_point >= 0x80 && code_point <= 0xFF) return static_cast<uint8_t>(code_point);
  return Windows1252Byte(code_point);
}

struct Decoded {
  uint32_t code_point = 0;
  size_t length = 0;  // bytes in the UTF-8 input
};

Decoded DecodeAt(std::string_view text, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  uint8_t lead = byte(at);
  if (lead < 0x80) return {lead, 1};
  size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (at + length > text.size() || length == 1) return {lead, 1};
  uint32_t cp = lead & (0x3F >> (length - 1));
  for (size_t i = 1; i < length; ++i) cp = (cp << 6) | (byte(at + i) & 0x3F);
  return {cp, length};
}

}  // namespace

std::string RepairMojibake(std::string_view input) {
  std::string text = IsValidUtf8(input) ? std::string(input) : RepairUtf8(input);
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  while (at < text.size()) {
    Decoded lead = DecodeAt(text, at);
    // A lead byte of a 2-4 byte UTF-8 sequence, seen as a character (U+00C2..U+00F4)?
    if (lead.code_point >= 0xC2 && lead.code_point <= 0xF4) {
      size_t need = lead.code_point >= 0xF0 ? 3 : lead.code_point >= 0xE0 ? 2 : 1;
      std::string bytes(1, static_cast<char>(lead.code_point));
      size_t next = at + lead.length;
      for (size_t i = 0; i < need && next < text.size(); ++i) {
        Decoded part = DecodeAt(text, next);
        std::optional<uint8_t> byte = ByteOf(part.code_point);
        if (!byte || *byte < 0x80 || *byte > 0xBF) break;
        bytes.push_back(static_cast<char>(*byte));
        next += part.length;
      }
      if (bytes.size() == need + 1 && IsValidUtf8(bytes)) {
        out += bytes;
        at = next;
        continue;
      }
    }
    // A lone C1 control is a Windows-1252 punctuation byte that lost its way ("\u0096" for "–").
    if (lead.code_point >= 0x80 && lead.code_point <= 0x9F) {
      auto decoded = DecodeWindows1252(std::string(1, static_cast<char>(lead.code_point)));
      if (decoded) out += *decoded;
      at += lead.length;
      continue;
    }
    out.append(text, at, lead.length);
    at += lead.length;
  }
  return out;
}

}  // namespace jobscope::text
