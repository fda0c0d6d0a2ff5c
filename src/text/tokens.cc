// Word tokens, normalised keys and SimHash fingerprints.
#include <bit>

#include "base/hash.h"
#include "text/text.h"

namespace jobscope::text {
namespace {
bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}
}  // namespace

std::string NormalizeKey(std::string_view utf8) {
  std::string folded = FoldCase(utf8);
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (unsigned char c : folded) {
    if (IsWordByte(c)) {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += static_cast<char>(c);
    } else {
      pending_space = true;
    }
  }
  return out;
}

std::vector<std::string_view> WordTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && !IsWordByte(static_cast<unsigned char>(text[pos]))) ++pos;
    size_t start = pos;
    while (pos < text.size() && IsWordByte(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos > start) tokens.push_back(text.substr(start, pos - start));
  }
  return tokens;
}

uint64_t SimHash(std::string_view text) {
  std::vector<std::string_view> tokens = WordTokens(text);
  if (tokens.empty()) return 0;
  int weights[64] = {};
  std::string shingle;
  size_t shingle_count = tokens.size() >= 3 ? tokens.size() - 2 : 1;
  for (size_t idx = 0; idx < shingle_count; ++idx) {
    shingle.clear();
    for (size_t part = idx; part < std::min(idx + 3, tokens.size()); ++part) {
      for (char c : tokens[part]) shingle += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      shingle += ' ';
    }
    uint64_t hash = StableHash64(shingle);
    for (int bit = 0; bit < 64; ++bit) weights[bit] += ((hash >> bit) & 1) ? 1 : -1;
  }
  uint64_t fingerprint = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (weights[bit] > 0) fingerprint |= (uint64_t{1} << bit);
  }
  return fingerprint;
}

int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

}  // namespace jobscope::text
