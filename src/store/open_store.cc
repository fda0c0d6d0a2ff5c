#include <filesystem>

#include "store/store.h"

namespace jobscope::store {

std::string StoreDisplayName(const std::string& location) {
  std::string out = location;
  size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    size_t at = out.find('@', scheme + 3);
    size_t colon = out.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at) out.erase(colon, at - colon);
  }
  // A password given as a parameter (?password=... or password=... in a key-value string).
  for (size_t found = out.find("password="); found != std::string::npos; found = out.find("password=", found + 12)) {
    size_t end = out.find_first_of(" &", found);
    out.replace(found, (end == std::string::npos ? out.size() : end) - found, "password=***");
  }
  return out;
}

bool StoreMayExist(const std::string& location) {
  std::error_code error;
  return IsPostgresUri(location) || std::filesystem::is_regular_file(location, error);
}

StatusOr<std::unique_ptr<Store>> OpenStore(const std::string& location) {
  return IsPostgresUri(location) ? OpenPostgresStore(location) : OpenSqliteStore(location);
}

StatusOr<std::unique_ptr<Store>> OpenStoreForReading(const std::string& location) {
  return IsPostgresUri(location) ? OpenPostgresStoreForReading(location) : OpenSqliteStoreForReading(location);
}

}  // namespace jobscope::store
