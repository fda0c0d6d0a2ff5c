// The search service's snapshot: loaded when it is of the same store, brought up to date with the postings
// stored since, and rebuilt when it is another store's or far behind.
#include "search/search.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

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
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("search_" + std::to_string(::getpid()) + "_" + testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    snapshot_ = (dir_ / "store.db.index").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

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

  std::filesystem::path dir_;
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
  // A second run: three new postings, one of them linked as a duplicate (left out, as a build leaves it).
  auto run = store->BeginRun({"more.jsonl"});
  for (int number = 20; number < 23; ++number) {
    Posting posting = MakePosting("p" + std::to_string(number), "Computer Vision Researcher", "Perception and PyTorch.");
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

}  // namespace
}  // namespace jobscope::search
