#include <random>

#include <gtest/gtest.h>

#include "extract/extract.h"

namespace jobscope::extract {
namespace {

const std::vector<std::string> kTools = {"pytorch", "tensorflow", "keras",   "spark",
                                         "kafka",   "docker",     "airflow", "redis"};
const std::vector<std::string> kVerbs = {"build", "design", "ship", "lead", "test", "deploy", "review", "own"};

// Tools and verbs in contexts of their own, in shuffled combinations.
std::vector<std::string> Corpus() {
  std::mt19937 rng(5);
  std::vector<std::string> texts;
  for (int round = 0; round < 400; ++round) {
    const std::string& tool = kTools[rng() % kTools.size()];
    const std::string& verb = kVerbs[rng() % kVerbs.size()];
    texts.push_back("Experience with " + tool + " or similar tools is a plus .");
    texts.push_back("You will " + verb + " the platform and " + kVerbs[rng() % kVerbs.size()] + " our products .");
    texts.push_back("We use " + tool + " and " + kTools[rng() % kTools.size()] + " every day since 2019 .");
  }
  return texts;
}

WordClusterOptions SmallOptions() {
  WordClusterOptions options;
  options.min_count = 3;
  options.context_words = 40;
  options.dimensions = 8;
  options.granularities = {2, 4, 8};
  return options;
}

TEST(WordClusters, WordsUsedAlikeShareAClass) {
  WordClusters clusters = WordClusters::Learn(Corpus(), SmallOptions());
  const WordClusters::Word* first_tool = clusters.Find("pytorch");
  const WordClusters::Word* first_verb = clusters.Find("build");
  ASSERT_NE(first_tool, nullptr);
  ASSERT_NE(first_verb, nullptr);
  // At the finest level (8 classes for 38 words) each group is a class of its own.
  EXPECT_NE(first_tool->classes[2], first_verb->classes[2]);
  for (const std::string& tool : kTools) {
    ASSERT_NE(clusters.Find(tool), nullptr) << tool;
    EXPECT_EQ(clusters.Find(tool)->classes[2], first_tool->classes[2]) << tool;
  }
  for (const std::string& verb : kVerbs) {
    ASSERT_NE(clusters.Find(verb), nullptr) << verb;
    EXPECT_EQ(clusters.Find(verb)->classes[2], first_verb->classes[2]) << verb;
  }
  // The binarised vectors tell the groups apart too.
  EXPECT_FALSE(first_tool->high == first_verb->high && first_tool->low == first_verb->low);
}

TEST(WordClusters, NormalizesCaseAndDigitsAndSkipsRareWords) {
  EXPECT_EQ(WordClusters::Normalize("PyTorch2.1"), "pytorch0.0");
  WordClusters clusters = WordClusters::Learn(Corpus(), SmallOptions());
  EXPECT_NE(clusters.Find(WordClusters::Normalize("2019")), nullptr);  // "0000", as every year would be
  EXPECT_EQ(clusters.Find("cobol"), nullptr);
  EXPECT_TRUE(WordClusters::Learn({}, SmallOptions()).empty());
}

TEST(WordClusters, IsDeterministicAndRoundTrips) {
  WordClusters first = WordClusters::Learn(Corpus(), SmallOptions());
  const std::string bytes = first.Serialize();
  EXPECT_EQ(WordClusters::Learn(Corpus(), SmallOptions()).Serialize(), bytes);
  auto parsed = WordClusters::Parse(bytes, "classes.bin");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->size(), first.size());
  EXPECT_EQ(parsed->Serialize(), bytes);
  for (const std::string& word : kTools) EXPECT_EQ(parsed->Find(word)->classes, first.Find(word)->classes);
}

TEST(WordClusters, RejectsTruncatedOrForeignBytes) {
  const std::string bytes = WordClusters::Learn(Corpus(), SmallOptions()).Serialize();
  auto truncated = WordClusters::Parse(std::string_view(bytes).substr(0, bytes.size() - 3), "model.bin");
  EXPECT_EQ(truncated.status().code(), StatusCode::kParseError);
  EXPECT_NE(truncated.status().message().find("model.bin"), std::string::npos);
  EXPECT_EQ(WordClusters::Parse("not a model at all", "model.bin").status().code(), StatusCode::kParseError);
}

}  // namespace
}  // namespace jobscope::extract
