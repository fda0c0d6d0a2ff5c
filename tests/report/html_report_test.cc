// The HTML market report: its figures from a small store with known pay, thin marks, escaping, no external
// resources, and the same bytes from the same store.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "report/report.h"
#include "support/scratch_dir.h"

namespace jobscope::report {
namespace {

class HtmlReportTest : public testing::Test {
 protected:
  testing_support::ScratchDir dir_{"html_report"};
  void SetUp() override {
    auto store = store::OpenSqliteStore((dir_ / "store.db").string());
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
  }

  static Posting Make(const std::string& id, Role role, Level level, std::optional<double> pay,
                      const std::string& country, const std::string& date, std::vector<std::string> skills) {
    Posting posting;
    posting.id = id;
    posting.raw.source = "linkedin";
    posting.raw.title = "Engineer " + id;
    posting.raw.date_posted = date;
    posting.understood.role = role;
    posting.understood.level = level;
    posting.understood.remote = RemoteMode::kRemote;
    posting.understood.location.country = country;
    if (pay) {
      posting.understood.salary.min = *pay;
      posting.understood.salary.currency = "USD";
      posting.understood.salary.period = SalaryPeriod::kYear;
      posting.understood.salary.annual_min_usd = *pay;
      posting.understood.salary.annual_max_usd = *pay;
    }
    for (const std::string& skill : skills)
      posting.understood.skills.push_back({skill, skill, 0, 1, Requirement::kUnstated});
    return posting;
  }

  // 31 mid data scientists in the US paid $100k..$130k (median $115k, not thin); 3 senior ML engineers in
  // Germany paid $150k, $160k, $170k (median $160k, thin); one posting without pay; one linked duplicate; two
  // quarantined records, one of them seen again by a second run.
  void Fill() {
    auto run = store_->BeginRun({"jobs.csv"});
    ASSERT_TRUE(run.ok());
    for (int idx = 0; idx <= 30; ++idx) {
      Posting posting = Make("ds" + std::to_string(idx), Role::kDataScientist, Level::kMid, 100000 + 1000 * idx, "US",
                             idx % 2 ? "2024-04-15" : "2024-05-01", {"python", "sql"});
      ASSERT_TRUE(store_->PutPosting(posting, *run).ok());
    }
    for (int idx = 0; idx < 3; ++idx) {
      Posting posting = Make("ml" + std::to_string(idx), Role::kMlEngineer, Level::kSenior, 150000 + 10000 * idx, "DE",
                             "2024-03-10", {"python", "pytorch"});
      posting.raw.source = "board <b>\"x\"</b>";
      posting.understood.skills.push_back({"weird", "C++ & <Rust>", 0, 1, Requirement::kUnstated});
      ASSERT_TRUE(store_->PutPosting(posting, *run).ok());
    }
    ASSERT_TRUE(
        store_->PutPosting(Make("nopay", Role::kDataEngineer, Level::kEntry, std::nullopt, "", "", {"sql"}), *run)
            .ok());
    Posting duplicate = Make("dup", Role::kDataScientist, Level::kMid, 999000, "US", "2024-06-30", {"python"});
    duplicate.duplicate_of = "ds0";
    ASSERT_TRUE(store_->PutPosting(duplicate, *run).ok());
    store::QuarantineRecord bad{0, *run, "jobs.csv", 7, "title", "missing title <b>&", "raw"};
    ASSERT_TRUE(store_->PutQuarantine(bad).ok());
    store::QuarantineRecord wide{0, *run, "jobs.csv", 9, "", "expected 4 fields, found 6", "raw"};
    ASSERT_TRUE(store_->PutQuarantine(wide).ok());
    ASSERT_TRUE(store_->FinishRun(*run, {}, false).ok());
    auto again = store_->BeginRun({"jobs.csv"});
    ASSERT_TRUE(again.ok());
    wide.run_id = *again;
    ASSERT_TRUE(store_->PutQuarantine(wide).ok());
    ASSERT_TRUE(store_->FinishRun(*again, {}, false).ok());
  }

