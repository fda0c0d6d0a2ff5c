// Salary evaluation on full-time survey rows, two splits, the model against three baselines in one run.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

#include "base/statistics.h"
#include "salary/internal/booster.h"
#include "salary/internal/features.h"
#include "salary/salary.h"

namespace jobscope::salary {
namespace {

double QuantileOf(std::vector<double> values, double q) { return Quantile(values, q).value_or(0); }

// Scores P50 (and the interval, when given) against the test rows' pay.
MethodMetrics Score(std::string method, const std::vector<SalaryRecord>& test,
                    const std::vector<std::array<double, 3>>& predictions, bool has_interval) {
  MethodMetrics metrics;
  metrics.method = std::move(method);
  std::vector<double> errors, percentage_errors, widths;
  size_t covered = 0;
  for (size_t row = 0; row < test.size(); ++row) {
    double y = test[row].salary_usd;
    const auto& p = predictions[row];
    errors.push_back(std::abs(p[1] - y));
    percentage_errors.push_back(std::abs(p[1] - y) / y);
    widths.push_back(p[2] - p[0]);
    covered += (y >= p[0] && y <= p[2]) ? 1 : 0;
  }
  metrics.mae =
      std::accumulate(errors.begin(), errors.end(), 0.0) / static_cast<double>(std::max<size_t>(1, test.size()));
  metrics.median_ape = Median(percentage_errors);
  if (has_interval) {
    metrics.coverage = static_cast<double>(covered) / static_cast<double>(std::max<size_t>(1, test.size()));
    metrics.median_width = Median(widths);
  }
  return metrics;
}

// Median (and P10/P90) pay of the first cell, coarsest last, with at least `min_rows` training rows.
class CellBaseline {
 public:
  using KeyFn = std::function<std::vector<std::string>(const SalaryRecord&)>;
  CellBaseline(const std::vector<SalaryRecord>& train, KeyFn keys, size_t min_rows)
      : keys_(std::move(keys)), min_rows_(min_rows) {
    for (const SalaryRecord& record : train) {
      for (const std::string& key : keys_(record)) cells_[key].push_back(record.salary_usd);
      all_.push_back(record.salary_usd);
    }
  }
  std::array<double, 3> Predict(const SalaryRecord& record) const {
    for (const std::string& key : keys_(record)) {
      auto it = cells_.find(key);
      if (it != cells_.end() && it->second.size() >= min_rows_) {
        return {QuantileOf(it->second, 0.1), QuantileOf(it->second, 0.5), QuantileOf(it->second, 0.9)};
      }
    }
    return {QuantileOf(all_, 0.1), QuantileOf(all_, 0.5), QuantileOf(all_, 0.9)};
  }

