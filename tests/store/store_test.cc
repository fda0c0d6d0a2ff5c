// The Store contract, written against the interface so every implementation (SQLite now, PostgreSQL
// next) runs the same suite: add a factory to kStores.
#include "store/store.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <thread>
#include <tuple>

#include <gtest/gtest.h>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <unistd.h>

#include "base/strings.h"
#include "store/internal/migrations.h"
#include "support/test_postgres.h"

namespace jobscope::store {
namespace {

struct StoreFactory {
  std::string name;
  std::function<StatusOr<std::unique_ptr<Store>>(const std::filesystem::path& dir)> open;
};

const StoreFactory kStores[] = {
    {"sqlite", [](const std::filesystem::path& dir) { return OpenSqliteStore((dir / "store.db").string()); }},
    {"postgresql",
     [](const std::filesystem::path& dir) -> StatusOr<std::unique_ptr<Store>> {
       // One database per test folder: a test that opens its store again finds the same one.
       static std::map<std::string, std::string> database_of;
       auto known = database_of.find(dir.string());
       if (known == database_of.end()) {
         std::optional<std::string> database = testing_support::NewTestDatabase();
         if (!database) return Unimplemented("JOBSCOPE_TEST_PG names no test server (scripts/test starts one)");
         known = database_of.emplace(dir.string(), *database).first;
       }
       return OpenPostgresStore(known->second);
     }},
};

// A fingerprint of its own for each id (random 64-bit values differ in about 32 bits, never in the 3 that
// make near-copies), with the top bit set: stored as a signed 64-bit integer.
uint64_t FingerprintOf(const std::string& id) {
  uint64_t hash = 1469598103934665603ull;
  for (char c : id) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  hash ^= hash >> 29;
  hash *= 0xBF58476D1CE4E5B9ull;
  hash ^= hash >> 32;
  return hash | (1ull << 63);
}

Posting SamplePosting(const std::string& id) {
  Posting posting;
  posting.id = id;
  posting.raw.source = "test";
  posting.raw.title = "Senior ML Engineer";
  posting.raw.company = "Acme";
  posting.raw.location = "Austin, TX";
  posting.raw.description = "Python and PyTorch.";
  posting.raw.salary_min = 150000;
  posting.raw.is_remote = true;
  Understanding& u = posting.understood;
  u.role = Role::kMlEngineer;
  u.level = Level::kSenior;
  u.remote = RemoteMode::kRemote;
  u.years_experience_min = 5;
  u.seniority_cues = {"title:senior", "years:5+"};
  u.location = {"Austin", "TX", "US"};
  u.salary.min = 150000;
  u.salary.max = 180000;
  u.salary.currency = "USD";
  u.salary.period = SalaryPeriod::kYear;
  u.salary.annual_min_usd = 150000;
  u.salary.annual_max_usd = 180000;
  u.salary.source = SalarySource::kStructured;
  u.skills = {{"python", "Python", 0, 6, Requirement::kRequired},
              {"pytorch", "PyTorch", 11, 18, Requirement::kUnstated}};
  u.candidate_skills = {"feature stores", "BentoML"};
  // Keys of its own: a store that links duplicates itself would take postings with the same key or
  // fingerprint for copies of one job.
  u.duplicate_key = "k-" + id;
  u.text_fingerprint = FingerprintOf(id);
  return posting;
}

class StoreTest : public testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override {
    // A parameterised test's name holds a slash ("Test/sqlite"): one folder, not a folder in a folder
    // that TearDown would remove while leaving its parent behind.
    std::string name = testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '_');
    dir_ = std::filesystem::temp_directory_path() / ("store_" + std::to_string(::getpid()) + "_" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = GetParam().open(dir_);
    if (store.status().code() == StatusCode::kUnimplemented) GTEST_SKIP() << store.status().ToString();
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, PostingRoundTripsWithEveryField) {
  auto run = store_->BeginRun({"a.csv"});
  ASSERT_TRUE(run.ok());
  Posting posting = SamplePosting("p1");
  ASSERT_EQ(*store_->PutPosting(posting, *run), PutOutcome::kInserted);
  auto loaded = store_->GetPosting("p1");
  ASSERT_TRUE(loaded.ok());
  ASSERT_TRUE(loaded->has_value());
  const Posting& got = **loaded;
  EXPECT_EQ(got.raw.title, posting.raw.title);
  EXPECT_EQ(got.raw.is_remote, true);
  EXPECT_EQ(*got.raw.salary_min, 150000);
  EXPECT_EQ(got.understood.role, Role::kMlEngineer);
  EXPECT_EQ(got.understood.level, Level::kSenior);
  EXPECT_EQ(got.understood.years_experience_min, 5);
  EXPECT_EQ(got.understood.seniority_cues, posting.understood.seniority_cues);
  EXPECT_EQ(got.understood.location.city, "Austin");
  EXPECT_EQ(*got.understood.salary.annual_max_usd, 180000);
  EXPECT_EQ(got.understood.salary.period, SalaryPeriod::kYear);
  EXPECT_EQ(got.understood.text_fingerprint, posting.understood.text_fingerprint);
  ASSERT_EQ(got.understood.skills.size(), 2u);
  EXPECT_EQ(got.understood.skills[0].requirement, Requirement::kRequired);
  EXPECT_EQ(got.understood.skills[1].end, 18u);
  EXPECT_EQ(got.understood.candidate_skills, posting.understood.candidate_skills);
  EXPECT_TRUE(got.duplicate_of.empty());
}

TEST_P(StoreTest, SameIdIsStoredOnce) {
  auto run = store_->BeginRun({"a.csv"});
  ASSERT_EQ(*store_->PutPosting(SamplePosting("p1"), *run), PutOutcome::kInserted);
  ASSERT_EQ(*store_->PutPosting(SamplePosting("p1"), *run), PutOutcome::kAlreadyPresent);
  EXPECT_EQ(*store_->CountPostings(), 1);
}

TEST_P(StoreTest, IteratesInIdOrderWithSkillsAttached) {
  auto run = store_->BeginRun({"a.csv"});
  for (const char* id : {"c", "a", "b"}) ASSERT_TRUE(store_->PutPosting(SamplePosting(id), *run).ok());
  Posting linked = SamplePosting("d");
  linked.duplicate_of = "a";
  linked.understood.skills.clear();
  ASSERT_TRUE(store_->PutPosting(linked, *run).ok());
  std::vector<std::string> ids;
  std::vector<size_t> skill_counts;
  ASSERT_TRUE(store_
                  ->ForEachPosting([&](const Posting& posting) {
                    ids.push_back(posting.id);
                    skill_counts.push_back(posting.understood.skills.size());
                    return true;
                  })
                  .ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(skill_counts, (std::vector<size_t>{2, 2, 2, 0}));
  int seen = 0;
  ASSERT_TRUE(store_
                  ->ForEachDuplicateEntry([&](const DuplicateEntry& entry) {
                    ++seen;
                    EXPECT_EQ(entry.company_key, "acme");
                  })
                  .ok());
  EXPECT_EQ(seen, 4);
}

TEST_P(StoreTest, IteratesByTitleThenCompanyFingerprintAndId) {
  auto run = store_->BeginRun({"a.csv"});
  auto put = [&](const char* id, const char* title, const char* company, uint64_t fingerprint) {
    Posting posting = SamplePosting(id);
    posting.raw.title = title;
    posting.raw.company = company;
    posting.understood.text_fingerprint = fingerprint;
    ASSERT_TRUE(store_->PutPosting(posting, *run).ok());
  };
  put("1", "ML Engineer", "Beta", 5);
  put("2", "data scientist", "Acme", 1);
  put("3", "ml engineer", "acme", 9);
  put("4", "ML engineer", "Acme", 2);
  put("5", "ML Engineer", "Beta", 5);
  std::vector<std::string> ids;
  ASSERT_TRUE(store_
                  ->ForEachPosting(
                      [&](const Posting& posting) {
                        ids.push_back(posting.id);
                        return true;
                      },
                      PostingOrder::kTitle)
                  .ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"2", "4", "3", "1", "5"}));
}

// A store large enough to be read in two rowid ranges at once gives the same single title order: titles
// and companies seen in both ranges are ranked together.
TEST_P(StoreTest, OrdersALargeStoreByTitleAcrossItsRanges) {
  auto run = store_->BeginRun({"a.csv"});
  std::mt19937 random(7);
  const char* titles[] = {"ML Engineer", "data scientist", "Zeta Analyst",
                          "ml engineer", "AI Architect",   "Applied Scientist"};
  const char* companies[] = {"Acme", "beta", "ACME", "Gamma", "delta"};
  for (int n = 0; n < 21000; ++n) {
    Posting posting;
    posting.id = "p" + std::to_string(n);
    posting.raw.source = "test";
    posting.raw.title = titles[random() % 6];
    posting.raw.company = companies[random() % 5];
    posting.raw.description = std::string(random() % 50, 'x');
    posting.understood.text_fingerprint = random() % 4;
    ASSERT_TRUE(store_->PutPosting(posting, *run).ok());
  }
  std::vector<uint32_t> bytes;
  auto sequences = store_->SequencesInOrder(PostingOrder::kTitle, true, &bytes);
  ASSERT_TRUE(sequences.ok());
  ASSERT_EQ(sequences->size(), 21000u);
  struct Seen {
    std::string title, company;
    uint64_t fingerprint;
    std::string id;
    uint32_t bytes;
  };
  std::vector<Seen> seen;
  ASSERT_TRUE(store_
                  ->ForEachPostingOf(*sequences,
                                     [&](const Posting& posting) {
                                       seen.push_back({AsciiLower(posting.raw.title), AsciiLower(posting.raw.company),
                                                       posting.understood.text_fingerprint, posting.id,
                                                       static_cast<uint32_t>(posting.raw.description.size())});
                                       return true;
                                     })
                  .ok());
  ASSERT_EQ(seen.size(), 21000u);
  for (size_t idx = 0; idx < seen.size(); ++idx) {
    EXPECT_EQ(seen[idx].bytes, bytes[idx]);
    if (idx == 0) continue;
    const Seen& a = seen[idx - 1];
    const Seen& b = seen[idx];
    auto key = [](const Seen& s) {
      return std::make_tuple(s.title, s.company, static_cast<int64_t>(s.fingerprint), s.id);
    };
    ASSERT_LT(key(a), key(b)) << idx;
  }
}

TEST_P(StoreTest, VisitsThePostingsStoredAfterASequenceNumber) {
  EXPECT_EQ(*store_->LastSequence(), 0);
  auto run = store_->BeginRun({"a.csv"});
  for (const char* id : {"c", "a"}) ASSERT_TRUE(store_->PutPosting(SamplePosting(id), *run).ok());
  auto seen = store_->LastSequence();
  ASSERT_TRUE(seen.ok());
  ASSERT_TRUE(store_->PutPosting(SamplePosting("a"), *run).ok());  // already stored: nothing new
  EXPECT_EQ(*store_->LastSequence(), *seen);
  for (const char* id : {"d", "b"}) ASSERT_TRUE(store_->PutPosting(SamplePosting(id), *run).ok());
  std::vector<std::string> ids;
  ASSERT_TRUE(store_
                  ->ForEachPostingAfter(*seen,
                                        [&](const Posting& posting) {
                                          ids.push_back(posting.id);
                                          return true;
                                        })
                  .ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"d", "b"}));  // in the order stored
  ids.clear();
  ASSERT_TRUE(store_
                  ->ForEachPostingAfter(*store_->LastSequence(),
                                        [&](const Posting& posting) {
                                          ids.push_back(posting.id);
                                          return true;
                                        })
                  .ok());
  EXPECT_TRUE(ids.empty());
}

