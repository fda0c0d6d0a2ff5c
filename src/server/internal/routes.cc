// The route table and its handlers. Each handler reads its parameters (params.cc), calls one service
// function and sends the JSON form (json/) of the answer; errors go out as problems (problem.cc).
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <regex>

#include <unistd.h>

#include "base/strings.h"
#include "ingest/ingest.h"
#include "json/json.h"
#include "match/match.h"
#include "report/report.h"
#include "server/internal/params.h"
#include "server/internal/problem.h"
#include "server/internal/state.h"

namespace jobscope::server::internal {
namespace {

using State = Server::State;
using Clock = std::chrono::steady_clock;

// Who may call a route: anyone; readers (anyone unless the server was started with token reads); holders of
// a token.
enum class Access { kOpen, kRead, kWrite };

struct Route {
  const char* method;
  const char* pattern;  // httplib's regex
  const char* name;     // the template metrics and docs/openapi.yaml use
  Access access;
  void (*handle)(State& state, const httplib::Request& req, httplib::Response& res);
};

// What the metrics logger needs of the request this thread is answering.
struct Trace {
  Clock::time_point start{};
  const char* route = nullptr;
};
thread_local Trace trace;

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// ---- search ----------------------------------------------------------------------------------------------

// A search read and checked, ready to run: its filters resolved against the taxonomy.
struct PreparedSearch {
  SearchParams params;
  index::Filters filters;
};

StatusOr<PreparedSearch> PrepareSearch(State& state, const Params& query) {
  PreparedSearch prepared;
  JS_ASSIGN_OR_RETURN(prepared.params, ParseSearchParams(query, state.options.limits));
  JS_ASSIGN_OR_RETURN(prepared.filters, search::ResolveFilters(prepared.params.filters, *state.taxonomy));
  return prepared;
}

StatusOr<nlohmann::json> RunSearch(State& state, const PreparedSearch& prepared) {
  const SearchParams& params = prepared.params;
  JS_ASSIGN_OR_RETURN(ReaderPool::Lease reader, state.readers->Acquire());
  const Clock::time_point start = Clock::now();
  JS_ASSIGN_OR_RETURN(search::SearchPage page,
                      state.search->Search(*reader, params.query, prepared.filters, params.options));
  nlohmann::json out = json::SearchPageToJson(page, params.options, &*state.taxonomy);
  out["search_time_ms"] = SecondsSince(start) * 1000;
  return out;
}

void HandleSearch(State& state, const httplib::Request& req, httplib::Response& res) {
  auto prepared = PrepareSearch(state, req.params);
  if (!prepared.ok()) return SendStatus(res, prepared.status());
  auto answer = RunSearch(state, *prepared);
  if (!answer.ok()) return SendStatus(res, answer.status());
  SendJson(res, *answer);
}

StatusOr<nlohmann::json> ParseJsonBody(const State& state, const httplib::Request& req, httplib::Response& res,
                                       bool& too_large) {
  too_large = req.body.size() > state.options.limits.max_json_bytes;
  if (too_large) {
    SendProblem(res, 413, "body-too-large",
                "the JSON body is " + std::to_string(req.body.size()) + " bytes; at most " +
                    std::to_string(state.options.limits.max_json_bytes));
    return Internal("too large");
  }
  nlohmann::json body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return InvalidArgument("the body is not JSON; send {\"searches\": [{\"q\": \"...\"}, ...]}");
  return body;
}

void HandleMultiSearch(State& state, const httplib::Request& req, httplib::Response& res) {
  bool too_large = false;
  auto body = ParseJsonBody(state, req, res, too_large);
  if (too_large) return;
  if (!body.ok()) return SendStatus(res, body.status());
  if (!body->is_object() || !body->contains("searches") || !(*body)["searches"].is_array()) {
    return SendProblem(res, 400, "invalid-parameter", "searches: give {\"searches\": [{\"q\": \"...\"}, ...]}");
  }
  const nlohmann::json& searches = (*body)["searches"];
  const size_t limit = state.options.limits.max_searches;
  if (searches.size() > limit) {
    return SendProblem(res, 400, "invalid-parameter",
                       "searches: " + std::to_string(searches.size()) + " searches; at most " + std::to_string(limit) +
                           " in one request");
  }
  // Every search is read before any runs, so a mistake in the last one costs no work.
  std::vector<PreparedSearch> prepared;
  for (size_t idx = 0; idx < searches.size(); ++idx) {
    auto params = ParamsFromJson(searches[idx]);
    StatusOr<PreparedSearch> search =
        params.ok() ? PrepareSearch(state, *params) : StatusOr<PreparedSearch>(params.status());
    if (!search.ok()) {
      return SendProblem(res, 400, "invalid-parameter",
                         "searches[" + std::to_string(idx) + "]." + search.status().message());
    }
    prepared.push_back(std::move(search).value());
  }
  nlohmann::json results = nlohmann::json::array();
  for (const PreparedSearch& search : prepared) {
    auto answer = RunSearch(state, search);
    if (!answer.ok()) return SendStatus(res, answer.status());
    results.push_back(std::move(answer).value());
  }
  SendJson(res, {{"results", results}});
}

// ---- postings ----------------------------------------------------------------------------------------------

void HandlePosting(State& state, const httplib::Request& req, httplib::Response& res) {
  Status known = CheckKnownParams(req.params, {});
  if (!known.ok()) return SendStatus(res, known);
  const std::string id = req.matches[1];
  auto reader = state.readers->Acquire();
  if (!reader.ok()) return SendStatus(res, reader.status());
  auto posting = (*reader)->GetPosting(id);
  if (!posting.ok()) return SendStatus(res, posting.status());
  if (!posting->has_value()) {
    return SendProblem(res, 404, "not-found", "no posting " + id + " (ids are as search hits give them)");
  }
  SendJson(res, json::PostingToJson(**posting, /*with_description=*/true, &*state.taxonomy));
}

void HandleSimilar(State& state, const httplib::Request& req, httplib::Response& res) {
  Status known = CheckKnownParams(req.params, {"limit"});
  if (!known.ok()) return SendStatus(res, known);
  auto limit = IntParam(req.params, "limit", 10, 1, static_cast<int64_t>(state.options.limits.max_per_page));
  if (!limit.ok()) return SendStatus(res, limit.status());
  auto reader = state.readers->Acquire();
  if (!reader.ok()) return SendStatus(res, reader.status());
  auto page = state.search->MoreLikeThis(**reader, req.matches[1], static_cast<size_t>(*limit));
  if (!page.ok()) return SendStatus(res, page.status());
  search::SearchOptions shown;
  shown.per_page = static_cast<size_t>(*limit);
  SendJson(res, json::SearchPageToJson(*page, shown, &*state.taxonomy));
}

// ---- salary, stats -----------------------------------------------------------------------------------------

void HandleEstimate(State& state, const httplib::Request& req, httplib::Response& res) {
  auto request = ParseEstimateParams(req.params);
  if (!request.ok()) return SendStatus(res, request.status());
  StatusOr<salary::EstimateAnswer> answer = Internal("not estimated");
  {
    std::lock_guard<std::mutex> lock(state.salary_mutex);
    answer = salary::EstimatePay(*state.salary_model, *request, &*state.taxonomy, &*state.rates);
  }
  if (!answer.ok()) return SendStatus(res, answer.status());
  SendJson(res, json::EstimateToJson(*answer));
}

void HandleBands(State& state, const httplib::Request& req, httplib::Response& res) {
  Status known = CheckKnownParams(req.params, {"by"});
  if (!known.ok()) return SendStatus(res, known);
  if (!state.survey) {
    return SendProblem(res, 503, "no-survey",
                       "no salary survey was loaded: start the server with --survey FILE (the aijobs.net survey CSV)");
  }
  const std::string by = TextParam(req.params, "by", "level");
  if (by != "level" && by != "role" && by != "country") {
    return SendProblem(res, 400, "invalid-parameter", "by: '" + by + "' is not level, role or country");
  }
  auto bands = salary::PayBands(state.survey->records, by);
  if (!bands.ok()) return SendStatus(res, bands.status());
  SendJson(res, {{"by", by}, {"bands", json::BandsToJson(*bands)}});
}

void HandleStats(State& state, const httplib::Request& req, httplib::Response& res) {
  Status known = CheckKnownParams(req.params, {"top"});
  if (!known.ok()) return SendStatus(res, known);
  auto top = IntParam(req.params, "top", 25, 1, 1000);
  if (!top.ok()) return SendStatus(res, top.status());
  {
    std::lock_guard<std::mutex> lock(state.summary_mutex);
    auto cached = state.summaries.find(*top);
    if (cached != state.summaries.end()) return SendJson(res, cached->second);
  }
  auto reader = state.readers->Acquire();
  if (!reader.ok()) return SendStatus(res, reader.status());
  auto summary = report::SummarizeMarket(**reader, static_cast<size_t>(*top), &*state.taxonomy);
  if (!summary.ok()) return SendStatus(res, summary.status());
  nlohmann::json out = json::MarketSummaryToJson(*summary);
  {
    std::lock_guard<std::mutex> lock(state.summary_mutex);
    state.summaries[*top] = out;
  }
  SendJson(res, out);
}

// ---- résumés --------------------------------------------------------------------------------------------------

// A résumé as uploaded: the body, or a multipart/form-data part (the one named "resume", else the first with a
// file name, else the first); the form's other fields join the query's parameters. Read in memory, never
// written anywhere, never logged.
struct ResumeUpload {
  std::string_view bytes;
  std::string name;  // for messages and the profile's `source`: the file's base name, else "résumé"
  Params params;
};

// The upload, or false once a problem has been sent (no résumé, over the size limit).
bool ReadUpload(const State& state, const httplib::Request& req, httplib::Response& res, ResumeUpload& upload) {
  upload.params = req.params;
  upload.bytes = req.body;
  // httplib reads a form-urlencoded body into the parameters, but a résumé sent with curl --data-binary
  // carries that type by default: the body is the résumé, and the parameters are the query's alone.
  if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0) {
    upload.params.clear();
    if (size_t query = req.target.find('?'); query != std::string::npos) {
      httplib::detail::parse_query_text(req.target.substr(query + 1), upload.params);
    }
  }
  std::string filename;
  if (req.is_multipart_form_data()) {
    const httplib::MultipartFormData* chosen = nullptr;
    if (auto named = req.files.find("resume"); named != req.files.end()) chosen = &named->second;
    for (const auto& [name, part] : req.files) {
      if (!chosen && !part.filename.empty()) chosen = &part;
    }
    if (!chosen && !req.files.empty()) chosen = &req.files.begin()->second;
    if (!chosen) {
      SendProblem(res, 400, "invalid-parameter", "the form has no résumé: send it as a file part named resume");
      return false;
    }
    for (const auto& [name, part] : req.files) {
      if (&part != chosen && part.filename.empty()) upload.params.emplace(name, part.content);
    }
    upload.bytes = chosen->content;
    filename = chosen->filename;
  }
  if (upload.bytes.size() > state.options.limits.max_resume_bytes) {
    SendProblem(res, 413, "body-too-large",
                "the résumé is " + std::to_string(upload.bytes.size()) + " bytes; at most " +
                    std::to_string(state.options.limits.max_resume_bytes));
    return false;
  }
  if (filename.empty()) filename = TextParam(upload.params, "filename");
  auto slash = filename.find_last_of("/\\");
  if (slash != std::string::npos) filename = filename.substr(slash + 1);
  upload.name = filename.empty() ? "résumé" : filename.substr(0, 128);
  return true;
}

// Reads the upload into a profile with what the person asks for, as `jobscope match` does with its flags.
StatusOr<match::Profile> BuildProfile(State& state, const ResumeUpload& upload, const ResumeParams& params) {
  if (upload.bytes.empty()) {
    return InvalidArgument("no résumé: send the file (PDF, DOCX, text or JSON Resume) as the body or a form part");
  }
  JS_ASSIGN_OR_RETURN(match::ResumeDocument document, match::ReadResumeBytes(upload.bytes, upload.name));
  match::Profile profile;
  {
    std::lock_guard<std::mutex> lock(state.builder_mutex);
    profile = state.profile_builder->Build(document, match::CurrentMonth());
  }
  match::ApplyWishes(params.wishes, profile);
  return profile;
}

void HandleProfile(State& state, const httplib::Request& req, httplib::Response& res) {
  ResumeUpload upload;
  if (!ReadUpload(state, req, res, upload)) return;
  auto params = ParseProfileParams(upload.params);
  if (!params.ok()) return SendStatus(res, params.status());
  auto profile = BuildProfile(state, upload, *params);
  if (!profile.ok()) return SendStatus(res, profile.status());
  SendJson(res, json::ProfileToJson(*profile));
}

void HandleMatch(State& state, const httplib::Request& req, httplib::Response& res) {
  ResumeUpload upload;
  if (!ReadUpload(state, req, res, upload)) return;
  auto params = ParseMatchParams(upload.params, state.options.limits);
  if (!params.ok()) return SendStatus(res, params.status());
  auto filters = search::ResolveFilters(params->filters, *state.taxonomy);
  if (!filters.ok()) return SendStatus(res, filters.status());
  auto profile = BuildProfile(state, upload, *params);
  if (!profile.ok()) return SendStatus(res, profile.status());
  std::shared_ptr<const match::MatchIndex> market = state.Market();
  market->CompleteProfile(*profile);
  std::vector<match::Match> matches = market->TopMatches(*profile, *filters, params->top);
  SendJson(res, json::MatchesToJson(upload.name, market->size(), *profile, matches));
}

void HandleGap(State& state, const httplib::Request& req, httplib::Response& res) {
  ResumeUpload upload;
  if (!ReadUpload(state, req, res, upload)) return;
  auto params = ParseGapParams(upload.params);
  if (!params.ok()) return SendStatus(res, params.status());
  std::shared_ptr<const match::MatchIndex> market = state.Market();
  std::optional<match::PostingFacts> posting = market->Facts(params->posting);
  if (!posting) {
    return SendProblem(res, 404, "not-found",
                       "no posting " + params->posting +
                           " (ids are as search hits give them; linked duplicates are "
                           "matched through the posting they repeat)");
  }
  auto profile = BuildProfile(state, upload, *params);
  if (!profile.ok()) return SendStatus(res, profile.status());
  market->CompleteProfile(*profile);
  SendJson(res, json::GapToJson(upload.name, match::ScoreMatch(*profile, *posting, market->weights())));
}

// ---- saved searches and alerts --------------------------------------------------------------------------------

void HandleListAlerts(State& state, const httplib::Request& req, httplib::Response& res) {
  Status known = CheckKnownParams(req.params, {});
  if (!known.ok()) return SendStatus(res, known);
  auto reader = state.readers->Acquire();
  if (!reader.ok()) return SendStatus(res, reader.status());
  auto searches = search::ListSavedSearches(**reader);
  if (!searches.ok()) return SendStatus(res, searches.status());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& each : *searches) out.push_back(json::SavedSearchToJson(each));
  SendJson(res, {{"saved_searches", out}});
}

