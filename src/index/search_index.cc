// The in-memory index. Postings lists hold, per term, the documents (ascending), the term's frequency in
// each field and its positions (varint-coded, fields kept apart by offsets so phrases never cross them).
// Queries are scored term-at-a-time into a dense accumulator, filtered, counted for facets and ranked.
#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "base/strings.h"
#include "index/index.h"
#include "index/internal/index_impl.h"

namespace jobscope::index {

using internal::kFieldStride;
using internal::PutVarint;

SearchIndex::SearchIndex() : impl_(std::make_unique<Impl>()) {}
SearchIndex::~SearchIndex() = default;

std::unique_ptr<SearchIndex> SearchIndex::Empty() { return std::unique_ptr<SearchIndex>(new SearchIndex()); }

StatusOr<std::unique_ptr<SearchIndex>> SearchIndex::Build(store::Store& store, bool include_duplicates) {
  auto index = Empty();
  JS_RETURN_IF_ERROR(store.ForEachPosting([&](const Posting& posting) {
    if (include_duplicates || posting.duplicate_of.empty()) index->Add(posting);
    return true;
  }));
  for (PostingList& list : index->impl_->lists) {  // growth slack is up to half of a list's memory
    list.docs.shrink_to_fit();
    list.tf.shrink_to_fit();
    list.position_offsets.shrink_to_fit();
    list.positions.shrink_to_fit();
  }
  return index;
}

uint32_t SearchIndex::Add(const Posting& posting) {
  Impl& impl = *impl_;
  uint32_t doc_number = static_cast<uint32_t>(impl.docs.size());
  const Understanding& u = posting.understood;
  DocMeta doc{};
  doc.id = posting.id;
  doc.role = static_cast<uint8_t>(u.role);
  doc.level = static_cast<uint8_t>(u.level);
  doc.remote = static_cast<uint8_t>(u.remote);
  doc.employment = static_cast<uint8_t>(u.employment_type);
  doc.company = impl.companies.Intern(AsciiLower(posting.raw.company));
  doc.country = impl.places.Intern(u.location.country);
  doc.region = impl.places.Intern(AsciiLower(u.location.region));
  doc.city = impl.places.Intern(AsciiLower(u.location.city));
  doc.date = DateKey(posting.raw.date_posted);
  doc.salary_min = u.salary.annual_min_usd ? static_cast<float>(*u.salary.annual_min_usd) : std::nanf("");
  doc.salary_max = u.salary.annual_max_usd ? static_cast<float>(*u.salary.annual_max_usd) : std::nanf("");
  doc.skills_begin = static_cast<uint32_t>(impl.doc_skills.size());
  std::string skill_text;
  for (const SkillMention& mention : u.skills) {
    uint32_t skill = impl.skills.Intern(mention.skill_id);
    if (std::find(impl.doc_skills.begin() + doc.skills_begin, impl.doc_skills.end(), skill) != impl.doc_skills.end()) continue;
    impl.doc_skills.push_back(skill);
    skill_text += mention.name + " . ";  // the period keeps skill names from forming phrases together
  }
  doc.skills_end = static_cast<uint32_t>(impl.doc_skills.size());

  // Gather each term's positions in this document, per field.
  std::unordered_map<uint32_t, std::pair<std::array<uint8_t, 3>, std::vector<uint32_t>>> occurrences;
  const std::string* fields[3] = {&posting.raw.title, &skill_text, &posting.raw.description};
  for (int field = 0; field < 3; ++field) {
    std::vector<std::string> terms = AnalyzeText(*fields[field]);
    doc.lengths[field] = static_cast<uint32_t>(terms.size());
    impl.total_length[field] += static_cast<double>(terms.size());
    for (uint32_t position = 0; position < terms.size() && position < kFieldStride; ++position) {
      auto& entry = occurrences[impl.TermId(terms[position])];
      if (entry.first[field] < 255) ++entry.first[field];
      entry.second.push_back(static_cast<uint32_t>(field) * kFieldStride + position);
    }
  }
  for (auto& [term, entry] : occurrences) {
    PostingList& list = impl.lists[term];
    list.docs.push_back(doc_number);
    list.tf.push_back(entry.first);
    if (list.position_offsets.empty()) list.position_offsets.push_back(0);
    PutVarint(list.positions, static_cast<uint32_t>(entry.second.size()));
    uint32_t previous = 0;
    for (uint32_t position : entry.second) {
      PutVarint(list.positions, position - previous);
      previous = position;
    }
    list.position_offsets.push_back(static_cast<uint32_t>(list.positions.size()));
  }
  impl.doc_of_id[posting.id] = doc_number;
  impl.docs.push_back(std::move(doc));
  return doc_number;
}

std::optional<uint32_t> SearchIndex::DocumentOf(const std::string& posting_id) const {
  auto it = impl_->doc_of_id.find(posting_id);
  if (it == impl_->doc_of_id.end()) return std::nullopt;
  return it->second;
}

IndexStats SearchIndex::Stats() const {
  const Impl& impl = *impl_;
  IndexStats stats;
  stats.documents = impl.docs.size();
  stats.terms = impl.terms.size();
  size_t bytes = 0;
  for (const PostingList& list : impl.lists) {
    bytes += list.docs.capacity() * 4 + list.tf.capacity() * 3 + list.position_offsets.capacity() * 4 +
             list.positions.capacity() + sizeof(PostingList);
  }
  for (const std::string& term : impl.terms) bytes += 2 * (term.size() + 40);  // vocabulary and its hash map
  bytes += impl.docs.capacity() * sizeof(DocMeta) + impl.doc_skills.capacity() * 4;
  bytes += impl.doc_of_id.size() * 64 + impl.companies.Bytes() + impl.places.Bytes() + impl.skills.Bytes();
  stats.memory_bytes = bytes;
  return stats;
}

SearchResult SearchIndex::Search(const SearchRequest& request) const {
  const Impl& impl = *impl_;
  impl.RefreshFactors();
  SearchResult result;
  const size_t doc_count = impl.docs.size();
  // Per-thread accumulators, all zero between searches: only the entries a search touched are reset.
  thread_local std::vector<float> scores;
  thread_local std::vector<uint16_t> must_hits;
  thread_local std::vector<uint8_t> state;  // bit 0: touched, bit 1: excluded
  if (scores.size() < doc_count) {
    scores.resize(doc_count, 0.0f);
    must_hits.resize(doc_count, 0);
    state.resize(doc_count, 0);
  }
  std::vector<uint32_t> touched;
  std::vector<uint32_t> excluded;
  uint16_t must_count = 0;
  bool any_positive = false;

  for (const QueryClause& clause : request.query.clauses) {
    bool must = clause.kind == QueryClause::Kind::kMust;
    bool must_not = clause.kind == QueryClause::Kind::kMustNot;
    if (!must_not) any_positive = true;
    if (must) ++must_count;
    // The documents the clause matches, with the score it adds to each.
    std::vector<std::pair<uint32_t, float>> matched;
    std::vector<std::string> words = clause.words;
    std::vector<std::string> phrase_terms;
    for (const std::string& word : words) {
      for (std::string& term : AnalyzeText(word)) phrase_terms.push_back(std::move(term));
    }
    if (phrase_terms.size() > 1) {
      // A phrase: every term in sequence within one field.
      std::vector<uint32_t> ids;
      bool all_known = true;
      for (const std::string& term : phrase_terms) {
        auto it = impl.term_ids.find(term);
        if (it == impl.term_ids.end()) all_known = false;
        else ids.push_back(it->second);
      }
      if (all_known) {
        size_t rarest = 0;
        for (size_t idx = 1; idx < ids.size(); ++idx) {
          if (impl.lists[ids[idx]].docs.size() < impl.lists[ids[rarest]].docs.size()) rarest = idx;
        }
        for (size_t entry = 0; entry < impl.lists[ids[rarest]].docs.size(); ++entry) {
          uint32_t doc = impl.lists[ids[rarest]].docs[entry];
          std::vector<size_t> entries(ids.size());
          bool present = true;
          for (size_t idx = 0; idx < ids.size() && present; ++idx) {
            const auto& docs = impl.lists[ids[idx]].docs;
            auto it = std::lower_bound(docs.begin(), docs.end(), doc);
            present = it != docs.end() && *it == doc;
            if (present) entries[idx] = static_cast<size_t>(it - docs.begin());
          }
          if (!present) continue;
          std::vector<uint32_t> starts = impl.Positions(ids[0], entries[0]);
          for (size_t idx = 1; idx < ids.size() && !starts.empty(); ++idx) {
            std::vector<uint32_t> next = impl.Positions(ids[idx], entries[idx]);
            std::vector<uint32_t> kept;
            for (uint32_t start : starts) {
              if (std::binary_search(next.begin(), next.end(), start + static_cast<uint32_t>(idx))) kept.push_back(start);
            }
            starts = std::move(kept);
          }
          if (starts.empty()) continue;
          float score = 0;
          for (size_t idx = 0; idx < ids.size(); ++idx) score += static_cast<float>(impl.TermScore(ids[idx], entries[idx]));
          matched.push_back({doc, score});
        }
      }
    } else if (!words.empty()) {
      std::vector<uint32_t> ids = impl.Expand(words[0], clause.prefix, result.expanded_terms);
      std::unordered_map<uint32_t, float> best;  // a doc matching several expansions scores its best one
      for (uint32_t id : ids) {
        const PostingList& list = impl.lists[id];
        const double idf = impl.Idf(id);
        for (size_t entry = 0; entry < list.docs.size(); ++entry) {
          float score = static_cast<float>(impl.TermScore(id, entry, idf));
          if (ids.size() == 1) {
            matched.push_back({list.docs[entry], score});
          } else {
            float& slot = best[list.docs[entry]];
            slot = std::max(slot, score);
          }
        }
      }
      if (ids.size() > 1) {
        for (const auto& [doc, score] : best) matched.push_back({doc, score});
      }
    }
    for (const auto& [doc, score] : matched) {
      if (must_not) {
        if (!(state[doc] & 2)) excluded.push_back(doc);
        state[doc] |= 2;
        continue;
      }
      if (!(state[doc] & 1)) {
        state[doc] |= 1;
        touched.push_back(doc);
      }
      scores[doc] += score;
      if (must) ++must_hits[doc];
    }
  }

  // Resolve filter values once.
  const Filters& filters = request.filters;
  std::vector<uint32_t> any_skills, all_skills;
  bool impossible = false;
  for (const std::string& skill : filters.skills_any) {
    if (auto id = impl.skills.Find(skill)) any_skills.push_back(*id);
  }
  if (!filters.skills_any.empty() && any_skills.empty()) impossible = true;
  for (const std::string& skill : filters.skills_all) {
    if (auto id = impl.skills.Find(skill)) all_skills.push_back(*id);
    else impossible = true;
  }
  std::optional<uint32_t> company, country, region, city;
  bool company_unknown = false, place_unknown = false;
  if (!filters.company.empty()) {
    company = impl.companies.Find(AsciiLower(filters.company));
    company_unknown = !company;
  }
  auto place = [&](const std::string& value, std::optional<uint32_t>& slot, bool lower) {
    if (value.empty()) return;
    slot = impl.places.Find(lower ? AsciiLower(value) : value);
    if (!slot) place_unknown = true;
  };
  place(filters.country, country, false);
  place(filters.region, region, true);
  place(filters.city, city, true);

  std::vector<uint32_t> matches;
  auto consider = [&](uint32_t doc) {
    if (state[doc] & 2) return;
    if (must_hits[doc] < must_count) return;
    if (!impl.PassesFilters(impl.docs[doc], doc, filters, any_skills, all_skills, company, company_unknown, country,
                            region, city, place_unknown)) {
      return;
    }
    matches.push_back(doc);
  };
  if (!impossible) {
    if (any_positive) {
      for (uint32_t doc : touched) consider(doc);
    } else {
      for (uint32_t doc = 0; doc < doc_count; ++doc) consider(doc);  // filters (and exclusions) alone
    }
  }
  result.total = static_cast<int64_t>(matches.size());
  auto reset_accumulators = [&] {
    for (uint32_t doc : touched) {
      scores[doc] = 0;
      must_hits[doc] = 0;
      state[doc] = 0;
    }
    for (uint32_t doc : excluded) state[doc] = 0;
  };

  if (request.facets) {
    // Dense counters per facet, indexed by the facet's value id.
    struct Facet {
      const char* name;
      std::vector<int64_t> counts;
    };
    std::array<Facet, 7> facets = {{{"role", std::vector<int64_t>(16)},
                                    {"level", std::vector<int64_t>(8)},
                                    {"remote", std::vector<int64_t>(4)},
                                    {"employment_type", std::vector<int64_t>(8)},
                                    {"country", std::vector<int64_t>(impl.places.size())},
                                    {"company", std::vector<int64_t>(impl.companies.size())},
                                    {"skill", std::vector<int64_t>(impl.skills.size())}}};
    for (uint32_t doc : matches) {
      const DocMeta& meta = impl.docs[doc];
      ++facets[0].counts[meta.role];
      ++facets[1].counts[meta.level];
      ++facets[2].counts[meta.remote];
      ++facets[3].counts[meta.employment];
      ++facets[4].counts[meta.country];
      ++facets[5].counts[meta.company];
      for (uint32_t idx = meta.skills_begin; idx < meta.skills_end; ++idx) ++facets[6].counts[impl.doc_skills[idx]];
    }
    for (size_t facet = 0; facet < facets.size(); ++facet) {
      std::vector<FacetValue> list;
      const std::vector<int64_t>& counts = facets[facet].counts;
      for (uint32_t value = 0; value < counts.size(); ++value) {
        if (counts[value] == 0) continue;
        std::string name;
        switch (facet) {
          case 0: name = RoleName(static_cast<Role>(value)); break;
          case 1: name = LevelName(static_cast<Level>(value)); break;
          case 2: name = RemoteModeName(static_cast<RemoteMode>(value)); break;
          case 3: name = EmploymentTypeName(static_cast<EmploymentType>(value)); break;
          case 4: name = impl.places.Value(value); break;
          case 5: name = impl.companies.Value(value); break;
          default: name = impl.skills.Value(value); break;
        }
        if (!name.empty()) list.push_back({name, counts[value]});
      }
      size_t keep = std::min<size_t>(20, list.size());
      std::partial_sort(list.begin(), list.begin() + static_cast<long>(keep), list.end(),
                        [](const FacetValue& a, const FacetValue& b) {
                          return a.count != b.count ? a.count > b.count : a.value < b.value;
                        });
      list.resize(keep);
      result.facets[facets[facet].name] = std::move(list);
    }
  }

  // Rank: the page's worth of the best, by the requested order (ties by document number, stable).
  auto key = [&](uint32_t doc) -> double {
    const DocMeta& meta = impl.docs[doc];
    switch (request.sort) {
      case SortBy::kDate: return meta.date;
      case SortBy::kSalary: {
        float high = std::isnan(meta.salary_max) ? meta.salary_min : meta.salary_max;
        return std::isnan(high) ? -1.0 : high;
      }
      case SortBy::kRelevance: break;
    }
    return scores[doc];
  };
  auto better = [&](uint32_t a, uint32_t b) {
    double ka = key(a), kb = key(b);
    return ka != kb ? ka > kb : a < b;
  };
  size_t wanted = std::min(matches.size(), request.offset + request.limit);
  std::partial_sort(matches.begin(), matches.begin() + static_cast<long>(wanted), matches.end(), better);
  for (size_t rank = request.offset; rank < wanted; ++rank) {
    uint32_t doc = matches[rank];
    result.hits.push_back({doc, impl.docs[doc].id, scores[doc]});
  }
  reset_accumulators();
  return result;
}

SearchResult SearchIndex::MoreLikeThis(const std::string& posting_id, size_t limit) const {
  const Impl& impl = *impl_;
  SearchRequest request;
  request.limit = limit;
  auto doc = DocumentOf(posting_id);
  if (!doc) return {};
  impl.RefreshFactors();
  // The document's terms with the highest tf-idf, from its title and skills (where they are dense) first.
  std::vector<std::pair<double, uint32_t>> weighted;
  for (uint32_t term = 0; term < impl.lists.size(); ++term) {
    const auto& docs = impl.lists[term].docs;
    auto it = std::lower_bound(docs.begin(), docs.end(), *doc);
    if (it == docs.end() || *it != *doc) continue;
    weighted.push_back({impl.TermScore(term, static_cast<size_t>(it - docs.begin())), term});
  }
  std::sort(weighted.rbegin(), weighted.rend());
  for (size_t idx = 0; idx < std::min<size_t>(25, weighted.size()); ++idx) {
    QueryClause clause;
    clause.words.push_back(impl.terms[weighted[idx].second]);
    request.query.clauses.push_back(std::move(clause));
  }
  request.limit = limit + 1;
  SearchResult result = Search(request);
  std::erase_if(result.hits, [&](const Hit& hit) { return hit.doc == *doc; });
  if (result.hits.size() > limit) result.hits.resize(limit);
  return result;
}

}  // namespace jobscope::index
