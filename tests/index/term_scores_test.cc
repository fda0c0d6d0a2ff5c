#include "index/internal/term_scores.h"

#include <array>
#include <cmath>
#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace jobscope::index::internal {
namespace {

TEST(TermScores, SummedScoresAreBitForBitTheOneAtATimeScores) {
  std::mt19937 random(7);
  std::uniform_real_distribution<float> factor(0.0f, 3.0f);
  std::uniform_int_distribution<int> frequency(0, 40);
  const uint32_t documents = 1000;
  std::vector<std::array<float, 3>> factors(documents + 1);
  for (auto& f : factors) f = {factor(random), factor(random), factor(random)};
  // Every length from 0 to 13 postings, so both the four-wide part and the rest are walked.
  for (uint32_t count = 0; count <= 13; ++count) {
    std::vector<uint32_t> docs;
    std::vector<FieldTf> tf;
    for (uint32_t doc = 17 + count; docs.size() < count; doc += 1 + random() % 50) {
      docs.push_back(doc);
      tf.push_back({static_cast<uint8_t>(frequency(random) % 3), static_cast<uint8_t>(frequency(random) % 2),
                    static_cast<uint8_t>(frequency(random) == 40 ? 255 : frequency(random))});
    }
    const uint32_t from = 10;
    std::vector<double> sums(documents, 0.25), expected(documents, 0.25);
    const double idf = 0.3 + count * 0.7;
    AddTermScores(factors.data(), docs.data(), tf.data(), count, idf, 1.2, from, sums.data());
    for (uint32_t idx = 0; idx < count; ++idx)
      expected[docs[idx] - from] += SaturatedScore(WeightedFrequency(factors[docs[idx]], tf[idx]), idf, 1.2);
    for (uint32_t doc = 0; doc < documents; ++doc) ASSERT_EQ(sums[doc], expected[doc]) << "count " << count;
  }
}

TEST(TermScores, ScoresSitOnTheGridAndNeverAboveTheExactScore) {
  for (double score : {0.0, 1e-12, 0.1, 0.123456789012345, 1.0 / 3, 2.5, 17.75, 1000.0 / 7}) {
    const double on_grid = OnScoreGrid(score);
    EXPECT_LE(on_grid, score);
    EXPECT_GT(on_grid, score - std::ldexp(1.0, -32) - 1e-18);
    EXPECT_EQ(on_grid, std::ldexp(std::round(std::ldexp(on_grid, 32)), -32)) << score;
  }
}

}  // namespace
}  // namespace jobscope::index::internal
