#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "support/scratch_dir.h"

namespace jobscope::ingest {
namespace {

class IngesterTest : public testing::Test {
 protected:
  testing_support::ScratchDir dir_{"ingester"};
  void SetUp() override {
    auto taxonomy = taxonomy::Taxonomy::Load(JOBSCOPE_SOURCE_DATA_DIR "/taxonomy/skills.tsv");
    ASSERT_TRUE(taxonomy.ok());
    taxonomy_.emplace(std::move(taxonomy).value());
    auto rates = extract::CurrencyRates::Load(JOBSCOPE_SOURCE_DATA_DIR "/currency_rates.tsv");
    ASSERT_TRUE(rates.ok());
    rates_.emplace(std::move(rates).value());
    auto understander = classify::Understander::Create(*taxonomy_, *rates_);
    ASSERT_TRUE(understander.ok());
    understander_ = std::move(understander).value();
    auto store = store::OpenSqliteStore((dir_ / "test.db").string());
    ASSERT_TRUE(store.ok());
    store_ = std::move(store).value();
  }
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path) << content;
    return path;
  }
  std::optional<taxonomy::Taxonomy> taxonomy_;
  std::optional<extract::CurrencyRates> rates_;
  std::unique_ptr<classify::Understander> understander_;
  std::unique_ptr<store::Store> store_;
};

constexpr const char* kCsv =
    "title,company,location,description,salary\n"
    "ML Engineer,Acme,\"Austin, TX\",Python and PyTorch for ranking.,$150K-$180K\n"
    "ML Engineer,Acme,\"Austin, TX\",Python and PyTorch for ranking.,$150K-$180K\n"
    "ML Engineer,Acme,\"Austin, TX\",A different board's text about the same job.,\n"
    ",Acme,\"Austin, TX\",No title here.,\n"
    "Data Scientist,Beta,\"Boston, MA\",SQL and statistics.,$5 - $6 per year\n"
    "Data Scientist,Gamma,\"Boston, MA\",\"Broken \"quote\" here\",\n"
    "NLP Engineer,Delta,Remote,spaCy and LLMs.,\n";

TEST_F(IngesterTest, CountsEveryRecordOnceAndQuarantinesWithReasons) {
  std::string path = Write("jobs.csv", kCsv);
  Ingester ingester(*store_, *understander_);
  auto summary = ingester.Run({path}, {}, nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  const store::RunCounts& counts = summary->counts;
  EXPECT_EQ(counts.read, 7);
  EXPECT_EQ(counts.stored, 4);  // the posting with absurd pay is kept, without its pay
  EXPECT_EQ(counts.already_present, 1);
  EXPECT_EQ(counts.duplicates, 1);
  EXPECT_EQ(counts.quarantined, 2);
  EXPECT_EQ(counts.read, counts.stored + counts.already_present + counts.quarantined);
  EXPECT_EQ(summary->pay_dropped, 1);

  auto quarantined = store_->ListQuarantine(std::nullopt);
  ASSERT_TRUE(quarantined.ok());
  ASSERT_EQ(quarantined->size(), 3u);
  EXPECT_EQ((*quarantined)[0].row, 4);
  EXPECT_EQ((*quarantined)[0].field, "title");
  EXPECT_EQ((*quarantined)[1].field, "salary");
  EXPECT_NE((*quarantined)[1].reason.find("pay dropped, posting kept: absurd salary"), std::string::npos);
  EXPECT_NE((*quarantined)[2].reason.find("broken quoting"), std::string::npos);
  for (const auto& record : *quarantined) {
    EXPECT_FALSE(record.reason.empty());
    EXPECT_FALSE(record.raw.empty());
    EXPECT_EQ(record.input, path);
  }
}

TEST_F(IngesterTest, ReingestingAddsNothing) {
  std::string path = Write("jobs.csv", kCsv);
  Ingester ingester(*store_, *understander_);
  ASSERT_TRUE(ingester.Run({path}, {}, nullptr).ok());
  auto before = store_->CountPostings();
  auto again = ingester.Run({path}, {}, nullptr);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->counts.stored, 0);
  EXPECT_EQ(again->counts.already_present, 5);
  EXPECT_EQ(again->pay_dropped, 0);         // noted once, when first stored
  EXPECT_EQ(again->counts.quarantined, 2);  // counted in this run too
  auto quarantined = store_->ListQuarantine(std::nullopt);
  ASSERT_TRUE(quarantined.ok());
  EXPECT_EQ(quarantined->size(), 3u);  // but kept once
  EXPECT_EQ(*store_->CountPostings(), *before);
  auto runs = store_->ListRuns();
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[1].status, "done");
}

