// The HTTP API on loopback: a real server on an ephemeral port over a small store built through the real
// pipeline, driven with httplib::Client. Every endpoint's status codes and fields, the errors as
// problem+json, tokens, limits, and every path in docs/openapi.yaml.
#include "server/server.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "classify/classify.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "match/test_documents.h"
#include "taxonomy/taxonomy.h"

namespace jobscope::server {
namespace {

const std::string kData = JOBSCOPE_SOURCE_DATA_DIR;

constexpr const char* kPostingsCsv =
    "title,company,location,description,salary,date_posted\n"
    "Senior NLP Engineer,Acme,\"Boston, MA\",Requirements: Python and PyTorch for NLP and large language "
    "models.,$150K-$180K,2024-05-01\n"
    "Data Analyst,Beta,\"Austin, TX\",SQL and Tableau dashboards for the sales team.,$70K-$90K,2024-05-02\n"
    "Computer Vision Engineer,Gamma,Remote,OpenCV and PyTorch for perception. Fully remote.,,2024-05-03\n";

constexpr const char* kSurveyCsv =
    "work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,"
    "employee_residence,remote_ratio,company_location,company_size\n"
    "2024,SE,FT,Machine Learning Engineer,200000,USD,200000,US,0,US,M\n"
    "2024,SE,FT,Machine Learning Engineer,180000,USD,180000,US,0,US,L\n"
    "2024,MI,FT,Data Scientist,130000,USD,130000,US,100,US,M\n"
    "2024,EN,FT,Data Analyst,70000,USD,70000,US,0,US,S\n"
    "2024,EX,FT,Director of Data Science,260000,USD,260000,US,0,US,L\n";

std::filesystem::path dir;
std::unique_ptr<Server> server;
std::thread serving;
std::string token;
std::string nlp_id;  // the Senior NLP Engineer posting's id

ServerOptions Options() {
  ServerOptions options;
  options.port = 0;
  options.threads = 4;
  UseShippedData(options, kData);
  options.survey_path = (dir / "survey.csv").string();
  options.limits.max_upload_bytes = 64 * 1024;  // small, so the test of the limit sends little
  options.limits.max_resume_bytes = 16 * 1024;
  options.web_dir = kData + "/../web";
  return options;
}

// Starts `server` on its own thread and waits until it answers.
std::thread StartServing(Server& started) {
  std::thread thread([&started] { (void)started.Serve(); });
  httplib::Client client("127.0.0.1", started.port());
  for (int attempt = 0; attempt < 200; ++attempt) {
    if (auto res = client.Get("/api/v1/health"); res && res->status == 200) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return thread;
}

class ServerTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir = std::filesystem::temp_directory_path() / ("server_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "jobs.csv") << kPostingsCsv;
    std::ofstream(dir / "survey.csv") << kSurveyCsv;
    const std::string db = (dir / "store.db").string();
    {
      auto taxonomy = taxonomy::Taxonomy::Load(kData + "/taxonomy/skills.tsv");
      ASSERT_TRUE(taxonomy.ok()) << taxonomy.status().ToString();
      auto rates = extract::CurrencyRates::Load(kData + "/currency_rates.tsv");
      ASSERT_TRUE(rates.ok());
      auto understander = classify::Understander::Create(*taxonomy, *rates);
      ASSERT_TRUE(understander.ok());
      auto store = store::OpenSqliteStore(db);
      ASSERT_TRUE(store.ok());
      ingest::Ingester ingester(**store, **understander);
      auto summary = ingester.Run({(dir / "jobs.csv").string()}, {}, nullptr);
      ASSERT_TRUE(summary.ok()) << summary.status().ToString();
      ASSERT_EQ(summary->counts.stored, 3);
      auto made = CreateApiToken(**store, "test");
      ASSERT_TRUE(made.ok()) << made.status().ToString();
      token = *made;
    }
    auto opened = Server::Open(db, Options());
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    server = std::move(opened).value();
    ASSERT_TRUE(server->Bind().ok());
    serving = StartServing(*server);
  }
  static void TearDownTestSuite() {
    if (server) server->Stop();
    if (serving.joinable()) serving.join();
    server.reset();
    std::filesystem::remove_all(dir);
  }

  static httplib::Client Client() { return httplib::Client("127.0.0.1", server->port()); }
  static nlohmann::json Json(const httplib::Result& res) {
    EXPECT_TRUE(res);
    return res ? nlohmann::json::parse(res->body, nullptr, false) : nlohmann::json();
  }
  // The answer is an RFC 9457 problem of this status, and its detail names `mentions`.
  static void ExpectProblem(const httplib::Result& res, int status, const std::string& mentions = "") {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/problem+json");
    auto body = nlohmann::json::parse(res->body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << res->body;
    for (const char* field : {"type", "title", "status", "detail"}) EXPECT_TRUE(body.contains(field)) << field;
    EXPECT_EQ(body["status"], status);
    EXPECT_NE(body["detail"].get<std::string>().find(mentions), std::string::npos) << body["detail"];
  }
  static std::string NlpId() {
    if (nlp_id.empty()) {
      auto page = Json(Client().Get("/api/v1/search?q=nlp"));
      for (const auto& hit : page["hits"]) {
        if (hit["title"] == "Senior NLP Engineer") nlp_id = hit["id"];
      }
    }
    return nlp_id;
  }
};

TEST_F(ServerTest, HealthSaysOkWithThePostingCount) {
  auto res = Client().Get("/api/v1/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_GE(body["postings"].get<int>(), 3);
}

TEST_F(ServerTest, SearchAnswersLikeTypesenseWithFacetsAndSalaryStats) {
  auto res = Client().Get("/api/v1/search?q=pytorch&facets=role,level,salary&per_page=5");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto page = nlohmann::json::parse(res->body);
  EXPECT_EQ(page["found"], 2);
  EXPECT_EQ(page["total"], 2);
  EXPECT_EQ(page["page"], 1);
  EXPECT_EQ(page["per_page"], 5);
  ASSERT_EQ(page["hits"].size(), 2u);
  for (const char* field : {"id", "title", "company", "role", "level", "skills", "salary", "score", "snippet"}) {
    EXPECT_TRUE(page["hits"][0].contains(field)) << field;
  }
  EXPECT_NE(page["hits"][0]["snippet"].get<std::string>().find("[["), std::string::npos);
  std::set<std::string> faceted;
  for (const auto& facet : page["facet_counts"]) {
    faceted.insert(facet["field_name"].get<std::string>());
    EXPECT_FALSE(facet["counts"].empty());
  }
  EXPECT_EQ(faceted, (std::set<std::string>{"role", "level"}));
  // Over the match set: only the NLP posting of the two states pay ($150k-$180k).
  const auto& salary = page["stats"]["salary_usd"];
  EXPECT_EQ(salary["postings"], 1);
  EXPECT_DOUBLE_EQ(salary["min"].get<double>(), 150000);
  EXPECT_DOUBLE_EQ(salary["max"].get<double>(), 180000);
  EXPECT_DOUBLE_EQ(salary["avg"].get<double>(), 165000);
}

TEST_F(ServerTest, SearchFiltersSortsAndPages) {
  auto client = Client();
  EXPECT_EQ(Json(client.Get("/api/v1/search?remote=true"))["found"], 1);
  EXPECT_EQ(Json(client.Get("/api/v1/search?min_salary=100000"))["found"], 1);
  EXPECT_EQ(Json(client.Get("/api/v1/search?skill=pytorch&skill=opencv&all_skills=true"))["found"], 1);
  EXPECT_EQ(Json(client.Get("/api/v1/search?country=us&role=data_analyst"))["found"], 1);
  auto by_date = Json(client.Get("/api/v1/search?sort=date&per_page=1&page=2"));
  EXPECT_EQ(by_date["found"], 3);
  ASSERT_EQ(by_date["hits"].size(), 1u);
  EXPECT_EQ(by_date["hits"][0]["title"], "Data Analyst");  // newest first: Gamma, Beta, Acme
  EXPECT_EQ(Json(client.Get("/api/v1/search?q=pyto&typing=true"))["found"], 2);
}

TEST_F(ServerTest, BadSearchParametersAreProblemsThatSayWhatToFix) {
  auto client = Client();
  ExpectProblem(client.Get("/api/v1/search?per_page=101"), 400, "per_page");
  ExpectProblem(client.Get("/api/v1/search?page=0"), 400, "page");
  ExpectProblem(client.Get("/api/v1/search?role=astronaut"), 400, "astronaut");
  ExpectProblem(client.Get("/api/v1/search?skill=no-such-skill"), 400, "skill");
  ExpectProblem(client.Get("/api/v1/search?from=2024-13-01"), 400, "from");
  ExpectProblem(client.Get("/api/v1/search?sort=colour"), 400, "sort");
  ExpectProblem(client.Get("/api/v1/search?facets=colour"), 400, "facets");
  ExpectProblem(client.Get("/api/v1/search?remote=maybe"), 400, "remote");
  ExpectProblem(client.Get("/api/v1/search?per_pgae=5"), 400, "per_pgae");
  ExpectProblem(client.Get("/api/v1/search?q=%22unclosed"), 400, "quote");
  ExpectProblem(client.Get(("/api/v1/search?q=" + std::string(600, 'a')).c_str()), 400, "q:");
  std::string many_words;
  for (int word = 0; word < 40; ++word) many_words += "w" + std::to_string(word) + "%20";
  ExpectProblem(client.Get(("/api/v1/search?q=" + many_words).c_str()), 400, "q:");
}

TEST_F(ServerTest, MultiSearchRunsEachSearchAndChecksThemAllFirst) {
  auto client = Client();
  auto res = client.Post("/api/v1/multi_search",
                         R"({"searches": [{"q": "pytorch", "facets": ["role"]}, {"q": "sql", "per_page": 1},
                                          {"role": ["data_analyst", "nlp_engineer"], "remote": false}]})",
                         "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto body = nlohmann::json::parse(res->body);
  ASSERT_EQ(body["results"].size(), 3u);
  EXPECT_EQ(body["results"][0]["found"], 2);
  EXPECT_EQ(body["results"][1]["found"], 1);
  EXPECT_EQ(body["results"][2]["found"], 2);
  ExpectProblem(
      client.Post("/api/v1/multi_search", R"({"searches": [{"q": "x"}, {"role": "astronaut"}]})", "application/json"),
      400, "searches[1].role");
  ExpectProblem(client.Post("/api/v1/multi_search", "not json", "application/json"), 400, "JSON");
  ExpectProblem(client.Post("/api/v1/multi_search", R"({"q": "x"})", "application/json"), 400, "searches");
  nlohmann::json eleven = {{"searches", nlohmann::json::array()}};
  for (int idx = 0; idx < 11; ++idx) eleven["searches"].push_back({{"q", "x"}});
  ExpectProblem(client.Post("/api/v1/multi_search", eleven.dump(), "application/json"), 400, "at most 10");
  ExpectProblem(client.Post("/api/v1/multi_search", std::string(2 << 20, ' '), "application/json"), 413);
}

TEST_F(ServerTest, APostingComesWithItsSkillsAndTheirSpans) {
  auto client = Client();
  auto res = client.Get(("/api/v1/postings/" + NlpId()).c_str());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto posting = nlohmann::json::parse(res->body);
  EXPECT_EQ(posting["title"], "Senior NLP Engineer");
  const std::string description = posting["description"];
  bool pytorch = false;
  for (const auto& skill : posting["skills"]) {
    size_t begin = skill["begin"], end = skill["end"];
    ASSERT_LE(begin, end);
    ASSERT_LE(end, description.size());
    if (skill["id"] == "pytorch") pytorch = description.substr(begin, end - begin) == "PyTorch";
  }
  EXPECT_TRUE(pytorch) << posting["skills"];
  ExpectProblem(client.Get("/api/v1/postings/0000000000000000"), 404, "0000000000000000");
}

TEST_F(ServerTest, SimilarPostingsLeaveThePostingOut) {
  auto client = Client();
  auto res = client.Get(("/api/v1/postings/" + NlpId() + "/similar?limit=5").c_str());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto page = nlohmann::json::parse(res->body);
  ASSERT_FALSE(page["hits"].empty());
  for (const auto& hit : page["hits"]) EXPECT_NE(hit["id"], NlpId());
  ExpectProblem(client.Get("/api/v1/postings/0000000000000000/similar"), 404);
  ExpectProblem(client.Get(("/api/v1/postings/" + NlpId() + "/similar?limit=1000").c_str()), 400, "limit");
}

TEST_F(ServerTest, SalaryEstimateAndBands) {
  auto client = Client();
  auto res = client.Get(
      "/api/v1/salary/estimate?title=Senior%20Machine%20Learning%20Engineer&location=London,%20UK&skills=python");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto estimate = nlohmann::json::parse(res->body);
  EXPECT_EQ(estimate["level"], "senior");
  EXPECT_EQ(estimate["country"], "GB");
  EXPECT_EQ(estimate["currency"], "GBP");
  EXPECT_LT(estimate["p10_usd"].get<double>(), estimate["p50_usd"].get<double>());
  EXPECT_LT(estimate["p50_usd"].get<double>(), estimate["p90_usd"].get<double>());
  EXPECT_EQ(estimate["skills"], nlohmann::json::array({"python"}));
  ExpectProblem(client.Get("/api/v1/salary/estimate?role=astronaut"), 400, "role");
  ExpectProblem(client.Get("/api/v1/salary/estimate?level=senior"), 400, "title or a role");
  ExpectProblem(client.Get("/api/v1/salary/estimate?role=ml_engineer&location=Atlantis"), 400, "location");
  ExpectProblem(client.Get("/api/v1/salary/estimate?role=ml_engineer&skills=cobol%2B%2B%2B"), 400, "skills");

  auto bands = Json(client.Get("/api/v1/salary/bands?by=level"));
  EXPECT_EQ(bands["by"], "level");
  ASSERT_FALSE(bands["bands"].empty());
  for (const char* field : {"key", "records", "p25_usd", "p50_usd", "p75_usd", "quoted"}) {
    EXPECT_TRUE(bands["bands"][0].contains(field)) << field;
  }
  ExpectProblem(client.Get("/api/v1/salary/bands?by=colour"), 400, "by");
}

TEST_F(ServerTest, StatsIsTheMarketSummary) {
  auto stats = Json(Client().Get("/api/v1/stats?top=5"));
  for (const char* field : {"postings", "duplicates", "by_role", "by_level", "by_remote", "top_skills", "salary",
                            "salary_by_role", "salary_by_level"}) {
    EXPECT_TRUE(stats.contains(field)) << field;
  }
  EXPECT_GE(stats["postings"].get<int>(), 3);
  EXPECT_LE(stats["top_skills"].size(), 5u);
  ExpectProblem(Client().Get("/api/v1/stats?top=0"), 400, "top");
}

TEST_F(ServerTest, IngestNeedsATokenAndMakesThePostingSearchable) {
  auto client = Client();
  const std::string csv =
      "title,company,location,description\n"
      "Quantum Machine Learning Researcher,Delta,\"Berlin, Germany\",Quantum computing and PyTorch research.\n";
  auto anonymous = client.Post("/api/v1/ingest?format=csv", csv, "text/csv");
  ExpectProblem(anonymous, 401, "Authorization: Bearer");
  EXPECT_EQ(anonymous->get_header_value("WWW-Authenticate"), "Bearer realm=\"jobscope\"");
  httplib::Headers wrong = {{"Authorization", "Bearer jst_0000"}};
  ExpectProblem(client.Post("/api/v1/ingest?format=csv", wrong, csv, "text/csv"), 401, "not one this store knows");
  EXPECT_EQ(Json(client.Get("/api/v1/search?q=quantum"))["found"], 0);

  httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
  auto res = client.Post("/api/v1/ingest?filename=berlin.csv", bearer, csv, "text/csv");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto summary = nlohmann::json::parse(res->body);
  EXPECT_EQ(summary["counts"]["stored"], 1);
  EXPECT_EQ(summary["indexed"], 1);
  auto found = Json(client.Get("/api/v1/search?q=quantum"));
  ASSERT_EQ(found["found"], 1);
  EXPECT_EQ(found["hits"][0]["country"], "DE");
  // The same file again adds nothing.
  EXPECT_EQ(Json(client.Post("/api/v1/ingest?format=csv", bearer, csv, "text/csv"))["counts"]["already_present"], 1);

  ExpectProblem(client.Post("/api/v1/ingest", bearer, csv, "application/octet-stream"), 415, "format");
  ExpectProblem(client.Post("/api/v1/ingest?format=csv", bearer, std::string(100 * 1024, 'x'), "text/csv"), 413);
  // A bad record is quarantined and the run goes on, as `jobscope ingest` does.
  auto bad_record = Json(client.Post("/api/v1/ingest?format=json", bearer, "{not json", "application/json"));
  EXPECT_EQ(bad_record["counts"]["quarantined"], 1);
}

TEST_F(ServerTest, SearchesRunOnManyThreadsBesideAnIngest) {
  std::atomic<int> failures = 0;
  std::vector<std::thread> clients;
  for (int thread = 0; thread < 4; ++thread) {
    clients.emplace_back([&failures, thread] {
      httplib::Client client("127.0.0.1", server->port());
      for (int request = 0; request < 40; ++request) {
        auto res = client.Get(request % 2 ? "/api/v1/search?q=pytorch&facets=role" : "/api/v1/search?q=engineer");
        if (!res || res->status != 200) ++failures;
      }
      (void)thread;
    });
  }
  httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
  auto res = Client().Post("/api/v1/ingest?format=jsonl", bearer,
                           R"({"title": "MLOps Engineer", "company": "Zeta", "description": "Kubernetes and MLflow."})",
                           "application/x-ndjson");
  for (auto& client : clients) client.join();
  EXPECT_EQ(failures, 0);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(Json(Client().Get("/api/v1/search?q=mlflow"))["found"], 1);
}

TEST_F(ServerTest, MetricsFollowPrometheusConventions) {
  auto client = Client();
  (void)client.Get("/api/v1/search?q=pytorch");
  (void)client.Get(("/api/v1/postings/" + NlpId()).c_str());
  (void)client.Get("/nowhere");
  auto res = client.Get("/metrics");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0), 0u);
  const std::string& text = res->body;
  EXPECT_NE(text.find("jobscope_http_requests_total{route=\"/api/v1/search\",code=\"200\"}"), std::string::npos);
  EXPECT_NE(text.find("jobscope_http_requests_total{route=\"/api/v1/postings/{id}\",code=\"200\"}"), std::string::npos);
  EXPECT_NE(text.find("jobscope_http_requests_total{route=\"unmatched\",code=\"404\"}"), std::string::npos);
  EXPECT_NE(text.find("jobscope_http_request_duration_seconds_bucket{route=\"/api/v1/search\",le=\"+Inf\"}"),
            std::string::npos);
  EXPECT_NE(text.find("jobscope_http_request_duration_seconds_count{route=\"/api/v1/search\"}"), std::string::npos);
  EXPECT_NE(text.find("# TYPE jobscope_postings gauge\njobscope_postings "), std::string::npos);
  EXPECT_NE(text.find("process_start_time_seconds "), std::string::npos);
  EXPECT_NE(text.find("# TYPE jobscope_search_cache_hits_total counter\njobscope_search_cache_hits_total "),
            std::string::npos);
  EXPECT_EQ(text.find(NlpId()), std::string::npos);  // routes are templates: no ids, no queries
  EXPECT_EQ(text.find("pytorch"), std::string::npos);
}

