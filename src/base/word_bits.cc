#include "base/word_bits.h"

#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace jobscope {
namespace {

bool IsWordByte(unsigned char c, Underscore underscore) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
         (c == '_' && underscore == Underscore::kInWords);
}

#if defined(__SSE2__)
uint64_t WordByteBits16(const unsigned char* bytes, Underscore underscore) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
  // x in [low, low + count) as a signed comparison of x - low - 128 against count - 128.
  auto in_range = [](__m128i x, char low, char count) {
    const __m128i shifted = _mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(low + 128)));
    return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(count - 128)));
  };
  const __m128i letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 26);
  const __m128i digit = in_range(v, '0', 10);
  // v itself carries the top bit of the bytes >= 0x80.
  __m128i word = _mm_or_si128(_mm_or_si128(letter, digit), v);
  if (underscore == Underscore::kInWords) word = _mm_or_si128(word, _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
  return static_cast<uint16_t>(_mm_movemask_epi8(word));
}
#endif

}  // namespace

uint64_t WordByteBits(const unsigned char* bytes, size_t count, Underscore underscore) {
#if defined(__SSE2__)
  if (count == 64) {
    return WordByteBits16(bytes, underscore) | WordByteBits16(bytes + 16, underscore) << 16 |
           WordByteBits16(bytes + 32, underscore) << 32 | WordByteBits16(bytes + 48, underscore) << 48;
  }
#endif
  uint64_t bits = 0;
  for (size_t i = 0; i < count; ++i) bits |= uint64_t{IsWordByte(bytes[i], underscore)} << i;
  return bits;
}

void CopyLowercaseAscii(const char* in, size_t size, char* out) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  size_t at = 0;
#if defined(__SSE2__)
  for (; at + 16 <= size; at += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + at));
    const __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>('A' + 128)));
    const __m128i capital = _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(26 - 128)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + at),
                     _mm_or_si128(v, _mm_and_si128(capital, _mm_set1_epi8(0x20))));
  }
#endif
  for (; at + 8 <= size; at += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, in + at, 8);
    // Per byte, without carries between bytes: bit 7 of (low 7 bits + 0x80 - 'A') says >= 'A', of (low 7
    // bits + 0x7F - 'Z') says > 'Z'; an ASCII byte between them is a capital, and gets 0x20.
    const uint64_t low7 = chunk & (0x7F * kOnes);
    const uint64_t at_least_a = low7 + (0x80 - 'A') * kOnes;
    const uint64_t above_z = low7 + (0x7F - 'Z') * kOnes;
    const uint64_t capital = ~chunk & (at_least_a ^ above_z) & (0x80 * kOnes);
    chunk |= capital >> 2;
    std::memcpy(out + at, &chunk, 8);
  }
  for (; at < size; ++at)
    out[at] = static_cast<char>(in[at] + ((static_cast<unsigned char>(in[at] - 'A') < 26) ? 32 : 0));
}

uint64_t HashWord(const char* bytes, size_t size) {
  uint64_t hash = size * 0x9E3779B97F4A7C15ull;
  for (size_t at = 0; at < size; at += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, bytes + at, 8);
    if (size - at < 8) chunk &= (uint64_t{1} << (8 * (size - at))) - 1;
    hash = (hash ^ chunk) * 0xBF58476D1CE4E5B9ull;
    hash ^= hash >> 31;
  }
  return hash | 1;
}

uint64_t HashPair(uint64_t first, uint64_t second) {
  uint64_t hash = (std::rotl(first, 23) ^ second) * 0x94D049BB133111EBull;
  hash ^= hash >> 29;
  return hash | 1;
}

}  // namespace jobscope
