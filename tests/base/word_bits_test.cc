#include "base/word_bits.h"

#include <string>

#include <gtest/gtest.h>

namespace jobscope {
namespace {

TEST(WordByteBits, EveryByteValueInABlockAndInAShortTail) {
  for (int first = 0; first < 256; first += 64) {
    unsigned char block[64];
    for (int i = 0; i < 64; ++i) block[i] = static_cast<unsigned char>(first + i);
    for (Underscore underscore : {Underscore::kSeparates, Underscore::kInWords}) {
      for (size_t count : {size_t{64}, size_t{37}}) {
        const uint64_t bits = WordByteBits(block, count, underscore);
        for (size_t i = 0; i < 64; ++i) {
          const unsigned char c = block[i];
          const bool word = i < count && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                          c >= 0x80 || (c == '_' && underscore == Underscore::kInWords));
          EXPECT_EQ((bits >> i) & 1, word ? 1u : 0u) << "byte " << int{c} << " count " << count;
        }
      }
    }
  }
}

TEST(CopyLowercaseAscii, LowersCapitalsOnlyAtEveryOffsetAndLength) {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  all += all;
  // Every byte value passes through the 16-byte, the 8-byte and the byte-by-byte path.
  for (size_t begin = 0; begin < 256; ++begin) {
    for (size_t size = 0; size <= 40; ++size) {
      std::string out(size, '\0');
      CopyLowercaseAscii(all.data() + begin, size, out.data());
      for (size_t i = 0; i < size; ++i) {
        const unsigned char c = static_cast<unsigned char>(all[begin + i]);
        ASSERT_EQ(static_cast<unsigned char>(out[i]), c >= 'A' && c <= 'Z' ? c + 32 : c) << begin << " " << i;
      }
    }
  }
}

}  // namespace
}  // namespace jobscope
