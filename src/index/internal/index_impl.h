// The index's tables and the operations on them, shared by the index (search_index.cc) and its snapshot
// files (snapshot.cc). Logically private to the index stage.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/strings.h"
#include "index/index.h"
#include "index/internal/edit_distance.h"

namespace jobscope::index {
namespace internal {

inline constexpr uint32_t kFieldStride = 1u << 20;  // positions of field f start at f * kFieldStride
inline constexpr size_t kMaxExpansions = 32;

inline void PutVarint(std::vector<uint8_t>& out, uint32_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<uint8_t>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<uint8_t>(value));
}

inline uint32_t GetVarint(const uint8_t*& in) {
  uint32_t value = 0;
  int shift = 0;
  while (*in & 0x80) {
    value |= static_cast<uint32_t>(*in++ & 0x7F) << shift;
    shift += 7;
  }
  value |= static_cast<uint32_t>(*in++) << shift;
  return value;
}

struct PostingList {
  std::vector<uint32_t> docs;
  std::vector<std::array<uint8_t, 3>> tf;  // per field, saturating at 255
  std::vector<uint32_t> position_offsets;  // into positions; one entry per doc, plus the end
  std::vector<uint8_t> positions;          // per doc: count, then delta-coded positions
};

// Small string interner for facet values.
class Interner {
 public:
  uint32_t Intern(const std::string& value) {
    auto [it, inserted] = ids_.emplace(value, static_cast<uint32_t>(values_.size()));
    if (inserted) values_.push_back(value);
    return it->second;
  }
  std::optional<uint32_t> Find(const std::string& value) const {
    auto it = ids_.find(value);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
  }
  const std::string& Value(uint32_t id) const { return values_[id]; }
  size_t size() const { return values_.size(); }
  size_t Bytes() const {
    size_t bytes = 0;
    for (const auto& value : values_) bytes += 2 * value.size() + 48;
    return bytes;
  }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> values_;
};

struct DocMeta {
  std::string id;
  uint8_t role, level, remote, employment;
  uint32_t company, country, region, city;
  int32_t date;  // yyyymmdd, 0 unknown
  float salary_min, salary_max;  // annual USD, NaN unknown
  uint32_t skills_begin, skills_end;  // into doc_skills
  std::array<uint32_t, 3> lengths;
};

inline int32_t DateKey(std::string_view date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return 0;
  int32_t key = 0;
  for (size_t idx : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[idx] < '0' || date[idx] > '9') return 0;
    key = key * 10 + (date[idx] - '0');
  }
  return key;
}

}  // namespace internal

using internal::DocMeta;
using internal::Interner;
using internal::PostingList;

using internal::DateKey;
using internal::GetVarint;
using internal::kMaxExpansions;

struct SearchIndex::Impl {
  std::unordered_map<std::string, uint32_t> term_ids;
  std::vector<std::string> terms;  // by id
  std::vector<PostingList> lists;  // by term id
  std::vector<std::string> sorted_terms;  // for prefix search; rebuilt lazily
  std::map<std::pair<char, size_t>, std::vector<uint32_t>> by_first_and_length;  // typo candidates
  bool lookup_stale = true;
  mutable std::mutex lookup_mutex;

  std::vector<DocMeta> docs;
  // Per document and field, the BM25F length normalisation divided into the field weight:
  // w_f / (1 - b + b * len_f / avglen_f). Recomputed when documents were added since the last search.
  mutable std::vector<std::array<float, 3>> field_factors;
  mutable std::mutex factors_mutex;
  std::vector<uint32_t> doc_skills;
  std::unordered_map<std::string, uint32_t> doc_of_id;
  Interner companies, places, skills;
  std::array<double, 3> total_length{0, 0, 0};

