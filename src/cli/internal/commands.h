// Each command registers itself on the app; its callback runs the command and sets `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/internal/context.h"
#include "match/match.h"

namespace jobscope::cli::internal {

void AddIngestCommand(CLI::App& app, Context& context, int& exit_code);
void AddUnderstandCommand(CLI::App& app, Context& context, int& exit_code);
void AddPostingsCommand(CLI::App& app, Context& context, int& exit_code);
void AddStatsCommand(CLI::App& app, Context& context, int& exit_code);
void AddQuarantineCommand(CLI::App& app, Context& context, int& exit_code);
void AddTaxonomyCommand(CLI::App& app, Context& context, int& exit_code);
void AddSalaryCommand(CLI::App& app, Context& context, int& exit_code);
void AddSearchCommand(CLI::App& app, Context& context, int& exit_code);
void AddTrainCommand(CLI::App& app, Context& context, int& exit_code);
void AddEvalCommand(CLI::App& app, Context& context, int& exit_code);
void AddSkillsCommand(CLI::App& app, Context& context, int& exit_code);
// report: the HTML market report.
void AddReportCommand(CLI::App& app, Context& context, int& exit_code);
// serve (the HTTP API) and token create.
void AddServeCommand(CLI::App& app, Context& context, int& exit_code);
void AddTokenCommand(CLI::App& app, Context& context, int& exit_code);
// profile, match, rank and gap.
void AddMatchCommands(CLI::App& app, Context& context, int& exit_code);

// alerts: saved searches and what is new to them.
void AddAlertsCommand(CLI::App& app, Context& context, int& exit_code);
// career: plans, and the career graph's build and check.
void AddCareerCommand(CLI::App& app, Context& context, int& exit_code);

// A résumé read into a profile with the wishes beside it applied (profile, match, gap, career).
StatusOr<match::Profile> LoadResumeProfile(Context& context, const std::string& path, const match::Wishes& wishes);

// Adds the options every store-reading command has: --db and --json.
void AddStoreOptions(CLI::App& command, Context& context);

}  // namespace jobscope::cli::internal
