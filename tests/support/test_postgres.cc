#include "support/test_postgres.h"

#include <atomic>
#include <cstdlib>
#include <stdexcept>

#include <pqxx/pqxx>
#include <unistd.h>

namespace jobscope::testing_support {

std::string WithDatabase(const std::string& uri, const std::string& database) {
  const size_t authority = uri.find("://");
  if (authority == std::string::npos) throw std::invalid_argument("not a URI: " + uri);
  const size_t path = uri.find('/', authority + 3);
  const size_t query = uri.find('?', authority + 3);
  const size_t path_end = query == std::string::npos ? uri.size() : query;
  if (path == std::string::npos || path > path_end) {
    return uri.substr(0, path_end) + "/" + database + uri.substr(path_end);
  }
  return uri.substr(0, path + 1) + database + uri.substr(path_end);
}

std::optional<std::string> NewTestDatabase() {
  const char* server = std::getenv("JOBSCOPE_TEST_PG");
  if (!server || !*server) return std::nullopt;
  static std::atomic<int> counter{0};
  const std::string name = "jobscope_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  pqxx::connection admin(server);
  pqxx::nontransaction create(admin);
  create.exec("DROP DATABASE IF EXISTS " + name);
  create.exec("CREATE DATABASE " + name);
  return WithDatabase(server, name);
}

}  // namespace jobscope::testing_support
