#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/internal/commands.h"
#include "json/json.h"
#include "report/report.h"

namespace jobscope::cli::internal {
namespace {

int RunReport(Context& context, const std::string& out, size_t top) {
  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  auto taxonomy = context.LoadTaxonomy();
  if (!taxonomy.ok()) return ReportError(taxonomy.status());
  report::HtmlReportOptions options;
  options.top_skills = top;
  auto written = report::WriteHtmlReport(**store, *taxonomy, out, options);
  if (!written.ok()) return ReportError(written.status());
  if (context.json) {
    std::printf(
        "%s\n",
        json::Dump(nlohmann::json{{"out", out}, {"bytes", written->bytes}, {"postings", written->postings}}).c_str());
  } else {
    std::printf("Wrote %s: %lld bytes, %lld unique postings\n", out.c_str(), static_cast<long long>(written->bytes),
                static_cast<long long>(written->postings));
  }
  return kExitOk;
}

}  // namespace

void AddReportCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand(
      "report", "Write a self-contained HTML market report (charts, pay with sample sizes, data health)");
  auto out = std::make_shared<std::string>();
  auto top = std::make_shared<size_t>(20);
  command->add_option("--out", *out, "The HTML file to write")->required();
  command->add_option("--top", *top, "How many skills to list")->check(CLI::Range(1, 1000))->capture_default_str();
  AddStoreOptions(*command, context);
  command->callback([&context, &exit_code, out, top] { exit_code = RunReport(context, *out, *top); });
}

}  // namespace jobscope::cli::internal