  std::string Build() {
    auto html = BuildHtmlReport(*store_, nullptr);
    EXPECT_TRUE(html.ok()) << html.status().message();
    return html.ok() ? *html : "";
  }

  // The table row (<tr>...</tr>) whose first cell is `first_cell`.
  static std::string Row(const std::string& html, const std::string& section, const std::string& first_cell) {
    size_t start = html.find("<section id=\"" + section + "\"");
    if (start == std::string::npos) return "";
    size_t cell = html.find("<tr><td>" + first_cell + "</td>", start);
    if (cell == std::string::npos) cell = html.find("<tr class=\"thin\"><td>" + first_cell + "</td>", start);
    if (cell == std::string::npos) return "";
    return html.substr(cell, html.find("</tr>", cell) - cell);
  }
  std::unique_ptr<store::Store> store_;
};

TEST_F(HtmlReportTest, HoldsTheExpectedFigures) {
  Fill();
  std::string html = Build();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("35 unique postings (1 more linked as duplicates)"), std::string::npos);
  // Mid: 31 postings, median $115k, P25 $107.5k -> "$108k" (rounded to the nearest thousand), P75 $122.5k.
  std::string mid = Row(html, "pay-level", "Mid");
  EXPECT_NE(mid.find("<td class=\"num\">31</td><td class=\"num\">$115k</td><td class=\"num\">$108k</td>"
                     "<td class=\"num\">$123k</td>"),
            std::string::npos)
      << mid;
  EXPECT_NE(mid.find("$100k-$130k"), std::string::npos);  // the quoted band beside the data's
  EXPECT_NE(mid.find("within"), std::string::npos);
  std::string senior = Row(html, "pay-level", "Senior");
  EXPECT_NE(senior.find("$160k"), std::string::npos) << senior;
  EXPECT_NE(senior.find("$150k-$200k+"), std::string::npos);
  std::string germany = Row(html, "pay-country", "DE");
  EXPECT_NE(germany.find("<td class=\"num\">3 <span class=\"thin-tag\""), std::string::npos) << germany;
  std::string us = Row(html, "pay-country", "US");
  EXPECT_NE(us.find("<td class=\"num\">31</td><td class=\"num\">$115k</td>"), std::string::npos) << us;
  // The duplicate's $999k is left out of every pay figure.
  EXPECT_EQ(html.find("$999k"), std::string::npos);
  std::string ds = Row(html, "roles", "Data scientist");
  EXPECT_NE(ds.find("<td class=\"num\">31</td><td class=\"num\">88.6%</td>"), std::string::npos) << ds;
  // Months in order, with counts; freshness over every stored posting (the duplicate's date too).
  std::string april = Row(html, "time", "2024-04");
  EXPECT_NE(april.find(">15<"), std::string::npos) << april;
  EXPECT_NE(html.find("Posting dates from <strong>2024-03-10</strong> to <strong>2024-06-30</strong>"),
            std::string::npos);
  // Data health: sources, duplicates, quarantine by reason kind, a record seen by two runs counted once.
  EXPECT_NE(Row(html, "health", "linkedin")
                .find("<td class=\"num\">33</td><td class=\"num\">32</td><td class=\"num\">1</td>"),
            std::string::npos);
  EXPECT_NE(html.find("2 distinct records were set aside"), std::string::npos);
  EXPECT_NE(Row(html, "health", "expected # fields, found #").find(">1<"), std::string::npos);
  EXPECT_NE(html.find("Last ingest run: #2"), std::string::npos);
}

TEST_F(HtmlReportTest, MarksThinFigures) {
  Fill();
  std::string html = Build();
  EXPECT_NE(Row(html, "pay-level", "Senior").find("thin-tag"), std::string::npos);
  EXPECT_EQ(Row(html, "pay-level", "Mid").find("thin-tag"), std::string::npos);
  EXPECT_EQ(Row(html, "pay-level", "Mid").rfind("<tr class=\"thin\">", 0), std::string::npos);
  EXPECT_EQ(Row(html, "pay-level", "Senior").rfind("<tr class=\"thin\">", 0), 0u);
  // In the chart too: the senior row faded and marked, the mid one not.
  EXPECT_NE(html.find("n=3  thin</text>"), std::string::npos);
  EXPECT_NE(html.find("n=31</text>"), std::string::npos);
}

TEST_F(HtmlReportTest, EscapesTextFromPostings) {
  Fill();
  std::string html = Build();
  EXPECT_EQ(html.find("<Rust>"), std::string::npos);
  EXPECT_NE(html.find("C++ &amp; &lt;Rust&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("board &lt;b&gt;&quot;x&quot;&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("missing title &lt;b&gt;&amp;"), std::string::npos);
}

TEST_F(HtmlReportTest, RequestsNothingOutsideThePage) {
  Fill();
  std::string html = Build();
  for (const char* outside :
       {"http:", "https:", "//", "<script", "<link", "<img", "<iframe", "src=", "url(", "@import"}) {
    EXPECT_EQ(html.find(outside), std::string::npos) << outside;
  }
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_NE(html.find("<svg class=\"chart ranges\""), std::string::npos);
}

TEST_F(HtmlReportTest, SameStoreSameBytes) {
  Fill();
  std::string first = Build();
  std::string second = Build();
  EXPECT_EQ(first, second);
  std::string path_a = (dir_ / "a.html").string(), path_b = (dir_ / "b.html").string();
  auto written = WriteHtmlReport(*store_, nullptr, path_a);
  ASSERT_TRUE(written.ok()) << written.status().message();
  EXPECT_EQ(written->postings, 35);
  ASSERT_TRUE(WriteHtmlReport(*store_, nullptr, path_b).ok());
  auto read = [](const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
  };
  EXPECT_EQ(read(path_a), first);
  EXPECT_EQ(read(path_b), first);
  EXPECT_EQ(written->bytes, static_cast<int64_t>(first.size()));
  EXPECT_FALSE(std::filesystem::exists(path_a + ".partial"));
}

TEST_F(HtmlReportTest, AnEmptyStoreGivesAPage) {
  std::string html = Build();
  EXPECT_NE(html.find("0 unique postings"), std::string::npos);
  EXPECT_NE(html.find("No postings state pay."), std::string::npos);
  EXPECT_NE(html.find("No posting dates in this store."), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

TEST_F(HtmlReportTest, AnUnwritablePathIsAnIoError) {
  auto written = WriteHtmlReport(*store_, nullptr, (dir_ / "no-such-dir" / "r.html").string());
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.status().code(), StatusCode::kIoError);
}

TEST(HtmlEscape, EscapesMarkupAndRepairsBytes) {
  EXPECT_EQ(HtmlEscape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(HtmlEscape("bad \xff byte"), "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(HtmlEscape("tab\tok\x01"), "tab\tok ");
}

TEST(SvgCharts, AreDeterministicAndEscaped) {
  std::vector<RangeItem> items = {{"<x>", 90000, 100000, 120000, 12, true, QuotedBandFor(Level::kMid)},
                                  {"y", 150000, 170000, 200000, 40, false, std::nullopt}};
  std::string chart = SvgRangeChart(items, "Pay & more", 600);
  EXPECT_EQ(chart, SvgRangeChart(items, "Pay & more", 600));
  EXPECT_EQ(chart.rfind("<svg class=\"chart ranges\" viewBox=\"0 0 600 ", 0), 0u);
  EXPECT_NE(chart.find("<title>Pay &amp; more</title>"), std::string::npos);
  EXPECT_NE(chart.find("&lt;x&gt;"), std::string::npos);
  EXPECT_NE(chart.find("class=\"quoted\""), std::string::npos);
  EXPECT_NE(chart.find("$100k  n=12  thin"), std::string::npos);
  std::string bars = SvgBarChart({{"Python", 3, "60.0%", false}}, "Skills");
  EXPECT_NE(bars.find(">3  60.0%</text>"), std::string::npos);
  std::string columns = SvgColumnChart({{"2024-01", 2}, {"2024-02", 4}}, "Months");
  EXPECT_NE(columns.find("max 4"), std::string::npos);
}

}  // namespace
}  // namespace jobscope::report
