// File: report.h
//
// The report stage: market statistics over the stored postings — postings by role and level, the most
// asked-for skills with counts and share, and salary medians (annual USD) by role, level and country where pay
// is known. Postings linked as duplicates of an earlier one are counted once. The same figures as a
// self-contained HTML page with SVG charts (`jobscope report`), and the scoring of the gold sets.
//
// Thread-safety: functions only; the store is used by the calling thread.
//
// Example:
//   JS_ASSIGN_OR_RETURN(MarketSummary summary, SummarizeMarket(*store, 20));
//   summary.top_skills[0].name;   // "Python"
//   JS_ASSIGN_OR_RETURN(WrittenReport written, WriteHtmlReport(*store, &taxonomy, "report.html"));
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/model.h"
#include "store/store.h"
#include "taxonomy/taxonomy.h"

namespace jobscope::report {

struct SkillDemand {
  std::string skill_id;
  std::string name;
  int64_t postings = 0;  // postings that ask for the skill
  double share = 0;      // postings / all unique postings
};

struct SalaryStats {
  int64_t postings_with_salary = 0;
  std::optional<double> median_annual_usd;
  std::optional<double> p25_annual_usd;
  std::optional<double> p75_annual_usd;
  // A distribution-free 95% interval of the median: the order statistics at ranks n/2 -+ 0.98 sqrt(n)
  // (normal approximation to the binomial), clamped to the smallest and largest figure.
  std::optional<double> median_low95_usd;
  std::optional<double> median_high95_usd;
};

// Stored postings from one source (RawPosting::source).
struct SourceCounts {
  int64_t postings = 0;    // unique postings
  int64_t duplicates = 0;  // postings linked to an earlier one
};

struct MarketSummary {
  int64_t postings = 0;    // unique postings
  int64_t duplicates = 0;  // postings linked to an earlier one, not counted above
  std::map<std::string, int64_t> by_role;
  std::map<std::string, int64_t> by_level;
  std::map<std::string, int64_t> by_remote;
  std::map<std::string, int64_t> by_month;  // "YYYY-MM" of the posting date -> postings; undated ones left out
  std::vector<SkillDemand> top_skills;      // most asked first
  SalaryStats salary;                       // over all postings with an annual USD figure
  std::map<std::string, SalaryStats> salary_by_role;
  std::map<std::string, SalaryStats> salary_by_level;
  std::map<std::string, SalaryStats> salary_by_country;  // ISO 3166-1 alpha-2, "unknown" when not told
  std::map<std::string, SourceCounts> by_source;         // "unknown" when a posting names none
  // Freshness over every stored posting (duplicates too): the oldest and newest "YYYY-MM-DD" posting date,
  // empty when none is dated, and how many carry a date.
  std::string oldest_posting_date, newest_posting_date;
  int64_t dated_postings = 0;
};

// Reads every stored posting once. With `taxonomy`, the skills in demand are the technical ones (a domain
// word such as "artificial intelligence", soft skills and spoken languages are left out). Errors: those of
// the store.
StatusOr<MarketSummary> SummarizeMarket(store::Store& store, size_t top_skill_count,
                                        const taxonomy::Taxonomy* taxonomy = nullptr);

// ---- the HTML market report (`jobscope report`) ------------------------------------------------------------

// A figure from fewer records than this is marked "thin".
inline constexpr int64_t kThinBelow = 30;

struct HtmlReportOptions {
  size_t top_skills = 20;       // skills listed and charted
  size_t chart_countries = 15;  // countries charted (the table lists every country with pay)
};

// One self-contained HTML page over the whole store: postings by role, level and work mode; the skills in
// demand; pay by level (beside the commonly quoted bands), role and country, each figure a median with its
// P25-P75, a 95% interval of the median and its sample size, figures from fewer than kThinBelow postings
// marked thin; postings per month when postings are dated; and the data's health (postings per source,
// posting dates, the last ingest run, duplicates linked, records quarantined by reason). Inline CSS and
// inline SVG only: no script, no request to anything outside the page. Every text that came from a posting or
// an input is HTML-escaped. Deterministic: the same store gives the same bytes (no clock is read; every table
// is fully sorted; numbers have fixed formats). `taxonomy` (may be null) keeps the skills to technical ones, as
// for SummarizeMarket. Errors: those of the store.
StatusOr<std::string> BuildHtmlReport(store::Store& store, const taxonomy::Taxonomy* taxonomy,
                                      const HtmlReportOptions& options = {});

struct WrittenReport {
  int64_t bytes = 0;
  int64_t postings = 0;  // unique postings it covers
};
// BuildHtmlReport, written to `path` through a temporary file beside it and a rename, so a reader never sees
// half a report. Errors: those of the store, kIoError (cannot write `path`).
StatusOr<WrittenReport> WriteHtmlReport(store::Store& store, const taxonomy::Taxonomy* taxonomy,
                                        const std::string& path, const HtmlReportOptions& options = {});

// ---- SVG charts, as the report draws them -------------------------------------------------------------------
// Each returns one <svg> element (no xmlns: it is meant to sit inline in HTML) sized by its viewBox, styled by
// the page's CSS classes (bar, whisker, median, quoted, thin, label, value, axis, grid), with a <title> per row
// for a tooltip. Labels and notes are escaped here. Same input, same bytes.

struct BarItem {
  std::string label;
  double value = 0;
  std::string note;  // written after the value, e.g. "12.3%"
  bool thin = false;
};
// Horizontal bars in the order given, each with its value (and note) beside it.
std::string SvgBarChart(const std::vector<BarItem>& items, std::string_view title, int width = 640);

struct RangeItem {
  std::string label;
  double low = 0, mid = 0, high = 0;    // P25, median, P75
  int64_t n = 0;                        // written beside the median
  bool thin = false;                    // faded, and "thin" written beside it
  std::optional<QuotedPayBand> quoted;  // shaded behind the row
};
// Pay ranges in the order given: the P25-P75 whisker, the median as a dot, a USD axis below.
std::string SvgRangeChart(const std::vector<RangeItem>& items, std::string_view title, int width = 640);

struct ColumnItem {
  std::string label;
  double value = 0;
};
// Columns in the order given (a time series), about eight labels along the bottom.
std::string SvgColumnChart(const std::vector<ColumnItem>& items, std::string_view title, int width = 640,
                           int height = 200);

// `text` made safe as HTML (and SVG) text and attribute values: & < > " ' escaped, control characters
// blanked, ill-formed UTF-8 replaced with U+FFFD.
std::string HtmlEscape(std::string_view text);

// ---- the understanding gold set (tests/gold) ---------------------------------------------------------------

struct GoldSkill {
  std::string name;  // as the labeller wrote it; linked to the taxonomy by name or alias when scored
  std::string kind;
  Requirement requirement = Requirement::kUnstated;
};

struct GoldPosting {
  std::string file, split;  // split: "dev" or "test"
  int64_t row = 0;
  RawPosting posting;  // as ingest reads the row
  Role role = Role::kOther;
  Level level = Level::kUnknown;
  std::string level_basis, country;
  RemoteMode remote = RemoteMode::kUnknown;
  bool skills_labelled = false;
  std::vector<GoldSkill> skills;
};

struct GoldPay {
  std::string file, column, split, text;
  int64_t row = 0;
  RawPosting posting;  // what is understood: the line alone, or the row with the field
  bool is_pay = false;
  std::optional<double> min, max;
  std::string currency, period, extras;
};

struct GoldSet {
  std::vector<GoldPosting> postings;
  std::vector<GoldPay> pay;
};

// Reads the labels under `gold_dir` and the rows they name from `shared_data`. Errors: kIoError, kParseError
// (a malformed label file, or a row whose checksum shows the data changed under the labels).
StatusOr<GoldSet> LoadGoldSet(const std::string& gold_dir, const std::string& shared_data);

struct PayError {
  std::string text, expected, got;
};

struct GoldScores {
  int64_t postings = 0, skill_postings = 0, skills_gold = 0, pay_strings = 0;
  double level_accuracy = 0, role_accuracy = 0, role_macro_f1 = 0, remote_accuracy = 0;
  double skill_recall = 0, skill_precision = 0;  // technical skills, by taxonomy id
  double pay_exact = 0;                          // min, max, currency and period all right (or rightly none)
  double country_known = 0;                      // of postings that name a place, the share given a country
  double country_accuracy = 0;                   // of postings with a labelled country, the share given that country
  std::vector<std::vector<int64_t>> role_confusion;   // [gold][predicted], AllRoles() order
  std::vector<std::vector<int64_t>> level_confusion;  // intern, entry, mid, senior, lead, executive, unknown
  std::vector<std::pair<std::string, int64_t>> top_missed_skills, top_false_skills;
  std::vector<PayError> pay_errors;
  // Postings whose role or level was read wrong: title, gold, got (and what decided the level).
  std::vector<PayError> role_errors, level_errors;
};

// Scores understanding (`postings[i]` for gold.postings[i], `pay[i]` for gold.pay[i]) on one split ("dev",
// "test" or "all").
GoldScores ScoreGold(const GoldSet& gold, const std::vector<Understanding>& postings, const std::vector<Salary>& pay,
                     const taxonomy::Taxonomy& taxonomy, const std::string& split);

}  // namespace jobscope::report

