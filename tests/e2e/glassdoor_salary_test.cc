// Every value of Glassdoor's "Salary Estimate" column parses to a salary, or is marked not a salary with a
// reason.
#include <filesystem>

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "ingest/ingest.h"

namespace jobscope::e2e {
namespace {

TEST(GlassdoorSalaries, EveryEstimateParsesOrSaysWhyNot) {
  const std::string path = std::string(JOBSCOPE_SHARED_DATA_DIR) + "/glassdoor-ds-jobs/glassdoor_jobs.csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared data";
  auto rates = extract::CurrencyRates::Load(JOBSCOPE_SOURCE_DATA_DIR "/currency_rates.tsv");
  ASSERT_TRUE(rates.ok());
  auto reader = ingest::OpenReader(path, {});
  ASSERT_TRUE(reader.ok());
  ingest::SourceRecord record;
  int parsed = 0, not_salary = 0;
  while ((*reader)->Next(record)) {
    ASSERT_TRUE(record.posting.has_value()) << "row " << record.row << ": " << record.error_reason;
    const std::string& text = record.posting->salary_text;
    extract::SalaryParse parse = extract::ParseSalaryText(text, *rates);
    if (parse.salary) {
      ++parsed;
      ASSERT_TRUE(parse.salary->annual_min_usd.has_value()) << text;
      EXPECT_FALSE(extract::IsAbsurdAnnualUsd(*parse.salary->annual_min_usd)) << text;
      EXPECT_LE(*parse.salary->min, *parse.salary->max) << text;
      EXPECT_EQ(parse.salary->currency, "USD") << text;
    } else {
      ++not_salary;
      EXPECT_FALSE(parse.not_salary_reason.empty()) << "row " << record.row << ": '" << text << "'";
      EXPECT_EQ(text, "-1") << "only Glassdoor's -1 means no estimate";
    }
  }
  EXPECT_EQ(parsed + not_salary, 956);
  EXPECT_GT(parsed, 700);
}

}  // namespace
}  // namespace jobscope::e2e
