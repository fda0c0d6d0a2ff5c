// Seniority cues: the words a title uses ("Senior", "Staff", "Intern", "II") and the experience a posting
// asks for ("5+ years of experience"). The level itself is decided in classify/.
#include <algorithm>
#include <array>

#include "base/strings.h"
#include "extract/extract.h"
#include "extract/internal/text_signs.h"
#include "text/text.h"

namespace jobscope::extract {
namespace {

struct TitleCue {
  std::string_view word;  // a whole word or phrase of the normalised title
  Level level;
};
// The ladder's title words (DESIGN.md, "Levels"), checked in order: the first cue found decides ("Senior
// Director" is executive, "Senior Manager" lead, "Lead Intern" intern). Company level codes by what they mean.
constexpr std::array<TitleCue, 47> kTitleCues = {{
    {"intern", Level::kIntern},
    {"interns", Level::kIntern},
    {"internship", Level::kIntern},
    {"alternance", Level::kIntern},
    {"stagiaire", Level::kIntern},
    {"vacation work", Level::kIntern},
    {"co op", Level::kIntern},
    {"apprentice", Level::kIntern},
    {"trainee", Level::kIntern},
    {"working student", Level::kIntern},
    {"werkstudent", Level::kIntern},
    {"chief", Level::kExecutive},
    {"cto", Level::kExecutive},
    {"ceo", Level::kExecutive},
    {"cdo", Level::kExecutive},
    {"vp", Level::kExecutive},
    {"vice president", Level::kExecutive},
    {"svp", Level::kExecutive},
    {"evp", Level::kExecutive},
    {"director", Level::kExecutive},
    {"head of", Level::kExecutive},
    {"principal", Level::kLead},
    {"staff", Level::kLead},
    {"lead", Level::kLead},
    {"distinguished", Level::kLead},
    {"manager", Level::kLead},
    {"managing", Level::kLead},
    {"l6", Level::kLead},
    {"l7", Level::kLead},
    {"iv", Level::kLead},
    {"v", Level::kLead},
    {"senior", Level::kSenior},
    {"sr", Level::kSenior},
    {"iii", Level::kSenior},
    {"l5", Level::kSenior},
    {"junior", Level::kEntry},
    {"jr", Level::kEntry},
    {"entry level", Level::kEntry},
    {"new grad", Level::kEntry},
    {"undergrad", Level::kEntry},
    {"graduate", Level::kEntry},
    {"associate", Level::kEntry},
    {"i", Level::kEntry},
    {"l3", Level::kEntry},
    {"ii", Level::kMid},
    {"l4", Level::kMid},
    {"mid level", Level::kMid},
}};

// Title words that look like level words but name a job: a product manager manages a product, not people;
// a lab's "Staff Scientist" is a bench title; an associate professor is a rank of its own.
constexpr std::array<std::string_view, 12> kNotLevelPhrases = {
    "product manager", "project manager", "program manager",     "programme manager",
    "account manager", "case manager",    "content manager",     "community manager",
    "release manager", "staff scientist", "associate professor", "intern program",
};

// The title with the phrases above blanked out, so their words cannot be read as level cues.
std::string WithoutJobPhrases(std::string normalised) {
  for (std::string_view phrase : kNotLevelPhrases) {
    for (size_t at = normalised.find(phrase); at != std::string::npos; at = normalised.find(phrase, at + 1)) {
      bool left = at == 0 || normalised[at - 1] == ' ';
      size_t end = at + phrase.size();
      bool right = end == normalised.size() || normalised[end] == ' ';
      if (left && right)
        std::fill(normalised.begin() + static_cast<long>(at), normalised.begin() + static_cast<long>(end), '_');
    }
  }
  return normalised;
}

// Company level codes written as digits after the job's noun ("Data Analyst 2", "Data Engineer 5"), read as
// the roman ones are.
constexpr std::array<TitleCue, 5> kDigitCodes = {{
    {"1", Level::kEntry},
    {"2", Level::kMid},
    {"3", Level::kSenior},
    {"4", Level::kLead},
    {"5", Level::kLead},
}};
constexpr std::array<std::string_view, 5> kJobNouns = {"engineer", "analyst", "scientist", "developer", "architect"};

const TitleCue* FindTitleCue(const std::string& normalised_title) {
  for (const TitleCue& cue : kTitleCues) {
    if (text::ContainsPhrase(normalised_title, cue.word)) return &cue;
  }
  for (std::string_view noun : kJobNouns) {
    for (const TitleCue& code : kDigitCodes) {
      if (text::ContainsPhrase(normalised_title, std::string(noun) + " " + std::string(code.word))) return &code;
    }
  }
  return nullptr;
}

// The level word a body puts before the job `named_title` (a normalised title). The title must follow a level
// word and an article or "as" ("as a Lead ML Engineer"), so that "you will lead machine learning engineers" is
// not read as a title. The title is found first (one search), and only the words before each occurrence are
// compared. Only the places where the title's first word occurs are folded and compared (ASCII folding: a
// title's level word and name are ASCII in every posting seen); folding the whole opening of every body had
// cost a tenth of understanding a posting.
const TitleCue* LevelNamedInBody(std::string_view opening, const std::string& named_title) {
  std::string_view first_word = std::string_view(named_title).substr(0, named_title.find(' '));
  for (size_t found = FindIgnoreCase(opening, first_word); found != std::string_view::npos;
       found = FindIgnoreCase(opening, first_word, found + 1)) {
    size_t window_begin = found > 40 ? found - 40 : 0;
    std::string body = text::AsciiKey(opening.substr(window_begin, found - window_begin + named_title.size() + 8));
    size_t at = body.find(named_title);
    if (at == std::string::npos) continue;
    size_t end = at + named_title.size();
    if (at == 0 || body[at - 1] != ' ' || (end < body.size() && body[end] != ' ')) continue;
    std::string_view before = std::string_view(body).substr(0, at);
    for (const TitleCue& body_cue : kTitleCues) {
      // Roman codes ("i", "v", "ii") are too easily read into prose; "sr" and "jr" are not.
      if (body_cue.word.find_first_not_of("iv") == std::string_view::npos) continue;
      std::string named = " " + std::string(body_cue.word) + " ";
      if (!before.ends_with(named)) continue;
      std::string_view lead = before.substr(0, before.size() - named.size());
      for (std::string_view lead_in : {" a", " an", " the", " as", " our"}) {
        if (lead.ends_with(lead_in) || lead == lead_in.substr(1)) return &body_cue;
      }
    }
  }
  return nullptr;
}

// A title's head: the words before a team or product after a comma, bracket, bar or " - ", normalised.
std::string TitleHead(std::string_view title) {
  size_t cut = std::min(title.find_first_of(",(|"), title.find(" - "));
  return WithoutJobPhrases(text::NormalizeKey(title.substr(0, cut)));
}

std::optional<int> NumberWord(std::string_view word) {
  static constexpr std::array<std::string_view, 11> kWords = {"zero", "one",   "two",   "three", "four", "five",
                                                              "six",  "seven", "eight", "nine",  "ten"};
  for (size_t idx = 0; idx < kWords.size(); ++idx) {
    if (EqualsIgnoreCase(word, kWords[idx])) return static_cast<int>(idx);
  }
  return std::nullopt;
}

// Reads the number or "N-M" / "N+" / "N to M" that ends just before `end` in `text`.
bool ReadYearsBefore(std::string_view text, size_t end, int& low, int& high) {
  size_t cursor = end;
  auto skip_spaces = [&] {
    while (cursor > 0 &&
           (text[cursor - 1] == ' ' || text[cursor - 1] == '+' || text[cursor - 1] == ')' || text[cursor - 1] == '(')) {
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
  // "two or more years": the same as "2+ years".
  skip_spaces();
  if (cursor >= 7 && EqualsIgnoreCase(text.substr(cursor - 7, 7), "or more")) cursor -= 7;
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

namespace {

// The sentence around byte `at`: from the last line break or full stop before it to the next one after it.
std::string_view SentenceAround(std::string_view text, size_t at) {
  size_t begin = at;
  while (begin > 0 && text[begin - 1] != '\n' && !(text[begin - 1] == ' ' && begin >= 2 && text[begin - 2] == '.'))
    --begin;
  size_t end = at;
  while (end < text.size() && text[end] != '\n' &&
         !(text[end] == '.' && (end + 1 == text.size() || text[end + 1] == ' ')))
    ++end;
  return text.substr(begin, end - begin);
}

bool ContainsAnyLower(std::string_view lower, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (lower.find(word) != std::string_view::npos) return true;
  }
  return false;
}

struct YearsMention {
  int low = 0, high = 0;
  bool preferred = false;        // in a sentence that calls it a plus
  bool advanced_degree = false;  // the master's or PhD alternative of a degree-dependent requirement
};

constexpr std::string_view kYearSpellings[] = {"year", "Year", "YEAR"};
constexpr internal::SignWord kYearSigns[] = {{"year", true}};

// Where the text spells "year" as it is written in prose and headings, in text order. `signs` (optional):
// the skill scan's places of "year" in any case.
std::vector<size_t> YearPlaces(std::string_view description, const TextSigns* signs) {
  std::vector<size_t> mentions;
  if (signs) {
    for (uint32_t at : signs->years) {
      std::string_view word = description.substr(at, 4);
      if (std::find(std::begin(kYearSpellings), std::end(kYearSpellings), word) != std::end(kYearSpellings)) {
        mentions.push_back(at);
      }
    }
    return mentions;
  }
  // Without the scan, the spellings are found with memchr-based search.
  for (std::string_view spelling : kYearSpellings) {
    for (size_t at = description.find(spelling); at != std::string_view::npos;
         at = description.find(spelling, at + 4)) {
      mentions.push_back(at);
    }
  }
  std::sort(mentions.begin(), mentions.end());
  return mentions;
}

// "s of building ...", "s of implementing ...": the years are spent doing the work ("5+ years of building
// data pipelines"). `after` is the lowercase text just after "year".
bool DoingSomething(std::string_view after) {
  if (!after.starts_with("s of ")) return false;
  std::string_view rest = after.substr(5);
  size_t word_end = 0;
  while (word_end < rest.size() && rest[word_end] >= 'a' && rest[word_end] <= 'z') ++word_end;
  std::string_view word = rest.substr(0, word_end);
  // "within 2 years of joining": a time frame, not experience.
  for (std::string_view moment : {"joining", "starting", "hiring", "onboarding", "graduating"}) {
    if (word == moment) return false;
  }
  return word_end > 4 && word_end < rest.size() && word.ends_with("ing");
}

// Every "N+ years of experience" the text states, in text order.
std::vector<YearsMention> FindYearsMentions(std::string_view description, const TextSigns* signs) {
  std::vector<size_t> mentions = YearPlaces(description, signs);
  std::vector<YearsMention> found;
  for (size_t pos : mentions) {
    YearsMention mention;
    if (!ReadYearsBefore(description, pos, mention.low, mention.high) || mention.low > 30 || mention.high > 40)
      continue;
    std::string context = AsciiLower(description.substr(pos + 4, 60));
    bool about_experience =
        ContainsAnyLower(context, {"experience", "exp", "industry", "professional", "working", "hands-on", "relevant",
                                   "related", "work ", "position", "role"}) ||
        DoingSomething(context);
    if (!about_experience) continue;
    std::string sentence = AsciiLower(SentenceAround(description, pos));
    // "preferably in retail" prefers a field, not the years.
    for (std::string_view field_preference : {"preferably in ", "preferably with ", "preferably within "}) {
      for (size_t at = sentence.find(field_preference); at != std::string::npos; at = sentence.find(field_preference)) {
        sentence.erase(at, field_preference.size());
      }
    }
    mention.preferred = ContainsAnyLower(sentence, {"prefer", "a plus", "nice to have", "bonus", "ideally", "desired",
                                                    "desirable", "is an asset", "advantage"});
    size_t lead_in = pos > 70 ? pos - 70 : 0;
    std::string before = AsciiLower(description.substr(lead_in, pos - lead_in));
    mention.advanced_degree = ContainsAnyLower(before, {"master", " ms ", " ms,", "m.s.", "phd", "ph.d", "doctorate",
                                                        "advanced degree", "graduate degree", "mba"});
    found.push_back(mention);
  }
  return found;
}

// The years of the main experience requirement (DESIGN.md, "Levels"): preferred years do not count; of a
// requirement that depends on the degree, the bachelor's figure; of the rest, the largest, since tool- or
// domain-specific years are stated beside the general requirement and are not larger than it.
std::optional<YearsMention> MainRequirement(const std::vector<YearsMention>& mentions) {
  std::optional<YearsMention> best;
  auto consider = [&](bool allow_advanced_degree) {
    for (const YearsMention& mention : mentions) {
      if (mention.preferred || (mention.advanced_degree && !allow_advanced_degree)) continue;
      if (!best || mention.low > best->low) best = mention;
    }
  };
  consider(false);
  if (!best) consider(true);
  return best;
}

}  // namespace

namespace internal {
std::span<const SignWord> YearSigns() { return kYearSigns; }
}  // namespace internal

SeniorityCues FindSeniorityCues(std::string_view title, std::string_view description, const TextSigns* signs) {
  SeniorityCues cues;
  std::string normalised = text::NormalizeKey(title);
  // "Member of Technical Staff" names no level; "Senior Member of Technical Staff" does.
  size_t staff = normalised.find("technical staff");
  if (staff != std::string::npos) normalised.erase(staff, 15);
  normalised = WithoutJobPhrases(std::move(normalised));
  if (const TitleCue* cue = FindTitleCue(normalised)) {
    cues.title_level = cue->level;
    cues.cues.push_back("title:" + std::string(cue->word));
  } else if (!normalised.empty() && !description.empty()) {
    // When the title says no level, a body that names the same job with a level word ("we are hiring a
    // Senior Data Scientist") says it instead. A title with a team or product after a comma or dash
    // ("Machine Learning Engineer, Growth") is named in the body by its head alone ("As a Lead Machine
    // Learning Engineer of the Growth org"): the head is tried when it differs and is more than one word
    // ("Engineer" alone would match any prose).
    std::string_view opening = description.substr(0, 3000);
    const TitleCue* cue = LevelNamedInBody(opening, normalised);
    if (!cue) {
      std::string head = TitleHead(title);
      if (head != normalised && head.find(' ') != std::string::npos) cue = LevelNamedInBody(opening, head);
    }
    if (cue) {
      cues.title_level = cue->level;
      cues.cues.push_back("body:" + std::string(cue->word));
    }
  }
  if (std::optional<YearsMention> main = MainRequirement(FindYearsMentions(description, signs))) {
    cues.years_min = main->low;
    cues.years_max = main->high;
    cues.cues.push_back("years:" + std::to_string(main->low) +
                        (main->high != main->low ? "-" + std::to_string(main->high) : "+"));
  }
  return cues;
}

std::optional<Level> LevelFromSourceField(std::string_view field) {
  std::string key = text::NormalizeKey(field);
  if (key.empty()) return std::nullopt;
  // LinkedIn's "Mid-Senior level" spans two levels and its "Associate" is used from new graduates to
  // seniors: neither says which level (DESIGN.md, "Levels").
  if (key.find("mid senior") != std::string::npos || key == "associate") return std::nullopt;
  if (key.find("intern") != std::string::npos) return Level::kIntern;
  if (key.find("entry") != std::string::npos || key == "en" || key == "junior") return Level::kEntry;
  if (key.find("mid") != std::string::npos || key == "mi") return Level::kMid;
  if (key.find("senior") != std::string::npos || key == "se") return Level::kSenior;
  if (key.find("director") != std::string::npos || key.find("executive") != std::string::npos || key == "ex") {
    return Level::kExecutive;
  }
  return std::nullopt;
}

}  // namespace jobscope::extract
