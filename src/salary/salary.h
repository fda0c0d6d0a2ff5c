// File: salary.h
//
// The salary service: what a role pays, at a level, in a place — a P10/P50/P90 estimate in annual USD from
// quantile gradient-boosted trees (XGBoost C API, custom pinball-loss objective) calibrated by split
// conformal prediction per market group so the P10-P90 interval really covers about 80%; the market's pay
// bands straight from the data; and the pay difference associated with each skill at fixed role, level and place.
//
// Trained on the aijobs.net salary survey (CC0; deduplicated first: about half its rows repeat). Training
// is deterministic (fixed seeds, one thread). The model ships in data/models/salary/, so estimates need no
// training at run time.
//
// Thread-safety: a SalaryModel serves one thread at a time (XGBoost's prediction buffers are per booster).
//
// Example:
//   JS_ASSIGN_OR_RETURN(auto survey, LoadSurvey("../shared/data/aijobs-salaries/salaries.csv"));
//   JS_ASSIGN_OR_RETURN(auto model, SalaryModel::Load("data/models/salary"));
//   SalaryQuery query{.role = Role::kMlEngineer, .level = Level::kSenior, .country = "US"};
//   JS_ASSIGN_OR_RETURN(SalaryEstimate estimate, model->Estimate(query));   // estimate.p50 ~ 190,000
#pragma once

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/extract.h"
#include "model/model.h"
#include "store/store.h"
#include "taxonomy/taxonomy.h"

namespace jobscope::salary {

// One survey answer (or one posting with parsed pay), in annual USD.
struct SalaryRecord {
  int year = 0;
  Level level = Level::kUnknown;
  Role role = Role::kOther;
  std::string title;
  std::string country;        // ISO 3166-1 alpha-2 of the company
  bool lives_abroad = false;  // employee resides in another country than the company
  int remote_ratio = 0;       // 0, 50, 100
  int company_size = -1;      // 0 small, 1 medium, 2 large, -1 unknown
  bool full_time = true;
  double salary_usd = 0;
  // What postings add and the survey lacks: the metro ("San Francisco|US") and the skills asked for
  // (taxonomy ids). For survey rows both are unknown, not absent.
  bool from_posting = false;
  std::string metro;
  bool skills_known = false;
  std::vector<std::string> skills;
};

struct SurveyLoad {
  std::vector<SalaryRecord> records;  // distinct rows
  size_t rows_read = 0;
  size_t duplicates_dropped = 0;
};

// Reads the aijobs.net survey CSV, drops exact repeats, maps titles to roles and EN/MI/SE/EX to levels.
// Errors: kIoError, kParseError (row and field named).
StatusOr<SurveyLoad> LoadSurvey(const std::string& path);

// How records and queries name a metro: "San Francisco|US".
std::string MetroKey(std::string_view city, std::string_view country);

// Stored postings with parsed pay (the midpoint of the annual USD range), not marked as duplicates, as
// salary records with their metro and skills. Errors: those of the store.
StatusOr<std::vector<SalaryRecord>> PostingSalaryRecords(store::Store& store);

struct SalaryQuery {
  Role role = Role::kOther;
  Level level = Level::kMid;
  std::string country = "US";
  int remote_ratio = 0;
  int company_size = 1;             // 0 small, 1 medium (most survey answers), 2 large
  int year = 0;                     // 0: the latest year the model knows
  std::string title;                // optional; its words ("manager", "lead") refine the estimate
  std::string metro;                // optional, "City|CC"; counts when the model learnt it from postings
  std::vector<std::string> skills;  // optional taxonomy ids; count when the model learnt them from postings
};

struct SalaryFactor {
  std::string name;       // "level", "role", "country", "remote", "company size", "year", "title words",
                          // and for models trained with postings "metro" and "skills"
  double usd_effect = 0;  // how much the factor moved P50 from the model's baseline, in USD
};

struct SalaryEstimate {
  double p10 = 0, p50 = 0, p90 = 0;  // annual USD
  int64_t comparable_records = 0;    // training records with the same role, level and country
  std::vector<SalaryFactor> factors;
  std::string currency;             // the country's currency, when the rate table knows it
  std::optional<double> p50_local;  // P50 in that currency
  // Set when no comparable record backs the estimate: how the figures were put in ladder order instead.
  std::string fallback;
};

// How far a calibration group's P10-P90 interval is widened below and above, in log pay (negative narrows),
// and how many calibration rows set it.
struct ConformalMargins {
  double low = 0, high = 0;
  int64_t rows = 0;
};

struct TrainOptions {
  int rounds = 300;
  double learning_rate = 0.05;
  int max_depth = 5;
  double calibration_fraction = 0.2;  // of the training rows, held out for conformal calibration
  double coverage = 0.8;              // target P10-P90 coverage
  bool posting_features = true;       // metro and skill features, learnt where records have them
  uint64_t seed = 17;
};

class SalaryModel {
 public:
  ~SalaryModel();
  SalaryModel(const SalaryModel&) = delete;
  SalaryModel& operator=(const SalaryModel&) = delete;

  // Trains P10/P50/P90 boosters on `train` (minus a calibration split) and calibrates the interval.
  // Errors: kInvalidArgument (too few rows), kInternal (XGBoost failed).
  static StatusOr<std::unique_ptr<SalaryModel>> Train(const std::vector<SalaryRecord>& train,
                                                      const TrainOptions& options);
  // Errors: kIoError, kParseError.
  static StatusOr<std::unique_ptr<SalaryModel>> Load(const std::string& dir);
  Status Save(const std::string& dir) const;

