#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli/internal/commands.h"
#include "json/json.h"
#include "server/server.h"

namespace jobscope::cli::internal {
namespace {

int RunTokenCreate(Context& context, const std::string& name) {
  // A mistyped --db must not make a new store: the store must exist (it is migrated, as `serve` would).
  if (!store::StoreMayExist(context.db_path)) {
    return ReportError(InvalidArgument("no store at " + store::StoreDisplayName(context.db_path) +
                                       " (check --db, or make one with jobscope ingest)"));
  }
  auto store = context.OpenStore();
  if (!store.ok()) return ReportError(store.status());
  auto token = server::CreateApiToken(**store, name);
  if (!token.ok()) return ReportError(token.status());
  if (context.json) {
    std::printf(
        "%s\n",
        json::Dump({{"name", name}, {"token", *token}, {"db", store::StoreDisplayName(context.db_path)}}).c_str());
  } else {
    std::printf("%s\n", token->c_str());
    std::fprintf(stderr,
                 "jobscope: token '%s' stored (as its SHA-256) in %s; it is shown only now. Send it as "
                 "Authorization: Bearer <token>\n",
                 name.c_str(), store::StoreDisplayName(context.db_path).c_str());
  }
  return kExitOk;
}

}  // namespace

void AddTokenCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("token", "API tokens for the server's write endpoints");
  command->require_subcommand(1);
  auto* create = command->add_subcommand("create", "Make a token, print it once, store only its SHA-256");
  auto name = std::make_shared<std::string>("default");
  create->add_option("--name", *name, "A name to tell the token apart")->capture_default_str();
  AddStoreOptions(*create, context);
  create->callback([&context, &exit_code, name] { exit_code = RunTokenCreate(context, *name); });
}

}  // namespace jobscope::cli::internal
