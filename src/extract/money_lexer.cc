#include <array>
#include <cmath>

#include "base/strings.h"
#include "extract/internal/money_lexer.h"

namespace jobscope::extract::internal {
namespace {

struct Symbol {
  std::string_view text;
  std::string_view code;
};
// Longest first: "US$" before "$".
constexpr std::array<Symbol, 14> kSymbols = {{
    {"US$", "USD"}, {"CA$", "CAD"}, {"AU$", "AUD"}, {"NZ$", "NZD"}, {"HK$", "HKD"}, {"S$", "SGD"},
    {"C$", "CAD"}, {"A$", "AUD"}, {"R$", "BRL"}, {"$", "USD"}, {"\xC2\xA3", "GBP"}, {"\xE2\x82\xAC", "EUR"},
    {"\xE2\x82\xB9", "INR"}, {"\xC2\xA5", "JPY"},
}};
constexpr std::array<std::string_view, 30> kCodes = {
    "USD", "EUR", "GBP", "CAD", "AUD", "INR", "JPY", "CHF", "SEK", "NOK", "DKK", "PLN", "CNY", "SGD", "HKD",
    "BRL", "MXN", "ZAR", "NZD", "ILS", "KRW", "TRY", "CZK", "HUF", "AED", "PHP", "THB", "NGN", "PKR", "RON"};

struct PeriodWord {
  std::string_view text;  // lowercase
  SalaryPeriod period;
};
constexpr std::array<PeriodWord, 27> kPeriodWords = {{
    {"per hour", SalaryPeriod::kHour}, {"an hour", SalaryPeriod::kHour}, {"/hour", SalaryPeriod::kHour},
    {"/hr", SalaryPeriod::kHour}, {"hourly", SalaryPeriod::kHour}, {"per hr", SalaryPeriod::kHour},
    {"p/h", SalaryPeriod::kHour},
    {"per day", SalaryPeriod::kDay}, {"/day", SalaryPeriod::kDay}, {"a day", SalaryPeriod::kDay},
    {"daily", SalaryPeriod::kDay},
    {"per week", SalaryPeriod::kWeek}, {"/week", SalaryPeriod::kWeek}, {"/wk", SalaryPeriod::kWeek},
    {"weekly", SalaryPeriod::kWeek},
    {"per month", SalaryPeriod::kMonth}, {"/month", SalaryPeriod::kMonth}, {"/mo", SalaryPeriod::kMonth},
    {"monthly", SalaryPeriod::kMonth}, {"a month", SalaryPeriod::kMonth},
    {"per year", SalaryPeriod::kYear}, {"/year", SalaryPeriod::kYear}, {"/yr", SalaryPeriod::kYear},
    {"per annum", SalaryPeriod::kYear}, {"annually", SalaryPeriod::kYear}, {"a year", SalaryPeriod::kYear},
    {"annual", SalaryPeriod::kYear},
}};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads "120,000.50", "45.000", "120k", "1.5M" at pos. Returns bytes consumed (0 if no number).
size_t ReadAmount(std::string_view text, size_t pos, MoneyToken& token) {
  size_t cursor = pos;
  std::string digits;
  bool seen_decimal = false;
  while (cursor < text.size()) {
    char c = text[cursor];
    if (IsDigit(c)) {
      digits += c;
      ++cursor;
      continue;
    }
    if ((c == ',' || c == '.') && cursor + 1 < text.size() && IsDigit(text[cursor + 1]) && !digits.empty()) {
      size_t run = 0;
      while (cursor + 1 + run < text.size() && IsDigit(text[cursor + 1 + run])) ++run;
      bool grouping = run == 3 && (c == ',' || !seen_decimal);
      if (c == '.' && run != 3) grouping = false;
      if (grouping) {
        ++cursor;  // thousands separator: skip it
        continue;
      }
      if (c == '.' && !seen_decimal) {
        seen_decimal = true;
        digits += '.';
        ++cursor;
        continue;
      }
      break;
    }
    break;
  }
  if (digits.empty() || digits.size() > 15) return 0;
  token.amount = std::strtod(digits.c_str(), nullptr);
  // Multiplier suffix: k, K, m, M, mn, million, thousand (not "km", "kg", "ms").
  size_t suffix = cursor;
  while (suffix < text.size() && text[suffix] == ' ') ++suffix;
  std::string_view rest = text.substr(suffix);
  auto word_ends = [&](size_t len) { return len >= rest.size() || !IsAlpha(rest[len]); };
  if (StartsWithIgnoreCase(rest, "million") && word_ends(7)) {
    token.multiplier = 1e6;
    cursor = suffix + 7;
  } else if (StartsWithIgnoreCase(rest, "thousand") && word_ends(8)) {
    token.multiplier = 1e3;
    cursor = suffix + 8;
  } else if (suffix == cursor && !rest.empty() && (rest[0] == 'k' || rest[0] == 'K') && word_ends(1)) {
    token.multiplier = 1e3;
    cursor = suffix + 1;
  } else if (suffix == cursor && !rest.empty() && (rest[0] == 'm' || rest[0] == 'M') && word_ends(1)) {
    token.multiplier = 1e6;
    cursor = suffix + 1;
  } else if (suffix == cursor && StartsWithIgnoreCase(rest, "mn") && word_ends(2)) {
    token.multiplier = 1e6;
    cursor = suffix + 2;
  } else if (suffix == cursor && (StartsWithIgnoreCase(rest, "bn") || rest.starts_with("B")) &&
             word_ends(rest.starts_with("B") ? 1 : 2)) {
    token.multiplier = 1e9;
    cursor = suffix + (rest.starts_with("B") ? 1 : 2);
  }
  token.had_multiplier = token.multiplier != 1;
  token.amount *= token.multiplier;
  return cursor - pos;
}

}  // namespace

std::optional<std::pair<std::string, size_t>> CurrencyAt(std::string_view text, size_t pos) {
  std::string_view rest = text.substr(pos);
  for (const Symbol& symbol : kSymbols) {
    if (rest.starts_with(symbol.text)) {
      // "US$" etc. must not be the tail of a word ("BUS$").
      if (symbol.text.size() > 1 && IsAlpha(symbol.text[0]) && pos > 0 && IsAlpha(text[pos - 1])) continue;
      return std::make_pair(std::string(symbol.code), symbol.text.size());
    }
  }
  if (rest.size() >= 3 && (pos == 0 || !IsAlpha(text[pos - 1])) && (rest.size() == 3 || !IsAlpha(rest[3]))) {
    for (std::string_view code : kCodes) {
      if (rest.starts_with(code)) return std::make_pair(std::string(code), size_t{3});
    }
  }
  return std::nullopt;
}

std::vector<MoneyToken> LexMoney(std::string_view text) {
  std::vector<MoneyToken> tokens;
  std::string lower = AsciiLower(text);
  size_t pos = 0;
  while (pos < text.size()) {
    char c = text[pos];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' || c == ':' || c == ',' || c == '*') {
      ++pos;
      continue;
    }
    if (auto currency = CurrencyAt(text, pos)) {
      MoneyToken token{MoneyTokenKind::kCurrency, pos, pos + currency->second};
      token.currency = currency->first;
      tokens.push_back(token);
      pos += currency->second;
      continue;
    }
    if (IsDigit(c)) {
      MoneyToken token{MoneyTokenKind::kAmount, pos, pos};
      size_t used = ReadAmount(text, pos, token);
      if (used > 0) {
        token.end = pos + used;
        tokens.push_back(token);
        pos += used;
        continue;
      }
    }
    bool matched_period = false;
    for (const PeriodWord& word : kPeriodWords) {
      std::string_view lower_rest = std::string_view(lower).substr(pos);
      if (lower_rest.starts_with(word.text) &&
          (lower_rest.size() == word.text.size() || !IsAlpha(lower_rest[word.text.size()]))) {
        MoneyToken token{MoneyTokenKind::kPeriod, pos, pos + word.text.size()};
        token.period = word.period;
        tokens.push_back(token);
        pos += word.text.size();
        matched_period = true;
        break;
      }
    }
    if (matched_period) continue;
    if (c == '-' || c == '~') {
      tokens.push_back({MoneyTokenKind::kRangeSep, pos, pos + 1});
      ++pos;
      continue;
    }
    if (text.substr(pos).starts_with("\xE2\x80\x93") || text.substr(pos).starts_with("\xE2\x80\x94")) {
      tokens.push_back({MoneyTokenKind::kRangeSep, pos, pos + 3});  // en and em dash
      pos += 3;
      continue;
    }
    if (c == '+') {
      tokens.push_back({MoneyTokenKind::kPlus, pos, pos + 1});
      ++pos;
      continue;
    }
    // A word.
    size_t end = pos;
    while (end < text.size() && (IsAlpha(text[end]) || text[end] == '.' || text[end] == '\'' ||
                                 static_cast<unsigned char>(text[end]) >= 0x80)) {
      ++end;
    }
    if (end == pos) end = pos + 1;
    std::string_view word = std::string_view(lower).substr(pos, end - pos);
    MoneyTokenKind kind = MoneyTokenKind::kWord;
    if (word == "to" || word == "and") kind = MoneyTokenKind::kRangeSep;
    if (word == "up" && std::string_view(lower).substr(end).starts_with(" to")) {
      kind = MoneyTokenKind::kUpTo;
      end += 3;
    }
    if (word == "from" || word == "starting" || word == "min" || word == "minimum" || word == "least") {
      kind = MoneyTokenKind::kFrom;
    }
    if (word == "max" || word == "maximum") kind = MoneyTokenKind::kUpTo;
    tokens.push_back({kind, pos, end});
    pos = end;
  }
  return tokens;
}

}  // namespace jobscope::extract::internal
