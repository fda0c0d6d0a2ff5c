#include <gtest/gtest.h>

#include <filesystem>

#include <unistd.h>

#include "classify/classify.h"

namespace jobscope::classify {
namespace {

// Titles whose level the survey would teach: "Director" and "Head" executive, "Analyst" mostly entry.
std::vector<LevelExample> Examples() {
  std::vector<LevelExample> examples;
  for (int copy = 0; copy < 5; ++copy) {
    examples.push_back({"Director of Data Science", Level::kExecutive});
    examples.push_back({"Head of Machine Learning", Level::kExecutive});
    examples.push_back({"Data Analyst", Level::kEntry});
    examples.push_back({"Research Scientist", Level::kSenior});
    examples.push_back({"Machine Learning Engineer", Level::kMid});
  }
  return examples;
}

double Probability(const LevelPrediction& prediction, Level level) {
  for (const auto& [candidate, p] : prediction.probabilities) {
    if (candidate == level) return p;
  }
  return -1;
}

TEST(LevelClassifier, CombinesTitleModelTitleCueAndYears) {
  auto classifier = LevelClassifier::Train(Examples(), {});
  extract::SeniorityCues none;
  LevelPrediction title_only = classifier->Predict("Director of Machine Learning", none);
  EXPECT_EQ(title_only.level, Level::kExecutive);
  ASSERT_EQ(title_only.probabilities.size(), LevelClassifier::Levels().size());
  double total = 0;
  for (const auto& [level, p] : title_only.probabilities) total += p;
  EXPECT_NEAR(total, 1.0, 1e-9);

  // Years asked move the estimate: ten years make mid less likely than one year does.
  extract::SeniorityCues one_year, ten_years;
  one_year.years_min = 1;
  ten_years.years_min = 10;
  double mid_junior = Probability(classifier->Predict("Machine Learning Engineer", one_year), Level::kMid);
  double mid_veteran = Probability(classifier->Predict("Machine Learning Engineer", ten_years), Level::kMid);
  EXPECT_GT(mid_junior, mid_veteran);
  EXPECT_EQ(classifier->Predict("Machine Learning Engineer", ten_years).evidence.back(), "10+ years asked");

  // A level the title names outright outweighs the title model.
  extract::SeniorityCues senior_title = extract::FindSeniorityCues("Senior Data Analyst", "");
  ASSERT_TRUE(senior_title.title_level);
  EXPECT_EQ(classifier->Predict("Senior Data Analyst", senior_title).level, Level::kSenior);
}

TEST(LevelClassifier, RoundTripsAndIsDeterministic) {
  auto first = LevelClassifier::Train(Examples(), {});
  auto second = LevelClassifier::Train(Examples(), {});
  std::string path = (std::filesystem::temp_directory_path() / ("level_" + std::to_string(::getpid()) + ".bin")).string();
  ASSERT_TRUE(first->Save(path).ok());
  auto loaded = LevelClassifier::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  extract::SeniorityCues cues;
  cues.years_min = 3;
  for (const char* title : {"Head of Data", "Analyst", "Scientist"}) {
    auto a = first->Predict(title, cues), b = second->Predict(title, cues), c = (*loaded)->Predict(title, cues);
    EXPECT_EQ(a.probabilities, b.probabilities);
    EXPECT_EQ(a.level, c.level);
    EXPECT_NEAR(a.probabilities.front().second, c.probabilities.front().second, 1e-6);
  }
  std::filesystem::remove(path);
  EXPECT_EQ(LevelClassifier::Load("/nonexistent").status().code(), StatusCode::kIoError);
  // A role model is not a level model.
  auto role = RoleClassifier::Train({{"Data Scientist", "", Role::kDataScientist}}, {});
  ASSERT_TRUE(role->Save(path).ok());
  EXPECT_EQ(LevelClassifier::Load(path).status().code(), StatusCode::kParseError);
  std::filesystem::remove(path);
}

TEST(LevelClassifier, WeakLabelsPreferWhatTheTitleSays) {
  auto examples = WeakLevelLabels({{"Lead Data Scientist", Level::kSenior},
                                   {"Data Scientist", Level::kMid},
                                   {"Machine Learning Intern", Level::kEntry},
                                   {"Data Engineer", Level::kUnknown}});
  ASSERT_EQ(examples.size(), 3u);  // no level at all for the last
  EXPECT_EQ(examples[0].level, Level::kLead);
  EXPECT_EQ(examples[1].level, Level::kMid);
  EXPECT_EQ(examples[2].level, Level::kIntern);
}

TEST(LevelClassifier, CrossValidationKeepsATitleInOneFold) {
  std::vector<LevelExample> examples = Examples();
  LevelCrossValidation cv = CrossValidateLevels(examples, 5, {});
  EXPECT_EQ(cv.examples, examples.size());
  int64_t counted = 0;
  for (const auto& row : cv.confusion) {
    for (int64_t cell : row) counted += cell;
  }
  EXPECT_EQ(counted, static_cast<int64_t>(examples.size()));
  // Titles never seen in training cannot all be right by memory: five distinct titles, each held out whole.
  EXPECT_LT(cv.accuracy, 1.0);
}

}  // namespace
}  // namespace jobscope::classify
