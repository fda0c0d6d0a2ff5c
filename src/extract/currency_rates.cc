#include <fstream>

#include "base/strings.h"
#include "extract/extract.h"

namespace jobscope::extract {

StatusOr<CurrencyRates> CurrencyRates::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return IoError("cannot read currency rates " + path);
  CurrencyRates rates;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    if (line[0] == '#') {
      constexpr std::string_view kAsOf = "# as_of: ";
      if (line.starts_with(kAsOf)) rates.as_of_ = line.substr(kAsOf.size());
      continue;
    }
    std::vector<std::string_view> cols = SplitOn(line, '\t');
    if (cols[0] == "currency") continue;
    if (cols.size() < 2) return ParseError(path + " line " + std::to_string(line_no) + ": expected currency, usd_per_unit");
    char* end = nullptr;
    std::string number(cols[1]);
    double value = std::strtod(number.c_str(), &end);
    if (end == number.c_str() || value <= 0) {
      return ParseError(path + " line " + std::to_string(line_no) + ", field usd_per_unit: not a positive number");
    }
    rates.usd_per_unit_.emplace(std::string(cols[0]), value);
  }
  rates.usd_per_unit_.emplace("USD", 1.0);
  return rates;
}

CurrencyRates CurrencyRates::FromMap(std::map<std::string, double> usd_per_unit, std::string as_of) {
  CurrencyRates rates;
  for (auto& [code, value] : usd_per_unit) rates.usd_per_unit_.emplace(code, value);
  rates.usd_per_unit_.emplace("USD", 1.0);
  rates.as_of_ = std::move(as_of);
  return rates;
}

std::optional<double> CurrencyRates::UsdPerUnit(std::string_view currency) const {
  auto it = usd_per_unit_.find(currency);
  if (it == usd_per_unit_.end()) return std::nullopt;
  return it->second;
}

}  // namespace jobscope::extract
