#include <bit>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/text.h"

namespace jobscope::text {
namespace {

TEST(Tokens, NormalizeKeyFoldsAndCollapsesPunctuation) {
  EXPECT_EQ(NormalizeKey("  Sr. ML Engineer (NLP) "), "sr ml engineer nlp");
  EXPECT_EQ(NormalizeKey("Tecolote   Research"), "tecolote research");
}

TEST(Tokens, WordTokens) {
  auto tokens = WordTokens("Python, C++ and 5+ years");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[1], "C");
  EXPECT_EQ(tokens[3], "5");
}

TEST(Tokens, SimHashIsCloseForNearCopiesAndFarForDifferentTexts) {
  std::string base =
      "We are hiring a machine learning engineer to build ranking models in PyTorch, deploy them on "
      "Kubernetes and work with product teams on experiments across search and recommendations.";
  std::string near = base + " Apply today.";
  std::string other =
      "Our bakery is looking for a pastry chef who loves croissants, early mornings and working with "
      "a small friendly team in the heart of the old town near the river.";
  EXPECT_LE(HammingDistance(SimHash(base), SimHash(near)), 12);
  EXPECT_GT(HammingDistance(SimHash(base), SimHash(other)), 12);
  EXPECT_EQ(SimHash(base), SimHash(base));
}

// The key as its definition reads: ASCII letters and digits and bytes >= 0x80 make words, lowercased and
// joined by one space.
std::string AsciiKeyByDefinition(std::string_view text) {
  std::string key, word;
  for (unsigned char c : text) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    if (!word.empty()) key += (key.empty() ? "" : " ") + word;
    word.clear();
  }
  if (!word.empty()) key += (key.empty() ? "" : " ") + word;
  return key;
}

TEST(AsciiKey, LowercaseWordsJoinedByOneSpace) {
  EXPECT_EQ(AsciiKey("  Senior ML_Engineer -- C++ (Caf\xc3\xa9)  "), "senior ml engineer c caf\xc3\xa9");
  EXPECT_EQ(AsciiKey(""), "");
  EXPECT_EQ(AsciiKey("..."), "");
}

// 3,000 texts of up to `max_pieces` pieces drawn at random, the same for one seed: long enough to cross
// the 64-byte blocks that words are read in.
std::vector<std::string> RandomTexts(const std::vector<std::string>& pieces, size_t max_pieces, unsigned seed) {
  std::mt19937 random(seed);
  std::vector<std::string> texts(3000);
  for (std::string& text : texts) {
    const size_t count = random() % max_pieces;
    for (size_t piece = 0; piece < count; ++piece) text += pieces[random() % pieces.size()];
  }
  return texts;
}

TEST(AsciiKey, AgreesWithItsDefinitionAcrossBlocksOfSixtyFourBytes) {
  for (const std::string& text :
       RandomTexts({"a", "Z", "9", " ", "_", "-", "\n", "\xc3\xa9", "Word", "x", "  ", "@", "[", "`", "{"}, 120, 64)) {
    ASSERT_EQ(AsciiKey(text), AsciiKeyByDefinition(text)) << text;
  }
}

// SimHash as first written, byte by byte: fingerprints are stored, so every later SimHash must agree.
uint64_t SimHashByteByByte(std::string_view text) {
  auto fold = [](unsigned char c) -> unsigned char {
    if (c >= 'A' && c <= 'Z') return static_cast<unsigned char>(c + 32);
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80 ? c : 0;
  };
  std::vector<uint64_t> words;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && fold(static_cast<unsigned char>(text[pos])) == 0) ++pos;
    if (pos >= text.size()) break;
    uint64_t hash = 0xCBF29CE484222325ull;
    for (unsigned char c; pos < text.size() && (c = fold(static_cast<unsigned char>(text[pos]))) != 0; ++pos) {
      hash = (hash ^ c) * 0x100000001B3ull;
    }
    words.push_back(hash);
  }
  if (words.empty()) return 0;
  std::vector<uint64_t> shingles;
  for (size_t i = 2; i < words.size(); ++i) {
    shingles.push_back(words[i - 2] * 0x9E3779B97F4A7C15ull ^ std::rotl(words[i - 1], 21) ^ std::rotl(words[i], 42));
  }
  if (words.size() < 3) {
    const uint64_t previous = words.size() == 2 ? words[0] : 0;
    shingles.push_back(previous * 0x9E3779B97F4A7C15ull ^ std::rotl(words.back(), 21));
  }
  int ones[64] = {};
  for (uint64_t hash : shingles) {
    hash ^= hash >> 29;
    hash *= 0xBF58476D1CE4E5B9ull;
    hash ^= hash >> 32;
    for (int bit = 0; bit < 64; ++bit) ones[bit] += (hash >> bit) & 1;
  }
  uint64_t fingerprint = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (2 * static_cast<size_t>(ones[bit]) > shingles.size()) fingerprint |= uint64_t{1} << bit;
  }
  return fingerprint;
}

TEST(SimHash, StaysTheFunctionFingerprintsWereStoredWith) {
  for (const std::string& text : RandomTexts({"Data", "scientist", " ", "  ", "\n", "-", "_", "ML", "9", "\xc3\xa9",
                                              "x", "Kubernetes", "a", "B", ".", "LongWordThatKeepsGoingAndGoing"},
                                             200, 3)) {
    ASSERT_EQ(SimHash(text), SimHashByteByByte(text)) << text;
  }
}

}  // namespace
}  // namespace jobscope::text
