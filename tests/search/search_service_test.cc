// The search service's snapshot: loaded when it is of the same store, brought up to date with the postings
// stored since, and rebuilt when it is another store's or far behind.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "search/search.h"
#include "support/scratch_dir.h"

namespace jobscope::search {
namespace {

Posting MakePosting(const std::string& id, const std::string& title, const std::string& description) {
  Posting posting;
  posting.id = id;
  posting.raw.source = "test";
  posting.raw.title = title;
  posting.raw.company = "Acme";
  posting.raw.description = description;
  posting.understood.role = Role::kMlEngineer;
  return posting;
}

class SearchServiceTest : public testing::Test {
 protected:
  testing_support::ScratchDir dir_{"search"};
  void SetUp() override { snapshot_ = (dir_ / "store.db.index").string(); }

  std::unique_ptr<store::Store> OpenStore(const std::string& name) {
    auto store = store::OpenSqliteStore((dir_ / name).string());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(store).value();
  }
  // A run of `count` postings numbered from `first`.
  void Ingest(store::Store& store, int first, int count, const std::string& word = "engineer") {
    auto run = store.BeginRun({"test.jsonl"});
    ASSERT_TRUE(run.ok());
    for (int number = first; number < first + count; ++number) {
      Posting posting = MakePosting("p" + std::to_string(number), "Machine Learning " + word,
                                    "Build models in Python, posting " + std::to_string(number) + ".");
      ASSERT_TRUE(store.PutPosting(posting, *run).ok());
    }
    ASSERT_TRUE(store.FinishRun(*run, {}, false).ok());
  }
  int64_t Total(SearchService& service, const std::string& query) {
    auto page = service.Search(query, {}, {});
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? page->total : -1;
  }
  std::string snapshot_;
};

TEST_F(SearchServiceTest, ASnapshotIsLoadedAndKeptInStepWithIngest) {
  auto store = OpenStore("store.db");
  Ingest(*store, 0, 20);
  {
    auto built = SearchService::Open(*store, snapshot_);
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    EXPECT_FALSE((*built)->loaded_from_snapshot());
    EXPECT_TRUE(std::filesystem::exists(snapshot_));
  }
  {
    auto loaded = SearchService::Open(*store, snapshot_);
    ASSERT_TRUE(loaded.ok());
    EXPECT_TRUE((*loaded)->loaded_from_snapshot());
    EXPECT_EQ((*loaded)->postings_added(), 0u);
  }
  // A second run: three new postings, one of them linked as a duplicate (a shadow of the one it repeats).
  auto run = store->BeginRun({"more.jsonl"});
  for (int number = 20; number < 23; ++number) {
    Posting posting =
        MakePosting("p" + std::to_string(number), "Computer Vision Researcher", "Perception and PyTorch.");
    if (number == 22) posting.duplicate_of = "p20";
    ASSERT_TRUE(store->PutPosting(posting, *run).ok());
  }
  ASSERT_TRUE(store->FinishRun(*run, {}, false).ok());
  {
    auto updated = SearchService::Open(*store, snapshot_);
    ASSERT_TRUE(updated.ok());
    EXPECT_TRUE((*updated)->loaded_from_snapshot());
    EXPECT_EQ((*updated)->postings_added(), 2u);
    auto rebuilt = SearchService::Open(*store);  // no snapshot: built from the store
    ASSERT_TRUE(rebuilt.ok());
    for (const char* query : {"perception", "machine learning", "researcher python", "\"computer vision\""}) {
      EXPECT_EQ(Total(**updated, query), Total(**rebuilt, query)) << query;
    }
    EXPECT_EQ(Total(**updated, "perception"), 2);
  }
  auto again = SearchService::Open(*store, snapshot_);  // the update was saved
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE((*again)->loaded_from_snapshot());
  EXPECT_EQ((*again)->postings_added(), 0u);
  EXPECT_EQ(Total(**again, "perception"), 2);
}

TEST_F(SearchServiceTest, AnotherStoresSnapshotIsRebuilt) {
  auto first = OpenStore("first.db");
  Ingest(*first, 0, 10, "engineer");
  ASSERT_TRUE(SearchService::Open(*first, snapshot_).ok());
  auto second = OpenStore("second.db");
  Ingest(*second, 0, 12, "scientist");
  auto service = SearchService::Open(*second, snapshot_);
  ASSERT_TRUE(service.ok());
  EXPECT_FALSE((*service)->loaded_from_snapshot());
  EXPECT_EQ(Total(**service, "scientist"), 12);
  EXPECT_EQ(Total(**service, "engineer"), 0);
}

TEST_F(SearchServiceTest, ASnapshotFarBehindIsRebuiltInTitleOrder) {
  auto store = OpenStore("store.db");
  Ingest(*store, 0, 8);
  ASSERT_TRUE(SearchService::Open(*store, snapshot_).ok());
  Ingest(*store, 8, 8, "scientist");  // as many again: more than a quarter
  auto service = SearchService::Open(*store, snapshot_);
  ASSERT_TRUE(service.ok());
  EXPECT_FALSE((*service)->loaded_from_snapshot());
  EXPECT_EQ(Total(**service, "scientist"), 8);
  auto loaded = SearchService::Open(*store, snapshot_);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE((*loaded)->loaded_from_snapshot());
}

TEST_F(SearchServiceTest, AnUnreadableSnapshotIsRebuilt) {
  auto store = OpenStore("store.db");
  Ingest(*store, 0, 5);
  {
    std::ofstream garbage(snapshot_);
    garbage << "not an index";
  }
  auto service = SearchService::Open(*store, snapshot_);
  ASSERT_TRUE(service.ok()) << service.status().ToString();
  EXPECT_FALSE((*service)->loaded_from_snapshot());
  EXPECT_EQ(Total(**service, "python"), 5);
}

// A snapshot cut short (a crash while it was written, a full disk) fails its checksum and is rebuilt.
TEST_F(SearchServiceTest, ATornSnapshotIsRebuilt) {
  auto store = OpenStore("store.db");
  Ingest(*store, 0, 6);
  ASSERT_TRUE(SearchService::Open(*store, snapshot_).ok());
  const auto size = std::filesystem::file_size(snapshot_);
  std::filesystem::resize_file(snapshot_, size / 2);
  auto service = SearchService::Open(*store, snapshot_);
  ASSERT_TRUE(service.ok()) << service.status().ToString();
  EXPECT_FALSE((*service)->loaded_from_snapshot());
  EXPECT_EQ(Total(**service, "python"), 6);
}

// A snapshot that holds more than its store (the store put back from an older copy) is never trusted.
TEST_F(SearchServiceTest, ASnapshotAheadOfItsStoreIsRebuilt) {
  {
    auto store = OpenStore("store.db");
    Ingest(*store, 0, 4);
  }
  std::filesystem::copy_file(dir_ / "store.db", dir_ / "older.db");
  {
    auto store = OpenStore("store.db");
    Ingest(*store, 4, 4, "scientist");
    ASSERT_TRUE(SearchService::Open(*store, snapshot_).ok());
  }
  std::filesystem::remove(dir_ / "store.db-wal");
  std::filesystem::remove(dir_ / "store.db-shm");
  std::filesystem::copy_file(dir_ / "older.db", dir_ / "store.db", std::filesystem::copy_options::overwrite_existing);
  auto store = OpenStore("store.db");
  auto service = SearchService::Open(*store, snapshot_);
  ASSERT_TRUE(service.ok()) << service.status().ToString();
  EXPECT_FALSE((*service)->loaded_from_snapshot());
  EXPECT_EQ(Total(**service, "scientist"), 0);
  EXPECT_EQ((*service)->DocumentCount(), 4u);
}

TEST_F(SearchServiceTest, CatchUpAddsWhatWasStoredSinceAndSkipsLinkedDuplicates) {
  auto store = OpenStore("store.db");
  Ingest(*store, 0, 4);
  auto service = SearchService::Open(*store);
  ASSERT_TRUE(service.ok());
  EXPECT_EQ(*(*service)->CatchUp(), 0u);
  Ingest(*store, 4, 2, "researcher");
  auto run = store->BeginRun({"dup.jsonl"});
  Posting duplicate = MakePosting("dup", "Machine Learning researcher", "The same job again.");
  duplicate.duplicate_of = "p4";
  ASSERT_TRUE(store->PutPosting(duplicate, *run).ok());
  ASSERT_TRUE(store->FinishRun(*run, {}, false).ok());
  EXPECT_EQ(Total(**service, "researcher"), 0);
  EXPECT_EQ(*(*service)->CatchUp(), 2u);
  EXPECT_EQ(Total(**service, "researcher"), 2);
  EXPECT_EQ((*service)->DocumentCount(), 6u);
  EXPECT_EQ(*(*service)->CatchUp(), 0u);
}

TEST_F(SearchServiceTest, KeptPagesAnswerRepeatsUntilNewPostingsAreTakenIn) {
  auto store = OpenStore("store.db");
  Ingest(*store, 0, 3);
  auto service = SearchService::Open(*store);
  ASSERT_TRUE(service.ok());
  SearchService& search = **service;
  search.KeepPages(2, 3600);
  SearchOptions first_page, second_page;
  first_page.per_page = second_page.per_page = 2;
  second_page.page = 2;
  auto ids = [&](const std::string& query, const index::Filters& filters, const SearchOptions& options) {
    std::vector<std::string> out;
    auto page = search.Search(query, filters, options);
    EXPECT_TRUE(page.ok());
    for (const SearchHit& hit : page->hits) out.push_back(hit.posting.id);
    return out;
  };
  const auto page_one = ids("engineer", {}, first_page);
  EXPECT_EQ(ids("engineer", {}, first_page), page_one);
  EXPECT_EQ(search.PageCacheStats().hits, 1);
  // Whatever decides a page is part of its key: another page, another filter.
  EXPECT_EQ(ids("engineer", {}, second_page).size(), 1u);
  index::Filters nowhere;
  nowhere.company = "Nobody";
  EXPECT_TRUE(ids("engineer", nowhere, first_page).empty());
  EXPECT_EQ(search.PageCacheStats().hits, 1);
  EXPECT_EQ(search.PageCacheStats().misses, 3);
  EXPECT_EQ(search.PageCacheStats().pages, 2u);  // the oldest of three left
  // New postings clear the kept pages: the next search sees them.
  Ingest(*store, 3, 2);
  EXPECT_EQ(Total(search, "engineer"), 3);  // not taken in yet
  ASSERT_EQ(*search.CatchUp(), 2u);
  EXPECT_EQ(search.PageCacheStats().pages, 0u);
  EXPECT_EQ(Total(search, "engineer"), 5);
  // A page older than its time to live is searched again.
  search.KeepPages(8, 0);
  (void)Total(search, "python");
  (void)Total(search, "python");
  EXPECT_EQ(search.PageCacheStats().hits, 1);
}

TEST_F(SearchServiceTest, SalaryStatsCoverTheWholeMatchSetAndAReaderServesTheHits) {
  auto store = OpenStore("store.db");
  auto run = store->BeginRun({"pay.jsonl"});
  const std::pair<std::optional<double>, std::optional<double>> pay[] = {
      {100000, 140000}, {80000, std::nullopt}, {std::nullopt, std::nullopt}, {200000, 260000}};
  for (int number = 0; number < 4; ++number) {
    Posting posting = MakePosting("p" + std::to_string(number), "Data Scientist", "Statistics and Python.");
    posting.understood.salary.annual_min_usd = pay[number].first;
    posting.understood.salary.annual_max_usd = pay[number].second;
    ASSERT_TRUE(store->PutPosting(posting, *run).ok());
  }
  ASSERT_TRUE(store->FinishRun(*run, {}, false).ok());
  auto service = SearchService::Open(*store);
  ASSERT_TRUE(service.ok());
  auto reader = store->OpenReader();
  ASSERT_TRUE(reader.ok());
  SearchOptions options;
  options.per_page = 1;  // the stats are over every match, not the page
  options.salary_stats = true;
  auto page = (*service)->Search(**reader, "python", {}, options);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->hits.size(), 1u);
  ASSERT_TRUE(page->salary_stats.has_value());
  EXPECT_EQ(page->salary_stats->postings, 3);
  EXPECT_DOUBLE_EQ(page->salary_stats->min, 80000);
  EXPECT_DOUBLE_EQ(page->salary_stats->max, 260000);
  EXPECT_DOUBLE_EQ(page->salary_stats->avg, (120000.0 + 80000.0 + 230000.0) / 3);
}

TEST(ResolveFilters, NamesTheFieldThatIsWrong) {
  auto taxonomy = taxonomy::Taxonomy::Load(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/taxonomy/skills.tsv");
  ASSERT_TRUE(taxonomy.ok());
  FilterSpec spec;
  spec.roles = {"nlp_engineer"};
  spec.skills = {"sklearn"};
  spec.country = "Germany";
  spec.remote = true;
  auto filters = ResolveFilters(spec, *taxonomy);
  ASSERT_TRUE(filters.ok()) << filters.status().ToString();
  EXPECT_EQ(filters->roles, std::vector<Role>{Role::kNlpEngineer});
  EXPECT_EQ(filters->skills_any.size(), 1u);
  EXPECT_EQ(filters->country, "DE");
  EXPECT_EQ(filters->remote, RemoteMode::kRemote);
  for (auto [field, wrong] :
       std::vector<std::pair<std::string, FilterSpec>>{{"role", {.roles = {"astronaut"}}},
                                                       {"level", {.levels = {"guru"}}},
                                                       {"skill", {.skills = {"no-such-skill"}}},
                                                       {"country", {.country = "Atlantis"}},
                                                       {"employment_type", {.employment_type = "gig"}},
                                                       {"from", {.from = "2024-02-30"}}}) {
    auto refused = ResolveFilters(wrong, *taxonomy);
    EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument) << field;
    EXPECT_EQ(refused.status().message().rfind(field + ":", 0), 0u) << refused.status().message();
  }
}

// A posting linked as a duplicate stays reachable: shown under the posting it repeats, and postings like it
// are those like that one.
TEST_F(SearchServiceTest, DuplicatesAreShownUnderTheirPostingAndFindSimilarOnes) {
  auto store = OpenStore("store.db");
  Ingest(*store, 0, 5);
  auto run = store->BeginRun({"board.jsonl"});
  ASSERT_TRUE(run.ok());
  Posting copy = MakePosting("dup1", "Machine Learning engineer (Remote)", "Build models in Python, posting 2.");
  copy.raw.source = "otherboard";
  copy.duplicate_of = "p2";
  ASSERT_TRUE(store->PutPosting(copy, *run).ok());
  ASSERT_TRUE(store->FinishRun(*run, {}, false).ok());
  auto service = SearchService::Open(*store);
  ASSERT_TRUE(service.ok());
  auto page = (*service)->Search("python", {}, {.per_page = 10});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 5);  // the copy is not counted twice
  bool shown = false;
  for (const SearchHit& hit : page->hits) {
    if (hit.posting.id == "p2") {
      ASSERT_EQ(hit.also_posted_as.size(), 1u);
      EXPECT_EQ(hit.also_posted_as[0].id, "dup1");
      EXPECT_EQ(hit.also_posted_as[0].raw.source, "otherboard");
      shown = true;
    } else {
      EXPECT_TRUE(hit.also_posted_as.empty());
    }
  }
  EXPECT_TRUE(shown);
  auto like_copy = (*service)->MoreLikeThis("dup1", 3);
  ASSERT_TRUE(like_copy.ok()) << like_copy.status().ToString();
  auto like_original = (*service)->MoreLikeThis("p2", 3);
  ASSERT_TRUE(like_original.ok());
  ASSERT_EQ(like_copy->hits.size(), like_original->hits.size());
  for (size_t i = 0; i < like_copy->hits.size(); ++i)
    EXPECT_EQ(like_copy->hits[i].posting.id, like_original->hits[i].posting.id);
  EXPECT_EQ((*service)->MoreLikeThis("nothing", 3).status().code(), StatusCode::kNotFound);
}

