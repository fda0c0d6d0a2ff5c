// CSV round-trips: any fields written by FormatCsvRecord parse back to the same fields, however many
// quotes, delimiters and line breaks they hold, and records stay separate.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "text/text.h"

namespace jobscope::text {
namespace {

TEST(CsvProperties, FormattedRecordsRoundTrip) {
  rc::check([] {
    const auto alphabet = rc::gen::elementOf(std::string("ab,\"\n\r \t\xC3\xA9x1"));
    const auto field = rc::gen::container<std::string>(alphabet);
    const auto records = *rc::gen::nonEmpty(rc::gen::container<std::vector<std::vector<std::string>>>(
        rc::gen::nonEmpty(rc::gen::container<std::vector<std::string>>(field))));
    std::string text;
    for (const auto& record : records) text += FormatCsvRecord(record) + "\n";
    CsvParser parser(text);
    CsvRecord parsed;
    for (const auto& record : records) {
      RC_ASSERT(parser.Next(parsed));
      RC_ASSERT(parsed.error.empty());
      RC_ASSERT(parsed.fields == record);
    }
    RC_ASSERT(!parser.Next(parsed));
  });
}

}  // namespace
}  // namespace jobscope::text
