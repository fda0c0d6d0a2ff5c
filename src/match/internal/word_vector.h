// The words a résumé and a posting share, as the cosine of their TF-IDF vectors: words hashed to 32 bits,
// sublinear term frequency, inverse document frequency from the market. A posting keeps its 64 heaviest
// words (what a posting is about; the tail adds little to a cosine and much to a market's memory).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace jobscope::match::internal {

inline constexpr size_t kPostingWords = 64;

// (word hash, 1 + ln count) for each distinct word of two or more letters, sorted by hash.
using WordCounts = std::vector<std::pair<uint32_t, float>>;
WordCounts CountWords(std::string_view text);

// A weighted, unit-length vector, sorted by hash.
struct WordVector {
  std::vector<uint32_t> hashes;
  std::vector<float> weights;
};
// Each word's count times its idf (`idf` of a word missing from it: `default_idf`), the `keep` heaviest
// (ties by hash; 0 keeps all), scaled to unit length.
WordVector Weigh(const WordCounts& counts, const std::unordered_map<uint32_t, float>& idf, float default_idf,
                 size_t keep);

// A profile's vector as an open-addressing table, so a market's postings look their words up quickly.
class WordTable {
 public:
  explicit WordTable(const WordVector& vector);
  float Weight(uint32_t hash) const;
  // The cosine with a posting's vector (both unit length): summed in the posting's word order.
  double Cosine(std::span<const uint32_t> hashes, std::span<const float> weights) const;

 private:
  std::vector<uint32_t> keys_;
  std::vector<float> values_;
  uint32_t mask_ = 0;
};

}  // namespace jobscope::match::internal
