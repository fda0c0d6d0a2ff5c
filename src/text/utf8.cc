// UTF-8 validation, repair and case folding, on utf8proc.
#include <utf8proc.h>

#include <cstdlib>

#include "text/text.h"

namespace jobscope::text {

bool IsValidUtf8(std::string_view bytes, size_t* error_offset) {
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  size_t pos = 0;
  while (pos < bytes.size()) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {  // fast path for ASCII
      ++pos;
      continue;
    }
    utf8proc_int32_t codepoint = 0;
    utf8proc_ssize_t len = utf8proc_iterate(data + pos, static_cast<utf8proc_ssize_t>(bytes.size() - pos), &codepoint);
    if (len < 0) {
      if (error_offset) *error_offset = pos;
      return false;
    }
    pos += static_cast<size_t>(len);
  }
  return true;
}

std::string RepairUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  size_t pos = 0;
  while (pos < bytes.size()) {
    utf8proc_int32_t codepoint = 0;
    utf8proc_ssize_t len = utf8proc_iterate(data + pos, static_cast<utf8proc_ssize_t>(bytes.size() - pos), &codepoint);
    if (len < 0) {
      out += "\xEF\xBF\xBD";
      ++pos;
    } else {
      out.append(bytes.substr(pos, static_cast<size_t>(len)));
      pos += static_cast<size_t>(len);
    }
  }
  return out;
}

std::string FoldCase(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {  // NFKC is the identity on ASCII; only case changes
    std::string out(utf8);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  utf8proc_uint8_t* mapped = nullptr;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                 UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  utf8proc_ssize_t len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                                      static_cast<utf8proc_ssize_t>(utf8.size()), &mapped, options);
  if (len < 0) return RepairUtf8(utf8);  // ill-formed input: keep it readable rather than drop it
  std::string out(reinterpret_cast<char*>(mapped), static_cast<size_t>(len));
  std::free(mapped);
  return out;
}

}  // namespace jobscope::text
