#include <gtest/gtest.h>

#include "ingest/ingest.h"

namespace jobscope::ingest {
namespace {

std::vector<SourceRecord> ReadAll(const std::string& csv, const ReaderOptions& options = {}) {
  auto reader = CsvReaderFromString(csv, "test.csv", options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  std::vector<SourceRecord> records;
  if (!reader.ok()) return records;
  SourceRecord record;
  while ((*reader)->Next(record)) records.push_back(record);
  return records;
}

TEST(CsvReader, DetectsLinkedInColumns) {
  auto reader = CsvReaderFromString(
      "\xEF\xBB\xBF\"title\",\"location\",\"publishedAt\",\"companyName\",\"description\",\"applicationsCount\","
      "\"contractType\",\"experienceLevel\",\"workType\",\"sector\"\n"
      "\"AI Engineer\",\"New York, NY\",\"2024-05-29\",\"Wesper\",\"Build ML.\",\"10\",\"Full-time\",\"Mid-Senior "
      "level\","
      "\"Remote\",\"Tech\"\n",
      "linkedin.csv", {});
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->layout(), "linkedin");
  SourceRecord record;
  ASSERT_TRUE((*reader)->Next(record));
  ASSERT_TRUE(record.posting.has_value()) << record.error_reason;
  EXPECT_EQ(record.posting->title, "AI Engineer");
  EXPECT_EQ(record.posting->company, "Wesper");
  EXPECT_EQ(record.posting->date_posted, "2024-05-29");
  EXPECT_EQ(record.posting->experience_level, "Mid-Senior level");
  EXPECT_EQ(record.posting->work_type, "Remote");
  EXPECT_EQ(record.posting->source, "linkedin");
}

TEST(CsvReader, ReadsWindows1252FieldsAndKeepsTheRecord) {
  // "Eb\xE8ne" and "Z\xFCrich" as a spreadsheet tool writes them in Windows-1252; the next row is UTF-8.
  auto records = ReadAll("title,location\nData Analyst,\"Eb\xE8ne, Mauritius\"\nData Engineer,Z\xC3\xBCrich\n");
  ASSERT_EQ(records.size(), 2u);
  ASSERT_TRUE(records[0].posting.has_value()) << records[0].error_reason;
  EXPECT_EQ(records[0].posting->location, "Eb\xC3\xA8ne, Mauritius");
  EXPECT_TRUE(records[0].transcoded);
  ASSERT_TRUE(records[1].posting.has_value());
  EXPECT_FALSE(records[1].transcoded);
}

TEST(CsvReader, QuarantinesBytesNoEncodingExplains) {
  auto records = ReadAll("title,location\nData Analyst,Bad\x81place\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0].posting.has_value());
  EXPECT_NE(records[0].error_reason.find("invalid UTF-8"), std::string::npos);
}

TEST(CsvReader, AiJobsListingsArePaidInUsDollars) {
  auto records = ReadAll(
      "Company,Job Title,Location,Job Type,Experience level,Salary,Requirment of the company ,Facilities\n"
      "Acme,Data Scientist,\"Porto, Portugal\",Full Time,Mid-level, 61K+ *,\"Python,SQL\",\",,\"\n");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].posting.has_value()) << records[0].error_reason;
  EXPECT_EQ(records[0].posting->salary_currency, "USD");
  EXPECT_EQ(records[0].posting->salary_text, "61K+ *");
}

TEST(CsvReader, DetectsJobSpyColumnsWithStructuredPay) {
  auto records = ReadAll(
      "id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,"
      "min_amount,max_amount,currency,is_remote,job_level,description\n"
      "in-1,indeed,https://x/1,,ML Engineer,Acme,\"Austin, TX\",2025-01-02,fulltime,direct_data,yearly,"
      "150000,190000,USD,True,,**Python** and PyTorch\n");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].posting.has_value()) << records[0].error_reason;
  const RawPosting& posting = *records[0].posting;
  EXPECT_EQ(posting.source, "indeed");
  EXPECT_EQ(posting.source_id, "in-1");
  EXPECT_EQ(*posting.salary_min, 150000);
  EXPECT_EQ(posting.salary_interval, "yearly");
  EXPECT_EQ(posting.is_remote, true);
}

TEST(CsvReader, GlassdoorCompanyLosesItsRatingLine) {
  auto records = ReadAll(
      ",Job Title,Salary Estimate,Job Description,Rating,Company Name,Location\n"
      "0,Data Scientist,$53K-$91K (Glassdoor est.),Text,3.8,\"Tecolote Research\n3.8\",\"Albuquerque, NM\"\n");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].posting.has_value());
  EXPECT_EQ(records[0].posting->company, "Tecolote Research");
  EXPECT_EQ(records[0].posting->salary_text, "$53K-$91K (Glassdoor est.)");
}

TEST(CsvReader, BadRowsCarryRowFieldAndReason) {
  auto records = ReadAll(
      "title,company,salary_min\n"
      ",Acme,1\n"
      "Engineer,Acme\n"
      "Engin\x81"
      "er,Acme,1\n"
      "Engineer,Acme,lots\n"
      "Fine,Acme,100000\n");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[0].row, 1);
  EXPECT_EQ(records[0].error_field, "title");
  EXPECT_EQ(records[0].error_reason, "missing title");
  EXPECT_NE(records[1].error_reason.find("expected 3 fields, found 2"), std::string::npos);
  EXPECT_EQ(records[2].error_field, "title");
  EXPECT_NE(records[2].error_reason.find("invalid UTF-8"), std::string::npos);
  // An unusable pay amount keeps the posting, without its pay, and says why.
  ASSERT_TRUE(records[3].posting.has_value()) << records[3].error_reason;
  EXPECT_FALSE(records[3].posting->salary_min.has_value());
  EXPECT_EQ(records[3].pay_field, "salary_min");
  EXPECT_NE(records[3].pay_note.find("not a number"), std::string::npos);
  EXPECT_TRUE(records[4].posting.has_value());
  EXPECT_EQ(records[4].row, 5);
  EXPECT_EQ(records[2].raw,
            "Engin\x81"
            "er,Acme,1");  // kept as read
}

