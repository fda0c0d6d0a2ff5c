#include <filesystem>
#include <map>

#include <gtest/gtest.h>
#include <unistd.h>

#include "base/statistics.h"
#include "salary/salary.h"

namespace jobscope::salary {
namespace {

Posting Paid(const std::string& id, Level level, double pay, bool with_cuda) {
  Posting posting;
  posting.id = id;
  posting.raw.title = "ML Engineer";
  posting.understood.role = Role::kMlEngineer;
  posting.understood.level = level;
  posting.understood.location.country = "US";
  posting.understood.salary.annual_min_usd = pay;
  posting.understood.salary.annual_max_usd = pay;
  posting.understood.salary.min = pay;
  posting.understood.skills.push_back({"python", "Python", 0, 6, Requirement::kUnstated});
  if (with_cuda) posting.understood.skills.push_back({"cuda", "CUDA", 7, 11, Requirement::kUnstated});
  return posting;
}

TEST(SkillPremiums, DifferenceWithinCellsNotAcrossThem) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("premium_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    auto store = store::OpenSqliteStore(path.string());
    ASSERT_TRUE(store.ok());
    auto run = (*store)->BeginRun({"x"});
    int next = 0;
    // Seniors ask for CUDA more often and earn more: a naive comparison would credit CUDA with the level.
    for (int idx = 0; idx < 30; ++idx) {
      ASSERT_TRUE(
          (*store)->PutPosting(Paid(std::to_string(next++), Level::kSenior, 200000 + idx * 10, true), *run).ok());
      ASSERT_TRUE(
          (*store)->PutPosting(Paid(std::to_string(next++), Level::kSenior, 180000 + idx * 10, false), *run).ok());
    }
    for (int idx = 0; idx < 5; ++idx) {
      ASSERT_TRUE(
          (*store)->PutPosting(Paid(std::to_string(next++), Level::kEntry, 100000 + idx * 10, true), *run).ok());
    }
    for (int idx = 0; idx < 30; ++idx) {
      ASSERT_TRUE(
          (*store)->PutPosting(Paid(std::to_string(next++), Level::kEntry, 80000 + idx * 10, false), *run).ok());
    }
    auto premiums = SkillPremiums(**store, 20);
    ASSERT_TRUE(premiums.ok()) << premiums.status().ToString();
    ASSERT_EQ(premiums->size(), 1u);  // Python is in every posting: no "without" side to compare
    const SkillPremium& cuda = (*premiums)[0];
    EXPECT_EQ(cuda.skill_id, "cuda");
    EXPECT_EQ(cuda.postings_with, 35);
    EXPECT_NEAR(cuda.premium_usd, 20000, 100);
    EXPECT_LE(cuda.ci_low, cuda.premium_usd);
    EXPECT_GE(cuda.ci_high, cuda.premium_usd);
  }
  std::filesystem::remove(path);
}

// The medians by rank (equal pays, several cells, cells where every posting has the skill) agree with
// medians taken directly.
TEST(SkillPremiums, PointEstimateEqualsDirectMedians) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("premium_ties_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    auto store = store::OpenSqliteStore(path.string());
    ASSERT_TRUE(store.ok());
    auto run = (*store)->BeginRun({"x"});
    std::map<Level, std::pair<std::vector<double>, std::vector<double>>> sides;
    int next = 0;
    for (Level level : {Level::kEntry, Level::kMid, Level::kSenior}) {
      for (int idx = 0; idx < 41; ++idx) {
        bool with = idx % 3 == 0 || level == Level::kSenior;  // every senior has it: no comparison there
        double pay = 50000 + 1000 * (idx % 7) + (level == Level::kMid ? 30000 : 0) + (with ? 5000 : 0);  // ties
        ASSERT_TRUE((*store)->PutPosting(Paid(std::to_string(next++), level, pay, with), *run).ok());
        (with ? sides[level].first : sides[level].second).push_back(pay);
      }
    }
    double weighted = 0, weight = 0;
    for (auto& [level, pays] : sides) {
      if (pays.first.empty() || pays.second.empty()) continue;
      weighted += static_cast<double>(pays.first.size()) * (Median(pays.first) - Median(pays.second));
      weight += static_cast<double>(pays.first.size());
    }
    auto premiums = SkillPremiums(**store, 10);
    ASSERT_TRUE(premiums.ok());
    ASSERT_EQ(premiums->size(), 1u);
    EXPECT_DOUBLE_EQ((*premiums)[0].premium_usd, weighted / weight);
    EXPECT_EQ((*premiums)[0].postings_with, 14 + 14 + 41);
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace jobscope::salary