// ---- the résumé-matching gold set (tests/gold/match) --------------------------------------------------------

namespace jobscope::report {

struct MatchGoldResume {
  int64_t row = 0;
  std::string split;  // "dev" or "test"
  std::string text;
};
struct MatchGoldPosting {
  std::string file;
  int64_t row = 0;
  RawPosting posting;  // as ingest reads the row
};
struct MatchGoldSet {
  std::vector<MatchGoldResume> resumes;
  std::vector<MatchGoldPosting> postings;
  std::map<std::pair<int64_t, size_t>, int> grades;  // (résumé row, posting index) -> 0..3
  // Every posting of the graded postings' files, so skills weigh as they do in that market.
  std::vector<RawPosting> market;
};
// Reads tests/gold/match and the rows it names. Errors: kIoError, kParseError (a checksum shows the data
// changed under the labels, or a grade names an unselected pair).
StatusOr<MatchGoldSet> LoadMatchGoldSet(const std::string& gold_dir, const std::string& shared_data);

// NDCG@10 (gain 2^grade - 1) and MAP (grade >= 2 relevant) of one ranker, averaged over the résumés that have
// a non-zero grade (NDCG) or a relevant posting (MAP).
struct RankingQuality {
  double ndcg_at_10 = 0, map = 0;
  int64_t ndcg_queries = 0, map_queries = 0;
};
struct MatchGoldScores {
  std::string split;
  RankingQuality jobscope, tfidf, jaccard;
  struct PerResume {
    int64_t row = 0;
    std::string role, level;
    double ndcg_jobscope = 0, ndcg_tfidf = 0, ndcg_jaccard = 0;
    bool graded = false;
    struct Ranked {
      std::string posting;  // "file row"
      std::string title;
      double score = 0;
      int grade = 0;
    };
    std::vector<Ranked> ranking;  // jobscope's order
  };
  std::vector<PerResume> resumes;
};
// Ranks each résumé's graded postings with jobscope's matcher (skills weighed by the market of the postings'
// files), TF-IDF cosine of the whole texts, and skill-set Jaccard, and scores the rankings on `split`
// ("dev", "test" or "all"). `understand` turns a raw posting into a posting.
MatchGoldScores ScoreMatchGold(const MatchGoldSet& gold, const taxonomy::Taxonomy& taxonomy,
                               const std::function<Posting(RawPosting)>& understand, const std::string& split);

// NDCG@k of `grades` in ranked order (gain 2^g - 1, log2 discount); 0 when every grade is 0.
double NdcgAtK(const std::vector<int>& ranked_grades, size_t k);
// Average precision of ranked grades, relevant meaning grade >= `relevant`; 0 when none is relevant.
double AveragePrecision(const std::vector<int>& ranked_grades, int relevant);

}  // namespace jobscope::report
