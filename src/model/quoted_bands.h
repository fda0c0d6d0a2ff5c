// File: quoted_bands.h
//
// The pay bands the AI field's career guides commonly quote, by level, in annual USD: entry $70k-90k, mid
// $100k-130k, senior $150k-200k+. One home for both places that set them beside the data's own bands (salary
// bands from the survey, the HTML market report from stored postings).
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "model/enums.h"

namespace jobscope {

struct QuotedPayBand {
  Level level = Level::kUnknown;
  double low_usd = 0;
  double high_usd = 0;
  bool open_above = false;  // "$200k+": the top is where the quote stops, not a ceiling
  std::string_view text;    // as quoted: "$150k-$200k+"
};

inline constexpr std::array<QuotedPayBand, 3> kQuotedPayBands = {{
    {Level::kEntry, 70000, 90000, false, "$70k-$90k"},
    {Level::kMid, 100000, 130000, false, "$100k-$130k"},
    {Level::kSenior, 150000, 200000, true, "$150k-$200k+"},
}};

// The quoted band for `level`, if the guides quote one.
inline std::optional<QuotedPayBand> QuotedBandFor(Level level) {
  for (const QuotedPayBand& band : kQuotedPayBands) {
    if (band.level == level) return band;
  }
  return std::nullopt;
}

}  // namespace jobscope
