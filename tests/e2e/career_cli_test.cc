// `career` as people script it: --json fields of docs/CLI.md, exit codes, byte-identical output for the same
// inputs; and `career build` on the main job's postings gives back the shipped graph byte for byte, so the
// graph in data/ is what its command makes from the data.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/run_command.h"
#include "support/scratch_dir.h"

namespace jobscope::e2e {
namespace {

class CareerCliTest : public testing::Test {
 protected:
  testing_support::ScratchDir dir_{"career_cli"};
  void SetUp() override {
    resume_ = (dir_ / "ana.txt").string();
    std::ofstream(resume_)
        << "Ana Silva\nData Scientist\nLocation: Austin, TX\n\nExperience\nData Scientist, Initech  Jan 2021 - "
           "Present\n"
           "Built churn models in Python, pandas and scikit-learn; wrote SQL; ran statistics for A/B tests.\n";
  }
  std::string resume_;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_F(CareerCliTest, APlanFromAResumeHasTheDocumentedFields) {
  std::string db = (dir_ / "none.db").string();  // no store: the graph alone
  CommandResult run = RunJobscope("career --json --db " + db + " --target nlp_engineer " + resume_);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  auto plan = nlohmann::json::parse(run.out);
  EXPECT_EQ(plan["current"], "data_scientist:senior");  // almost six years as a data scientist
  for (const char* field : {"current", "role", "level", "level_source", "next", "target", "start"})
    EXPECT_TRUE(plan.contains(field)) << field;
  ASSERT_FALSE(plan["next"].empty());
  for (const char* field : {"node", "role", "level", "kind", "evidence", "fit", "fit_postings", "fit_source", "pay_now",
                            "pay_there", "pay_change", "postings", "postings_source", "thin", "gap"}) {
    EXPECT_TRUE(plan["next"][0].contains(field)) << field;
  }
  for (const char* field : {"p10", "p50", "p90", "records", "thin", "source"})
    EXPECT_TRUE(plan["next"][0]["pay_there"].contains(field)) << field;
  const auto& target = plan["target"];
  EXPECT_EQ(target["node"], "nlp_engineer:senior");  // another role: the same rung
  for (const char* field :
       {"missing", "stages", "pay", "graph_postings", "thin", "skills_pooled", "postings_considered", "unlocked_now"}) {
    EXPECT_TRUE(target.contains(field)) << field;
  }
  ASSERT_FALSE(target["stages"].empty());
  for (const char* field : {"stage", "skills", "unlocks", "unlocked_total", "example_postings"})
    EXPECT_TRUE(target["stages"][0].contains(field)) << field;
  for (const char* field : {"id", "name", "demand", "demand_postings", "value", "prerequisite_only", "premium"}) {
    EXPECT_TRUE(target["missing"][0].contains(field)) << field;
  }
  EXPECT_EQ(RunJobscope("career --json --db " + db + " --target nlp_engineer " + resume_).out, run.out)
      << "deterministic";
}

TEST_F(CareerCliTest, SkillsByHandANewcomerAndUsageErrors) {
  std::string db = (dir_ / "none.db").string();
  auto by_hand =
      RunJobscope("career --json --db " + db + " --skills python,sql,Docker --role data_engineer --level senior");
  ASSERT_EQ(by_hand.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(by_hand.out)["current"], "data_engineer:senior");
  auto newcomer = RunJobscope("career --json --db " + db + " --start");
  ASSERT_EQ(newcomer.exit_code, 0);
  auto start = nlohmann::json::parse(newcomer.out)["start"];
  ASSERT_EQ(start.size(), 12u);
  for (const char* field : {"role", "first_skills", "first_skill_names", "first_roles", "entry_pay"})
    EXPECT_TRUE(start[0].contains(field)) << field;
  EXPECT_EQ(RunJobscope("career --db " + db + " --target astronaut --start 2>/dev/null").exit_code, 2);
  EXPECT_EQ(RunJobscope("career --db " + db + " --skills notaskill 2>/dev/null").exit_code, 2);
  EXPECT_EQ(RunJobscope("career --db " + db + " --location Atlantis --start 2>/dev/null").exit_code, 2);
  EXPECT_EQ(RunJobscope("career " + resume_ + " --skills python 2>/dev/null").exit_code, 2)
      << "a résumé or skills, not both";
  EXPECT_EQ(RunJobscope("career --db " + db + " " + (dir_ / "missing.pdf").string() + " 2>/dev/null").exit_code, 1);
  EXPECT_EQ(RunJobscope("career --help >/dev/null").exit_code, 0);
  EXPECT_EQ(RunJobscope("career build --help >/dev/null").exit_code, 0);
}

TEST_F(CareerCliTest, BuildingFromTheMainJobsPostingsGivesTheShippedGraph) {
  std::string shared = JOBSCOPE_SHARED_DATA_DIR;
  std::string db = (dir_ / "jobscope.db").string();
  ASSERT_EQ(
      RunJobscope("ingest --db " + db + " '" + shared + "/linkedin-aiml-jobs/ai_ml_jobs_linkedin_original.csv' '" +
                  shared + "/glassdoor-ds-jobs/glassdoor_jobs.csv' '" + shared +
                  "/linkedin-aiml-jobs/data_science_job.csv' >/dev/null 2>&1")
          .exit_code,
      0);
  std::string out = (dir_ / "graph.json").string();
  ASSERT_EQ(RunJobscope("career build --db " + db + " --survey '" + shared + "/aijobs-salaries/salaries.csv' --onet '" +
                        shared + "/onet' --out " + out + " >/dev/null")
                .exit_code,
            0);
  EXPECT_TRUE(Slurp(out) == Slurp(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/career/graph.json"))
      << "data/career/graph.json is not what `jobscope career build` makes from the main job's store: rebuild it";
  CommandResult check = RunJobscope("career check --json --graph " + out + " --onet '" + shared + "/onet'");
  ASSERT_EQ(check.exit_code, 0);
  auto figures = nlohmann::json::parse(check.out);
  for (const char* field :
       {"onet_agreement", "onet_agreement_without_onet_edges", "skill_graph_edges", "sanity", "ladder_pay"}) {
    EXPECT_TRUE(figures.contains(field)) << field;
  }
  EXPECT_DOUBLE_EQ(figures["onet_agreement"]["share"].get<double>(), 1.0) << "O*NET's own edges link all it relates";
}

}  // namespace
}  // namespace jobscope::e2e