TEST_F(ServerTest, UnknownRoutesAndMethodsAreProblems) {
  auto client = Client();
  ExpectProblem(client.Get("/api/v2/search"), 404, "/api/v2/search");
  auto wrong_method = client.Post("/api/v1/search", "{}", "application/json");
  ExpectProblem(wrong_method, 405, "GET");
  EXPECT_EQ(wrong_method->get_header_value("Allow"), "GET");
}

TEST_F(ServerTest, ReadsCanNeedATokenToo) {
  ServerOptions options = Options();
  options.token_reads = true;
  options.threads = 2;
  auto opened = Server::Open((dir / "store.db").string(), options);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  ASSERT_TRUE((*opened)->Bind().ok());
  std::thread thread = StartServing(**opened);
  httplib::Client client("127.0.0.1", (*opened)->port());
  EXPECT_EQ(client.Get("/api/v1/health")->status, 200);  // health stays open for probes
  ExpectProblem(client.Get("/api/v1/search?q=pytorch"), 401, "token");
  httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
  auto res = client.Get("/api/v1/search?q=pytorch", bearer);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  (*opened)->Stop();
  thread.join();
}

TEST_F(ServerTest, ATakenPortIsAnError) {
  ServerOptions options = Options();
  options.port = server->port();
  auto second = Server::Open((dir / "store.db").string(), options);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  Status bound = (*second)->Bind();
  EXPECT_EQ(bound.code(), StatusCode::kIoError);
  EXPECT_NE(bound.message().find(std::to_string(server->port())), std::string::npos);
}

