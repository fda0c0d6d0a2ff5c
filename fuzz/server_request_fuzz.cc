// libFuzzer target: raw HTTP requests to a running jobscope server (every route of the API, the web UI's
// static files, httplib's request parsing and multipart forms underneath). The server is opened once over a
// small store built in /dev/shm through the real pipeline and serves on a loopback port; each input is sent
// on its own connection, whose write side is then closed, and every answer is read back. Invariants: the
// server never crashes and never answers 500 (an exception or an internal error: a request can be refused
// but never break a handler), and every answer is HTTP whose JSON bodies parse. "@TOKEN@" in an input
// becomes the store's API token, so the write routes (ingest, saved searches) are reached too.
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "base/strings.h"
#include "classify/classify.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "server/server.h"
#include "store/store.h"
#include "taxonomy/taxonomy.h"

namespace {

const std::string kData = JOBSCOPE_SOURCE_DATA_DIR;

// Synthetic postings and survey rows, enough for every route to have something to answer with.
constexpr const char* kPostingsCsv =
    "title,company,location,description,salary,date_posted\n"
    "Senior NLP Engineer,Acme,\"Boston, MA\",Requirements: Python and PyTorch for NLP and large language "
    "models. Nice to have: Kubernetes.,$150K-$180K,2024-05-01\n"
    "Data Analyst,Beta,\"Austin, TX\",SQL and Tableau dashboards for the sales team. 2+ years.,$70K-$90K,2024-05-02\n"
    "Computer Vision Engineer,Gamma,Remote,OpenCV and PyTorch for perception. Fully remote.,,2024-05-03\n"
    "Data Engineer,Delta,\"Berlin, Germany\",Spark and Airflow pipelines on AWS.,EUR 70000 - 85000 a year,2024-05-04\n";
constexpr const char* kSurveyCsv =
    "work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,"
    "employee_residence,remote_ratio,company_location,company_size\n"
    "2024,SE,FT,Machine Learning Engineer,200000,USD,200000,US,0,US,M\n"
    "2024,MI,FT,Data Scientist,130000,USD,130000,US,100,US,M\n"
    "2024,EN,FT,Data Analyst,70000,USD,70000,US,0,US,S\n";

std::filesystem::path dir;
int port = 0;
std::string token;

void RemoveDir() {
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
}

void Fail(const std::string& why) {
  std::fprintf(stderr, "server_request_fuzz: %s\n", why.c_str());
  std::abort();
}

// The store: the synthetic postings ingested through the real pipeline, and an API token.
void MakeStore(const std::string& db) {
  auto taxonomy = jobscope::taxonomy::Taxonomy::Load(kData + "/taxonomy/skills.tsv");
  if (!taxonomy.ok()) Fail(taxonomy.status().ToString());
  auto rates = jobscope::extract::CurrencyRates::Load(kData + "/currency_rates.tsv");
  if (!rates.ok()) Fail(rates.status().ToString());
  auto understander = jobscope::classify::Understander::Create(*taxonomy, *rates);
  if (!understander.ok()) Fail(understander.status().ToString());
  auto store = jobscope::store::OpenSqliteStore(db);
  if (!store.ok()) Fail(store.status().ToString());
  jobscope::ingest::Ingester ingester(**store, **understander);
  auto summary = ingester.Run({(dir / "jobs.csv").string()}, {}, nullptr);
  if (!summary.ok() || summary->counts.stored == 0) Fail("the synthetic postings were not stored");
  auto made = jobscope::server::CreateApiToken(**store, "fuzz");
  if (!made.ok()) Fail(made.status().ToString());
  token = *made;
}

// Sends `request` on a new connection, closes the write side, and returns all that comes back.
std::string Exchange(std::string_view request) {
  int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  if (sock < 0) Fail("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) Fail("connect failed");
  // libFuzzer's timeout alarm (SIGALRM) interrupts these calls now and then: EINTR means try again.
  size_t sent = 0;
  while (sent < request.size()) {
    ssize_t wrote = ::send(sock, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) break;  // the server may close early (a refused request): what it said is still read
    sent += static_cast<size_t>(wrote);
  }
  ::shutdown(sock, SHUT_WR);
  std::string answer;
  char buffer[65536];
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  for (;;) {
    pollfd ready{sock, POLLIN, 0};
    int left = static_cast<int>(
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
    if (left <= 0) Fail("no end of the answer within 20 s (the server hangs on this request)");
    int polled = ::poll(&ready, 1, left);
    if (polled < 0 && errno == EINTR) continue;
    if (polled < 0) Fail(std::string("poll failed: ") + std::strerror(errno));
    if (polled == 0) continue;  // the deadline is checked above
    ssize_t got = ::recv(sock, buffer, sizeof buffer, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    answer.append(buffer, static_cast<size_t>(got));
  }
  ::close(sock);
  return answer;
}

// Walks the answers (status line, headers, Content-Length body) and checks each one. An answer to HEAD has
// a Content-Length but no body: the next answer then starts right after the headers.
void CheckAnswers(std::string_view answers) {
  while (!answers.empty()) {
    if (answers.substr(0, 9) != "HTTP/1.1 " || answers.size() < 12) Fail("an answer that is not HTTP/1.1");
    const std::string_view status = answers.substr(9, 3);
    if (status == "500") Fail("a 500 answer:\n" + std::string(answers.substr(0, 2000)));
    size_t head_end = answers.find("\r\n\r\n");
    if (head_end == std::string_view::npos) Fail("an answer without the end of its headers");
    const std::string head = jobscope::AsciiLower(answers.substr(0, head_end));
    const size_t body_at = head_end + 4;
    size_t length = 0;
    if (size_t field = head.find("\r\ncontent-length:"); field != std::string::npos) {
      length = std::strtoull(head.c_str() + field + 17, nullptr, 10);
    }
    const std::string_view rest = answers.substr(body_at);
    const bool no_body = rest.empty() || (rest.substr(0, 9) == "HTTP/1.1 " &&
                                          (length > rest.size() || rest.substr(length, 9) != "HTTP/1.1 "));
    if (no_body) {
      answers = rest;
      continue;
    }
    if (length > rest.size()) Fail("an answer shorter than its Content-Length");
    const std::string_view body = rest.substr(0, length);
    if (head.find("\r\ncontent-type: application/json") != std::string::npos ||
        head.find("\r\ncontent-type: application/problem+json") != std::string::npos) {
      if (nlohmann::json::parse(body, nullptr, false).is_discarded()) Fail("a JSON answer that does not parse");
    }
    answers = rest.substr(length);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  dir = std::filesystem::path("/dev/shm") / ("jobscope-fuzz-server-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::atexit(RemoveDir);
  std::ofstream(dir / "jobs.csv") << kPostingsCsv;
  std::ofstream(dir / "survey.csv") << kSurveyCsv;
  const std::string db = (dir / "store.db").string();
  MakeStore(db);

  jobscope::server::ServerOptions options;
  options.port = 0;
  options.threads = 2;
  jobscope::server::UseShippedData(options, kData);
  options.survey_path = (dir / "survey.csv").string();
  options.web_dir = kData + "/../web";
  options.limits.max_upload_bytes = 256 * 1024;
  auto opened = jobscope::server::Server::Open(db, options);
  if (!opened.ok()) Fail(opened.status().ToString());
  // Held for the whole run and never destroyed: the serving thread runs until the process exits.
  jobscope::server::Server* server = opened.value().release();
  if (!server->Bind().ok()) Fail("cannot bind a loopback port");
  port = server->port();
  std::thread([server] { (void)server->Serve(); }).detach();
  for (int attempt = 0;; ++attempt) {
    std::string answer = Exchange("GET /api/v1/health HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n\r\n");
    if (answer.rfind("HTTP/1.1 200", 0) == 0) break;
    if (attempt == 500) Fail("the server does not answer /api/v1/health");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string request(reinterpret_cast<const char*>(data), size);
  for (size_t at = request.find("@TOKEN@"); at != std::string::npos; at = request.find("@TOKEN@", at + token.size())) {
    request.replace(at, 7, token);
  }
  CheckAnswers(Exchange(request));
  return 0;
}
