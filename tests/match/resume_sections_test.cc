#include "match/internal/resume_sections.h"

#include <gtest/gtest.h>

#include "text/text.h"

namespace jobscope::match::internal {
namespace {

std::vector<std::pair<std::string, std::string>> Ranges(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& range : FindDateRanges(text)) {
    out.emplace_back(MonthText(range.start_month), range.end_month ? MonthText(*range.end_month) : "present");
  }
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(ResumeSectionsTest, DateRangesInTheShapesResumesUse) {
  EXPECT_EQ(Ranges("Jan 2018 - Present"), (Pairs{{"2018-01", "present"}}));
  EXPECT_EQ(Ranges("January 2016 to January 2018"), (Pairs{{"2016-01", "2018-01"}}));
  EXPECT_EQ(Ranges("03/2015 \xE2\x80\x93 06/2017"), (Pairs{{"2015-03", "2017-06"}}));
  EXPECT_EQ(Ranges("2014-05 to 2016-11"), (Pairs{{"2014-05", "2016-11"}}));
  EXPECT_EQ(Ranges("2014 - 2017"), (Pairs{{"2014-01", "2017-01"}}));
  EXPECT_EQ(Ranges("Sept. 2019 - till date"), (Pairs{{"2019-09", "present"}}));
  EXPECT_EQ(Ranges("Augest 2017 to till"), (Pairs{{"2017-01", "present"}}));
  EXPECT_EQ(Ranges("May 2013 to May 2017\nJune 2017 - current"),
            (Pairs{{"2013-05", "2017-05"}, {"2017-06", "present"}}));
}

TEST(ResumeSectionsTest, NumbersThatAreNotDateRangesAreLeft) {
  EXPECT_TRUE(Ranges("Team of 10 - 12 people, 2 - 3 releases a year").empty());
  EXPECT_TRUE(Ranges("Graduated in 2016. Windows 2007/08").empty());
  EXPECT_TRUE(Ranges("2018 - 2016").empty());  // ends before it starts
}

TEST(ResumeSectionsTest, StatedYearsOfExperience) {
  EXPECT_EQ(StatedYears("I have 5+ years of experience in data science"), 5);
  EXPECT_EQ(StatedYears("Experience: 2.5 years in analytics"), 2.5);
  EXPECT_EQ(StatedYears("3 years in Java, total experience of 7 years"), 7);
  EXPECT_FALSE(StatedYears("a 4 year degree").has_value());
}

TEST(ResumeSectionsTest, SkillTableMonths) {
  std::string text = "Skill Details \nPython- Experience - 24 months\nSQL- Experience - Less than 1 year months\n";
  auto found = FindStatedSkillMonths(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "Python");
  EXPECT_EQ(found[0].months, 24);
  EXPECT_EQ(found[1].months, 6);
}

TEST(ResumeSectionsTest, HighestDegreeWithField) {
  auto degree = HighestDegree("B.E. in Computer Engineering, 2012\nM.Tech in Data Science from IIT Delhi 2015");
  ASSERT_TRUE(degree);
  EXPECT_EQ(degree->level, "master");
  EXPECT_EQ(degree->field, "data science");
  EXPECT_EQ(HighestDegree("PhD in Statistics")->level, "phd");
  EXPECT_FALSE(HighestDegree("Mastered Spark and Kafka").has_value());
}

// Fuzzing found it: the field was cut at 60 bytes, inside a character.
TEST(ResumeSectionsTest, ALongDegreeFieldIsCutBetweenCharacters) {
  std::string text = "PhD in Computer Science and ";
  for (int repeat = 0; repeat < 40; ++repeat) text += "\xC3\xA9";  // the 60th byte falls inside one
  auto degree = HighestDegree(text);
  ASSERT_TRUE(degree);
  EXPECT_TRUE(text::IsValidUtf8(degree->field)) << degree->field;
  EXPECT_LE(degree->field.size(), 60u);
  EXPECT_EQ(degree->field.rfind("computer science and \xC3\xA9", 0), 0u) << degree->field;
}

TEST(ResumeSectionsTest, JobTitlesAndEducationLines) {
  EXPECT_TRUE(LooksLikeJobTitle("Senior Data Scientist"));
  EXPECT_TRUE(LooksLikeJobTitle("Hadoop Developer - Tata Consultancy Services"));
  EXPECT_FALSE(LooksLikeJobTitle("Built models that forecast demand for a retailer with gradient boosting"));
  EXPECT_TRUE(IsEducationLine("2010 - 2014 B.Tech, Pune University"));
  EXPECT_FALSE(IsEducationLine("2016 - 2019 Data Analyst, Infosys"));
}

TEST(ResumeSectionsTest, SentenceAroundAMention) {
  std::string text = "Summary\n\xE2\x80\xA2 Built ETL in Spark for sales data. Led a team of 4.\nNext";
  EXPECT_EQ(SentenceAt(text, text.find("Spark")), "Built ETL in Spark for sales data.");
  EXPECT_EQ(SentenceAt(text, text.find("Led")), "Led a team of 4.");
}

}  // namespace
}  // namespace jobscope::match::internal
