#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "cli/internal/commands.h"
#include "cli/internal/format.h"
#include "extract/extract.h"
#include "cli/internal/posting_json.h"
#include "cli/internal/progress_bar.h"
#include "search/search.h"

namespace jobscope::cli::internal {
namespace {

struct SearchArgs {
  std::string query;
  std::vector<std::string> roles, levels, skills;
  bool all_skills = false;
  std::string company, country, region, city, employment_type, from, to, sort = "relevance", like;
  bool remote = false;
  std::optional<double> min_salary, max_salary;
  size_t page = 1, per_page = 10;
  bool facets = false;
  bool typing = false;
};

int RunSearch(Context& context, const SearchArgs& args) {
  index::Filters filters;
  for (const std::string& name : args.roles) {
    auto role = ParseRole(name);
    if (!role) return ReportError(InvalidArgument("--role: unknown role '" + name + "'"));
    filters.roles.push_back(*role);
  }
  for (const std::string& name : args.levels) {
    auto level = ParseLevel(name);
    if (!level) return ReportError(InvalidArgument("--level: unknown level '" + name + "'"));
    filters.levels.push_back(*level);
  }
  auto loaded = context.LoadTaxonomy();
  if (!loaded.ok()) return ReportError(loaded.status());
  const taxonomy::Taxonomy* taxonomy = *loaded;
  std::vector<std::string> skill_ids;
  for (const std::string& named : args.skills) {
    const taxonomy::Skill* skill = taxonomy->Find(named);
    if (!skill) return ReportError(InvalidArgument("--skill: no skill named '" + named + "' (see jobscope skills)"));
    skill_ids.push_back(skill->id);
  }
  (args.all_skills ? filters.skills_all : filters.skills_any) = skill_ids;
  filters.company = args.company;
  if (!args.country.empty()) {
    filters.country = extract::CountryCode(args.country);
    if (filters.country.empty()) return ReportError(InvalidArgument("--country: unknown country '" + args.country + "'"));
  }
  filters.region = args.region;
  filters.city = args.city;
  if (args.remote) filters.remote = RemoteMode::kRemote;
  if (!args.employment_type.empty()) {
    auto type = ParseEmploymentType(args.employment_type);
    if (!type) return ReportError(InvalidArgument("--employment-type: unknown '" + args.employment_type + "'"));
    filters.employment_type = *type;
  }
  for (const auto& [flag, date] : {std::pair{"--from", &args.from}, std::pair{"--to", &args.to}}) {
    if (!date->empty() && !IsIsoDate(*date)) {
      return ReportError(InvalidArgument(std::string(flag) + ": '" + *date + "' is not a date (YYYY-MM-DD)"));
    }
  }
  filters.posted_from = args.from;
  filters.posted_to = args.to;
  filters.min_salary_usd = args.min_salary;
  filters.max_salary_usd = args.max_salary;
  search::SearchOptions options;
  if (args.sort == "date") options.sort = index::SortBy::kDate;
  else if (args.sort == "salary") options.sort = index::SortBy::kSalary;
  else if (args.sort != "relevance") return ReportError(InvalidArgument("--sort: relevance, date or salary"));
  options.page = args.page;
  options.per_page = args.per_page;
  options.facets = args.facets;
  options.typing = args.typing;

  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  // Building the index (once; a snapshot saves it for the next search) shows progress on a terminal.
  ProgressBar bar(StderrIsTerminal() && !context.json);
  auto service = search::SearchService::Open(**store, context.db_path + ".index", [&](int64_t added, int64_t total) {
    bar.Update({added, total, added});
  });
  if (!service.ok()) return ReportError(service.status());
  auto page = args.like.empty() ? (*service)->Search(args.query, filters, options)
                                : (*service)->MoreLikeThis(args.like, args.per_page);
  if (!page.ok()) return ReportError(page.status());
  if (context.json) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& hit : page->hits) {
      nlohmann::json posting = PostingToJson(hit.posting, false, taxonomy);
      posting["score"] = hit.score;
      posting["snippet"] = hit.snippet;
      hits.push_back(std::move(posting));
    }
    nlohmann::json facets = nlohmann::json::object();
    for (const auto& [facet, values] : page->facets) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& value : values) list.push_back({{"value", value.value}, {"count", value.count}});
      facets[facet] = list;
    }
    nlohmann::json out = {{"total", page->total}, {"page", args.page}, {"per_page", args.per_page}, {"hits", hits},
                          {"facets", facets}, {"expanded_terms", page->expanded_terms}};
    std::printf("%s\n", out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  std::printf("%lld postings match\n", static_cast<long long>(page->total));
  for (const auto& hit : page->hits) {
    const Posting& p = hit.posting;
    // The annual USD range as stored: `--sort salary` orders by its top, so the top is always shown.
    const Salary& salary = p.understood.salary;
    std::string pay = "-";
    if (salary.annual_min_usd && salary.annual_max_usd && *salary.annual_min_usd != *salary.annual_max_usd) {
      pay = ThousandsUsd(salary.annual_min_usd) + "-" + ThousandsUsd(salary.annual_max_usd);
    } else if (salary.annual_max_usd || salary.annual_min_usd) {
      pay = ThousandsUsd(salary.annual_max_usd ? salary.annual_max_usd : salary.annual_min_usd);
      if (!salary.annual_max_usd) pay += "+";
    }
    std::printf("\n%6.2f  %s  %s | %s | %s | %s %s %s\n", hit.score, p.id.c_str(), p.raw.title.c_str(), p.raw.company.c_str(),
                p.raw.location.c_str(), std::string(RoleName(p.understood.role)).c_str(),
                std::string(LevelName(p.understood.level)).c_str(), pay.c_str());
    if (!hit.snippet.empty()) std::printf("        %s\n", hit.snippet.c_str());
  }
  for (const auto& [facet, values] : page->facets) {
    std::printf("\n%s:", facet.c_str());
    for (size_t idx = 0; idx < std::min<size_t>(values.size(), 8); ++idx) {
      std::printf(" %s (%lld)%s", values[idx].value.c_str(), static_cast<long long>(values[idx].count),
                  idx + 1 < std::min<size_t>(values.size(), 8) ? "," : "");
    }
  }
  if (!page->facets.empty()) std::printf("\n");
  return kExitOk;
}

}  // namespace

void AddSearchCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("search", "Search stored postings: words, \"phrases\", +required, -excluded");
  auto args = std::make_shared<SearchArgs>();
  command->add_option("query", args->query, "The query (word* matches every word that begins so)");
  command->add_option("--role", args->roles, "Only these roles (repeatable)");
  command->add_option("--level", args->levels, "Only these levels (repeatable)");
  command->add_option("--skill", args->skills, "Postings asking for any of these skills: id, name or alias (repeatable)");
  command->add_flag("--all-skills", args->all_skills, "Require every --skill, not any");
  command->add_option("--company", args->company, "Only this company");
  command->add_option("--country", args->country, "Only this country (ISO code in any case, or its name)");
  command->add_option("--region", args->region, "Only this region (e.g. CA)");
  command->add_option("--city", args->city, "Only this city");
  command->add_flag("--remote", args->remote, "Only remote postings");
  command->add_option("--employment-type", args->employment_type, "full_time, part_time, contract, internship, ...");
  command->add_option("--from", args->from, "Posted on or after this date (YYYY-MM-DD)");
  command->add_option("--to", args->to, "Posted on or before this date (YYYY-MM-DD)");
  command->add_option("--min-salary", args->min_salary, "Annual USD range reaching at least this");
  command->add_option("--max-salary", args->max_salary, "Annual USD range starting at most at this");
  command->add_option("--sort", args->sort, "relevance, date or salary")->capture_default_str();
  command->add_option("--page", args->page, "Page number, from 1")->check(CLI::Range(size_t{1}, size_t{100000}))->capture_default_str();
  command->add_option("--per-page", args->per_page, "Hits per page")->check(CLI::Range(size_t{1}, size_t{100000}))->capture_default_str();
  command->add_flag("--facets", args->facets, "Count role, level, remote, employment type, country, company and skill");
  command->add_flag("--typing", args->typing, "The query is still being typed: its last word matches as a prefix");
  command->add_option("--like", args->like, "Postings like the posting with this id (more-like-this)");
  AddStoreOptions(*command, context);
  // A query may start with an excluded word ("-java python"): words with one dash that are no option are the
  // query's; a double-dash word that is no option is a mistyped option.
  command->allow_extras();
  command->callback([&context, &exit_code, args, command] {
    for (const std::string& extra : command->remaining()) {
      if (extra.starts_with("--")) {
        exit_code = ReportError(InvalidArgument("search: unknown option " + extra + " (see jobscope search --help)"));
        return;
      }
      args->query += (args->query.empty() ? "" : " ") + extra;
    }
    exit_code = RunSearch(context, *args);
  });
}

}  // namespace jobscope::cli::internal