 private:
  KeyFn keys_;
  size_t min_rows_;
  std::map<std::string, std::vector<double>> cells_;
  std::vector<double> all_;
};

StatusOr<Evaluation> EvaluateSplit(std::string name, const std::vector<SalaryRecord>& train,
                                   const std::vector<SalaryRecord>& test, const TrainOptions& options) {
  Evaluation evaluation;
  evaluation.split = std::move(name);
  evaluation.train_rows = train.size();
  evaluation.test_rows = test.size();
  auto started = std::chrono::steady_clock::now();
  JS_ASSIGN_OR_RETURN(auto model, SalaryModel::Train(train, options));
  evaluation.train_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  JS_ASSIGN_OR_RETURN(auto calibrated, model->Predict(test, true));
  JS_ASSIGN_OR_RETURN(auto uncalibrated, model->Predict(test, false));
  evaluation.methods.push_back(Score("quantile GBDT + conformal (jobscope)", test, calibrated, true));
  evaluation.methods.push_back(Score("quantile GBDT, uncalibrated", test, uncalibrated, true));
  if (std::any_of(train.begin(), train.end(), [](const SalaryRecord& r) { return r.from_posting; })) {
    TrainOptions survey_features = options;
    survey_features.posting_features = false;
    JS_ASSIGN_OR_RETURN(auto plain, SalaryModel::Train(train, survey_features));
    JS_ASSIGN_OR_RETURN(auto plain_predictions, plain->Predict(test, true));
    evaluation.methods.push_back(
        Score("quantile GBDT + conformal, without metro and skills", test, plain_predictions, true));
  }

  auto level_key = [](const SalaryRecord& r) { return std::vector<std::string>{std::string(LevelName(r.level))}; };
  CellBaseline by_level(train, level_key, 1);
  auto cell_keys = [](const SalaryRecord& r) {
    std::string level(LevelName(r.level));
    return std::vector<std::string>{level + "|" + r.country + "|" + std::string(RoleName(r.role)),
                                    level + "|" + r.country, level};
  };
  CellBaseline by_cell(train, cell_keys, 20);
  std::vector<std::array<double, 3>> level_predictions, cell_predictions;
  for (const SalaryRecord& record : test) {
    level_predictions.push_back(by_level.Predict(record));
    cell_predictions.push_back(by_cell.Predict(record));
  }
  evaluation.methods.push_back(Score("median by level", test, level_predictions, true));
  evaluation.methods.push_back(
      Score("median by level x country x role (fallback < 20 rows)", test, cell_predictions, true));

  // XGBoost, squared error on log salary: the same features, the usual regression.
  internal::FeatureEncoder encoder = internal::FeatureEncoder::Fit(train, 30, options.posting_features);
  std::vector<float> values, labels, test_values;
  for (const SalaryRecord& record : train) {
    encoder.Encode(record, values);
    labels.push_back(static_cast<float>(std::log(record.salary_usd)));
  }
  for (const SalaryRecord& record : test) encoder.Encode(record, test_values);
  JS_ASSIGN_OR_RETURN(auto train_matrix, internal::Matrix::Create(values, train.size(), encoder.width(), labels));
  JS_ASSIGN_OR_RETURN(auto test_matrix, internal::Matrix::Create(test_values, test.size(), encoder.width(), {}));
  internal::BoosterParams params{options.rounds, options.learning_rate, options.max_depth, options.seed};
  JS_ASSIGN_OR_RETURN(auto squared, internal::Booster::TrainSquared(train_matrix, labels, params));
  JS_ASSIGN_OR_RETURN(auto log_predictions, squared.Predict(test_matrix));
  std::vector<std::array<double, 3>> squared_predictions;
  for (float value : log_predictions) squared_predictions.push_back({0, std::exp(value), 0});
  evaluation.methods.push_back(Score("XGBoost squared error on log salary", test, squared_predictions, false));
  return evaluation;
}

}  // namespace

StatusOr<std::vector<Evaluation>> EvaluateSalaryModels(const std::vector<SalaryRecord>& records,
                                                       const std::vector<SalaryRecord>& postings,
                                                       const TrainOptions& options) {
  std::vector<SalaryRecord> full_time;
  for (const SalaryRecord& record : records) {
    if (record.full_time) full_time.push_back(record);
  }
  std::vector<Evaluation> evaluations;
  std::vector<SalaryRecord> train, test;
  int latest = 0;
  for (const SalaryRecord& record : full_time) latest = std::max(latest, record.year);
  for (const SalaryRecord& record : full_time) (record.year < latest ? train : test).push_back(record);
  JS_ASSIGN_OR_RETURN(Evaluation by_time, EvaluateSplit("time (train <= " + std::to_string(latest - 1) +
                                                            ", test = " + std::to_string(latest) + ")",
                                                        train, test, options));
  evaluations.push_back(std::move(by_time));

  std::vector<size_t> order(full_time.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed + 1);
  std::shuffle(order.begin(), order.end(), rng);
  train.clear();
  test.clear();
  for (size_t idx = 0; idx < order.size(); ++idx) {
    (idx < order.size() / 5 ? test : train).push_back(full_time[order[idx]]);
  }
  JS_ASSIGN_OR_RETURN(Evaluation random_split, EvaluateSplit("random 20%", train, test, options));
  evaluations.push_back(std::move(random_split));

  std::vector<SalaryRecord> paid;
  for (const SalaryRecord& record : postings) {
    if (record.full_time) paid.push_back(record);
  }
  if (paid.size() >= 50) {
    std::mt19937_64 posting_rng(options.seed + 2);
    std::shuffle(paid.begin(), paid.end(), posting_rng);
    train = full_time;
    test.assign(paid.begin(), paid.begin() + static_cast<long>(paid.size() / 5));
    train.insert(train.end(), paid.begin() + static_cast<long>(paid.size() / 5), paid.end());
    JS_ASSIGN_OR_RETURN(Evaluation posting_split,
                        EvaluateSplit("postings 20% (train: survey + other postings)", train, test, options));
    evaluations.push_back(std::move(posting_split));
  }
  return evaluations;
}

}  // namespace jobscope::salary
