// Salary estimate latency on one core. Scenarios:
//   BM_SalaryEstimate   one Estimate() call (P10/P50/P90, calibration, factor contributions) on the shipped model
//   BM_SalaryModelLoad  loading the shipped model files (paid once per process)
#include <cstdlib>

#include <benchmark/benchmark.h>

#include "salary/salary.h"

namespace {

using namespace jobscope;

void BM_SalaryEstimate(benchmark::State& state) {
  auto model = salary::SalaryModel::Load(JOBSCOPE_SOURCE_DATA_DIR "/models/salary");
  if (!model.ok()) std::exit(1);
  salary::SalaryQuery query;
  query.role = Role::kMlEngineer;
  query.level = Level::kSenior;
  query.country = "US";
  for (auto _ : state) {
    auto estimate = (*model)->Estimate(query);
    benchmark::DoNotOptimize(estimate);
  }
}
BENCHMARK(BM_SalaryEstimate)->Unit(benchmark::kMicrosecond);

void BM_SalaryModelLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto model = salary::SalaryModel::Load(JOBSCOPE_SOURCE_DATA_DIR "/models/salary");
    benchmark::DoNotOptimize(model);
  }
}
BENCHMARK(BM_SalaryModelLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
