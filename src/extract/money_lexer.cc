#include "extract/internal/money_lexer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "base/strings.h"

namespace jobscope::extract::internal {
namespace {

struct Symbol {
  std::string_view text;
  std::string_view code;
};
// Longest first: "US$" before "$".
constexpr std::array<Symbol, 16> kSymbols = {{
    {"US$", "USD"},
    {"Rs.", "INR"},
    {"Rs", "INR"},
    {"CA$", "CAD"},
    {"AU$", "AUD"},
    {"NZ$", "NZD"},
    {"HK$", "HKD"},
    {"S$", "SGD"},
    {"C$", "CAD"},
    {"A$", "AUD"},
    {"R$", "BRL"},
    {"$", "USD"},
    {"\xC2\xA3", "GBP"},
    {"\xE2\x82\xAC", "EUR"},
    {"\xE2\x82\xB9", "INR"},
    {"\xC2\xA5", "JPY"},
}};
constexpr std::array<std::string_view, 30> kCodes = {
    "USD", "EUR", "GBP", "CAD", "AUD", "INR", "JPY", "CHF", "SEK", "NOK", "DKK", "PLN", "CNY", "SGD", "HKD",
    "BRL", "MXN", "ZAR", "NZD", "ILS", "KRW", "TRY", "CZK", "HUF", "AED", "PHP", "THB", "NGN", "PKR", "RON"};

constexpr auto kCurrencySigns = [] {
  std::array<SignWord, kSymbols.size() + kCodes.size()> signs{};
  size_t next = 0;
  for (const Symbol& symbol : kSymbols) signs[next++] = {symbol.text, false};
  for (std::string_view code : kCodes) signs[next++] = {code, false};
  return signs;
}();

struct PeriodWord {
  std::string_view text;  // lowercase
  SalaryPeriod period;
};
// Slash forms ("/hr", "/ year") are read by SlashPeriodAt; "hr" alone follows a figure: "$40hr-$45hr".
constexpr std::array<PeriodWord, 60> kPeriodWords = {{
    // Before "weekly" and "monthly", which they hold.
    {"bi-weekly", SalaryPeriod::kTwoWeeks},
    {"biweekly", SalaryPeriod::kTwoWeeks},
    {"bi weekly", SalaryPeriod::kTwoWeeks},
    {"fortnightly", SalaryPeriod::kTwoWeeks},
    {"per fortnight", SalaryPeriod::kTwoWeeks},
    {"a fortnight", SalaryPeriod::kTwoWeeks},
    {"every two weeks", SalaryPeriod::kTwoWeeks},
    {"every 2 weeks", SalaryPeriod::kTwoWeeks},
    {"semi-monthly", SalaryPeriod::kHalfMonth},
    {"semimonthly", SalaryPeriod::kHalfMonth},
    {"semi monthly", SalaryPeriod::kHalfMonth},
    {"twice a month", SalaryPeriod::kHalfMonth},
    {"per hour", SalaryPeriod::kHour},
    {"an hour", SalaryPeriod::kHour},
    {"hourly", SalaryPeriod::kHour},
    {"per hr", SalaryPeriod::kHour},
    {"p/h", SalaryPeriod::kHour},
    {"hrs", SalaryPeriod::kHour},
    {"hr", SalaryPeriod::kHour},
    {"per day", SalaryPeriod::kDay},
    {"a day", SalaryPeriod::kDay},
    {"daily", SalaryPeriod::kDay},
    {"per diem", SalaryPeriod::kDay},
    {"per week", SalaryPeriod::kWeek},
    {"a week", SalaryPeriod::kWeek},
    {"weekly", SalaryPeriod::kWeek},
    {"per month", SalaryPeriod::kMonth},
    {"monthly", SalaryPeriod::kMonth},
    {"a month", SalaryPeriod::kMonth},
    {"per year", SalaryPeriod::kYear},
    {"per yr", SalaryPeriod::kYear},
    {"per annum", SalaryPeriod::kYear},
    {"annually", SalaryPeriod::kYear},
    {"a year", SalaryPeriod::kYear},
    {"annual", SalaryPeriod::kYear},
    {"yearly", SalaryPeriod::kYear},
    {"a yr", SalaryPeriod::kYear},
    {"p.a.", SalaryPeriod::kYear},
    // German, French, Spanish and Dutch postings state the period in their own words.
    {"pro stunde", SalaryPeriod::kHour},
    {"pro tag", SalaryPeriod::kDay},
    {"pro monat", SalaryPeriod::kMonth},
    {"im monat", SalaryPeriod::kMonth},
    {"monatlich", SalaryPeriod::kMonth},
    {"pro jahr", SalaryPeriod::kYear},
    {"im jahr", SalaryPeriod::kYear},
    {"j\xC3\xA4hrlich", SalaryPeriod::kYear},
    {"par heure", SalaryPeriod::kHour},
    {"par jour", SalaryPeriod::kDay},
    {"par mois", SalaryPeriod::kMonth},
    {"mensuel", SalaryPeriod::kMonth},
    {"par an", SalaryPeriod::kYear},
    {"annuel", SalaryPeriod::kYear},
    {"por hora", SalaryPeriod::kHour},
    {"al mes", SalaryPeriod::kMonth},
    {"por mes", SalaryPeriod::kMonth},
    {"mensual", SalaryPeriod::kMonth},
    {"al a\xC3\xB1o", SalaryPeriod::kYear},
    {"por a\xC3\xB1o", SalaryPeriod::kYear},
    {"per maand", SalaryPeriod::kMonth},
    {"per jaar", SalaryPeriod::kYear},
}};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "401k", "403(b)": plan names, not money.
bool IsPlanName(std::string_view digits, std::string_view rest) {
  if (digits != "401" && digits != "403") return false;
  return !rest.empty() && (rest[0] == 'k' || rest[0] == 'K' || rest[0] == 'b' || rest[0] == '(');
}

// The bytes of a mark that groups digits at pos: a space ("90 000", "90\u00A0000", "90\u202F000") or, as Swiss
// postings write thousands, an apostrophe ("120'000", "120\u2019000"); 0 if none.
size_t GroupingMarkAt(std::string_view text, size_t pos) {
  std::string_view rest = text.substr(pos);
  if (rest.starts_with(' ') || rest.starts_with('\'')) return 1;
  if (rest.starts_with("\xC2\xA0")) return 2;
  if (rest.starts_with("\xE2\x80\xAF") || rest.starts_with("\xE2\x80\x89") || rest.starts_with("\xE2\x80\x99"))
    return 3;
  return 0;
}

// Reads "120,000.50", "45.000", "120k", "1.5M", "$142, 500", "90 000", "8 LPA" at pos. Returns bytes consumed (0 if no
// number).
size_t ReadAmount(std::string_view text, size_t pos, MoneyToken& token) {
  size_t cursor = pos;
  std::string digits;
  bool seen_decimal = false;
  bool space_grouped = false;
  auto digit_run = [&](size_t from) {
    size_t run = 0;
    while (from + run < text.size() && IsDigit(text[from + run])) ++run;
    return run;
  };
  while (cursor < text.size()) {
    char c = text[cursor];
    if (IsDigit(c)) {
      digits += c;
      ++cursor;
      continue;
    }
    if ((c == ',' || c == '.') && cursor + 1 < text.size() && IsDigit(text[cursor + 1]) && !digits.empty()) {
      size_t run = digit_run(cursor + 1);
      // "12,00,000": Indian grouping puts two digits between separators before the last three.
      bool lakh =
          c == ',' && run == 2 && cursor + 3 < text.size() && text[cursor + 3] == ',' && digit_run(cursor + 4) >= 2;
      bool grouping = (run == 3 && (c == ',' || !seen_decimal)) || lakh;
      if (c == '.' && run != 3) grouping = false;
      if (grouping) {
        token.grouped = true;
        ++cursor;  // thousands separator: skip it
        continue;
      }
      // "$120,0 00": a stray space inside the group after a comma, whose two parts make three digits.
      if (c == ',' && !seen_decimal && run < 3 && cursor + 1 + run < text.size() && text[cursor + 1 + run] == ' ' &&
          digit_run(cursor + 2 + run) == 3 - run) {
        token.grouped = true;
        digits.append(text.substr(cursor + 1, run));
        digits.append(text.substr(cursor + 2 + run, 3 - run));
        cursor += 2 + 3;
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
    // "90 000", "1 200 000", "120'000": a space (or a no-break or thin space) or an apostrophe between groups of
    // exactly three digits, as French, Nordic, Indian-English and Swiss postings group thousands; only while no
    // other separator was used, and not after a letter ("IC3 150-200k", "L5 180-220k": a level code, then the
    // range).
    const bool after_letter = pos > 0 && IsAlpha(text[pos - 1]);
    if (size_t space = GroupingMarkAt(text, cursor); space && !seen_decimal && !after_letter &&
                                                     (space_grouped || (!token.grouped && digits.size() <= 3)) &&
                                                     digit_run(cursor + space) == 3) {
      token.grouped = space_grouped = true;
      cursor += space;
      continue;
    }
    // "$120 ,000", "$1 20,000", "$14 0,000": a stray space before the comma, or inside a first group that the
    // comma then follows with exactly three digits; the parts before the comma make at most three digits.
    if (c == ' ' && !seen_decimal && !token.grouped && !after_letter && digits.size() <= 3) {
      const size_t run = digit_run(cursor + 1);
      const size_t comma = cursor + 1 + run;
      if (digits.size() + run <= 3 && comma < text.size() && text[comma] == ',' && digit_run(comma + 1) == 3) {
        ++cursor;
        continue;
      }
    }
    // "$142, 500": a stray space after the separator still groups when exactly three digits follow.
    if (c == ',' && !seen_decimal && !token.grouped && digits.size() <= 3 && cursor + 2 < text.size() &&
        text[cursor + 1] == ' ' && digit_run(cursor + 2) == 3) {
      token.grouped = true;
      cursor += 2;
      continue;
    }
    break;
  }
  if (digits.empty() || digits.size() > 15) return 0;
  if (IsPlanName(digits, text.substr(cursor))) return 0;
  if (!ParseDouble(digits, token.amount)) return 0;
  // Multiplier suffix: k, K, m, M, mn, million, thousand, billion (not "km", "kg", "ms").
  size_t suffix = cursor;
  while (suffix < text.size() && text[suffix] == ' ') ++suffix;
  std::string_view rest = text.substr(suffix);
  auto word_ends = [&](size_t len) { return len >= rest.size() || !IsAlpha(rest[len]); };
  struct Word {
    std::string_view text;
    double multiplier;
  };
  constexpr std::array<Word, 5> kWords = {
      {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}, {"quadrillion", 1e15}}};
  bool matched = false;
  for (const Word& word : kWords) {
    if (StartsWithIgnoreCase(rest, word.text) && word_ends(word.text.size())) {
      token.multiplier = word.multiplier;
      cursor = suffix + word.text.size();
      matched = true;
      break;
    }
  }
  // Lakhs and crores ("8 LPA": lakhs per annum, "25 lakhs", "1.2 crore"): a lakh is 100,000, a crore
  // 10,000,000, and they count rupees.
  struct IndianUnit {
    std::string_view text;
    double multiplier;
    bool per_annum;
  };
  constexpr std::array<IndianUnit, 8> kIndianUnits = {{{"lpa", 1e5, true},
                                                       {"lakhs", 1e5, false},
                                                       {"lakh", 1e5, false},
                                                       {"lacs", 1e5, false},
                                                       {"lac", 1e5, false},
                                                       {"crores", 1e7, false},
                                                       {"crore", 1e7, false},
                                                       {"cr", 1e7, false}}};
  for (const IndianUnit& unit : kIndianUnits) {
    if (matched) break;
    if (StartsWithIgnoreCase(rest, unit.text) && word_ends(unit.text.size())) {
      token.multiplier = unit.multiplier;
      token.indian_units = true;
      token.per_annum = unit.per_annum;
      cursor = suffix + unit.text.size();
      matched = true;
    }
  }
  if (matched) {
  } else if (suffix == cursor && !rest.empty() && (rest[0] == 'k' || rest[0] == 'K') && word_ends(1)) {
    token.multiplier = 1e3;
    cursor = suffix + 1;
  } else if (suffix == cursor && !rest.empty() && (rest[0] == 'm' || rest[0] == 'M') && word_ends(1)) {
    token.multiplier = 1e6;
    cursor = suffix + 1;
  } else if (suffix == cursor && StartsWithIgnoreCase(rest, "mn") && word_ends(2)) {
    token.multiplier = 1e6;
    cursor = suffix + 2;
  } else if (StartsWithIgnoreCase(rest, "bn") && word_ends(2)) {
    token.multiplier = 1e9;
    cursor = suffix + 2;
  } else if (suffix == cursor && rest.starts_with("B") && word_ends(1)) {
    token.multiplier = 1e9;
    cursor = suffix + 1;
  }
  // "$100,000K": a figure already written out in full; the K is a slip, not a thousand times more.
  if (token.multiplier == 1e3 && token.grouped && token.amount >= 1000) token.multiplier = 1;
  token.had_multiplier = token.multiplier != 1;
  token.amount *= token.multiplier;
  return cursor - pos;
}

// A unit after a slash: "/hr", "/ year", "/Annum". Returns the bytes spanned from the slash, 0 if none.
size_t SlashPeriodAt(std::string_view lower, size_t pos, SalaryPeriod& period) {
  struct Unit {
    std::string_view text;
    SalaryPeriod period;
  };
  constexpr std::array<Unit, 16> kUnits = {{
      {"hour", SalaryPeriod::kHour},
      {"hr", SalaryPeriod::kHour},
      {"h", SalaryPeriod::kHour},
      {"day", SalaryPeriod::kDay},
      {"week", SalaryPeriod::kWeek},
      {"wk", SalaryPeriod::kWeek},
      {"month", SalaryPeriod::kMonth},
      {"mo", SalaryPeriod::kMonth},
      {"year", SalaryPeriod::kYear},
      {"yr", SalaryPeriod::kYear},
      {"annum", SalaryPeriod::kYear},
      {"annual", SalaryPeriod::kYear},
      {"monat", SalaryPeriod::kMonth},
      {"mois", SalaryPeriod::kMonth},
      {"jahr", SalaryPeriod::kYear},
      {"an", SalaryPeriod::kYear},
  }};
  size_t start = pos + 1;
  while (start < lower.size() && lower[start] == ' ') ++start;
  std::string_view rest = lower.substr(start);
  for (const Unit& unit : kUnits) {
    if (rest.starts_with(unit.text) && (rest.size() == unit.text.size() || !IsAlpha(rest[unit.text.size()]))) {
      period = unit.period;
      return start + unit.text.size() - pos;
    }
  }
  return 0;
}

}  // namespace

std::span<const SignWord> CurrencySigns() { return kCurrencySigns; }

std::optional<std::pair<std::string, size_t>> CurrencyAt(std::string_view text, size_t pos) {
  std::string_view rest = text.substr(pos);
  for (const Symbol& symbol : kSymbols) {
    if (rest.starts_with(symbol.text)) {
      // "US$" etc. must not be the tail of a word ("BUS$").
      if (symbol.text.size() > 1 && IsAlpha(symbol.text[0]) && pos > 0 && IsAlpha(text[pos - 1])) continue;
      // "Rs" must not be the head of a word ("Rsync").
      if (IsAlpha(symbol.text.back()) && rest.size() > symbol.text.size() && IsAlpha(rest[symbol.text.size()]))
        continue;
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
    // A lone '.' ("$31/hr. - $35/hr.") separates nothing; words keep theirs ("p.a.", "est.").
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' || c == ':' || c == ',' || c == '*' ||
        c == '|' || c == '.') {
      ++pos;
      continue;
    }
    if (auto currency = CurrencyAt(text, pos)) {
      MoneyToken token{MoneyTokenKind::kCurrency, pos, pos + currency->second};
      token.currency = currency->first;
      token.bare_dollar = currency->second == 1 && c == '$';
      tokens.push_back(token);
      pos += currency->second;
      continue;
    }
    // Digits glued to letters name a level or a code ("IC3", "L5", "H1B"), not money; a currency code
    // glued to its figure ("USD100,000") stays money.
    if (IsDigit(c) && pos > 0 && IsAlpha(text[pos - 1])) {
      size_t letters = pos;
      while (letters > 0 && IsAlpha(text[letters - 1])) --letters;
      auto currency = CurrencyAt(text, letters);
      if (!currency || letters + currency->second != pos) {
        size_t end = pos;
        while (end < text.size() && (IsDigit(text[end]) || IsAlpha(text[end]))) ++end;
        tokens.push_back({MoneyTokenKind::kWord, pos, end});
        pos = end;
        continue;
      }
    }
    if (IsDigit(c)) {
      MoneyToken token{MoneyTokenKind::kAmount, pos, pos};
      size_t used = ReadAmount(text, pos, token);
      if (used == 0) {  // a plan name ("401k") or a digit run too long to be money: one word
        size_t end = pos;
        while (end < text.size() && (IsDigit(text[end]) || IsAlpha(text[end]))) ++end;
        tokens.push_back({MoneyTokenKind::kWord, pos, end});
        pos = end;
        continue;
      }
      token.end = pos + used;
      tokens.push_back(token);
      if (token.per_annum) {  // "LPA" says the period too
        MoneyToken period{MoneyTokenKind::kPeriod, token.end, token.end};
        period.period = SalaryPeriod::kYear;
        tokens.push_back(period);
      }
      pos += used;
      continue;
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
    if (c == '/') {
      MoneyToken token{MoneyTokenKind::kPeriod, pos, pos};
      if (size_t used = SlashPeriodAt(lower, pos, token.period)) {
        token.end = pos + used;
        tokens.push_back(token);
        pos += used;
        continue;
      }
    }
    if (c == '-' && pos + 1 < text.size() && text[pos + 1] == '>') {
      tokens.push_back({MoneyTokenKind::kWord, pos, pos + 2});  // an arrow "->" leads a line, joins nothing
      pos += 2;
      continue;
    }
    if (c == '-' || c == '~') {
      size_t end = pos + 1;
      while (c == '-' && end < text.size() && text[end] == '-') ++end;  // "$120k--$150k"
      tokens.push_back({MoneyTokenKind::kRangeSep, pos, end});
      pos = end;
      continue;
    }
    if (c == '%') {
      tokens.push_back({MoneyTokenKind::kPercent, pos, pos + 1});
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
    // "to", and the range words of German ("bis"), French ("à", "et"), Spanish ("y") and Dutch ("tot")
    // postings: "60 000 € à 70 000 €".
    if (word == "to" || word == "and" || word == "bis" || word == "\xC3\xA0" || word == "et" || word == "y" ||
        word == "tot")
      kind = MoneyTokenKind::kRangeSep;
    if (word == "up" && std::string_view(lower).substr(end).starts_with(" to")) {
      kind = MoneyTokenKind::kUpTo;
      end += 3;
    }
    if (word == "from" || word == "starting" || word == "starts" || word == "min" || word == "minimum" ||
        word == "least" || word == "upwards") {
      kind = MoneyTokenKind::kFrom;
    }
    if (word == "max" || word == "maximum" || word == "exceed") kind = MoneyTokenKind::kUpTo;
    if (word == "percent") kind = MoneyTokenKind::kPercent;
    tokens.push_back({kind, pos, end});
    pos = end;
  }
  return tokens;
}

namespace {

bool IsAmount(const std::vector<MoneyToken>& tokens, size_t idx) {
  return idx < tokens.size() && tokens[idx].kind == MoneyTokenKind::kAmount;
}

// Currencies, periods and a percent sign written after an amount: "120,000 USD", "$45/hr", "/year (CAD)".
// A currency followed by an amount belongs to that amount instead ("Region 2 $130,388").
size_t ReadSuffix(const std::vector<MoneyToken>& tokens, size_t idx, MoneyGroup& group,
                  std::vector<const MoneyToken*>& currencies) {
  while (idx < tokens.size()) {
    const MoneyToken& token = tokens[idx];
    if (token.kind == MoneyTokenKind::kCurrency && !IsAmount(tokens, idx + 1) &&
        !(idx + 1 < tokens.size() && tokens[idx + 1].kind == MoneyTokenKind::kCurrency)) {
      currencies.push_back(&token);
    } else if (token.kind == MoneyTokenKind::kPeriod) {
      if (group.period == SalaryPeriod::kUnknown) group.period = token.period;
    } else if (token.kind == MoneyTokenKind::kPercent) {
      group.percent = true;
    } else {
      break;
    }
    ++idx;
  }
  return idx;
}

// Currencies written just before the amount at idx ("USD $188,100"); returns the first token of them.
size_t ReadPrefix(const std::vector<MoneyToken>& tokens, size_t idx, size_t floor,
                  std::vector<const MoneyToken*>& currencies) {
  while (idx > floor && tokens[idx - 1].kind == MoneyTokenKind::kCurrency) {
    --idx;
    currencies.push_back(&tokens[idx]);
  }
  return idx;
}

bool IsSpaceOrOpen(char c) { return c == ' ' || c == '\t' || c == '(' || c == ':' || c == '\n'; }

}  // namespace

std::vector<MoneyGroup> GroupMoney(std::string_view text, const std::vector<MoneyToken>& tokens) {
  std::vector<MoneyGroup> groups;
  size_t floor = 0;  // tokens before this belong to an earlier group
  for (size_t idx = 0; idx < tokens.size(); ++idx) {
    if (!IsAmount(tokens, idx)) continue;
    MoneyGroup group;
    std::vector<const MoneyToken*> currencies;
    group.first_token = ReadPrefix(tokens, idx, floor, currencies);
    // "-$50000" is a loss, not pay: a hyphen stuck to the figure, with a space or nothing before it.
    if (group.first_token > floor) {
      const MoneyToken& before = tokens[group.first_token - 1];
      if (before.kind == MoneyTokenKind::kRangeSep && text[before.begin] == '-' &&
          before.end == tokens[group.first_token].begin &&
          (before.begin == 0 || IsSpaceOrOpen(text[before.begin - 1]))) {
        group.negative = true;
      }
    }
    const MoneyToken& low = tokens[idx];
    size_t next = ReadSuffix(tokens, idx + 1, group, currencies);
    const MoneyToken* high = nullptr;
    if (next < tokens.size() && tokens[next].kind == MoneyTokenKind::kRangeSep) {
      std::vector<const MoneyToken*> high_currencies;
      size_t amount = next + 1;
      while (amount < tokens.size() && tokens[amount].kind == MoneyTokenKind::kCurrency) {
        high_currencies.push_back(&tokens[amount]);
        ++amount;
      }
      if (IsAmount(tokens, amount)) {
        const MoneyToken& candidate = tokens[amount];
        // "$100,000 and 10% bonus" joins two things; "between $50 and $60" is a range of like figures.
        bool joins = EqualsIgnoreCase(text.substr(tokens[next].begin, tokens[next].end - tokens[next].begin), "and");
        double ratio = std::max(low.amount, candidate.amount) / std::max(1e-9, std::min(low.amount, candidate.amount));
        bool like = !(joins && ratio > 10 && !(candidate.had_multiplier && !low.had_multiplier));
        if (like) {
          high = &candidate;
          currencies.insert(currencies.end(), high_currencies.begin(), high_currencies.end());
          next = ReadSuffix(tokens, amount + 1, group, currencies);
        }
      }
    }
    if (next < tokens.size() && tokens[next].kind == MoneyTokenKind::kPlus &&
        tokens[next].begin == tokens[next - 1].end) {
      group.plus = !high;  // "81K+" is a floor; "$200,000 - 250,000+" stays a range
      next = ReadSuffix(tokens, next + 1, group, currencies);
    }
    group.last_token = next - 1;
    group.begin = tokens[group.first_token].begin;
    group.end = tokens[group.last_token].end;
    group.low = low.amount;
    group.had_multiplier = low.had_multiplier;
    if (high) {
      double high_amount = high->amount;
      group.had_multiplier = group.had_multiplier || high->had_multiplier;
      // "$120-150K", "$90-110k": the suffix on the high end applies to the low end too.
      if (high->had_multiplier && !low.had_multiplier && low.amount * high->multiplier <= high_amount) {
        group.low *= high->multiplier;
      }
      // "$95- $105,000": a first figure that drops its thousands. Only where the thousands make a range of
      // like figures, and never for hourly, daily or weekly pay, where three digits are the whole figure.
      bool short_period = group.period == SalaryPeriod::kHour || group.period == SalaryPeriod::kDay ||
                          group.period == SalaryPeriod::kWeek || group.period == SalaryPeriod::kTwoWeeks;
      if (!low.had_multiplier && !low.grouped && group.low < 1000 && high_amount >= 10000 && !short_period &&
          group.low * 1000 <= high_amount && group.low * 1000 * 3 >= high_amount) {
        group.low *= 1000;
      }
      group.high = high_amount;
    }
    double largest = std::max(group.low, group.high.value_or(0));
    group.money_shaped = low.grouped || (high && high->grouped) || group.had_multiplier || largest >= 10000 ||
                         group.period != SalaryPeriod::kUnknown;
    for (const MoneyToken* currency : currencies) {
      if (!currency->bare_dollar && group.currency.empty()) group.currency = currency->currency;
    }
    if (group.currency.empty() && !currencies.empty()) {
      group.currency = currencies.front()->currency;
      group.bare_dollar = true;
    }
    if (group.currency.empty() && (low.indian_units || (high && high->indian_units))) group.currency = "INR";
    groups.push_back(std::move(group));
    floor = next;
    idx = next - 1;
  }
  return groups;
}

}  // namespace jobscope::extract::internal
