#include <cstdio>

#include "cli/internal/commands.h"
#include "json/json.h"

namespace jobscope::cli::internal {
namespace {

int RunPostings(Context& context, int64_t limit, bool with_description) {
  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  auto loaded = context.LoadTaxonomy();
  if (!loaded.ok()) return ReportError(loaded.status());
  const taxonomy::Taxonomy* taxonomy = *loaded;
  int64_t shown = 0;
  Status status = (*store)->ForEachPosting([&](const Posting& posting) {
    if (limit > 0 && shown >= limit) return false;
    ++shown;
    if (context.json) {
      std::printf("%s\n", json::Dump(json::PostingToJson(posting, with_description, taxonomy)).c_str());
      return true;
    }
    const Understanding& u = posting.understood;
    std::string salary = "-";
    if (auto mid = u.salary.annual_mid_usd()) salary = "$" + std::to_string(static_cast<int64_t>(*mid / 1000)) + "k";
    std::printf("%s  %-45.45s  %-25.25s  %-22s %-9s %-7s %zu skills\n", posting.id.c_str(), posting.raw.title.c_str(),
                posting.raw.company.c_str(), std::string(RoleName(u.role)).c_str(),
                std::string(LevelName(u.level)).c_str(), salary.c_str(), u.skills.size());
    return true;
  });
  if (!status.ok()) return ReportError(status);
  return kExitOk;
}

}  // namespace

void AddPostingsCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("postings", "List stored postings (--json: one JSON object per line)");
  auto limit = std::make_shared<int64_t>(0);
  auto with_description = std::make_shared<bool>(false);
  command->add_option("--limit", *limit, "Show at most N postings (0: all)")
      ->check(CLI::Range(int64_t{0}, int64_t{1} << 40));
  command->add_flag("--description", *with_description, "Include the description text in --json output");
  AddStoreOptions(*command, context);
  command->callback(
      [&context, &exit_code, limit, with_description] { exit_code = RunPostings(context, *limit, *with_description); });
}

}  // namespace jobscope::cli::internal
