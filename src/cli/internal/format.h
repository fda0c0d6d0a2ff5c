// Small formatting helpers every command's output shares.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace jobscope::cli::internal {

// A number, or JSON null when absent.
nlohmann::json OptionalJson(const std::optional<double>& value);
// Annual USD rounded to thousands: "$113k"; "-" when absent.
std::string ThousandsUsd(const std::optional<double>& usd);

}  // namespace jobscope::cli::internal
