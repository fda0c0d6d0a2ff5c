// File: search.h
//
// The search service: the index answers, the store supplies the text for highlighted snippets. This is
// what the CLI, the HTTP API and the web UI call.
//
// Thread-safety: Search() and MoreLikeThis() may run on many threads at once when each passes its own store
// handle (Store::OpenReader) for the postings' text; the overloads without one read through the service's
// store, which serves one thread at a time. CatchUp() may run beside them (it holds the index exclusively
// while it adds), on the thread that owns the service's store.
//
// Example:
//   JS_ASSIGN_OR_RETURN(auto service, SearchService::Open(*store, SnapshotPath(db_path)));
//   JS_ASSIGN_OR_RETURN(index::Filters filters, ResolveFilters({.roles = {"nlp_engineer"}}, taxonomy));
//   JS_ASSIGN_OR_RETURN(SearchPage page, service->Search("nlp +pytorch", filters, options));
#pragma once

#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "index/index.h"
#include "store/store.h"
#include "taxonomy/taxonomy.h"

namespace jobscope::search {

struct SearchHit {
  Posting posting;
  double score = 0;
  std::string snippet;                  // description excerpt, query words wrapped in [[ ]]
  std::vector<Posting> also_posted_as;  // the same job stored from elsewhere (linked duplicates of this one)
};

struct SearchPage {
  int64_t total = 0;
  std::vector<SearchHit> hits;
  std::map<std::string, std::vector<index::FacetValue>> facets;
  std::vector<std::string> expanded_terms;
  std::optional<index::SalaryStats> salary_stats;  // when asked for (SearchOptions::salary_stats)
};

struct SearchOptions {
  index::SortBy sort = index::SortBy::kRelevance;
  size_t page = 1;  // 1-based
  size_t per_page = 10;
  bool facets = false;
  std::vector<std::string> facet_fields;  // with `facets`: which to count (kFacetNames); empty: all
  bool salary_stats = false;              // min/max/avg annual USD pay over every matching posting
  bool typing = false;                    // the query is still being typed: its last word matches as a prefix
};

// The facets a search can count, in this order.
inline constexpr const char* kFacetNames[] = {"role",    "level",   "remote", "employment_type",
                                              "country", "company", "skill"};

// Filters as people name them (the CLI's flags, the API's parameters): words, not enums.
struct FilterSpec {
  std::vector<std::string> roles, levels;  // any of
  std::vector<std::string> skills;         // ids, names or aliases; any of them, or all with `all_skills`
  bool all_skills = false;
  std::string company, country, region, city, employment_type;
  std::string from, to;  // YYYY-MM-DD
  bool remote = false;
  std::optional<double> min_salary, max_salary;  // annual USD
};

// The one place filter words become index::Filters. Errors: kInvalidArgument naming the field and the value
// and what would be right ("role: unknown role 'astronaut'", "skill: no skill named 'cobol++'", "country:
// unknown country 'Atlantis'", "from: '2024-13-01' is not a date (YYYY-MM-DD)").
StatusOr<index::Filters> ResolveFilters(const FilterSpec& spec, const taxonomy::Taxonomy& taxonomy);

// ---- saved searches and alerts ------------------------------------------------------------------------------

// A search kept by name: its words and filters as given (resolved again on each run, so a taxonomy update
// reads them as it reads new searches).
struct SavedSearchSpec {
  std::string name;
  std::string query;
  FilterSpec filters;
  std::string created_at, last_run_at;
};

// A FilterSpec as JSON text (its fields by name: roles, levels, skills, all_skills, company, country, region,
// city, employment_type, from, to, remote, min_salary, max_salary): how a saved search keeps its filters and
// how the faces show them.
std::string FilterSpecToJson(const FilterSpec& filters);

// Saves (or replaces) a search; its alerts start from the postings stored after this moment. The query and
// filters are checked first. Errors: kInvalidArgument naming what is wrong (an empty name, a query syntax
// error, an unknown role ...), those of the store.
Status SaveSearch(store::Store& store, const SavedSearchSpec& search, const taxonomy::Taxonomy& taxonomy);
StatusOr<std::vector<SavedSearchSpec>> ListSavedSearches(store::Store& store);
// Errors: kNotFound when there is no search by that name.
Status DeleteSavedSearch(store::Store& store, const std::string& name);

// The postings new to one saved search: stored since its last run (or its saving), matching its words and
// filters, linked duplicates left out; newest posting date first.
struct Alert {
  std::string name;
  std::string query;
  std::vector<Posting> postings;
};
struct AlertRun {
  std::vector<Alert> alerts;        // one per saved search run, by name
  int64_t through_sequence = 0;     // the store's last posting when the run began
  int64_t postings_considered = 0;  // stored since the oldest mark among the searches run
};
// Runs the saved searches (all, or the one named) over the postings stored since each last ran, then moves
// their marks to the store's last posting, so a posting is listed once at most. With `peek`, the marks stay.
// Errors: kNotFound for an unknown name; kInvalidArgument when a saved filter no longer resolves; the store's.
StatusOr<AlertRun> RunAlerts(store::Store& store, const taxonomy::Taxonomy& taxonomy, const std::string& name = "",
                             bool peek = false);

// Where the index snapshot of the store at `store_path` is kept: beside it, "<store_path>.index".
std::string SnapshotPath(const std::string& store_path);

// What the taxonomy says about the words people search for (skill_words.cc): a skill's name that is also
// everyday English ("excel", "go", "r", "spark", "rust") counts only in postings that name the skill, and a
// skill's singular and plural spellings ("llm", "llms") count as one word.
class SkillWords {
 public:
  explicit SkillWords(const taxonomy::Taxonomy& taxonomy);
  // Sets `skill` and `variants` on the query's single-word clauses (not prefixes) that name a skill.
  void Apply(index::Query& query) const;

