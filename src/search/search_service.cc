#include <charconv>
#include <set>

#include "search/search.h"

namespace jobscope::search {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

std::string Snippet(std::string_view text, const index::Query& query, size_t context_words) {
  std::set<std::string> wanted;
  for (const index::QueryClause& clause : query.clauses) {
    if (clause.kind == index::QueryClause::Kind::kMustNot) continue;
    for (const std::string& word : clause.words) {
      for (std::string& term : index::AnalyzeText(word)) wanted.insert(std::move(term));
    }
  }
  struct Word {
    size_t begin, end;
    bool hit;
  };
  std::vector<Word> words;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && !IsWordByte(static_cast<unsigned char>(text[pos]))) ++pos;
    size_t begin = pos;
    while (pos < text.size() && IsWordByte(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos == begin) break;
    auto terms = index::AnalyzeText(text.substr(begin, pos - begin));
    words.push_back({begin, pos, terms.size() == 1 && wanted.count(terms[0]) > 0});
  }
  size_t first = 0;
  while (first < words.size() && !words[first].hit) ++first;
  if (first == words.size()) return "";
  size_t from = first > context_words ? first - context_words : 0;
  size_t to = std::min(words.size(), first + context_words + 1);
  std::string out = from > 0 ? "..." : "";
  size_t cursor = words[from].begin;
  for (size_t idx = from; idx < to; ++idx) {
    out.append(text.substr(cursor, words[idx].begin - cursor));
    std::string_view word = text.substr(words[idx].begin, words[idx].end - words[idx].begin);
    if (words[idx].hit) out += "[[" + std::string(word) + "]]";
    else out.append(word);
    cursor = words[idx].end;
  }
  if (to < words.size()) out += "...";
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

StatusOr<std::string> StoreIdentity(store::Store& store) {
  JS_ASSIGN_OR_RETURN(std::string id, store.StoreId());
  return "store=" + id + ";schema=" + std::to_string(store.SchemaVersion());
}

namespace {

constexpr std::string_view kThrough = ";through=";

// The last posting a snapshot's stamp says its index holds, or -1 when the stamp is another store's.
int64_t SequenceCovered(const std::string& stamp, const std::string& identity) {
  if (!stamp.starts_with(identity) || stamp.compare(identity.size(), kThrough.size(), kThrough) != 0) return -1;
  int64_t through = -1;
  std::string_view digits = std::string_view(stamp).substr(identity.size() + kThrough.size());
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), through);
  return error == std::errc() && end == digits.data() + digits.size() ? through : -1;
}

}  // namespace

StatusOr<std::unique_ptr<SearchService>> SearchService::Open(store::Store& store, const std::string& snapshot_path,
                                                             const index::SearchIndex::BuildProgress& progress) {
  if (snapshot_path.empty()) {
    JS_ASSIGN_OR_RETURN(auto index, index::SearchIndex::Build(store, false, progress));
    return std::unique_ptr<SearchService>(new SearchService(store, std::move(index)));
  }
  JS_ASSIGN_OR_RETURN(std::string identity, StoreIdentity(store));
  JS_ASSIGN_OR_RETURN(int64_t last, store.LastSequence());
  const std::string stamp = identity + std::string(kThrough) + std::to_string(last);
  int64_t through = -1;
  auto loaded = index::SearchIndex::LoadSnapshot(snapshot_path, [&](const std::string& saved) {
    through = SequenceCovered(saved, identity);
    return through >= 0 && through <= last;
  });
  if (loaded.ok()) {
    // The postings stored since, skipping those a build skips and any the snapshot holds already (stored
    // while it was made). Added at the end of the index rather than in title order, so when they are many
    // against those it holds, a rebuild pays for itself in query time.
    std::unique_ptr<index::SearchIndex> index = std::move(loaded).value();
    const size_t held = index->DocumentCount();
    std::vector<Posting> fresh;
    bool far_behind = false;
    JS_RETURN_IF_ERROR(store.ForEachPostingAfter(through, [&](Posting& posting) {
      if (!posting.duplicate_of.empty() || index->DocumentOf(posting.id)) return true;
      far_behind = (fresh.size() + 1) * 4 > held;
      if (!far_behind) fresh.push_back(std::move(posting));
      return !far_behind;
    }));
    if (!far_behind) {
      for (const Posting& posting : fresh) index->Add(posting);
      if (through != last) (void)index->SaveSnapshot(snapshot_path, stamp);  // a cache: see below
      auto service = std::unique_ptr<SearchService>(new SearchService(store, std::move(index)));
      service->loaded_from_snapshot_ = true;
      service->postings_added_ = fresh.size();
      return service;
    }
  }
  // Missing, another store's, unreadable or far behind: rebuild from the store (the source of truth).
  JS_ASSIGN_OR_RETURN(auto index, index::SearchIndex::Build(store, false, progress));
  // The snapshot only saves the next start a build: a store on read-only media is still searched.
  (void)index->SaveSnapshot(snapshot_path, stamp);
  return std::unique_ptr<SearchService>(new SearchService(store, std::move(index)));
}

StatusOr<SearchPage> SearchService::Page(const index::SearchResult& result, const index::Query& query) {
  SearchPage page;
  page.total = result.total;
  page.facets = result.facets;
  page.expanded_terms = result.expanded_terms;
  for (const index::Hit& hit : result.hits) {
    JS_ASSIGN_OR_RETURN(std::optional<Posting> posting, store_.GetPosting(hit.id));
    if (!posting) continue;  // removed since the index was built
    SearchHit out;
    out.snippet = Snippet(posting->raw.description, query);
    out.posting = std::move(*posting);
    out.score = hit.score;
    page.hits.push_back(std::move(out));
  }
  return page;
}

StatusOr<SearchPage> SearchService::Search(const std::string& query_text, const index::Filters& filters,
                                           const SearchOptions& options) {
  JS_ASSIGN_OR_RETURN(index::Query query, index::ParseQuery(query_text, options.typing));
  index::SearchRequest request;
  request.query = query;
  request.filters = filters;
  request.sort = options.sort;
  request.offset = (std::max<size_t>(options.page, 1) - 1) * options.per_page;
  request.limit = options.per_page;
  request.facets = options.facets;
  return Page(index_->Search(request), query);
}

StatusOr<SearchPage> SearchService::MoreLikeThis(const std::string& posting_id, size_t limit) {
  if (!index_->DocumentOf(posting_id)) return NotFound("no posting " + posting_id + " in the index");
  return Page(index_->MoreLikeThis(posting_id, limit), index::Query{});
}

}  // namespace jobscope::search
