#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "cli/internal/commands.h"
#include "cli/internal/filter_options.h"
#include "cli/internal/format.h"
#include "cli/internal/progress_bar.h"
#include "extract/extract.h"
#include "json/json.h"
#include "search/search.h"

namespace jobscope::cli::internal {
namespace {

struct SearchArgs {
  std::string query;
  search::FilterSpec filters;
  std::string sort = "relevance", like;
  size_t page = 1, per_page = 10;
  bool facets = false;
  bool typing = false;
};

int RunSearch(Context& context, const SearchArgs& args) {
  auto loaded = context.LoadTaxonomy();
  if (!loaded.ok()) return ReportError(loaded.status());
  const taxonomy::Taxonomy* taxonomy = *loaded;
  auto filters = search::ResolveFilters(args.filters, *taxonomy);
  if (!filters.ok()) return ReportError(filters.status());
  search::SearchOptions options;
  if (args.sort == "date")
    options.sort = index::SortBy::kDate;
  else if (args.sort == "salary")
    options.sort = index::SortBy::kSalary;
  else if (args.sort != "relevance")
    return ReportError(InvalidArgument("--sort: relevance, date or salary"));
  options.page = args.page;
  options.per_page = args.per_page;
  options.facets = args.facets;
  options.typing = args.typing;

  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  // Building the index (once; a snapshot saves it for the next search) shows progress on a terminal.
  ProgressBar bar(StderrIsTerminal() && !context.json);
  auto service =
      search::SearchService::Open(**store, search::SnapshotPath(context.db_path), [&](int64_t added, int64_t total) {
        bar.Update({added, total, added});
      });
  if (!service.ok()) return ReportError(service.status());
  (*service)->UseTaxonomy(*taxonomy);
  auto page = args.like.empty() ? (*service)->Search(args.query, *filters, options)
                                : (*service)->MoreLikeThis(args.like, args.per_page);
  if (!page.ok()) return ReportError(page.status());
  if (context.json) {
    std::printf("%s\n", json::Dump(json::SearchPageToJson(*page, options, taxonomy)).c_str());
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
    std::printf("\n%6.2f  %s  %s | %s | %s | %s %s %s\n", hit.score, p.id.c_str(), p.raw.title.c_str(),
                p.raw.company.c_str(), p.raw.location.c_str(), std::string(RoleName(p.understood.role)).c_str(),
                std::string(LevelName(p.understood.level)).c_str(), pay.c_str());
    if (!hit.snippet.empty()) std::printf("        %s\n", hit.snippet.c_str());
    for (const Posting& other : hit.also_posted_as) {
      std::printf("        also posted as %s (%s): %s | %s | %s\n", other.id.c_str(), other.raw.source.c_str(),
                  other.raw.title.c_str(), other.raw.company.c_str(), other.raw.location.c_str());
    }
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
  AddFilterOptions(*command, args->filters);
  command->add_option("--sort", args->sort, "relevance, date or salary")->capture_default_str();
  command->add_option("--page", args->page, "Page number, from 1")
      ->check(CLI::Range(size_t{1}, size_t{100000}))
      ->capture_default_str();
  command->add_option("--per-page", args->per_page, "Hits per page")
      ->check(CLI::Range(size_t{1}, size_t{100000}))
      ->capture_default_str();
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
