// `profile`, `match`, `rank` and `gap` as people script them: --json fields of docs/CLI.md, exit codes, the
// shortlist CSV, and byte-identical output for the same inputs.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/run_command.h"
#include "support/scratch_dir.h"

namespace jobscope::e2e {
namespace {

class MatchCliTest : public testing::Test {
 protected:
  testing_support::ScratchDir dir_{"match_cli"};
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "resumes");
    db_ = (dir_ / "market.db").string();
    std::string postings = Write(
        "postings.jsonl",
        R"({"id":"p1","title":"Data Scientist","company":"Acme","location":"Austin, TX","description":"Required: Python, SQL, scikit-learn and statistics. 2+ years of experience building machine learning models."})"
        "\n"
        R"({"id":"p2","title":"Senior Data Engineer","company":"Beta","location":"Remote","description":"Must have: Spark, Kafka, Airflow, AWS and Python. 6+ years building data pipelines."})"
        "\n"
        R"({"id":"p3","title":"Frontend Developer","company":"Gamma","location":"Boston, MA","description":"Required: React, TypeScript, CSS and HTML."})"
        "\n");
    EXPECT_EQ(RunJobscope("ingest --db " + db_ + " " + postings + " >/dev/null").exit_code, 0);
    resume_ = Write(
        "resumes/ana.txt",
        "Ana Silva\nData Scientist\nLocation: Austin, TX\n\nExperience\nData Scientist, Initech  Jan 2021 - Present\n"
        "Built churn models in Python and scikit-learn; wrote SQL; ran statistics for A/B tests.\n\n"
        "Education\nM.Sc. in Statistics, 2020\n");
    Write("resumes/bo.txt", "Bo Chen\nFrontend Developer\nReact, TypeScript, CSS, HTML since 2019.\n");
  }
  // The stored id of the posting with this title (ids are jobscope's, not the source's).
  std::string IdOf(const std::string& title) {
    auto out = nlohmann::json::parse(RunJobscope("match --json --top 10 --db " + db_ + " " + resume_).out);
    for (const auto& match : out["matches"]) {
      if (match["title"] == title) return match["posting_id"];
    }
    ADD_FAILURE() << "no posting titled " << title;
    return "";
  }
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path) << content;
    return path;
  }
  std::string db_, resume_;
};

TEST_F(MatchCliTest, ProfileJsonHasTheDocumentedFields) {
  CommandResult result = RunJobscope("profile --json " + resume_);
  ASSERT_EQ(result.exit_code, 0) << result.out;
  auto profile = nlohmann::json::parse(result.out);
  for (const char* field : {"source", "format", "role", "role_evidence", "level", "level_evidence", "total_years",
                            "years_by_role", "jobs", "skills", "education", "location", "links"}) {
    EXPECT_TRUE(profile.contains(field)) << field;
  }
  EXPECT_EQ(profile["role"], "data_scientist");
  EXPECT_EQ(profile["education"]["degree"], "master");
  EXPECT_EQ(profile["location"]["region"], "TX");
  ASSERT_EQ(profile["jobs"].size(), 1u);
  EXPECT_EQ(profile["jobs"][0]["end"], "present");
  bool python = false;
  for (const auto& skill : profile["skills"]) {
    if (skill["id"] == "python") {
      python = true;
      EXPECT_NE(skill["evidence"].get<std::string>().find("churn models"), std::string::npos);
    }
  }
  EXPECT_TRUE(python);
}

