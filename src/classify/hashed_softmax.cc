#include "classify/internal/hashed_softmax.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "base/hash.h"
#include "text/text.h"

namespace jobscope::classify::internal {

void AddTitleFeatures(std::string_view title, float word_weight, float gram_weight,
                      std::unordered_map<std::string, float>& weights) {
  std::string norm_title = text::AsciiKey(title);
  std::vector<std::string_view> words = text::WordTokens(norm_title);
  for (size_t idx = 0; idx < words.size(); ++idx) {
    weights["t:" + std::string(words[idx])] += word_weight;
    if (idx + 1 < words.size())
      weights["tb:" + std::string(words[idx]) + "_" + std::string(words[idx + 1])] += word_weight;
  }
  std::string padded = " " + norm_title + " ";
  for (size_t idx = 0; idx + 4 <= padded.size(); ++idx) weights["tc:" + padded.substr(idx, 4)] += gram_weight;
}

std::vector<HashedFeature> HashFeatures(const std::unordered_map<std::string, float>& weights, uint32_t bits) {
  double norm = 0;
  for (const auto& [name, weight] : weights) norm += weight * weight;
  norm = std::sqrt(norm);
  std::vector<HashedFeature> features;
  for (const auto& [name, weight] : weights) {
    features.push_back({static_cast<uint32_t>(StableHash64(name) & ((uint64_t{1} << bits) - 1)),
                        static_cast<float>(norm > 0 ? weight / norm : 0), name});
  }
  std::sort(features.begin(), features.end(), [](const HashedFeature& a, const HashedFeature& b) {
    return a.slot != b.slot ? a.slot < b.slot : a.name < b.name;
  });
  return features;
}

void HashedSoftmax::Train(const std::vector<std::vector<HashedFeature>>& examples, const std::vector<size_t>& labels,
                          const SoftmaxTrainOptions& options) {
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  double step = options.learning_rate;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t index : order) {
      std::vector<double> probabilities = Probabilities(examples[index]);
      for (const HashedFeature& feature : examples[index]) {
        float* row = weights_.data() + static_cast<size_t>(feature.slot) * classes_;
        for (size_t label = 0; label < classes_; ++label) {
          double gradient = probabilities[label] - (label == labels[index] ? 1.0 : 0.0);
          row[label] -= static_cast<float>(step * (gradient * feature.value + options.l2 * row[label]));
        }
      }
    }
    step *= 0.7;  // anneal
  }
}

std::vector<double> HashedSoftmax::Probabilities(const std::vector<HashedFeature>& features) const {
  std::vector<double> logits(classes_, 0.0);
  for (const HashedFeature& feature : features) {
    const float* row = weights_.data() + static_cast<size_t>(feature.slot) * classes_;
    for (size_t label = 0; label < classes_; ++label) logits[label] += row[label] * feature.value;
  }
  double top = *std::max_element(logits.begin(), logits.end());
  double sum = 0;
  for (double& logit : logits) sum += (logit = std::exp(logit - top));
  for (double& logit : logits) logit /= sum;
  return logits;
}

std::vector<std::pair<std::string, double>> HashedSoftmax::TopFeatures(const std::vector<HashedFeature>& features,
                                                                       size_t label, size_t count) const {
  std::vector<std::pair<std::string, double>> top;
  for (const HashedFeature& feature : features) {
    if (feature.name == "bias") continue;
    top.push_back({feature.name, weights_[static_cast<size_t>(feature.slot) * classes_ + label] * feature.value});
  }
  std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (top.size() > count) top.resize(count);
  return top;
}

}  // namespace jobscope::classify::internal
