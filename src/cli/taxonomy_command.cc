#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/internal/commands.h"

namespace jobscope::cli::internal {
namespace {

struct BuildOptions {
  std::string shared_data = "../shared/data";
  std::string out;
};

int RunBuild(Context& context, const BuildOptions& options) {
  taxonomy::BuildSources sources;
  sources.onet_technology_skills = options.shared_data + "/onet/Technology Skills.txt";
  sources.esco_skill_labels = options.shared_data + "/decorte-esco-skillext/data/skills_en_label.txt";
  sources.esco_collections_dir = options.shared_data + "/esco";
  sources.curated = context.DataPath("taxonomy/curated.tsv");
  std::string out = options.out.empty() ? context.DataPath("taxonomy/skills.tsv") : options.out;
  auto report = taxonomy::BuildTaxonomy(sources, out);
  if (!report.ok()) return ReportError(report.status());
  if (context.json) {
    nlohmann::json json = {
        {"out", out},           {"skills", report->total}, {"forms", report->forms},   {"curated", report->curated},
        {"onet", report->onet}, {"esco", report->esco},    {"merged", report->merged}, {"skipped", report->skipped}};
    std::printf("%s\n", json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    std::printf("wrote %s: %zu skills, %zu surface forms (curated %zu, O*NET %zu, ESCO %zu; %zu merged, %zu skipped)\n",
                out.c_str(), report->total, report->forms, report->curated, report->onet, report->esco, report->merged,
                report->skipped);
  }
  return kExitOk;
}

}  // namespace

void AddTaxonomyCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("taxonomy", "The skills taxonomy");
  command->require_subcommand(1);
  auto* build =
      command->add_subcommand("build", "Rebuild data/taxonomy/skills.tsv from O*NET, ESCO and the curated layer");
  auto options = std::make_shared<BuildOptions>();
  build->add_option("--shared-data", options->shared_data, "Folder holding onet/, esco/ and decorte-esco-skillext/")
      ->capture_default_str();
  build->add_option("--out", options->out, "Output file (default: data/taxonomy/skills.tsv)");
  build->add_flag("--json", context.json, "Machine-readable output");
  build->callback([&context, &exit_code, options] { exit_code = RunBuild(context, *options); });
}

}  // namespace jobscope::cli::internal
