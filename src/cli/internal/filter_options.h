// The posting filters `search` and `match` share: one set of flags, read into index::Filters in one place.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "base/status.h"
#include "index/index.h"
#include "taxonomy/taxonomy.h"

namespace jobscope::cli::internal {

struct FilterArgs {
  std::vector<std::string> roles, levels, skills;
  bool all_skills = false;
  std::string company, country, region, city, employment_type, from, to;
  bool remote = false;
  std::optional<double> min_salary, max_salary;
};

void AddFilterOptions(CLI::App& command, FilterArgs& args);
// Errors: kInvalidArgument naming the flag and the value (an unknown role, skill, country, a bad date).
StatusOr<index::Filters> BuildFilters(const FilterArgs& args, const taxonomy::Taxonomy& taxonomy);

}  // namespace jobscope::cli::internal
