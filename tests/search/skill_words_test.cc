// Skill words: a skill's name that is also everyday English counts only in postings that name the skill, and
// a skill's singular and plural spellings meet. Words and rules come from the shipped taxonomy.
#include <filesystem>

#include <gtest/gtest.h>

#include "search/search.h"
#include "support/scratch_dir.h"

namespace jobscope::search {
namespace {

class SkillWordsTest : public testing::Test {
 protected:
  testing_support::ScratchDir dir_{"skill_words"};
  static void SetUpTestSuite() {
    auto taxonomy = taxonomy::Taxonomy::Load(JOBSCOPE_SOURCE_DATA_DIR "/taxonomy/skills.tsv");
    ASSERT_TRUE(taxonomy.ok()) << taxonomy.status().ToString();
    taxonomy_ = new taxonomy::Taxonomy(std::move(taxonomy).value());
  }
  static void TearDownTestSuite() { delete taxonomy_; }
  void SetUp() override {
    auto store = store::OpenSqliteStore((dir_ / "store.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  // A posting whose skills are the named taxonomy ids (as the extractor would have found them).
  void Add(const std::string& id, const std::string& description, const std::vector<std::string>& skills,
           const std::string& title = "Data Analyst") {
    Posting posting;
    posting.id = id;
    posting.raw.source = "test";
    posting.raw.title = title;
    posting.raw.company = "Company " + id;
    posting.raw.description = description;
    for (const std::string& skill : skills) posting.understood.skills.push_back({skill, skill, 0, 0, {}});
    postings_.push_back(std::move(posting));
  }
  std::unique_ptr<SearchService> Open() {
    auto run = store_->BeginRun({"test.jsonl"});
    EXPECT_TRUE(run.ok());
    for (const Posting& posting : postings_) EXPECT_TRUE(store_->PutPosting(posting, *run).ok());
    EXPECT_TRUE(store_->FinishRun(*run, {}, false).ok());
    auto service = SearchService::Open(*store_);
    EXPECT_TRUE(service.ok()) << service.status().ToString();
    (*service)->UseTaxonomy(*taxonomy_);
    return std::move(service).value();
  }
  static std::vector<std::string> Ids(SearchService& service, const std::string& query) {
    SearchOptions options;
    options.per_page = 100;
    auto page = service.Search(query, {}, options);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> ids;
    if (page.ok()) {
      for (const SearchHit& hit : page->hits) ids.push_back(hit.posting.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  static taxonomy::Taxonomy* taxonomy_;
  std::unique_ptr<store::Store> store_;
  std::vector<Posting> postings_;
};
taxonomy::Taxonomy* SkillWordsTest::taxonomy_ = nullptr;

TEST_F(SkillWordsTest, AnEverydayWordCountsOnlyWhereTheSkillIsNamed) {
  Add("excel", "Advanced Excel and SQL reporting.", {"excel", "sql"});
  Add("excellence", "A culture of excellence: excellent communication and SQL.", {"sql"});
  Add("go", "Services written in Go and Python.", {"go", "python"});
  Add("go-english", "You will go above and beyond, and go to conferences with Python.", {"python"});
  Add("r", "Statistics in R and Python.", {"r", "python"});
  Add("r-and-d", "Our R&D team uses Python.", {"python"});
  Add("spark", "Pipelines on Apache Spark.", {"spark"});
  Add("sparked", "An idea that sparked a company; sparking joy.", {});
  Add("rust", "Systems programming in Rust.", {"rust"});
  Add("rusty", "Rust-proof coatings for pipes and rust removal.", {});
  auto service = Open();
  EXPECT_EQ(Ids(*service, "excel"), std::vector<std::string>{"excel"});
  EXPECT_EQ(Ids(*service, "go"), std::vector<std::string>{"go"});
  EXPECT_EQ(Ids(*service, "r"), std::vector<std::string>{"r"});
  EXPECT_EQ(Ids(*service, "spark"), std::vector<std::string>{"spark"});
  EXPECT_EQ(Ids(*service, "rust"), std::vector<std::string>{"rust"});
  // Mixed with other words, required and excluded alike.
  EXPECT_EQ(Ids(*service, "+excel +sql"), std::vector<std::string>{"excel"});
  EXPECT_EQ(Ids(*service, "+python -go"), (std::vector<std::string>{"go-english", "r", "r-and-d"}));
  EXPECT_EQ(Ids(*service, "azure excel kafka"), std::vector<std::string>{"excel"});
  // A phrase and a word being typed are read as written.
  EXPECT_EQ(Ids(*service, "\"go above\""), std::vector<std::string>{"go-english"});
  SearchOptions typing;
  typing.typing = true;
  typing.per_page = 100;
  auto page = service->Search("exce", {}, typing);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);  // "excel" and "excellent" both begin so
}

TEST_F(SkillWordsTest, ATitleNamesItsJobOnPurpose) {
  // The skills are read from the description; a title that holds the word counts as naming it.
  Add("go-title", "Build backend services.", {}, "Go Developer");
  Add("go-english", "You will go above and beyond.", {});
  Add("zeppelin", "Python and scikit-learn models.", {"python"}, "ML Engineer (Zeppelin team)");
  auto service = Open();
  EXPECT_EQ(Ids(*service, "go"), std::vector<std::string>{"go-title"});
  EXPECT_EQ(Ids(*service, "zeppelin"), std::vector<std::string>{"zeppelin"});
}

// In a market of thousands, the index keeps a common skill's postings as a bitset, a less common one's as a
// list and a rare one's not at all (read from each posting): the word counts only where the skill is named
// whichever way it is kept.
TEST_F(SkillWordsTest, TheSkillIsCheckedAlikeHoweverItsPostingsAreKept) {
  auto add_many = [&](const std::string& name, int count, const std::string& description,
                      const std::vector<std::string>& skills) {
    for (int idx = 0; idx < count; ++idx) Add(name + std::to_string(idx), description, skills);
  };
  add_many("filler", 3000, "Dashboards for the finance team.", {});  // 1 in 32 of the 3,350 is 104
  add_many("excel", 120, "Advanced Excel reporting.", {"excel"});    // a bitset
  add_many("excellence", 50, "A culture of excellence.", {});
  add_many("go", 70, "Services written in Go.", {"go"});  // a list: from 64 postings (at least 1 in 256)
  add_many("go-english", 80, "You will go to conferences.", {});
  add_many("rust", 10, "Systems programming in Rust.", {"rust"});  // neither
  add_many("rusty", 20, "Rust removal for pipes.", {});
  auto service = Open();
  auto total = [&](const std::string& query) {
    auto page = service->Search(query, {}, {});
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->total : -1;
  };
  EXPECT_EQ(total("excel"), 120);
  EXPECT_EQ(total("go"), 70);
  EXPECT_EQ(total("rust"), 10);
  EXPECT_EQ(total("excel go rust"), 200);
}

TEST_F(SkillWordsTest, SingularAndPluralSpellingsOfASkillMeet) {
  Add("llm", "Fine-tune an LLM for support.", {"llms"});
  Add("llms", "Evaluate LLMs in production.", {"llms"});
  Add("other", "Classical statistics only.", {});
  auto service = Open();
  EXPECT_EQ(Ids(*service, "llm"), (std::vector<std::string>{"llm", "llms"}));
  EXPECT_EQ(Ids(*service, "llms"), (std::vector<std::string>{"llm", "llms"}));
}

TEST_F(SkillWordsTest, WithoutTheTaxonomyWordsAreReadAsWritten) {
  Add("excel", "Advanced Excel.", {"excel"});
  Add("excellence", "A culture of excellence.", {});
  auto run = store_->BeginRun({"test.jsonl"});
  ASSERT_TRUE(run.ok());
  for (const Posting& posting : postings_) ASSERT_TRUE(store_->PutPosting(posting, *run).ok());
  ASSERT_TRUE(store_->FinishRun(*run, {}, false).ok());
  auto service = SearchService::Open(*store_);
  ASSERT_TRUE(service.ok());
  EXPECT_EQ(Ids(**service, "excel"), (std::vector<std::string>{"excel", "excellence"}));  // stemmed alike
}

}  // namespace
}  // namespace jobscope::search
