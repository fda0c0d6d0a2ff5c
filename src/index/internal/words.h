// The word splitter under AnalyzeText, shared with the index's build path, which looks each word up in
// its own memo before stemming.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jobscope::index::internal {

inline bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// The length of the Unicode punctuation or space encoded at `at`, or 0: the General Punctuation block
// (curly quotes, dashes, bullets, ellipsis, zero-width and other spaces), no-break space, guillemets,
// middle dot and the byte-order mark. Text pasted from word processors is full of them, glued to words
// ("engineer”", "team’s").
inline size_t UnicodeSeparatorLength(std::string_view text, size_t at) {
  auto byte = [&](size_t offset) {
    return at + offset < text.size() ? static_cast<unsigned char>(text[at + offset]) : 0;
  };
  unsigned char lead = byte(0);
  if (lead == 0xC2) {
    unsigned char next = byte(1);
    return next == 0xA0 || next == 0xAB || next == 0xBB || next == 0xB7 ? 2 : 0;
  }
  if (lead == 0xE2 && (byte(1) == 0x80 || byte(1) == 0x81) && byte(2) >= 0x80 && byte(2) <= 0xBF) return 3;
  if (lead == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) return 3;
  return 0;
}

// Calls visit(word) for each word of `text`, ASCII-lowercased ("c++", "c#", "f#" keep their symbols).
// `word` points into a buffer reused for the next word.
template <typename Visit>
void ForEachWord(std::string_view text, Visit&& visit) {
  char buffer[256];
  size_t pos = 0;
  const size_t size = text.size();
  auto starts_word = [&](size_t at) {
    auto c = static_cast<unsigned char>(text[at]);
    return IsWordByte(c) && (c < 0xC2 || UnicodeSeparatorLength(text, at) == 0);
  };
  while (pos < size) {
    while (pos < size && !starts_word(pos)) {
      size_t separator = UnicodeSeparatorLength(text, pos);
      pos += separator ? separator : 1;
    }
    size_t length = 0;
    while (pos < size && starts_word(pos)) {
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

// The commonest English function words ("and", "the", "of", ...; the stemmer leaves each as it is, and
// TermOfWord keeps a word that would stem to one as it is written): their
// documents and frequencies are kept but not their positions, which would be a fifth of all positions. A
// phrase steps over them, as search engines with a stop-word list do: "head of data" holds wherever "head"
// is two words before "data" and the document has "of".
bool IsStopTerm(std::string_view term);

}  // namespace jobscope::index::internal
