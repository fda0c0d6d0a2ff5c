// Words the description's readers look for, matched in the same vectorscan pass as the skills
// (extract/skill_matcher.cc) so that each reader visits only the places they occur instead of walking the
// whole text again. Each list lives beside its reader; the matcher only collects where they stand
// (TextSigns in extract.h).
#pragma once

#include <span>
#include <string_view>

namespace jobscope::extract::internal {

struct SignWord {
  std::string_view text;
  bool caseless = true;  // ASCII case folded; else matched as written
};

// Where the work-mode reader looks (work_mode.cc): "remote", "hybrid", "on-site", "office", ... any case.
std::span<const SignWord> WorkModeSigns();
// Where the years reader looks (seniority.cc): "year" in any case; the reader keeps its own spellings.
std::span<const SignWord> YearSigns();
// Without one of these a sentence states no pay (salary_parser.cc): currency symbols and codes as the money
// lexer reads them, and the words for base pay that let a figure without a currency be pay.
std::span<const SignWord> PaySigns();

}  // namespace jobscope::extract::internal
