#include "cli/internal/format.h"

#include <cstdint>
#include <cstdio>

#include "json/json.h"

namespace jobscope::cli::internal {

nlohmann::json OptionalJson(const std::optional<double>& value) { return json::OptionalNumber(value); }

std::string ThousandsUsd(const std::optional<double>& usd) {
  if (!usd) return "-";
  return "$" + std::to_string(static_cast<int64_t>((*usd + 500) / 1000)) + "k";
}

void PrintMatrix(const char* title, const std::vector<std::string>& labels,
                 const std::vector<std::vector<int64_t>>& matrix) {
  std::printf("%s (rows: reference, columns: predicted)\n%16s", title, "");
  for (const auto& label : labels) std::printf(" %7.7s", label.c_str());
  std::printf("\n");
  for (size_t row = 0; row < labels.size() && row < matrix.size(); ++row) {
    std::printf("%16.16s", labels[row].c_str());
    for (int64_t cell : matrix[row]) std::printf(" %7lld", static_cast<long long>(cell));
    std::printf("\n");
  }
}

}  // namespace jobscope::cli::internal
