// File: search.h
//
// The search service: the index answers, the store supplies the text for highlighted snippets. This is
// what the CLI, the HTTP API and the web UI call.
//
// Thread-safety: Search() only reads the index, but the store serves one thread at a time; give each thread
// its own store handle.
//
// Example:
//   JS_ASSIGN_OR_RETURN(auto service, SearchService::Open(*store));
//   JS_ASSIGN_OR_RETURN(SearchPage page, service->Search("nlp +pytorch", filters, options));
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "index/index.h"
#include "store/store.h"

namespace jobscope::search {

struct SearchHit {
  Posting posting;
  double score = 0;
  std::string snippet;  // description excerpt, query words wrapped in [[ ]]
};

struct SearchPage {
  int64_t total = 0;
  std::vector<SearchHit> hits;
  std::map<std::string, std::vector<index::FacetValue>> facets;
  std::vector<std::string> expanded_terms;
};

struct SearchOptions {
  index::SortBy sort = index::SortBy::kRelevance;
  size_t page = 1;  // 1-based
  size_t per_page = 10;
  bool facets = false;
  bool typing = false;  // the query is still being typed: its last word matches as a prefix
};

class SearchService {
 public:
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

  // Errors: kInvalidArgument for a query syntax error (the character is named).
  StatusOr<SearchPage> Search(const std::string& query_text, const index::Filters& filters,
                              const SearchOptions& options);
  // Postings like `posting_id`. Errors: kNotFound.
  StatusOr<SearchPage> MoreLikeThis(const std::string& posting_id, size_t limit);

  const index::SearchIndex& index() const { return *index_; }

 private:
  SearchService(store::Store& store, std::unique_ptr<index::SearchIndex> index) : store_(store), index_(std::move(index)) {}
  StatusOr<SearchPage> Page(const index::SearchResult& result, const index::Query& query);
  store::Store& store_;
  std::unique_ptr<index::SearchIndex> index_;
  bool loaded_from_snapshot_ = false;
  size_t postings_added_ = 0;
};

// Which store a snapshot was made from: the store's id and schema version.
StatusOr<std::string> StoreIdentity(store::Store& store);

// An excerpt of `text` around the first query word, query words wrapped in [[ ]]; "" when none occurs.
std::string Snippet(std::string_view text, const index::Query& query, size_t context_words = 12);

}  // namespace jobscope::search
