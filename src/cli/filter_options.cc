#include "cli/internal/filter_options.h"

namespace jobscope::cli::internal {

void AddFilterOptions(CLI::App& command, search::FilterSpec& args) {
  command.add_option("--role", args.roles, "Only these roles (repeatable)");
  command.add_option("--level", args.levels, "Only these levels (repeatable)");
  command.add_option("--skill", args.skills, "Postings asking for any of these skills: id, name or alias (repeatable)");
  command.add_flag("--all-skills", args.all_skills, "Require every --skill, not any");
  command.add_option("--company", args.company, "Only this company");
  command.add_option("--country", args.country, "Only this country (ISO code in any case, or its name)");
  command.add_option("--region", args.region, "Only this region (e.g. CA)");
  command.add_option("--city", args.city, "Only this city");
  command.add_flag("--remote", args.remote, "Only remote postings");
  command.add_option("--employment-type", args.employment_type, "full_time, part_time, contract, internship, ...");
  command.add_option("--from", args.from, "Posted on or after this date (YYYY-MM-DD)");
  command.add_option("--to", args.to, "Posted on or before this date (YYYY-MM-DD)");
  command.add_option("--min-salary", args.min_salary, "Annual USD range reaching at least this");
  command.add_option("--max-salary", args.max_salary, "Annual USD range starting at most at this");
}

}  // namespace jobscope::cli::internal