 private:
  struct Entry {
    std::string skill;  // set for an everyday word
    std::vector<std::string> variants;
  };
  std::unordered_map<std::string, Entry> words_;
};

namespace internal {
class PageCache;
}

class SearchService {
 public:
  ~SearchService();
  // Builds the index from the store, or loads it from `snapshot_path` when the snapshot is of this store,
  // adding the postings stored since (then saving it again). A snapshot of another store, or one behind by
  // more than a quarter of its postings, is rebuilt and saved for the next start. An empty path always
  // builds. The store must outlive the service.
  // `progress` (may be empty) follows a build of the index, when one is needed.
  static StatusOr<std::unique_ptr<SearchService>> Open(store::Store& store, const std::string& snapshot_path = "",
                                                       const index::SearchIndex::BuildProgress& progress = {});
  bool loaded_from_snapshot() const { return loaded_from_snapshot_; }
  // Postings added to a loaded snapshot because they were stored after it was saved.
  size_t postings_added() const { return postings_added_; }

  // Reads the query's words with the taxonomy's knowledge of skill words (SkillWords). Call before searching.
  void UseTaxonomy(const taxonomy::Taxonomy& taxonomy);

  // Errors: kInvalidArgument for a query syntax error (the character is named).
  StatusOr<SearchPage> Search(const std::string& query_text, const index::Filters& filters,
                              const SearchOptions& options);
  // The same, reading the hits' postings through `reader` (this thread's handle on the same store).
  StatusOr<SearchPage> Search(store::Store& reader, const std::string& query_text, const index::Filters& filters,
                              const SearchOptions& options);
  // Postings like `posting_id`. Errors: kNotFound.
  StatusOr<SearchPage> MoreLikeThis(const std::string& posting_id, size_t limit);
  StatusOr<SearchPage> MoreLikeThis(store::Store& reader, const std::string& posting_id, size_t limit);

  // Keeps the last `pages` pages answered for up to `seconds` each, so a page asked again (a web UI paging
  // back, or undoing a facet) is not searched again; cleared whenever CatchUp takes in postings. Off (0
  // pages) until asked for: a long-running face turns it on.
  void KeepPages(size_t pages, double seconds);
  struct CacheStats {
    int64_t hits = 0, misses = 0;  // searches answered from kept pages, and searched while keeping pages
    size_t pages = 0;              // pages kept now
  };
  CacheStats PageCacheStats() const;

  // Adds to the index the postings stored through any connection since it was built or last caught up
  // (linked duplicates as shadows of the postings they repeat, as a build adds them), so an ingest becomes
  // searchable without a rebuild. Returns how many postings were added. Errors: those of the store.
  StatusOr<size_t> CatchUp();
  // Postings in the index.
  size_t DocumentCount() const;

 private:
  SearchService(store::Store& store, std::unique_ptr<index::SearchIndex> index, int64_t through);
  StatusOr<SearchPage> Page(store::Store& store, const index::SearchResult& result, const index::Query& query);
  store::Store& store_;
  std::unique_ptr<index::SearchIndex> index_;
  mutable std::shared_mutex index_mutex_;    // shared by searches, exclusive while CatchUp adds
  std::unique_ptr<SkillWords> skill_words_;  // null: words are read as written
  std::unique_ptr<internal::PageCache> pages_;
  int64_t through_ = 0;  // the last stored posting the index has seen (Store::LastSequence)
  bool loaded_from_snapshot_ = false;
  size_t postings_added_ = 0;
};

// Which store a snapshot was made from: the store's id and schema version.
StatusOr<std::string> StoreIdentity(store::Store& store);

// An excerpt of `text` around the first query word, query words wrapped in [[ ]]; "" when none occurs.
std::string Snippet(std::string_view text, const index::Query& query, size_t context_words = 12);

}  // namespace jobscope::search
