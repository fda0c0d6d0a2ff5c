// Reading the dated and stated parts of a résumé's text (match/internal/resume_sections.h).
#include "match/internal/resume_sections.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "text/text.h"

namespace jobscope::match::internal {
namespace {

struct Token {
  enum Kind { kWord, kNumber, kMark } kind = kWord;
  size_t begin = 0, end = 0;
  std::string lower;  // words lowercased; numbers and marks as written
};

bool IsAsciiAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Words, numbers and the marks dates are written with; en and em dashes read as '-'.
std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t at = 0;
  while (at < text.size()) {
    char c = text[at];
    if (IsAsciiAlpha(c)) {
      size_t end = at;
      while (end < text.size() && IsAsciiAlpha(text[end])) ++end;
      std::string lower(text.substr(at, end - at));
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      tokens.push_back({Token::kWord, at, end, std::move(lower)});
      at = end;
    } else if (IsAsciiDigit(c)) {
      size_t end = at;
      while (end < text.size() && IsAsciiDigit(text[end])) ++end;
      tokens.push_back({Token::kNumber, at, end, std::string(text.substr(at, end - at))});
      at = end;
    } else if (c == '-' || c == '/' || c == '.' || c == '\'' || c == ',' || c == '~' || c == '\n' || c == '(' ||
               c == ')') {
      tokens.push_back({Token::kMark, at, at + 1, std::string(1, c == '~' ? '-' : c)});
      ++at;
    } else if (text.substr(at, 3) == "\xE2\x80\x93" || text.substr(at, 3) == "\xE2\x80\x94" ||
               text.substr(at, 3) == "\xE2\x80\x92") {
      tokens.push_back({Token::kMark, at, at + 3, "-"});
      at += 3;
    } else {
      ++at;  // spaces and other marks separate tokens
    }
  }
  return tokens;
}

std::optional<int> Month(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                               "may",       "june",     "july",     "august",
                                                               "september", "october",  "november", "december"};
  if (word.size() < 3) return std::nullopt;
  if (word == "sept") return 9;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (kMonths[m].substr(0, word.size()) == word) return static_cast<int>(m) + 1;
  }
  return std::nullopt;
}

std::optional<int> Number(const Token& token) {
  if (token.kind != Token::kNumber || token.lower.size() > 4) return std::nullopt;
  int value = 0;
  std::from_chars(token.lower.data(), token.lower.data() + token.lower.size(), value);
  return value;
}

bool IsYear(std::optional<int> value) { return value && *value >= 1950 && *value <= 2050; }

struct DateAt {
  int month = 0;    // months from year 0
  size_t next = 0;  // the token after the date
  size_t end = 0;   // byte end
};

// A date starting at token `i`: "Jan 2018", "Jan. '18", "03/2015", "2015-03", "2015".
std::optional<DateAt> ParseDate(const std::vector<Token>& tokens, size_t i) {
  const auto at = [&](size_t k) -> const Token* { return k < tokens.size() ? &tokens[k] : nullptr; };
  if (tokens[i].kind == Token::kWord) {
    auto month = Month(tokens[i].lower);
    if (!month) return std::nullopt;
    size_t k = i + 1;
    while (at(k) && at(k)->kind == Token::kMark && (at(k)->lower == "." || at(k)->lower == "," || at(k)->lower == "'"))
      ++k;
    if (!at(k)) return std::nullopt;
    auto year = Number(*at(k));
    if (IsYear(year)) return DateAt{*year * 12 + *month - 1, k + 1, at(k)->end};
    if (year && at(k)->lower.size() == 2 && at(k - 1)->lower == "'")
      return DateAt{(2000 + *year) * 12 + *month - 1, k + 1, at(k)->end};
    return std::nullopt;
  }
  auto first = Number(tokens[i]);
  if (!first) return std::nullopt;
  const Token* mark = at(i + 1);
  const Token* second = at(i + 2);
  bool joined = mark && second && mark->begin == tokens[i].end && second->begin == mark->end;
  if (joined && (mark->lower == "/" || mark->lower == "-" || mark->lower == ".")) {
    auto value = Number(*second);
    if (*first >= 1 && *first <= 12 && IsYear(value)) return DateAt{*value * 12 + *first - 1, i + 3, second->end};
    if (IsYear(first) && value && *value >= 1 && *value <= 12 && second->lower.size() == 2) {
      return DateAt{*first * 12 + *value - 1, i + 3, second->end};
    }
  }
  if (IsYear(first) && tokens[i].lower.size() == 4) return DateAt{*first * 12, i + 1, tokens[i].end};
  return std::nullopt;
}

