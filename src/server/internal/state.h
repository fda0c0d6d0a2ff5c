// What the server holds while it runs: the store and its readers, the search service, the models, the
// caches, the metrics and the HTTP server itself. Shared by the route handlers (routes.cc).
#pragma once

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "career/career.h"
#include "classify/classify.h"
#include "extract/extract.h"
#include "match/match.h"
#include "salary/salary.h"
#include "search/search.h"
#include "server/internal/metrics.h"
#include "server/internal/reader_pool.h"
#include "server/server.h"
#include "store/store.h"
#include "taxonomy/taxonomy.h"

namespace jobscope::server {

struct Server::State {
  ServerOptions options;
  std::string db_path;
  double start_seconds = 0;  // since the Unix epoch
  int port = 0;

  // The connection that writes (ingest) and that the search service catches up through; used under
  // write_mutex once serving starts.
  std::unique_ptr<store::Store> store;
  std::mutex write_mutex;
  std::unique_ptr<internal::ReaderPool> readers;
  std::unique_ptr<search::SearchService> search;

  std::optional<taxonomy::Taxonomy> taxonomy;  // outlives the understander, which holds a reference
  std::optional<extract::CurrencyRates> rates;
  std::unique_ptr<classify::Understander> understander;  // ingest only, under write_mutex

  std::unique_ptr<salary::SalaryModel> salary_model;  // one thread at a time: salary_mutex
  std::mutex salary_mutex;
  std::optional<salary::SurveyLoad> survey;  // read-only once loaded; absent when there is no survey file

  // Career plans: both graphs are read-only once loaded; absent when the graph file is missing.
  std::optional<career::CareerGraph> career_graph;
  std::optional<career::SkillGraph> skill_graph;

  // The market summary reads every posting: kept by `top` until an ingest changes the store.
  std::mutex summary_mutex;
  std::map<int64_t, nlohmann::json> summaries;  // guarded by summary_mutex

  // Résumés: one builder (vectorscan scratch) used one request at a time; the market's match index, replaced
  // whole after an ingest stores postings (a request keeps the one it took until it is done).
  std::unique_ptr<match::ProfileBuilder> profile_builder;  // under builder_mutex
  std::mutex builder_mutex;
  std::shared_ptr<const match::MatchIndex> market;  // guarded by market_mutex
  std::mutex market_mutex;
  std::shared_ptr<const match::MatchIndex> Market() {
    std::lock_guard<std::mutex> lock(market_mutex);
    return market;
  }

  // The follower: every options.follow_seconds it catches up with postings other processes stored.
  std::thread follower;
  std::mutex follow_mutex;
  std::condition_variable follow_wake;
  bool stopping = false;  // guarded by follow_mutex

  internal::Metrics metrics;
  httplib::Server http;  // last: destroyed first, so no handler runs on a half-destroyed state
};

namespace internal {

// Brings what the server holds up to the store: the search index takes the postings stored since it last
// looked (by this server's ingest or by any other writer), and when there were any the match index is
// rebuilt and the cached market summaries dropped. Returns how many postings the index took.
// REQUIRES: state.write_mutex held.
StatusOr<size_t> CatchUpWithStore(Server::State& state);

// Installs the route table, the error, exception and pre-routing handlers and the metrics logger.
void AddRoutes(Server::State& state);

// Whether an Authorization header value ("Bearer <token>") carries a stored token. The presented token's
// SHA-256 is compared with every stored digest in constant time. Errors: those of the store.
StatusOr<bool> IsAuthorized(store::Store& reader, std::string_view authorization);

}  // namespace internal
}  // namespace jobscope::server
