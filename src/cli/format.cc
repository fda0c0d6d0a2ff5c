#include "cli/internal/format.h"

#include <cstdint>

namespace jobscope::cli::internal {

nlohmann::json OptionalJson(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::string ThousandsUsd(const std::optional<double>& usd) {
  if (!usd) return "-";
  return "$" + std::to_string(static_cast<int64_t>((*usd + 500) / 1000)) + "k";
}

}  // namespace jobscope::cli::internal
