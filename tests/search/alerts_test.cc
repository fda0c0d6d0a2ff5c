// Saved searches and their alerts: a run lists the postings stored since the search was saved (or last ran)
// that match its words and filters, never the same posting twice, linked duplicates left out; --peek keeps
// the marks; bad searches are refused when saved.
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "search/search.h"
#include "support/scratch_dir.h"

namespace jobscope::search {
namespace {

class AlertsTest : public testing::Test {
 protected:
  testing_support::ScratchDir dir_{"alerts"};
  void SetUp() override {
    auto store = store::OpenSqliteStore((dir_ / "store.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    auto loaded = taxonomy::Taxonomy::Load(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/taxonomy/skills.tsv");
    ASSERT_TRUE(loaded.ok());
    taxonomy_.emplace(std::move(*loaded));
  }

  void Put(const std::string& id, const std::string& title, const std::string& city, const std::string& date,
           const std::string& duplicate_of = "") {
    auto run = store_->BeginRun({"test.jsonl"});
    ASSERT_TRUE(run.ok());
    Posting posting;
    posting.id = id;
    posting.raw.source = "test";
    posting.raw.title = title;
    posting.raw.company = "Acme";
    posting.raw.description = title + " work in Python.";
    posting.raw.date_posted = date;
    posting.understood.location.city = city;
    posting.understood.location.country = "US";
    posting.understood.role = title.find("Analyst") != std::string::npos ? Role::kDataAnalyst : Role::kNlpEngineer;
    posting.duplicate_of = duplicate_of;
    ASSERT_TRUE(store_->PutPosting(posting, *run).ok());
    ASSERT_TRUE(store_->FinishRun(*run, {}, false).ok());
  }
  std::set<std::string> Listed(const AlertRun& run, const std::string& name) {
    std::set<std::string> ids;
    for (const auto& alert : run.alerts) {
      if (alert.name != name) continue;
      for (const auto& posting : alert.postings) EXPECT_TRUE(ids.insert(posting.id).second) << posting.id << " twice";
    }
    return ids;
  }
  std::unique_ptr<store::Store> store_;
  std::optional<taxonomy::Taxonomy> taxonomy_;
};

TEST_F(AlertsTest, ARunListsWhatIsNewAndMatchingOnlyOnce) {
  Put("old", "NLP Engineer", "Austin", "2026-10-01");
  ASSERT_TRUE(SaveSearch(*store_, {"nlp", "nlp", {}, "", ""}, *taxonomy_).ok());
  FilterSpec austin;
  austin.city = "austin";
  ASSERT_TRUE(SaveSearch(*store_, {"austin", "", austin, "", ""}, *taxonomy_).ok());
  auto first = RunAlerts(*store_, *taxonomy_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(Listed(*first, "nlp").empty()) << "what was stored before the search was saved is not new";

  Put("n1", "NLP Engineer", "Boston", "2026-11-01");
  Put("n2", "Senior NLP Engineer", "Austin", "2026-11-05");
  Put("a1", "Data Analyst", "Austin", "2026-11-03");
  Put("copy", "NLP Engineer", "Boston", "2026-11-01", "n1");  // a linked duplicate of n1
  auto peek = RunAlerts(*store_, *taxonomy_, "", true);
  ASSERT_TRUE(peek.ok());
  EXPECT_EQ(Listed(*peek, "nlp"), (std::set<std::string>{"n1", "n2"}));
  EXPECT_EQ(Listed(*peek, "austin"), (std::set<std::string>{"n2", "a1"}));
  // Newest first.
  ASSERT_EQ(peek->alerts[1].name, "nlp");
  EXPECT_EQ(peek->alerts[1].postings.front().id, "n2");

  auto second = RunAlerts(*store_, *taxonomy_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(Listed(*second, "nlp"), (std::set<std::string>{"n1", "n2"})) << "a peek moves no mark";
  auto third = RunAlerts(*store_, *taxonomy_);
  ASSERT_TRUE(third.ok());
  EXPECT_TRUE(Listed(*third, "nlp").empty()) << "never the same posting twice";
  EXPECT_TRUE(Listed(*third, "austin").empty());

  Put("n3", "NLP Engineer", "Denver", "2026-11-30");
  auto only = RunAlerts(*store_, *taxonomy_, "austin");
  ASSERT_TRUE(only.ok());
  ASSERT_EQ(only->alerts.size(), 1u);
  EXPECT_TRUE(Listed(*only, "austin").empty());
  auto later = RunAlerts(*store_, *taxonomy_);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(Listed(*later, "nlp"), (std::set<std::string>{"n3"})) << "running one search leaves the others' marks";
}

TEST_F(AlertsTest, SavedSearchesAreCheckedListedAndRemoved) {
  FilterSpec astronauts;
  astronauts.roles = {"astronaut"};
  EXPECT_EQ(SaveSearch(*store_, {"x", "", astronauts, "", ""}, *taxonomy_).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SaveSearch(*store_, {"x", "\"unclosed", {}, "", ""}, *taxonomy_).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SaveSearch(*store_, {" ", "nlp", {}, "", ""}, *taxonomy_).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SaveSearch(*store_, {"a/b", "nlp", {}, "", ""}, *taxonomy_).code(), StatusCode::kInvalidArgument);
  FilterSpec rich;
  rich.roles = {"nlp_engineer"};
  rich.skills = {"python"};
  rich.min_salary = 100000;
  rich.remote = true;
  ASSERT_TRUE(SaveSearch(*store_, {"rich", "llm", rich, "", ""}, *taxonomy_).ok());
  auto listed = ListSavedSearches(*store_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].filters.roles, rich.roles);
  EXPECT_EQ((*listed)[0].filters.skills, rich.skills);
  EXPECT_EQ((*listed)[0].filters.min_salary, rich.min_salary);
  EXPECT_TRUE((*listed)[0].filters.remote);
  EXPECT_FALSE((*listed)[0].created_at.empty());
  EXPECT_EQ(RunAlerts(*store_, *taxonomy_, "nope").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(DeleteSavedSearch(*store_, "rich").ok());
  EXPECT_EQ(DeleteSavedSearch(*store_, "rich").code(), StatusCode::kNotFound);
  auto empty = RunAlerts(*store_, *taxonomy_);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->alerts.empty());
}

// Fuzzing found it: filters come from a query string or a command line, and one that was not UTF-8 made
// writing them as JSON throw (a 500 from POST /api/v1/alerts).
TEST_F(AlertsTest, FiltersThatAreNotUtf8AreSavedWithReplacementCharacters) {
  FilterSpec odd;
  odd.company = "Acme\xFF";
  std::string json;
  ASSERT_NO_THROW(json = FilterSpecToJson(odd));
  ASSERT_TRUE(SaveSearch(*store_, {"odd", "nlp", odd, "", ""}, *taxonomy_).ok());
  auto listed = ListSavedSearches(*store_);
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].filters.company, "Acme\xEF\xBF\xBD");
}

}  // namespace
}  // namespace jobscope::search
