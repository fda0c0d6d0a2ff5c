#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <unistd.h>

#include "taxonomy/taxonomy.h"

namespace jobscope::taxonomy {
namespace {

BuildSources SmallSources() {
  BuildSources sources;
  sources.curated = JOBSCOPE_TEST_DATA_DIR "/curated_small.tsv";
  sources.onet_technology_skills = JOBSCOPE_TEST_DATA_DIR "/onet_small.txt";
  sources.esco_skill_labels = JOBSCOPE_TEST_DATA_DIR "/esco_small.txt";
  sources.english_words = JOBSCOPE_TEST_DATA_DIR "/words_small.txt";
  return sources;
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()) + ".tsv")).string();
}

TEST(Builder, LayersMergeStopAndSkip) {
  std::string out = TempPath("skills");
  auto report = BuildTaxonomy(SmallSources(), out);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  auto taxonomy = Taxonomy::Load(out);
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status().ToString();
  // O*NET's Python merges into the curated entry and brings its demand flags.
  const Skill* python = taxonomy->FindById("python");
  ASSERT_NE(python, nullptr);
  EXPECT_EQ(python->source, "curated+onet+esco");
  EXPECT_TRUE(python->hot);
  EXPECT_TRUE(python->in_demand);
  // The acronym alias of "Structured query language SQL" lands on curated SQL.
  EXPECT_EQ(taxonomy->FindByForm("structured query language sql")->id, "sql");
  // Vendor prefix stripped when what is left is distinctive.
  EXPECT_EQ(taxonomy->FindByForm("MATLAB")->id, "onet-the-mathworks-matlab");
  // Generic categories, stopped forms, everyday one-word ESCO labels and competences are left out.
  EXPECT_EQ(taxonomy->FindByForm("Spreadsheet"), nullptr);
  EXPECT_NE(taxonomy->FindByForm("Active Directory"), nullptr);  // a product named in title case stays
  EXPECT_EQ(taxonomy->FindByForm("Shape"), nullptr);
  EXPECT_EQ(taxonomy->FindByForm("energy"), nullptr);
  EXPECT_EQ(taxonomy->FindByForm("manage budgets"), nullptr);
  EXPECT_NE(taxonomy->FindByForm("computer science"), nullptr);
  // An O*NET product named by an everyday word matches only as written and near other skills.
  const Skill* training = taxonomy->FindByForm("Training");
  ASSERT_NE(training, nullptr);
  EXPECT_TRUE(training->rule.case_sensitive);
  EXPECT_TRUE(training->rule.ambiguous);
  // "ENGINEER" is not an acronym of the words before it, so it is no alias.
  EXPECT_EQ(taxonomy->FindByForm("engineer"), nullptr);
  std::filesystem::remove(out);
}

TEST(Builder, IsDeterministic) {
  std::string first = TempPath("first"), second = TempPath("second");
  ASSERT_TRUE(BuildTaxonomy(SmallSources(), first).ok());
  ASSERT_TRUE(BuildTaxonomy(SmallSources(), second).ok());
  auto slurp = [](const std::string& path) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  };
  EXPECT_EQ(slurp(first), slurp(second));
  std::filesystem::remove(first);
  std::filesystem::remove(second);
}

TEST(Builder, ReportsAMissingSource) {
  BuildSources sources = SmallSources();
  sources.onet_technology_skills = "/nonexistent/Technology Skills.txt";
  auto report = BuildTaxonomy(sources, TempPath("never"));
  EXPECT_EQ(report.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace jobscope::taxonomy