TEST_F(ServerTest, OpeningAMissingStoreIsAnError) {
  auto opened = Server::Open((dir / "no-such.db").string(), Options());
  EXPECT_EQ(opened.status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(std::filesystem::exists(dir / "no-such.db"));
}

constexpr const char* kNlpResume =
    "Jane Doe\nBoston, MA\n\nSenior NLP Engineer, Initech, Jan 2018 - Present\n"
    "Built large language model services in Python and PyTorch; fine-tuned transformers for NLP.\n\n"
    "Skills: Python, PyTorch, NLP, SQL\n";

TEST_F(ServerTest, ProfileReadsAnUploadedResumeAsTheCliDoes) {
  auto client = Client();
  auto res = client.Post("/api/v1/profile?filename=jane.txt", kNlpResume, "text/plain");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto profile = nlohmann::json::parse(res->body);
  for (const char* field : {"source", "format", "role", "role_evidence", "level", "level_evidence", "total_years",
                            "years_by_role", "jobs", "skills", "education", "location", "links"}) {
    EXPECT_TRUE(profile.contains(field)) << field;
  }
  EXPECT_EQ(profile["source"], "jane.txt");
  EXPECT_EQ(profile["format"], "text");
  std::set<std::string> skills;
  for (const auto& skill : profile["skills"]) skills.insert(skill["id"].get<std::string>());
  EXPECT_TRUE(skills.count("pytorch")) << profile["skills"];
  // The same résumé as a PDF in a multipart form gives the same skills.
  httplib::MultipartFormDataItems form = {
      {"resume",
       match::testing::MakePdf(
           {{"Senior NLP Engineer, Initech, Jan 2018 - Present",
             "Built large language model services in Python and PyTorch.", "Skills: Python, PyTorch, NLP, SQL"}}),
       "jane.pdf", "application/pdf"}};
  auto pdf = client.Post("/api/v1/profile", form);
  ASSERT_TRUE(pdf);
  ASSERT_EQ(pdf->status, 200) << pdf->body;
  auto from_pdf = nlohmann::json::parse(pdf->body);
  EXPECT_EQ(from_pdf["format"], "pdf");
  EXPECT_EQ(from_pdf["source"], "jane.pdf");
  std::set<std::string> pdf_skills;
  for (const auto& skill : from_pdf["skills"]) pdf_skills.insert(skill["id"].get<std::string>());
  EXPECT_TRUE(pdf_skills.count("pytorch")) << from_pdf["skills"];
}

TEST_F(ServerTest, ResumeErrorsAreProblemsThatNameTheReason) {
  auto client = Client();
  httplib::MultipartFormDataItems scan = {
      {"resume", match::testing::MakePdf({{"ignored"}}, /*draw_text=*/false), "scan.pdf", "application/pdf"}};
  ExpectProblem(client.Post("/api/v1/profile", scan), 400, "scan.pdf: no text layer: scanned PDF?");
  ExpectProblem(client.Post("/api/v1/profile", "", "text/plain"), 400, "no résumé");
  ExpectProblem(client.Post("/api/v1/profile", " \n ", "text/plain"), 400, "empty résumé");
  ExpectProblem(client.Post("/api/v1/profile", "%PDF-1.4 garbage", "application/pdf"), 400, "PDF");
  ExpectProblem(client.Post("/api/v1/profile", std::string(20 * 1024, 'a'), "text/plain"), 413, "at most 16384");
  ExpectProblem(client.Post("/api/v1/profile?colour=red", kNlpResume, "text/plain"), 400, "colour");
}

TEST_F(ServerTest, MatchRanksTheMarketForAResumeAsTheCliDoes) {
  auto client = Client();
  auto res = client.Post("/api/v1/match?top=2&filename=jane.txt", kNlpResume, "text/plain");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["resume"], "jane.txt");
  EXPECT_GE(body["postings"].get<int>(), 3);
  EXPECT_EQ(body["profile"]["source"], "jane.txt");
  ASSERT_FALSE(body["matches"].empty());
  EXPECT_LE(body["matches"].size(), 2u);
  const auto& best = body["matches"][0];
  EXPECT_EQ(best["title"], "Senior NLP Engineer");
  for (const char* field :
       {"posting_id", "title", "company", "score", "verdict", "parts", "matched_skills", "missing_skills"}) {
    EXPECT_TRUE(best.contains(field)) << field;
  }
  double sum = 0;
  for (const auto& part : best["parts"]) sum += part["points"].get<double>();
  EXPECT_NEAR(sum, best["score"].get<double>(), 0.1);
  // Deterministic: the same upload gives the same bytes.
  EXPECT_EQ(client.Post("/api/v1/match?top=2&filename=jane.txt", kNlpResume, "text/plain")->body, res->body);
  // The search filters narrow the market; form fields work like query parameters.
  httplib::MultipartFormDataItems form = {{"resume", kNlpResume, "jane.txt", "text/plain"},
                                          {"role", "data_analyst", "", ""}};
  auto analysts = Json(client.Post("/api/v1/match", form));
  for (const auto& match : analysts["matches"]) EXPECT_EQ(match["title"], "Data Analyst");
  ExpectProblem(client.Post("/api/v1/match?role=astronaut", kNlpResume, "text/plain"), 400, "astronaut");
  ExpectProblem(client.Post("/api/v1/match?top=0", kNlpResume, "text/plain"), 400, "top");
  ExpectProblem(client.Post("/api/v1/match?want_salary=lots", kNlpResume, "text/plain"), 400, "want_salary");
}

