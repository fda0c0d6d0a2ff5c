// The index's tables and the operations on them, shared by the index (search_index.cc) and its snapshot
// files (snapshot.cc). Logically private to the index stage.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "index/index.h"
#include "index/internal/bitset.h"
#include "index/internal/document_ids.h"
#include "index/internal/edit_distance.h"
#include "index/internal/posting_list.h"
#include "index/internal/term_scores.h"
#include "index/internal/word_table.h"
#include "index/internal/words.h"

namespace jobscope::index {
namespace internal {

inline constexpr size_t kMaxExpansions = 32;

// Small string interner for facet values, over the build path's word table: a posting's every skill
// mention is interned, and a node-based map's bucket walks were 4% of the build.
class Interner {
 public:
  uint32_t Intern(std::string_view value) {
    const uint64_t hash = WordTable::Hash(value);
    if (uint32_t id = ids_.Find(value, hash); id != WordTable::kMissing) return id;
    uint32_t id = static_cast<uint32_t>(values_.size());
    ids_.Insert(value, hash, id);
    values_.emplace_back(value);
    return id;
  }
  std::optional<uint32_t> Find(std::string_view value) const {
    uint32_t id = ids_.Find(value);
    if (id == WordTable::kMissing) return std::nullopt;
    return id;
  }
  const std::string& Value(uint32_t id) const { return values_[id]; }
  size_t size() const { return values_.size(); }
  size_t Bytes() const {
    size_t bytes = ids_.Bytes();
    for (const auto& value : values_) bytes += value.size() + 32;
    return bytes;
  }

 private:
  WordTable ids_;
  std::vector<std::string> values_;
};

struct DocMeta {
  uint8_t role, level, remote, employment;
  uint32_t company, country, region, city;
  int32_t date;                       // yyyymmdd, 0 unknown
  uint32_t skills_begin, skills_end;  // into doc_skills
  std::array<uint32_t, 3> lengths;
  // The document a match on this one counts for: itself, or for a linked duplicate (a shadow document, kept
  // so filters and words find the job by the duplicate's own place and title) the posting it repeats.
  uint32_t canonical;
};

// Annual pay as (low, high): an end stated alone stands for both; NaN when neither is. Idempotent, so a
// snapshot may hold either form.
inline std::pair<float, float> PayRange(float min, float max) {
  return {std::isnan(min) ? max : min, std::isnan(max) ? min : max};
}
inline std::pair<float, float> PayRange(std::optional<double> min, std::optional<double> max) {
  return PayRange(min ? static_cast<float>(*min) : std::nanf(""), max ? static_cast<float>(*max) : std::nanf(""));
}

inline int32_t DateKey(std::string_view date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return 0;
  int32_t key = 0;
  for (size_t idx : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[idx] < '0' || date[idx] > '9') return 0;
    key = key * 10 + (date[idx] - '0');
  }
  return key;
}

// The documents of each value of one facet that is in enough of them, as a bitset or, for a value in fewer
// than 1 in 32 documents, as an ascending list (smaller then, and as quick to count against a match set:
// a bit test per listed document instead of and-ing every word); the documents holding any of the rest are
// gathered in `rest` and counted one by one. A value's count over all documents bounds its count in any
// match set, which lets a search stop counting once the values it shows beat the bounds of those left.
struct FacetBitsets {
  std::vector<Bitset> by_value;               // empty for a value without its own
  std::vector<std::vector<uint32_t>> listed;  // per value, when it keeps a list instead
  std::vector<uint32_t> frequent;             // the values with a bitset or a list, most documents first
  std::vector<size_t> totals;                 // per value, its documents
  size_t rest_most = 0;                       // the most documents of a value in `rest`
  Bitset rest;

  bool Kept(uint32_t value) const { return by_value[value].words() > 0 || !listed[value].empty(); }
  // How many of the value's documents `match` holds. REQUIRES: Kept(value).
  size_t CountIn(uint32_t value, const Bitset& match) const {
    if (by_value[value].words()) return match.CountAnd(by_value[value]);
    size_t count = 0;
    for (uint32_t doc : listed[value]) count += match.Test(doc);
    return count;
  }
};

enum FacetField { kRoleFacet, kLevelFacet, kRemoteFacet, kEmploymentFacet, kCountryFacet, kCompanyFacet, kSkillFacet };
inline constexpr int kFacetFields = 7;
inline constexpr const char* kFacetNames[kFacetFields] = {"role",    "level",   "remote", "employment_type",
                                                          "country", "company", "skill"};

}  // namespace internal

