#include <cstdio>
#include <thread>

#include <pthread.h>
#include <signal.h>

#include "cli/internal/commands.h"
#include "server/server.h"

namespace jobscope::cli::internal {
namespace {

struct ServeArgs {
  server::ServerOptions options;
  bool public_reads = false, token_reads = false, no_web = false;
  std::string survey = kDefaultSurvey;
};

int RunServe(Context& context, ServeArgs& args) {
  server::ServerOptions& options = args.options;
  options.token_reads = args.token_reads;
  server::UseShippedData(options, context.DataPath(""));
  options.survey_path = args.survey;
  if (args.no_web) {
    options.web_dir.clear();
  } else if (options.web_dir.empty()) {
    options.web_dir = context.WebDir();
    if (options.web_dir.empty())
      std::fprintf(stderr, "jobscope: no web/ folder found (give --web-dir); serving the API only\n");
  }
  // SIGINT and SIGTERM are taken by one thread that stops the server, so requests in flight are answered;
  // blocked here, before any thread starts, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::fprintf(stderr, "jobscope: loading %s ...\n", store::StoreDisplayName(context.db_path).c_str());
  auto opened = server::Server::Open(context.db_path, options);
  if (!opened.ok()) return ReportError(opened.status());
  server::Server& server = **opened;
  Status bound = server.Bind();
  if (!bound.ok()) return ReportError(bound);
  std::fprintf(stderr, "jobscope: serving http://%s:%d/api/v1 (reads %s; Ctrl-C stops)\n", options.host.c_str(),
               server.port(), options.token_reads ? "need a token" : "public");
  if (!options.web_dir.empty()) {
    std::fprintf(stderr, "jobscope: web UI at http://%s:%d/ (from %s)\n", options.host.c_str(), server.port(),
                 options.web_dir.c_str());
  }
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.Stop();
  });
  Status served = server.Serve();
  pthread_kill(stopper.native_handle(), SIGTERM);  // wakes the stopper if serving ended on its own
  stopper.join();
  if (!served.ok()) return ReportError(served);
  std::fprintf(stderr, "jobscope: stopped\n");
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command =
      app.add_subcommand("serve", "Serve the HTTP JSON API (docs/openapi.yaml) and the web UI over a store");
  auto args = std::make_shared<ServeArgs>();
  command->add_option("--db", context.db_path, "the store: an SQLite file or a postgresql:// URI")
      ->capture_default_str();
  command->add_option("--port", args->options.port, "TCP port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  command->add_option("--host", args->options.host, "Address to listen on")->capture_default_str();
  command
      ->add_option("--follow-seconds", args->options.follow_seconds,
                   "How often to take in postings other processes stored (0: never)")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
  command
      ->add_option("--threads", args->options.threads,
                   "Worker threads, one for each open connection (default: 4 a hardware thread, 16 to 64)")
      ->check(CLI::Range(size_t{1}, size_t{256}));
  auto* public_reads = command->add_flag("--public-reads", args->public_reads, "Reads need no token (the default)");
  command->add_flag("--token-reads", args->token_reads, "Reads need a token too (jobscope token create)")
      ->excludes(public_reads);
  auto* web_dir =
      command->add_option("--web-dir", args->options.web_dir,
                          "The web UI's folder (default: web/ beside the data folder, else the source tree's)");
  command->add_flag("--no-web", args->no_web, "Serve the API only")->excludes(web_dir);
  command
      ->add_option("--cache-pages", args->options.cache_pages,
                   "Search pages kept for when they are asked again, each for --cache-seconds (0: none)")
      ->capture_default_str();
  command->add_option("--cache-seconds", args->options.cache_seconds, "How long a kept search page is used")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
  command->add_option("--survey", args->survey, "The aijobs.net salary survey CSV, for /api/v1/salary/bands")
      ->capture_default_str();
  command->callback([&context, &exit_code, args] { exit_code = RunServe(context, *args); });
}

}  // namespace jobscope::cli::internal
