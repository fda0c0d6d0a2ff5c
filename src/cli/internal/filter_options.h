// The posting filter flags `search` and `match` share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "search/search.h"

namespace jobscope::cli::internal {

// The flags fill a search::FilterSpec; search::ResolveFilters turns it into index filters.
void AddFilterOptions(CLI::App& command, search::FilterSpec& spec);

}  // namespace jobscope::cli::internal
