#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/internal/commands.h"
#include "cli/internal/progress_bar.h"
#include "ingest/ingest.h"
#include "json/json.h"

namespace jobscope::cli::internal {
namespace {

int RunIngest(Context& context, const std::vector<std::string>& paths, const std::vector<std::string>& maps,
              const std::string& source, bool use_tagger) {
  ingest::IngestOptions options;
  options.reader.source_name = source;
  for (const std::string& map : maps) {
    size_t eq = map.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == map.size()) {
      return ReportError(InvalidArgument("--map expects column=field, got '" + map + "'"));
    }
    options.reader.column_map[map.substr(0, eq)] = map.substr(eq + 1);
  }
  auto understander = context.MakeUnderstander();
  if (!understander.ok()) return ReportError(understander.status());
  if (use_tagger) {
    Status tagger = (*understander)->UseTagger(context.DataPath("models/skill_tagger.bin"));
    if (!tagger.ok()) return ReportError(tagger);
  }
  auto store = context.OpenStore();
  if (!store.ok()) return ReportError(store.status());
  ingest::Ingester ingester(**store, **understander);
  ProgressBar bar(StderrIsTerminal() && !context.json);
  auto summary = ingester.Run(paths, options, [&](const ingest::Progress& progress) { bar.Update(progress); });
  if (!summary.ok()) return ReportError(summary.status());
  if (context.json) {
    nlohmann::json out = json::IngestSummaryToJson(*summary);
    out["db"] = store::StoreDisplayName(context.db_path);
    std::printf("%s\n", json::Dump(out).c_str());
    return summary->failed_inputs > 0 ? kExitFailed : kExitOk;
  }
  for (const ingest::FileSummary& file : summary->files) {
    if (!file.error.empty()) {
      std::fprintf(stderr, "jobscope: %s: not read: %s\n", file.path.c_str(), file.error.c_str());
      continue;
    }
    std::printf("%s (%s): read %lld, stored %lld, already present %lld, duplicates %lld, quarantined %lld\n",
                file.path.c_str(), file.layout.c_str(), static_cast<long long>(file.counts.read),
                static_cast<long long>(file.counts.stored), static_cast<long long>(file.counts.already_present),
                static_cast<long long>(file.counts.duplicates), static_cast<long long>(file.counts.quarantined));
    if (file.pay_dropped > 0) {
      std::printf("  %lld postings kept without a pay field that could not be used (see jobscope quarantine)\n",
                  static_cast<long long>(file.pay_dropped));
    }
    if (file.transcoded > 0) {
      std::printf("  %lld records were not UTF-8 and were read as Windows-1252\n",
                  static_cast<long long>(file.transcoded));
    }
  }
  const store::RunCounts& c = summary->counts;
  std::printf(
      "run %lld: read %lld, stored %lld, already present %lld, duplicates %lld, quarantined %lld in %.2fs -> %s\n",
      static_cast<long long>(summary->run_id), static_cast<long long>(c.read), static_cast<long long>(c.stored),
      static_cast<long long>(c.already_present), static_cast<long long>(c.duplicates),
      static_cast<long long>(c.quarantined), summary->seconds, store::StoreDisplayName(context.db_path).c_str());
  if (c.quarantined > 0)
    std::printf("see the quarantined records with: jobscope quarantine --db %s\n",
                store::StoreDisplayName(context.db_path).c_str());
  if (summary->failed_inputs > 0) {
    std::fprintf(stderr, "jobscope: %lld of %zu inputs could not be read\n",
                 static_cast<long long>(summary->failed_inputs), summary->files.size());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("ingest", "Read postings from files, understand and store them");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto maps = std::make_shared<std::vector<std::string>>();
  auto source = std::make_shared<std::string>();
  auto use_tagger = std::make_shared<bool>(false);
  command->add_option("paths", *paths, "Input files: .csv .tsv .jsonl .ndjson .json .jsonld .html")->required();
  command->add_option("--map", *maps, "Map a CSV column to a posting field: column=field (repeatable)");
  command->add_option("--source", *source, "Source name stored with each posting (default: detected)");
  command->add_flag("--tagger", *use_tagger,
                    "Also run the trained skill-span tagger (more skills, candidate new skills; slower)");
  AddStoreOptions(*command, context);
  command->callback([&context, &exit_code, paths, maps, source, use_tagger] {
    exit_code = RunIngest(context, *paths, *maps, *source, *use_tagger);
  });
}

}  // namespace jobscope::cli::internal
