#include <gtest/gtest.h>

#include "match/match.h"
#include "taxonomy/taxonomy.h"
#include "test_documents.h"

namespace jobscope::match {
namespace {

using testing::MakeDocx;
using testing::MakeDocxOfXml;
using testing::MakePdf;

TEST(ResumeReaderTest, PlainTextIsReadAndMojibakeRepaired) {
  auto document = ReadResumeBytes(
      "Skills \xC3\xA2\xC2\x80\xC2\xA2 Python \xC3\xA2\xC2\x80\xC2\xA2 Na\xC3\x83\xC2\xAFve Bayes", "cv.txt");
  ASSERT_TRUE(document.ok()) << document.status().message();
  EXPECT_EQ(document->format, ResumeFormat::kText);
  EXPECT_EQ(document->text, "Skills \xE2\x80\xA2 Python \xE2\x80\xA2 Na\xC3\xAFve Bayes");
}

TEST(ResumeReaderTest, Windows1252TextIsDecoded) {
  auto document = ReadResumeBytes("Caf\xE9 owner \x96 data analyst", "cv.txt");
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(document->text, "Caf\xC3\xA9 owner \xE2\x80\x93 data analyst");
}

TEST(ResumeReaderTest, EmptyAndBlankFilesAreUsageErrors) {
  for (std::string bytes : {std::string(), std::string(" \n\t  \n")}) {
    auto document = ReadResumeBytes(bytes, "blank.txt");
    ASSERT_FALSE(document.ok());
    EXPECT_EQ(document.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(document.status().message().find("blank.txt: empty résumé"), std::string::npos);
  }
}

TEST(ResumeReaderTest, MissingFileIsNamed) {
  auto document = ReadResume("/nonexistent/cv.pdf");
  ASSERT_FALSE(document.ok());
  EXPECT_EQ(document.status().code(), StatusCode::kNotFound);
  EXPECT_NE(document.status().message().find("/nonexistent/cv.pdf"), std::string::npos);
}

TEST(ResumeReaderTest, PdfTextIsRead) {
  auto document = ReadResumeBytes(MakePdf({{"Jane Doe", "Data Scientist", "Skills: Python, SQL, PyTorch"}}), "cv.pdf");
  ASSERT_TRUE(document.ok()) << document.status().message();
  EXPECT_EQ(document->format, ResumeFormat::kPdf);
  EXPECT_NE(document->text.find("Skills: Python, SQL, PyTorch"), std::string::npos);
}

TEST(ResumeReaderTest, TwoColumnPdfReadsColumnByColumn) {
  std::vector<std::string> left = {"EXPERIENCE", "Senior Data Engineer at Acme", "Built Spark pipelines on AWS",
                                   "Kept Airflow jobs green"};
  std::vector<std::string> right = {"SKILLS", "Python and Scala", "Kubernetes and Docker", "PostgreSQL tuning"};
  auto document = ReadResumeBytes(MakePdf({left, right}), "two-column.pdf");
  ASSERT_TRUE(document.ok()) << document.status().message();
  const std::string& text = document->text;
  // Each column's lines stay together and in order; no line mixes the two columns.
  size_t previous = 0;
  for (const auto& line : left) {
    size_t at = text.find(line);
    ASSERT_NE(at, std::string::npos) << line << " in\n" << text;
    EXPECT_GE(at, previous);
    previous = at;
  }
  size_t right_previous = 0;
  for (const auto& line : right) {
    size_t at = text.find(line);
    ASSERT_NE(at, std::string::npos) << line << " in\n" << text;
    EXPECT_GE(at, right_previous);
    right_previous = at;
  }
  EXPECT_EQ(text.find("Acme SKILLS"), std::string::npos);
}

TEST(ResumeReaderTest, ImageOnlyPdfSaysNoTextLayer) {
  auto document = ReadResumeBytes(MakePdf({{"ignored"}}, /*draw_text=*/false), "scan.pdf");
  ASSERT_FALSE(document.ok());
  EXPECT_EQ(document.status().code(), StatusCode::kParseError);
  EXPECT_NE(document.status().message().find("scan.pdf: no text layer: scanned PDF?"), std::string::npos)
      << document.status().message();
}

TEST(ResumeReaderTest, CorruptPdfIsAnError) {
  std::string pdf = MakePdf({{"Data Scientist"}});
  auto document = ReadResumeBytes(pdf.substr(0, 40), "cut.pdf");
  ASSERT_FALSE(document.ok());
  EXPECT_NE(document.status().message().find("cut.pdf"), std::string::npos);
}

TEST(ResumeReaderTest, DocxParagraphsAreRead) {
  auto document =
      ReadResumeBytes(MakeDocx({"John Smith", "ML Engineer", "Skills: TensorFlow & Kubernetes"}), "cv.docx");
  ASSERT_TRUE(document.ok()) << document.status().message();
  EXPECT_EQ(document->format, ResumeFormat::kDocx);
  EXPECT_EQ(document->text, "John Smith\nML Engineer\nSkills: TensorFlow & Kubernetes\n");
}

TEST(ResumeReaderTest, DocxTablesTabsAndBreaksKeepTheirSpacing) {
  auto text =
      DocxText(MakeDocxOfXml("<w:document><w:body><w:tbl><w:tr>"
                             "<w:tc><w:p><w:r><w:t>Skill</w:t></w:r></w:p></w:tc>"
                             "<w:tc><w:p><w:r><w:t>Years</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
                             "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>"
                             "<w:del><w:r><w:t>gone</w:t></w:r></w:del>"
                             "<w:r><w:instrText>HYPERLINK</w:instrText></w:r></w:p><w:p/></w:body></w:document>"),
               "table.docx");
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(*text, "Skill\n\tYears\n\ta\tb\nc\n\n");
}

// Found feeding the fuzz target a deeply nested document: the document was walked recursively, so a few MB of
// nested XML in an upload overflowed the stack and took the server down.
TEST(ResumeReaderTest, DeeplyNestedDocxIsReadWithoutExhaustingTheStack) {
  const size_t depth = 1000000;
  std::string xml = "<w:document><w:body><w:p>";
  for (size_t level = 0; level < depth; ++level) xml += "<w:r>";
  xml += "<w:t>deep</w:t>";
  for (size_t level = 0; level < depth; ++level) xml += "</w:r>";
  xml += "</w:p></w:body></w:document>";
  auto text = DocxText(MakeDocxOfXml(std::move(xml)), "deep.docx");
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(*text, "deep\n");
}

TEST(ResumeReaderTest, CorruptDocxIsAnError) {
  std::string docx = MakeDocx({"ML Engineer"});
  auto document = ReadResumeBytes(docx.substr(0, docx.size() / 2), "cut.docx");
  ASSERT_FALSE(document.ok());
  EXPECT_EQ(document.status().code(), StatusCode::kParseError);
  EXPECT_NE(document.status().message().find("cut.docx: corrupt Word document"), std::string::npos)
      << document.status().message();
}

TEST(ResumeReaderTest, OldBinaryWordIsNamed) {
  auto document =
      ReadResumeBytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0'), "cv.doc");
  ASSERT_FALSE(document.ok());
  EXPECT_NE(document.status().message().find("save it as DOCX or PDF"), std::string::npos);
}

TEST(ResumeReaderTest, JsonResumeSampleKeepsJobsSkillsAndProjects) {
  auto document = ReadResume(std::string(JOBSCOPE_SHARED_DATA_DIR) + "/formats/jsonresume-sample.resume.json");
  ASSERT_TRUE(document.ok()) << document.status().message();
  EXPECT_EQ(document->format, ResumeFormat::kJsonResume);
  ASSERT_FALSE(document->jobs.empty());
  EXPECT_EQ(document->jobs.front().company, "Pied Piper");
  EXPECT_FALSE(document->jobs.front().start.empty());
  EXPECT_FALSE(document->listed_skills.empty());
  EXPECT_EQ(document->location, "San Francisco, California, US");
}

TEST(ResumeReaderTest, JsonResumeWithWrongShapeNamesTheField) {
  auto document = ReadResumeBytes(R"({"basics": {"name": "A"}, "work": {"name": "not an array"}})", "cv.json");
  ASSERT_FALSE(document.ok());
  EXPECT_NE(document.status().message().find("'work' must be an array"), std::string::npos);
  EXPECT_FALSE(ReadResumeBytes("{\"basics\": ", "bad.json").ok());
}

// Found feeding the fuzz target a deeply nested document: `basics` was copied, and copying a JSON value
// recurses as deep as it nests (a 2 MB upload overflowed the stack).
TEST(ResumeReaderTest, DeeplyNestedJsonResumeIsReadWithoutExhaustingTheStack) {
  const size_t depth = 1000000;
  std::string json = R"({"work": [{"position": "Data Engineer", "name": "Acme"}], "basics": )" +
                     std::string(depth, '[') + std::string(depth, ']') + "}";
  auto document = ParseJsonResume(json, "deep.json");
  ASSERT_TRUE(document.ok()) << document.status().message();
  ASSERT_EQ(document->jobs.size(), 1u);
  EXPECT_EQ(document->jobs[0].company, "Acme");
}

// Fuzzing found it: the separators trimmed off a company included the en dash's bytes one by one, so a
// company that began with another character starting with those bytes (U+2018) lost half of it.
TEST(ProfileBuilderTest, ACompanyStartingWithAQuoteKeepsItWhole) {
  auto taxonomy = taxonomy::Taxonomy::Load(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/taxonomy/skills.tsv");
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status().message();
  auto builder = ProfileBuilder::Create(*taxonomy);
  ASSERT_TRUE(builder.ok()) << builder.status().message();
  ResumeDocument document;
  document.text =
      "Data Engineer, \xE2\x80\x98Quoted\xE2\x80\x99 Labs\nJan 2019 - Dec 2021\nBuilt pipelines in Python.\n";
  Profile profile = (*builder)->Build(document, "2025-06");
  ASSERT_EQ(profile.jobs.size(), 1u);
  EXPECT_EQ(profile.jobs[0].title, "Data Engineer");
  EXPECT_EQ(profile.jobs[0].company, "\xE2\x80\x98Quoted\xE2\x80\x99 Labs");
}

}  // namespace
}  // namespace jobscope::match
