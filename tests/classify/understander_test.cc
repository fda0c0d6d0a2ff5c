#include <gtest/gtest.h>

#include "classify/classify.h"

namespace jobscope::classify {
namespace {

class UnderstanderTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto taxonomy = taxonomy::Taxonomy::Load(JOBSCOPE_SOURCE_DATA_DIR "/taxonomy/skills.tsv");
    ASSERT_TRUE(taxonomy.ok());
    taxonomy_ = new taxonomy::Taxonomy(std::move(taxonomy).value());
    auto rates = extract::CurrencyRates::Load(JOBSCOPE_SOURCE_DATA_DIR "/currency_rates.tsv");
    ASSERT_TRUE(rates.ok());
    rates_ = new extract::CurrencyRates(std::move(rates).value());
  }
  static void TearDownTestSuite() {
    delete taxonomy_;
    delete rates_;
  }
  static taxonomy::Taxonomy* taxonomy_;
  static extract::CurrencyRates* rates_;
};
taxonomy::Taxonomy* UnderstanderTest::taxonomy_ = nullptr;
extract::CurrencyRates* UnderstanderTest::rates_ = nullptr;

TEST_F(UnderstanderTest, UnderstandsAWholePosting) {
  auto understander = Understander::Create(*taxonomy_, *rates_);
  ASSERT_TRUE(understander.ok());
  RawPosting raw;
  raw.source = "test";
  raw.title = "Senior NLP Engineer (Remote)";
  raw.company = "Acme AI";
  raw.location = "Boston, MA";
  raw.employment_type = "Full-time";
  raw.description =
      "<p>About the role</p><p>Requirements:</p><ul><li>5+ years of experience with Python and PyTorch</li>"
      "<li>Hugging Face Transformers</li></ul><p>Nice to have: CUDA</p>"
      "<p>The salary range is $180,000 - $220,000 per year.</p>";
  Posting posting = (*understander)->Understand(raw);
  const Understanding& u = posting.understood;
  EXPECT_EQ(u.role, Role::kNlpEngineer);
  EXPECT_EQ(u.level, Level::kSenior);
  EXPECT_EQ(u.years_experience_min, 5);
  EXPECT_EQ(u.remote, RemoteMode::kRemote);
  EXPECT_EQ(u.employment_type, EmploymentType::kFullTime);
  EXPECT_EQ(u.location.city, "Boston");
  EXPECT_EQ(u.location.country, "US");
  EXPECT_EQ(u.salary.source, SalarySource::kPostingText);
  EXPECT_DOUBLE_EQ(*u.salary.annual_min_usd, 180000);
  std::map<std::string, Requirement> skills;
  for (const SkillMention& mention : u.skills) {
    skills[mention.skill_id] = mention.requirement;
    // Spans point into the stored (markup-free) description.
    EXPECT_LE(mention.end, posting.raw.description.size());
  }
  EXPECT_EQ(skills["python"], Requirement::kRequired);
  EXPECT_EQ(skills["pytorch"], Requirement::kRequired);
  EXPECT_EQ(skills["huggingface-transformers"], Requirement::kRequired);
  EXPECT_EQ(skills["cuda"], Requirement::kNiceToHave);
  EXPECT_FALSE(posting.raw.description_original.empty());  // the HTML as given is kept
  EXPECT_EQ(posting.id.size(), 16u);
}

TEST_F(UnderstanderTest, TheShippedRoleModelDecidesWhatTheRulesCannot) {
  auto understander = Understander::Create(*taxonomy_, *rates_);
  ASSERT_TRUE(understander.ok());
  ASSERT_TRUE((*understander)->UseRoleModel(JOBSCOPE_SOURCE_DATA_DIR "/models/role_model.bin").ok());
  RawPosting raw;
  raw.title = "Senior NLP Engineer";
  raw.description = "You will train language models. 6+ years of experience required.";
  Understanding u = (*understander)->Understand(raw).understood;
  EXPECT_EQ(u.role, Role::kNlpEngineer);  // the title rule fires; the model is not needed
  EXPECT_EQ(u.role_evidence, std::vector<std::string>{"title rule"});
  EXPECT_FALSE(u.role_probability);
  EXPECT_EQ(u.level, Level::kSenior);
  EXPECT_EQ(u.level_probability, 1);
  EXPECT_EQ(u.level_evidence, std::vector<std::string>{"title says senior"});

  // A title the rules cannot place goes to the model when it is sure enough, else to the description.
  raw.title = "Member of Technical Staff";
  u = (*understander)->Understand(raw).understood;
  EXPECT_FALSE(u.role_evidence.empty());
  if (u.role_probability)
    EXPECT_GE(*u.role_probability, 0.5);
  else
    EXPECT_EQ(u.role_evidence, std::vector<std::string>{"description"});

  // LinkedIn's own field decides when neither the title nor the years say a level.
  raw.title = "Machine Learning Engineer";
  raw.description = "You will train language models.";
  raw.experience_level = "Entry level";
  u = (*understander)->Understand(raw).understood;
  EXPECT_EQ(u.level, Level::kEntry);
  EXPECT_EQ(u.level_evidence, std::vector<std::string>{"source field says Entry level"});

  // Clones share the models.
  auto clone = (*understander)->Clone();
  ASSERT_TRUE(clone.ok());
  EXPECT_EQ((*clone)->Understand(raw).understood.level_evidence, u.level_evidence);
}

