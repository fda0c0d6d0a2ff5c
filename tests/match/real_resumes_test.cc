// The real résumés of ../shared/data/resumes-updated: every distinct one reads into a profile, and the same
// résumé as text, PDF (one and two columns) and DOCX gives the same profile.
#include <set>

#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "match/match.h"
#include "test_documents.h"
#include "text/text.h"

namespace jobscope::match {
namespace {

class RealResumesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto table =
        text::ReadCsvTable(std::string(JOBSCOPE_SHARED_DATA_DIR) + "/resumes-updated/UpdatedResumeDataSet.csv");
    ASSERT_TRUE(table.ok()) << table.status().message();
    std::set<std::string> seen;
    for (const auto& row : table->rows) {
      if (row.size() >= 2 && seen.insert(row[1]).second) {
        resumes_.push_back(row[1]);
        categories_.push_back(row[0]);
      }
    }
    auto loaded = taxonomy::Taxonomy::Load(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/taxonomy/skills.tsv");
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    taxonomy_ = new taxonomy::Taxonomy(std::move(*loaded));
    auto builder = ProfileBuilder::Create(*taxonomy_);
    ASSERT_TRUE(builder.ok());
    builder_ = builder->release();
  }
  static inline std::vector<std::string> resumes_, categories_;
  static inline taxonomy::Taxonomy* taxonomy_ = nullptr;
  static inline ProfileBuilder* builder_ = nullptr;
};

TEST_F(RealResumesTest, EveryDistinctResumeReadsIntoAProfile) {
  ASSERT_EQ(resumes_.size(), 166u);
  size_t with_skills = 0, skills = 0;
  for (size_t i = 0; i < resumes_.size(); ++i) {
    auto document = ReadResumeBytes(resumes_[i], "row " + std::to_string(i));
    ASSERT_TRUE(document.ok()) << document.status().message();
    Profile profile = builder_->Build(*document);
    skills += profile.skills.size();
    with_skills += !profile.skills.empty();
    EXPECT_GE(profile.total_years, 0);
    EXPECT_LT(profile.total_years, 50);
    for (const auto& skill : profile.skills) EXPECT_FALSE(skill.evidence.empty()) << skill.name;
  }
  // The taxonomy is the technical market's: law, arts and fitness résumés name few of its skills.
  EXPECT_GE(with_skills, resumes_.size() * 85 / 100);
  EXPECT_GE(static_cast<double>(skills) / static_cast<double>(resumes_.size()), 8.0);
}

TEST_F(RealResumesTest, EveryTechnicalResumeHasItsSkills) {
  const std::set<std::string> technical = {
      "Data Science",  "Python Developer", "Java Developer",           "DevOps Engineer", "Database",
      "Hadoop",        "ETL Developer",    "DotNet Developer",         "Blockchain",      "Automation Testing",
      "Web Designing", "SAP Developer",    "Network Security Engineer"};
  size_t count = 0, with_three = 0;
  for (size_t i = 0; i < resumes_.size(); ++i) {
    if (!technical.count(categories_[i])) continue;
    auto document = ReadResumeBytes(resumes_[i], "row");
    ASSERT_TRUE(document.ok());
    size_t skills = builder_->Build(*document).skills.size();
    EXPECT_GE(skills, 1u) << categories_[i] << " résumé " << i;
    ++count;
    with_three += skills >= 3;
  }
  // A few name almost nothing ("Python Developer", a company and an objective): they may have fewer.
  EXPECT_GE(with_three, count * 95 / 100);
}

// Lines of at most `width` bytes, ASCII only (the test PDFs use a standard font).
std::vector<std::string> Wrap(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::string current;
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      if (!current.empty()) lines.push_back(current);
      current.clear();
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\t') c = ' ';
    current += c;
    if (current.size() >= width) {
      size_t space = current.rfind(' ');
      if (space == std::string::npos || space == 0) space = current.size();
      lines.push_back(current.substr(0, space));
      current = space < current.size() ? current.substr(space + 1) : "";
    }
  }
  if (!current.empty()) lines.push_back(current);
  for (auto& line : lines) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
  }
  std::erase_if(lines, [](const std::string& line) { return line.empty(); });
  return lines;
}

std::set<std::string> SkillIds(const Profile& profile) {
  std::set<std::string> ids;
  for (const auto& skill : profile.skills) ids.insert(skill.skill_id);
  return ids;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

TEST_F(RealResumesTest, PdfAndDocxGiveTheSameProfileAsText) {
  for (size_t i : {0, 3, 7, 12, 40}) {
    std::vector<std::string> lines = Wrap(resumes_[i].substr(0, 6000), 90);
    auto text = ReadResumeBytes(Joined(lines), "cv.txt");
    auto pdf = ReadResumeBytes(testing::MakePdf({lines}), "cv.pdf");
    auto docx = ReadResumeBytes(testing::MakeDocx(lines), "cv.docx");
    ASSERT_TRUE(text.ok() && pdf.ok() && docx.ok()) << i << " " << pdf.status().message() << docx.status().message();
    Profile from_text = builder_->Build(*text);
    for (const auto* document : {&*pdf, &*docx}) {
      Profile other = builder_->Build(*document);
      EXPECT_EQ(SkillIds(other), SkillIds(from_text)) << "résumé " << i << " as " << ResumeFormatName(document->format);
      EXPECT_EQ(other.role, from_text.role) << i;
      EXPECT_EQ(other.level, from_text.level) << i;
      EXPECT_EQ(other.total_years, from_text.total_years) << i;
    }
  }
}

TEST_F(RealResumesTest, TwoColumnPdfGivesTheSameSkillsAsItsColumnsInOrder) {
  for (size_t i : {1, 5, 9}) {
    std::vector<std::string> lines = Wrap(resumes_[i].substr(0, 3000), 45);
    size_t half = (lines.size() + 1) / 2;
    std::vector<std::string> left(lines.begin(), lines.begin() + half), right(lines.begin() + half, lines.end());
    auto pdf = ReadResumeBytes(testing::MakePdf({left, right}), "two-column.pdf");
    ASSERT_TRUE(pdf.ok()) << pdf.status().message();
    auto text = ReadResumeBytes(Joined(lines), "cv.txt");
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(SkillIds(builder_->Build(*pdf)), SkillIds(builder_->Build(*text))) << "résumé " << i;
  }
}

TEST_F(RealResumesTest, PresentMeansTheMonthGiven) {
  auto document =
      ReadResumeBytes("Data Scientist\nData Scientist, Initech  Jan 2018 - Present\nPython, SQL\n", "cv.txt");
  ASSERT_TRUE(document.ok());
  Profile now = builder_->Build(*document, "2026-12");
  EXPECT_NEAR(now.total_years, 8.9, 0.05);
  EXPECT_EQ(now.level, Level::kLead);
  ASSERT_EQ(now.jobs.size(), 1u);
  EXPECT_EQ(now.jobs[0].end, "present");
  // Without a month the latest the résumé names closes the job: what measurements pass, so they do not drift.
  EXPECT_LT(builder_->Build(*document).total_years, 0.1);
  EXPECT_EQ(CurrentMonth().size(), 7u);
}

}  // namespace
}  // namespace jobscope::match
