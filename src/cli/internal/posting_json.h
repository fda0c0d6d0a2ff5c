// The JSON form of a posting, shared by `postings --json`, `understand --json` and `understand --jsonl`.
// Field names are a stable interface: docs/CLI.md lists them.
#pragma once

#include <nlohmann/json.hpp>

#include "model/model.h"

namespace jobscope::cli::internal {

nlohmann::json PostingToJson(const Posting& posting, bool with_description);
nlohmann::json SalaryToJson(const Salary& salary);

}  // namespace jobscope::cli::internal