void HandleSaveAlert(State& state, const httplib::Request& req, httplib::Response& res) {
  auto spec = ParseSavedSearchParams(req.params);
  if (!spec.ok()) return SendStatus(res, spec.status());
  std::lock_guard<std::mutex> lock(state.write_mutex);
  Status saved = search::SaveSearch(*state.store, *spec, *state.taxonomy);
  if (!saved.ok()) return SendStatus(res, saved);
  SendJson(res, {{"saved", spec->name}}, 201);
}

void HandleDeleteAlert(State& state, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard<std::mutex> lock(state.write_mutex);
  Status removed = search::DeleteSavedSearch(*state.store, req.matches[1]);
  if (!removed.ok()) return SendStatus(res, removed);
  SendJson(res, {{"removed", std::string(req.matches[1])}});
}

// Runs the saved searches (or the one named), moving their marks unless peek=true.
void HandleRunAlerts(State& state, const httplib::Request& req, httplib::Response& res) {
  Status known = CheckKnownParams(req.params, {"name", "peek"});
  if (!known.ok()) return SendStatus(res, known);
  auto peek = BoolParam(req.params, "peek", false);
  if (!peek.ok()) return SendStatus(res, peek.status());
  std::lock_guard<std::mutex> lock(state.write_mutex);
  auto run = search::RunAlerts(*state.store, *state.taxonomy, TextParam(req.params, "name"), *peek);
  if (!run.ok()) return SendStatus(res, run.status());
  SendJson(res, json::AlertRunToJson(*run));
}

