// The JSON forms of a résumé profile and of a match, shared by `profile`, `match`, `rank` and `gap`.
// Field names are a stable interface: docs/CLI.md lists them.
#pragma once

#include <nlohmann/json.hpp>

#include "match/match.h"

namespace jobscope::cli::internal {

nlohmann::json ProfileToJson(const match::Profile& profile);
nlohmann::json MatchToJson(const match::Match& match);

}  // namespace jobscope::cli::internal
