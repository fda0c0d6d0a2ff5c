#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>

#include "base/strings.h"
#include "extract/extract.h"
#include "search/internal/page_cache.h"
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
  if (wanted.empty()) return "";  // no words to show (filters alone, more-like-this)
  struct Word {
    size_t begin, end;
    bool hit;
  };
  std::vector<Word> words;
  size_t pos = 0;
  // Words are analysed (stemmed) only up to the end of the excerpt: the first hit's context and one word
  // more, to know whether "..." follows. A search page used to stem every word of each hit's description,
  // most of the cost of a page of long postings.
  size_t first_hit = std::string_view::npos;
  while (pos < text.size()) {
    if (first_hit != std::string_view::npos && words.size() > first_hit + context_words + 1) break;
    while (pos < text.size() && !IsWordByte(static_cast<unsigned char>(text[pos]))) ++pos;
    size_t begin = pos;
    while (pos < text.size() && IsWordByte(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos == begin) break;
    auto terms = index::AnalyzeText(text.substr(begin, pos - begin));
    words.push_back({begin, pos, terms.size() == 1 && wanted.count(terms[0]) > 0});
    if (words.back().hit && first_hit == std::string_view::npos) first_hit = words.size() - 1;
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
    if (words[idx].hit)
      out += "[[" + std::string(word) + "]]";
    else
      out.append(word);
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

// Adds a stored posting as the index holds it: a posting of its own, or a linked duplicate as the shadow of the
// posting it repeats. True for a posting of its own (what the counts of postings added count).
bool AddStored(index::SearchIndex& index, const Posting& posting) {
  if (!posting.duplicate_of.empty()) {
    index.AddDuplicate(posting);
    return false;
  }
  index.Add(posting);
  return true;
}

// The last posting a snapshot's stamp says its index holds, or -1 when the stamp is another store's.
int64_t SequenceCovered(const std::string& stamp, const std::string& identity) {
  if (!stamp.starts_with(identity) || stamp.compare(identity.size(), kThrough.size(), kThrough) != 0) return -1;
  int64_t through = -1;
  std::string_view digits = std::string_view(stamp).substr(identity.size() + kThrough.size());
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), through);
  return error == std::errc() && end == digits.data() + digits.size() ? through : -1;
}

}  // namespace

SearchService::SearchService(store::Store& store, std::unique_ptr<index::SearchIndex> index, int64_t through)
    : store_(store), index_(std::move(index)), pages_(std::make_unique<internal::PageCache>()), through_(through) {}

SearchService::~SearchService() = default;

void SearchService::UseTaxonomy(const taxonomy::Taxonomy& taxonomy) {
  skill_words_ = std::make_unique<SkillWords>(taxonomy);
  pages_->Clear();  // kept pages read the words another way
}

void SearchService::KeepPages(size_t pages, double seconds) { pages_->Configure(pages, seconds); }

SearchService::CacheStats SearchService::PageCacheStats() const { return pages_->Stats(); }

StatusOr<std::unique_ptr<SearchService>> SearchService::Open(store::Store& store, const std::string& snapshot_path,
                                                             const index::SearchIndex::BuildProgress& progress) {
  if (snapshot_path.empty()) {
    // Read before the build: a posting stored during it is met again by CatchUp, which skips it.
    JS_ASSIGN_OR_RETURN(int64_t last, store.LastSequence());
    JS_ASSIGN_OR_RETURN(auto index, index::SearchIndex::Build(store, false, progress));
    return std::unique_ptr<SearchService>(new SearchService(store, std::move(index), last));
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
      if (index->DocumentOf(posting.id)) return true;
      far_behind = (fresh.size() + 1) * 4 > held;
      if (!far_behind) fresh.push_back(std::move(posting));
      return !far_behind;
    }));
    if (!far_behind) {
      size_t added = 0;
      for (const Posting& posting : fresh) added += AddStored(*index, posting);
      if (through != last) (void)index->SaveSnapshot(snapshot_path, stamp);  // a cache: see below
      auto service = std::unique_ptr<SearchService>(new SearchService(store, std::move(index), last));
      service->loaded_from_snapshot_ = true;
      service->postings_added_ = added;
      return service;
    }
  }
  // Missing, another store's, unreadable or far behind: rebuild from the store (the source of truth).
  JS_ASSIGN_OR_RETURN(auto index, index::SearchIndex::Build(store, false, progress));
  // The snapshot only saves the next start a build: a store on read-only media is still searched.
  (void)index->SaveSnapshot(snapshot_path, stamp);
  return std::unique_ptr<SearchService>(new SearchService(store, std::move(index), last));
}

