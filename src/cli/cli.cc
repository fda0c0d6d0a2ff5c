#include "cli/cli.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/internal/commands.h"

namespace jobscope::cli {

namespace internal {
void AddStoreOptions(CLI::App& command, Context& context) {
  command
      .add_option(
          "--db", context.db_path,
          "the store: an SQLite file or a postgresql:// URI (PGPASSWORD or ~/.pgpass keep a password out of it)")
      ->capture_default_str();
  command.add_flag("--json", context.json, "Machine-readable output (fields in docs/CLI.md)");
}
}  // namespace internal

int RunCli(int argc, char** argv) {
  internal::Context context;
  int exit_code = internal::kExitOk;
  CLI::App app{"jobscope: the AI-talent job market from real postings"};
  app.name("jobscope");
  app.require_subcommand(1);
  app.add_option("--data-dir", context.data_dir,
                 "Directory of the shipped data (taxonomy, rates); default $JOBSCOPE_DATA or the build's data/");
  internal::AddIngestCommand(app, context, exit_code);
  internal::AddUnderstandCommand(app, context, exit_code);
  internal::AddPostingsCommand(app, context, exit_code);
  internal::AddStatsCommand(app, context, exit_code);
  internal::AddReportCommand(app, context, exit_code);
  internal::AddQuarantineCommand(app, context, exit_code);
  internal::AddTaxonomyCommand(app, context, exit_code);
  internal::AddSalaryCommand(app, context, exit_code);
  internal::AddSearchCommand(app, context, exit_code);
  internal::AddTrainCommand(app, context, exit_code);
  internal::AddEvalCommand(app, context, exit_code);
  internal::AddSkillsCommand(app, context, exit_code);
  internal::AddServeCommand(app, context, exit_code);
  internal::AddTokenCommand(app, context, exit_code);
  internal::AddMatchCommands(app, context, exit_code);
  internal::AddCareerCommand(app, context, exit_code);
  internal::AddAlertsCommand(app, context, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& error) {
    // A word where a command is due that names none is most likely a mistyped one: say so and list the
    // commands, the top level's or those of the command before it (jobscope salary estimat).
    CLI::App* parent = &app;
    std::string chain = "jobscope";
    while (!parent->get_subcommands().empty()) {
      parent = parent->get_subcommands().front();
      chain += " " + parent->get_name();
    }
    int word = 1;
    if (parent != &app) {
      while (word < argc && parent->get_name() != argv[word]) ++word;
      ++word;
    }
    std::string names;
    bool known = false;
    for (const CLI::App* command : parent->get_subcommands({})) {
      if (command->get_name().empty()) continue;
      names += (names.empty() ? "" : ", ") + command->get_name();
      known = known || (word < argc && command->get_name() == argv[word]);
    }
    if (word < argc && argv[word][0] != '-' && !names.empty() && !known) {
      std::string prefix = parent == &app ? "" : chain.substr(std::string("jobscope ").size()) + " ";
      std::fprintf(stderr, "jobscope: unknown command '%s%s'; the commands are: %s (see %s --help)\n", prefix.c_str(),
                   argv[word], names.c_str(), chain.c_str());
      return internal::kExitUsage;
    }
    app.exit(error);
    return internal::kExitUsage;
  }
  // Output that never arrived (a full disk, a closed pipe's reader gone) is a failed run, not a success.
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "jobscope: cannot write the output: %s\n", std::strerror(errno));
    return internal::kExitFailed;
  }
  return exit_code;
}

}  // namespace jobscope::cli
