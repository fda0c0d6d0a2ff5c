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
