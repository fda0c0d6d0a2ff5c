// The time a store writes beside a run, a token or a saved search: one format for both stores.
#pragma once

#include <chrono>
#include <ctime>
#include <string>

namespace jobscope::store::internal {

// Now, as ISO 8601 UTC to the second ("2026-12-02T03:07:29Z").
inline std::string NowIso8601() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace jobscope::store::internal
