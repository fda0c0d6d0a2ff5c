#include "salary/internal/booster.h"

#include <algorithm>
#include <cmath>

#include <xgboost/c_api.h>

namespace jobscope::salary::internal {
namespace {

Status XgbError(const char* what) { return Internal(std::string("xgboost: ") + what + ": " + XGBGetLastError()); }

}  // namespace

StatusOr<Matrix> Matrix::Create(const std::vector<float>& values, size_t rows, size_t cols,
                                const std::vector<float>& labels) {
  DMatrixHandle handle = nullptr;
  if (XGDMatrixCreateFromMat(values.data(), rows, cols, std::nanf(""), &handle) != 0) return XgbError("matrix");
  Matrix matrix;
  matrix.handle_ = std::shared_ptr<void>(handle, [](void* h) { XGDMatrixFree(h); });
  matrix.rows_ = rows;
  if (!labels.empty() && XGDMatrixSetFloatInfo(handle, "label", labels.data(), labels.size()) != 0) {
    return XgbError("labels");
  }
  return matrix;
}

StatusOr<Booster> Booster::Create(const Matrix& train, const BoosterParams& params) {
  DMatrixHandle dmats[] = {train.handle()};
  BoosterHandle handle = nullptr;
  if (XGBoosterCreate(dmats, 1, &handle) != 0) return XgbError("create");
  Booster booster;
  booster.handle_ = std::shared_ptr<void>(handle, [](void* h) { XGBoosterFree(h); });
  const std::string depth = std::to_string(params.max_depth);
  const std::string eta = std::to_string(params.learning_rate);
  const std::string seed = std::to_string(params.seed);
  const std::pair<const char*, const char*> settings[] = {
      {"tree_method", "hist"}, {"max_depth", depth.c_str()}, {"eta", eta.c_str()},      {"seed", seed.c_str()},
      {"nthread", "1"},        {"verbosity", "0"},           {"min_child_weight", "5"}, {"subsample", "1"}};
  for (const auto& [key, value] : settings) {
    if (XGBoosterSetParam(handle, key, value) != 0) return XgbError(key);
  }
  return booster;
}

StatusOr<Booster> Booster::TrainSquared(const Matrix& train, const std::vector<float>& labels,
                                        const BoosterParams& params) {
  JS_ASSIGN_OR_RETURN(Booster booster, Create(train, params));
  XGBoosterSetParam(booster.handle_.get(), "objective", "reg:squarederror");
  double mean = 0;
  for (float label : labels) mean += label;
  mean /= std::max<size_t>(1, labels.size());
  XGBoosterSetParam(booster.handle_.get(), "base_score", std::to_string(mean).c_str());
  for (int round = 0; round < params.rounds; ++round) {
    if (XGBoosterUpdateOneIter(booster.handle_.get(), round, train.handle()) != 0) return XgbError("update");
  }
  return booster;
}

StatusOr<Booster> Booster::TrainQuantile(const Matrix& train, const std::vector<float>& labels, double q,
                                         const BoosterParams& params) {
  JS_ASSIGN_OR_RETURN(Booster booster, Create(train, params));
  // Start from the labels' own quantile, so the first trees fit the shape, not the level.
  std::vector<float> sorted = labels;
  std::sort(sorted.begin(), sorted.end());
  float start = sorted.empty() ? 0.0f : sorted[static_cast<size_t>(q * static_cast<double>(sorted.size() - 1))];
  XGBoosterSetParam(booster.handle_.get(), "base_score", std::to_string(start).c_str());
  XGBoosterSetParam(booster.handle_.get(), "objective", "reg:squarederror");  // replaced by our gradients
  std::vector<float> grad(labels.size()), hess(labels.size(), 1.0f);
  for (int round = 0; round < params.rounds; ++round) {
    bst_ulong length = 0;
    const float* predictions = nullptr;
    if (XGBoosterPredict(booster.handle_.get(), train.handle(), 0, 0, 1, &length, &predictions) != 0) {
      return XgbError("predict");
    }
    for (size_t row = 0; row < labels.size(); ++row) {
      grad[row] = labels[row] > predictions[row] ? static_cast<float>(-q) : static_cast<float>(1 - q);
    }
    if (XGBoosterBoostOneIter(booster.handle_.get(), train.handle(), grad.data(), hess.data(), grad.size()) != 0) {
      return XgbError("boost");
    }
  }
  return booster;
}

StatusOr<Booster> Booster::Load(const std::string& path) {
  BoosterHandle handle = nullptr;
  if (XGBoosterCreate(nullptr, 0, &handle) != 0) return XgbError("create");
  Booster booster;
  booster.handle_ = std::shared_ptr<void>(handle, [](void* h) { XGBoosterFree(h); });
  if (XGBoosterLoadModel(handle, path.c_str()) != 0)
    return IoError("cannot load model " + path + ": " + XGBGetLastError());
  XGBoosterSetParam(handle, "nthread", "1");
  return booster;
}

Status Booster::Save(const std::string& path) const {
  if (XGBoosterSaveModel(handle_.get(), path.c_str()) != 0) return IoError("cannot save model " + path);
  return Status::Ok();
}

StatusOr<std::vector<float>> Booster::Predict(const Matrix& data) const {
  bst_ulong length = 0;
  const float* out = nullptr;
  if (XGBoosterPredict(handle_.get(), data.handle(), 0, 0, 0, &length, &out) != 0) return XgbError("predict");
  return std::vector<float>(out, out + length);
}

StatusOr<std::vector<float>> Booster::Contributions(const Matrix& data) const {
  bst_ulong length = 0;
  const float* out = nullptr;
  if (XGBoosterPredict(handle_.get(), data.handle(), 4, 0, 0, &length, &out) != 0) return XgbError("contributions");
  return std::vector<float>(out, out + length);
}

}  // namespace jobscope::salary::internal
