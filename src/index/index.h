// File: index.h
//
// The index stage: an in-memory search index over postings, built from the store. BM25F over title, skills
// and description (title weighted highest), Snowball stemming, phrase queries (positions kept per field),
// required (+) and excluded (-) terms, prefix search on the last word as people type, and typo tolerance
// for words of five letters or more. Filters (role, level, skills any/all, company, country/region/city,
// remote, employment type, posting date range, salary range overlapping) and facet counts over the result
// set; sort by relevance, date or salary; pages.
//
// Thread-safety: a built index is read-only; Search() may run on many threads at once. Building (Add) is
// single-threaded.
//
// Example:
//   JS_ASSIGN_OR_RETURN(auto index, SearchIndex::Build(*store));
//   SearchRequest request;
//   JS_ASSIGN_OR_RETURN(request.query, ParseQuery("\"machine learning\" +pytorch -intern nlp"));
//   request.filters.remote = RemoteMode::kRemote;
//   SearchResult result = index->Search(request);
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/model.h"
#include "store/store.h"

namespace jobscope::index {

// ---- queries -------------------------------------------------------------------------------------------

struct QueryClause {
  enum class Kind { kShould, kMust, kMustNot };
  Kind kind = Kind::kShould;
  std::vector<std::string> words;  // one word, or several for a phrase (as typed, lowercase)
  bool phrase = false;
  bool prefix = false;  // `word*`, or the last word while the query is being typed
  // Set by the search layer from the taxonomy, for a single word. `skill`: the word is a skill's name that is
  // also everyday English ("excel", "go", "r", "spark"), so it counts only in postings that name the skill
  // (the index's skill id). `variants`: the skill's other spellings of the word that count as it ("llms"
  // beside "llm").
  std::string skill;
  std::vector<std::string> variants;
};

struct Query {
  std::vector<QueryClause> clauses;
  bool empty() const { return clauses.empty(); }
};

// Parses: words, "quoted phrases", +required, -excluded, `word*` (a prefix). With `typing` (the UI's search as
// you type) the last word is a prefix too unless the text ends in a space or a quote. Errors:
// kInvalidArgument with the character position ("unclosed quote at 14").
StatusOr<Query> ParseQuery(std::string_view text, bool typing = false);

// ---- requests and results -------------------------------------------------------------------------------

struct Filters {
  std::vector<Role> roles;    // any of
  std::vector<Level> levels;  // any of
  std::vector<std::string> skills_any;
  std::vector<std::string> skills_all;
  std::string company;  // exact, case-insensitive
  std::string country, region, city;
  std::optional<RemoteMode> remote;
  std::optional<EmploymentType> employment_type;
  std::string posted_from, posted_to;                    // ISO dates, inclusive
  std::optional<double> min_salary_usd, max_salary_usd;  // postings whose annual range overlaps
};

enum class SortBy { kRelevance, kDate, kSalary };

struct SearchRequest {
  Query query;
  Filters filters;
  SortBy sort = SortBy::kRelevance;
  size_t offset = 0;
  size_t limit = 10;
  bool facets = false;
  std::vector<std::string> facet_fields;  // the facets to count (names as in SearchResult::facets); empty: all
  bool salary_stats = false;              // also sum up the annual USD pay of every matching posting
};

struct Hit {
  uint32_t doc = 0;
  std::string id;  // posting id
  double score = 0;
};

struct FacetValue {
  std::string value;
  int64_t count = 0;
};

// Pay over a match set, in annual USD, from the postings that state it: the lowest low end and the highest
// high end of their ranges, and the mean of their range midpoints (one end alone stands for both).
struct SalaryStats {
  int64_t postings = 0;  // matching postings with pay
  double min = 0, max = 0, avg = 0;
};

struct SearchResult {
  int64_t total = 0;  // matching postings
  std::vector<Hit> hits;
  std::map<std::string, std::vector<FacetValue>> facets;  // "role", "level", "remote", "employment_type",
                                                          // "country", "company", "skill"
  std::vector<std::string> expanded_terms;                // prefix and typo expansions used
  std::optional<SalaryStats> salary_stats;                // when asked for
};

// ---- analysis and scoring --------------------------------------------------------------------------------

// The terms a text is indexed under: ASCII-folded words ("c++" and "c#" kept whole), Snowball-stemmed.
std::vector<std::string> AnalyzeText(std::string_view text);

// BM25F: per field f, tf~ = sum_f w_f * tf_f / (1 - b + b * len_f / avglen_f); a term adds
// idf * tf~ / (k1 + tf~) with idf = ln(1 + (N - df + 0.5) / (df + 0.5)).
struct Bm25fParams {
  double k1 = 1.2;
  double b = 0.75;
  double weights[3] = {3.0, 2.0, 1.0};  // title, skills, description
};
inline constexpr Bm25fParams kBm25f{};

// ---- the index ------------------------------------------------------------------------------------------

struct IndexStats {
  size_t documents = 0;
  size_t terms = 0;
  size_t memory_bytes = 0;    // everything below and the document table and dictionaries
  size_t postings_bytes = 0;  // documents and frequencies, with block headers
  size_t positions_bytes = 0;
  size_t bitset_bytes = 0;       // documents of common terms, of frequent facet values and of kept phrases
  size_t kept_phrases = 0;       // common title phrases answered from their documents' sets, not positions
  size_t phrases_chosen_at = 0;  // the documents when those phrases were chosen (again when they double)
};

class SearchIndex {
 public:
  ~SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  static std::unique_ptr<SearchIndex> Empty();
  // Reads every unique posting; linked duplicates come in as shadows of the postings they repeat (see
  // AddDuplicate), or as postings of their own with `include_duplicates`.
  // Errors: those of the store.
  // `progress` (may be empty) is called now and then on the calling thread with the postings added so far
  // and the postings to add.
  using BuildProgress = std::function<void(int64_t added, int64_t total)>;
  static StatusOr<std::unique_ptr<SearchIndex>> Build(store::Store& store, bool include_duplicates = false,
                                                      const BuildProgress& progress = {});

