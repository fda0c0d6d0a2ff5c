// Text and number formats the HTML report and its charts share: fixed formats only (no locale, no clock), so
// the same figures always print the same bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jobscope::report::internal {

// 12345 -> "12,345".
std::string FormatCount(int64_t value);
// 0.1234 -> "12.3%".
std::string FormatShare(double share);
// Annual USD as the UI prints it: "$152k", "$1.2M"; "—" when absent.
std::string FormatUsd(const std::optional<double>& usd);
// An SVG coordinate: one decimal.
std::string FormatCoordinate(double value);
// "ml_engineer" -> "ML engineer", as the web UI labels names.
std::string DisplayName(std::string_view name);
// At most `max_chars` code points of valid UTF-8 `text`, with "…" when cut.
std::string Truncate(std::string_view text, size_t max_chars);

}  // namespace jobscope::report::internal
