// The salary model: three quantile boosters (P10, P50, P90) on log pay, and conformal margins by group.
//
// Split conformal, conformalised quantile regression done per group (Mondrian): on calibration rows the
// trees never saw, each end of the interval scores its misses in log space (q10 - y below, y - q90 above);
// a group's margin for an end is the ceil((n+1)(1-a/2))-th smallest of its n scores, so each end misses at
// most a/2 of exchangeable new rows of that group. Groups go from level x country x role down to all rows;
// a row takes the finest with enough calibration rows. Pay spreads differ by market (a US senior's range
// is wider than a junior's in Poland), so margins per group give narrower intervals than one margin for all.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <random>

#include "base/strings.h"
#include "base/tsv.h"
#include "salary/internal/booster.h"
#include "salary/internal/features.h"
#include "salary/salary.h"

namespace jobscope::salary {

using internal::Booster;
using internal::FeatureEncoder;
using internal::Matrix;

namespace {

// Calibration groups of a record, finest first, the last holding every row; named with `prefix`.
// Postings and survey answers are calibrated apart (a posting's range midpoint spreads differently from a
// reported salary): postings in groups prefixed "posting ", falling back to the survey's when too few.
std::vector<std::string> CalibrationGroups(const SalaryRecord& record, std::string_view prefix) {
  std::string lc = std::string(LevelName(record.level)) + "|" + record.country;
  std::string named(prefix);
  return {named + "lcr:" + lc + "|" + std::string(RoleName(record.role)), named + "lc:" + lc,
          named + "c:" + record.country, named + "all"};
}

constexpr std::string_view kPostingGroup = "posting ";

// Each group needs this many calibration rows: the end scores' 1-in-10 tail is then at least 5 rows.
constexpr int64_t kMinCalibrationRows = 50;

}  // namespace

struct SalaryModel::Impl {
  FeatureEncoder encoder;
  std::vector<Booster> quantiles;                   // P10, P50, P90
  std::map<std::string, ConformalMargins> margins;  // by calibration group
  int latest_year = 0;
  std::map<std::string, int64_t> cell_counts;  // "role|level|country" -> training rows

  StatusOr<Matrix> Encode(const std::vector<SalaryRecord>& records) const {
    std::vector<float> values;
    values.reserve(records.size() * encoder.width());
    for (const SalaryRecord& record : records) encoder.Encode(record, values);
    return Matrix::Create(values, records.size(), encoder.width(), {});
  }

  // The margins of the finest group of `record` that has them (only groups with enough calibration rows,
  // and "all", were kept).
  ConformalMargins MarginsFor(const SalaryRecord& record) const {
    for (std::string_view prefix :
         record.from_posting ? std::vector<std::string_view>{kPostingGroup, ""} : std::vector<std::string_view>{""}) {
      for (const std::string& group : CalibrationGroups(record, prefix)) {
        auto it = margins.find(group);
        if (it != margins.end()) return it->second;
      }
    }
    return {};
  }