TEST_F(IngesterTest, LinksTheNearDuplicateToTheFirstPosting) {
  std::string path = Write("jobs.csv", kCsv);
  Ingester ingester(*store_, *understander_);
  ASSERT_TRUE(ingester.Run({path}, {}, nullptr).ok());
  std::vector<Posting> linked;
  ASSERT_TRUE(store_
                  ->ForEachPosting([&](const Posting& posting) {
                    if (!posting.duplicate_of.empty()) linked.push_back(posting);
                    return true;
                  })
                  .ok());
  ASSERT_EQ(linked.size(), 1u);
  auto original = store_->GetPosting(linked[0].duplicate_of);
  ASSERT_TRUE(original.ok());
  ASSERT_TRUE(original->has_value());
  EXPECT_EQ((*original)->raw.title, "ML Engineer");
  EXPECT_NE((*original)->raw.description, linked[0].raw.description);
}

TEST_F(IngesterTest, AMissingFileIsReportedAndTheFilesAfterItAreRead) {
  std::string good = Write("good.csv", kCsv);
  Ingester ingester(*store_, *understander_);
  auto summary = ingester.Run({(dir_ / "missing.csv").string(), good}, {}, nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->failed_inputs, 1);
  ASSERT_EQ(summary->files.size(), 2u);
  EXPECT_NE(summary->files[0].error.find("cannot open"), std::string::npos);
  EXPECT_EQ(*store_->CountPostings(), 4);
}

TEST_F(IngesterTest, AnUnusablePayFieldIsDroppedAndNotedAndThePostingKept) {
  std::string path = Write("pay.csv",
                           "title,company,salary_min,salary_max\n"
                           "ML Engineer,Acme,lots,200000\n"
                           "Data Engineer,Beta,-50000,60000\n"
                           "Data Analyst,Gamma,1e300,1e301\n");
  Ingester ingester(*store_, *understander_);
  auto summary = ingester.Run({path}, {}, nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->counts.stored, 3);
  EXPECT_EQ(summary->counts.quarantined, 0);
  EXPECT_EQ(summary->pay_dropped, 3);
  auto notes = store_->ListQuarantine(std::nullopt);
  ASSERT_TRUE(notes.ok());
  ASSERT_EQ(notes->size(), 3u);
  EXPECT_EQ((*notes)[0].field, "salary_min");
  EXPECT_NE((*notes)[0].reason.find("not a number: 'lots'"), std::string::npos);
  EXPECT_NE((*notes)[1].reason.find("not a pay amount: '-50000'"), std::string::npos);
  EXPECT_NE((*notes)[2].reason.find("absurd salary"), std::string::npos) << (*notes)[2].reason;
  int kept_pay = 0;
  ASSERT_TRUE(store_
                  ->ForEachPosting([&](const Posting& posting) {
                    kept_pay += posting.understood.salary.has_amount() && posting.understood.salary.min.value_or(0) < 0;
                    return true;
                  })
                  .ok());
  EXPECT_EQ(kept_pay, 0);  // no negative pay stored
}

}  // namespace
}  // namespace jobscope::ingest
