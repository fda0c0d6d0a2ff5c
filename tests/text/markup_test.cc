#include <gtest/gtest.h>

#include "text/text.h"

namespace jobscope::text {
namespace {

TEST(Markup, PlainTextPassesThroughUnchanged) {
  std::string plain = "Python & SQL; 5+ years. R < Python? maybe";
  EXPECT_EQ(StripMarkup(plain), plain);
}

TEST(Markup, StripsTagsKeepsLinesAndDecodesEntities) {
  EXPECT_EQ(StripMarkup("<p>Python &amp; SQL</p><ul><li>PyTorch</li><li>CUDA</li></ul>"),
            "Python & SQL\n* PyTorch\n* CUDA\n");
  EXPECT_EQ(StripMarkup("a&#39;b &#x41; &nbsp;c"), "a'b A  c");
}

TEST(Markup, DropsScriptsStylesAndComments) {
  EXPECT_EQ(StripMarkup("<style>p{}</style>x<!-- hidden --><script>var a=1;</script>y"), "xy");
}

TEST(Markup, RemovesMarkdownEscapesAndBold) {
  EXPECT_EQ(StripMarkup("**Requirements**\n\\- Python"), "Requirements\n- Python");
}

}  // namespace
}  // namespace jobscope::text
