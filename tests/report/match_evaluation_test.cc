#include <cmath>

#include <gtest/gtest.h>

#include "report/report.h"

namespace jobscope::report {
namespace {

TEST(MatchEvaluationTest, NdcgOfPerfectAndReversedRankings) {
  EXPECT_DOUBLE_EQ(NdcgAtK({3, 2, 1, 0}, 10), 1.0);
  EXPECT_LT(NdcgAtK({0, 1, 2, 3}, 10), 0.6);
  EXPECT_DOUBLE_EQ(NdcgAtK({0, 0, 0}, 10), 0.0);
  // Only the first k count: a relevant posting below the cut adds nothing.
  EXPECT_DOUBLE_EQ(NdcgAtK({0, 3}, 1), 0.0);
  // gain 2^g - 1 and a log2 discount: (7/log2(3)) / 7 for one grade-3 posting in second place
  EXPECT_NEAR(NdcgAtK({0, 3}, 10), 1.0 / std::log2(3.0), 1e-12);
}

TEST(MatchEvaluationTest, AveragePrecision) {
  EXPECT_DOUBLE_EQ(AveragePrecision({3, 2, 0, 0}, 2), 1.0);
  EXPECT_DOUBLE_EQ(AveragePrecision({0, 3, 0, 2}, 2), (1.0 / 2 + 2.0 / 4) / 2);
  EXPECT_DOUBLE_EQ(AveragePrecision({1, 0}, 2), 0.0);
}

}  // namespace
}  // namespace jobscope::report
