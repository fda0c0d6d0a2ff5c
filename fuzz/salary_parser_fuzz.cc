// libFuzzer target: salary parsing of arbitrary text never crashes and keeps min <= max.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto rates = jobscope::extract::CurrencyRates::FromMap({{"EUR", 1.1}, {"GBP", 1.3}}, "fuzz");
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parse = jobscope::extract::ParseSalaryText(text, rates);
  if (parse.salary && parse.salary->min && parse.salary->max && *parse.salary->min > *parse.salary->max)
    __builtin_trap();
  (void)jobscope::extract::FindSalaryInText(text, rates);
  return 0;
}