StatusOr<SearchPage> SearchService::Page(store::Store& store, const index::SearchResult& result,
                                         const index::Query& query) {
  SearchPage page;
  page.total = result.total;
  page.facets = result.facets;
  page.expanded_terms = result.expanded_terms;
  page.salary_stats = result.salary_stats;
  for (const index::Hit& hit : result.hits) {
    JS_ASSIGN_OR_RETURN(std::optional<Posting> posting, store.GetPosting(hit.id));
    if (!posting) continue;  // removed since the index was built
    SearchHit out;
    JS_ASSIGN_OR_RETURN(out.also_posted_as, store.DuplicatesOf(hit.id));
    out.snippet = Snippet(posting->raw.description, query);
    out.posting = std::move(*posting);
    out.score = hit.score;
    page.hits.push_back(std::move(out));
  }
  return page;
}

StatusOr<SearchPage> SearchService::Search(const std::string& query_text, const index::Filters& filters,
                                           const SearchOptions& options) {
  return Search(store_, query_text, filters, options);
}

StatusOr<SearchPage> SearchService::Search(store::Store& reader, const std::string& query_text,
                                           const index::Filters& filters, const SearchOptions& options) {
  const std::string key = internal::PageCache::Key(query_text, filters, options);
  uint64_t generation = 0;
  if (std::shared_ptr<const SearchPage> kept = pages_->Find(key, generation)) return SearchPage(*kept);
  JS_ASSIGN_OR_RETURN(index::Query query, index::ParseQuery(query_text, options.typing));
  if (skill_words_) skill_words_->Apply(query);
  index::SearchRequest request;
  request.query = query;
  request.filters = filters;
  request.sort = options.sort;
  request.offset = (std::max<size_t>(options.page, 1) - 1) * options.per_page;
  request.limit = options.per_page;
  request.facets = options.facets;
  request.facet_fields = options.facet_fields;
  request.salary_stats = options.salary_stats;
  index::SearchResult result;
  {
    std::shared_lock<std::shared_mutex> lock(index_mutex_);
    result = index_->Search(request);
  }
  JS_ASSIGN_OR_RETURN(SearchPage page, Page(reader, result, query));  // the store's reads need no hold on the index
  pages_->Put(key, page, generation);
  return page;
}

StatusOr<SearchPage> SearchService::MoreLikeThis(const std::string& posting_id, size_t limit) {
  return MoreLikeThis(store_, posting_id, limit);
}

StatusOr<SearchPage> SearchService::MoreLikeThis(store::Store& reader, const std::string& requested_id, size_t limit) {
  // A posting linked as a duplicate is not in the index: postings like it are those like the one it repeats.
  std::string posting_id = requested_id;
  for (int hops = 0; hops < 8; ++hops) {
    JS_ASSIGN_OR_RETURN(std::optional<Posting> stored, reader.GetPosting(posting_id));
    if (!stored || stored->duplicate_of.empty()) break;
    posting_id = stored->duplicate_of;
  }
  index::SearchResult result;
  {
    std::shared_lock<std::shared_mutex> lock(index_mutex_);
    if (!index_->DocumentOf(posting_id)) return NotFound("no posting " + requested_id + " in the index");
    result = index_->MoreLikeThis(posting_id, limit);
  }
  return Page(reader, result, index::Query{});
}

