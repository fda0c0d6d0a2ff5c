// The two baselines a matcher is measured against: TF-IDF cosine over the whole text (on the words the
// wording part reads, weighted over the baseline's own corpus), and skill-set Jaccard.
#include <set>

#include "match/internal/word_vector.h"
#include "match/match.h"

namespace jobscope::match {

TfIdfSimilarity::TfIdfSimilarity(const std::vector<std::string>& corpus) {
  std::unordered_map<uint32_t, int64_t> document_frequency;
  for (const std::string& text : corpus) {
    for (const auto& [hash, tf] : internal::CountWords(text)) ++document_frequency[hash];
  }
  // The market's word weighting (SkillWeights), over this corpus: 1 + ln((n + 1) / (df + 1)).
  SkillWeights weights({}, static_cast<int64_t>(corpus.size()), {}, document_frequency);
  idf_ = weights.word_idf();
  default_idf_ = weights.default_word_idf();
}

double TfIdfSimilarity::Similarity(std::string_view a, std::string_view b) const {
  internal::WordTable first(internal::Weigh(internal::CountWords(a), idf_, default_idf_, 0));
  internal::WordVector second = internal::Weigh(internal::CountWords(b), idf_, default_idf_, 0);
  return first.Cosine(second.hashes, second.weights);
}

double SkillJaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::set<std::string> x(a.begin(), a.end()), y(b.begin(), b.end());
  size_t common = 0;
  for (const auto& id : x) common += y.count(id);
  size_t all = x.size() + y.size() - common;
  return all ? static_cast<double>(common) / static_cast<double>(all) : 0;
}

}  // namespace jobscope::match