TEST_F(ServerTest, GapScoresOneResumeAgainstOnePosting) {
  auto client = Client();
  auto res = client.Post(("/api/v1/gap?posting=" + NlpId() + "&want_remote=true").c_str(), kNlpResume, "text/plain");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["resume"], "résumé");
  EXPECT_EQ(body["match"]["posting_id"], NlpId());
  EXPECT_TRUE(body["match"]["missing_skills"].is_array());
  EXPECT_FALSE(body["match"]["matched_skills"].empty());
  // A posting stored by an ingest is matched at once: the match index is rebuilt after the ingest.
  httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
  auto stored = client.Post(
      "/api/v1/ingest?format=jsonl", bearer,
      R"({"title": "Speech Recognition Engineer", "company": "Kappa", "description": "Kaldi and PyTorch for speech."})",
      "application/x-ndjson");
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->status, 200) << stored->body;
  auto speech = Json(client.Get("/api/v1/search?q=kaldi"));
  ASSERT_EQ(speech["found"], 1);
  const std::string speech_id = speech["hits"][0]["id"];
  auto ingested = Json(client.Post(("/api/v1/gap?posting=" + speech_id).c_str(), kNlpResume, "text/plain"));
  EXPECT_EQ(ingested["match"]["posting_id"], speech_id) << ingested;
  ExpectProblem(client.Post("/api/v1/gap?posting=0000000000000000", kNlpResume, "text/plain"), 404, "0000000000000000");
  ExpectProblem(client.Post("/api/v1/gap", kNlpResume, "text/plain"), 400, "posting");
}

