#include <iterator>
#include <random>
#include <string>

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

}  // namespace
}  // namespace jobscope::text

namespace jobscope::text {
namespace {

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

TEST(AsciiKey, AgreesWithItsDefinitionAcrossBlocksOfSixtyFourBytes) {
  const std::string pieces[] = {"a", "Z", "9", " ", "_", "-", "\n", "\xc3\xa9", "Word", "x", "  ", "@", "[", "`", "{"};
  std::mt19937 random(64);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t count = random() % 120;
    for (size_t piece = 0; piece < count; ++piece) text += pieces[random() % std::size(pieces)];
    ASSERT_EQ(AsciiKey(text), AsciiKeyByDefinition(text)) << text;
  }
}

}  // namespace
}  // namespace jobscope::text
