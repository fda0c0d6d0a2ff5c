#include "base/strings.h"

#include <gtest/gtest.h>

#include "base/hash.h"

namespace jobscope {
namespace {

TEST(Strings, TrimAndLower) {
  EXPECT_EQ(TrimAscii("  a b \t\n"), "a b");
  EXPECT_EQ(TrimAscii("   "), "");
  EXPECT_EQ(AsciiLower("PyTorch 2.0"), "pytorch 2.0");
}

TEST(Strings, FindIgnoreCase) {
  EXPECT_EQ(FindIgnoreCase("Senior YEARS of", "years"), 7u);
  EXPECT_EQ(FindIgnoreCase("abc", "d"), std::string_view::npos);
  EXPECT_TRUE(StartsWithIgnoreCase("Million dollars", "million"));
  EXPECT_FALSE(EqualsIgnoreCase("ab", "abc"));
}

TEST(Strings, SplitAndJoin) {
  auto parts = SplitOn("a,,b", ',');
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[1], "");
  EXPECT_EQ(JoinStrings({"x", "y", "z"}, "|"), "x|y|z");
}

TEST(Hash, StableAcrossRuns) {
  // Stored posting ids depend on this value never changing (XXH3-64 of "jobscope").
  EXPECT_EQ(Hex64(StableHash64("jobscope")), "08e3a38bebe4b8d6");
  EXPECT_EQ(Hex64(0x1f), "000000000000001f");
  EXPECT_NE(StableHash64("a"), StableHash64("b"));
}

}  // namespace
}  // namespace jobscope
