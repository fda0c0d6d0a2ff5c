#include <cstdlib>
#include <filesystem>
#include <map>

#include <gtest/gtest.h>

#include "extract/extract.h"

namespace jobscope::extract {
namespace {

using taxonomy::Alias;
using taxonomy::Category;
using taxonomy::Skill;

taxonomy::Taxonomy SmallTaxonomy() {
  std::vector<Skill> skills(6);
  skills[0] = {"python", "Python", Category::kLanguage, "curated", false, false, {}, {}};
  skills[1] = {"r", "R", Category::kLanguage, "curated", false, false, {}, {true, true}};
  skills[2] = {"machine-learning", "machine learning", Category::kMlConcept, "curated", false, false, {}, {}};
  skills[3] = {"ml-engineering", "machine learning engineering", Category::kKnowledge, "curated", false, false, {}, {}};
  skills[4] = {"spark", "Apache Spark", Category::kFramework, "curated", false, false, {{"Spark", {true, true}}}, {}};
  skills[5] = {"cpp", "C++", Category::kLanguage, "curated", false, false, {{"cpp", {}}}, {}};
  return taxonomy::Taxonomy::FromSkills(std::move(skills));
}

std::vector<std::string> Ids(const std::vector<SkillMention>& mentions) {
  std::vector<std::string> ids;
  for (const auto& mention : mentions) ids.push_back(mention.skill_id);
  return ids;
}

class SkillMatcherTest : public testing::Test {
 protected:
  SkillMatcherTest() : taxonomy_(SmallTaxonomy()) {
    auto matcher = SkillMatcher::Create(taxonomy_);
    EXPECT_TRUE(matcher.ok());
    matcher_ = std::move(matcher).value();
  }
  taxonomy::Taxonomy taxonomy_;
  std::unique_ptr<SkillMatcher> matcher_;
};

TEST_F(SkillMatcherTest, ReportsSpansIntoTheText) {
  std::string text = "We use PYTHON daily.";
  auto mentions = matcher_->Find(text);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(text.substr(mentions[0].begin, mentions[0].end - mentions[0].begin), "PYTHON");
  EXPECT_EQ(mentions[0].name, "Python");
}

// Each mention a matcher over `skills` finds in `text`, as "skill-id:span as written".
class SpansFound {
 public:
  explicit SpansFound(std::vector<Skill> skills) : taxonomy_(taxonomy::Taxonomy::FromSkills(std::move(skills))) {
    auto matcher = SkillMatcher::Create(taxonomy_);
    EXPECT_TRUE(matcher.ok());
    if (matcher.ok()) matcher_ = std::move(matcher).value();
  }
  std::vector<std::string> operator()(const std::string& text) const {
    std::vector<std::string> spans;
    if (!matcher_) return spans;
    for (const SkillMention& mention : matcher_->Find(text))
      spans.push_back(mention.skill_id + ":" + text.substr(mention.begin, mention.end - mention.begin));
    return spans;
  }

