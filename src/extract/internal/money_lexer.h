// Lexes money text into amounts, currencies, range connectors and pay-period words. Shared by the salary
// field parser and the finder that looks for pay in descriptions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace jobscope::extract::internal {

enum class MoneyTokenKind { kAmount, kCurrency, kRangeSep, kPlus, kPeriod, kUpTo, kFrom, kWord };

struct MoneyToken {
  MoneyTokenKind kind;
  size_t begin = 0;
  size_t end = 0;
  double amount = 0;          // kAmount, multiplier applied
  bool had_multiplier = false;  // "k" / "m" suffix seen
  double multiplier = 1;
  std::string currency;       // kCurrency: ISO code
  SalaryPeriod period = SalaryPeriod::kUnknown;  // kPeriod
};

std::vector<MoneyToken> LexMoney(std::string_view text);

// Currency of a symbol or code at text[pos], with the number of bytes it spans; nullopt if none.
std::optional<std::pair<std::string, size_t>> CurrencyAt(std::string_view text, size_t pos);

}  // namespace jobscope::extract::internal