TEST_F(ServerTest, CareerPlansForAResumeSkillsByHandAndANewcomer) {
  auto client = Client();
  auto res = client.Post("/api/v1/career?target=ml_engineer:senior", kNlpResume, "text/plain");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto plan = nlohmann::json::parse(res->body);
  EXPECT_TRUE(plan["current"].is_string());
  EXPECT_FALSE(plan["next"].empty());
  EXPECT_EQ(plan["target"]["node"], "ml_engineer:senior");
  EXPECT_FALSE(plan["target"]["stages"].empty());
  auto by_hand = Json(client.Get("/api/v1/career?skills=python,sql&role=data_engineer&level=mid&location=Germany"));
  EXPECT_EQ(by_hand["current"], "data_engineer:mid");
  EXPECT_NE(by_hand["next"][0]["pay_now"]["source"].get<std::string>().find("DE"), std::string::npos)
      << by_hand["next"][0];
  auto newcomer = Json(client.Get("/api/v1/career"));
  EXPECT_TRUE(newcomer["current"].is_null());
  EXPECT_EQ(newcomer["start"].size(), 12u);
  ExpectProblem(client.Get("/api/v1/career?role=astronaut"), 400, "astronaut");
  ExpectProblem(client.Get("/api/v1/career?skills=python&target=wizard"), 400, "wizard");
  ExpectProblem(client.Get("/api/v1/career?location=Atlantis"), 400, "Atlantis");
  ExpectProblem(client.Get("/api/v1/career?colour=blue"), 400, "colour");
  ExpectProblem(client.Post("/api/v1/career?skills=python", kNlpResume, "text/plain"), 400, "skills");
}

