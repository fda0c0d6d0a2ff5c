#include <filesystem>

#include <gtest/gtest.h>
#include <unistd.h>

#include "base/statistics.h"
#include "report/report.h"

namespace jobscope::report {
namespace {

Posting Make(const std::string& id, Role role, Level level, std::optional<double> pay,
             std::vector<std::string> skills) {
  Posting posting;
  posting.id = id;
  posting.raw.title = "t";
  posting.understood.role = role;
  posting.understood.level = level;
  if (pay) {
    posting.understood.salary.min = *pay;
    posting.understood.salary.annual_min_usd = *pay;
    posting.understood.salary.annual_max_usd = *pay;
  }
  for (const std::string& skill : skills)
    posting.understood.skills.push_back({skill, skill, 0, 1, Requirement::kUnstated});
  return posting;
}

TEST(Quantile, InterpolatesLinearly) {
  std::vector<double> values = {4, 1, 3, 2};
  EXPECT_DOUBLE_EQ(*Quantile(values, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(*Quantile(values, 0.0), 1);
  EXPECT_DOUBLE_EQ(*Quantile(values, 1.0), 4);
  std::vector<double> empty;
  EXPECT_FALSE(Quantile(empty, 0.5).has_value());
}

TEST(SummarizeMarket, CountsUniquePostingsSkillsAndPay) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("report_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    auto store = store::OpenSqliteStore(path.string());
    ASSERT_TRUE(store.ok());
    auto run = (*store)->BeginRun({"x"});
    ASSERT_TRUE(
        (*store)
            ->PutPosting(Make("a", Role::kMlEngineer, Level::kSenior, 200000, {"python", "python", "pytorch"}), *run)
            .ok());
    ASSERT_TRUE((*store)->PutPosting(Make("b", Role::kMlEngineer, Level::kMid, 100000, {"python"}), *run).ok());
    ASSERT_TRUE((*store)->PutPosting(Make("c", Role::kDataScientist, Level::kMid, std::nullopt, {"sql"}), *run).ok());
    Posting dup = Make("d", Role::kMlEngineer, Level::kSenior, 900000, {"python"});
    dup.duplicate_of = "a";
    ASSERT_TRUE((*store)->PutPosting(dup, *run).ok());
    auto summary = SummarizeMarket(**store, 2);
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->postings, 3);
    EXPECT_EQ(summary->duplicates, 1);
    EXPECT_EQ(summary->by_role["ml_engineer"], 2);
    EXPECT_EQ(summary->by_level["mid"], 2);
    ASSERT_EQ(summary->top_skills.size(), 2u);
    EXPECT_EQ(summary->top_skills[0].skill_id, "python");
    EXPECT_EQ(summary->top_skills[0].postings, 2);  // counted once per posting, duplicates excluded
    EXPECT_NEAR(summary->top_skills[0].share, 2.0 / 3.0, 1e-9);
    EXPECT_EQ(summary->salary.postings_with_salary, 2);
    EXPECT_DOUBLE_EQ(*summary->salary.median_annual_usd, 150000);
    EXPECT_DOUBLE_EQ(*summary->salary_by_role["ml_engineer"].median_annual_usd, 150000);
    EXPECT_FALSE(summary->salary_by_role.count("data_scientist"));
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace jobscope::report