TEST_F(MatchCliTest, AProfileIsKeptOnlyWhenAskedTo) {
  std::string store = (dir_ / "profiles.db").string();
  ASSERT_EQ(RunJobscope("profile --db " + store + " " + resume_ + " >/dev/null").exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(store));  // read in memory, nothing written
  ASSERT_EQ(RunJobscope("profile --save --db " + store + " " + resume_ + " >/dev/null 2>&1").exit_code, 0);
  ASSERT_TRUE(std::filesystem::exists(store));
  ASSERT_EQ(RunJobscope("profile --save --db " + store + " " + resume_ + " >/dev/null 2>&1").exit_code, 0);
  // Saved once per résumé (the same résumé replaces its profile), and the résumé's own text is not kept.
  std::string query =
      "sqlite3 " + store + " \"SELECT count(*), sum(instr(profile_json, 'Initech  Jan 2021')) FROM saved_profiles\"";
  FILE* pipe = ::popen(query.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char line[64] = {0};
  ASSERT_NE(std::fgets(line, sizeof line, pipe), nullptr);
  ::pclose(pipe);
  EXPECT_EQ(std::string(line), "1|0\n");
}

TEST_F(MatchCliTest, MatchRanksTheMarketAndExplainsEachScore) {
  CommandResult result = RunJobscope("match --json --db " + db_ + " " + resume_);
  ASSERT_EQ(result.exit_code, 0) << result.out;
  auto out = nlohmann::json::parse(result.out);
  ASSERT_GE(out["matches"].size(), 2u);
  const auto& best = out["matches"][0];
  EXPECT_EQ(best["title"], "Data Scientist");
  double sum = 0;
  for (const auto& part : best["parts"]) sum += part["points"].get<double>();
  EXPECT_NEAR(best["score"].get<double>(), sum, 0.05);
  EXPECT_FALSE(best["matched_skills"].empty());
  EXPECT_FALSE(best["verdict"].get<std::string>().empty());
  // The same inputs give the same bytes.
  EXPECT_EQ(RunJobscope("match --json --db " + db_ + " " + resume_).out, result.out);
  // Filters as in search; a bad one is a usage error.
  auto remote = nlohmann::json::parse(RunJobscope("match --json --remote --db " + db_ + " " + resume_).out);
  for (const auto& match : remote["matches"]) EXPECT_EQ(match["title"], "Senior Data Engineer");
  EXPECT_EQ(RunJobscope("match --country atlantis --db " + db_ + " " + resume_ + " 2>/dev/null").exit_code, 2);
}

TEST_F(MatchCliTest, RankWritesTheShortlistAndReportsBadResumes) {
  std::string bad = Write("resumes/scan.pdf", "%PDF-1.4\ngarbage");
  std::string csv = (dir_ / "shortlist.csv").string();
  CommandResult result = RunJobscope("rank " + IdOf("Data Scientist") + " --json --db " + db_ + " --resumes " +
                                     (dir_ / "resumes").string() + " --csv " + csv);
  EXPECT_EQ(result.exit_code, 1);  // one résumé could not be read; the others are still ranked
  auto out = nlohmann::json::parse(result.out);
  ASSERT_EQ(out["ranked"].size(), 2u);
  EXPECT_NE(out["ranked"][0]["resume"].get<std::string>().find("ana.txt"), std::string::npos);
  ASSERT_EQ(out["errors"].size(), 1u);
  EXPECT_NE(out["errors"][0]["error"].get<std::string>().find("scan.pdf"), std::string::npos);
  std::ifstream in(csv);
  std::stringstream lines;
  lines << in.rdbuf();
  EXPECT_EQ(lines.str().rfind("rank,resume,score,verdict,role,level,years,matched_skills,missing_skills\n1,", 0), 0u)
      << lines.str();
}

TEST_F(MatchCliTest, GapListsWhatEachMissingSkillIsWorth) {
  CommandResult result = RunJobscope("gap --json --db " + db_ + " " + resume_ + " " + IdOf("Senior Data Engineer"));
  ASSERT_EQ(result.exit_code, 0) << result.out;
  auto match = nlohmann::json::parse(result.out)["match"];
  ASSERT_FALSE(match["missing_skills"].empty());
  double previous = 1e9;
  for (const auto& skill : match["missing_skills"]) {
    EXPECT_LE(skill["points"].get<double>(), previous);
    previous = skill["points"].get<double>();
  }
  EXPECT_EQ(RunJobscope("gap --db " + db_ + " " + resume_ + " no-such-posting 2>/dev/null").exit_code, 1);
}

}  // namespace
}  // namespace jobscope::e2e