  // {P10, P50, P90} in USD for each record (encoded as `data`), the interval widened by its group's margins
  // in log space when `calibrated`.
  StatusOr<std::vector<std::array<double, 3>>> Quantiles(const Matrix& data, const std::vector<SalaryRecord>& records,
                                                         bool calibrated) const {
    std::vector<std::vector<float>> raw;
    for (const Booster& booster : quantiles) {
      JS_ASSIGN_OR_RETURN(std::vector<float> predictions, booster.Predict(data));
      raw.push_back(std::move(predictions));
    }
    std::vector<std::array<double, 3>> out(records.size());
    for (size_t row = 0; row < records.size(); ++row) {
      ConformalMargins margin = calibrated ? MarginsFor(records[row]) : ConformalMargins{};
      std::array<double, 3> logs = {raw[0][row] - margin.low, raw[1][row], raw[2][row] + margin.high};
      std::sort(logs.begin(), logs.end());  // quantile trees can cross; keep P10 <= P50 <= P90
      for (int q = 0; q < 3; ++q) out[row][q] = std::exp(logs[q]);
    }
    return out;
  }
};

namespace {

constexpr double kQuantiles[3] = {0.1, 0.5, 0.9};
constexpr int kFormatVersion = 2;

// The ceil((n+1)q)-th smallest score (the largest when that rank passes n).
double ConformalQuantile(std::vector<double> scores, double q) {
  std::sort(scores.begin(), scores.end());
  double n = static_cast<double>(scores.size());
  size_t rank = static_cast<size_t>(std::ceil((n + 1) * q));
  return scores[std::min(scores.size(), std::max<size_t>(rank, 1)) - 1];
}

std::string CellKey(Role role, Level level, const std::string& country) {
  return std::string(RoleName(role)) + "|" + std::string(LevelName(level)) + "|" + country;
}

}  // namespace

SalaryModel::SalaryModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SalaryModel::~SalaryModel() = default;

const std::map<std::string, ConformalMargins>& SalaryModel::conformal_margins() const { return impl_->margins; }

StatusOr<std::unique_ptr<SalaryModel>> SalaryModel::Train(const std::vector<SalaryRecord>& records,
                                                          const TrainOptions& options) {
  if (records.size() < 100)
    return InvalidArgument("too few salary records to train on: " + std::to_string(records.size()));
  // Calibration rows are drawn at random (seeded) from the training rows.
  std::vector<size_t> order(records.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  std::shuffle(order.begin(), order.end(), rng);
  size_t calibration_count = static_cast<size_t>(options.calibration_fraction * static_cast<double>(records.size()));
  std::vector<SalaryRecord> fit, calibration;
  for (size_t idx = 0; idx < order.size(); ++idx) {
    (idx < calibration_count ? calibration : fit).push_back(records[order[idx]]);
  }

  auto impl = std::make_unique<Impl>();
  impl->encoder = FeatureEncoder::Fit(fit, 30, options.posting_features);
  for (const SalaryRecord& record : records) {
    impl->latest_year = std::max(impl->latest_year, record.year);
    ++impl->cell_counts[CellKey(record.role, record.level, record.country)];
  }
  // The interval's ends learn from the fit rows only, as the calibration rows must be new to them; P50
  // takes no part in calibration, so it learns from every row.
  auto matrix_of = [&](const std::vector<SalaryRecord>& rows, std::vector<float>& labels) -> StatusOr<Matrix> {
    std::vector<float> values;
    for (const SalaryRecord& record : rows) {
      impl->encoder.Encode(record, values);
      labels.push_back(static_cast<float>(std::log(record.salary_usd)));
    }
    return Matrix::Create(values, rows.size(), impl->encoder.width(), labels);
  };
  std::vector<float> fit_labels, all_labels;
  JS_ASSIGN_OR_RETURN(Matrix fit_matrix, matrix_of(fit, fit_labels));
  JS_ASSIGN_OR_RETURN(Matrix all_matrix, matrix_of(records, all_labels));
  internal::BoosterParams params{options.rounds, options.learning_rate, options.max_depth, options.seed};
  for (double q : kQuantiles) {
    bool median = q == 0.5;
    JS_ASSIGN_OR_RETURN(Booster booster, Booster::TrainQuantile(median ? all_matrix : fit_matrix,
                                                                median ? all_labels : fit_labels, q, params));
    impl->quantiles.push_back(std::move(booster));
  }
  auto model = std::unique_ptr<SalaryModel>(new SalaryModel(std::move(impl)));
  if (!calibration.empty()) {
    JS_ASSIGN_OR_RETURN(auto predictions, model->Predict(calibration, /*calibrated=*/false));
    std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> scores;  // group -> (below, above)
    for (size_t row = 0; row < calibration.size(); ++row) {
      const SalaryRecord& record = calibration[row];
      double y = std::log(record.salary_usd);
      for (const std::string& group :
           CalibrationGroups(record, record.from_posting ? kPostingGroup : std::string_view())) {
        scores[group].first.push_back(std::log(predictions[row][0]) - y);
        scores[group].second.push_back(y - std::log(predictions[row][2]));
      }
    }
    const double each_end = 1 - (1 - options.coverage) / 2;
    for (const auto& [group, ends] : scores) {
      if (static_cast<int64_t>(ends.first.size()) < kMinCalibrationRows && group != "all") continue;
      model->impl_->margins[group] = {ConformalQuantile(ends.first, each_end), ConformalQuantile(ends.second, each_end),
                                      static_cast<int64_t>(ends.first.size())};
    }
  }
  return model;
}

StatusOr<std::vector<std::array<double, 3>>> SalaryModel::Predict(const std::vector<SalaryRecord>& records,
                                                                  bool calibrated) const {
  JS_ASSIGN_OR_RETURN(Matrix data, impl_->Encode(records));
  return impl_->Quantiles(data, records, calibrated);
}

StatusOr<SalaryEstimate> SalaryModel::Estimate(const SalaryQuery& query) const {
  SalaryRecord record;
  record.role = query.role;
  record.level = query.level;
  record.country = query.country;
  record.remote_ratio = query.remote_ratio;
  record.company_size = query.company_size;
  record.year = query.year > 0 ? query.year : impl_->latest_year;
  record.title = query.title;
  record.metro = query.metro;
  record.skills = query.skills;
  std::sort(record.skills.begin(), record.skills.end());
  record.skills_known = !record.skills.empty();  // no skills given: unknown, as for a survey row
  record.from_posting = record.skills_known || !record.metro.empty();
  JS_ASSIGN_OR_RETURN(Matrix data, impl_->Encode({record}));
  JS_ASSIGN_OR_RETURN(auto predictions, impl_->Quantiles(data, {record}, /*calibrated=*/true));
  SalaryEstimate estimate;
  estimate.p10 = predictions[0][0];
  estimate.p50 = predictions[0][1];
  estimate.p90 = predictions[0][2];
  auto cell = impl_->cell_counts.find(CellKey(query.role, query.level, query.country));
  estimate.comparable_records = cell == impl_->cell_counts.end() ? 0 : cell->second;
  // Factors: the P50 tree's contributions summed by group; a group's USD effect is what P50 would lose
  // without it.
  JS_ASSIGN_OR_RETURN(std::vector<float> contributions, impl_->quantiles[1].Contributions(data));
  double total = std::accumulate(contributions.begin(), contributions.end(), 0.0);
  std::map<std::string, double> by_group;
  const auto& groups = impl_->encoder.groups();
  for (size_t feature = 0; feature < groups.size(); ++feature) by_group[groups[feature]] += contributions[feature];
  for (const auto& [group, log_effect] : by_group) {
    estimate.factors.push_back({group, std::exp(total) - std::exp(total - log_effect)});
  }
  std::sort(estimate.factors.begin(), estimate.factors.end(), [](const SalaryFactor& a, const SalaryFactor& b) {
    return std::abs(a.usd_effect) > std::abs(b.usd_effect);
  });
  return estimate;
}

Status SalaryModel::Save(const std::string& dir) const {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return IoError("cannot create " + dir + ": " + error.message());
  const char* names[3] = {"p10.json", "p50.json", "p90.json"};
  for (int q = 0; q < 3; ++q) JS_RETURN_IF_ERROR(impl_->quantiles[q].Save(dir + "/" + names[q]));
  std::ofstream meta(dir + "/meta.tsv", std::ios::trunc);
  meta.precision(17);  // the margin must read back exactly
  meta << "# jobscope salary model: P10/P50/P90 XGBoost boosters on log annual USD, conformal margins (below, above)\n"
       << "# in log space by calibration group.\n"
       << "# generated by `jobscope salary train`, do not edit\n";
  meta << "format\t" << kFormatVersion << "\n";
  meta << "latest_year\t" << impl_->latest_year << "\n";
  const FeatureEncoder::Vocabulary& vocabulary = impl_->encoder.vocabulary();
  meta << "countries\t" << JoinStrings(vocabulary.countries, ",") << "\n";
  meta << "metros\t" << JoinStrings(vocabulary.metros, "\t") << "\n";
  meta << "skills\t" << JoinStrings(vocabulary.skills, "\t") << "\n";
  for (const auto& [cell, count] : impl_->cell_counts) meta << "cell\t" << cell << "\t" << count << "\n";
  for (const auto& [group, margin] : impl_->margins) {
    meta << "margins\t" << group << "\t" << margin.low << "\t" << margin.high << "\t" << margin.rows << "\n";
  }
  if (!meta) return IoError("cannot write " + dir + "/meta.tsv");
  return Status::Ok();
}

StatusOr<std::unique_ptr<SalaryModel>> SalaryModel::Load(const std::string& dir) {
  auto impl = std::make_unique<Impl>();
  int format = 0;
  FeatureEncoder::Vocabulary vocabulary;
  JS_RETURN_IF_ERROR(ForEachTsvRow(dir + "/meta.tsv", [&](const TsvRow& row) -> Status {
    const auto& cols = row.fields;
    if (cols.size() < 2) return ParseError(row.where + ": expected key and value");
    if (cols[0] == "format")
      format = std::atoi(std::string(cols[1]).c_str());
    else if (cols[0] == "latest_year")
      impl->latest_year = std::atoi(std::string(cols[1]).c_str());
    else if (cols[0] == "countries") {
      for (std::string_view country : SplitOn(cols[1], ',')) vocabulary.countries.emplace_back(country);
    } else if (cols[0] == "metros" || cols[0] == "skills") {
      auto& list = cols[0] == "metros" ? vocabulary.metros : vocabulary.skills;
      for (size_t col = 1; col < cols.size(); ++col) {
        if (!cols[col].empty()) list.emplace_back(cols[col]);
      }
    } else if (cols[0] == "cell" && cols.size() == 3) {
      impl->cell_counts[std::string(cols[1])] = std::atoll(std::string(cols[2]).c_str());
    } else if (cols[0] == "margins" && cols.size() == 5) {
      impl->margins[std::string(cols[1])] = {std::atof(std::string(cols[2]).c_str()),
                                             std::atof(std::string(cols[3]).c_str()),
                                             std::atoll(std::string(cols[4]).c_str())};
    }
    return Status::Ok();
  }));
  if (format != kFormatVersion) {
    return ParseError(dir + "/meta.tsv: model format " + std::to_string(format) + ", this build reads " +
                      std::to_string(kFormatVersion) + " (retrain with `jobscope salary train`)");
  }
  impl->encoder = FeatureEncoder::FromVocabulary(std::move(vocabulary));
  for (const char* name : {"p10.json", "p50.json", "p90.json"}) {
    JS_ASSIGN_OR_RETURN(Booster booster, Booster::Load(dir + "/" + name));
    impl->quantiles.push_back(std::move(booster));
  }
  return std::unique_ptr<SalaryModel>(new SalaryModel(std::move(impl)));
}

}  // namespace jobscope::salary