  StatusOr<SalaryEstimate> Estimate(const SalaryQuery& query) const;
  // Raw predictions for many records: {p10, p50, p90} in USD, calibrated or not.
  StatusOr<std::vector<std::array<double, 3>>> Predict(const std::vector<SalaryRecord>& records, bool calibrated) const;

  // By calibration group: "lcr:level|country|role", "lc:level|country", "c:country" and "all".
  const std::map<std::string, ConformalMargins>& conformal_margins() const;

 private:
  struct Impl;
  explicit SalaryModel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// ---- estimates as people ask for them -------------------------------------------------------------------

// A company size as the survey writes it: "S" -> 0, "M" -> 1, "L" -> 2; -1 for anything else.
int CompanySizeCode(std::string_view letter);

// An estimate asked for in words: what `jobscope salary estimate` and GET /api/v1/salary/estimate take.
struct EstimateRequest {
  std::string title;  // a job title: the role, and unless `level` is given the level, are read from it
  std::string role;   // a role name (ml_engineer); wins over the title's
  std::string level;  // a level name; empty: the title's level, else mid
  std::string location = "United States";  // a place as boards write it ("Berlin, Germany"), or a country code
  bool remote = false;
  std::string company_size = "M";   // S, M or L
  std::vector<std::string> skills;  // taxonomy ids, names or aliases
};

// The request as understood, the estimate (with the country's currency and P50 in it), and whether the
// model learnt skills at all (when not, `query.skills` did not move it).
struct EstimateAnswer {
  SalaryQuery query;
  SalaryEstimate estimate;
  bool skills_learnt = false;
};

// Reads the request the way the ladder and the extractors do: the role from the title unless named, the
// level named or from the title (else mid), the country and metro from the place, the skills by taxonomy id,
// name or alias. Errors: kInvalidArgument naming the field to fix ("role: unknown role 'astronaut'", "give a
// title or a role", "location: cannot tell the country of 'Atlantis'", "skills: not in the taxonomy: ...").
// `taxonomy` is needed only when skills are given.
StatusOr<SalaryQuery> UnderstandEstimateRequest(const EstimateRequest& request, const taxonomy::Taxonomy* taxonomy);
// UnderstandEstimateRequest, then the model's estimate; the currency is the country's and `p50_local` is
// set when `rates` (may be null) knows it and it is not USD. With no comparable record the model's figures
// for a role and country can break the ladder (an entry estimate above a mid one): then every level is
// estimated, the survey's levels (entry, mid, senior, executive) are put in order (pooled where they cross,
// then at least 3% apart), an internship is one entry-to-mid step below entry and lead sits midway (in log
// pay) between senior and executive, and `fallback` says so. Errors: those two's.
StatusOr<EstimateAnswer> EstimatePay(const SalaryModel& model, const EstimateRequest& request,
                                     const taxonomy::Taxonomy* taxonomy, const extract::CurrencyRates* rates);

// ---- evaluation ----------------------------------------------------------------------------------------

struct MethodMetrics {
  std::string method;
  double mae = 0;                      // of P50, USD
  double median_ape = 0;               // median absolute percentage error of P50
  std::optional<double> coverage;      // share of test rows inside P10-P90
  std::optional<double> median_width;  // median P90-P10, USD
};

struct Evaluation {
  std::string split;  // "time (train <= 2024, test 2025)" or "random 20%"
  size_t train_rows = 0, test_rows = 0;
  std::vector<MethodMetrics> methods;
  double train_seconds = 0;
};

// Evaluates the model and three baselines on full-time rows: median by level; median by level x country
// x role with fallback to coarser cells under 20 rows; XGBoost squared error on log salary. Survey rows
// make a time split and a random 20% split. With `postings`, a third split holds out 20% of them and trains
// on the survey and the rest, also without the metro and skill features, to show what those add.
StatusOr<std::vector<Evaluation>> EvaluateSalaryModels(const std::vector<SalaryRecord>& records,
                                                       const std::vector<SalaryRecord>& postings,
                                                       const TrainOptions& options);

// ---- bands and premiums ---------------------------------------------------------------------------------

struct Band {
  std::string key;
  int64_t records = 0;
  double p25 = 0, p50 = 0, p75 = 0;
  std::string quoted;  // the commonly quoted band for this key, if there is one ("$150k-$200k+")
};

// Quartiles of annual USD pay by "level", "role" or "country" (full-time rows). Errors: kInvalidArgument.
StatusOr<std::vector<Band>> PayBands(const std::vector<SalaryRecord>& records, const std::string& by);

struct SkillPremium {
  std::string skill_id;
  std::string name;
  int64_t postings_with = 0;
  double premium_usd = 0;          // pay with the skill minus without, matched on role x level x country
  double ci_low = 0, ci_high = 0;  // 95% interval (redraws of the postings with the skill, see skill_premium.cc)
};

// Premium of each skill asked for by at least `min_postings` postings with pay, from the store. Time grows
// linearly with the paid postings' skill mentions. `progress` (may be empty) follows the skills done.
StatusOr<std::vector<SkillPremium>> SkillPremiums(
    store::Store& store, int64_t min_postings, const std::function<void(int64_t done, int64_t total)>& progress = {});

}  // namespace jobscope::salary