bool IsPresentWord(std::string_view word) {
  return word == "present" || word == "current" || word == "currently" || word == "now" || word == "date" ||
         word == "ongoing" || word == "today" || word == "till" || word == "continuing";
}

}  // namespace

std::vector<DateRange> FindDateRanges(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text);
  std::vector<DateRange> ranges;
  size_t i = 0;
  while (i < tokens.size()) {
    auto start = ParseDate(tokens, i);
    if (!start) {
      ++i;
      continue;
    }
    // A separator: '-', "to", "till", "until", "through", "since" (then the range runs to the present).
    size_t k = start->next;
    bool separated = false;
    while (k < tokens.size() &&
           (tokens[k].lower == "-" || tokens[k].lower == "to" || tokens[k].lower == "till" ||
            tokens[k].lower == "until" || tokens[k].lower == "through" || tokens[k].lower == "upto")) {
      separated = true;
      ++k;
      if (tokens[k - 1].lower == "till" && k < tokens.size() && !IsPresentWord(tokens[k].lower) &&
          !ParseDate(tokens, k)) {
        // "2017 to till" ends the range at the present
        ranges.push_back({tokens[i].begin, tokens[k - 1].end, start->month, std::nullopt});
        separated = false;
        break;
      }
    }
    if (!separated) {
      i = start->next;
      continue;
    }
    if (k < tokens.size()) {
      if (auto end = ParseDate(tokens, k); end && end->month >= start->month) {
        ranges.push_back({tokens[i].begin, end->end, start->month, end->month});
        i = end->next;
        continue;
      }
      if (IsPresentWord(tokens[k].lower)) {
        size_t last = k;
        if (k + 1 < tokens.size() && tokens[k + 1].lower == "date") last = k + 1;
        ranges.push_back({tokens[i].begin, tokens[last].end, start->month, std::nullopt});
        i = last + 1;
        continue;
      }
    } else if (tokens[k - 1].lower == "till") {
      ranges.push_back({tokens[i].begin, tokens[k - 1].end, start->month, std::nullopt});
    }
    i = start->next;
  }
  return ranges;
}

std::string MonthText(int month) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", month / 12, month % 12 + 1);
  return buffer;
}

std::optional<int> ParseMonthText(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  int year = 0, month = 1;
  if (std::from_chars(text.data(), text.data() + 4, year).ptr != text.data() + 4 || !IsYear(year)) return std::nullopt;
  if (text.size() >= 7 && text[4] == '-') {
    if (std::from_chars(text.data() + 5, text.data() + 7, month).ptr != text.data() + 7 || month < 1 || month > 12) {
      return std::nullopt;
    }
  }
  return year * 12 + month - 1;
}

