#include "taxonomy/taxonomy.h"

#include <set>

#include <gtest/gtest.h>

namespace jobscope::taxonomy {
namespace {

const Taxonomy& Shipped() {
  static const Taxonomy taxonomy = [] {
    auto loaded = Taxonomy::Load(JOBSCOPE_SOURCE_DATA_DIR "/taxonomy/skills.tsv");
    if (!loaded.ok()) std::abort();
    return std::move(loaded).value();
  }();
  return taxonomy;
}

TEST(Taxonomy, ShippedTableHasTheCuratedAiLayer) {
  for (const char* id : {"pytorch",
                         "tensorflow",
                         "keras",
                         "scikit-learn",
                         "jax",
                         "huggingface-transformers",
                         "llm-fine-tuning",
                         "rag",
                         "cuda",
                         "mlflow",
                         "kubeflow",
                         "spark",
                         "hadoop",
                         "sagemaker",
                         "vertex-ai",
                         "linear-algebra",
                         "calculus",
                         "probability",
                         "statistics",
                         "reinforcement-learning"}) {
    EXPECT_NE(Shipped().FindById(id), nullptr) << id;
  }
}

TEST(Taxonomy, AliasesPeopleWriteResolve) {
  struct {
    const char* form;
    const char* id;
  } cases[] = {{"sklearn", "scikit-learn"},
               {"scikit learn", "scikit-learn"},
               {"tf", "tensorflow"},
               {"pytorch lightning", "pytorch-lightning"},
               {"k8s", "kubernetes"},
               {"GCP", "gcp"},
               {"LLMs", "llms"},
               {"Golang", "go"}};
  for (const auto& c : cases) {
    const Skill* skill = Shipped().FindByForm(c.form);
    ASSERT_NE(skill, nullptr) << c.form;
    EXPECT_EQ(skill->id, c.id) << c.form;
  }
}

TEST(Taxonomy, ASkillIsFoundByItsIdNameOrAlias) {
  for (const char* named : {"scikit-learn", "Scikit-Learn", "sklearn"}) {
    const Skill* skill = Shipped().Find(named);
    ASSERT_NE(skill, nullptr) << named;
    EXPECT_EQ(skill->id, "scikit-learn") << named;
  }
  EXPECT_EQ(Shipped().Find("no such skill"), nullptr);
}

// tests/gold/README.md: one skill per synonym set, methods typed `method`, fields and umbrellas `domain`.
TEST(Taxonomy, SynonymsShareOneSkillAndTypesFollowTheLabellingRules) {
  for (const char* form : {"LLM", "LLMs", "large language models", "large language model", "language models"}) {
    const Skill* skill = Shipped().FindByForm(form);
    ASSERT_NE(skill, nullptr) << form;
    EXPECT_EQ(skill->id, "llms") << form;
  }
  struct {
    const char* form;
    const char* type;
  } cases[] = {{"fine-tuning", "method"},
               {"model deployment", "method"},
               {"RAG", "method"},
               {"A/B testing", "method"},
               {"ETL", "method"},
               {"feature engineering", "method"},
               {"model serving", "method"},
               {"CI/CD", "method"},
               {"machine learning", "knowledge"},
               {"statistics", "knowledge"},
               {"AI", "domain"},
               {"artificial intelligence", "domain"},
               {"data science", "domain"},
               {"data analysis", "domain"},
               {"computer science", "domain"},
               {"mathematics", "domain"},
               {"electrical engineering", "domain"},
               {"banking", "domain"},
               {"company policies", "domain"},
               {"Python (computer programming)", "language"}};
  for (const auto& c : cases) {
    const Skill* skill = Shipped().FindByForm(c.form);
    ASSERT_NE(skill, nullptr) << c.form;
    EXPECT_EQ(SkillType(skill->category), c.type) << c.form;
  }
  // Generic words are no skills at all.
  for (const char* form : {"algorithms", "databases", "LinkedIn", "unstructured data"}) {
    EXPECT_EQ(Shipped().FindByForm(form), nullptr) << form;
  }
  // Braced variants in curated.tsv expand: "deploy{,ing} ... models".
  EXPECT_EQ(Shipped().FindByForm("deploying machine learning models")->id, "model-deployment");
}

// Field coverage: products and cloud services by the names postings use, vendor-qualified or not, with the
// O*NET entry of the same product merged into the curated one.
TEST(Taxonomy, ProductsAndServicesResolveByTheirUsualNames) {
  struct {
    const char* form;
    const char* id;
    const char* type;
  } cases[] = {{"SPSS", "spss", "tool"},
               {"IBM SPSS Statistics", "spss", "tool"},
               {"Data Studio", "looker-studio", "tool"},
               {"Amazon Simple Storage Service S3", "s3", "platform"},
               {"SQS", "sqs", "platform"},
               {"Cognitive Services", "azure-ai-services", "platform"},
               {"Azure Databricks", "databricks", "platform"},
               {"Sqoop", "sqoop", "tool"},
               {"MS SQL", "sql-server", "database"},
               {"Bigtable", "bigtable", "database"},
               {"Visio", "ms-visio", "tool"},
               {"ARIMA", "arima", "method"},
               {"topic modeling", "topic-modeling", "method"},
               {"MCMC", "mcmc", "method"},
               {"graph theory", "graph-theory", "knowledge"},
               {"Erlang", "erlang", "language"},
               {"marketing analytics", "marketing-analytics", "domain"}};
  for (const auto& c : cases) {
    const Skill* skill = Shipped().FindByForm(c.form);
    ASSERT_NE(skill, nullptr) << c.form;
    EXPECT_EQ(skill->id, c.id) << c.form;
    EXPECT_EQ(SkillType(skill->category), c.type) << c.form;
  }
  // Names of companies as much as of products match only with another skill nearby.
  for (const char* id : {"datadog", "cloudera", "splunk"}) {
    EXPECT_TRUE(Shipped().FindById(id)->rule.ambiguous || Shipped().FindById(id)->rule.case_sensitive) << id;
  }
  // "PPO" is a health plan far more often than an RL algorithm.
  EXPECT_EQ(Shipped().FindByForm("PPO"), nullptr);
}

// The builder adds the other number and the hyphenated or spaced compound of curated phrases.
TEST(Taxonomy, CuratedPhrasesTakeTheirSpellingVariants) {
  struct {
    const char* form;
    const char* id;
  } cases[] = {{"data-wrangling", "data-cleaning"},           {"design pattern", "design-patterns"},
               {"vector database", "vector-databases"},       {"sentence transformer", "sentence-transformers"},
               {"recommender system", "recommender-systems"}, {"fine tuning", "llm-fine-tuning"},
               {"time-series forecasting", "time-series"}};
  for (const auto& c : cases) {
    const Skill* skill = Shipped().FindByForm(c.form);
    ASSERT_NE(skill, nullptr) << c.form;
    EXPECT_EQ(skill->id, c.id) << c.form;
  }
  // A stopped form is not generated: "their data structure" is no skill.
  for (const char* form : {"data structure", "performance improvement"}) {
    EXPECT_EQ(Shipped().FindByForm(form), nullptr) << form;
  }
}

TEST(Taxonomy, HasOnetAndEscoLayersWithDemandFlags) {
  size_t onet = 0, esco = 0, hot = 0;
  std::set<std::string> ids;
  for (const Skill& skill : Shipped().skills()) {
    onet += skill.source.find("onet") != std::string::npos;
    esco += skill.source.find("esco") != std::string::npos;
    hot += skill.hot;
    EXPECT_TRUE(ids.insert(skill.id).second) << "duplicate id " << skill.id;
  }
  EXPECT_GT(onet, 5000u);
  EXPECT_GT(esco, 1000u);
  EXPECT_GT(hot, 100u);
  const Skill* python = Shipped().FindById("python");
  ASSERT_NE(python, nullptr);
  EXPECT_TRUE(python->hot);  // merged with O*NET's "Python", a Hot Technology
}

TEST(Taxonomy, LoadNamesTheBadLine) {
  auto missing = Taxonomy::Load("/nonexistent/skills.tsv");
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
}

TEST(Taxonomy, AliasRulePrefixesRoundTrip) {
  Alias alias = DecodeAlias("=?Go");
  EXPECT_EQ(alias.text, "Go");
  EXPECT_TRUE(alias.rule.case_sensitive);
  EXPECT_TRUE(alias.rule.ambiguous);
  EXPECT_EQ(EncodeAlias(alias), "=?Go");
}

}  // namespace
}  // namespace jobscope::taxonomy
