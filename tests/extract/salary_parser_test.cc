#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "extract/extract.h"

namespace jobscope::extract {
namespace {

CurrencyRates TestRates() { return CurrencyRates::FromMap({{"EUR", 1.1}, {"GBP", 1.25}, {"INR", 0.012}}, "2025"); }

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

// The shapes real pay strings take (tests/gold/README.md, "Pay strings"): amounts as stated, not annualised.
struct Expected {
  std::optional<double> min, max;
  std::string currency;
  SalaryPeriod period;
};

void ExpectPay(const std::optional<Salary>& salary, const Expected& expected, std::string_view text) {
  ASSERT_TRUE(salary.has_value()) << text;
  EXPECT_EQ(salary->min, expected.min) << text;
  EXPECT_EQ(salary->max, expected.max) << text;
  EXPECT_EQ(salary->currency, expected.currency) << text;
  EXPECT_EQ(salary->period, expected.period) << text;
}

void ExpectField(std::string_view text, const Expected& expected) {
  ExpectPay(ParseSalaryText(text, TestRates()).salary, expected, text);
}

void ExpectInText(std::string_view text, const Expected& expected) {
  ExpectPay(FindSalaryInText(text, TestRates()), expected, text);
}

constexpr SalaryPeriod kYear = SalaryPeriod::kYear;
constexpr SalaryPeriod kHour = SalaryPeriod::kHour;
constexpr SalaryPeriod kMonth = SalaryPeriod::kMonth;

TEST(SalaryGrammar, RangeConnectors) {
  ExpectField("$120k--$150k", {120000, 150000, "USD", kYear});
  ExpectField("$88,000 -- $96,000 per year", {88000, 96000, "USD", kYear});
  ExpectField("$70k ~ $80k", {70000, 80000, "USD", kYear});
  ExpectField("between $61 and $66 an hour", {61, 66, "USD", kHour});
}

TEST(SalaryGrammar, HourlyUnitOnEachSide) {
  ExpectField("$40/hr - $45/hr", {40, 45, "USD", kHour});
  ExpectField("$38hr-$44hr", {38, 44, "USD", kHour});
  ExpectField("$52 / hour to $58 / hour", {52, 58, "USD", kHour});
}

TEST(SalaryGrammar, ShorthandThousands) {
  ExpectField("$90-110k", {90000, 110000, "USD", kYear});
  ExpectField("$150-185K", {150000, 185000, "USD", kYear});
  // A first figure that drops its thousands.
  ExpectField("$95- $105,000", {95000, 105000, "USD", kYear});
  // Hourly figures keep their three digits.
  ExpectField("$125 - $140 per hour", {125, 140, "USD", kHour});
  // "K" after a figure already written out is a slip, not a thousand times more.
  ExpectField("$100,000K - $160,000", {100000, 160000, "USD", kYear});
}

TEST(SalaryGrammar, StrayAndGroupedDigits) {
  ExpectField("$142, 500", {142500, 142500, "USD", kYear});
  // A stray space elsewhere in a figure: before the comma, inside the first group, inside the last.
  ExpectField("$120 ,000 - $140,000", {120000, 140000, "USD", kYear});
  ExpectField("$1 20,000 - $140,000", {120000, 140000, "USD", kYear});
  ExpectField("$120,000 - $14 0,000", {120000, 140000, "USD", kYear});
  ExpectField("$120,0 00 per year", {120000, 120000, "USD", kYear});
  // Two figures side by side stay two: the second has no comma group to complete.
  ExpectField("$45 - $55 per hour", {45, 55, "USD", kHour});
  ExpectField("$128455.50 - $151210.75 / year", {128455.5, 151210.75, "USD", kYear});
}

// Pay every two weeks or twice a month is neither weekly nor monthly pay: 26 and 24 times a year.
TEST(SalaryGrammar, PayEveryTwoWeeksOrTwiceAMonth) {
  ExpectField("$3,000 bi-weekly", {3000, 3000, "USD", SalaryPeriod::kTwoWeeks});
  ExpectField("$3,000 - $3,500 biweekly", {3000, 3500, "USD", SalaryPeriod::kTwoWeeks});
  ExpectField("$4,000 semi-monthly", {4000, 4000, "USD", SalaryPeriod::kHalfMonth});
  ExpectInText("You will be paid $2,800 fortnightly.", {2800, 2800, "USD", SalaryPeriod::kTwoWeeks});
  ExpectField("$1,200 weekly", {1200, 1200, "USD", SalaryPeriod::kWeek});
  auto parsed = ParseSalaryText("$3,000 bi-weekly", TestRates());
  ASSERT_TRUE(parsed.salary.has_value());
  EXPECT_DOUBLE_EQ(*parsed.salary->annual_min_usd, 3000 * 26.0);
  parsed = ParseSalaryText("$4,000 semi-monthly", TestRates());
  ASSERT_TRUE(parsed.salary.has_value());
  EXPECT_DOUBLE_EQ(*parsed.salary->annual_min_usd, 4000 * 24.0);
  EXPECT_EQ(SalaryFromAmounts(3000, 3500, "USD", "biweekly", TestRates(), "").period, SalaryPeriod::kTwoWeeks);
}

TEST(SalaryGrammar, CurrencyAfterTheAmount) {
  ExpectField("120k-150k USD", {120000, 150000, "USD", kYear});
  ExpectField("50-60k EUR annually", {50000, 60000, "EUR", kYear});
  ExpectField("US Dollar (USD) 119,500", {119500, 119500, "USD", kYear});
  // A bare "$" is the other dollar the string names.
  ExpectField("$210,000 - $250,000/year (CAD)", {210000, 250000, "CAD", kYear});
  ExpectField("C$95,000 - $115,000", {95000, 115000, "CAD", kYear});
}

TEST(SalaryGrammar, BasePayWithExtrasBesideIt) {
  ExpectField("$150,000 - $180,000 + equity", {150000, 180000, "USD", kYear});
  ExpectField("$130k-$160k + bonus", {130000, 160000, "USD", kYear});
  ExpectInText("The base salary range is $140,000 - $170,000, plus an annual bonus and equity.",
               {140000, 170000, "USD", kYear});
  ExpectInText("-> $160-190k + 0.5-1% equity", {160000, 190000, "USD", kYear});
  ExpectInText("We offer $170,000-$300,000 cash, $20,000-$1,000,000 in equity.", {170000, 300000, "USD", kYear});
  ExpectInText("Salary up to $180k plus quarterly bonuses (5-15% of salary).", {std::nullopt, 180000, "USD", kYear});
}

TEST(SalaryGrammar, BoundsAndSeveralRanges) {
  ExpectField("81K+", {81000, std::nullopt, "", kYear});
  ExpectInText("MAX BILL RATE: $72", {std::nullopt, 72, "USD", kHour});
  ExpectInText("Pay by zone: $120,000 - $150,000 (Zone B) and $135,000 - $165,000 (Zone A).",
               {120000, 165000, "USD", kYear});
  ExpectInText("Base pay runs from $110,000/year in some markets up to $190,000/year in others.",
               {110000, 190000, "USD", kYear});
  // A different period is another way to say the same pay, not a wider range.
  ExpectInText("Target pay 38-52 per hour 80-110k annual", {38, 52, "", kHour});
}

TEST(SalaryGrammar, StatementsThatRunOn) {
  ExpectInText("Base salary for Boston is $150,000-$190,000; for other US locations, $135,000-$175,000.",
               {135000, 190000, "USD", kYear});
  ExpectInText("Pay: $29.50/hr. - $34/hr.", {29.5, 34, "USD", kHour});
  ExpectInText("Base salary $140k-$170k; total compensation $190k-$240k.", {140000, 170000, "USD", kYear});
  ExpectInText("Salary starts at $72,000 per year.", {72000, std::nullopt, "USD", kYear});
  ExpectInText("Pay rate not to exceed $52/hr.", {std::nullopt, 52, "USD", kHour});
  ExpectField(
      "\xE2\x82\xB9"
      "14,00,000 - "
      "\xE2\x82\xB9"
      "20,00,000 per annum",
      {1400000, 2000000, "INR", kYear});
}

TEST(SalaryGrammar, FiguresWithoutSignOrCode) {
  ExpectInText("Compensation: 145,000-175,000", {145000, 175000, "", kYear});
  ExpectInText("Salary range: 101,300 - 158,900", {101300, 158900, "", kYear});
  EXPECT_FALSE(FindSalaryInText("Our model reads 75,000 documents annually.", TestRates()));
  EXPECT_FALSE(FindSalaryInText("Required: 8+ years of experience; compensation is competitive.", TestRates()));
  EXPECT_FALSE(FindSalaryInText("Competitive salary, 401K match, health plans", TestRates()));
  ExpectInText("Compensation: 90-110K + equity", {90000, 110000, "", kYear});
  EXPECT_FALSE(FindSalaryInText("Salary: 50,000 + employees", TestRates()));
  EXPECT_FALSE(FindSalaryInText("Our salary data covers 25,000 + companies.", TestRates()));
}

TEST(SalaryGrammar, PeriodNamedAwayFromTheFigure) {
  ExpectInText("The hourly rate for this role is $21.40.", {21.40, 21.40, "USD", kHour});
  // "Hourly" in a heading that also covers salaries does not make six figures an hourly rate.
  ExpectInText("Salary/Hourly Rate for Austin applicants: $145,000 - $175,000", {145000, 175000, "USD", kYear});
}

TEST(SalaryGrammar, LoneFigureOnItsLine) {
  ExpectInText("Benefits below.\n$22.93\nApply now.", {22.93, 22.93, "USD", kHour});
  ExpectInText("Role - Data Ops Analyst - Client - $64", {64, 64, "USD", kHour});
}

// A lone figure in a sentence is pay when a wage's period is written onto it ("/hr", "/hour": right after a
// digit), not when a sign-led cue stands after a word, nor when a period is merely named in the sentence.
TEST(SalaryGrammar, LoneFigureWithAWagesPeriod) {
  ExpectInText("From $45/hr, paid weekly.", {45, std::nullopt, "USD", kHour});
  ExpectInText("This contract starts from $52/hour.", {52, std::nullopt, "USD", kHour});
  ExpectInText("The role pays $45 an hour.", {45, 45, "USD", kHour});
  ExpectInText("Contractors receive $600 a day.", {600, 600, "USD", SalaryPeriod::kDay});
  ExpectInText("Starting at $90,000 annually.", {90000, std::nullopt, "USD", kYear});
  EXPECT_FALSE(FindSalaryInText("Within a month you will manage a $400,000 portfolio.", TestRates()).has_value());
  ExpectInText("This role pays $95,000.", {95000, 95000, "USD", kYear});
  // What is billed, spent or worth so much by the hour, day or week is no wage; a verb of pay or a start
  // counts only right before the figure.
  for (const char* text :
       {"We bill clients $150 an hour.", "You will manage a $5,000 a week ad spend.",
        "We process $3,000 a day in refunds.", "A $400 a week gym membership.", "Housing valued at $500 a week.",
        "Pricing starting at $12,000 per seat.", "Contracts starting at $25,000.",
        "Your day starts at 9am and you will own a $250,000 book of business.",
        "The company pays for certifications, and you will manage a $300,000 portfolio.",
        "Pr\u00E9sents dans 30 pays, nous g\u00E9rons un portefeuille de 400 000 \u20AC."}) {
    EXPECT_FALSE(FindSalaryInText(text, TestRates()).has_value()) << text;
  }
  EXPECT_FALSE(FindSalaryInText("A stipend of $500/month for your home office.", TestRates()).has_value());
  EXPECT_FALSE(FindSalaryInText("Our Finance/HR team manages $3M of vendor contracts.", TestRates()).has_value());
  EXPECT_FALSE(FindSalaryInText("Within a year you will manage a $400,000 portfolio.", TestRates()).has_value());
  EXPECT_FALSE(FindSalaryInText("Our clients save $250,000 annually.", TestRates()).has_value());
  EXPECT_FALSE(
      FindSalaryInText("Paid parental leave: up to $20,000/year in childcare support.", TestRates()).has_value());
}

// Shapes of pay outside the US: Indian lakhs and crores, thousands grouped by spaces, and the period and range
// words of German, French, Spanish and Dutch postings.
TEST(SalaryGrammar, LakhsAndCroresAreRupees) {
  ExpectInText("Salary: 12-15 LPA", {1200000, 1500000, "INR", kYear});
  ExpectInText("Salary: Rs. 8 LPA - 12 LPA", {800000, 1200000, "INR", kYear});
  ExpectInText("CTC: INR 25 Lakhs - 35 Lakhs per annum", {2500000, 3500000, "INR", kYear});
  ExpectInText("Compensation: 1.2 crore per annum", {12000000, 12000000, "INR", kYear});
  ExpectField("Rs 6,00,000 - 9,00,000", {600000, 900000, "INR", kYear});
  // A fresher's pay in India is below the floor that keeps US perks out ("3.6 LPA" is about $4,300).
  ExpectInText("Salary: 3.6 LPA", {360000, 360000, "INR", kYear});
  // "Rs" heads no word ("Rsync" names no rupees), and "cr" ends none.
  ExpectInText("Salary: Rsync 120,000", {120000, 120000, "", kYear});
  EXPECT_FALSE(FindSalaryInText("Salary is paid after 30 credits of training.", TestRates()).has_value());
}

TEST(SalaryGrammar, ThousandsGroupedBySpaces) {
  ExpectInText("Base salary: 90 000 - 110 000 EUR", {90000, 110000, "EUR", kYear});
  ExpectInText("Salary: 1 200 000 - 1 500 000 INR per annum", {1200000, 1500000, "INR", kYear});
  ExpectInText("Salaire : 55\u00A0000 \u20AC par an", {55000, 55000, "EUR", kYear});
  ExpectInText("Salaire : 55\u202F000 \u20AC par an", {55000, 55000, "EUR", kYear});
  // Swiss postings group them by apostrophes.
  ExpectInText("CHF 120'000 - 140'000 per year", {120000, 140000, "CHF", kYear});
  ExpectInText("Salary: CHF 95\u2019000 to 110\u2019000", {95000, 110000, "CHF", kYear});
  // Not after a letter: a level code and then the range.
  ExpectInText("Compensation: IC3 150-200k", {150000, 200000, "", kYear});
  ExpectInText("Salary: L5 180 000 - 220 000 EUR", {180000, 220000, "EUR", kYear});
}

TEST(SalaryGrammar, PeriodAndRangeWordsOfOtherLanguages) {
  ExpectInText("Gehalt: 4.500 \u20AC brutto/Monat", {4500, 4500, "EUR", kMonth});
  ExpectInText("Gehalt: 60.000 bis 70.000 \u20AC pro Jahr", {60000, 70000, "EUR", kYear});
  ExpectInText("Salaire : 60 000 \u20AC \u00E0 70 000 \u20AC par an", {60000, 70000, "EUR", kYear});
  ExpectInText("Salario: 3.000 \u20AC por mes", {3000, 3000, "EUR", kMonth});
  ExpectInText("Salario: entre 30.000 y 40.000 \u20AC al a\u00F1o", {30000, 40000, "EUR", kYear});
  ExpectInText("Salary: \u20AC4.000 per maand", {4000, 4000, "EUR", kMonth});
}

TEST(SalaryGrammar, MoneyThatIsNotPay) {
  for (const char* text :
       {"Refer a friend and earn $500.", "$1,500 annual learning stipend",
        "We processed over $4.2 billion in payments last year.", "$1.85 quadrillion.",
        "Retirement: 401k match up to 5% of salary", "$750 home office credit",
        "Leidos reported annual revenues of about $12.4 billion.", "Up to $8,000 tuition assistance per year"}) {
    EXPECT_FALSE(FindSalaryInText(text, TestRates()).has_value()) << text;
  }
  EXPECT_FALSE(ParseSalaryText("-$50000", TestRates()).salary.has_value());
  EXPECT_FALSE(ParseSalaryText("$1", TestRates()).salary.has_value());
  EXPECT_FALSE(ParseSalaryText("$500 referral bonus", TestRates()).salary.has_value());
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
