// A thin RAII wrapper over the XGBoost C API: dense matrices, boosters trained with a built-in objective or
// with the pinball (quantile) loss supplied as gradients, predictions, per-feature contributions, and JSON
// model files. XGBoost 1.7 has no built-in quantile objective, hence the custom one.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace jobscope::salary::internal {

class Matrix {
 public:
  // `values` row-major, rows x cols; NaN is missing. `labels` may be empty.
  static StatusOr<Matrix> Create(const std::vector<float>& values, size_t rows, size_t cols,
                                 const std::vector<float>& labels);
  void* handle() const { return handle_.get(); }
  size_t rows() const { return rows_; }

 private:
  std::shared_ptr<void> handle_;
  size_t rows_ = 0;
};

struct BoosterParams {
  int rounds = 300;
  double learning_rate = 0.05;
  int max_depth = 5;
  uint64_t seed = 17;
};

class Booster {
 public:
  // Squared error on the labels.
  static StatusOr<Booster> TrainSquared(const Matrix& train, const std::vector<float>& labels,
                                        const BoosterParams& params);
  // Pinball loss at quantile q in (0, 1): gradient -q above the prediction, 1-q below, unit hessian.
  static StatusOr<Booster> TrainQuantile(const Matrix& train, const std::vector<float>& labels, double q,
                                         const BoosterParams& params);
  static StatusOr<Booster> Load(const std::string& path);
  Status Save(const std::string& path) const;

  StatusOr<std::vector<float>> Predict(const Matrix& data) const;
  // Per-feature contributions (SHAP values) for each row: rows x (cols + 1), the last being the bias.
  StatusOr<std::vector<float>> Contributions(const Matrix& data) const;

 private:
  static StatusOr<Booster> Create(const Matrix& train, const BoosterParams& params);
  std::shared_ptr<void> handle_;
};

}  // namespace jobscope::salary::internal
