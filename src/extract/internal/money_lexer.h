// Lexes money text into amounts, currencies, range connectors and pay-period words, and groups them into the
// figures people write ("$90-110k", "$40/hr - $45/hr", "220,000 USD - 419,750 USD", "81K+"). Shared by the
// salary field parser and the finder that looks for pay in descriptions.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/internal/text_signs.h"
#include "model/model.h"

namespace jobscope::extract::internal {

enum class MoneyTokenKind { kAmount, kCurrency, kRangeSep, kPlus, kPeriod, kUpTo, kFrom, kPercent, kWord };

struct MoneyToken {
  MoneyTokenKind kind;
  size_t begin = 0;
  size_t end = 0;
  double amount = 0;            // kAmount, multiplier applied
  bool had_multiplier = false;  // "k" / "m" suffix seen
  double multiplier = 1;
  bool grouped = false;                          // kAmount written with a thousands separator ("120,000")
  bool indian_units = false;                     // kAmount in lakhs or crores ("8 LPA", "25 lakhs"): rupees
  bool per_annum = false;                        // kAmount whose unit says "per annum" too ("LPA")
  std::string currency;                          // kCurrency: ISO code
  bool bare_dollar = false;                      // kCurrency: a plain "$", which names no country
  SalaryPeriod period = SalaryPeriod::kUnknown;  // kPeriod
};

std::vector<MoneyToken> LexMoney(std::string_view text);

// Every currency symbol and code CurrencyAt reads, as written (for the skill scan's signs of pay).
std::span<const SignWord> CurrencySigns();

// Currency of a symbol or code at text[pos], with the number of bytes it spans; nullopt if none.
std::optional<std::pair<std::string, size_t>> CurrencyAt(std::string_view text, size_t pos);

// One figure as written: a single amount or a range, with the currency, period and bound words stuck to it.
struct MoneyGroup {
  size_t first_token = 0, last_token = 0;  // [first, last] in the token list
  size_t begin = 0, end = 0;               // bytes of the text
  double low = 0;
  std::optional<double> high;
  bool plus = false;      // "81K+"
  bool percent = false;   // "0.7-1%": a share, not money
  bool negative = false;  // "-$50000"
  bool had_multiplier = false;
  bool money_shaped = false;  // looks like pay without a sign: "120,000", "120k", ">= 10000", or a period beside
  std::string currency;       // ISO code named in the group; empty when none
  bool bare_dollar = false;   // the only currency named is a plain "$"
  SalaryPeriod period = SalaryPeriod::kUnknown;  // stated in the group
};

std::vector<MoneyGroup> GroupMoney(std::string_view text, const std::vector<MoneyToken>& tokens);

}  // namespace jobscope::extract::internal