TEST_P(StoreTest, SharesOutAnOrderWithOrWithoutLinkedDuplicates) {
  auto run = store_->BeginRun({"a.csv"});
  for (const char* id : {"c", "a", "b"}) ASSERT_TRUE(store_->PutPosting(SamplePosting(id), *run).ok());
  Posting linked = SamplePosting("d");
  linked.duplicate_of = "a";
  ASSERT_TRUE(store_->PutPosting(linked, *run).ok());
  auto ids_of = [&](const std::vector<int64_t>& sequences) {
    std::vector<std::string> ids;
    EXPECT_TRUE(store_
                    ->ForEachPostingOf(sequences,
                                       [&](const Posting& posting) {
                                         ids.push_back(posting.id);
                                         return true;
                                       })
                    .ok());
    return ids;
  };
  auto all = store_->SequencesInOrder(PostingOrder::kId, true, nullptr);
  auto unlinked = store_->SequencesInOrder(PostingOrder::kId, false, nullptr);
  ASSERT_TRUE(all.ok() && unlinked.ok());
  EXPECT_EQ(ids_of(*all), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(ids_of(*unlinked), (std::vector<std::string>{"a", "b", "c"}));
  std::vector<int64_t> reversed(all->rbegin(), all->rend());
  EXPECT_EQ(ids_of(reversed), (std::vector<std::string>{"d", "c", "b", "a"}));  // the order given
}

// With `text_bytes`, each posting's description size comes beside its number, in the same order.
TEST_P(StoreTest, GivesEachPostingsTextSizeWithTheOrder) {
  auto run = store_->BeginRun({"a.csv"});
  for (int n = 0; n < 3; ++n) {
    Posting posting = SamplePosting(std::string(1, static_cast<char>('a' + n)));
    posting.raw.title = n == 1 ? "Analyst" : "Engineer";
    posting.raw.description = std::string(100 * (n + 1), 'x');
    ASSERT_TRUE(store_->PutPosting(posting, *run).ok());
  }
  for (PostingOrder order : {PostingOrder::kId, PostingOrder::kTitle}) {
    std::vector<uint32_t> bytes;
    auto sequences = store_->SequencesInOrder(order, true, &bytes);
    ASSERT_TRUE(sequences.ok());
    std::vector<uint32_t> sizes;
    ASSERT_TRUE(store_
                    ->ForEachPostingOf(*sequences,
                                       [&](const Posting& posting) {
                                         sizes.push_back(static_cast<uint32_t>(posting.raw.description.size()));
                                         return true;
                                       })
                    .ok());
    EXPECT_EQ(bytes, sizes);
    EXPECT_EQ(bytes, order == PostingOrder::kId ? (std::vector<uint32_t>{100, 200, 300})
                                                : (std::vector<uint32_t>{200, 100, 300}));
  }
}

// The searchable read fills what an index reads, exactly as the full read does, and leaves the rest empty.
TEST_P(StoreTest, ReadsOnlyTheSearchableFieldsWhenAsked) {
  auto run = store_->BeginRun({"a.csv"});
  Posting stored = SamplePosting("a");
  stored.raw.url = "https://example.com/a";
  stored.raw.date_posted = "2024-05-01";
  ASSERT_TRUE(store_->PutPosting(stored, *run).ok());
  auto sequences = store_->SequencesInOrder(PostingOrder::kId, true, nullptr);
  ASSERT_TRUE(sequences.ok());
  std::vector<Posting> read;
  ASSERT_TRUE(store_
                  ->ForEachSearchablePostingOf(*sequences,
                                               [&](const Posting& posting) {
                                                 read.push_back(posting);
                                                 return true;
                                               })
                  .ok());
  ASSERT_EQ(read.size(), 1u);
  const Posting& p = read[0];
  const Understanding& u = stored.understood;
  EXPECT_EQ(p.id, "a");
  EXPECT_EQ(p.raw.title, stored.raw.title);
  EXPECT_EQ(p.raw.company, stored.raw.company);
  EXPECT_EQ(p.raw.description, stored.raw.description);
  EXPECT_EQ(p.raw.date_posted, "2024-05-01");
  EXPECT_EQ(p.understood.location.city, u.location.city);
  EXPECT_EQ(p.understood.location.region, u.location.region);
  EXPECT_EQ(p.understood.location.country, u.location.country);
  EXPECT_EQ(p.understood.remote, u.remote);
  EXPECT_EQ(p.understood.role, u.role);
  EXPECT_EQ(p.understood.level, u.level);
  EXPECT_EQ(p.understood.employment_type, u.employment_type);
  EXPECT_EQ(p.understood.salary.annual_min_usd, u.salary.annual_min_usd);
  EXPECT_EQ(p.understood.salary.annual_max_usd, u.salary.annual_max_usd);
  ASSERT_EQ(p.understood.skills.size(), 2u);
  EXPECT_EQ(p.understood.skills[1].skill_id, "pytorch");
  EXPECT_EQ(p.understood.skills[1].name, "PyTorch");
  EXPECT_TRUE(p.raw.url.empty());
  EXPECT_TRUE(p.understood.candidate_skills.empty());
  EXPECT_FALSE(p.understood.salary.min.has_value());
}

// A scan reads each row into the posting it visits with, reusing its buffers: a sparse posting read after a
// full one must keep none of the full one's fields, whichever order and whether the visitor moved from it.
TEST_P(StoreTest, ScansLeaveNothingOfThePreviousPosting) {
  auto run = store_->BeginRun({"a.csv"});
  ASSERT_TRUE(store_->PutPosting(SamplePosting("a"), *run).ok());
  Posting sparse;
  sparse.id = "b";
  sparse.raw.source = "test";
  sparse.raw.title = "Senior ML Engineer";
  sparse.raw.company = "Acme";
  ASSERT_TRUE(store_->PutPosting(sparse, *run).ok());
  for (PostingOrder order : {PostingOrder::kId, PostingOrder::kTitle}) {
    for (bool move : {false, true}) {
      std::vector<Posting> seen;
      ASSERT_TRUE(store_
                      ->ForEachPosting(
                          [&](Posting& posting) {
                            seen.push_back(move ? std::move(posting) : posting);
                            return true;
                          },
                          order)
                      .ok());
      ASSERT_EQ(seen.size(), 2u);
      const Posting& got = seen[0].id == "b" ? seen[0] : seen[1];
      ASSERT_EQ(got.id, "b");
      EXPECT_TRUE(got.raw.description.empty());
      EXPECT_FALSE(got.raw.is_remote.has_value());
      EXPECT_FALSE(got.raw.salary_min.has_value());
      EXPECT_FALSE(got.understood.years_experience_min.has_value());
      EXPECT_TRUE(got.understood.seniority_cues.empty());
      EXPECT_TRUE(got.understood.skills.empty());
      EXPECT_TRUE(got.understood.candidate_skills.empty());
      EXPECT_TRUE(got.understood.location.city.empty());
      EXPECT_EQ(got.understood.role, Role::kOther);
      EXPECT_FALSE(got.understood.salary.annual_max_usd.has_value());
    }
  }
}

TEST_P(StoreTest, QuarantineAndRunsAreRecorded) {
  auto run = store_->BeginRun({"a.csv", "b.jsonl"});
  ASSERT_TRUE(store_->PutQuarantine({0, *run, "a.csv", 7, "title", "missing title", "\xE9,raw"}).ok());
  RunCounts counts{10, 8, 1, 0, 1};
  ASSERT_TRUE(store_->FinishRun(*run, counts, false).ok());
  auto records = store_->ListQuarantine(*run);
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ((*records)[0].row, 7);
  EXPECT_EQ((*records)[0].raw, "\xEF\xBF\xBD,raw");  // stored as valid UTF-8
  auto runs = store_->ListRuns();
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ((*runs)[0].inputs, (std::vector<std::string>{"a.csv", "b.jsonl"}));
  EXPECT_EQ((*runs)[0].counts.stored, 8);
  EXPECT_EQ((*runs)[0].status, "done");
  EXPECT_FALSE((*runs)[0].finished_at.empty());
}

TEST_P(StoreTest, WritesSurviveReopening) {
  auto run = store_->BeginRun({"a.csv"});
  ASSERT_TRUE(store_->PutPosting(SamplePosting("p1"), *run).ok());
  auto id = store_->StoreId();
  ASSERT_TRUE(id.ok());
  store_.reset();  // closing flushes the open batch
  auto reopened = GetParam().open(dir_);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(*(*reopened)->CountPostings(), 1);
  EXPECT_EQ((*reopened)->SchemaVersion(), 10);
  EXPECT_EQ(*(*reopened)->StoreId(), *id);
}

TEST_P(StoreTest, EachStoreHasItsOwnId) {
  std::filesystem::create_directories(dir_ / "other");
  auto other = GetParam().open(dir_ / "other");
  ASSERT_TRUE(other.ok());
  auto mine = store_->StoreId(), theirs = (*other)->StoreId();
  ASSERT_TRUE(mine.ok() && theirs.ok());
  EXPECT_EQ(mine->size(), 32u);
  EXPECT_NE(*mine, *theirs);
}

TEST_P(StoreTest, KeepsApiTokensByDigestOnly) {
  auto first = store_->PutApiToken({0, "ci", std::string(64, 'a'), ""});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(store_->PutApiToken({0, "laptop", std::string(64, 'b'), ""}).ok());
  EXPECT_EQ(store_->PutApiToken({0, "again", std::string(64, 'a'), ""}).status().code(), StatusCode::kAlreadyExists);
  auto tokens = store_->ListApiTokens();
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 2u);
  EXPECT_EQ((*tokens)[0].id, *first);
  EXPECT_EQ((*tokens)[0].name, "ci");
  EXPECT_EQ((*tokens)[0].sha256, std::string(64, 'a'));
  EXPECT_FALSE((*tokens)[0].created_at.empty());
  EXPECT_EQ((*tokens)[1].name, "laptop");
}

