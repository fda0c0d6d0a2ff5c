// Small formatting helpers every command's output shares.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace jobscope::cli::internal {

// A number, or JSON null when absent.
nlohmann::json OptionalJson(const std::optional<double>& value);
// A confusion matrix: a title line, then one row per label (rows: reference, columns: predicted).
void PrintMatrix(const char* title, const std::vector<std::string>& labels,
                 const std::vector<std::vector<int64_t>>& matrix);
// Annual USD rounded to thousands: "$113k"; "-" when absent.
std::string ThousandsUsd(const std::optional<double>& usd);

}  // namespace jobscope::cli::internal