// ---- career ------------------------------------------------------------------------------------------------

// Plans for the person with the stored market and the salary model, and sends the plan or the problem.
void SendPlan(State& state, career::Person person, const CareerParams& params, httplib::Response& res) {
  if (!state.career_graph) {
    return SendProblem(res, 503, "unavailable",
                       "no career graph: data/career/graph.json is missing (make it with jobscope career build)");
  }
  career::PlanSources sources;
  Status place = career::SetPlace(params.location, sources);
  if (!place.ok()) return SendStatus(res, place);
  std::shared_ptr<const match::MatchIndex> market = state.Market();
  sources.market = market.get();
  StatusOr<career::CareerPlan> plan = InvalidArgument("");
  {
    std::lock_guard<std::mutex> lock(state.salary_mutex);  // the salary model serves one thread at a time
    sources.pay_model = state.salary_model.get();
    plan = career::PlanCareer(person, params.target, *state.career_graph, *state.skill_graph, sources);
  }
  if (!plan.ok()) return SendStatus(res, plan.status());
  SendJson(res, json::CareerPlanToJson(*plan));
}

void HandleCareer(State& state, const httplib::Request& req, httplib::Response& res) {
  auto params = ParseCareerParams(req.params, false);
  if (!params.ok()) return SendStatus(res, params.status());
  auto person = career::PersonFromSpec(params->person, *state.taxonomy);
  if (!person.ok()) return SendStatus(res, person.status());
  SendPlan(state, std::move(*person), *params, res);
}

