// File: server.h
//
// The server stage: jobscope's HTTP face. A multi-threaded HTTP server (cpp-httplib's thread pool) holding
// the search index in memory and answering a JSON API under /api/v1 over the same services the CLI calls:
// search (Typesense/Meilisearch conventions: q, filters, facets with counts, salary stats, sort, highlight,
// page/per_page; multi-search), postings by id with their skills and spans, similar postings, salary
// estimates and bands, the market summary, résumé profiles and matches (an uploaded résumé is read in memory,
// never stored or logged), ingest of an uploaded file, health, and Prometheus metrics at /metrics; and the
// web UI's static files (web/) at /. docs/openapi.yaml is the contract. Errors are application/problem+json (RFC 9457)
// whose detail says what to fix. Write endpoints need an API token (`Authorization: Bearer ...`); reads are public
// unless `token_reads`. Tokens are stored only as their SHA-256 and compared in constant time.
//
// Thread-safety: a Server is driven from one thread (Open, Bind, Serve); Stop() may be called from any
// thread. Inside, each worker thread reads postings through its own store connection; ingest (one at a
// time) writes through the store the server opened, then adds the new postings to the index under an
// exclusive lock that searches wait for, and rebuilds the match index, which replaces the old one when
// built (matches in flight finish on the old one).
//
// Example:
//   ServerOptions options;
//   options.port = 0;  // any free port
//   JS_ASSIGN_OR_RETURN(auto server, Server::Open("jobscope.db", options));
//   JS_RETURN_IF_ERROR(server->Bind());
//   std::thread serving([&] { (void)server->Serve(); });  // http://127.0.0.1:<server->port()>/api/v1/health
//   server->Stop();
//   serving.join();
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "base/status.h"
#include "store/store.h"

namespace jobscope::server {

struct ServerLimits {
  size_t max_upload_bytes = 32u << 20;  // POST /api/v1/ingest bodies
  size_t max_json_bytes = 1u << 20;     // JSON request bodies (multi_search)
  size_t max_query_chars = 512;         // the search text `q`
  size_t max_query_words = 32;          // words and phrases in `q`
  size_t max_per_page = 100;
  size_t max_result_window = 10000;     // page x per_page: deeper pages cost every query a longer ranking
  size_t max_searches = 10;             // in one multi_search
  size_t max_resume_bytes = 10u << 20;  // a résumé upload (/profile, /match, /gap)
  size_t max_matches = 100;             // `top` of /match
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;           // 0: any free port (see Server::port())
  size_t threads = 0;        // worker threads; 0: DefaultWorkerThreads()
  bool token_reads = false;  // read endpoints need a token too
  // The shipped data and models (the CLI passes its --data-dir's); `survey_path` may name no file, and then
  // /api/v1/salary/bands answers 503.
  std::string taxonomy_path, rates_path, role_model_path, salary_model_dir, survey_path;
  // The career graph and the skill prerequisites; when the graph's file is missing /api/v1/career answers 503.
  std::string career_graph_path, skill_prerequisites_path;
  std::string snapshot_path;  // the index snapshot; empty: search::SnapshotPath(db)
  // How often the server looks for postings that other processes (ingest workers) stored; 0: never (it
  // still takes what its own /api/v1/ingest stores).
  double follow_seconds = 2;
  // The web UI's static files, served at / (index.html for "/"); empty: the API alone.
  std::string web_dir;
  // Search pages kept for when they are asked again (search::SearchService::KeepPages); 0: none.
  size_t cache_pages = 1024;
  double cache_seconds = 60;
  ServerLimits limits;
};

// Points `options` at the shipped data under `data_dir` (its data/ folder): the taxonomy, the rate table, the
// role and salary models, the career graph and the skill prerequisites. The survey and the web folder are not
// shipped data and are left as they are.
void UseShippedData(ServerOptions& options, const std::string& data_dir);

// Four worker threads a hardware thread, 16 to 64: each keep-alive connection holds one while it is open.
size_t DefaultWorkerThreads();

class Server {
 public:
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Opens the store at `db_path`, which must exist (a mistyped path is an error, not a new empty store),
  // migrating it to this build's schema; loads (or builds) the search index, the taxonomy, the rate table,
  // the role model for ingest, the salary model, when present the survey, and builds the match index.
  // Errors: kInvalidArgument (no store there, not a jobscope store, a web_dir that is no folder), those of
  // the loads.
  static StatusOr<std::unique_ptr<Server>> Open(const std::string& db_path, const ServerOptions& options);

  // Binds the listening socket. Errors: kIoError (the address is taken or cannot be bound).
  Status Bind();
  // The bound port (the chosen one when ServerOptions::port was 0). REQUIRES: Bind() succeeded.
  int port() const;
  // Serves until Stop(), following the store (ServerOptions::follow_seconds). REQUIRES: Bind() succeeded.
  // Errors: kIoError when listening fails.
  Status Serve();
  // Stops serving: Serve() returns once the requests in flight are answered.
  void Stop();

  struct State;

 private:
  explicit Server(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Makes an API token: 32 bytes from /dev/urandom as "jst_" and 64 hex digits. Only its SHA-256 is stored,
// under `name`; the token is returned to be shown once. Errors: kIoError (no randomness), those of the store.
StatusOr<std::string> CreateApiToken(store::Store& store, const std::string& name);

}  // namespace jobscope::server
