// Word tokens, normalised keys and SimHash fingerprints.
#include <algorithm>
#include <array>
#include <bit>

#include "base/hash.h"
#include "base/word_bits.h"
#include "text/text.h"

namespace jobscope::text {
namespace {
bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// For each byte: its ASCII-folded self if it belongs to a word, 0 if it separates words.
constexpr auto kWordFold = [] {
  std::array<unsigned char, 256> table{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 'A' && c <= 'Z')
      table[c] = static_cast<unsigned char>(c - 'A' + 'a');
    else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80)
      table[c] = static_cast<unsigned char>(c);
  }
  return table;
}();
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

bool ContainsPhrase(std::string_view normalised, std::string_view phrase) {
  if (phrase.empty()) return false;  // found everywhere, and the search would never move on
  size_t pos = 0;
  while ((pos = normalised.find(phrase, pos)) != std::string_view::npos) {
    bool left = pos == 0 || normalised[pos - 1] == ' ';
    size_t end = pos + phrase.size();
    bool right = end == normalised.size() || normalised[end] == ' ';
    if (left && right) return true;
    pos = end;
  }
  return false;
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
  // Word hashes (FNV-1a over ASCII-folded bytes, computed while reading the word) combined three at a time
  // into shingle hashes; each shingle votes on every bit of the fingerprint.
  uint64_t window[3] = {0, 0, 0};
  size_t words = 0;
  // Bit-sliced counting: byte b of lanes[i] counts the set bits at position 8*b+i over up to 255 votes,
  // so a vote costs 8 additions instead of 64.
  constexpr uint64_t kLowBits = 0x0101010101010101ull;
  uint64_t lanes[8] = {};
  uint32_t pending = 0;
  uint32_t ones[64] = {};
  uint32_t votes = 0;
  auto flush = [&] {
    for (int lane = 0; lane < 8; ++lane) {
      for (int byte = 0; byte < 8; ++byte) ones[byte * 8 + lane] += (lanes[lane] >> (8 * byte)) & 0xFF;
      lanes[lane] = 0;
    }
    pending = 0;
  };
  auto vote = [&](uint64_t hash) {
    hash ^= hash >> 29;  // FNV's low bits mix poorly: finalise before voting
    hash *= 0xBF58476D1CE4E5B9ull;
    hash ^= hash >> 32;
    for (int lane = 0; lane < 8; ++lane) lanes[lane] += (hash >> lane) & kLowBits;
    ++votes;
    if (++pending == 255) flush();
  };
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t pos = 0;
  while (pos < size) {
    while (pos < size && kWordFold[bytes[pos]] == 0) ++pos;
    if (pos >= size) break;
    uint64_t hash = 0xCBF29CE484222325ull;
    for (unsigned char c; pos < size && (c = kWordFold[bytes[pos]]) != 0; ++pos) hash = (hash ^ c) * 0x100000001B3ull;
    window[0] = window[1];
    window[1] = window[2];
    window[2] = hash;
    if (++words >= 3) vote(window[0] * 0x9E3779B97F4A7C15ull ^ std::rotl(window[1], 21) ^ std::rotl(window[2], 42));
  }
  if (words == 0) return 0;
  if (words < 3) vote(window[1] * 0x9E3779B97F4A7C15ull ^ std::rotl(window[2], 21));
  flush();
  uint64_t fingerprint = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (2 * ones[bit] > votes) fingerprint |= (uint64_t{1} << bit);  // more votes for 1 than for 0
  }
  return fingerprint;
}

std::string AsciiKey(std::string_view text) {
  // Words are found 64 bytes at a time from a bit mask (this key is made of every description stored).
  std::string out(text.size(), '\0');
  char* write = out.data();
  char* const begin = write;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  bool inside_word = false;  // whether the byte before the block belongs to a word
  for (size_t block = 0; block < text.size(); block += 64) {
    const size_t count = std::min<size_t>(64, text.size() - block);
    const uint64_t bits = WordByteBits(bytes + block, count, Underscore::kSeparates);
    for (uint64_t left = bits; left != 0;) {
      const int offset = std::countr_zero(left);
      const int length = std::countr_one(left >> offset);
      if (!(offset == 0 && inside_word) && write != begin) *write++ = ' ';
      CopyLowercaseAscii(text.data() + block + offset, static_cast<size_t>(length), write);
      write += length;
      left = offset + length == 64 ? 0 : left & ~((uint64_t{1} << (offset + length)) - 1);
    }
    inside_word = count == 64 && (bits >> 63) != 0;
  }
  out.resize(static_cast<size_t>(write - begin));
  return out;
}

int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

}  // namespace jobscope::text