void HandleCareerResume(State& state, const httplib::Request& req, httplib::Response& res) {
  ResumeUpload upload;
  if (!ReadUpload(state, req, res, upload)) return;
  auto params = ParseCareerParams(upload.params, true);
  if (!params.ok()) return SendStatus(res, params.status());
  auto profile = BuildProfile(state, upload, ResumeParams{});
  if (!profile.ok()) return SendStatus(res, profile.status());
  SendPlan(state, career::Person{std::move(*profile), false}, *params, res);
}

// ---- ingest ------------------------------------------------------------------------------------------------

// The reader extension for an upload: from ?format=, else the part's file name, else the Content-Type.
std::string UploadExtension(const std::string& format, const std::string& filename, const std::string& content_type) {
  if (!format.empty()) return AsciiLower(format);
  auto dot = filename.rfind('.');
  if (dot != std::string::npos) return AsciiLower(filename.substr(dot + 1));
  std::string type = AsciiLower(content_type.substr(0, content_type.find(';')));
  if (type == "text/csv") return "csv";
  if (type == "text/tab-separated-values") return "tsv";
  if (type == "application/x-ndjson" || type == "application/jsonl" || type == "application/x-jsonlines")
    return "jsonl";
  if (type == "application/json" || type == "application/ld+json") return "json";
  if (type == "text/html") return "html";
  return "";
}

