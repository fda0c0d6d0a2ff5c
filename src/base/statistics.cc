#include "base/statistics.h"

#include <algorithm>

namespace jobscope {

std::optional<double> Quantile(std::vector<double>& values, double q) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  double position = q * static_cast<double>(values.size() - 1);
  size_t lower = static_cast<size_t>(position);
  size_t upper = std::min(lower + 1, values.size() - 1);
  return values[lower] + (values[upper] - values[lower]) * (position - static_cast<double>(lower));
}

double Median(std::vector<double> values) { return Quantile(values, 0.5).value_or(0); }

}  // namespace jobscope