  // Adds one posting (keeps the index in step as postings are ingested). Returns its document number.
  uint32_t Add(const Posting& posting);
  // Adds a linked duplicate (posting.duplicate_of set) as a shadow of the posting it repeats: a search whose
  // words or filters match the duplicate's own title, text or place finds the posting it repeats, and the
  // duplicate itself is never a hit. False (nothing added) when that posting is not in the index.
  bool AddDuplicate(const Posting& posting);

  SearchResult Search(const SearchRequest& request) const;
  // Postings like this one: its most distinctive terms and its skills as a query, itself excluded.
  SearchResult MoreLikeThis(const std::string& posting_id, size_t limit) const;

  // Snapshot files for fast start: the whole index in one file, tagged with `stamp` (the caller's word for
  // the store state it was built from, e.g. posting count and last ingest run). Load returns kNotFound when
  // the file is missing or its stamp differs (the index must then be rebuilt). Errors: kIoError,
  // kParseError (a corrupt or foreign file).
  Status SaveSnapshot(const std::string& path, const std::string& stamp) const;
  static StatusOr<std::unique_ptr<SearchIndex>> LoadSnapshot(const std::string& path, const std::string& stamp);
  // The same, accepting any stamp `accept` approves (a caller that brings an older index up to date).
  static StatusOr<std::unique_ptr<SearchIndex>> LoadSnapshot(const std::string& path,
                                                             const std::function<bool(const std::string&)>& accept);

  std::optional<uint32_t> DocumentOf(const std::string& posting_id) const;
  IndexStats Stats() const;
  size_t DocumentCount() const;

  struct Impl;

 private:
  SearchIndex();
  std::unique_ptr<Impl> impl_;
};

}  // namespace jobscope::index
