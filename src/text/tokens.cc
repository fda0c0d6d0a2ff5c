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

namespace {

constexpr uint64_t kFnvOffset = 0xCBF29CE484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001B3ull;

// FNV-1a of each word of `lower` [begins[i], ends[i]), four words at a time: a word's hash is a chain of
// multiplications that waits on itself byte by byte, and four chains side by side keep the multiplier busy.
void FnvOfWords(const char* lower, const std::vector<size_t>& begins, const std::vector<size_t>& ends,
                std::vector<uint64_t>& hashes) {
  const size_t count = begins.size();
  hashes.resize(count);
  auto extend = [&](uint64_t hash, size_t from, size_t to) {
    for (size_t at = from; at < to; ++at) hash = (hash ^ static_cast<unsigned char>(lower[at])) * kFnvPrime;
    return hash;
  };
  size_t word = 0;
  for (; word + 4 <= count; word += 4) {
    uint64_t h[4] = {kFnvOffset, kFnvOffset, kFnvOffset, kFnvOffset};
    size_t shortest = ends[word] - begins[word];
    for (size_t k = 1; k < 4; ++k) shortest = std::min<size_t>(shortest, ends[word + k] - begins[word + k]);
    for (size_t at = 0; at < shortest; ++at) {
      for (size_t k = 0; k < 4; ++k)
        h[k] = (h[k] ^ static_cast<unsigned char>(lower[begins[word + k] + at])) * kFnvPrime;
    }
    for (size_t k = 0; k < 4; ++k) hashes[word + k] = extend(h[k], begins[word + k] + shortest, ends[word + k]);
  }
  for (; word < count; ++word) hashes[word] = extend(kFnvOffset, begins[word], ends[word]);
}

}  // namespace

uint64_t SimHash(std::string_view text) {
  // Word hashes (FNV-1a over ASCII-folded bytes) combined three at a time into shingle hashes; each shingle
  // votes on every bit of the fingerprint. Fingerprints are stored: this must stay the same function.
  thread_local std::string lowercase;
  thread_local std::vector<size_t> begins, ends;
  thread_local std::vector<uint64_t> word_hashes;
  lowercase.resize(text.size());
  CopyLowercaseAscii(text.data(), text.size(), lowercase.data());
  begins.clear();
  ends.clear();
  ForEachWord(text, Underscore::kSeparates, [&](size_t begin, size_t end) {
    begins.push_back(begin);
    ends.push_back(end);
  });
  FnvOfWords(lowercase.data(), begins, ends, word_hashes);
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
  for (uint64_t hash : word_hashes) {
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
  // Words from bit masks (this key is made of every description stored).
  std::string out(text.size(), '\0');
  char* write = out.data();
  char* const begin = write;
  ForEachWord(text, Underscore::kSeparates, [&](size_t word_begin, size_t word_end) {
    if (write != begin) *write++ = ' ';
    CopyLowercaseAscii(text.data() + word_begin, word_end - word_begin, write);
    write += word_end - word_begin;
  });
  out.resize(static_cast<size_t>(write - begin));
  return out;
}

int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

}  // namespace jobscope::text
