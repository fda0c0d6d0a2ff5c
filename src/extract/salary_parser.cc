// Salary parsing and normalisation: the one place in the code that turns pay text into numbers
// (DESIGN.md, "Salary normalisation"). Keeps the original text, min, max, currency, period and source;
// annualises with hour x 2080, day x 260, week x 52, month x 12; converts with the dated rate table.
#include <algorithm>
#include <array>

#include "base/strings.h"
#include "extract/extract.h"
#include "extract/internal/money_lexer.h"
#include "extract/internal/text_signs.h"

namespace jobscope::extract {
namespace {

using internal::MoneyGroup;
using internal::MoneyToken;
using internal::MoneyTokenKind;

constexpr std::array<std::string_view, 12> kNegotiableCues = {"negotiable",
                                                              "doe",
                                                              "competitive",
                                                              "depending on experience",
                                                              "depends on experience",
                                                              "tbd",
                                                              "commensurate",
                                                              "not disclosed",
                                                              "undisclosed",
                                                              "market rate",
                                                              "attractive",
                                                              "n/a"};
// Money that is not pay. A cue ending in '*' also matches the words it begins ("revenues").
constexpr std::array<std::string_view, 21> kFundingCues = {
    "series a",  "series b",  "series c",     "series d",   "funding",   "raised", "valuation*",
    "revenue*",  "investors", "investment",   "seed round", "backed",    "arr",    "users",
    "customers", "budget",    "assets under", "market cap", "financing", "ipo",    "aum"};
// What a figure is when it is not base pay, named in its own clause: "$5,000 signing bonus", "$750 credit".
constexpr std::array<std::string_view, 32> kExtraCues = {
    "bonus*",      "stipend*",   "relocat*", "reimburs*", "allowance*", "401*",      "403*",       "equity",
    "referr*",     "refer",      "sign-on",  "signing",   "tuition",    "credit*",   "subsid*",    "benefit*",
    "commission*", "incentive*", "stock*",   "rsu*",      "insurance",  "expense*",  "assistance", "wellness",
    "perk*",       "gift*",      "award*",   "budget*",   "match*",     "childcare", "parental",   "donat*"};
// Words that name base pay: beside a figure they beat an extra further off ("base salary ... bonus $X" is not).
// "CTC" (cost to company) is how Indian postings name pay; "Gehalt", "salaire", "salario" are German, French
// and Spanish for salary.
constexpr std::array<std::string_view, 16> kBasePayCues = {
    "salary",   "salaries", "pay",          "base",   "compensation", "wage",   "wages",   "rate",
    "earnings", "ote",      "remuneration", "income", "ctc",          "gehalt", "salaire", "salario"};
// The signs of pay a sentence needs to be read (FindSalaryInText): a currency the lexer reads, or a word for
// base pay, which lets a figure without a currency be pay.
const std::vector<internal::SignWord>& PaySignWords() {
  static const auto* words = [] {
    auto* list = new std::vector<internal::SignWord>();
    for (const internal::SignWord& sign : internal::CurrencySigns()) list->push_back(sign);
    for (std::string_view cue : kBasePayCues) list->push_back({cue, true});
    return list;
  }();
  return *words;
}

// A figure that adds the extras to base pay.
constexpr std::array<std::string_view, 5> kTotalCues = {"total", "ote", "on-target", "target earnings", "package"};
// A sentence with one of these states pay when it holds a figure with a currency.
constexpr std::array<std::string_view, 24> kPayCues = {
    "salary", "salaries", "pay",      "compensation", "base", "range",  "wage",    "wages",
    "hourly", "annual",   "per hour", "per year",     "/hr",  "/yr",    "/hour",   "/year",
    "ote",    "earn",     "rate",     "remuneration", "ctc",  "gehalt", "salaire", "salario"};
// Money by the hour, day or week that is no wage: what is billed, spent, saved or worth so much.
constexpr std::array<std::string_view, 16> kNotWageCues = {
    "bill*", "spend*",  "spent", "per diem", "worth",    "valued", "value", "refund*",
    "cost*", "member*", "fee*",  "pric*",    "revenue*", "save",   "saves", "saving*"};
// Words that may follow a figure written without a currency and still leave it pay ("120,000 - 150,000 based
// on experience"); any other word makes it a count ("75,000 documents").
constexpr std::array<std::string_view, 20> kAfterBareFigure = {
    "depending", "dependent", "based", "doe",          "plus",       "and", "with", "for",    "in",  "gross",
    "base",      "total",     "ote",   "commensurate", "negotiable", "or",  "cash", "salary", "pay", "per"};
// What pay comes with, after a '+'.
constexpr std::array<std::string_view, 11> kBesidePay = {
    "equity", "bonus", "bonuses", "benefits", "super", "commission", "stock", "rsu", "rsus", "options", "incentives"};
// Dollars that a bare "$" means when the string names them.
constexpr std::array<std::string_view, 5> kOtherDollars = {"CAD", "AUD", "NZD", "HKD", "SGD"};

// Where `cue` stands in `lower` as a whole word (or, ending in '*', as the start of one): the first or the
// last place; npos if nowhere. A cue that begins with a sign ("/hr") may follow a digit: it stands right
// after the figure ("$45/hr"), but not after a word ("Finance/HR").
size_t FindCue(std::string_view lower, std::string_view cue, bool last) {
  bool stem = cue.ends_with('*');
  if (stem) cue.remove_suffix(1);
  size_t found = std::string_view::npos;
  size_t pos = 0;
  while ((pos = lower.find(cue, pos)) != std::string_view::npos) {
    const auto before = static_cast<unsigned char>(lower[pos == 0 ? 0 : pos - 1]);
    bool left = pos == 0 || !IsAsciiAlnum(before) ||
                (!IsAsciiAlnum(static_cast<unsigned char>(cue.front())) && before >= '0' && before <= '9');
    size_t end = pos + cue.size();
    bool right = stem || end >= lower.size() || !IsAsciiAlnum(static_cast<unsigned char>(lower[end]));
    if (left && right) {
      found = pos;
      if (!last) return found;
    }
    ++pos;
  }
  return found;
}

template <size_t N>
size_t FindAnyCue(std::string_view lower, const std::array<std::string_view, N>& cues, bool last) {
  size_t best = std::string_view::npos;
  for (std::string_view cue : cues) {
    size_t pos = FindCue(lower, cue, last);
    if (pos == std::string_view::npos) continue;
    if (best == std::string_view::npos || (last ? pos > best : pos < best)) best = pos;
  }
  return best;
}

template <size_t N>
bool ContainsAnyWord(std::string_view lower, const std::array<std::string_view, N>& cues) {
  return FindAnyCue(lower, cues, false) != std::string_view::npos;
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The words before a figure back to the last clause break, and after it up to the next: what they name is
// what the figure is. "$120k - $150k, plus equity": the equity has a clause of its own.
std::string_view ClauseBefore(std::string_view lower) {
  size_t cut = lower.find_last_of(",;+(");
  size_t plus = lower.rfind(" plus ");
  if (plus != std::string_view::npos && (cut == std::string_view::npos || plus > cut)) cut = plus + 5;
  return cut == std::string_view::npos ? lower : lower.substr(cut + 1);
}

std::string_view ClauseAfter(std::string_view lower) {
  size_t cut = lower.find_first_of(",;+()");
  for (std::string_view joint : {" plus ", " with ", " and ", ". "}) cut = std::min(cut, lower.find(joint));
  return cut == std::string_view::npos ? lower : lower.substr(0, cut);
}

// True when the clause names an extra (bonus, stipend, equity...) nearer the figure than any word for pay.
bool NamesAnExtra(std::string_view before, std::string_view after) {
  size_t extra = FindAnyCue(after, kExtraCues, false);
  size_t pay = FindAnyCue(after, kBasePayCues, false);
  if (extra != std::string_view::npos || pay != std::string_view::npos) return extra < pay;
  extra = FindAnyCue(before, kExtraCues, true);
  pay = FindAnyCue(before, kBasePayCues, true);
  return extra != std::string_view::npos && (pay == std::string_view::npos || extra > pay);
}

// "90-110K + equity": what pay comes with may follow a '+'; "50,000 + employees" is a count.
bool FollowsPlusOnPay(std::string_view after) {
  size_t begin = 0;
  while (begin < after.size() && after[begin] == ' ') ++begin;
  size_t end = begin;
  while (end < after.size() && after[end] >= 'a' && after[end] <= 'z') ++end;
  std::string_view word = after.substr(begin, end - begin);
  return std::find(kBesidePay.begin(), kBesidePay.end(), word) != kBesidePay.end();
}

bool BareFigureMayEndHere(std::string_view after) {
  size_t begin = 0;
  while (begin < after.size() && !(after[begin] >= 'a' && after[begin] <= 'z')) {
    if (after[begin] == '.' || after[begin] == ';') return true;  // the sentence ends first
    if (after[begin] == '+') return FollowsPlusOnPay(after.substr(begin + 1));
    ++begin;
  }
  size_t end = begin;
  while (end < after.size() && after[end] >= 'a' && after[end] <= 'z') ++end;
  std::string_view word = after.substr(begin, end - begin);
  return word.empty() || std::find(kAfterBareFigure.begin(), kAfterBareFigure.end(), word) != kAfterBareFigure.end();
}

// The least a year's pay found in a description may come to, in USD: less is a perk or a fee ("$5,000
// relocation"). Where wages are a fraction of US ones, a fresher's real pay is below that ("3.6 LPA" is
// about $4,300), so the currencies of those markets have a lower floor.
double MinimumAnnualPayUsd(std::string_view currency) {
  constexpr std::array<std::string_view, 4> kLowWageCurrencies = {"INR", "PKR", "PHP", "NGN"};
  bool low = std::find(kLowWageCurrencies.begin(), kLowWageCurrencies.end(), currency) != kLowWageCurrencies.end();
  return low ? 1500 : 10000;
}

// The gold rule for an unstated period: a year's pay from 10,000 up, an hour's up to 300, else unknown.
SalaryPeriod InferPeriod(double amount) {
  if (amount >= 10000) return SalaryPeriod::kYear;
  if (amount > 0 && amount <= 300) return SalaryPeriod::kHour;
  return SalaryPeriod::kUnknown;
}

// Whether a period named away from the figure can be its period: "Hourly Rate ... $206,500" cannot.
bool Plausible(SalaryPeriod period, double amount) {
  switch (period) {
    case SalaryPeriod::kHour:
      return amount <= 500;
    case SalaryPeriod::kDay:
      return amount <= 5000;
    case SalaryPeriod::kWeek:
      return amount <= 20000;
    case SalaryPeriod::kTwoWeeks:
      return amount <= 40000;
    case SalaryPeriod::kHalfMonth:
      return amount >= 50 && amount <= 50000;
    case SalaryPeriod::kMonth:
      return amount >= 100 && amount <= 100000;
    case SalaryPeriod::kYear:
      return amount >= 1000;
    case SalaryPeriod::kUnknown:
      return false;
  }
  return false;
}

enum class Bound { kNone, kUpTo, kFrom };

// "up to $200k", "MAX BILL RATE: $65", "starting at $95,000": a bound word a few tokens before the figure.
Bound BoundBefore(const std::vector<MoneyToken>& tokens, size_t first_token, size_t floor) {
  for (size_t idx = first_token, seen = 0; idx > floor && seen < 4; --idx, ++seen) {
    MoneyTokenKind kind = tokens[idx - 1].kind;
    if (kind == MoneyTokenKind::kUpTo) return Bound::kUpTo;
    if (kind == MoneyTokenKind::kFrom) return Bound::kFrom;
    if (kind == MoneyTokenKind::kAmount) break;
  }
  return Bound::kNone;
}

// What one pay string or one sentence says: the first figure that is base pay, widened by the other base
// ranges beside it ("$89,000 to $129,050 (outside SF) and $100,000 to $145,000 (SF)").
struct PayReading {
  std::optional<Salary> salary;
  std::string not_salary_reason;
  bool range = false;         // the figure is a range
  bool wage_period = false;   // the figure names its own period of hours, days or weeks ("$45 an hour")
  bool own_period = false;    // the figure names its own period, of any length ("$90,000 annually")
  size_t begin = 0, end = 0;  // bytes of the figure in the text
};

enum class Where { kField, kSentence };

PayReading ReadPay(std::string_view text, Where where, const CurrencyRates& rates, const SalaryHints& hints) {
  PayReading reading;
  std::string lower = AsciiLower(text);
  std::vector<MoneyToken> tokens = internal::LexMoney(text);
  std::vector<MoneyGroup> groups = internal::GroupMoney(text, tokens);
  struct Candidate {
    size_t group;
    size_t floor;    // first token after the previous group
    size_t ceiling;  // first token of the next group
  };
  std::vector<Candidate> candidates;
  bool saw_extra = false;
  for (size_t idx = 0; idx < groups.size(); ++idx) {
    const MoneyGroup& group = groups[idx];
    size_t previous_end = idx == 0 ? 0 : groups[idx - 1].end;
    size_t next_begin = idx + 1 < groups.size() ? groups[idx + 1].begin : text.size();
    std::string_view before = std::string_view(lower).substr(previous_end, group.begin - previous_end);
    std::string_view after = std::string_view(lower).substr(group.end, next_begin - group.end);
    if (group.percent || group.negative) continue;
    if (std::max(group.low, group.high.value_or(0)) < 5) continue;  // "$1" is a token sum, not a wage
    if (NamesAnExtra(ClauseBefore(before), ClauseAfter(after))) {
      saw_extra = true;
      continue;
    }
    // A figure without a currency is pay only when it looks like pay and the words before say so.
    if (where == Where::kSentence && group.currency.empty() &&
        !(group.money_shaped && ContainsAnyWord(before, kBasePayCues) && BareFigureMayEndHere(after))) {
      continue;
    }
    candidates.push_back({idx, idx == 0 ? 0 : groups[idx - 1].last_token + 1,
                          idx + 1 < groups.size() ? groups[idx + 1].first_token : tokens.size()});
  }
  // In a field, "Region 2 $130,388 - $149,363": the figure with a currency is the pay.
  if (where == Where::kField) {
    auto with_currency = std::find_if(candidates.begin(), candidates.end(),
                                      [&](const Candidate& c) { return !groups[c.group].currency.empty(); });
    candidates.erase(candidates.begin(), with_currency == candidates.end() ? candidates.begin() : with_currency);
  }
  if (candidates.empty()) {
    reading.not_salary_reason = saw_extra ? "bonus or allowance, not pay" : "no amount";
    return reading;
  }
  const Candidate& main = candidates.front();
  const MoneyGroup& figure = groups[main.group];
  Bound bound = BoundBefore(tokens, figure.first_token, main.floor);
  Salary salary;
  salary.source = hints.source;
  if (figure.high) {
    salary.min = std::min(figure.low, *figure.high);  // a range written backwards is read low to high
    salary.max = std::max(figure.low, *figure.high);
  } else if (bound == Bound::kUpTo) {
    salary.max = figure.low;
  } else if (bound == Bound::kFrom || figure.plus) {
    salary.min = figure.low;
  } else {
    salary.min = figure.low;
    salary.max = figure.low;
  }
  double amount = salary.max.value_or(*salary.min);
  // Period: the figure's own; else the source's; else one named in the clause that fits the amount; else
  // the amount's size decides.
  salary.period = figure.period;
  if (salary.period == SalaryPeriod::kUnknown) salary.period = hints.default_period;
  if (salary.period == SalaryPeriod::kUnknown) {
    for (size_t idx = figure.first_token; idx > main.floor && salary.period == SalaryPeriod::kUnknown; --idx) {
      const MoneyToken& token = tokens[idx - 1];
      if (token.kind == MoneyTokenKind::kPeriod && Plausible(token.period, amount)) salary.period = token.period;
    }
    for (size_t idx = figure.last_token + 1; idx < main.ceiling && salary.period == SalaryPeriod::kUnknown; ++idx) {
      const MoneyToken& token = tokens[idx];
      if (token.kind == MoneyTokenKind::kPeriod && Plausible(token.period, amount)) salary.period = token.period;
    }
  }
  if (salary.period == SalaryPeriod::kUnknown) salary.period = InferPeriod(amount);
  // Currency: the figure's own; a bare "$" is the other dollar the string names ("$279,000 /year (CAD)").
  salary.currency = figure.currency;
  if (salary.currency.empty() || figure.bare_dollar) {
    for (const MoneyToken& token : tokens) {
      if (token.kind != MoneyTokenKind::kCurrency) continue;
      bool other_dollar = std::find(kOtherDollars.begin(), kOtherDollars.end(), token.currency) != kOtherDollars.end();
      if (salary.currency.empty() || (other_dollar && !token.bare_dollar)) {
        bool near = token.begin >= (main.floor < tokens.size() ? tokens[main.floor].begin : text.size()) &&
                    token.begin < (main.ceiling < tokens.size() ? tokens[main.ceiling].begin : text.size());
        if (where == Where::kField || near || other_dollar) salary.currency = token.currency;
      }
      if (!salary.currency.empty() && salary.currency != "USD") break;
    }
  }
  if (salary.currency.empty()) salary.currency = hints.default_currency;
  // Other base ranges of the same period and currency widen the range ("by zone", "by level"); "from X ...
  // up to Y" closes it.
  reading.begin = figure.begin;
  reading.end = figure.end;
  reading.own_period = figure.period != SalaryPeriod::kUnknown;
  reading.wage_period = (figure.period == SalaryPeriod::kHour || figure.period == SalaryPeriod::kDay ||
                         figure.period == SalaryPeriod::kWeek || figure.period == SalaryPeriod::kTwoWeeks) &&
                        Plausible(figure.period, amount);
  for (size_t idx = 1; idx < candidates.size(); ++idx) {
    const MoneyGroup& other = groups[candidates[idx].group];
    double other_amount = std::max(other.low, other.high.value_or(0));
    SalaryPeriod period = other.period != SalaryPeriod::kUnknown ? other.period : InferPeriod(other_amount);
    if (period != salary.period) continue;
    if (!other.currency.empty() && !figure.currency.empty() && other.currency != figure.currency) continue;
    // "Base $150k-$180k; total compensation $200k-$250k": a total is not another base range.
    size_t other_floor_byte = candidates[idx].group == 0 ? 0 : groups[candidates[idx].group - 1].end;
    std::string_view other_before =
        ClauseBefore(std::string_view(lower).substr(other_floor_byte, other.begin - other_floor_byte));
    if (ContainsAnyWord(other_before, kTotalCues)) continue;
    Bound other_bound = BoundBefore(tokens, other.first_token, candidates[idx].floor);
    if (other.high && salary.min && salary.max && salary.min != salary.max) {
      double low = std::min(other.low, *other.high), high = std::max(other.low, *other.high);
      if (low * 5 < *salary.min || high > *salary.max * 5) continue;
      salary.min = std::min(*salary.min, low);
      salary.max = std::max(*salary.max, high);
    } else if (!other.high && salary.min && !salary.max && other_bound == Bound::kUpTo && other.low >= *salary.min) {
      salary.max = other.low;
    } else {
      continue;
    }
    reading.end = other.end;
  }
  reading.range = salary.min && salary.max && *salary.min != *salary.max;
  salary.text = std::string(text.substr(reading.begin, reading.end - reading.begin));
  Annualise(salary, rates);
  reading.salary = std::move(salary);
  return reading;
}

// Sentences of one line, as [begin, end): cut after '.', '!' or '?' and a space, and where scraped text lost
// the space ("location.Required"); never inside "$122,200.00", nor before a figure ("approx. $130-200k").
// A ';' does not end one: "$180k-$220k in NYC; elsewhere, $160k-$200k" is one statement of pay.
std::vector<std::pair<size_t, size_t>> Sentences(std::string_view text, size_t begin, size_t end) {
  std::vector<std::pair<size_t, size_t>> sentences;
  size_t start = begin;
  auto lower_at = [&](size_t pos) { return text[pos] >= 'a' && text[pos] <= 'z'; };
  auto upper_at = [&](size_t pos) { return text[pos] >= 'A' && text[pos] <= 'Z'; };
  for (size_t pos = begin; pos + 1 < end; ++pos) {
    char c = text[pos];
    if (c != '.' && c != '!' && c != '?') continue;
    size_t next = pos + 1;
    while (next < end && text[next] == ' ') ++next;
    bool figure_next =
        next < end && (text[next] == '$' || text[next] == '-' || text[next] == '~' ||
                       text.substr(next).starts_with("\xE2\x80") || (text[next] >= '0' && text[next] <= '9'));
    bool spaced = next > pos + 1 && next < end && !figure_next;
    bool glued = c == '.' && pos > begin && lower_at(pos - 1) && upper_at(pos + 1);
    if (!spaced && !glued) continue;
    sentences.emplace_back(start, pos + 1);
    start = pos + 1;
  }
  sentences.emplace_back(start, end);
  return sentences;
}

// A figure standing alone at the end of a line ("$18.35", "Client - $70"): nothing after it but
// punctuation, and before it only the line's start or a separator.
bool StandsAlone(std::string_view text, size_t line_begin, size_t line_end, size_t begin, size_t end) {
  for (size_t pos = end; pos < line_end; ++pos) {
    char c = text[pos];
    if (c != ' ' && c != '.' && c != ')' && c != '*' && c != '\r') return false;
  }
  size_t pos = begin;
  while (pos > line_begin && (text[pos - 1] == ' ' || text[pos - 1] == '\t')) --pos;
  if (pos == line_begin) return true;
  char c = text[pos - 1];
  bool dash = pos >= line_begin + 3 && text.substr(pos - 3, 3).starts_with("\xE2\x80");
  return c == '-' || c == ':' || c == '|' || c == '*' || dash;
}

}  // namespace

double PeriodsPerYear(SalaryPeriod period) {
  switch (period) {
    case SalaryPeriod::kHour:
      return 2080;
    case SalaryPeriod::kDay:
      return 260;
    case SalaryPeriod::kWeek:
      return 52;
    case SalaryPeriod::kTwoWeeks:
      return 26;
    case SalaryPeriod::kHalfMonth:
      return 24;
    case SalaryPeriod::kMonth:
      return 12;
    case SalaryPeriod::kYear:
      return 1;
    case SalaryPeriod::kUnknown:
      return 0;
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
  if (ContainsAnyWord(lower, kFundingCues)) {
    result.not_salary_reason = "funding or company figure, not pay";
    return result;
  }
  PayReading reading = ReadPay(trimmed, Where::kField, rates, hints);
  if (!reading.salary) {
    result.not_salary_reason = std::move(reading.not_salary_reason);
    return result;
  }
  reading.salary->text = std::string(trimmed);
  result.salary = std::move(reading.salary);
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
  if (unit == "hourly" || unit == "hour")
    salary.period = SalaryPeriod::kHour;
  else if (unit == "daily" || unit == "day")
    salary.period = SalaryPeriod::kDay;
  else if (unit == "weekly" || unit == "week")
    salary.period = SalaryPeriod::kWeek;
  else if (unit == "biweekly" || unit == "bi-weekly" || unit == "fortnightly")
    salary.period = SalaryPeriod::kTwoWeeks;
  else if (unit == "semimonthly" || unit == "semi-monthly")
    salary.period = SalaryPeriod::kHalfMonth;
  else if (unit == "monthly" || unit == "month")
    salary.period = SalaryPeriod::kMonth;
  else if (unit == "yearly" || unit == "year" || unit == "annual" || unit == "annually")
    salary.period = SalaryPeriod::kYear;
  else if (salary.max || salary.min)
    salary.period = InferPeriod(salary.max.value_or(salary.min.value_or(0)));
  salary.text = std::move(text);
  Annualise(salary, rates);
  return salary;
}

namespace internal {
std::span<const SignWord> PaySigns() { return PaySignWords(); }
}  // namespace internal

namespace {

// The signs of pay that can count, from the skill scan: a currency symbol as found; a code or a word for
// base pay only with no ASCII letter on either side. ReadPay reads a figure without a currency as pay only
// with such a word as a whole word before it (its clause begins at the sentence's start or after a figure,
// neither of which leaves a letter before the word), and the lexer reads a code only so; a sentence without
// any of these yields no pay, and a line without any is not split into sentences at all.
std::vector<TextSigns::Span> UsablePaySigns(std::string_view text, const TextSigns& signs) {
  auto letter = [&](size_t pos) {
    char c = text[pos];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  std::vector<TextSigns::Span> usable;
  for (const TextSigns::Span& sign : signs.pay) {
    if (letter(sign.begin) &&
        ((sign.begin > 0 && letter(sign.begin - 1)) || (sign.end < text.size() && letter(sign.end)))) {
      continue;
    }
    usable.push_back(sign);
  }
  return usable;
}

// A verb of pay right before the figure: "the role pays $90,000", "paying $45/hr"; "starting at $90,000
// annually" when the figure names its period ("Pricing starting at $12,000 per seat" does not).
bool PayVerbBefore(std::string_view lower_before, bool own_period) {
  while (!lower_before.empty() && lower_before.back() == ' ') lower_before.remove_suffix(1);
  auto ends_with_word = [&](std::string_view word) {
    if (!lower_before.ends_with(word)) return false;
    const size_t at = lower_before.size() - word.size();
    return at == 0 || !(lower_before[at - 1] >= 'a' && lower_before[at - 1] <= 'z');  // the text is lowercased
  };
  if (ends_with_word("pays") || ends_with_word("paying")) return true;
  return own_period && (ends_with_word("starting at") || ends_with_word("starts at") ||
                        ends_with_word("starting from") || ends_with_word("starts from"));
}

}  // namespace

std::optional<Salary> FindSalaryInText(std::string_view text, const CurrencyRates& rates, const TextSigns* signs) {
  SalaryHints hints;
  hints.source = SalarySource::kPostingText;
  std::vector<TextSigns::Span> usable;
  if (signs) usable = UsablePaySigns(text, *signs);
  size_t next_sign = 0;  // the first usable sign not before the line
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    if (signs) {
      while (next_sign < usable.size() && usable[next_sign].begin < line_begin) ++next_sign;
      if (next_sign == usable.size()) break;
      // Straight to the line of the next sign.
      size_t line_break = text.rfind('\n', usable[next_sign].begin);
      if (line_break != std::string_view::npos && line_break + 1 > line_begin) line_begin = line_break + 1;
    }
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    for (auto [begin, end] : Sentences(text, line_begin, line_end)) {
      std::string_view sentence = text.substr(begin, end - begin);
      if (signs) {
        bool signed_sentence = false;
        for (size_t idx = next_sign; idx < usable.size() && usable[idx].begin < end && !signed_sentence; ++idx) {
          signed_sentence = usable[idx].begin >= begin && usable[idx].end <= end;
        }
        if (!signed_sentence) continue;
      }
      if (!HasDigit(sentence)) continue;
      PayReading reading = ReadPay(sentence, Where::kSentence, rates, hints);
      if (!reading.salary) continue;
      // Asked only of sentences that read as pay: most sentences with a digit state no money at all.
      std::string lower = AsciiLower(sentence);
      if (ContainsAnyWord(lower, kFundingCues)) continue;  // "We raised $40M." is not pay
      Salary& salary = *reading.salary;
      // A lone figure needs a word for pay beside it or a verb of pay before it, a period only wages have
      // ("$45 an hour": companies count savings and budgets by the year or month) and no word of billing or
      // spending, or a line of its own.
      const bool wage_alone = reading.wage_period && !ContainsAnyWord(lower, kNotWageCues);
      if (!reading.range && !wage_alone && !ContainsAnyWord(lower, kPayCues) &&
          !PayVerbBefore(std::string_view(lower).substr(0, reading.begin), reading.own_period) &&
          !StandsAlone(text, line_begin, line_end, begin + reading.begin, begin + reading.end)) {
        continue;
      }
      // What the figure comes to in a year, in its own currency when it has no rate: a wage, not a perk or
      // a company figure.
      std::optional<double> annual = salary.annual_mid_usd();
      if (!annual && salary.period != SalaryPeriod::kUnknown) {
        double low = salary.min.value_or(salary.max.value_or(0)), high = salary.max.value_or(low);
        annual = (low + high) / 2 * PeriodsPerYear(salary.period);
      }
      if (!annual || *annual < MinimumAnnualPayUsd(salary.currency) || IsAbsurdAnnualUsd(*annual)) continue;
      return salary;
    }
    line_begin = line_end + 1;
  }
  return std::nullopt;
}

}  // namespace jobscope::extract