using internal::Bitset;
using internal::BlockInfo;
using internal::DocMeta;
using internal::FacetBitsets;
using internal::FieldTf;
using internal::Interner;
using internal::PostingCursor;
using internal::PostingList;

using internal::DateKey;
using internal::kEndDoc;
using internal::kMaxExpansions;
using internal::PayRange;

// Heterogeneous lookup, so the hot paths look words up by string_view without allocating.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using TermMap = std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>>;

struct SearchIndex::Impl {
  TermMap term_ids;
  std::vector<std::string> terms;         // by id
  std::vector<uint8_t> positioned;        // by term id: whether its positions are kept (not a stop term)
  std::vector<PostingList> lists;         // by term id
  internal::WordTable word_terms;         // lowercase word as it appears -> its term (stemming done once per word)
  std::vector<std::string> sorted_terms;  // for prefix search; rebuilt lazily
  std::map<std::pair<char, size_t>, std::vector<uint32_t>> by_first_and_length;  // typo candidates
  bool lookup_stale = true;
  mutable std::mutex lookup_mutex;

  std::vector<DocMeta> docs;
  std::vector<uint32_t> shadows;  // documents of linked duplicates (canonical != own number), ascending
  Bitset shadow_set;              // the same, as a set
  std::vector<uint32_t> doc_skills;
  // Per document, its annual pay in USD as (low, high), NaN when unknown (an end stated alone stands for
  // both); beside the document table, so pay filters and statistics over a large match set read 8 bytes a
  // document.
  std::vector<std::pair<float, float>> pay;
  internal::DocumentIds ids;  // each document's posting id, and back (the last document added under an id)
  Interner companies, places, skills;
  std::array<double, 3> total_length{0, 0, 0};
  // Per pair of terms one after the other in a title, (first << 32 | second), how often titles hold it: the
  // phrases people search a job market for ("machine learning", "data scientist") are its job titles'.
  std::unordered_map<uint64_t, uint32_t> title_pairs;
  static uint64_t PairKey(uint32_t first, uint32_t second) { return uint64_t{first} << 32 | second; }
  static std::array<uint32_t, 2> PairTerms(uint64_t key) {
    return {static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key)};
  }

  // What a search needs beyond the lists, rebuilt when documents were added since (Prepare).
  struct Prepared {
    size_t documents = SIZE_MAX;
    // Per document and field, the BM25F length normalisation divided into the field weight:
    // w_f / (1 - b + b * len_f / avglen_f).
    std::vector<std::array<float, 3>> field_factors;
    std::array<double, 3> average_length{0, 0, 0};
    std::array<FacetBitsets, internal::kFacetFields> facets;
    Bitset paid;  // the documents stating pay
    // The documents holding each of the commonest title phrases of two common words: such a phrase is
    // answered without reading positions, which it would read for most of the index.
    std::unordered_map<uint64_t, Bitset> phrase_sets;
    size_t phrases_chosen_at = 0;  // the documents when the phrases were chosen
    size_t phrase_documents = 0;   // the documents the sets cover (all but those added since)
  };
  mutable Prepared prepared;
  mutable std::mutex prepare_mutex;
  mutable std::mutex maxima_mutex;

  // Appends `other`'s documents after these (numbered on from docs.size()), renumbering its terms and
  // facet values into these. `other` is of no use afterwards (its documents are moved).
  void Join(Impl& other);
  // Join's half for the document table, interned facet values and field lengths.
  void JoinDocuments(Impl& other);

  uint32_t TermId(std::string_view term) {
    auto it = term_ids.find(term);
    if (it != term_ids.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(terms.size());
    term_ids.emplace(std::string(term), id);
    terms.emplace_back(term);  // its list is made when a posting of it is appended (or a build part ends)
    positioned.push_back(!internal::IsStopTerm(term));
    lookup_stale = true;
    return id;
  }

  void RefreshLookups() const {
    std::lock_guard<std::mutex> lock(lookup_mutex);
    auto* self = const_cast<Impl*>(this);
    if (!self->lookup_stale) return;
    self->sorted_terms = terms;
    std::sort(self->sorted_terms.begin(), self->sorted_terms.end());
    self->by_first_and_length.clear();
    for (uint32_t id = 0; id < terms.size(); ++id) {
      if (!terms[id].empty()) self->by_first_and_length[{terms[id][0], terms[id].size()}].push_back(id);
    }
    self->lookup_stale = false;
  }

  // Calls visit(value) for each value a document has in a facet (several only for skills).
  template <typename Visit>
  void ForEachFacetValue(int facet, uint32_t doc, Visit&& visit) const {
    const DocMeta& meta = docs[doc];
    switch (facet) {
      case internal::kRoleFacet:
        visit(uint32_t{meta.role});
        break;
      case internal::kLevelFacet:
        visit(uint32_t{meta.level});
        break;
      case internal::kRemoteFacet:
        visit(uint32_t{meta.remote});
        break;
      case internal::kEmploymentFacet:
        visit(uint32_t{meta.employment});
        break;
      case internal::kCountryFacet:
        visit(meta.country);
        break;
      case internal::kCompanyFacet:
        visit(meta.company);
        break;
      default:
        for (uint32_t idx = meta.skills_begin; idx < meta.skills_end; ++idx) visit(doc_skills[idx]);
    }
  }
  // Whether the skill extractor found `skill` in document `doc`.
  bool HasSkill(uint32_t doc, uint32_t skill) const {
    const DocMeta& meta = docs[doc];
    auto begin = doc_skills.begin() + meta.skills_begin, end = doc_skills.begin() + meta.skills_end;
    return std::find(begin, end, skill) != end;
  }
  size_t FacetValueCount(int facet) const {
    switch (facet) {
      case internal::kRoleFacet:
      case internal::kLevelFacet:
      case internal::kRemoteFacet:
      case internal::kEmploymentFacet:
        return 256;  // the enumerations are stored in a byte
      case internal::kCountryFacet:
        return places.size();
      case internal::kCompanyFacet:
        return companies.size();
      default:
        return skills.size();
    }
  }

  // Brings `prepared` up to date with the documents (search_index.cc).
  void Prepare() const;
  // The documents where `first` is followed by `second` in one field, when kept. REQUIRES: Prepare().
  const Bitset* PhraseSet(uint32_t first, uint32_t second) const {
    auto it = prepared.phrase_sets.find(PairKey(first, second));
    return it == prepared.phrase_sets.end() ? nullptr : &it->second;
  }
  // Calls visit(doc, cursors) for each document from `from` on (and in `within`, when given) where the terms
  // occur one after another within one field, found by their positions; a stop term (no positions kept) is
  // stepped over, so only the document's holding it is asked. The cursors, one a term, stand on `doc`.
  template <typename Visit>
  void ForEachPhraseDocument(std::span<const uint32_t> terms, uint32_t from, const Bitset* within,
                             Visit&& visit) const {
    std::vector<PostingCursor> cursors;
    for (uint32_t term : terms) {
      cursors.emplace_back(lists[term]);
      cursors.back().SeekGEQ(from);
    }
    size_t rarest = 0;
    for (size_t idx = 1; idx < terms.size(); ++idx) {
      if (lists[terms[idx]].df < lists[terms[rarest]].df) rarest = idx;
    }
    // The terms whose positions are checked, with their places in the phrase; one alone needs no check.
    std::vector<uint32_t> checked, places;
    for (uint32_t idx = 0; idx < terms.size(); ++idx) {
      if (!positioned[terms[idx]]) continue;
      checked.push_back(idx);
      places.push_back(idx - checked.front());
    }
    if (checked.size() < 2) checked.clear();
    std::vector<internal::PositionStream> streams;
    streams.reserve(cursors.size());
    for (; cursors[rarest].doc() != kEndDoc; cursors[rarest].Next()) {
      uint32_t doc = cursors[rarest].doc();
      if (within && !within->Test(doc)) {  // leap to the next document both hold
        uint32_t next = within->NextSet(doc);
        if (next == kEndDoc) break;
        cursors[rarest].SeekGEQ(next);
        doc = cursors[rarest].doc();
        if (doc == kEndDoc) break;
        if (!within->Test(doc)) continue;  // the loop's Next moves past it
      }
      bool present = true;
      for (size_t idx = 0; idx < cursors.size() && present; ++idx) {
        cursors[idx].SeekGEQ(doc);
        present = cursors[idx].doc() == doc;
      }
      if (!present) continue;
      if (!checked.empty()) {
        streams.clear();
        for (uint32_t idx : checked) streams.push_back(cursors[idx].PositionsOf());
        if (!internal::HoldsPhrase(streams, places)) continue;
      }
      visit(doc, cursors);
    }
  }
  // Brings Prepared::phrase_sets up to the documents (Prepare, before `prepared.documents` is updated): the
  // phrases chosen again from the title pairs when the index is new or has doubled, else their sets
  // extended (search_index.cc).
  void UpdatePhraseSets();
  // Sets in `sets[i]` the documents in [from, to) where the pair keys[i] stands as a phrase, in one sweep of
  // the documents: each word's positions are read once, however many of the pairs it is in.
  void SweepPhraseSets(std::span<const uint64_t> keys, uint32_t from, uint32_t to, std::vector<Bitset>& sets) const;

  double Idf(uint32_t term) const {
    double n = static_cast<double>(docs.size());
    double df = static_cast<double>(lists[term].df);
    return std::log(1 + (n - df + 0.5) / (df + 0.5));
  }

  // BM25F's field-weighted, length-normalised frequency. One computation for scores and their block
  // bounds, so a bound is never off from the score it bounds by rounding. REQUIRES: Prepare() since the
  // last Add.
  float WeightedTf(uint32_t doc, FieldTf tf) const {
    return internal::WeightedFrequency(prepared.field_factors[doc], tf);
  }
  // On a grid of 2^-32, never above the exact score (term_scores.h): sums of such scores are exact, so a
  // document's score does not depend on the order its clauses are added in (the search adds them in
  // different orders on different paths, and copies of a posting must tie exactly).
  double TermScore(uint32_t doc, FieldTf tf, double idf) const {
    return internal::SaturatedScore(WeightedTf(doc, tf), idf, kBm25f.k1);
  }
  // Fills the list's block_max_weight for the current documents, if it is stale. Thread-safe.
  void BlockMaxima(const PostingList& list) const;
  // The most any document of a block can score for the term. REQUIRES: BlockMaxima(list).
  static double BlockBound(const PostingList& list, size_t block, double idf) {
    double weighted = list.block_max_weight[block];
    return idf * weighted / (kBm25f.k1 + weighted);
  }

  // Terms a query word stands for: its analysis, or (for a prefix or a typo) the vocabulary terms near it.
  std::vector<uint32_t> Expand(const std::string& word, bool prefix, std::vector<std::string>& expanded) const {
    std::vector<uint32_t> ids;
    std::vector<std::string> analyzed = AnalyzeText(word);
    for (const std::string& term : analyzed) {
      auto it = term_ids.find(term);
      if (it != term_ids.end()) ids.push_back(it->second);
    }
    if (prefix && analyzed.size() == 1) {
      RefreshLookups();
      std::string lower = AsciiLower(word);
      std::vector<uint32_t> candidates;
      for (auto it = std::lower_bound(sorted_terms.begin(), sorted_terms.end(), lower);
           it != sorted_terms.end() && it->starts_with(lower); ++it) {
        candidates.push_back(term_ids.find(*it)->second);
      }
      std::sort(candidates.begin(), candidates.end(),
                [&](uint32_t a, uint32_t b) { return lists[a].df != lists[b].df ? lists[a].df > lists[b].df : a < b; });
      if (candidates.size() > kMaxExpansions) candidates.resize(kMaxExpansions);
      for (uint32_t id : candidates) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
          ids.push_back(id);
          expanded.push_back(word + "*=" + terms[id]);
        }
      }
    }
    if (ids.empty() && analyzed.size() == 1 && word.size() >= 5) {  // a typo: terms one edit away
      RefreshLookups();
      const std::string& target = analyzed[0];
      for (size_t length = target.size() - 1; length <= target.size() + 1; ++length) {
        auto bucket = by_first_and_length.find({target[0], length});
        if (bucket == by_first_and_length.end()) continue;
        for (uint32_t id : bucket->second) {
          if (internal::WithinOneEdit(target, terms[id])) {
            ids.push_back(id);
            expanded.push_back(word + "~=" + terms[id]);
          }
        }
      }
    }
    return ids;
  }
};

}  // namespace jobscope::index