std::optional<double> StatedYears(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text);
  std::optional<double> best;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    auto value = Number(tokens[i]);
    if (!value || *value > 45 || tokens[i].lower.size() > 2) continue;
    if (i >= 2 && tokens[i - 1].lower == "." && tokens[i - 2].kind == Token::kNumber) continue;  // the ".5" of "2.5"
    double years = *value;
    size_t k = i + 1;
    if (tokens[k].lower == "." && k + 1 < tokens.size() && tokens[k + 1].kind == Token::kNumber) {
      years += (tokens[k + 1].lower[0] - '0') / 10.0;  // "2.5 years"
      k += 2;
    }
    // "5+ years" leaves the '+' out of the tokens; "5 yrs", "5 years"
    if (k >= tokens.size() || (tokens[k].lower != "years" && tokens[k].lower != "year" && tokens[k].lower != "yrs"))
      continue;
    // ... "of (professional|industry|work|total|relevant)? experience", or "experience" nearby after
    bool experience = false;
    for (size_t j = k + 1; j < std::min(tokens.size(), k + 6); ++j) {
      if (tokens[j].lower == "experience" || tokens[j].lower == "exp") experience = true;
      if (tokens[j].lower == "\n") break;
    }
    for (size_t j = (i >= 5 ? i - 5 : 0); j < i; ++j) {
      if (tokens[j].lower == "experience" || tokens[j].lower == "exp") experience = true;
    }
    if (experience && (!best || years > *best)) best = years;
  }
  return best;
}

std::vector<StatedSkillMonths> FindStatedSkillMonths(std::string_view text) {
  std::vector<StatedSkillMonths> found;
  static constexpr std::string_view kMarker = "- Experience - ";
  size_t at = 0;
  while ((at = text.find(kMarker, at)) != std::string_view::npos) {
    size_t line_begin = text.rfind('\n', at);
    line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
    size_t value = at + kMarker.size();
    double months = 0;
    if (text.substr(value, 16) == "Less than 1 year") {
      months = 6;
    } else {
      size_t digits = value;
      while (digits < text.size() && IsAsciiDigit(text[digits])) ++digits;
      if (digits == value) {
        at = value;
        continue;
      }
      std::from_chars(text.data() + value, text.data() + digits, months);
      if (text.substr(digits, 6) == " years" || text.substr(digits, 5) == " year") months *= 12;
    }
    found.push_back({line_begin, at, months});
    at = value;
  }
  return found;
}

std::optional<Degree> HighestDegree(std::string_view text) {
  // (key as NormalizeKey writes it, level); checked on word boundaries.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kDegrees = {{
      {"phd", "phd"},           {"ph d", "phd"},
      {"doctorate", "phd"},     {"doctor of philosophy", "phd"},
      {"master", "master"},     {"masters", "master"},
      {"m tech", "master"},     {"mtech", "master"},
      {"m sc", "master"},       {"msc", "master"},
      {"mba", "master"},        {"mca", "master"},
      {"m e", "master"},        {"m s", "master"},
      {"pgdm", "master"},       {"post graduate", "master"},
      {"bachelor", "bachelor"}, {"bachelors", "bachelor"},
      {"b tech", "bachelor"},   {"btech", "bachelor"},
      {"b e", "bachelor"},      {"b sc", "bachelor"},
      {"bsc", "bachelor"},      {"bca", "bachelor"},
      {"b com", "bachelor"},    {"bcom", "bachelor"},
      {"b s", "bachelor"},      {"undergraduate", "bachelor"},
      {"diploma", "diploma"},   {"associate degree", "diploma"},
  }};
  const auto rank = [](std::string_view level) {
    return level == "phd" ? 4 : level == "master" ? 3 : level == "bachelor" ? 2 : level == "diploma" ? 1 : 0;
  };
  std::optional<Degree> best;
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_begin, line_end - line_begin);
    line_begin = line_end + 1;
    if (line.size() > 400) continue;  // a paragraph mentioning "masters" is not a degree line
    std::string key = text::NormalizeKey(line);
    for (const auto& [form, level] : kDegrees) {
      size_t at = 0;
      bool found = false;
      while ((at = key.find(form, at)) != std::string::npos) {
        bool left = at == 0 || key[at - 1] == ' ';
        bool right = at + form.size() == key.size() || key[at + form.size()] == ' ';
        if (left && right) {
          found = true;
          break;
        }
        ++at;
      }
      if (!found || (best && rank(level) <= rank(best->level))) continue;
      Degree degree{std::string(level), ""};
      // The field: the words after "in" or "of" following the degree, up to a break.
      std::string rest = key.substr(at + form.size());
      size_t in = rest.find(" in ");
      size_t of = rest.find(" of ");
      size_t from = std::min(in, of);
      if (from != std::string::npos && from < 12) {
        std::string field = rest.substr(from + 4);
        for (std::string_view stop :
             {" from ", " at ", " university", " college", " institute", " with ", " 19", " 20"}) {
          size_t cut = field.find(stop);
          if (cut != std::string::npos) field.resize(cut);
        }
        if (field.size() > 60) {
          size_t cut = 60;  // at a character's first byte, so the field stays UTF-8
          while (cut > 0 && (static_cast<unsigned char>(field[cut]) & 0xC0) == 0x80) --cut;
          field.resize(cut);
        }
        while (!field.empty() && field.back() == ' ') field.pop_back();
        degree.field = field;
      }
      best = degree;
    }
  }
  return best;
}

