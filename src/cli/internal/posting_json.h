// The JSON form of a posting, shared by `postings --json`, `understand --json` and `understand --jsonl`.
// Field names are a stable interface: docs/CLI.md lists them.
#pragma once

#include <nlohmann/json.hpp>

#include "model/model.h"
#include "taxonomy/taxonomy.h"

namespace jobscope::cli::internal {

// `taxonomy` (may be null) gives each skill its `type`.
nlohmann::json PostingToJson(const Posting& posting, bool with_description, const taxonomy::Taxonomy* taxonomy);
nlohmann::json SalaryToJson(const Salary& salary);

}  // namespace jobscope::cli::internal