TEST_F(UnderstanderTest, StructuredPayWinsOverText) {
  auto understander = Understander::Create(*taxonomy_, *rates_);
  ASSERT_TRUE(understander.ok());
  RawPosting raw;
  raw.title = "Data Scientist";
  raw.salary_min = 40;
  raw.salary_max = 50;
  raw.salary_interval = "hourly";
  raw.salary_currency = "USD";
  raw.description = "Pay: $100,000 - $120,000 per year";
  Posting posting = (*understander)->Understand(raw);
  EXPECT_EQ(posting.understood.salary.source, SalarySource::kStructured);
  EXPECT_DOUBLE_EQ(*posting.understood.salary.annual_min_usd, 40 * 2080.0);
}

TEST_F(UnderstanderTest, PayWithoutACurrencyIsInTheCurrencyOfItsCountry) {
  auto understander = Understander::Create(*taxonomy_, *rates_);
  ASSERT_TRUE(understander.ok());
  RawPosting raw;
  raw.title = "Data Scientist";
  raw.location = "Toronto, ON";
  raw.description = "Compensation: 90,000 - 110,000 per year.";
  Salary salary = (*understander)->Understand(raw).understood.salary;
  EXPECT_EQ(salary.currency, "CAD");
  EXPECT_FALSE(salary.currency_unknown);
  ASSERT_TRUE(salary.annual_min_usd.has_value());
  EXPECT_LT(*salary.annual_min_usd, 90000);  // converted, not taken 1:1
  // The place a description states when the location field is empty.
  raw.location.clear();
  raw.description = "Location: Sandy, UT\nTarget Pay 45-70 per hour";
  Posting posting = (*understander)->Understand(raw);
  EXPECT_EQ(posting.understood.location.country, "US");
  EXPECT_EQ(posting.understood.salary.currency, "USD");
  EXPECT_DOUBLE_EQ(*posting.understood.salary.annual_min_usd, 45 * 2080.0);
  // A currency the text names wins over the country's.
  raw.location = "Toronto, ON";
  raw.description = "Compensation: USD 90,000 - 110,000 per year.";
  EXPECT_EQ((*understander)->Understand(raw).understood.salary.currency, "USD");
}

TEST(DecideRoleByRules, AGenericTitleTakesTheFocusItsDescriptionAndQualifierName) {
  // Three mentions of language work: not enough alone ...
  std::string description = "You will build our LLM platform, with retrieval and prompt tooling, on Kubernetes.";
  auto plain = DecideRoleByRules("Machine Learning Engineer", description);
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->role, Role::kMlEngineer);
  // ... but the title's own "Fine-Tuning" weighs as several more.
  auto qualified = DecideRoleByRules("Machine Learning Engineer, Fine-Tuning API", description);
  ASSERT_TRUE(qualified.has_value());
  EXPECT_EQ(qualified->role, Role::kNlpEngineer);
  EXPECT_EQ(qualified->evidence, "title rule + description");
}

TEST(GuessRole, FallsBackOnTheDescription) {
  std::string text = "You will train large language models (LLM). NLP research, NLP products, LLM evaluation.";
  EXPECT_EQ(GuessRole("Member of Technical Staff", text), Role::kNlpEngineer);
  EXPECT_EQ(GuessRole("Member of Technical Staff", "Build things."), Role::kSoftwareEngineer);
}

}  // namespace
}  // namespace jobscope::classify