bool IsEducationLine(std::string_view line) {
  std::string key = " " + text::NormalizeKey(line) + " ";
  for (std::string_view word :
       {" university ", " college ",   " school ", " institute ", " b tech ",    " btech ",     " b e ",
        " bachelor ",   " bachelors ", " master ", " masters ",   " m tech ",    " mtech ",     " degree ",
        " ssc ",        " hsc ",       " phd ",    " diploma ",   " education ", " b sc ",      " m sc ",
        " mba ",        " mca ",       " bca ",    " gpa ",       " cgpa ",      " graduated ", " graduation "}) {
    if (key.find(word) != std::string::npos) return true;
  }
  return false;
}

bool LooksLikeJobTitle(std::string_view line) {
  if (line.size() > 90 || line.empty()) return false;
  std::string key = " " + text::NormalizeKey(line) + " ";
  size_t words = std::count(key.begin(), key.end(), ' ') - 1;
  if (words > 12) return false;
  for (std::string_view word :
       {" engineer ",  " developer ", " analyst ",       " scientist ",  " manager ",    " consultant ", " intern ",
        " lead ",      " architect ", " administrator ", " specialist ", " tester ",     " programmer ", " designer ",
        " officer ",   " executive ", " associate ",     " head ",       " director ",   " trainee ",    " researcher ",
        " assistant ", " professor ", " coordinator ",   " technician ", " freelancer ", " founder ",    " dba "}) {
    if (key.find(word) != std::string::npos) return true;
  }
  return false;
}

std::string_view LineAt(std::string_view text, size_t at) {
  size_t begin = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  size_t end = text.find('\n', at);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(begin, end - begin);
}

std::string SentenceAt(std::string_view text, size_t at) {
  static constexpr std::string_view kBullet = "\xE2\x80\xA2";
  const auto is_stop = [&](size_t i) {  // the byte at i ends a sentence
    if (text[i] == '\n' || text[i] == ';') return true;
    return text[i] == '.' && i + 1 < text.size() && text[i + 1] == ' ' && i > 0 &&
           std::islower(static_cast<unsigned char>(text[i - 1]));
  };
  const auto continuation = [&](size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  size_t begin = at;
  while (begin > 0 && !is_stop(begin - 1) && at - begin < 200) {
    if (begin >= 3 && text.substr(begin - 3, 3) == kBullet) break;
    --begin;
  }
  while (begin < text.size() && continuation(begin)) ++begin;
  size_t end = at;
  while (end < text.size() && !is_stop(end) && text.substr(end, 3) != kBullet && end - at < 200) ++end;
  if (end < text.size() && text[end] == '.') ++end;  // the sentence keeps its full stop
  while (end < text.size() && end > begin && continuation(end)) ++end;
  std::string sentence(text.substr(begin, end - begin));
  size_t first = sentence.find_first_not_of(" \t\r*-:");
  size_t last = sentence.find_last_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return sentence.substr(first, last - first + 1);
}

}  // namespace jobscope::match::internal
