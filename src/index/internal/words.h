// The word splitter under AnalyzeText, shared with the index's build path, which looks each word up in
// its own memo before stemming.
#pragma once

#include <string>
#include <string_view>

namespace jobscope::index::internal {

inline bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Calls visit(word) for each word of `text`, ASCII-lowercased ("c++", "c#", "f#" keep their symbols).
// `word` points into a buffer reused for the next word.
template <typename Visit>
void ForEachWord(std::string_view text, Visit&& visit) {
  char buffer[256];
  size_t pos = 0;
  const size_t size = text.size();
  while (pos < size) {
    while (pos < size && !IsWordByte(static_cast<unsigned char>(text[pos]))) ++pos;
    size_t length = 0;
    while (pos < size && IsWordByte(static_cast<unsigned char>(text[pos]))) {
      char c = text[pos++];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (length < sizeof buffer - 4) buffer[length++] = c;
    }
    while (pos < size && (text[pos] == '+' || text[pos] == '#') && length <= 2) buffer[length++] = text[pos++];
    if (length) visit(std::string_view(buffer, length));
  }
}

// The term a lowercase word is indexed under: Snowball-stemmed when it is all letters and longer than
// three, else itself.
std::string TermOfWord(std::string_view word);

}  // namespace jobscope::index::internal
