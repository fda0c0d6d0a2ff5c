// What a résumé's text says beyond its skills: date ranges of jobs, degrees, stated years and places.
// Pure functions over the text, each tested on its own (tests/match/resume_sections_test.cc).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobscope::match::internal {

// Months are counted from year 0: year * 12 + (month - 1).
struct DateRange {
  size_t begin = 0, end = 0;  // byte offsets of the range in the text
  int start_month = 0;
  std::optional<int> end_month;  // nullopt: "present"
};

// "Jan 2018 - Present", "January 2016 to January 2018", "03/2015 - 06/2017", "2014-05 – 2016-11",
// "2014 - 2017", "Augest 2017 to till date" (a year alone where the month is misspelt). In text order.
std::vector<DateRange> FindDateRanges(std::string_view text);

// "YYYY-MM" of a month count, and back ("YYYY" reads as January). nullopt for anything else.
std::string MonthText(int month);
std::optional<int> ParseMonthText(std::string_view text);

// The most years of experience the text states of the person ("5+ years of experience", "over 3 years").
std::optional<double> StatedYears(std::string_view text);

// "Python, Django- Experience - 24 months" (a skills table): the months beside each line's skill names.
struct StatedSkillMonths {
  size_t begin = 0, end = 0;  // the skill names' bytes
  double months = 0;
};
std::vector<StatedSkillMonths> FindStatedSkillMonths(std::string_view text);

struct Degree {
  std::string level;  // "phd", "master", "bachelor", "diploma"
  std::string field;  // "Computer Science", or ""
};
// The highest degree the text names, with its field when one follows ("B.E. in Computer Engineering").
std::optional<Degree> HighestDegree(std::string_view text);
// True when a line is about schooling (a degree or an institution), so its dates are not a job's.
bool IsEducationLine(std::string_view line);

// True when a short line reads as a job title ("Senior Data Scientist", "Hadoop Developer - TCS").
bool LooksLikeJobTitle(std::string_view line);

// The line holding byte `at`, without its line break.
std::string_view LineAt(std::string_view text, size_t at);
// The sentence (or bullet, or line) holding byte `at`, trimmed, at most about 240 bytes.
std::string SentenceAt(std::string_view text, size_t at);

}  // namespace jobscope::match::internal
