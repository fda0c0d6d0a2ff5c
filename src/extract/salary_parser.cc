// Salary parsing and normalisation: the one place in the code that turns pay text into numbers
// (DESIGN.md, "Salary normalisation"). Keeps the original text, min, max, currency, period and source;
// annualises with hour x 2080, day x 260, week x 52, month x 12; converts with the dated rate table.
#include <algorithm>
#include <array>

#include "base/strings.h"
#include "extract/extract.h"
#include "extract/internal/money_lexer.h"

namespace jobscope::extract {
namespace {

using internal::MoneyToken;
using internal::MoneyTokenKind;

constexpr std::array<std::string_view, 12> kNegotiableCues = {
    "negotiable", "doe", "competitive", "depending on experience", "depends on experience", "tbd",
    "commensurate", "not disclosed", "undisclosed", "market rate", "attractive", "n/a"};
// Money that is not pay.
constexpr std::array<std::string_view, 18> kFundingCues = {
    "series a", "series b", "series c", "series d", "funding", "raised", "valuation", "revenue", "investors",
    "investment", "seed round", "backed", "arr", "users", "customers", "budget", "assets under", "market cap"};
constexpr std::array<std::string_view, 11> kBonusCues = {"bonus",    "stipend", "relocation", "reimburse",
                                                         "allowance", "401",     "equity",     "referral",
                                                         "sign-on",  "signing", "tuition"};
constexpr std::array<std::string_view, 15> kPayCues = {
    "salary", "pay", "compensation", "base", "range", "wage", "hourly", "annual", "per hour", "per year",
    "/hr", "/yr", "ote", "earn", "rate"};

bool ContainsWord(std::string_view lower, std::string_view cue) {
  size_t pos = 0;
  while ((pos = lower.find(cue, pos)) != std::string_view::npos) {
    bool left = pos == 0 || !IsAsciiAlnum(static_cast<unsigned char>(lower[pos - 1]));
    size_t end = pos + cue.size();
    bool right = end >= lower.size() || !IsAsciiAlnum(static_cast<unsigned char>(lower[end]));
    if (left && right) return true;
    pos = end;
  }
  return false;
}

template <size_t N>
bool ContainsAnyWord(std::string_view lower, const std::array<std::string_view, N>& cues) {
  return std::any_of(cues.begin(), cues.end(), [&](std::string_view cue) { return ContainsWord(lower, cue); });
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

SalaryPeriod InferPeriod(double amount, bool had_multiplier) {
  if (had_multiplier) return SalaryPeriod::kYear;  // "120K" is a year's pay in every source seen
  if (amount <= 500) return SalaryPeriod::kHour;
  if (amount >= 10000) return SalaryPeriod::kYear;
  return SalaryPeriod::kUnknown;
}

}  // namespace

double PeriodsPerYear(SalaryPeriod period) {
  switch (period) {
    case SalaryPeriod::kHour: return 2080;
    case SalaryPeriod::kDay: return 260;
    case SalaryPeriod::kWeek: return 52;
    case SalaryPeriod::kMonth: return 12;
    case SalaryPeriod::kYear: return 1;
    case SalaryPeriod::kUnknown: return 0;
  }
  return 0;
}

bool IsAbsurdAnnualUsd(double annual_usd) { return annual_usd < 1000 || annual_usd > 5'000'000; }

void Annualise(Salary& salary, const CurrencyRates& rates) {
  salary.annual_min_usd.reset();
  salary.annual_max_usd.reset();
  salary.currency_unknown = false;
  std::optional<double> usd_per_unit;
  if (!salary.currency.empty()) usd_per_unit = rates.UsdPerUnit(salary.currency);
  if (!usd_per_unit) {
    salary.currency_unknown = true;  // kept as stated, never converted 1:1
    return;
  }
  double periods = PeriodsPerYear(salary.period);
  if (periods == 0) return;
  if (salary.min) salary.annual_min_usd = *salary.min * periods * *usd_per_unit;
  if (salary.max) salary.annual_max_usd = *salary.max * periods * *usd_per_unit;
}

SalaryParse ParseSalaryText(std::string_view text, const CurrencyRates& rates, const SalaryHints& hints) {
  SalaryParse result;
  std::string_view trimmed = TrimAscii(text);
  std::string lower = AsciiLower(trimmed);
  if (trimmed.empty() || trimmed == "-1" || trimmed == "0") {
    result.not_salary_reason = "no amount";
    return result;
  }
  if (!HasDigit(trimmed)) {
    result.not_salary_reason = ContainsAnyWord(lower, kNegotiableCues) ? "negotiable" : "no amount";
    return result;
  }
  std::vector<MoneyToken> tokens = internal::LexMoney(trimmed);
  size_t first = tokens.size();
  for (size_t idx = 0; idx < tokens.size(); ++idx) {
    if (tokens[idx].kind == MoneyTokenKind::kAmount) {
      first = idx;
      break;
    }
  }
  if (first == tokens.size()) {
    result.not_salary_reason = "no amount";
    return result;
  }
  if (ContainsAnyWord(lower, kFundingCues)) {
    result.not_salary_reason = "funding or company figure, not pay";
    return result;
  }
  if (ContainsAnyWord(lower, kBonusCues) && !ContainsAnyWord(lower, kPayCues)) {
    result.not_salary_reason = "bonus or allowance, not pay";
    return result;
  }
  MoneyToken low = tokens[first];
  std::optional<MoneyToken> high;
  size_t cursor = first + 1;
  while (cursor < tokens.size() && tokens[cursor].kind == MoneyTokenKind::kCurrency) ++cursor;
  if (cursor < tokens.size() && tokens[cursor].kind == MoneyTokenKind::kRangeSep) {
    size_t next = cursor + 1;
    while (next < tokens.size() && tokens[next].kind == MoneyTokenKind::kCurrency) ++next;
    if (next < tokens.size() && tokens[next].kind == MoneyTokenKind::kAmount) high = tokens[next];
  }
  // "$120-150K": the suffix on the high end applies to the low end too.
  if (high && high->had_multiplier && !low.had_multiplier && low.amount * high->multiplier <= high->amount) {
    low.amount *= high->multiplier;
    low.had_multiplier = true;
  }
  bool up_to = first > 0 && tokens[first - 1].kind == MoneyTokenKind::kUpTo;
  if (first > 1 && tokens[first - 1].kind == MoneyTokenKind::kCurrency && tokens[first - 2].kind == MoneyTokenKind::kUpTo) {
    up_to = true;
  }
  bool from = false;
  for (size_t idx = 0; idx < first; ++idx) from = from || tokens[idx].kind == MoneyTokenKind::kFrom;
  bool plus = !high && first + 1 < tokens.size() && tokens[first + 1].kind == MoneyTokenKind::kPlus;

  Salary salary;
  salary.text = std::string(trimmed);
  salary.source = hints.source;
  if (high) {
    salary.min = std::min(low.amount, high->amount);
    salary.max = std::max(low.amount, high->amount);
  } else if (up_to) {
    salary.max = low.amount;
  } else if (from || plus) {
    salary.min = low.amount;
  } else {
    salary.min = low.amount;
    salary.max = low.amount;
  }
  for (const MoneyToken& token : tokens) {
    if (token.kind == MoneyTokenKind::kCurrency && salary.currency.empty()) salary.currency = token.currency;
    if (token.kind == MoneyTokenKind::kPeriod && salary.period == SalaryPeriod::kUnknown) salary.period = token.period;
  }
  if (salary.currency.empty()) salary.currency = hints.default_currency;
  if (salary.period == SalaryPeriod::kUnknown) salary.period = hints.default_period;
  if (salary.period == SalaryPeriod::kUnknown) {
    salary.period = InferPeriod(salary.max.value_or(*salary.min), low.had_multiplier);
  }
  Annualise(salary, rates);
  result.salary = std::move(salary);
  return result;
}

Salary SalaryFromAmounts(std::optional<double> min, std::optional<double> max, std::string_view currency,
                         std::string_view interval, const CurrencyRates& rates, std::string text) {
  Salary salary;
  salary.source = SalarySource::kStructured;
  salary.min = min;
  salary.max = max;
  if (salary.min && salary.max && *salary.min > *salary.max) std::swap(salary.min, salary.max);
  salary.currency = std::string(TrimAscii(currency));
  for (char& c : salary.currency) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  std::string unit = AsciiLower(TrimAscii(interval));
  if (unit == "hourly" || unit == "hour") salary.period = SalaryPeriod::kHour;
  else if (unit == "daily" || unit == "day") salary.period = SalaryPeriod::kDay;
  else if (unit == "weekly" || unit == "week") salary.period = SalaryPeriod::kWeek;
  else if (unit == "monthly" || unit == "month") salary.period = SalaryPeriod::kMonth;
  else if (unit == "yearly" || unit == "year" || unit == "annual" || unit == "annually") salary.period = SalaryPeriod::kYear;
  else if (salary.max || salary.min) salary.period = InferPeriod(salary.max.value_or(salary.min.value_or(0)), false);
  salary.text = std::move(text);
  Annualise(salary, rates);
  return salary;
}

std::optional<Salary> FindSalaryInText(std::string_view text, const CurrencyRates& rates) {
  for (size_t pos = 0; pos < text.size(); ++pos) {
    unsigned char c = static_cast<unsigned char>(text[pos]);
    bool candidate = c == '$' || c == 0xC2 || c == 0xE2 ||
                     (c >= 'A' && c <= 'Z' && pos + 2 < text.size() && text[pos + 1] >= 'A' && text[pos + 1] <= 'Z');
    if (!candidate) continue;
    auto currency = internal::CurrencyAt(text, pos);
    if (!currency) continue;
    size_t after = pos + currency->second;
    while (after < text.size() && text[after] == ' ') ++after;
    if (after >= text.size() || text[after] < '0' || text[after] > '9') {
      pos = after > pos ? after - 1 : pos;
      continue;
    }
    size_t line_begin = text.rfind('\n', pos);
    line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
    size_t line_end = text.find('\n', pos);
    if (line_end == std::string_view::npos) line_end = text.size();
    // The context is the sentence the amount stands in: "We raised $40M. Pay is $60 - $75 per hour."
    size_t sentence_begin = line_begin;
    for (size_t scan = pos; scan > line_begin + 1; --scan) {
      if ((text[scan - 2] == '.' || text[scan - 2] == ';' || text[scan - 2] == '!') && text[scan - 1] == ' ') {
        sentence_begin = scan;
        break;
      }
    }
    size_t window_begin = std::max(sentence_begin, pos >= 100 ? pos - 100 : size_t{0});
    size_t window_end = std::min(line_end, pos + 120);
    std::string window = AsciiLower(text.substr(window_begin, window_end - window_begin));
    size_t phrase_begin = pos;
    size_t phrase_end = std::min(line_end, pos + 80);
    while (phrase_end < line_end && (static_cast<unsigned char>(text[phrase_end]) & 0xC0) == 0x80) ++phrase_end;
    std::string_view phrase = text.substr(phrase_begin, phrase_end - phrase_begin);  // whole UTF-8 characters
    std::vector<MoneyToken> tokens = internal::LexMoney(phrase);
    bool is_range = false;
    for (size_t idx = 0; idx + 1 < tokens.size(); ++idx) {
      if (tokens[idx].kind == MoneyTokenKind::kAmount) {
        size_t next = idx + 1;
        is_range = tokens[next].kind == MoneyTokenKind::kRangeSep;
        break;
      }
    }
    if (ContainsAnyWord(window, kFundingCues)) continue;
    if (ContainsAnyWord(window, kBonusCues) && !ContainsAnyWord(window, kPayCues)) continue;
    if (!is_range && !ContainsAnyWord(window, kPayCues)) continue;
    SalaryHints hints;
    hints.source = SalarySource::kPostingText;
    SalaryParse parse = ParseSalaryText(phrase, rates, hints);
    if (!parse.salary) continue;
    Salary& salary = *parse.salary;
    // "up to $200k", "starting at $95,000": the words just before the amount bound it on one side.
    size_t lead_begin = std::max(sentence_begin, pos >= 24 ? pos - 24 : size_t{0});
    std::string lead = AsciiLower(text.substr(lead_begin, pos - lead_begin));
    if (salary.min && salary.max && *salary.min == *salary.max) {
      if (ContainsWord(lead, "up to") || ContainsWord(lead, "max") || ContainsWord(lead, "maximum")) {
        salary.min.reset();
      } else if (ContainsWord(lead, "starting") || ContainsWord(lead, "from") || ContainsWord(lead, "at least") ||
                 ContainsWord(lead, "minimum")) {
        salary.max.reset();
      }
      Annualise(salary, rates);
    }
    if (salary.period == SalaryPeriod::kUnknown) {  // the period may be stated further along the line
      for (const MoneyToken& token : internal::LexMoney(window)) {
        if (token.kind == MoneyTokenKind::kPeriod) {
          salary.period = token.period;
          Annualise(salary, rates);
          break;
        }
      }
    }
    std::optional<double> annual = salary.annual_mid_usd();
    if (!annual || *annual < 10000 || IsAbsurdAnnualUsd(*annual)) continue;
    return salary;
  }
  return std::nullopt;
}

}  // namespace jobscope::extract