StatusOr<size_t> SearchService::CatchUp() {
  // The postings are read first with no hold on the index (only this thread adds to it), then added under
  // the exclusive lock, so searches wait only for the adding.
  JS_ASSIGN_OR_RETURN(int64_t last, store_.LastSequence());
  if (last <= through_) return size_t{0};
  std::vector<Posting> fresh;
  JS_RETURN_IF_ERROR(store_.ForEachPostingAfter(through_, [&](Posting& posting) {
    fresh.push_back(std::move(posting));
    return true;
  }));
  size_t added = 0;
  {
    std::unique_lock<std::shared_mutex> lock(index_mutex_);
    for (const Posting& posting : fresh) {
      if (index_->DocumentOf(posting.id)) continue;  // held already (stored while the index was built)
      added += AddStored(*index_, posting);
    }
  }
  through_ = last;
  pages_->Clear();  // new postings, or duplicates linked to kept hits
  return added;
}

size_t SearchService::DocumentCount() const {
  std::shared_lock<std::shared_mutex> lock(index_mutex_);
  return index_->DocumentCount();
}

std::string SnapshotPath(const std::string& store_path) {
  if (!store::IsPostgresUri(store_path)) return store_path + ".index";
  // A database has no folder of its own: its snapshot is kept in the user's cache, named by the URI (a
  // snapshot is stamped with its store's id, so one taken for another database is never trusted).
  const char* cache = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  std::filesystem::path folder = cache && *cache ? std::filesystem::path(cache)
                                 : home && *home ? std::filesystem::path(home) / ".cache"
                                                 : std::filesystem::temp_directory_path();
  folder /= "jobscope";
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.index",
                static_cast<unsigned long long>(std::hash<std::string>{}(store_path)));
  return (folder / name).string();
}

StatusOr<index::Filters> ResolveFilters(const FilterSpec& spec, const taxonomy::Taxonomy& taxonomy) {
  index::Filters filters;
  for (const std::string& name : spec.roles) {
    auto role = ParseRole(name);
    if (!role) return InvalidArgument("role: unknown role '" + name + "' (ml_engineer, data_scientist, ...)");
    filters.roles.push_back(*role);
  }
  for (const std::string& name : spec.levels) {
    auto level = ParseLevel(name);
    if (!level)
      return InvalidArgument("level: unknown level '" + name + "' (intern, entry, mid, senior, lead, executive)");
    filters.levels.push_back(*level);
  }
  std::vector<std::string> skill_ids;
  for (const std::string& named : spec.skills) {
    const taxonomy::Skill* skill = taxonomy.Find(named);
    if (!skill) return InvalidArgument("skill: no skill named '" + named + "' (give a skill's id, name or alias)");
    skill_ids.push_back(skill->id);
  }
  (spec.all_skills ? filters.skills_all : filters.skills_any) = std::move(skill_ids);
  filters.company = spec.company;
  if (!spec.country.empty()) {
    filters.country = extract::CountryCode(spec.country);
    if (filters.country.empty())
      return InvalidArgument("country: unknown country '" + spec.country + "' (an ISO code or a name)");
  }
  filters.region = spec.region;
  filters.city = spec.city;
  if (spec.remote) filters.remote = RemoteMode::kRemote;
  if (!spec.employment_type.empty()) {
    auto type = ParseEmploymentType(spec.employment_type);
    if (!type) {
      return InvalidArgument("employment_type: unknown '" + spec.employment_type +
                             "' (full_time, part_time, contract, temporary, internship, volunteer)");
    }
    filters.employment_type = *type;
  }
  for (const auto& [field, date] : {std::pair{"from", &spec.from}, std::pair{"to", &spec.to}}) {
    if (!date->empty() && !IsIsoDate(*date)) {
      return InvalidArgument(std::string(field) + ": '" + *date + "' is not a date (YYYY-MM-DD)");
    }
  }
  filters.posted_from = spec.from;
  filters.posted_to = spec.to;
  filters.min_salary_usd = spec.min_salary;
  filters.max_salary_usd = spec.max_salary;
  return filters;
}

}  // namespace jobscope::search
