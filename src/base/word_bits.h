// Which bytes of a text belong to words, 64 at a time as a bit mask, and lowercase copies eight bytes at a
// time: the readers that walk a whole posting word by word find each word's start and end from the mask,
// instead of a test and a branch per byte.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace jobscope {

// The eight-byte loads below keep a word's first bytes by masking the low bytes of the loaded value.
static_assert(std::endian::native == std::endian::little, "word hashing reads bytes as little-endian words");

enum class Underscore : uint8_t { kSeparates, kInWords };

// Bit i set when bytes[i] (i < count <= 64) is an ASCII letter or digit, a byte of a UTF-8 sequence (>= 0x80),
// or '_' when `underscore` says so; the bits from count on are 0.
uint64_t WordByteBits(const unsigned char* bytes, size_t count, Underscore underscore);

// Calls on_word(begin, end) for every word of `text` (a run of word bytes, as WordByteBits says), in order.
template <typename OnWord>
void ForEachWord(std::string_view text, Underscore underscore, OnWord&& on_word) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  bool waiting = false;  // a word reached the end of the block before, and may go on
  size_t waiting_begin = 0;
  for (size_t block = 0; block < text.size(); block += 64) {
    const uint64_t bits = WordByteBits(bytes + block, std::min<size_t>(64, text.size() - block), underscore);
    if (waiting && (bits & 1) == 0) {
      on_word(waiting_begin, block);
      waiting = false;
    }
    for (uint64_t left = bits; left != 0;) {
      const int offset = std::countr_zero(left);
      const int length = std::countr_one(left >> offset);
      const size_t begin = offset == 0 && waiting ? waiting_begin : block + static_cast<size_t>(offset);
      waiting = offset + length == 64;
      if (waiting) {
        waiting_begin = begin;
        break;
      }
      on_word(begin, block + static_cast<size_t>(offset + length));
      left &= ~((uint64_t{1} << (offset + length)) - 1);
    }
  }
  if (waiting) on_word(waiting_begin, text.size());
}

// Copies `size` bytes to `out` with ASCII letters lowercased, eight at a time.
void CopyLowercaseAscii(const char* in, size_t size, char* out);

// Bytes a buffer keeps past its text, as zeros, so that HashWord can load eight bytes at any word's end.
constexpr size_t kWordHashPadding = 8;

// A hash of the `size` bytes at `bytes`, read eight at a time (up to 7 bytes past `size` are read, not
// used), for tables of words built and probed in one run; never 0. Not stable across versions: nothing
// stored may depend on it.
uint64_t HashWord(const char* bytes, size_t size);

// A hash of two hashes in order ("machine" then "learning"); never 0.
uint64_t HashPair(uint64_t first, uint64_t second);

}  // namespace jobscope
