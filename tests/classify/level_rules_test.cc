#include <gtest/gtest.h>

#include "classify/classify.h"

namespace jobscope::classify {
namespace {

LevelDecision Decide(std::string_view title, std::string_view body, std::string_view field = "",
                     EmploymentType type = EmploymentType::kUnknown) {
  return DecideLevel(extract::FindSeniorityCues(title, body), field, type);
}

TEST(LevelRulesTest, YearsFollowTheLadder) {
  EXPECT_EQ(LevelForYears(0), Level::kEntry);
  EXPECT_EQ(LevelForYears(2), Level::kEntry);
  EXPECT_EQ(LevelForYears(3), Level::kMid);
  EXPECT_EQ(LevelForYears(4), Level::kMid);
  EXPECT_EQ(LevelForYears(5), Level::kSenior);
  EXPECT_EQ(LevelForYears(7), Level::kSenior);
  EXPECT_EQ(LevelForYears(8), Level::kLead);
}

TEST(LevelRulesTest, TitleWordsBeatYearsAndFields) {
  LevelDecision intern = Decide("Machine Learning Intern", "8+ years of experience", "Mid-Senior level");
  EXPECT_EQ(intern.level, Level::kIntern);
  EXPECT_EQ(intern.evidence, "title says intern");
  EXPECT_TRUE(intern.stated);
  EXPECT_EQ(Decide("Senior Data Scientist", "1+ years of experience", "Entry level").level, Level::kSenior);
}

TEST(LevelRulesTest, YearsInTheShapesPostingsWriteThem) {
  EXPECT_EQ(Decide("Data Scientist", "Two or more years of marketing analytics experience.").level, Level::kEntry);
  EXPECT_EQ(Decide("Data Engineer", "Requirements: 5+ years in a Data Engineering or similar position.").level,
            Level::kSenior);
  EXPECT_EQ(Decide("ML Engineer", "5+ years of implementing software product solutions.").level, Level::kSenior);
  // A preference for a field leaves the years required; a preference for the years does not.
  EXPECT_EQ(Decide("Data Scientist", "Minimum 2 years of relevant experience, preferably in retail.").level,
            Level::kEntry);
  EXPECT_EQ(Decide("Data Scientist", "3+ years of experience preferred.").level, Level::kMid);
  EXPECT_EQ(Decide("Data Scientist", "8+ years of experience preferred.").evidence, "no level stated: mid");
  // A time frame is not experience.
  EXPECT_EQ(Decide("Data Scientist", "Within 2 years of joining you will lead a team.").evidence,
            "no level stated: mid");
}

TEST(LevelRulesTest, YearsBeatTheSourceField) {
  LevelDecision decision = Decide("Data Scientist", "5+ years of experience required", "Entry level");
  EXPECT_EQ(decision.level, Level::kSenior);
  EXPECT_EQ(decision.evidence, "5+ years asked");
}

TEST(LevelRulesTest, ASpecificSourceFieldDecidesWhenNothingElseDoes) {
  EXPECT_EQ(Decide("Data Scientist", "", "Entry level").level, Level::kEntry);
  EXPECT_EQ(Decide("Data Scientist", "", "Director").level, Level::kExecutive);
  EXPECT_EQ(Decide("Data Scientist", "", "Mid-Senior level").level, Level::kMid);
  EXPECT_EQ(Decide("Data Scientist", "", "", EmploymentType::kInternship).level, Level::kIntern);
}

TEST(LevelRulesTest, NothingStatedIsMidAndSaysSo) {
  LevelDecision decision = Decide("Machine Learning Engineer", "Build models that matter.");
  EXPECT_EQ(decision.level, Level::kMid);
  EXPECT_FALSE(decision.stated);
  EXPECT_EQ(decision.evidence, "no level stated: mid");
}

TEST(LevelRulesTest, TheBodyNamingTheJobWithALevelDecidesWhenTheTitleDoesNot) {
  EXPECT_EQ(Decide("Data Scientist", "We are hiring a Senior Data Scientist to join us.").level, Level::kSenior);
  EXPECT_EQ(Decide("Data Scientist", "If you are a Sr. Data Scientist with experience, read on!").level,
            Level::kSenior);
  // A title with a team after a comma or dash is named by its head.
  LevelDecision growth = Decide("Machine Learning Engineer, Growth",
                                "As a Lead Machine Learning Engineer of the Growth org, you will own ranking.");
  EXPECT_EQ(growth.level, Level::kLead);
  EXPECT_EQ(Decide("Data Engineer - Payments", "Join as a Senior Data Engineer.").level, Level::kSenior);
  // Prose that uses the level word as a verb names no title; nor does a one-word head.
  EXPECT_EQ(Decide("Machine Learning Engineer, Growth", "You will lead machine learning engineers.").level,
            Level::kMid);
  EXPECT_EQ(Decide("Engineer, Growth", "As a senior engineer you will build.").level, Level::kMid);
}

TEST(LevelRulesTest, JobsNamedManagerAreNotPeopleManagers) {
  EXPECT_EQ(Decide("Product Manager, AI", "").level, Level::kMid);
  EXPECT_EQ(Decide("Senior Product Manager", "").level, Level::kSenior);
  EXPECT_EQ(Decide("Data Science Manager", "").level, Level::kLead);
}

}  // namespace
}  // namespace jobscope::classify
