#include <filesystem>

#include <gtest/gtest.h>
#include <unistd.h>

#include "salary/salary.h"

namespace jobscope::salary {
namespace {

TEST(PostingSalaryRecords, PaidPostingsWithMetroAndSkillsDuplicatesAndUnpaidLeftOut) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("posting_pay_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    auto store = store::OpenSqliteStore(path.string());
    ASSERT_TRUE(store.ok());
    auto run = (*store)->BeginRun({"x"});
    Posting paid;
    paid.id = "a";
    paid.raw.title = "Senior ML Engineer";
    paid.raw.date_posted = "2024-03-01";
    paid.understood.role = Role::kMlEngineer;
    paid.understood.level = Level::kSenior;
    paid.understood.remote = RemoteMode::kHybrid;
    paid.understood.location.city = "San Francisco";
    paid.understood.location.country = "US";
    paid.understood.salary.annual_min_usd = 180000;
    paid.understood.salary.annual_max_usd = 220000;
    paid.understood.skills.push_back({"pytorch", "PyTorch", 0, 7, Requirement::kRequired});
    paid.understood.skills.push_back({"python", "Python", 9, 15, Requirement::kRequired});
    paid.understood.skills.push_back({"pytorch", "PyTorch", 20, 27, Requirement::kRequired});
    Posting copy = paid;
    copy.id = "b";
    copy.duplicate_of = "a";
    Posting unpaid = paid;
    unpaid.id = "c";
    unpaid.understood.salary = {};
    for (const Posting* posting : {&paid, &copy, &unpaid}) ASSERT_TRUE((*store)->PutPosting(*posting, *run).ok());
    auto records = PostingSalaryRecords(**store);
    ASSERT_TRUE(records.ok()) << records.status().ToString();
    ASSERT_EQ(records->size(), 1u);
    const SalaryRecord& record = (*records)[0];
    EXPECT_TRUE(record.from_posting);
    EXPECT_DOUBLE_EQ(record.salary_usd, 200000);
    EXPECT_EQ(record.year, 2024);
    EXPECT_EQ(record.metro, "San Francisco|US");
    EXPECT_EQ(record.remote_ratio, 50);
    EXPECT_TRUE(record.skills_known);
    EXPECT_EQ(record.skills, (std::vector<std::string>{"python", "pytorch"}));
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace jobscope::salary
