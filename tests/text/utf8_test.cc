#include <gtest/gtest.h>

#include "text/text.h"

namespace jobscope::text {
namespace {

TEST(Utf8, ValidatesAndLocatesTheFirstBadByte) {
  EXPECT_TRUE(IsValidUtf8("Zürich, Genève — £45k"));
  size_t offset = 0;
  EXPECT_FALSE(IsValidUtf8("Eb\xE8ne, Mauritius", &offset));
  EXPECT_EQ(offset, 2u);
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));  // overlong encoding
}

TEST(Utf8, RepairKeepsGoodTextAndMarksBadBytes) {
  EXPECT_EQ(RepairUtf8("Eb\xE8ne"), "Eb\xEF\xBF\xBDne");
  EXPECT_EQ(RepairUtf8("plain"), "plain");
}

TEST(Utf8, FoldCaseAppliesNfkcAndCaseFolding) {
  EXPECT_EQ(FoldCase("PyTorch"), "pytorch");
  EXPECT_EQ(FoldCase("\xEF\xBC\xB0\xEF\xBD\x99"), "py");  // full-width "Ｐｙ"
  EXPECT_EQ(FoldCase("STRASSE"), "strasse");
  EXPECT_EQ(FoldCase("Straße"), "strasse");
}

}  // namespace
}  // namespace jobscope::text