TEST_F(ServerTest, SavedSearchesAndTheirAlerts) {
  auto client = Client();
  httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
  ExpectProblem(client.Post("/api/v1/alerts?name=kaldi&q=kaldi", "", "text/plain"), 401);
  auto saved = client.Post("/api/v1/alerts?name=speech&q=kaldi", bearer, "", "text/plain");
  ASSERT_TRUE(saved);
  ASSERT_EQ(saved->status, 201) << saved->body;
  ExpectProblem(client.Post("/api/v1/alerts?name=bad&role=astronaut", bearer, "", "text/plain"), 400, "astronaut");
  auto listed = Json(client.Get("/api/v1/alerts"));
  ASSERT_EQ(listed["saved_searches"].size(), 1u);
  EXPECT_EQ(listed["saved_searches"][0]["query"], "kaldi");
  auto stored =
      client.Post("/api/v1/ingest?format=jsonl", bearer,
                  R"({"title": "Kaldi Speech Engineer", "company": "Lambda", "description": "Kaldi and ASR."})",
                  "application/x-ndjson");
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->status, 200) << stored->body;
  auto peek = Json(client.Post("/api/v1/alerts/run?peek=true", bearer, "", "text/plain"));
  ASSERT_EQ(peek["alerts"][0]["postings"].size(), 1u) << peek;
  auto run = Json(client.Post("/api/v1/alerts/run", bearer, "", "text/plain"));
  ASSERT_EQ(run["alerts"][0]["postings"].size(), 1u);
  EXPECT_EQ(run["alerts"][0]["postings"][0]["title"], "Kaldi Speech Engineer");
  auto again = Json(client.Post("/api/v1/alerts/run", bearer, "", "text/plain"));
  EXPECT_TRUE(again["alerts"][0]["postings"].empty()) << "never the same posting twice";
  ExpectProblem(client.Post("/api/v1/alerts/run?name=nope", bearer, "", "text/plain"), 404, "nope");
  auto removed = client.Delete("/api/v1/alerts/speech", bearer);
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 200) << removed->body;
  EXPECT_TRUE(Json(client.Get("/api/v1/alerts"))["saved_searches"].empty());
  ExpectProblem(client.Delete("/api/v1/alerts/speech", bearer), 404, "speech");
}

