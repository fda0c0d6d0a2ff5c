#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/internal/commands.h"

namespace jobscope::cli::internal {
namespace {

int RunQuarantine(Context& context, std::optional<int64_t> run, bool with_raw) {
  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  auto records = (*store)->ListQuarantine(run);
  if (!records.ok()) return ReportError(records.status());
  for (const store::QuarantineRecord& record : *records) {
    if (context.json) {
      nlohmann::json out = {{"run_id", record.run_id},
                            {"input", record.input},
                            {"row", record.row},
                            {"field", record.field},
                            {"reason", record.reason}};
      if (with_raw) out["raw"] = record.raw;
      std::printf("%s\n", out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
      std::printf("run %lld  %s row %lld%s%s: %s\n", static_cast<long long>(record.run_id), record.input.c_str(),
                  static_cast<long long>(record.row), record.field.empty() ? "" : ", field ", record.field.c_str(),
                  record.reason.c_str());
      if (with_raw) std::printf("    %s\n", record.raw.substr(0, 300).c_str());
    }
  }
  if (!context.json) std::printf("%zu quarantined records\n", records->size());
  return kExitOk;
}

}  // namespace

void AddQuarantineCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command =
      app.add_subcommand("quarantine", "List records set aside by ingest, with input, row, field and reason");
  auto run = std::make_shared<int64_t>(0);
  auto with_raw = std::make_shared<bool>(false);
  command->add_option("--run", *run, "Only this ingest run (default: all runs)");
  command->add_flag("--raw", *with_raw, "Show each record as read");
  AddStoreOptions(*command, context);
  command->callback([&context, &exit_code, run, with_raw] {
    exit_code = RunQuarantine(context, *run > 0 ? std::optional<int64_t>(*run) : std::nullopt, *with_raw);
  });
}

}  // namespace jobscope::cli::internal
