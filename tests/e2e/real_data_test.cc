// End-to-end over the real postings in ../shared/data: every LinkedIn and Glassdoor row ingests without a
// crash, every quarantined row says why, and a second ingest of the same files adds nothing.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "e2e/run_command.h"

namespace jobscope::e2e {
namespace {

const std::string kShared = JOBSCOPE_SHARED_DATA_DIR;
const std::string kLinkedIn = kShared + "/linkedin-aiml-jobs/ai_ml_jobs_linkedin_original.csv";
const std::string kGlassdoor = kShared + "/glassdoor-ds-jobs/glassdoor_jobs.csv";

class RealDataTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kLinkedIn)) GTEST_SKIP() << "no shared data at " << kShared;
    db_ = (std::filesystem::temp_directory_path() / ("real_" + std::to_string(::getpid()) + ".db")).string();
    Remove();
  }
  void TearDown() override { Remove(); }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + suffix);
  }
  std::string db_;
};

TEST_F(RealDataTest, LinkedInAndGlassdoorIngestWholeAndIdempotently) {
  CommandResult first = RunJobscope("ingest --json --db " + db_ + " '" + kLinkedIn + "' '" + kGlassdoor + "'");
  ASSERT_EQ(first.exit_code, 0) << first.out;
  auto run = nlohmann::json::parse(first.out);
  EXPECT_EQ(run["files"][0]["layout"], "linkedin");
  EXPECT_EQ(run["files"][1]["layout"], "glassdoor");
  EXPECT_EQ(run["files"][0]["counts"]["read"], 862);
  EXPECT_EQ(run["files"][1]["counts"]["read"], 956);
  for (const auto& file : run["files"]) {
    const auto& c = file["counts"];
    EXPECT_EQ(c["read"].get<int>(),
              c["stored"].get<int>() + c["already_present"].get<int>() + c["quarantined"].get<int>());
  }
  EXPECT_GT(run["counts"]["stored"].get<int>(), 1400);

  CommandResult quarantine = RunJobscope("quarantine --json --db " + db_);
  ASSERT_EQ(quarantine.exit_code, 0);
  size_t start = 0;
  while (start < quarantine.out.size()) {
    size_t end = quarantine.out.find('\n', start);
    auto record = nlohmann::json::parse(quarantine.out.substr(start, end - start));
    EXPECT_FALSE(record["reason"].get<std::string>().empty());
    EXPECT_GT(record["row"].get<int>(), 0);
    start = end + 1;
  }

  CommandResult second = RunJobscope("ingest --json --db " + db_ + " '" + kLinkedIn + "' '" + kGlassdoor + "'");
  ASSERT_EQ(second.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(second.out)["counts"]["stored"], 0);

  CommandResult stats = RunJobscope("stats --json --db " + db_);
  ASSERT_EQ(stats.exit_code, 0);
  auto market = nlohmann::json::parse(stats.out);
  EXPECT_GT(market["salary"]["postings_with_salary"].get<int>(), 500);  // Glassdoor estimates parse
  EXPECT_FALSE(market["top_skills"].empty());
}

}  // namespace
}  // namespace jobscope::e2e
