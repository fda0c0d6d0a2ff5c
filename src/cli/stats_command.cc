#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/internal/commands.h"
#include "cli/internal/format.h"
#include "json/json.h"
#include "report/report.h"

namespace jobscope::cli::internal {
namespace {

void PrintCounts(const char* heading, const std::map<std::string, int64_t>& counts, int64_t total,
                 const std::map<std::string, report::SalaryStats>* salary) {
  std::printf("\n%s\n", heading);
  std::vector<std::pair<std::string, int64_t>> rows(counts.begin(), counts.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& [name, count] : rows) {
    std::printf("  %-26s %7lld  %5.1f%%", name.c_str(), static_cast<long long>(count),
                total ? 100.0 * static_cast<double>(count) / static_cast<double>(total) : 0.0);
    if (salary) {
      auto it = salary->find(name);
      if (it != salary->end()) {
        std::printf("   median %-6s (n=%lld)", ThousandsUsd(it->second.median_annual_usd).c_str(),
                    static_cast<long long>(it->second.postings_with_salary));
      }
    }
    std::printf("\n");
  }
}

int RunStats(Context& context, size_t top) {
  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  auto taxonomy = context.LoadTaxonomy();
  if (!taxonomy.ok()) return ReportError(taxonomy.status());
  auto summary = report::SummarizeMarket(**store, top, *taxonomy);
  if (!summary.ok()) return ReportError(summary.status());
  if (context.json) {
    std::printf("%s\n", json::Dump(json::MarketSummaryToJson(*summary)).c_str());
    return kExitOk;
  }
  std::printf("AI job market summary: %lld unique postings (%lld more linked as duplicates)\n",
              static_cast<long long>(summary->postings), static_cast<long long>(summary->duplicates));
  PrintCounts("Postings by role (annual USD median where pay is known):", summary->by_role, summary->postings,
              &summary->salary_by_role);
  PrintCounts("Postings by level:", summary->by_level, summary->postings, &summary->salary_by_level);
  PrintCounts("Work mode:", summary->by_remote, summary->postings, nullptr);
  std::printf("\nTop skills:\n");
  for (const auto& skill : summary->top_skills) {
    std::printf("  %-30s %7lld  %5.1f%%\n", skill.name.c_str(), static_cast<long long>(skill.postings),
                100 * skill.share);
  }
  const report::SalaryStats& pay = summary->salary;
  std::printf("\nSalary (annual USD, %lld postings with pay): p25 %s, median %s, p75 %s\n",
              static_cast<long long>(pay.postings_with_salary), ThousandsUsd(pay.p25_annual_usd).c_str(),
              ThousandsUsd(pay.median_annual_usd).c_str(), ThousandsUsd(pay.p75_annual_usd).c_str());
  return kExitOk;
}

}  // namespace

void AddStatsCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("stats", "Print the market summary: roles, levels, top skills, salary medians");
  auto top = std::make_shared<size_t>(25);
  command->add_option("--top", *top, "How many skills to list")->check(CLI::Range(1, 1000000))->capture_default_str();
  AddStoreOptions(*command, context);
  command->callback([&context, &exit_code, top] { exit_code = RunStats(context, *top); });
}

}  // namespace jobscope::cli::internal
