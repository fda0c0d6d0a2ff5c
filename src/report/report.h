// File: report.h
//
// The report stage: market statistics over the stored postings — postings by role and level, the most
// asked-for skills with counts and share, and salary medians (annual USD) by role and level where pay is
// known. Postings linked as duplicates of an earlier one are counted once.
//
// Thread-safety: functions only; the store is used by the calling thread.
//
// Example:
//   JS_ASSIGN_OR_RETURN(MarketSummary summary, SummarizeMarket(*store, 20));
//   summary.top_skills[0].name;   // "Python"
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
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
};

struct MarketSummary {
  int64_t postings = 0;         // unique postings
  int64_t duplicates = 0;       // postings linked to an earlier one, not counted above
  std::map<std::string, int64_t> by_role;
  std::map<std::string, int64_t> by_level;
  std::map<std::string, int64_t> by_remote;
  std::map<std::string, int64_t> by_month;  // "YYYY-MM" of the posting date -> postings; undated ones left out
  std::vector<SkillDemand> top_skills;  // most asked first
  SalaryStats salary;                   // over all postings with an annual USD figure
  std::map<std::string, SalaryStats> salary_by_role;
  std::map<std::string, SalaryStats> salary_by_level;
};

// Reads every stored posting once. With `taxonomy`, the skills in demand are the technical ones (a domain
// word such as "artificial intelligence", soft skills and spoken languages are left out). Errors: those of
// the store.
StatusOr<MarketSummary> SummarizeMarket(store::Store& store, size_t top_skill_count,
                                        const taxonomy::Taxonomy* taxonomy = nullptr);

// ---- the understanding gold set (tests/gold) ---------------------------------------------------------------

struct GoldSkill {
  std::string name;  // as the labeller wrote it; linked to the taxonomy by name or alias when scored
  std::string kind;
  Requirement requirement = Requirement::kUnstated;
};

struct GoldPosting {
  std::string file, split;  // split: "dev" or "test"
  int64_t row = 0;
  RawPosting posting;       // as ingest reads the row
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
  double country_known = 0;     // of postings that name a place, the share given a country
  double country_accuracy = 0;  // of postings with a labelled country, the share given that country
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
