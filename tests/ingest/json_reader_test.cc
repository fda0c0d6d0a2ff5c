#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <unistd.h>

#include "ingest/ingest.h"

namespace jobscope::ingest {
namespace {

constexpr const char* kJobPosting = R"({
  "@context": "https://schema.org/", "@type": "JobPosting",
  "title": "Computer Vision Engineer",
  "description": "<p>OpenCV and PyTorch</p>",
  "identifier": {"@type": "PropertyValue", "name": "Acme", "value": "cv-42"},
  "datePosted": "2025-03-01",
  "employmentType": ["FULL_TIME"],
  "hiringOrganization": {"@type": "Organization", "name": "Acme Robotics", "sameAs": "https://acme.example"},
  "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Pittsburgh",
                  "addressRegion": "PA", "addressCountry": "US"}},
  "baseSalary": {"@type": "MonetaryAmount", "currency": "USD",
                 "value": {"@type": "QuantitativeValue", "minValue": 140000, "maxValue": 175000, "unitText": "YEAR"}}
})";

TEST(PostingFromJson, ReadsSchemaOrgJobPosting) {
  auto posting = PostingFromJson(kJobPosting);
  ASSERT_TRUE(posting.ok()) << posting.status().ToString();
  EXPECT_EQ(posting->title, "Computer Vision Engineer");
  EXPECT_EQ(posting->company, "Acme Robotics");
  EXPECT_EQ(posting->location, "Pittsburgh, PA, US");
  EXPECT_EQ(posting->source_id, "cv-42");
  EXPECT_EQ(posting->employment_type, "FULL_TIME");
  EXPECT_EQ(*posting->salary_min, 140000);
  EXPECT_EQ(*posting->salary_max, 175000);
  EXPECT_EQ(posting->salary_currency, "USD");
  EXPECT_EQ(posting->salary_interval, "YEAR");
}

TEST(PostingFromJson, SingleValueSalaryAndTelecommute) {
  auto posting = PostingFromJson(R"({"@type":"JobPosting","title":"ML Engineer","jobLocationType":"TELECOMMUTE",
      "baseSalary":{"currency":"EUR","value":{"value":45,"unitText":"HOUR"}}})");
  ASSERT_TRUE(posting.ok());
  EXPECT_EQ(*posting->salary_min, 45);
  EXPECT_EQ(*posting->salary_max, 45);
  EXPECT_EQ(posting->is_remote, true);
}

TEST(PostingFromJson, RejectsOtherTypesAndMissingTitle) {
  EXPECT_EQ(PostingFromJson(R"({"@type":"Organization","name":"Acme"})").status().code(), StatusCode::kParseError);
  auto no_title = PostingFromJson(R"({"description":"text"})");
  ASSERT_FALSE(no_title.ok());
  EXPECT_NE(no_title.status().message().find("title"), std::string::npos);
  EXPECT_FALSE(PostingFromJson("{not json").ok());
}

TEST(JsonLines, EachLineIsARecordAndBadLinesAreReported) {
  auto reader = JsonLinesReaderFromString(
      "{\"title\":\"NLP Engineer\",\"company\":\"A\",\"description\":\"spaCy\"}\n\n{oops\n{\"company\":\"B\"}\n");
  SourceRecord record;
  ASSERT_TRUE(reader->Next(record));
  ASSERT_TRUE(record.posting.has_value());
  EXPECT_EQ(record.row, 1);
  ASSERT_TRUE(reader->Next(record));
  EXPECT_EQ(record.row, 3);
  EXPECT_NE(record.error_reason.find("invalid JSON"), std::string::npos);
  ASSERT_TRUE(reader->Next(record));
  EXPECT_EQ(record.error_reason, "missing title");
  EXPECT_FALSE(reader->Next(record));
}

class JsonFileTest : public testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = (std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "_" + name)).string();
    std::ofstream(path) << content;
    paths_.push_back(path);
    return path;
  }
  ~JsonFileTest() override {
    for (const auto& path : paths_) std::filesystem::remove(path);
  }
  std::vector<std::string> paths_;
};

TEST_F(JsonFileTest, JsonLdGraphAndHtmlScripts) {
  std::string graph =
      Write("graph.jsonld", std::string(R"({"@graph":[{"@type":"Organization"},)") + kJobPosting + "]}");
  auto reader = OpenReader(graph, {});
  ASSERT_TRUE(reader.ok());
  SourceRecord record;
  ASSERT_TRUE((*reader)->Next(record));
  ASSERT_TRUE(record.posting.has_value()) << record.error_reason;
  EXPECT_FALSE((*reader)->Next(record));

  std::string html = Write("page.html", std::string("<html><head><script type=\"application/ld+json\">") + kJobPosting +
                                            "</script></head><body>x</body></html>");
  auto html_reader = OpenReader(html, {});
  ASSERT_TRUE(html_reader.ok());
  ASSERT_TRUE((*html_reader)->Next(record));
  ASSERT_TRUE(record.posting.has_value());
  EXPECT_EQ(record.posting->title, "Computer Vision Engineer");
}

TEST_F(JsonFileTest, AnUnclosedScriptIsReportedAndTheRestOfThePageRead) {
  const std::string open = "<script type=\"application/ld+json\">";
  std::string html = Write("broken.html", "<html><head>" + open + kJobPosting + "\n<p>stray text</p>" + open +
                                              kJobPosting + "</script></head><body>" + open + "{\"title\"");
  auto reader = OpenReader(html, {});
  ASSERT_TRUE(reader.ok());
  std::vector<SourceRecord> records;
  SourceRecord record;
  while ((*reader)->Next(record)) records.push_back(record);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_FALSE(records[0].posting.has_value());
  EXPECT_NE(records[0].error_reason.find("unclosed <script> block"), std::string::npos) << records[0].error_reason;
  ASSERT_TRUE(records[1].posting.has_value()) << records[1].error_reason;  // the block after it is still read
  EXPECT_EQ(records[1].posting->title, "Computer Vision Engineer");
  EXPECT_NE(records[2].error_reason.find("the end of the page"), std::string::npos) << records[2].error_reason;
}

TEST_F(JsonFileTest, UnknownExtensionAndMissingFile) {
  EXPECT_EQ(OpenReader(Write("x.xlsx", "x"), {}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(OpenReader("/nonexistent/file.csv", {}).status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace jobscope::ingest
