// The role classifier: softmax regression over hashed features, trained by SGD (seeded, one thread).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <unordered_map>

#include "base/hash.h"
#include "base/strings.h"
#include "classify/classify.h"
#include "classify/internal/hashed_softmax.h"
#include "text/text.h"

namespace jobscope::classify {
namespace {

constexpr uint32_t kBits = 18;
constexpr uint32_t kSlots = 1u << kBits;
constexpr uint32_t kFormatVersion = 1;
const size_t kRoles = AllRoles().size();

// Title words and bigrams weigh 3, title character 4-grams 1, description words (first 400) 0.3, scaled
// so every example has unit length.
std::vector<internal::HashedFeature> Featurize(std::string_view title, std::string_view description) {
  std::unordered_map<std::string, float> weights;
  internal::AddTitleFeatures(title, 3, 1, weights);
  std::string body = text::AsciiKey(description.substr(0, 4000));
  size_t count = 0;
  for (std::string_view word : text::WordTokens(body)) {
    if (++count > 400) break;
    if (word.size() > 2) weights["d:" + std::string(word)] += 0.3f;
  }
  weights["bias"] = 1;
  return internal::HashFeatures(weights, kBits);
}

size_t RoleIndex(Role role) {
  auto roles = AllRoles();
  return static_cast<size_t>(std::find(roles.begin(), roles.end(), role) - roles.begin());
}

}  // namespace

struct RoleClassifier::Impl {
  internal::HashedSoftmax model{kBits, kRoles};
};

RoleClassifier::~RoleClassifier() = default;

std::unique_ptr<RoleClassifier> RoleClassifier::Train(const std::vector<RoleExample>& examples,
                                                      const RoleTrainOptions& options) {
  auto classifier = std::unique_ptr<RoleClassifier>(new RoleClassifier());
  classifier->impl_ = std::make_unique<Impl>();
  std::vector<std::vector<internal::HashedFeature>> features;
  std::vector<size_t> labels;
  for (const RoleExample& example : examples) {
    features.push_back(Featurize(example.title, example.description));
    labels.push_back(RoleIndex(example.role));
  }
  classifier->impl_->model.Train(features, labels, options);
  return classifier;
}

RolePrediction RoleClassifier::Predict(std::string_view title, std::string_view description) const {
  std::vector<internal::HashedFeature> features = Featurize(title, description);
  std::vector<double> probabilities = impl_->model.Probabilities(features);
  RolePrediction prediction;
  auto roles = AllRoles();
  for (size_t role = 0; role < kRoles; ++role) prediction.probabilities.push_back({roles[role], probabilities[role]});
  std::sort(prediction.probabilities.begin(), prediction.probabilities.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  prediction.role = prediction.probabilities.front().first;
  prediction.top_features = impl_->model.TopFeatures(features, RoleIndex(prediction.role), 5);
  return prediction;
}

Status RoleClassifier::Save(const std::string& path) const {
  return impl_->model.Save(path, "JSROLE01", kFormatVersion);
}

StatusOr<std::unique_ptr<RoleClassifier>> RoleClassifier::Load(const std::string& path) {
  auto classifier = std::unique_ptr<RoleClassifier>(new RoleClassifier());
  classifier->impl_ = std::make_unique<Impl>();
  JS_RETURN_IF_ERROR(classifier->impl_->model.Load(path, "JSROLE01", kFormatVersion));
  return classifier;
}

std::vector<RoleExample> WeakRoleLabels(const std::vector<std::pair<std::string, std::string>>& titles_and_texts) {
  std::vector<RoleExample> examples;
  for (const auto& [title, description] : titles_and_texts) {
    if (auto role = RoleFromTitle(title)) examples.push_back({title, description, *role});
  }
  return examples;
}

RoleCrossValidation CrossValidateRoles(const std::vector<RoleExample>& examples, int folds,
                                       const RoleTrainOptions& options) {
  RoleCrossValidation result;
  result.examples = examples.size();
  result.confusion.assign(kRoles, std::vector<int64_t>(kRoles, 0));
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed + 1);
  std::shuffle(order.begin(), order.end(), rng);
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<RoleExample> train;
    std::vector<const RoleExample*> test;
    for (size_t idx = 0; idx < order.size(); ++idx) {
      if (static_cast<int>(idx % static_cast<size_t>(folds)) == fold)
        test.push_back(&examples[order[idx]]);
      else
        train.push_back(examples[order[idx]]);
    }
    auto classifier = RoleClassifier::Train(train, options);
    for (const RoleExample* example : test) {
      Role predicted = classifier->Predict(example->title, example->description).role;
      ++result.confusion[RoleIndex(example->role)][RoleIndex(predicted)];
    }
  }
  int64_t correct = 0, total = 0;
  double f1_sum = 0;
  int roles_seen = 0;
  auto roles = AllRoles();
  for (size_t role = 0; role < kRoles; ++role) {
    int64_t tp = result.confusion[role][role], gold = 0, predicted = 0;
    for (size_t other = 0; other < kRoles; ++other) {
      gold += result.confusion[role][other];
      predicted += result.confusion[other][role];
    }
    correct += tp;
    total += gold;
    if (gold == 0) continue;
    double precision = predicted ? static_cast<double>(tp) / static_cast<double>(predicted) : 0;
    double recall = static_cast<double>(tp) / static_cast<double>(gold);
    result.per_role[std::string(RoleName(roles[role]))] = {precision, recall};
    f1_sum += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    ++roles_seen;
  }
  result.accuracy = total ? static_cast<double>(correct) / static_cast<double>(total) : 0;
  result.macro_f1 = roles_seen ? f1_sum / roles_seen : 0;
  return result;
}

}  // namespace jobscope::classify
