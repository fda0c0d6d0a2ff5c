#include "match/internal/word_vector.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "base/hash.h"
#include "text/text.h"

namespace jobscope::match::internal {

WordCounts CountWords(std::string_view text) {
  std::string folded = text::FoldCase(text::IsValidUtf8(text) ? std::string(text) : text::RepairUtf8(text));
  std::map<uint32_t, int> counts;
  for (std::string_view word : text::WordTokens(folded)) {
    if (word.size() >= 2) ++counts[static_cast<uint32_t>(StableHash64(word))];
  }
  WordCounts out;
  out.reserve(counts.size());
  for (const auto& [hash, count] : counts) out.emplace_back(hash, 1.0f + std::log(static_cast<float>(count)));
  return out;
}

WordVector Weigh(const WordCounts& counts, const std::unordered_map<uint32_t, float>& idf, float default_idf,
                 size_t keep) {
  std::vector<std::pair<uint32_t, float>> weighted;
  weighted.reserve(counts.size());
  for (const auto& [hash, tf] : counts) {
    auto it = idf.find(hash);
    weighted.emplace_back(hash, tf * (it != idf.end() ? it->second : default_idf));
  }
  if (keep && weighted.size() > keep) {
    std::partial_sort(
        weighted.begin(), weighted.begin() + static_cast<std::ptrdiff_t>(keep), weighted.end(),
        [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    weighted.resize(keep);
    std::sort(weighted.begin(), weighted.end());
  }
  double norm = 0;
  for (const auto& entry : weighted) norm += static_cast<double>(entry.second) * entry.second;
  norm = std::sqrt(norm);
  WordVector vector;
  for (const auto& [hash, weight] : weighted) {
    vector.hashes.push_back(hash);
    vector.weights.push_back(norm > 0 ? static_cast<float>(weight / norm) : 0.0f);
  }
  return vector;
}

WordTable::WordTable(const WordVector& vector) {
  size_t size = 16;
  while (size < vector.hashes.size() * 2) size *= 2;
  keys_.assign(size, 0);
  values_.assign(size, 0);
  mask_ = static_cast<uint32_t>(size - 1);
  for (size_t i = 0; i < vector.hashes.size(); ++i) {
    uint32_t slot = (vector.hashes[i] * 2654435761u) & mask_;
    while (values_[slot] != 0 && keys_[slot] != vector.hashes[i]) slot = (slot + 1) & mask_;
    keys_[slot] = vector.hashes[i];
    values_[slot] = vector.weights[i];
  }
}

float WordTable::Weight(uint32_t hash) const {
  uint32_t slot = (hash * 2654435761u) & mask_;
  while (values_[slot] != 0) {
    if (keys_[slot] == hash) return values_[slot];
    slot = (slot + 1) & mask_;
  }
  return 0;
}

double WordTable::Cosine(std::span<const uint32_t> hashes, std::span<const float> weights) const {
  double sum = 0;
  for (size_t i = 0; i < hashes.size(); ++i) sum += static_cast<double>(Weight(hashes[i])) * weights[i];
  return sum;
}

}  // namespace jobscope::match::internal
