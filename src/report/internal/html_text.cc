#include "report/internal/html_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace jobscope::report::internal {

std::string FormatCount(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (size_t idx = 0; idx < digits.size(); ++idx) {
    if (idx > 0 && (digits.size() - idx) % 3 == 0) out += ',';
    out += digits[idx];
  }
  return value < 0 ? "-" + out : out;
}

std::string FormatShare(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", 100 * share);
  return buffer;
}

std::string FormatUsd(const std::optional<double>& usd) {
  if (!usd || !std::isfinite(*usd)) return "—";
  char buffer[48];
  if (std::fabs(*usd) >= 1e6) {
    std::snprintf(buffer, sizeof buffer, "$%.1fM", *usd / 1e6);
  } else {
    std::snprintf(buffer, sizeof buffer, "$%lldk", static_cast<long long>(std::llround(*usd / 1000)));
  }
  return buffer;
}

std::string FormatCoordinate(double value) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string out = buffer;
  if (out == "-0.0") out = "0.0";
  return out;
}

std::string DisplayName(std::string_view name) {
  std::string out;
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('_', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view word = name.substr(start, end - start);
    if (!out.empty()) out += ' ';
    if (word == "ml")
      out += "ML";
    else if (word == "ai")
      out += "AI";
    else if (word == "nlp")
      out += "NLP";
    else if (word == "mlops")
      out += "MLOps";
    else
      out += word;
    start = end + 1;
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string Truncate(std::string_view text, size_t max_chars) {
  max_chars = std::max<size_t>(max_chars, 2);
  size_t chars = 0, cut = text.size();
  for (size_t idx = 0; idx < text.size(); ++idx) {
    if ((static_cast<unsigned char>(text[idx]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (chars == max_chars - 1 && cut == text.size()) cut = idx;
    if (++chars > max_chars) return std::string(text.substr(0, cut)) + "…";
  }
  return std::string(text);
}

}  // namespace jobscope::report::internal
