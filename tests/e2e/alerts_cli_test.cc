// `alerts` as people script it: add, list, run (once per posting, --peek keeps the marks), remove; the --json
// fields of docs/CLI.md and the exit codes.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/run_command.h"
#include "support/scratch_dir.h"

namespace jobscope::e2e {
namespace {

class AlertsCliTest : public testing::Test {
 protected:
  testing_support::ScratchDir dir_{"alerts_cli"};
  void SetUp() override { db_ = (dir_ / "market.db").string(); }
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path) << content;
    return path;
  }
  std::string db_;
};

TEST_F(AlertsCliTest, NewPostingsAreListedOnceAndTheCommandsKeepTheirPromises) {
  ASSERT_EQ(
      RunJobscope(
          "ingest --db " + db_ + " " +
          Write("one.jsonl",
                R"({"title":"NLP Engineer","company":"Acme","location":"Austin, TX","description":"PyTorch and LLMs."})"
                "\n") +
          " >/dev/null 2>&1")
          .exit_code,
      0);
  EXPECT_EQ(RunJobscope("alerts add nlp pytorch --db " + db_ + " >/dev/null").exit_code, 0);
  EXPECT_EQ(RunJobscope("alerts add austin --city Austin --db " + db_ + " >/dev/null").exit_code, 0);
  EXPECT_EQ(RunJobscope("alerts add bad --role astronaut --db " + db_ + " 2>/dev/null").exit_code, 2);
  EXPECT_EQ(RunJobscope("alerts add x pytorch --db " + (dir_ / "missing.db").string() + " 2>/dev/null").exit_code, 2);
  auto list = nlohmann::json::parse(RunJobscope("alerts list --json --db " + db_).out);
  ASSERT_EQ(list.size(), 2u);
  for (const char* field : {"name", "query", "filters", "created_at", "last_run_at"})
    EXPECT_TRUE(list[0].contains(field)) << field;
  EXPECT_EQ(list[0]["filters"]["city"], "Austin");

  ASSERT_EQ(
      RunJobscope(
          "ingest --db " + db_ + " " +
          Write(
              "two.jsonl",
              R"({"title":"Senior NLP Engineer","company":"Beta","location":"Austin, TX","description":"PyTorch, RAG."})"
              "\n"
              R"({"title":"Frontend Developer","company":"Gamma","location":"Boston, MA","description":"React."})"
              "\n") +
          " >/dev/null 2>&1")
          .exit_code,
      0);
  auto peek = nlohmann::json::parse(RunJobscope("alerts run --peek --json --db " + db_).out);
  for (const char* field : {"through_sequence", "postings_considered", "alerts"})
    EXPECT_TRUE(peek.contains(field)) << field;
  auto run = RunJobscope("alerts run --json --db " + db_);
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(run.out), peek) << "a peek lists what the run lists";
  auto alerts = nlohmann::json::parse(run.out)["alerts"];
  ASSERT_EQ(alerts.size(), 2u);
  for (const auto& alert : alerts) {
    ASSERT_EQ(alert["postings"].size(), 1u) << alert;
    EXPECT_EQ(alert["postings"][0]["title"], "Senior NLP Engineer");
    EXPECT_FALSE(alert["postings"][0].contains("description"));
  }
  auto again = nlohmann::json::parse(RunJobscope("alerts run --json --db " + db_).out);
  for (const auto& alert : again["alerts"]) EXPECT_TRUE(alert["postings"].empty()) << "listed once";
  EXPECT_EQ(RunJobscope("alerts run nope --db " + db_ + " 2>/dev/null").exit_code, 1);
  EXPECT_EQ(RunJobscope("alerts remove nlp --db " + db_ + " >/dev/null").exit_code, 0);
  EXPECT_EQ(RunJobscope("alerts remove nlp --db " + db_ + " 2>/dev/null").exit_code, 1);
  EXPECT_EQ(RunJobscope("alerts --help >/dev/null").exit_code, 0);
  EXPECT_EQ(RunJobscope("alerts 2>/dev/null").exit_code, 2);
}

}  // namespace
}  // namespace jobscope::e2e