// A duplicate is found by its own fields: a filter on its city, or words only its title has, find the posting
// it repeats (counted once, never the duplicate itself), whether the index was built, loaded from a snapshot
// or caught up after the duplicate was stored.
TEST_F(SearchServiceTest, ADuplicateIsFoundByItsOwnPlaceAndTitle) {
  auto store = OpenStore("store.db");
  Ingest(*store, 0, 5);
  auto add_copy = [&](const std::string& id, const std::string& original) {
    auto run = store->BeginRun({"board.jsonl"});
    ASSERT_TRUE(run.ok());
    Posting copy = MakePosting(id, "Zeppelin Vision Engineer", "Build models in Python, posting copy.");
    copy.raw.source = "otherboard";
    copy.understood.location.city = "Lisbon";
    copy.understood.location.country = "PT";
    copy.duplicate_of = original;
    ASSERT_TRUE(store->PutPosting(copy, *run).ok());
    ASSERT_TRUE(store->FinishRun(*run, {}, false).ok());
  };
  add_copy("dup1", "p2");
  auto expect_found = [&](SearchService& service, const std::string& original) {
    index::Filters lisbon;
    lisbon.city = "lisbon";
    auto by_city = service.Search("", lisbon, {.per_page = 10});
    ASSERT_TRUE(by_city.ok());
    ASSERT_EQ(by_city->total, 1);
    ASSERT_EQ(by_city->hits.size(), 1u);
    EXPECT_EQ(by_city->hits[0].posting.id, original);
    auto by_title = service.Search("zeppelin", {}, {.per_page = 10});
    ASSERT_TRUE(by_title.ok());
    ASSERT_EQ(by_title->total, 1);
    ASSERT_EQ(by_title->hits.size(), 1u) << "a posting found only through its duplicate's words is ranked too";
    EXPECT_EQ(by_title->hits[0].posting.id, original);
    EXPECT_EQ(by_title->hits[0].also_posted_as.size(), 1u);
    auto all = service.Search("python", {}, {.per_page = 10, .facets = true});
    ASSERT_TRUE(all.ok());
    for (const auto& hit : all->hits)
      EXPECT_TRUE(hit.posting.duplicate_of.empty()) << hit.posting.id << " is a duplicate";
    int64_t roles = 0;
    for (const auto& value : all->facets["role"]) roles += value.count;
    EXPECT_EQ(roles, all->total) << "facets count each job once";
  };
  {
    auto built = SearchService::Open(*store, snapshot_);
    ASSERT_TRUE(built.ok());
    EXPECT_FALSE((*built)->loaded_from_snapshot());
    EXPECT_EQ((*built)->DocumentCount(), 5u) << "a duplicate is no posting of its own";
    expect_found(**built, "p2");
  }
  {
    auto loaded = SearchService::Open(*store, snapshot_);
    ASSERT_TRUE(loaded.ok());
    EXPECT_TRUE((*loaded)->loaded_from_snapshot());
    expect_found(**loaded, "p2");
    // A copy stored after the index was made is caught up as a shadow too.
    add_copy("dup2", "p4");
    auto added = (*loaded)->CatchUp();
    ASSERT_TRUE(added.ok());
    EXPECT_EQ(*added, 0u);
    index::Filters lisbon;
    lisbon.city = "lisbon";
    auto both = (*loaded)->Search("", lisbon, {.per_page = 10});
    ASSERT_TRUE(both.ok());
    EXPECT_EQ(both->total, 2);
  }
}

}  // namespace
}  // namespace jobscope::search