// A name safe to put in a path: letters, digits, '.', '-' and '_' of the base name.
std::string SafeStem(std::string_view name) {
  auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  auto dot = name.rfind('.');
  if (dot != std::string_view::npos) name = name.substr(0, dot);
  std::string stem;
  for (char c : name) {
    if (IsAsciiAlnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') stem += c;
  }
  return stem.empty() ? "upload" : stem.substr(0, 64);
}

void HandleIngest(State& state, const httplib::Request& req, httplib::Response& res) {
  Status known = CheckKnownParams(req.params, {"format", "source", "filename"});
  if (!known.ok()) return SendStatus(res, known);
  std::string body = req.body, filename = TextParam(req.params, "filename"),
              content_type = req.get_header_value("Content-Type");
  if (req.is_multipart_form_data()) {
    if (req.files.empty()) return SendProblem(res, 400, "invalid-parameter", "the form has no file part");
    const httplib::MultipartFormData& part = req.files.begin()->second;
    body = part.content;
    if (filename.empty()) filename = part.filename;
    content_type = part.content_type;
  }
  if (body.empty()) return SendProblem(res, 400, "invalid-parameter", "the upload is empty: send the file as the body");
  const std::string extension = UploadExtension(TextParam(req.params, "format"), filename, content_type);
  static const std::vector<std::string> kExtensions = {"csv",  "tsv",    "jsonl", "ndjson",
                                                       "json", "jsonld", "html",  "htm"};
  if (std::find(kExtensions.begin(), kExtensions.end(), extension) == kExtensions.end()) {
    return SendProblem(res, 415, "unsupported-format",
                       "cannot tell the upload's format: give ?format=csv|tsv|jsonl|json|html, a file name with that "
                       "extension, or a Content-Type such as text/csv or application/x-ndjson");
  }
  // The readers read files by path: the upload goes to a private temporary directory, removed afterwards.
  std::string pattern = (std::filesystem::temp_directory_path() / "jobscope-upload-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) return SendStatus(res, IoError("cannot make a temporary directory for the upload"));
  const std::filesystem::path dir(pattern);
  const std::string path = (dir / (SafeStem(filename) + "." + extension)).string();
  struct RemoveDir {
    std::filesystem::path dir;
    ~RemoveDir() {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  } remove_dir{dir};
  {
    std::ofstream out(path, std::ios::binary);
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    if (!out.flush()) return SendStatus(res, IoError("cannot write the upload to " + path));
  }
  ingest::IngestOptions options;
  options.reader.source_name = TextParam(req.params, "source");
  StatusOr<ingest::IngestSummary> summary = Internal("not run");
  StatusOr<size_t> indexed = size_t{0};
  {
    std::lock_guard<std::mutex> lock(state.write_mutex);
    ingest::Ingester ingester(*state.store, *state.understander);
    summary = ingester.Run({path}, options, nullptr);
    if (summary.ok()) indexed = CatchUpWithStore(state);
  }
  if (!summary.ok()) return SendStatus(res, summary.status());
  if (!indexed.ok()) return SendStatus(res, indexed.status());
  if (summary->failed_inputs > 0) {
    std::string error = summary->files.empty() ? "unreadable" : summary->files.front().error;
    return SendProblem(res, 400, "unreadable-input", "the upload could not be read as " + extension + ": " + error);
  }
  nlohmann::json out = json::IngestSummaryToJson(*summary);
  out["indexed"] = *indexed;
  SendJson(res, out);
}

// ---- health, metrics ---------------------------------------------------------------------------------------

void HandleHealth(State& state, const httplib::Request&, httplib::Response& res) {
  SendJson(res, {{"status", "ok"},
                 {"postings", state.search->DocumentCount()},
                 {"schema_version", state.store->SchemaVersion()},
                 {"uptime_seconds", static_cast<double>(std::time(nullptr)) - state.start_seconds}});
}

void HandleMetrics(State& state, const httplib::Request&, httplib::Response& res) {
  res.set_content(state.metrics.Render(static_cast<int64_t>(state.search->DocumentCount()), state.start_seconds,
                                       state.search->PageCacheStats()),
                  "text/plain; version=0.0.4; charset=utf-8");
}

// ---- the table ---------------------------------------------------------------------------------------------

const Route kRoutes[] = {
    {"GET", "/api/v1/health", "/api/v1/health", Access::kOpen, HandleHealth},
    {"GET", "/metrics", "/metrics", Access::kRead, HandleMetrics},
    {"GET", "/api/v1/search", "/api/v1/search", Access::kRead, HandleSearch},
    {"POST", "/api/v1/multi_search", "/api/v1/multi_search", Access::kRead, HandleMultiSearch},
    {"GET", "/api/v1/postings/([^/]+)", "/api/v1/postings/{id}", Access::kRead, HandlePosting},
    {"GET", "/api/v1/postings/([^/]+)/similar", "/api/v1/postings/{id}/similar", Access::kRead, HandleSimilar},
    {"GET", "/api/v1/salary/estimate", "/api/v1/salary/estimate", Access::kRead, HandleEstimate},
    {"GET", "/api/v1/salary/bands", "/api/v1/salary/bands", Access::kRead, HandleBands},
    {"GET", "/api/v1/stats", "/api/v1/stats", Access::kRead, HandleStats},
    {"POST", "/api/v1/profile", "/api/v1/profile", Access::kRead, HandleProfile},
    {"POST", "/api/v1/match", "/api/v1/match", Access::kRead, HandleMatch},
    {"POST", "/api/v1/gap", "/api/v1/gap", Access::kRead, HandleGap},
    {"GET", "/api/v1/career", "/api/v1/career", Access::kRead, HandleCareer},
    {"POST", "/api/v1/career", "/api/v1/career", Access::kRead, HandleCareerResume},
    {"POST", "/api/v1/ingest", "/api/v1/ingest", Access::kWrite, HandleIngest},
    {"GET", "/api/v1/alerts", "/api/v1/alerts", Access::kRead, HandleListAlerts},
    {"POST", "/api/v1/alerts", "/api/v1/alerts", Access::kWrite, HandleSaveAlert},
    {"POST", "/api/v1/alerts/run", "/api/v1/alerts/run", Access::kWrite, HandleRunAlerts},
    {"DELETE", "/api/v1/alerts/([^/]+)", "/api/v1/alerts/{name}", Access::kWrite, HandleDeleteAlert},
};

// Sends 401 and returns false unless the request may use a route of this access.
bool Admit(State& state, Access access, const httplib::Request& req, httplib::Response& res) {
  if (access == Access::kOpen || (access == Access::kRead && !state.options.token_reads)) return true;
  auto reader = state.readers->Acquire();
  if (!reader.ok()) {
    SendStatus(res, reader.status());
    return false;
  }
  const std::string header = req.get_header_value("Authorization");
  auto authorized = IsAuthorized(**reader, header);
  if (!authorized.ok()) {
    SendStatus(res, authorized.status());
    return false;
  }
  if (*authorized) return true;
  res.set_header("WWW-Authenticate", "Bearer realm=\"jobscope\"");
  std::string why =
      access == Access::kWrite ? "this endpoint changes the store" : "this server serves reads to token holders only";
  SendProblem(
      res, 401, "unauthorized",
      why + (header.empty() ? ": send Authorization: Bearer <token> (make one with jobscope token create)"
                            : ": the token given is not one this store knows (make one with jobscope token create)"));
  return false;
}

}  // namespace

void AddRoutes(State& state) {
  httplib::Server& http = state.http;
  for (const Route& route : kRoutes) {
    httplib::Server::Handler handler = [&state, &route](const httplib::Request& req, httplib::Response& res) {
      trace.route = route.name;
      if (Admit(state, route.access, req, res)) route.handle(state, req, res);
    };
    if (std::string_view(route.method) == "GET")
      http.Get(route.pattern, handler);
    else if (std::string_view(route.method) == "DELETE")
      http.Delete(route.pattern, handler);
    else
      http.Post(route.pattern, handler);
  }
  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    trace = {Clock::now(), nullptr};
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // httplib's own refusals (no route, a body over the limit, a malformed request) come with no body: they
  // get a problem too. A path served under another method is a 405 naming the methods.
  http.set_error_handler(
      httplib::Server::HandlerWithResponse([&state](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        if (res.status == 404) {
          std::string allowed;
          for (const Route& route : kRoutes) {
            if (std::regex_match(req.path, std::regex(route.pattern)))
              allowed += (allowed.empty() ? "" : ", ") + std::string(route.method);
          }
          if (!allowed.empty()) {
            res.set_header("Allow", allowed);
            SendProblem(res, 405, "method-not-allowed", req.method + " " + req.path + ": use " + allowed);
          } else {
            SendProblem(res, 404, "no-route",
                        "no endpoint at " + req.path + " (see docs/openapi.yaml; the API is under /api/v1)");
          }
        } else if (res.status == 413) {
          SendProblem(res, 413, "body-too-large",
                      "the body is larger than the server takes: at most " +
                          std::to_string(state.options.limits.max_upload_bytes) + " bytes");
        } else {
          SendProblem(res, res.status, "bad-request", "the request could not be read as HTTP/1.1");
        }
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
    std::string what = "unknown error";
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    SendProblem(res, 500, "internal", "the server failed answering: " + what);
  });
  // Counted before the response is written (httplib's logger runs after it), so a client that reads
  // /metrics right after a response already sees that response counted.
  http.set_post_routing_handler([&state](const httplib::Request&, httplib::Response& res) {
    const bool timed = trace.start != Clock::time_point{};
    // A file of the web UI is answered before routing: counted as one route, "static".
    const char* route = trace.route ? trace.route : (timed && res.status < 400 ? "static" : "unmatched");
    state.metrics.Record(route, res.status, timed ? SecondsSince(trace.start) : -1);
    trace = {};
  });
}

}  // namespace jobscope::server::internal
