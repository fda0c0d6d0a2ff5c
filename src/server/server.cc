// Opening the server: the store, the index, the models; then binding and serving.
#include "server/server.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <thread>

#include <sys/socket.h>

#include "server/internal/state.h"

namespace jobscope::server {

Server::Server(std::unique_ptr<State> state) : state_(std::move(state)) {}

Server::~Server() { Stop(); }

size_t DefaultWorkerThreads() {
  // At most 64: each worker may hold a store connection, and PostgreSQL allows 100 by default.
  return std::clamp<size_t>(4 * size_t{std::thread::hardware_concurrency()}, 16, 64);
}

void UseShippedData(ServerOptions& options, const std::string& data_dir) {
  const std::filesystem::path data(data_dir);
  options.taxonomy_path = (data / "taxonomy/skills.tsv").string();
  options.rates_path = (data / "currency_rates.tsv").string();
  options.role_model_path = (data / "models/role_model.bin").string();
  options.salary_model_dir = (data / "models/salary").string();
  options.career_graph_path = (data / "career/graph.json").string();
  options.skill_prerequisites_path = (data / "career/skill_prerequisites.tsv").string();
}

StatusOr<std::unique_ptr<Server>> Server::Open(const std::string& db_path, const ServerOptions& options) {
  std::error_code error;
  if (!store::StoreMayExist(db_path)) {
    return InvalidArgument("no store at " + store::StoreDisplayName(db_path) +
                           " (check --db, or make one with jobscope ingest)");
  }
  auto state = std::make_unique<State>();
  state->options = options;
  state->db_path = db_path;
  state->start_seconds = static_cast<double>(std::time(nullptr));
  // Read-write: ingest writes through it. Opening migrates an older store (the tokens table came in v6).
  JS_ASSIGN_OR_RETURN(state->store, store::OpenStore(db_path));
  state->readers = std::make_unique<internal::ReaderPool>(*state->store);
  const std::string snapshot = options.snapshot_path.empty() ? search::SnapshotPath(db_path) : options.snapshot_path;
  JS_ASSIGN_OR_RETURN(state->search, search::SearchService::Open(*state->store, snapshot));

  JS_ASSIGN_OR_RETURN(taxonomy::Taxonomy taxonomy, taxonomy::Taxonomy::Load(options.taxonomy_path));
  state->taxonomy.emplace(std::move(taxonomy));
  state->search->UseTaxonomy(*state->taxonomy);
  state->search->KeepPages(options.cache_pages, options.cache_seconds);
  JS_ASSIGN_OR_RETURN(extract::CurrencyRates rates, extract::CurrencyRates::Load(options.rates_path));
  state->rates.emplace(std::move(rates));
  JS_ASSIGN_OR_RETURN(state->understander, classify::Understander::Create(*state->taxonomy, *state->rates));
  JS_RETURN_IF_ERROR(state->understander->UseRoleModel(options.role_model_path));
  JS_ASSIGN_OR_RETURN(state->salary_model, salary::SalaryModel::Load(options.salary_model_dir));
  // The survey only feeds /salary/bands: without it the server runs and that endpoint says why it cannot.
  if (!options.survey_path.empty() && std::filesystem::is_regular_file(options.survey_path, error)) {
    JS_ASSIGN_OR_RETURN(salary::SurveyLoad survey, salary::LoadSurvey(options.survey_path));
    state->survey.emplace(std::move(survey));
  }

  if (!options.career_graph_path.empty() && std::filesystem::is_regular_file(options.career_graph_path, error)) {
    JS_ASSIGN_OR_RETURN(career::CareerGraph graph, career::CareerGraph::Load(options.career_graph_path));
    JS_ASSIGN_OR_RETURN(career::SkillGraph skills,
                        career::SkillGraph::Load(options.skill_prerequisites_path, *state->taxonomy));
    state->career_graph.emplace(std::move(graph));
    state->skill_graph.emplace(std::move(skills));
  }

  JS_ASSIGN_OR_RETURN(state->profile_builder, match::ProfileBuilder::Create(*state->taxonomy));
  JS_ASSIGN_OR_RETURN(std::unique_ptr<match::MatchIndex> market,
                      match::MatchIndex::Build(*state->store, &*state->taxonomy));
  state->market = std::move(market);

  httplib::Server& http = state->http;
  if (!options.web_dir.empty()) {
    if (!std::filesystem::is_regular_file(std::filesystem::path(options.web_dir) / "index.html", error)) {
      return InvalidArgument("no web UI at " + options.web_dir + " (a folder with index.html; check --web-dir)");
    }
    // Static files only; the pages call the API. nosniff and a same-origin policy: no page loads code or
    // sends data anywhere else.
    http.set_mount_point("/", options.web_dir,
                         {{"X-Content-Type-Options", "nosniff"},
                          {"Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                           "connect-src 'self'; frame-ancestors 'none'"},
                          {"Cache-Control", "no-cache"}});
    http.set_file_extension_and_mimetype_mapping("js", "text/javascript; charset=utf-8");
    http.set_file_extension_and_mimetype_mapping("css", "text/css; charset=utf-8");
    http.set_file_extension_and_mimetype_mapping("html", "text/html; charset=utf-8");
    http.set_file_extension_and_mimetype_mapping("svg", "image/svg+xml");
  }
  // A keep-alive connection holds its worker thread until it closes, so the workers must outnumber the
  // connections open at once (a browser opens six), or a connection waits for another to close: with two
  // workers and eight clients, p50 was 0.7 ms but p75 460 ms.
  const size_t threads = options.threads > 0 ? options.threads : DefaultWorkerThreads();
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options.limits.max_upload_bytes);
  http.set_keep_alive_max_count(1000);  // load generators and browsers reuse connections
  // Answers go out as soon as they are written: with Nagle's algorithm a keep-alive client waited ~40 ms for
  // the delayed ACK on every request (measured: 45 requests/s, p50 44 ms, on loopback).
  http.set_tcp_nodelay(true);
  // httplib sets SO_REUSEPORT by default, which lets a second server bind the same port and share its
  // connections unnoticed; SO_REUSEADDR alone still allows a quick restart, and a taken port is an error.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_read_timeout(30, 0);  // a 32 MiB upload over a slow link
  internal::AddRoutes(*state);
  return std::unique_ptr<Server>(new Server(std::move(state)));
}

Status Server::Bind() {
  httplib::Server& http = state_->http;
  if (state_->options.port == 0) {
    int port = http.bind_to_any_port(state_->options.host);
    if (port <= 0) return IoError("cannot bind " + state_->options.host + " to any port");
    state_->port = port;
    return Status::Ok();
  }
  if (!http.bind_to_port(state_->options.host, state_->options.port)) {
    return IoError("cannot listen on " + state_->options.host + ":" + std::to_string(state_->options.port) +
                   " (is another server using it? try --port)");
  }
  state_->port = state_->options.port;
  return Status::Ok();
}

int Server::port() const { return state_->port; }

Status Server::Serve() {
  State& state = *state_;
  if (state.options.follow_seconds > 0 && !state.follower.joinable()) {
    state.follower = std::thread([&state] {
      const auto period = std::chrono::duration<double>(state.options.follow_seconds);
      std::unique_lock<std::mutex> wait_lock(state.follow_mutex);
      while (!state.follow_wake.wait_for(wait_lock, period, [&] { return state.stopping; })) {
        wait_lock.unlock();
        {
          std::lock_guard<std::mutex> lock(state.write_mutex);
          StatusOr<size_t> added = internal::CatchUpWithStore(state);
          // A store that cannot be read now (a restarting database) is tried again at the next turn.
          if (!added.ok())
            std::fprintf(stderr, "jobscope: following the store: %s\n", added.status().ToString().c_str());
        }
        wait_lock.lock();
      }
    });
  }
  if (!state.http.listen_after_bind()) return IoError("the server stopped listening on an error");
  return Status::Ok();
}

void Server::Stop() {
  if (!state_) return;
  {
    std::lock_guard<std::mutex> lock(state_->follow_mutex);
    state_->stopping = true;
  }
  state_->follow_wake.notify_all();
  if (state_->follower.joinable() && state_->follower.get_id() != std::this_thread::get_id()) state_->follower.join();
  if (state_->http.is_running()) state_->http.stop();
}

}  // namespace jobscope::server
