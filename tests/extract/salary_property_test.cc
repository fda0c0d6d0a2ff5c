// Properties of salary normalisation: annualising is multiplication by the period's count and the rate,
// bounds stay ordered, and a range written as text parses back to the numbers that wrote it.
#include <cmath>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "extract/extract.h"

namespace jobscope::extract {
namespace {

const std::vector<std::pair<SalaryPeriod, std::string>> kPeriods = {{SalaryPeriod::kHour, "per hour"},
                                                                    {SalaryPeriod::kDay, "per day"},
                                                                    {SalaryPeriod::kWeek, "per week"},
                                                                    {SalaryPeriod::kMonth, "per month"},
                                                                    {SalaryPeriod::kYear, "per year"}};

TEST(SalaryProperties, AnnualisationMultipliesByPeriodAndRate) {
  CurrencyRates rates = CurrencyRates::FromMap({{"EUR", 1.1}, {"GBP", 1.25}}, "test");
  rc::check([&] {
    const auto period = *rc::gen::elementOf(kPeriods);
    const std::string currency = *rc::gen::element<std::string>("USD", "EUR", "GBP");
    const double low = *rc::gen::inRange(1, 500000);
    const double high = low + *rc::gen::inRange(0, 500000);
    Salary salary;
    salary.min = low;
    salary.max = high;
    salary.currency = currency;
    salary.period = period.first;
    Annualise(salary, rates);
    double factor = PeriodsPerYear(period.first) * *rates.UsdPerUnit(currency);
    RC_ASSERT(std::abs(*salary.annual_min_usd - low * factor) < 1e-6 * (1 + low * factor));
    RC_ASSERT(*salary.annual_min_usd <= *salary.annual_max_usd);
  });
}

TEST(SalaryProperties, WrittenRangesParseBack) {
  CurrencyRates rates = CurrencyRates::FromMap({}, "test");
  rc::check([&] {
    const auto period = *rc::gen::elementOf(kPeriods);
    const int low = *rc::gen::inRange(10, 400000);
    const int high = low + *rc::gen::inRange(0, 100000);
    const bool commas = *rc::gen::arbitrary<bool>();
    auto write = [&](int value) {
      std::string digits = std::to_string(value);
      if (!commas) return digits;
      std::string grouped;
      for (size_t idx = 0; idx < digits.size(); ++idx) {
        if (idx > 0 && (digits.size() - idx) % 3 == 0) grouped += ',';
        grouped += digits[idx];
      }
      return grouped;
    };
    std::string text = "$" + write(low) + " - $" + write(high) + " " + period.second;
    SalaryParse parse = ParseSalaryText(text, rates);
    RC_ASSERT(parse.salary.has_value());
    RC_ASSERT(*parse.salary->min == low);
    RC_ASSERT(*parse.salary->max == high);
    RC_ASSERT(parse.salary->period == period.first);
    RC_ASSERT(parse.salary->currency == std::string("USD"));
  });
}

}  // namespace
}  // namespace jobscope::extract