TEST(CsvReader, ColumnMapOverridesAndValidates) {
  ReaderOptions options;
  options.column_map["Posting Name"] = "title";
  options.column_map["Blurb"] = "description";
  auto records = ReadAll("Posting Name,Blurb\nML Lead,Python\n", options);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].posting.has_value());
  EXPECT_EQ(records[0].posting->title, "ML Lead");
  EXPECT_EQ(records[0].posting->description, "Python");

  ReaderOptions unknown_field;
  unknown_field.column_map["Blurb"] = "blurb";
  EXPECT_EQ(CsvReaderFromString("Blurb\nx\n", "t.csv", unknown_field).status().code(), StatusCode::kInvalidArgument);
  ReaderOptions unknown_column;
  unknown_column.column_map["Nope"] = "title";
  EXPECT_EQ(CsvReaderFromString("Blurb\nx\n", "t.csv", unknown_column).status().code(), StatusCode::kInvalidArgument);
}

TEST(CsvReader, EmptyInputHasNoHeader) {
  EXPECT_EQ(CsvReaderFromString("", "empty.csv", {}).status().code(), StatusCode::kParseError);
}

}  // namespace
}  // namespace jobscope::ingest

namespace jobscope::ingest {
namespace {

std::string Utf16(std::string_view ascii_or_utf8, bool little, bool bom) {
  std::string out = bom ? (little ? "\xFF\xFE" : "\xFE\xFF") : "";
  for (size_t idx = 0; idx < ascii_or_utf8.size(); ++idx) {
    unsigned char c = static_cast<unsigned char>(ascii_or_utf8[idx]);
    uint32_t code = c;
    if (c == 0xC3) code = 0xC0 | (static_cast<unsigned char>(ascii_or_utf8[++idx]) & 0x3F);  // Latin-1 letters
    char lo = static_cast<char>(code & 0xFF), hi = static_cast<char>(code >> 8);
    out += little ? lo : hi;
    out += little ? hi : lo;
  }
  return out;
}

std::vector<std::string> Titles(const std::string& csv) {
  std::vector<std::string> titles;
  for (const SourceRecord& record : ReadAll(csv)) {
    EXPECT_TRUE(record.posting.has_value()) << record.error_reason;
    if (record.posting) titles.push_back(record.posting->title + "|" + record.posting->company);
  }
  return titles;
}

TEST(CsvDialect, Utf16WithOrWithoutByteOrderMarkIsRead) {
  const std::string csv = "title,company\nData Engineer,Caf\xC3\xA9 Co\nML Engineer,Acme\n";
  const std::vector<std::string> expected = {"Data Engineer|Caf\xC3\xA9 Co", "ML Engineer|Acme"};
  for (bool little : {true, false}) {
    for (bool bom : {true, false}) {
      EXPECT_EQ(Titles(Utf16(csv, little, bom)), expected) << "little " << little << " bom " << bom;
    }
  }
}

TEST(CsvDialect, SemicolonAndTabSeparatedCsvAreSniffedFromTheHeader) {
  EXPECT_EQ(Titles("title;company;location\nData Engineer;Acme, Inc.;Berlin\n"),
            std::vector<std::string>{"Data Engineer|Acme, Inc."});
  EXPECT_EQ(Titles("title\tcompany\nData Engineer\tAcme; Inc.\n"),
            std::vector<std::string>{"Data Engineer|Acme; Inc."});
  // Only the header line decides, outside quotes.
  EXPECT_EQ(Titles("title,\"company\"\n\"Data; Engineer; ML\",Acme\n"),
            std::vector<std::string>{"Data; Engineer; ML|Acme"});
}

TEST(CsvDialect, TwoColumnsWithOneNameMustBeChosenBetween) {
  const std::string csv = "title,company,salary,salary\nData Engineer,Acme,$100K,$120K-$140K\n";
  auto unchosen = CsvReaderFromString(csv, "dup.csv", {});
  ASSERT_FALSE(unchosen.ok());
  EXPECT_EQ(unchosen.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(unchosen.status().message().find("columns 3 and 4 are both named 'salary'"), std::string::npos)
      << unchosen.status().message();
  ReaderOptions options;
  options.column_map["salary#2"] = "salary";
  auto records = ReadAll(csv, options);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].posting.has_value()) << records[0].error_reason;
  EXPECT_EQ(records[0].posting->salary_text, "$120K-$140K");
  // Two columns with one name that nothing reads are no problem.
  EXPECT_EQ(ReadAll("title,notes,notes\nData Engineer,a,b\n").size(), 1u);
}

TEST(CsvDialect, CarriageReturnOnlyLineEndsEndRecords) {
  auto records = ReadAll("title,company\rData Engineer,Acme\rML Engineer,Beta\r");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].posting->title, "ML Engineer");
  EXPECT_EQ(records[1].posting->company, "Beta");
  EXPECT_EQ(records[1].row, 2);
}

}  // namespace
}  // namespace jobscope::ingest
