#include <gtest/gtest.h>

#include "text/text.h"

namespace jobscope::text {
namespace {

std::vector<CsvRecord> ParseAll(std::string_view text) {
  CsvParser parser(text);
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (parser.Next(record)) records.push_back(record);
  return records;
}

TEST(CsvParser, QuotedFieldsWithCommasQuotesAndNewlines) {
  auto records = ParseAll("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\r\nlast,row");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"\nthere"}));
  EXPECT_EQ(records[1].first_line, 2);
  EXPECT_EQ(records[2].first_line, 4);
  EXPECT_TRUE(records[2].error.empty());
}

TEST(CsvParser, TextAfterAClosingQuoteIsReported) {
  auto records = ParseAll("h1,h2\n\"ok\"junk,2\nnext,3\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_NE(records[1].error.find("broken quoting"), std::string::npos);
  EXPECT_EQ(records[2].fields, (std::vector<std::string>{"next", "3"}));
}

TEST(CsvParser, AnUnclosedQuoteLosesOnlyItsOwnLine) {
  auto records = ParseAll("h1,h2\n\"never closed,1\nkept,2\nalso kept,3\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_NE(records[1].error.find("never closed"), std::string::npos);
  EXPECT_EQ(records[1].raw, "\"never closed,1");
  EXPECT_EQ(records[2].fields, (std::vector<std::string>{"kept", "2"}));
  EXPECT_EQ(records[3].fields, (std::vector<std::string>{"also kept", "3"}));
  EXPECT_EQ(records[3].first_line, 4);
}

TEST(CsvParser, KeepsEachRecordsRawBytes) {
  auto records = ParseAll("a,\"b\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].raw, "a,\"b\"");
}

TEST(CsvParser, TabDelimited) {
  CsvParser parser(std::string_view("a\tb c\n"), '\t');
  CsvRecord record;
  ASSERT_TRUE(parser.Next(record));
  EXPECT_EQ(record.fields, (std::vector<std::string>{"a", "b c"}));
}

}  // namespace
}  // namespace jobscope::text
