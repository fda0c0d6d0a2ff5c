// Regression: the salary finder cut its phrase a fixed number of bytes around the amount, which could
// split a UTF-8 character ("–" is three bytes); `understand --jsonl` then aborted writing invalid UTF-8.
// The phrase now starts at the amount and ends on a character boundary.
#include <gtest/gtest.h>

#include "extract/extract.h"
#include "text/text.h"

namespace jobscope::extract {
namespace {

TEST(Regress, SalaryTextIsWholeUtf8Characters) {
  CurrencyRates rates = CurrencyRates::FromMap({}, "test");
  std::string padding(75, 'x');
  for (size_t shift = 0; shift < 6; ++shift) {
    std::string text = "Salary – range $120,000 – $150,000 " + std::string(shift, ' ') + padding + "–––– per year";
    auto salary = FindSalaryInText(text, rates);
    ASSERT_TRUE(salary.has_value()) << shift;
    EXPECT_TRUE(text::IsValidUtf8(salary->text)) << shift;
    EXPECT_EQ(*salary->max, 150000);
  }
}

}  // namespace
}  // namespace jobscope::extract
