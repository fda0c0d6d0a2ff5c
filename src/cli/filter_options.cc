#include "cli/internal/filter_options.h"

#include "base/strings.h"
#include "extract/extract.h"

namespace jobscope::cli::internal {

void AddFilterOptions(CLI::App& command, FilterArgs& args) {
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

StatusOr<index::Filters> BuildFilters(const FilterArgs& args, const taxonomy::Taxonomy& taxonomy) {
  index::Filters filters;
  for (const std::string& name : args.roles) {
    auto role = ParseRole(name);
    if (!role) return InvalidArgument("--role: unknown role '" + name + "'");
    filters.roles.push_back(*role);
  }
  for (const std::string& name : args.levels) {
    auto level = ParseLevel(name);
    if (!level) return InvalidArgument("--level: unknown level '" + name + "'");
    filters.levels.push_back(*level);
  }
  std::vector<std::string> skill_ids;
  for (const std::string& named : args.skills) {
    const taxonomy::Skill* skill = taxonomy.Find(named);
    if (!skill) return InvalidArgument("--skill: no skill named '" + named + "' (see jobscope skills)");
    skill_ids.push_back(skill->id);
  }
  (args.all_skills ? filters.skills_all : filters.skills_any) = skill_ids;
  filters.company = args.company;
  if (!args.country.empty()) {
    filters.country = extract::CountryCode(args.country);
    if (filters.country.empty()) return InvalidArgument("--country: unknown country '" + args.country + "'");
  }
  filters.region = args.region;
  filters.city = args.city;
  if (args.remote) filters.remote = RemoteMode::kRemote;
  if (!args.employment_type.empty()) {
    auto type = ParseEmploymentType(args.employment_type);
    if (!type) return InvalidArgument("--employment-type: unknown '" + args.employment_type + "'");
    filters.employment_type = *type;
  }
  for (const auto& [flag, date] : {std::pair{"--from", &args.from}, std::pair{"--to", &args.to}}) {
    if (!date->empty() && !IsIsoDate(*date)) {
      return InvalidArgument(std::string(flag) + ": '" + *date + "' is not a date (YYYY-MM-DD)");
    }
  }
  filters.posted_from = args.from;
  filters.posted_to = args.to;
  filters.min_salary_usd = args.min_salary;
  filters.max_salary_usd = args.max_salary;
  return filters;
}

}  // namespace jobscope::cli::internal
