#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "match/internal/score_parts.h"
#include "match/match.h"

namespace jobscope::match {
namespace {

PostingFacts Posting(std::string id, Role role, Level level, std::vector<std::pair<std::string, bool>> skills) {
  PostingFacts facts;
  facts.id = std::move(id);
  facts.title = "title " + facts.id;
  facts.role = role;
  facts.level = level;
  for (auto& [skill, required] : skills) facts.skills.push_back({skill, skill, required});
  return facts;
}

Profile Person(Role role, Level level, std::vector<std::string> skills, double years = 3) {
  Profile profile;
  profile.role = role;
  profile.level = level;
  profile.total_years = years;
  for (auto& skill : skills) profile.skills.push_back({skill, skill, "used " + skill, 1});
  return profile;
}

double Part(const Match& match, std::string_view name) {
  for (const auto& part : match.parts) {
    if (part.name == name) return part.points;
  }
  ADD_FAILURE() << "no part " << name;
  return -1;
}

TEST(MatchScorerTest, ScoreIsTheSumOfItsParts) {
  SkillWeights weights({{"python", 50}, {"spark", 10}, {"kafka", 5}}, 100);
  auto posting = Posting("p1", Role::kDataEngineer, Level::kMid, {{"python", true}, {"spark", true}, {"kafka", false}});
  posting.years_min = 4;
  Match match = ScoreMatch(Person(Role::kDataEngineer, Level::kMid, {"python", "spark"}, 2), posting, weights);
  double sum = 0;
  for (const auto& part : match.parts) {
    EXPECT_LE(part.points, part.max_points);
    sum += part.points;
  }
  EXPECT_NEAR(match.score, sum, 0.01);
  EXPECT_DOUBLE_EQ(Part(match, "wording"), 0);  // no words given
  // Every asked skill held: all 36 points but for the prior that keeps short lists from counting as sure.
  double asked = weights.Weight("python") + weights.Weight("spark");
  EXPECT_NEAR(Part(match, "required_skills"), 36 * asked / (asked + 3), 1e-9);
  EXPECT_DOUBLE_EQ(Part(match, "nice_skills"), 0);
  EXPECT_DOUBLE_EQ(Part(match, "role"), 16);
  EXPECT_DOUBLE_EQ(Part(match, "level"), 8);
  EXPECT_DOUBLE_EQ(Part(match, "years"), 4);  // 2 of 4 years
  ASSERT_EQ(match.missing.size(), 1u);
  EXPECT_EQ(match.missing[0].skill_id, "kafka");
  EXPECT_NEAR(match.missing[0].points, 8 * weights.Weight("kafka") / (weights.Weight("kafka") + 3), 1e-9);
  ASSERT_EQ(match.matched.size(), 2u);
  EXPECT_EQ(match.matched[0].evidence, "used python");
}

TEST(MatchScorerTest, RareSkillsWeighMoreAndMissingOnesAreRankedByPoints) {
  SkillWeights weights({{"python", 90}, {"cuda", 3}}, 100);
  EXPECT_GT(weights.Weight("cuda"), 2 * weights.Weight("python"));
  auto posting = Posting("p1", Role::kDeepLearningEngineer, Level::kSenior, {{"python", true}, {"cuda", true}});
  Match with_python = ScoreMatch(Person(Role::kDeepLearningEngineer, Level::kSenior, {"python"}), posting, weights);
  Match with_cuda = ScoreMatch(Person(Role::kDeepLearningEngineer, Level::kSenior, {"cuda"}), posting, weights);
  EXPECT_GT(with_cuda.score, with_python.score);
  ASSERT_EQ(with_python.missing.size(), 1u);
  // Adding the missing skill brings the score up by exactly the points it was said to add.
  Match with_both =
      ScoreMatch(Person(Role::kDeepLearningEngineer, Level::kSenior, {"python", "cuda"}), posting, weights);
  EXPECT_NEAR(with_python.score + with_python.missing[0].points, with_both.score, 0.02);
}

TEST(MatchScorerTest, SharedWordsEarnTheWordingPart) {
  SkillWeights weights;
  auto posting = Posting("p", Role::kDataScientist, Level::kMid, {{"python", true}});
  posting.words = {{1, 1.0f}, {2, 1.0f}, {3, 1.0f}, {4, 1.0f}};
  Profile person = Person(Role::kDataScientist, Level::kMid, {"python"});
  person.words = {{1, 1.0f}, {2, 1.0f}, {3, 1.0f}, {4, 1.0f}};
  EXPECT_DOUBLE_EQ(Part(ScoreMatch(person, posting, weights), "wording"), 20);  // the same words: cosine 1
  person.words = {{9, 1.0f}};
  EXPECT_DOUBLE_EQ(Part(ScoreMatch(person, posting, weights), "wording"), 0);
  person.words = {{1, 1.0f},  {9, 1.0f},  {10, 1.0f}, {11, 1.0f}, {12, 1.0f}, {13, 1.0f}, {14, 1.0f}, {15, 1.0f},
                  {16, 1.0f}, {17, 1.0f}, {18, 1.0f}, {19, 1.0f}, {20, 1.0f}, {21, 1.0f}, {22, 1.0f}, {23, 1.0f},
                  {24, 1.0f}, {25, 1.0f}, {26, 1.0f}, {27, 1.0f}, {28, 1.0f}, {29, 1.0f}, {30, 1.0f}, {31, 1.0f},
                  {32, 1.0f}, {33, 1.0f}, {34, 1.0f}, {35, 1.0f}, {36, 1.0f}, {37, 1.0f}, {38, 1.0f}, {39, 1.0f},
                  {40, 1.0f}, {41, 1.0f}, {42, 1.0f}, {43, 1.0f}, {44, 1.0f}, {45, 1.0f}, {46, 1.0f}, {47, 1.0f},
                  {48, 1.0f}, {49, 1.0f}, {50, 1.0f}, {51, 1.0f}, {52, 1.0f}, {53, 1.0f}, {54, 1.0f}, {55, 1.0f},
                  {56, 1.0f}, {57, 1.0f}, {58, 1.0f}, {59, 1.0f}, {60, 1.0f}, {61, 1.0f}, {62, 1.0f}, {63, 1.0f},
                  {64, 1.0f}, {65, 1.0f}, {66, 1.0f}, {67, 1.0f}, {68, 1.0f}, {69, 1.0f}, {70, 1.0f}, {71, 1.0f},
                  {72, 1.0f}, {73, 1.0f}, {74, 1.0f}, {75, 1.0f}, {76, 1.0f}, {77, 1.0f}, {78, 1.0f}, {79, 1.0f},
                  {80, 1.0f}, {81, 1.0f}, {82, 1.0f}, {83, 1.0f}, {84, 1.0f}, {85, 1.0f}, {86, 1.0f}, {87, 1.0f},
                  {88, 1.0f}, {89, 1.0f}, {90, 1.0f}, {91, 1.0f}, {92, 1.0f}, {93, 1.0f}, {94, 1.0f}, {95, 1.0f},
                  {96, 1.0f}, {97, 1.0f}, {98, 1.0f}, {99, 1.0f}};
  // One word of four shared with a long résumé: cosine 0.5 / sqrt(n), under the saturation of 0.2.
  double cosine = 0.5 / std::sqrt(static_cast<double>(person.words.size()));
  EXPECT_NEAR(Part(ScoreMatch(person, posting, weights), "wording"), 20 * cosine / 0.2, 1e-4);
}

TEST(MatchScorerTest, RoleAndLevelFitFollowTheLadder) {
  SkillWeights weights;
  auto posting = Posting("p", Role::kNlpEngineer, Level::kSenior, {{"python", true}});
  double same = ScoreMatch(Person(Role::kNlpEngineer, Level::kSenior, {"python"}), posting, weights).score;
  double near = ScoreMatch(Person(Role::kMlEngineer, Level::kSenior, {"python"}), posting, weights).score;
  double far = ScoreMatch(Person(Role::kDataAnalyst, Level::kSenior, {"python"}), posting, weights).score;
  EXPECT_GT(same, near);
  EXPECT_GT(near, far);
  double one_below = ScoreMatch(Person(Role::kNlpEngineer, Level::kMid, {"python"}), posting, weights).score;
  double two_below = ScoreMatch(Person(Role::kNlpEngineer, Level::kEntry, {"python"}), posting, weights).score;
  EXPECT_GT(same, one_below);
  EXPECT_GT(one_below, two_below);
  EXPECT_EQ(RoleSimilarity(Role::kMlEngineer, Role::kNlpEngineer),
            RoleSimilarity(Role::kNlpEngineer, Role::kMlEngineer));
}

TEST(MatchScorerTest, AJobDeeperIntoMachineLearningFitsLessThanTheWayDown) {
  // The roles are as alike either way, but an analyst is not shortlisted for data science as a data scientist
  // is for analysis: each step deeper into machine learning costs a share of the role part.
  EXPECT_EQ(MlDepthStepsUp(Role::kDataAnalyst, Role::kDataScientist), 2);
  EXPECT_EQ(MlDepthStepsUp(Role::kDataScientist, Role::kDataAnalyst), 0);
  EXPECT_EQ(MlDepthStepsUp(Role::kNlpEngineer, Role::kNlpEngineer), 0);
  EXPECT_LT(RoleFit(Role::kDataAnalyst, Role::kDataScientist), RoleFit(Role::kDataScientist, Role::kDataAnalyst));
  EXPECT_EQ(RoleFit(Role::kDataScientist, Role::kDataAnalyst),
            RoleSimilarity(Role::kDataScientist, Role::kDataAnalyst));
  EXPECT_EQ(RoleFit(Role::kMlEngineer, Role::kMlEngineer), 1.0);
  EXPECT_GE(RoleFit(Role::kDataAnalyst, Role::kResearchScientist), 0.0);

  SkillWeights weights;
  auto science = Posting("p", Role::kDataScientist, Level::kMid, {{"python", true}});
  auto analysis = Posting("q", Role::kDataAnalyst, Level::kMid, {{"python", true}});
  Match analyst_for_science = ScoreMatch(Person(Role::kDataAnalyst, Level::kMid, {"python"}), science, weights);
  Match scientist_for_analysis = ScoreMatch(Person(Role::kDataScientist, Level::kMid, {"python"}), analysis, weights);
  EXPECT_LT(analyst_for_science.score, scientist_for_analysis.score);
  auto role_part = [](const Match& match) {
    for (const ScorePart& part : match.parts) {
      if (part.name == "role") return part.detail;
    }
    return std::string();
  };
  EXPECT_NE(role_part(analyst_for_science).find("2 steps deeper into machine learning"), std::string::npos)
      << role_part(analyst_for_science);
  EXPECT_EQ(role_part(scientist_for_analysis).find("deeper"), std::string::npos);
}

TEST(MatchScorerTest, SkillsTheTitleNamesOrThePostingRepeatsWeighMore) {
  jobscope::Posting posting;
  posting.id = "p";
  posting.raw.title = "Senior Spark Engineer";
  for (std::string_view id : {"python", "python", "python", "spark", "sql"}) {
    std::string name = id == "python" ? "Python" : id == "spark" ? "Spark" : "SQL";
    posting.understood.skills.push_back({std::string(id), name, 0, 0, Requirement::kRequired});
  }
  PostingFacts facts = FactsOf(posting);
  ASSERT_EQ(facts.skills.size(), 3u);
  auto emphasis = [&](std::string_view id) {
    for (const auto& skill : facts.skills) {
      if (skill.skill_id == id) return skill.emphasis;
    }
    return 0.0f;
  };
  EXPECT_FLOAT_EQ(emphasis("sql"), 1);
  EXPECT_FLOAT_EQ(emphasis("python"), 1.5);  // 1 + 0.5 ln 3, in eighths
  EXPECT_FLOAT_EQ(emphasis("spark"), 3);     // named in the title
  EXPECT_TRUE(internal::TitleNames("Senior C++ Engineer", "C++"));
  EXPECT_FALSE(internal::TitleNames("Senior C++ Engineer", "C#"));
  EXPECT_FALSE(internal::TitleNames("R&D Engineer", "R"));
  EXPECT_TRUE(internal::TitleNames("ML Engineer (PyTorch)", "pytorch"));
  EXPECT_FALSE(internal::TitleNames("Sparkle Analyst", "Spark"));
  SkillWeights weights;
  double with_spark = ScoreMatch(Person(Role::kDataEngineer, Level::kSenior, {"spark"}), facts, weights).score;
  double with_python = ScoreMatch(Person(Role::kDataEngineer, Level::kSenior, {"python"}), facts, weights).score;
  double with_sql = ScoreMatch(Person(Role::kDataEngineer, Level::kSenior, {"sql"}), facts, weights).score;
  EXPECT_GT(with_spark, with_python);
  EXPECT_GT(with_python, with_sql);
}

TEST(MatchScorerTest, PayBelowTheAskTakesPointsAway) {
  SkillWeights weights;
  auto posting = Posting("p", Role::kDataScientist, Level::kMid, {{"python", true}});
  posting.salary_max_usd = 100000;
  Profile person = Person(Role::kDataScientist, Level::kMid, {"python"});
  double without_wish = ScoreMatch(person, posting, weights).score;
  person.desired_salary_usd = 90000;
  EXPECT_EQ(ScoreMatch(person, posting, weights).score, without_wish);
  person.desired_salary_usd = 150000;
  Match short_pay = ScoreMatch(person, posting, weights);
  EXPECT_LT(short_pay.score, without_wish);
  EXPECT_LT(Part(short_pay, "pay"), 0);
}

TEST(MatchScorerTest, RemoteAndPlaceFit) {
  SkillWeights weights;
  auto posting = Posting("p", Role::kDataScientist, Level::kMid, {{"python", true}});
  posting.country = "US";
  posting.region = "TX";
  Profile person = Person(Role::kDataScientist, Level::kMid, {"python"});
  person.location = {"Austin", "TX", "US"};
  EXPECT_DOUBLE_EQ(Part(ScoreMatch(person, posting, weights), "location"), 4);
  person.location = {"Dallas", "", "US"};
  EXPECT_DOUBLE_EQ(Part(ScoreMatch(person, posting, weights), "location"), 2.8);
  person.location = {"Berlin", "", "DE"};
  EXPECT_DOUBLE_EQ(Part(ScoreMatch(person, posting, weights), "location"), 0);
  posting.remote = RemoteMode::kRemote;
  EXPECT_DOUBLE_EQ(Part(ScoreMatch(person, posting, weights), "location"), 4);
}

// The market ranker gives the same postings in the same order with the same scores as scoring every posting
// one by one, and the same answer every time.
TEST(MatchIndexTest, TopMatchesEqualsScoringEveryPosting) {
  std::mt19937 random(7);
  std::vector<std::string> skills = {"python", "sql",     "spark", "pytorch", "aws",
                                     "docker", "tableau", "excel", "nlp",     "cuda"};
  std::vector<PostingFacts> postings;
  for (int i = 0; i < 400; ++i) {
    std::vector<std::pair<std::string, bool>> chosen;
    for (const auto& skill : skills) {
      if (random() % 3 == 0) chosen.emplace_back(skill, random() % 4 != 0);
    }
    auto posting = Posting("p" + std::to_string(1000 + i), static_cast<Role>(random() % 12),
                           static_cast<Level>(1 + random() % 5), chosen);
    // Emphases on and off the grid the market keeps, below 1 and above its cap too.
    static constexpr float kEmphases[] = {1, 1.5f, 3, 4.875f, 0.5f, 1.06f, 6};
    for (auto& skill : posting.skills) skill.emphasis = kEmphases[random() % std::size(kEmphases)];
    if (random() % 2) posting.years_min = static_cast<int>(random() % 8);
    posting.country = random() % 2 ? "US" : "DE";
    posting.remote = random() % 3 == 0 ? RemoteMode::kRemote : RemoteMode::kOnSite;
    for (uint32_t word = 1; word < 120; ++word) {
      if (random() % 4 == 0) posting.words.emplace_back(word, 1.0f + static_cast<float>(random() % 3));
    }
    postings.push_back(posting);
  }
  auto index = MatchIndex::FromPostings(postings);
  Profile person = Person(Role::kDataEngineer, Level::kMid, {"python", "sql", "spark", "aws"}, 4);
  person.location = {"", "", "US"};
  for (uint32_t word = 1; word < 120; word += 3) person.words.emplace_back(word, 1.0f);
  std::vector<Match> top = index->TopMatches(person, {}, 25);
  ASSERT_EQ(top.size(), 25u);
  std::vector<Match> all;
  for (const auto& posting : postings) {
    auto facts = index->Facts(posting.id);  // as the market keeps it: its heaviest words
    Match match = ScoreMatch(person, *facts, index->weights());
    if (!match.matched.empty()) all.push_back(match);
  }
  std::sort(all.begin(), all.end(), [](const Match& a, const Match& b) {
    return a.score != b.score ? a.score > b.score : a.posting_id < b.posting_id;
  });
  for (size_t i = 0; i < top.size(); ++i) {
    EXPECT_EQ(top[i].posting_id, all[i].posting_id) << i;
    EXPECT_EQ(top[i].score, all[i].score) << i;
  }
  for (int run = 0; run < 100; ++run) {
    std::vector<Match> again = index->TopMatches(person, {}, 25);
    ASSERT_EQ(again.size(), top.size());
    for (size_t i = 0; i < top.size(); ++i) {
      ASSERT_EQ(again[i].posting_id, top[i].posting_id);
      ASSERT_EQ(again[i].score, top[i].score);
    }
  }
  index::Filters filters;
  filters.country = "de";
  filters.roles = {Role::kDataEngineer, Role::kDataScientist};
  for (const Match& match : index->TopMatches(person, filters, 50)) {
    auto facts = index->Facts(match.posting_id);
    ASSERT_TRUE(facts);
    EXPECT_EQ(facts->country, "DE");
    EXPECT_TRUE(facts->role == Role::kDataEngineer || facts->role == Role::kDataScientist);
  }
}

}  // namespace
}  // namespace jobscope::match
