// The two baselines a matcher is measured against: TF-IDF cosine over the whole text, and skill-set Jaccard.
#include <cmath>
#include <set>
#include <unordered_map>

#include "match/match.h"
#include "text/text.h"

namespace jobscope::match {
namespace {

std::unordered_map<std::string, double> TermCounts(std::string_view text) {
  std::unordered_map<std::string, double> counts;
  std::string folded = text::FoldCase(text::IsValidUtf8(text) ? std::string(text) : text::RepairUtf8(text));
  for (std::string_view word : text::WordTokens(folded)) {
    if (word.size() >= 2) counts[std::string(word)] += 1;
  }
  return counts;
}

}  // namespace

TfIdfSimilarity::TfIdfSimilarity(const std::vector<std::string>& corpus) {
  std::map<std::string, int64_t, std::less<>> document_frequency;
  for (const std::string& text : corpus) {
    for (const auto& [word, count] : TermCounts(text)) ++document_frequency[word];
  }
  double n = static_cast<double>(corpus.size());
  for (const auto& [word, df] : document_frequency) idf_[word] = std::log((n + 1) / (static_cast<double>(df) + 1)) + 1;
  default_idf_ = std::log(n + 1) + 1;
}

double TfIdfSimilarity::Similarity(std::string_view a, std::string_view b) const {
  const auto vector = [&](std::string_view text) {
    auto counts = TermCounts(text);
    for (auto& [word, value] : counts) {
      auto it = idf_.find(word);
      value = (1 + std::log(value)) * (it != idf_.end() ? it->second : default_idf_);  // sublinear tf
    }
    return counts;
  };
  auto x = vector(a), y = vector(b);
  double dot = 0, nx = 0, ny = 0;
  for (const auto& [word, value] : x) {
    nx += value * value;
    auto it = y.find(word);
    if (it != y.end()) dot += value * it->second;
  }
  for (const auto& [word, value] : y) ny += value * value;
  return nx > 0 && ny > 0 ? dot / std::sqrt(nx * ny) : 0;
}

double SkillJaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::set<std::string> x(a.begin(), a.end()), y(b.begin(), b.end());
  size_t common = 0;
  for (const auto& id : x) common += y.count(id);
  size_t all = x.size() + y.size() - common;
  return all ? static_cast<double>(common) / static_cast<double>(all) : 0;
}

}  // namespace jobscope::match