// Fuzzing found it: a filter that was not UTF-8 (%FF) made saving the search throw, answered as a 500.
TEST_F(ServerTest, ASavedSearchWithBytesThatAreNotUtf8IsSaved) {
  auto client = Client();
  httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
  auto saved = client.Post("/api/v1/alerts?name=odd&q=nlp&company=Acme%FF", bearer, "", "text/plain");
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 201) << saved->body;
  auto removed = client.Delete("/api/v1/alerts/odd", bearer);
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 200) << removed->body;
}

TEST_F(ServerTest, TheWebUiIsServedAtTheRoot) {
  auto client = Client();
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type").rfind("text/html", 0), 0u);
  EXPECT_NE(page->body.find("<html"), std::string::npos);
  EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  auto script = client.Get("/app.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->get_header_value("Content-Type").rfind("text/javascript", 0), 0u);
  ExpectProblem(client.Get("/no-such-page.html"), 404);
  ExpectProblem(client.Get("/../CMakeLists.txt"), 404);
  // The API is unchanged beside the files.
  EXPECT_EQ(Json(client.Get("/api/v1/health"))["status"], "ok");
}

// Every path docs/openapi.yaml documents is served: none answers 404 (no route) or 405 for its method.
TEST_F(ServerTest, EveryPathInTheOpenApiDocumentIsServed) {
  std::ifstream in(kData + "/../docs/openapi.yaml");
  ASSERT_TRUE(in) << "docs/openapi.yaml";
  std::vector<std::pair<std::string, std::string>> operations;  // method, path
  std::string line, path;
  bool in_paths = false;
  const std::regex path_line(R"(^  (/[^:]*):\s*$)"), method_line(R"(^    (get|post|put|patch|delete):\s*$)");
  std::smatch match;
  while (std::getline(in, line)) {
    if (line == "paths:") {
      in_paths = true;
      continue;
    }
    if (in_paths && !line.empty() && line[0] != ' ' && line[0] != '#') in_paths = false;
    if (!in_paths) continue;
    if (std::regex_match(line, match, path_line))
      path = match[1];
    else if (std::regex_match(line, match, method_line))
      operations.push_back({match[1], path});
  }
  ASSERT_GE(operations.size(), 10u);
  auto client = Client();
  for (auto [method, documented] : operations) {
    std::string target = std::regex_replace(documented, std::regex(R"(\{id\})"), NlpId());
    target = std::regex_replace(target, std::regex(R"(\{name\})"), "no-such-search");
    auto res = method == "get"      ? client.Get(target.c_str())
               : method == "delete" ? client.Delete(target.c_str())
                                    : client.Post(target.c_str(), "{}", "application/json");
    if (method == "delete") {  // a write: refused for want of a token, which shows the route is there
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 401) << documented << ": " << res->body;
      continue;
    }
    ASSERT_TRUE(res) << method << " " << documented;
    EXPECT_NE(res->status, 404) << method << " " << documented << ": " << res->body;
    EXPECT_NE(res->status, 405) << method << " " << documented << ": " << res->body;
    EXPECT_LT(res->status, 500) << method << " " << documented << ": " << res->body;
  }
}

}  // namespace
}  // namespace jobscope::server