  uint32_t TermId(const std::string& term) {
    auto [it, inserted] = term_ids.emplace(term, static_cast<uint32_t>(terms.size()));
    if (inserted) {
      terms.push_back(term);
      lists.emplace_back();
      lookup_stale = true;
    }
    return it->second;
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

  double Idf(uint32_t term) const {
    double n = static_cast<double>(docs.size());
    double df = static_cast<double>(lists[term].docs.size());
    return std::log(1 + (n - df + 0.5) / (df + 0.5));
  }

  void RefreshFactors() const {
    std::lock_guard<std::mutex> lock(factors_mutex);
    if (field_factors.size() == docs.size()) return;
    field_factors.resize(docs.size());
    for (size_t doc = 0; doc < docs.size(); ++doc) {
      for (int field = 0; field < 3; ++field) {
        double avg = total_length[field] / static_cast<double>(std::max<size_t>(1, docs.size()));
        double norm = 1 - kBm25f.b + kBm25f.b * (avg > 0 ? docs[doc].lengths[field] / avg : 0);
        field_factors[doc][field] = static_cast<float>(kBm25f.weights[field] / norm);
      }
    }
  }

  // REQUIRES: RefreshFactors() since the last Add. `idf` is Idf(term).
  double TermScore(uint32_t term, size_t entry, double idf) const {
    const PostingList& list = lists[term];
    const auto& factors = field_factors[list.docs[entry]];
    const auto& tf = list.tf[entry];
    double weighted = factors[0] * tf[0] + factors[1] * tf[1] + factors[2] * tf[2];
    return idf * weighted / (kBm25f.k1 + weighted);
  }
  double TermScore(uint32_t term, size_t entry) const { return TermScore(term, entry, Idf(term)); }

  std::vector<uint32_t> Positions(uint32_t term, size_t entry) const {
    const PostingList& list = lists[term];
    const uint8_t* cursor = list.positions.data() + list.position_offsets[entry];
    uint32_t count = GetVarint(cursor);
    std::vector<uint32_t> out(count);
    uint32_t previous = 0;
    for (uint32_t idx = 0; idx < count; ++idx) out[idx] = previous += GetVarint(cursor);
    return out;
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
        candidates.push_back(term_ids.at(*it));
      }
      std::sort(candidates.begin(), candidates.end(), [&](uint32_t a, uint32_t b) {
        return lists[a].docs.size() > lists[b].docs.size();
      });
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

  bool PassesFilters(const DocMeta& doc, uint32_t doc_number, const Filters& filters,
                     const std::vector<uint32_t>& any_skills, const std::vector<uint32_t>& all_skills,
                     std::optional<uint32_t> company, bool company_unknown, std::optional<uint32_t> country,
                     std::optional<uint32_t> region, std::optional<uint32_t> city, bool place_unknown) const {
    (void)doc_number;
    if (!filters.roles.empty() &&
        std::none_of(filters.roles.begin(), filters.roles.end(), [&](Role r) { return static_cast<uint8_t>(r) == doc.role; })) {
      return false;
    }
    if (!filters.levels.empty() &&
        std::none_of(filters.levels.begin(), filters.levels.end(), [&](Level l) { return static_cast<uint8_t>(l) == doc.level; })) {
      return false;
    }
    if (filters.remote && static_cast<uint8_t>(*filters.remote) != doc.remote) return false;
    if (filters.employment_type && static_cast<uint8_t>(*filters.employment_type) != doc.employment) return false;
    if (company_unknown || place_unknown) return false;
    if (company && doc.company != *company) return false;
    if (country && doc.country != *country) return false;
    if (region && doc.region != *region) return false;
    if (city && doc.city != *city) return false;
    if (!filters.posted_from.empty() && (doc.date == 0 || doc.date < DateKey(filters.posted_from))) return false;
    if (!filters.posted_to.empty() && (doc.date == 0 || doc.date > DateKey(filters.posted_to))) return false;
    if (filters.min_salary_usd || filters.max_salary_usd) {
      float low = std::isnan(doc.salary_min) ? doc.salary_max : doc.salary_min;
      float high = std::isnan(doc.salary_max) ? doc.salary_min : doc.salary_max;
      if (std::isnan(low)) return false;
      if (filters.min_salary_usd && high < *filters.min_salary_usd) return false;  // ranges overlap
      if (filters.max_salary_usd && low > *filters.max_salary_usd) return false;
    }
    if (!any_skills.empty() || !all_skills.empty()) {
      auto begin = doc_skills.begin() + doc.skills_begin, end = doc_skills.begin() + doc.skills_end;
      auto has = [&](uint32_t skill) { return std::find(begin, end, skill) != end; };
      if (!any_skills.empty() && std::none_of(any_skills.begin(), any_skills.end(), has)) return false;
      if (!std::all_of(all_skills.begin(), all_skills.end(), has)) return false;
    }
    return true;
  }
};

}  // namespace jobscope::index