// The store links a posting to the earliest one it repeats: the same duplicate key, or the same company
// with a description fingerprint at most 3 bits away; an empty key links nothing; a link given is kept.
TEST_P(StoreTest, LinksARepeatedJobToTheFirstPostingOfIt) {
  auto run = store_->BeginRun({"a.csv"});
  auto put = [&](const std::string& id, const std::string& key, const std::string& company, uint64_t fingerprint,
                 const std::string& given = "") {
    Posting posting = SamplePosting(id);
    posting.understood.duplicate_key = key;
    posting.raw.company = company;
    posting.understood.text_fingerprint = fingerprint;
    posting.duplicate_of = given;
    ASSERT_TRUE(store_->PutPosting(posting, *run).ok());
  };
  put("a", "k-a", "Acme", 0xF0F0);
  put("b", "k-a", "Beta", 0x1234);          // same key
  put("c", "k-c", "ACME", 0xF0F0 ^ 0b111);  // same company, 3 bits away
  put("d", "k-d", "Acme", 0xF0F0 ^ 0xF00);  // 4 bits away (7 from c)
  put("e", "k-e", "Gamma", 0xF0F0);         // another company
  put("f", "", "Delta", 0x77);
  put("g", "", "Epsilon", 0x99);  // an empty key like f's
  put("h", "k-h", "Zeta", 0x5, "e");
  auto counts = store_->CountRunPostings(*run);
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->stored, 8);
  EXPECT_EQ(counts->duplicates, 3);
  std::map<std::string, std::string> links;
  ASSERT_TRUE(store_
                  ->ForEachPosting([&](const Posting& posting) {
                    links[posting.id] = posting.duplicate_of;
                    return true;
                  })
                  .ok());
  EXPECT_EQ(links, (std::map<std::string, std::string>{
                       {"a", ""}, {"b", "a"}, {"c", "a"}, {"d", ""}, {"e", ""}, {"f", ""}, {"g", ""}, {"h", "e"}}));
}

