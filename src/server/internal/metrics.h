// Prometheus metrics of the HTTP face: requests by route template and status code, and a latency histogram
// by route template (templates such as /api/v1/postings/{id}, never a request's own path or parameters, so
// the series stay few).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "search/search.h"

namespace jobscope::server::internal {

class Metrics {
 public:
  // Latency bucket bounds, seconds.
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   10};

  // Counts one answered request; `seconds` < 0 when its duration is unknown (a request refused before it
  // was routed), which counts it without observing a duration.
  void Record(const std::string& route, int status, double seconds);
  // The Prometheus text exposition format (version 0.0.4), with the gauges and the search service's counters
  // given.
  std::string Render(int64_t postings, double process_start_seconds,
                     const search::SearchService::CacheStats& cache) const;

 private:
  struct Histogram {
    std::array<int64_t, kBuckets.size()> buckets{};  // per bucket, not cumulative
    int64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, int64_t> requests_;  // guarded by mutex_
  std::map<std::string, Histogram> durations_;               // guarded by mutex_
};

}  // namespace jobscope::server::internal