 private:
  taxonomy::Taxonomy taxonomy_;
  std::unique_ptr<SkillMatcher> matcher_;
};

TEST(SkillMatcherNumber, ConceptsMeetTheirSingularAndPluralProductsKeepTheirName) {
  std::vector<Skill> skills(6);
  skills[0] = {"code-review", "code review", Category::kMethod, "curated", false, false, {}, {}};
  skills[1] = {"data-structures", "data structures", Category::kKnowledge, "curated", false, false, {}, {}};
  skills[2] = {"stats", "statistical analysis", Category::kMath, "curated", false, false, {}, {}};
  skills[3] = {"ontology", "domain ontology", Category::kKnowledge, "curated", false, false, {}, {}};
  skills[4] = {"step-functions", "Step Functions", Category::kTool, "curated", false, false, {}, {}};
  skills[5] = {"esco-joint-ventures", "joint ventures", Category::kKnowledge, "esco", false, false, {}, {}};
  const SpansFound found(std::move(skills));
  using Spans = std::vector<std::string>;
  EXPECT_EQ(found("Join code reviews; a code review a day."),
            (Spans{"code-review:code reviews", "code-review:code review"}));
  EXPECT_EQ(found("Know a data structure or two."), (Spans{"data-structures:data structure"}));
  EXPECT_EQ(found("Statistical analyses, domain ontologies."),
            (Spans{"stats:Statistical analyses", "ontology:domain ontologies"}));
  // Neither a word that only begins like the ending, nor a product's or another layer's singular.
  EXPECT_TRUE(found("code reviewer, code reviewsx").empty());
  EXPECT_EQ(found("AWS Step Functions; the next step function."), (Spans{"step-functions:Step Functions"}));
  EXPECT_TRUE(found("a joint venture").empty());
}

// Two forms of one span: one that needs no context is read, whichever the dictionaries report first.
TEST(SkillMatcherSameSpan, AFormThatNeedsNoContextWinsOverOneThatDoes) {
  std::vector<Skill> skills(2);
  skills[0] = {"hf", "Hugging Face", Category::kLibrary, "curated", false, false, {{"Transformers", {true, true}}}, {}};
  skills[1] = {"transformer-models", "transformers", Category::kKnowledge, "curated", false, false, {}, {}};
  const SpansFound found(std::move(skills));
  using Spans = std::vector<std::string>;
  EXPECT_EQ(found("large codebases, such as Transformers, to optimise"), Spans{"transformer-models:Transformers"});
}

TEST(SkillMatcherCoordination, ConceptsNamedOnceForTwoWordsAreRead) {
  std::vector<Skill> skills(7);
  skills[0] = {"model-training", "model training", Category::kMethod, "curated", false, false, {}, {}};
  skills[1] = {"model-deployment", "model deployment", Category::kMethod, "curated", false, false, {}, {}};
  skills[2] = {"machine-learning", "machine learning", Category::kMlConcept, "curated", false, false, {}, {}};
  skills[3] = {"deep-learning", "deep learning", Category::kMlConcept, "curated", false, false, {}, {}};
  skills[4] = {"stats", "statistical analysis", Category::kMath, "curated", false, false, {}, {}};
  skills[5] = {"google-cloud", "Google Cloud", Category::kCloud, "curated", false, false, {}, {}};
  skills[6] = {"esco-data-mining", "data mining", Category::kKnowledge, "esco", false, false, {}, {}};
  const SpansFound found(std::move(skills));
  using Spans = std::vector<std::string>;
  // A shared modifier, carried by the word that names the second concept alone.
  EXPECT_EQ(found("Own model training and deployment."),
            (Spans{"model-training:model training", "model-deployment:deployment"}));
  EXPECT_EQ(found("model training/deployment"),
            (Spans{"model-training:model training", "model-deployment:deployment"}));
  // In a list of single words, the first one's modifier is every item's.
  EXPECT_EQ(found("model training, tuning and deployment"),
            (Spans{"model-training:model training", "model-deployment:deployment"}));
  // A shared head, carried by the first word, also in the plural.
  EXPECT_EQ(found("Machine and deep learning."), (Spans{"machine-learning:Machine", "deep-learning:deep learning"}));
  EXPECT_EQ(found("Statistical and bioinformatics analyses."), (Spans{"stats:Statistical"}));
  // Not across other words, not for a job's name, not for products or the long tail's concepts.
  EXPECT_EQ(found("machine vision and deep learning"), Spans{"deep-learning:deep learning"});
  // A coordinator at either end of the text.
  EXPECT_EQ(found("model training and"), Spans{"model-training:model training"});
  EXPECT_EQ(found("model training/"), Spans{"model-training:model training"});
  EXPECT_EQ(found(" and deployment"), Spans{});
  EXPECT_EQ(found("/deployment"), Spans{});
  EXPECT_EQ(found("We hire machine and deep learning engineers."), Spans{});
  EXPECT_TRUE(found("Google and Azure Cloud").empty());
  EXPECT_TRUE(found("data collection and mining").empty());
  EXPECT_EQ(found("band deployment; model training for deployment"), (Spans{"model-training:model training"}));
}

TEST(SkillMatcherVerbObjects, MethodsNamedByAVerbAndItsObjectAreRead) {
  std::vector<Skill> skills(4);
  skills[0] = {"model-deployment", "model deployment", Category::kMethod, "curated", false, false, {}, {}};
  skills[0].aliases.push_back({"deploy models", {}});
  skills[1] = {"model-training", "model training", Category::kMethod, "curated", false, false, {}, {}};
  skills[2] = {"data-cleaning", "data cleaning", Category::kDataSkill, "curated", false, false, {}, {}};
  skills[3] = {"experimentation", "experimentation", Category::kMethod, "curated", false, false, {}, {}};
  skills.push_back({"code-review", "code review", Category::kMethod, "curated", false, false, {}, {}});
  const SpansFound found(std::move(skills));
  using Spans = std::vector<std::string>;
  // Up to three words between the verb and its object, "and" and another verb among them.
  EXPECT_EQ(found("You will deploy scalable ML models."), Spans{"model-deployment:deploy"});
  EXPECT_EQ(found("Train and deploy models."), (Spans{"model-training:Train", "model-deployment:deploy models"}));
  EXPECT_EQ(found("Clean the raw data; design and run experiments."),
            (Spans{"data-cleaning:Clean", "experimentation:design", "experimentation:run"}));
  // Not past a preposition, punctuation or more words, not inside a word, not for another object.
  EXPECT_TRUE(found("Train customers on models.").empty());
  // Past "and" only another verb shares the object; bare "clean" is mostly an adjective.
  EXPECT_EQ(found("Train analysts and deploy models."), Spans{"model-deployment:deploy models"});
  EXPECT_TRUE(found("Access to clean and structured data.").empty());
  EXPECT_EQ(found("Clean up data and clean the logs."), Spans{"data-cleaning:Clean"});
  EXPECT_TRUE(found("deploy").empty());
  // Code is reviewed, and so are pull requests; a code of conduct or pulled reports are not code review.
  EXPECT_EQ(found("Review pull requests daily."), Spans{"code-review:Review"});
  EXPECT_TRUE(found("Please review our Code of Conduct.").empty());
  EXPECT_TRUE(found("Review and pull reports.").empty());
  EXPECT_TRUE(found("Write clean, well-documented data tools.").empty());
  EXPECT_TRUE(found("Deploy the new large ranking models.").empty());
  EXPECT_TRUE(found("redeploy models; deployed-models; deploy code").empty());
  // A phrase the taxonomy spells out is read as written, not again from its verb.
  EXPECT_EQ(found("Deploy models."), Spans{"model-deployment:Deploy models"});
}

TEST_F(SkillMatcherTest, RespectsWordBoundaries) {
  EXPECT_TRUE(matcher_->Find("pythonic code and Pythonista").empty());
  EXPECT_EQ(Ids(matcher_->Find("(python)")), std::vector<std::string>{"python"});
}

TEST(SkillMatcherLetters, OneLetterFormsStandAlone) {
  std::vector<Skill> skills(2);
  skills[0] = {"c", "C", Category::kLanguage, "curated", false, false, {}, {}};
  skills[1] = {"cpp", "C++", Category::kLanguage, "curated", false, false, {}, {}};
  taxonomy::Taxonomy taxonomy = taxonomy::Taxonomy::FromSkills(std::move(skills));
  auto matcher = SkillMatcher::Create(taxonomy);
  ASSERT_TRUE(matcher.ok());
  // Found at the text's edges and in either case; not inside words, not as the start of C++ or "c-suite".
  std::string text = "C, arc, cc, C++, c-suite, über c, c";
  std::vector<std::pair<std::string, size_t>> found;
  for (const SkillMention& mention : (*matcher)->Find(text)) found.emplace_back(mention.skill_id, mention.begin);
  std::vector<std::pair<std::string, size_t>> expected = {{"c", 0}, {"cpp", 12}, {"c", 32}, {"c", 35}};
  EXPECT_EQ(found, expected);
  EXPECT_TRUE((*matcher)->Find("éc").empty());
}

TEST_F(SkillMatcherTest, LongestMatchWins) {
  EXPECT_EQ(Ids(matcher_->Find("machine learning engineering at scale")), std::vector<std::string>{"ml-engineering"});
}

TEST_F(SkillMatcherTest, ShortNamesNeedCaseAndContext) {
  EXPECT_EQ(Ids(matcher_->Find("Python or R")), (std::vector<std::string>{"python", "r"}));
  EXPECT_TRUE(matcher_->Find("Python or r").size() == 1);        // case
  EXPECT_TRUE(matcher_->Find("Grade R only").empty());           // no skill nearby
  EXPECT_EQ(matcher_->Find("Python. R&D lab").size(), 1u);       // R&D is not R
  EXPECT_TRUE(matcher_->Find("Spark joy\nPython").size() == 1);  // context must be on the same line
}

TEST_F(SkillMatcherTest, SymbolsStayPartOfTheName) {
  EXPECT_EQ(Ids(matcher_->Find("C++ and cpp")), (std::vector<std::string>{"cpp", "cpp"}));
}

TEST_F(SkillMatcherTest, CloneScansIndependently) {
  auto clone = matcher_->Clone();
  ASSERT_TRUE(clone.ok());
  EXPECT_EQ(Ids((*clone)->Find("Apache Spark")), std::vector<std::string>{"spark"});
  EXPECT_GE(matcher_->ScanOnly("python python"), 2u);
}

TEST_F(SkillMatcherTest, RequirementIsDecidedPerSentenceAndLabel) {
  auto requirement_of = [&](const std::string& text) {
    std::map<std::string, Requirement> out;
    for (const SkillMention& skill : matcher_->Find(text)) out[skill.skill_id] = skill.requirement;
    return out;
  };
  auto one_line = requirement_of("Requirements: Python and Apache Spark. Nice to have: C++");
  ASSERT_EQ(one_line.size(), 3u);
  EXPECT_EQ(one_line["python"], Requirement::kRequired);
  EXPECT_EQ(one_line["spark"], Requirement::kRequired);
  EXPECT_EQ(one_line["cpp"], Requirement::kNiceToHave);
  auto sentences =
      requirement_of("Requirements:\nYou know Python well. Experience with machine learning is a plus.\n- C++");
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences["python"], Requirement::kRequired);
  EXPECT_EQ(sentences["machine-learning"], Requirement::kNiceToHave);
  EXPECT_EQ(sentences["cpp"], Requirement::kRequired);  // the heading still governs the lines below
}

TEST(SkillMatcherCache, ACachedDictionaryMatchesAsACompiledOneAndABrokenCacheIsIgnored) {
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "jobscope_pattern_cache";
  std::filesystem::remove_all(dir);
  ::setenv("JOBSCOPE_CACHE_DIR", dir.c_str(), 1);
  taxonomy::Taxonomy taxonomy = SmallTaxonomy();
  const std::string text = "Requirements: Python and Apache Spark. Nice to have: C++";
  auto compiled = SkillMatcher::Create(taxonomy);  // compiles and writes the cache
  ASSERT_TRUE(compiled.ok());
  ASSERT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 1);
  std::filesystem::path file = std::filesystem::directory_iterator(dir)->path();
  auto cached = SkillMatcher::Create(taxonomy);  // reads it
  ASSERT_TRUE(cached.ok());
  EXPECT_EQ(Ids((*cached)->Find(text)), Ids((*compiled)->Find(text)));
  EXPECT_EQ(Ids((*cached)->Find(text)), (std::vector<std::string>{"python", "spark", "cpp"}));
  std::filesystem::resize_file(file, std::filesystem::file_size(file) / 2);  // a torn file
  auto recompiled = SkillMatcher::Create(taxonomy);
  ASSERT_TRUE(recompiled.ok());
  EXPECT_EQ(Ids((*recompiled)->Find(text)), Ids((*compiled)->Find(text)));
  ::unsetenv("JOBSCOPE_CACHE_DIR");
  std::filesystem::remove_all(dir);
}

TEST(RequirementOfLine, HeadingsAndInlineCues) {
  bool heading = false;
  EXPECT_EQ(RequirementOfLine("Nice to have:", Requirement::kRequired, &heading), Requirement::kNiceToHave);
  EXPECT_TRUE(heading);
  EXPECT_EQ(RequirementOfLine("Basic Qualifications", Requirement::kUnstated, &heading), Requirement::kRequired);
  EXPECT_TRUE(heading);
  EXPECT_EQ(RequirementOfLine("Experience with Spark, Kafka, or Flink is a plus", Requirement::kRequired, &heading),
            Requirement::kNiceToHave);
  EXPECT_FALSE(heading);
  EXPECT_EQ(RequirementOfLine("Build dashboards for teams", Requirement::kRequired, &heading), Requirement::kRequired);
}

}  // namespace
}  // namespace jobscope::extract
