// Seniority cues: the words a title uses ("Senior", "Staff", "Intern", "II") and the experience a posting
// asks for ("5+ years of experience"). The level itself is decided in classify/.
#include <algorithm>
#include <array>

#include "base/strings.h"
#include "extract/extract.h"
#include "text/text.h"

namespace jobscope::extract {
namespace {

struct TitleCue {
  std::string_view word;  // a whole word or phrase of the normalised title
  Level level;
};
// Checked in order: the first cue found decides ("Senior Director" is executive, "Lead Intern" intern).
constexpr std::array<TitleCue, 38> kTitleCues = {{
    {"intern", Level::kIntern}, {"internship", Level::kIntern}, {"co op", Level::kIntern},
    {"apprentice", Level::kIntern}, {"trainee", Level::kIntern},
    {"chief", Level::kExecutive}, {"cto", Level::kExecutive}, {"ceo", Level::kExecutive},
    {"vp", Level::kExecutive}, {"vice president", Level::kExecutive}, {"svp", Level::kExecutive},
    {"evp", Level::kExecutive}, {"director", Level::kExecutive}, {"head of", Level::kExecutive},
    {"head", Level::kExecutive},
    {"principal", Level::kLead}, {"staff", Level::kLead}, {"lead", Level::kLead}, {"architect", Level::kSenior},
    {"distinguished", Level::kLead}, {"fellow", Level::kLead}, {"engineering manager", Level::kLead},
    {"senior", Level::kSenior}, {"sr", Level::kSenior}, {"iii", Level::kSenior}, {"iv", Level::kLead},
    {"expert", Level::kSenior},
    {"junior", Level::kEntry}, {"jr", Level::kEntry}, {"entry level", Level::kEntry}, {"entry", Level::kEntry},
    {"graduate", Level::kEntry}, {"new grad", Level::kEntry}, {"associate", Level::kEntry},
    {"i", Level::kEntry}, {"ii", Level::kMid}, {"mid level", Level::kMid}, {"intermediate", Level::kMid},
}};

std::optional<int> NumberWord(std::string_view word) {
  static constexpr std::array<std::string_view, 11> kWords = {"zero", "one", "two", "three", "four", "five",
                                                              "six",  "seven", "eight", "nine", "ten"};
  for (size_t idx = 0; idx < kWords.size(); ++idx) {
    if (EqualsIgnoreCase(word, kWords[idx])) return static_cast<int>(idx);
  }
  return std::nullopt;
}

// Reads the number or "N-M" / "N+" / "N to M" that ends just before `end` in `text`.
bool ReadYearsBefore(std::string_view text, size_t end, int& low, int& high) {
  size_t cursor = end;
  auto skip_spaces = [&] {
    while (cursor > 0 && (text[cursor - 1] == ' ' || text[cursor - 1] == '+' || text[cursor - 1] == ')' ||
                          text[cursor - 1] == '(')) {
      --cursor;
    }
  };
  auto read_number = [&](int& value) {
    skip_spaces();
    size_t digits_end = cursor;
    while (cursor > 0 && text[cursor - 1] >= '0' && text[cursor - 1] <= '9') --cursor;
    if (cursor < digits_end && digits_end - cursor <= 2) {
      value = std::stoi(std::string(text.substr(cursor, digits_end - cursor)));
      return true;
    }
    cursor = digits_end;
    size_t word_end = cursor;
    while (cursor > 0 && ((text[cursor - 1] >= 'a' && text[cursor - 1] <= 'z') ||
                          (text[cursor - 1] >= 'A' && text[cursor - 1] <= 'Z'))) {
      --cursor;
    }
    if (auto number = NumberWord(text.substr(cursor, word_end - cursor))) {
      value = *number;
      return true;
    }
    cursor = word_end;
    return false;
  };
  int last = 0;
  if (!read_number(last)) return false;
  low = high = last;
  size_t before_range = cursor;
  skip_spaces();
  bool dash = cursor > 0 && (text[cursor - 1] == '-' || text[cursor - 1] == '~');
  bool to = cursor >= 2 && EqualsIgnoreCase(text.substr(cursor - 2, 2), "to");
  if (dash || to) {
    cursor -= dash ? 1 : 2;
    int first = 0;
    if (read_number(first) && first <= last) {
      low = first;
      return true;
    }
  }
  cursor = before_range;
  return true;
}

}  // namespace

SeniorityCues FindSeniorityCues(std::string_view title, std::string_view description) {
  SeniorityCues cues;
  std::string normalised = text::NormalizeKey(title);
  // "Member of Technical Staff" names no level; "Senior Member of Technical Staff" does.
  size_t staff = normalised.find("technical staff");
  if (staff != std::string::npos) normalised.erase(staff, 15);
  for (const TitleCue& cue : kTitleCues) {
    if (text::ContainsPhrase(normalised, cue.word)) {
      cues.title_level = cue.level;
      cues.cues.push_back("title:" + std::string(cue.word));
      break;
    }
  }
  // "5+ years", "3-5 years of experience", "five years' experience": the number just before "year".
  // Every "year" in any case: the lowercase and capitalised spellings are found with memchr-based search.
  std::vector<size_t> mentions;
  for (std::string_view spelling : {"year", "Year", "YEAR"}) {
    for (size_t at = description.find(spelling); at != std::string_view::npos; at = description.find(spelling, at + 4)) {
      mentions.push_back(at);
    }
  }
  for (size_t pos : mentions) {
    size_t after = pos + 4;
    int low = 0, high = 0;
    if (ReadYearsBefore(description, pos, low, high) && low <= 30 && high <= 40) {
      std::string context = AsciiLower(description.substr(after, 60));
      bool about_experience = context.find("experience") != std::string::npos ||
                              context.find("exp") != std::string::npos ||
                              context.find("industry") != std::string::npos ||
                              context.find("professional") != std::string::npos ||
                              context.find("working") != std::string::npos ||
                              context.find("hands-on") != std::string::npos;
      if (about_experience && (!cues.years_min || low < *cues.years_min)) {
        cues.years_min = low;
        cues.years_max = high;
      }
    }
  }
  if (cues.years_min) {
    cues.cues.push_back("years:" + std::to_string(*cues.years_min) +
                        (cues.years_max && *cues.years_max != *cues.years_min ? "-" + std::to_string(*cues.years_max) : "+"));
  }
  return cues;
}

std::optional<Level> LevelFromSourceField(std::string_view field) {
  std::string key = text::NormalizeKey(field);
  if (key.empty()) return std::nullopt;
  if (key.find("intern") != std::string::npos) return Level::kIntern;
  if (key.find("entry") != std::string::npos || key == "en" || key == "junior") return Level::kEntry;
  if (key.find("associate") != std::string::npos) return Level::kEntry;
  if (key.find("mid senior") != std::string::npos) return Level::kSenior;
  if (key.find("mid") != std::string::npos || key == "mi") return Level::kMid;
  if (key.find("senior") != std::string::npos || key == "se") return Level::kSenior;
  if (key.find("director") != std::string::npos || key.find("executive") != std::string::npos || key == "ex") {
    return Level::kExecutive;
  }
  return std::nullopt;
}

}  // namespace jobscope::extract
