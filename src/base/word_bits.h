// Which bytes of a text belong to words, 64 at a time as a bit mask, and lowercase copies eight bytes at a
// time: the readers that walk a whole posting word by word find each word's start and end from the mask,
// instead of a test and a branch per byte.
#pragma once

#include <cstddef>
#include <cstdint>

namespace jobscope {

enum class Underscore : uint8_t { kSeparates, kInWords };

// Bit i set when bytes[i] (i < count <= 64) is an ASCII letter or digit, a byte of a UTF-8 sequence (>= 0x80),
// or '_' when `underscore` says so; the bits from count on are 0.
uint64_t WordByteBits(const unsigned char* bytes, size_t count, Underscore underscore);

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