// Two writers, each with its own connection, write the same jobs at once: some postings under the same id
// (stored once), some copies of one job under different ids (linked in the database, one original each).
TEST_P(StoreTest, ConcurrentWritersStoreEachPostingOnceAndLinkCopiesToOneOriginal) {
  constexpr int kJobs = 3000;  // more than a batch, so each worker commits and links mid-way
  auto write = [&](int worker, Status& result) {
    auto store = GetParam().open(dir_);  // a connection of its own to the same store
    if (!store.ok()) {
      result = store.status();
      return;
    }
    auto run = (*store)->BeginRun({"worker" + std::to_string(worker)});
    if (!run.ok()) {
      result = run.status();
      return;
    }
    for (int n = 0; n < kJobs; ++n) {
      const int job = worker == 0 ? n : kJobs - 1 - n;  // crossed orders
      // Even jobs: the same posting id from both workers. Odd jobs: a copy under each worker's own id.
      Posting posting = SamplePosting(job % 2 == 0 ? "job" + std::to_string(job)
                                                   : "job" + std::to_string(job) + "-w" + std::to_string(worker));
      posting.understood.duplicate_key = "key" + std::to_string(job);
      auto put = (*store)->PutPosting(posting, *run);
      if (!put.ok()) {
        result = put.status();
        return;
      }
    }
    result = (*store)->FinishRun(*run, {}, false);
  };
  Status first = Status::Ok(), second = Status::Ok();
  std::thread a(write, 0, std::ref(first)), b(write, 1, std::ref(second));
  a.join();
  b.join();
  ASSERT_TRUE(first.ok()) << first.ToString();
  ASSERT_TRUE(second.ok()) << second.ToString();

  auto store = GetParam().open(dir_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(*(*store)->CountPostings(), kJobs / 2 + kJobs);  // even jobs once, odd jobs twice
  std::map<std::string, int> originals_per_key;
  std::map<std::string, std::string> key_of;
  int64_t visited = 0;
  ASSERT_TRUE((*store)
                  ->ForEachPostingAfter(0,
                                        [&](const Posting& posting) {
                                          ++visited;
                                          key_of[posting.id] = posting.understood.duplicate_key;
                                          if (posting.duplicate_of.empty()) {
                                            ++originals_per_key[posting.understood.duplicate_key];
                                          }
                                          return true;
                                        })
                  .ok());
  EXPECT_EQ(visited, kJobs / 2 + kJobs);  // every posting has its number
  EXPECT_EQ(originals_per_key.size(), static_cast<size_t>(kJobs));
  for (const auto& [key, originals] : originals_per_key) EXPECT_EQ(originals, 1) << key;
  // A copy points at the original of its own job.
  ASSERT_TRUE((*store)
                  ->ForEachPosting([&](const Posting& posting) {
                    if (!posting.duplicate_of.empty()) {
                      EXPECT_EQ(key_of[posting.duplicate_of], posting.understood.duplicate_key) << posting.id;
                    }
                    return true;
                  })
                  .ok());
}

INSTANTIATE_TEST_SUITE_P(AllStores, StoreTest, testing::ValuesIn(kStores),
                         [](const testing::TestParamInfo<StoreFactory>& info) { return info.param.name; });

TEST(SqliteStore, ARunWhoseProcessDiedReadsAsInterruptedWithItsCountsSoFar) {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("dead_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    auto store = OpenSqliteStore(path.string());
    ASSERT_TRUE(store.ok());
    auto run = (*store)->BeginRun({"a.csv"});
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE((*store)->UpdateRunCounts(*run, {3000, 2500, 400, 10, 100}).ok());
    ASSERT_TRUE((*store)->Flush().ok());
    auto runs = (*store)->ListRuns();
    ASSERT_TRUE(runs.ok());
    EXPECT_EQ(runs->back().status, "running");  // this process is alive
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);  // as if a killed process had run it
  ASSERT_EQ(sqlite3_exec(db, "UPDATE ingest_runs SET pid=2147483646", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenSqliteStore(path.string());
  ASSERT_TRUE(store.ok());
  auto runs = (*store)->ListRuns();
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ(runs->front().status, "interrupted");
  EXPECT_EQ(runs->front().counts.read, 3000);
  EXPECT_EQ(runs->front().counts.stored, 2500);
  ASSERT_TRUE((*store)->BeginRun({"b.csv"}).ok());  // a new run marks it in the store too
  store->reset();
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT status FROM ingest_runs WHERE id=1", -1, &statement, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "interrupted");
  sqlite3_finalize(statement);
  sqlite3_close(db);
  std::filesystem::remove(path);
}

TEST(SqliteStore, RefusesANewerSchema) {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("newer_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenSqliteStore(path.string());
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidArgument);
  std::filesystem::remove(path);
}

TEST(SqliteStore, MigratesAVersionOneStore) {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("v1_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  std::string v1(internal::SqliteMigrations()[0]);
  ASSERT_EQ(sqlite3_exec(db, (v1 + "PRAGMA user_version=1;").c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenSqliteStore(path.string());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->SchemaVersion(), 10);
  auto run = (*store)->BeginRun({"a.csv"});
  ASSERT_TRUE((*store)->PutPosting(SamplePosting("p1"), *run).ok());
  auto loaded = (*store)->GetPosting("p1");
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  EXPECT_EQ((*loaded)->understood.candidate_skills.size(), 2u);
  store->reset();
  std::filesystem::remove(path);
}

// Connections map the whole file and read rows in place. A reader keeps seeing the store right as another
// connection grows it, and as another process's VACUUM shrinks it under the mapping.
TEST(SqliteStore, ReadsInPlaceAsTheFileGrowsAndShrinks) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("mapped_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  auto writer = OpenSqliteStore(path.string());
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  auto run = (*writer)->BeginRun({"a.csv"});
  auto add = [&](int from, int to) {
    for (int n = from; n < to; ++n) {
      Posting posting = SamplePosting("p" + std::to_string(100000 + n));
      posting.raw.description = std::string(20000, static_cast<char>('a' + n % 26));
      ASSERT_TRUE((*writer)->PutPosting(posting, *run).ok());
    }
    ASSERT_TRUE((*writer)->Flush().ok());
  };
  auto reader = (*writer)->OpenReader();
  ASSERT_TRUE(reader.ok());
  auto scan = [&] {
    int count = 0;
    bool intact = true;
    EXPECT_TRUE((*reader)
                    ->ForEachPosting(
                        [&](const Posting& posting) {
                          const int n = std::stoi(posting.id.substr(1)) - 100000;
                          intact =
                              intact && posting.raw.description == std::string(20000, static_cast<char>('a' + n % 26));
                          ++count;
                          return true;
                        },
                        PostingOrder::kTitle)
                    .ok());
    EXPECT_TRUE(intact);
    return count;
  };
  // Another process's connection, through SQLite's own VFS, moves the WAL into the file the reader maps.
  auto other = [&](const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  };
  add(0, 200);
  other("PRAGMA wal_checkpoint(TRUNCATE)");
  EXPECT_EQ(scan(), 200);
  const auto grown_from = std::filesystem::file_size(path);
  add(200, 500);
  other("PRAGMA wal_checkpoint(TRUNCATE)");
  EXPECT_GT(std::filesystem::file_size(path), 2 * grown_from);  // past what the reader mapped
  EXPECT_EQ(scan(), 500);
  const auto shrunk_from = std::filesystem::file_size(path);
  other("DELETE FROM postings WHERE id >= 'p100100'; VACUUM; PRAGMA wal_checkpoint(TRUNCATE);");
  EXPECT_LT(std::filesystem::file_size(path), shrunk_from / 2);
  EXPECT_EQ(scan(), 100);
  add(500, 520);
  EXPECT_EQ(scan(), 120);
  reader->reset();
  writer->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

TEST(SqliteStore, SavedProfilesAreReplacedUnderTheirId) {
  std::string path =
      (std::filesystem::temp_directory_path() / ("profiles_" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(path);
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->PutSavedProfile({"a1", "cv.pdf", "{\"role\":\"data_scientist\"}", ""}).ok());
    ASSERT_TRUE((*store)->PutSavedProfile({"a1", "cv.pdf", "{\"role\":\"ml_engineer\"}", ""}).ok());
    ASSERT_TRUE((*store)->PutSavedProfile({"b2", "other.txt", "{}", ""}).ok());
    auto saved = (*store)->ListSavedProfiles();
    ASSERT_TRUE(saved.ok());
    ASSERT_EQ(saved->size(), 2u);
    EXPECT_EQ((*saved)[0].profile_json, "{\"role\":\"ml_engineer\"}");
    EXPECT_FALSE((*saved)[0].saved_at.empty());
  }
  std::filesystem::remove(path);
}

TEST(SqliteStore, UnopenablePathIsAnIoError) {
  EXPECT_EQ(OpenSqliteStore("/nonexistent/dir/x.db").status().code(), StatusCode::kIoError);
}

namespace postgres {

// A database of the test server's, or a skip when the run has none.
#define JS_TEST_DATABASE(uri)                                                            \
  std::optional<std::string> uri##_or = testing_support::NewTestDatabase();              \
  if (!uri##_or) GTEST_SKIP() << "JOBSCOPE_TEST_PG names no test server (scripts/test)"; \
  const std::string uri = *uri##_or

TEST(PostgresStore, LeavesSomeoneElsesDatabaseAlone) {
  JS_TEST_DATABASE(uri);
  {
    pqxx::connection connection(uri);
    pqxx::nontransaction setup(connection);
    setup.exec("CREATE TABLE customers (id INTEGER)");
  }
  auto store = OpenPostgresStore(uri);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(store.status().message().find("not a jobscope store"), std::string::npos) << store.status().ToString();
}

TEST(PostgresStore, ReadingRefusesAnEmptyDatabase) {
  JS_TEST_DATABASE(uri);
  auto store = OpenPostgresStoreForReading(uri);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("no store yet"), std::string::npos) << store.status().ToString();
}

TEST(PostgresStore, NeverNamesThePasswordInAnError) {
  auto store = OpenStore("postgresql://someone:s3cr3t-word@127.0.0.1:1/nowhere?connect_timeout=2");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kIoError);
  EXPECT_EQ(store.status().message().find("s3cr3t"), std::string::npos) << store.status().ToString();
  EXPECT_NE(store.status().message().find("postgresql://someone@127.0.0.1:1/nowhere"), std::string::npos)
      << store.status().ToString();
}

}  // namespace postgres

}  // namespace
}  // namespace jobscope::store
