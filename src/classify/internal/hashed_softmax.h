// Multinomial logistic regression over hashed, named features: the model under the role and level
// classifiers. Trained by SGD with a seeded shuffle on one thread, so training is deterministic.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "base/weight_file.h"

namespace jobscope::classify::internal {

struct HashedFeature {
  uint32_t slot;
  float value;
  std::string name;  // for explanations
};

// Adds a title's words ("t:"), word bigrams ("tb:") and character 4-grams ("tc:", over the padded
// ASCII-folded title) to `weights`, words and bigrams at `word_weight` each, 4-grams at `gram_weight`.
void AddTitleFeatures(std::string_view title, float word_weight, float gram_weight,
                      std::unordered_map<std::string, float>& weights);

// Named feature weights -> hashed features, scaled to unit length, sorted by slot.
std::vector<HashedFeature> HashFeatures(const std::unordered_map<std::string, float>& weights, uint32_t bits);

struct SoftmaxTrainOptions {
  int epochs = 6;
  double learning_rate = 0.2;
  double l2 = 1e-6;
  uint64_t seed = 23;
};

class HashedSoftmax {
 public:
  HashedSoftmax(uint32_t bits, size_t classes)
      : bits_(bits), classes_(classes), weights_((size_t{1} << bits) * classes, 0.0f) {}

  void Train(const std::vector<std::vector<HashedFeature>>& examples, const std::vector<size_t>& labels,
             const SoftmaxTrainOptions& options);
  std::vector<double> Probabilities(const std::vector<HashedFeature>& features) const;
  // The features that pushed `label` up most, with their contributions, best first.
  std::vector<std::pair<std::string, double>> TopFeatures(const std::vector<HashedFeature>& features, size_t label,
                                                          size_t count) const;

  Status Save(const std::string& path, const std::string& magic, uint32_t version) const {
    return WriteWeightFile(path, Header(magic, version), weights_, {});
  }
  Status Load(const std::string& path, const std::string& magic, uint32_t version) {
    return ReadWeightFile(path, Header(magic, version), weights_, {});
  }

 private:
  WeightFileHeader Header(const std::string& magic, uint32_t version) const {
    return {magic, version, bits_, static_cast<uint32_t>(classes_)};
  }
  uint32_t bits_;
  size_t classes_;
  std::vector<float> weights_;  // (1 << bits) x classes
};

}  // namespace jobscope::classify::internal
