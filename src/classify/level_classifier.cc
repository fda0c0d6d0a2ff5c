// The level classifier: a title model learned from the aijobs.net survey (each respondent's job title and
// experience level, CC0) combined, as independent evidence, with what the title says outright and with the
// years of experience the posting asks for. The two likelihood tables are set here, in the open, from the
// usual career ladder (0-1 years entry, 2-4 mid, 5-7 senior, 8+ lead or above): no shippable data links
// years asked to level, and the postings that do (LinkedIn's field) are the evaluation reference.
#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include "classify/classify.h"
#include "classify/internal/hashed_softmax.h"
#include "text/text.h"

namespace jobscope::classify {
namespace {

constexpr uint32_t kBits = 16;
constexpr uint32_t kFormatVersion = 1;
constexpr std::array<Level, 6> kLevels = {Level::kIntern, Level::kEntry, Level::kMid,
                                          Level::kSenior, Level::kLead,  Level::kExecutive};
// How much more likely the level a title names outright is than any other.
constexpr double kTitleCueLikelihood = 300;

size_t LevelIndex(Level level) {
  return static_cast<size_t>(std::find(kLevels.begin(), kLevels.end(), level) - kLevels.begin());
}

// P(years asked | level), by the smallest number of years the posting asks for; rows in kLevels order.
std::array<double, 6> YearsLikelihood(int years) {
  if (years <= 1) return {0.30, 0.50, 0.12, 0.05, 0.02, 0.01};
  if (years <= 3) return {0.02, 0.35, 0.40, 0.15, 0.05, 0.03};
  if (years <= 5) return {0.01, 0.07, 0.35, 0.37, 0.13, 0.07};
  if (years <= 7) return {0.01, 0.02, 0.12, 0.45, 0.25, 0.15};
  return {0.01, 0.01, 0.05, 0.30, 0.33, 0.30};
}

std::vector<internal::HashedFeature> Featurize(std::string_view title) {
  std::unordered_map<std::string, float> weights;
  internal::AddTitleFeatures(title, 2, 0.5f, weights);
  weights["bias"] = 1;
  return internal::HashFeatures(weights, kBits);
}

}  // namespace

struct LevelClassifier::Impl {
  internal::HashedSoftmax model{kBits, kLevels.size()};
};

LevelClassifier::~LevelClassifier() = default;

std::span<const Level> LevelClassifier::Levels() { return kLevels; }

std::unique_ptr<LevelClassifier> LevelClassifier::Train(const std::vector<LevelExample>& examples,
                                                        const internal::SoftmaxTrainOptions& options) {
  auto classifier = std::unique_ptr<LevelClassifier>(new LevelClassifier());
  classifier->impl_ = std::make_unique<Impl>();
  std::vector<std::vector<internal::HashedFeature>> features;
  std::vector<size_t> labels;
  for (const LevelExample& example : examples) {
    if (LevelIndex(example.level) == kLevels.size()) continue;
    features.push_back(Featurize(example.title));
    labels.push_back(LevelIndex(example.level));
  }
  classifier->impl_->model.Train(features, labels, options);
  return classifier;
}

LevelPrediction LevelClassifier::Predict(std::string_view title, const extract::SeniorityCues& cues) const {
  std::vector<internal::HashedFeature> features = Featurize(title);
  std::vector<double> probabilities = impl_->model.Probabilities(features);
  LevelPrediction prediction;
  prediction.evidence.push_back("title model");
  if (cues.title_level && LevelIndex(*cues.title_level) < kLevels.size()) {
    probabilities[LevelIndex(*cues.title_level)] *= kTitleCueLikelihood;
    prediction.evidence.push_back("title says " + std::string(LevelName(*cues.title_level)));
  }
  if (cues.years_min) {
    std::array<double, 6> likelihood = YearsLikelihood(*cues.years_min);
    for (size_t idx = 0; idx < kLevels.size(); ++idx) probabilities[idx] *= likelihood[idx];
    prediction.evidence.push_back(std::to_string(*cues.years_min) + "+ years asked");
  }
  double sum = 0;
  for (double p : probabilities) sum += p;
  for (size_t idx = 0; idx < kLevels.size(); ++idx) prediction.probabilities.push_back({kLevels[idx], probabilities[idx] / sum});
  std::sort(prediction.probabilities.begin(), prediction.probabilities.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  prediction.level = prediction.probabilities.front().first;
  return prediction;
}

Status LevelClassifier::Save(const std::string& path) const { return impl_->model.Save(path, "JSLEVEL1", kFormatVersion); }

StatusOr<std::unique_ptr<LevelClassifier>> LevelClassifier::Load(const std::string& path) {
  auto classifier = std::unique_ptr<LevelClassifier>(new LevelClassifier());
  classifier->impl_ = std::make_unique<Impl>();
  JS_RETURN_IF_ERROR(classifier->impl_->model.Load(path, "JSLEVEL1", kFormatVersion));
  return classifier;
}

std::vector<LevelExample> WeakLevelLabels(const std::vector<std::pair<std::string, Level>>& titles_and_levels) {
  std::vector<LevelExample> examples;
  for (const auto& [title, stated] : titles_and_levels) {
    // What the title says outright wins (it is how the survey's "Lead" and intern titles get their level);
    // else the respondent's own level.
    std::optional<Level> level = extract::FindSeniorityCues(title, "").title_level;
    if (!level) level = stated;
    if (level && LevelIndex(*level) < kLevels.size()) examples.push_back({title, *level});
  }
  return examples;
}

LevelCrossValidation CrossValidateLevels(const std::vector<LevelExample>& examples, int folds,
                                         const internal::SoftmaxTrainOptions& options) {
  LevelCrossValidation result;
  result.examples = examples.size();
  result.confusion.assign(kLevels.size(), std::vector<int64_t>(kLevels.size(), 0));
  // Folds by title, so a title's repeats never sit on both sides.
  auto fold_of = [&](const LevelExample& example) {
    return static_cast<int>(std::hash<std::string>{}(text::AsciiKey(example.title)) % static_cast<size_t>(folds));
  };
  int64_t correct = 0;
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<LevelExample> train;
    for (const LevelExample& example : examples) {
      if (fold_of(example) != fold) train.push_back(example);
    }
    auto classifier = LevelClassifier::Train(train, options);
    for (const LevelExample& example : examples) {
      if (fold_of(example) != fold) continue;
      Level predicted = classifier->Predict(example.title, extract::FindSeniorityCues(example.title, "")).level;
      ++result.confusion[LevelIndex(example.level)][LevelIndex(predicted)];
      correct += predicted == example.level;
    }
  }
  result.accuracy = examples.empty() ? 0 : static_cast<double>(correct) / static_cast<double>(examples.size());
  return result;
}

}  // namespace jobscope::classify
