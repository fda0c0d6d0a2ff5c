// `alerts`: saved searches and the postings new to each since its last run.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/internal/commands.h"
#include "cli/internal/filter_options.h"
#include "cli/internal/format.h"
#include "json/json.h"
#include "search/search.h"

namespace jobscope::cli::internal {
namespace {

struct AlertsArgs {
  search::SavedSearchSpec search;
  std::string name;
  bool peek = false;
};

int RunAdd(Context& context, const AlertsArgs& args) {
  auto taxonomy = context.LoadTaxonomy();
  if (!taxonomy.ok()) return ReportError(taxonomy.status());
  auto store = context.OpenStoreForReading();  // an existing store only: a mistyped --db is an error
  if (!store.ok()) return ReportError(store.status());
  store = context.OpenStore();
  if (!store.ok()) return ReportError(store.status());
  Status saved = search::SaveSearch(**store, args.search, **taxonomy);
  if (!saved.ok()) return ReportError(saved);
  if (context.json) {
    std::printf("%s\n", json::Dump({{"saved", args.search.name}}).c_str());
  } else {
    std::printf("saved search '%s': `jobscope alerts run` lists the postings stored from now on that it finds\n",
                args.search.name.c_str());
  }
  return kExitOk;
}

int RunList(Context& context) {
  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  auto searches = search::ListSavedSearches(**store);
  if (!searches.ok()) return ReportError(searches.status());
  if (context.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& each : *searches) out.push_back(json::SavedSearchToJson(each));
    std::printf("%s\n", json::Dump(out).c_str());
    return kExitOk;
  }
  if (searches->empty()) std::printf("no saved searches (add one with jobscope alerts add NAME QUERY [filters])\n");
  for (const auto& each : *searches) {
    std::printf("%-20s \"%s\"  saved %s, last run %s\n", each.name.c_str(), each.query.c_str(), each.created_at.c_str(),
                each.last_run_at.empty() ? "never" : each.last_run_at.c_str());
  }
  return kExitOk;
}

int RunRemove(Context& context, const std::string& name) {
  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  store = context.OpenStore();
  if (!store.ok()) return ReportError(store.status());
  Status removed = search::DeleteSavedSearch(**store, name);
  if (!removed.ok()) return ReportError(removed);
  if (!context.json)
    std::printf("removed saved search '%s'\n", name.c_str());
  else
    std::printf("%s\n", json::Dump({{"removed", name}}).c_str());
  return kExitOk;
}

int RunAlerts(Context& context, const AlertsArgs& args) {
  auto taxonomy = context.LoadTaxonomy();
  if (!taxonomy.ok()) return ReportError(taxonomy.status());
  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  if (!args.peek) {
    store = context.OpenStore();  // the run moves each search's mark
    if (!store.ok()) return ReportError(store.status());
  }
  auto run = search::RunAlerts(**store, **taxonomy, args.name, args.peek);
  if (!run.ok()) return ReportError(run.status());
  if (context.json) {
    std::printf("%s\n", json::Dump(json::AlertRunToJson(*run)).c_str());
    return kExitOk;
  }
  if (run->alerts.empty()) std::printf("no saved searches (add one with jobscope alerts add NAME QUERY [filters])\n");
  for (const auto& alert : run->alerts) {
    std::printf("%s (\"%s\"): %zu new\n", alert.name.c_str(), alert.query.c_str(), alert.postings.size());
    for (const auto& posting : alert.postings) {
      const Salary& pay = posting.understood.salary;
      std::printf("  %s  %-10s %s | %s | %s %s\n", posting.id.c_str(), posting.raw.date_posted.substr(0, 10).c_str(),
                  posting.raw.title.c_str(), posting.raw.company.c_str(), posting.raw.location.c_str(),
                  pay.annual_min_usd ? ThousandsUsd(pay.annual_mid_usd()).c_str() : "");
    }
  }
  if (args.peek) std::printf("(peek: the searches' marks were not moved)\n");
  return kExitOk;
}

}  // namespace

void AddAlertsCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("alerts", "Saved searches, and the postings new to each since its last run");
  command->require_subcommand(1);
  auto args = std::make_shared<AlertsArgs>();

  auto* add = command->add_subcommand("add", "Save a search by name (its alerts start from now)");
  add->add_option("name", args->search.name, "The search's name")->required();
  add->add_option("query", args->search.query, "The query, as search takes it (may be empty: filters alone)");
  AddFilterOptions(*add, args->search.filters);
  AddStoreOptions(*add, context);
  add->callback([&context, &exit_code, args] { exit_code = RunAdd(context, *args); });

  auto* list = command->add_subcommand("list", "The saved searches");
  AddStoreOptions(*list, context);
  list->callback([&context, &exit_code] { exit_code = RunList(context); });

  auto* remove = command->add_subcommand("remove", "Forget a saved search");
  remove->add_option("name", args->name, "The search's name")->required();
  AddStoreOptions(*remove, context);
  remove->callback([&context, &exit_code, args] { exit_code = RunRemove(context, args->name); });

  auto* run = command->add_subcommand("run", "List the postings stored since each saved search last ran that it finds");
  run->add_option("name", args->name, "Only this saved search");
  run->add_flag("--peek", args->peek, "List without moving the searches' marks (the next run lists them again)");
  AddStoreOptions(*run, context);
  run->callback([&context, &exit_code, args] { exit_code = RunAlerts(context, *args); });
}

}  // namespace jobscope::cli::internal
