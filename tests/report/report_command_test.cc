// `jobscope report` as people run it: writes the page and exits 0; a missing --out is a usage error (2).
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "e2e/run_command.h"
#include "support/scratch_dir.h"

namespace jobscope::e2e {
namespace {

class ReportCommandTest : public testing::Test {
 protected:
  testing_support::ScratchDir dir_{"report_cli"};
  void SetUp() override {
    db_ = (dir_ / "test.db").string();
    std::string csv = (dir_ / "jobs.csv").string();
    std::ofstream(csv)
        << "title,company,location,description,salary\n"
           "Senior ML Engineer,Acme,\"Boston, MA\",Python and PyTorch. <b>bold</b>,\"$150,000 - $170,000\"\n"
           "Data Scientist,Beta,\"Austin, TX\",SQL and Python.,\"$100,000 - $120,000\"\n";
    ASSERT_EQ(RunJobscope("ingest --db " + db_ + " " + csv + " >/dev/null 2>&1").exit_code, 0);
  }
  static std::string Read(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
  }
  std::string db_;
};

TEST_F(ReportCommandTest, WritesTheReport) {
  std::string out = (dir_ / "report.html").string();
  CommandResult result = RunJobscope("report --db " + db_ + " --out " + out);
  ASSERT_EQ(result.exit_code, 0) << result.out;
  EXPECT_NE(result.out.find("Wrote " + out), std::string::npos);
  std::string html = Read(out);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("2 unique postings"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);
  // Again: the same bytes.
  std::string again = (dir_ / "again.html").string();
  ASSERT_EQ(RunJobscope("report --json --db " + db_ + " --out " + again + " >/dev/null").exit_code, 0);
  EXPECT_EQ(Read(again), html);
}

TEST_F(ReportCommandTest, WithoutOutIsAUsageError) {
  EXPECT_EQ(RunJobscope("report --db " + db_ + " 2>/dev/null").exit_code, 2);
}

TEST_F(ReportCommandTest, AMistypedStoreIsAUsageErrorAndNoPage) {
  std::string out = (dir_ / "r.html").string();
  EXPECT_EQ(RunJobscope("report --db " + (dir_ / "typo.db").string() + " --out " + out + " 2>/dev/null").exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "typo.db"));
}

TEST_F(ReportCommandTest, AnUnwritableOutIsAFailedRun) {
  EXPECT_EQ(
      RunJobscope("report --db " + db_ + " --out " + (dir_ / "missing" / "r.html").string() + " 2>/dev/null").exit_code,
      1);
}

}  // namespace
}  // namespace jobscope::e2e
