#include <filesystem>

#include <gtest/gtest.h>
#include <unistd.h>

#include "classify/classify.h"

namespace jobscope::classify {
namespace {

std::vector<RoleExample> Examples() {
  std::vector<RoleExample> examples;
  const char* seniority[] = {"", "Senior ", "Junior ", "Lead ", "Staff ", "Principal "};
  for (const char* level : seniority) {
    examples.push_back({std::string(level) + "Data Scientist", "statistics models", Role::kDataScientist});
    examples.push_back({std::string(level) + "Data Engineer", "pipelines airflow", Role::kDataEngineer});
    examples.push_back({std::string(level) + "NLP Engineer", "language models", Role::kNlpEngineer});
    examples.push_back({std::string(level) + "Computer Vision Engineer", "images", Role::kComputerVisionEngineer});
  }
  return examples;
}

TEST(RoleClassifier, LearnsFromTitlesAndExplainsItself) {
  auto classifier = RoleClassifier::Train(Examples(), {});
  RolePrediction prediction = classifier->Predict("Distinguished Data Engineer", "");
  EXPECT_EQ(prediction.role, Role::kDataEngineer);
  ASSERT_EQ(prediction.probabilities.size(), AllRoles().size());
  EXPECT_EQ(prediction.probabilities.front().first, Role::kDataEngineer);
  double total = 0;
  for (const auto& [role, probability] : prediction.probabilities) total += probability;
  EXPECT_NEAR(total, 1.0, 1e-6);
  ASSERT_FALSE(prediction.top_features.empty());
  EXPECT_NE(prediction.top_features.front().first.find("engineer"), std::string::npos);
}

TEST(RoleClassifier, RoundTripsAndIsDeterministic) {
  auto first = RoleClassifier::Train(Examples(), {});
  auto second = RoleClassifier::Train(Examples(), {});
  std::string path =
      (std::filesystem::temp_directory_path() / ("role_" + std::to_string(::getpid()) + ".bin")).string();
  ASSERT_TRUE(first->Save(path).ok());
  auto loaded = RoleClassifier::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  for (const char* title : {"Vision Engineer", "Senior Scientist", "Pipeline Engineer"}) {
    auto a = first->Predict(title, ""), b = second->Predict(title, ""), c = (*loaded)->Predict(title, "");
    EXPECT_EQ(a.role, b.role);
    EXPECT_EQ(a.role, c.role);
    EXPECT_NEAR(a.probabilities.front().second, c.probabilities.front().second, 1e-6);
  }
  std::filesystem::remove(path);
  EXPECT_EQ(RoleClassifier::Load("/nonexistent").status().code(), StatusCode::kIoError);
}

TEST(RoleClassifier, WeakLabelsComeFromTheTitleRules) {
  auto examples =
      WeakRoleLabels({{"Senior NLP Engineer", ""}, {"Member of Technical Staff", ""}, {"Data Analyst", ""}});
  ASSERT_EQ(examples.size(), 2u);  // the rules name no role for "Member of Technical Staff"
  EXPECT_EQ(examples[0].role, Role::kNlpEngineer);
  EXPECT_EQ(examples[1].role, Role::kDataAnalyst);
}

TEST(RoleClassifier, CrossValidationCountsEveryExampleOnce) {
  auto examples = Examples();
  RoleCrossValidation cv = CrossValidateRoles(examples, 3, {});
  int64_t counted = 0;
  for (const auto& row : cv.confusion) {
    for (int64_t cell : row) counted += cell;
  }
  EXPECT_EQ(counted, static_cast<int64_t>(examples.size()));
  EXPECT_GT(cv.accuracy, 0.7);  // the toy roles are separable by their title words
  EXPECT_GT(cv.macro_f1, 0.6);
}

}  // namespace
}  // namespace jobscope::classify
