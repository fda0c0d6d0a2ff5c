#include <gtest/gtest.h>

#include "extract/extract.h"

namespace jobscope::extract {
namespace {

CurrencyRates TestRates() { return CurrencyRates::FromMap({{"EUR", 1.1}, {"GBP", 1.25}}, "2025"); }

TEST(SalaryFromAmounts, AnnualisesStructuredJobSpyFields) {
  Salary salary = SalaryFromAmounts(50, 60, "usd", "hourly", TestRates(), "");
  EXPECT_EQ(salary.currency, "USD");
  EXPECT_EQ(salary.period, SalaryPeriod::kHour);
  EXPECT_DOUBLE_EQ(*salary.annual_min_usd, 50 * 2080.0);
  EXPECT_DOUBLE_EQ(*salary.annual_max_usd, 60 * 2080.0);
  EXPECT_EQ(salary.source, SalarySource::kStructured);
}

TEST(SalaryFromAmounts, SwapsReversedBoundsAndConvertsCurrency) {
  Salary salary = SalaryFromAmounts(7000, 5000, "EUR", "monthly", TestRates(), "");
  EXPECT_DOUBLE_EQ(*salary.min, 5000);
  EXPECT_DOUBLE_EQ(*salary.annual_min_usd, 5000 * 12 * 1.1);
}

TEST(SalaryFromAmounts, UnknownCurrencyIsFlaggedNotConverted) {
  Salary salary = SalaryFromAmounts(100000, 120000, "XYZ", "yearly", TestRates(), "");
  EXPECT_TRUE(salary.currency_unknown);
  EXPECT_FALSE(salary.annual_min_usd.has_value());
}

TEST(Salary, AbsurdBounds) {
  EXPECT_TRUE(IsAbsurdAnnualUsd(12));
  EXPECT_TRUE(IsAbsurdAnnualUsd(9e9));
  EXPECT_FALSE(IsAbsurdAnnualUsd(85000));
}

TEST(CurrencyRates, ShippedTableLoadsAndKnowsTheMainCurrencies) {
  auto rates = CurrencyRates::Load(JOBSCOPE_SOURCE_DATA_DIR "/currency_rates.tsv");
  ASSERT_TRUE(rates.ok()) << rates.status().ToString();
  EXPECT_EQ(*rates->UsdPerUnit("USD"), 1.0);
  for (const char* code : {"EUR", "GBP", "CAD", "INR"}) {
    ASSERT_TRUE(rates->UsdPerUnit(code).has_value()) << code;
    EXPECT_GT(*rates->UsdPerUnit(code), 0.0);
  }
  EXPECT_FALSE(rates->UsdPerUnit("XYZ").has_value());
  EXPECT_FALSE(rates->as_of().empty());
}

TEST(CurrencyRates, BadFileNamesTheLine) {
  auto rates = CurrencyRates::Load("/nonexistent/rates.tsv");
  EXPECT_EQ(rates.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace jobscope::extract
