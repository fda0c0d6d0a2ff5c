#include <cstdlib>

#include "base/tsv.h"
#include "extract/extract.h"

namespace jobscope::extract {

StatusOr<CurrencyRates> CurrencyRates::Load(const std::string& path) {
  CurrencyRates rates;
  auto read_as_of = [&](std::string_view comment) {
    constexpr std::string_view kAsOf = "# as_of: ";
    if (comment.starts_with(kAsOf)) rates.as_of_ = std::string(comment.substr(kAsOf.size()));
  };
  JS_RETURN_IF_ERROR(ForEachTsvRow(
      path,
      [&](const TsvRow& row) -> Status {
        const auto& cols = row.fields;
        if (cols[0] == "currency") return Status::Ok();  // header row
        if (cols.size() < 2) return ParseError(row.where + ": expected currency, usd_per_unit");
        std::string number(cols[1]);
        char* end = nullptr;
        double value = std::strtod(number.c_str(), &end);
        if (end == number.c_str() || value <= 0)
          return ParseError(row.where + ", field usd_per_unit: not a positive number");
        rates.usd_per_unit_.emplace(std::string(cols[0]), value);
        return Status::Ok();
      },
      read_as_of));
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

std::string CurrencyOfCountry(std::string_view country_code) {
  static const std::map<std::string, std::string, std::less<>> kCurrencies = {
      {"US", "USD"}, {"CA", "CAD"}, {"GB", "GBP"}, {"AU", "AUD"}, {"NZ", "NZD"}, {"IN", "INR"}, {"CH", "CHF"},
      {"PL", "PLN"}, {"BR", "BRL"}, {"JP", "JPY"}, {"SG", "SGD"}, {"SE", "SEK"}, {"NO", "NOK"}, {"DK", "DKK"},
      {"MX", "MXN"}, {"ZA", "ZAR"}, {"HK", "HKD"}, {"IL", "ILS"}, {"CZ", "CZK"}, {"HU", "HUF"}, {"TR", "TRY"},
      {"PH", "PHP"}, {"TH", "THB"}, {"DE", "EUR"}, {"FR", "EUR"}, {"NL", "EUR"}, {"ES", "EUR"}, {"IT", "EUR"},
      {"IE", "EUR"}, {"AT", "EUR"}, {"BE", "EUR"}, {"FI", "EUR"}, {"PT", "EUR"}, {"LT", "EUR"}, {"GR", "EUR"},
      {"EE", "EUR"}, {"LV", "EUR"}, {"SK", "EUR"}, {"SI", "EUR"}, {"LU", "EUR"}};
  auto it = kCurrencies.find(country_code);
  return it == kCurrencies.end() ? "" : it->second;
}

}  // namespace jobscope::extract
