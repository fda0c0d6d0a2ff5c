#include "server/internal/metrics.h"

#include <cstdio>

namespace jobscope::server::internal {
namespace {

// A label value with \, " and newlines escaped as the exposition format asks.
std::string LabelValue(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string Number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  return buffer;
}

}  // namespace

void Metrics::Record(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{route, status}];
  if (seconds < 0) return;
  Histogram& histogram = durations_[route];
  size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  if (bucket < kBuckets.size()) ++histogram.buckets[bucket];
  ++histogram.count;
  histogram.sum += seconds;
}

std::string Metrics::Render(int64_t postings, double process_start_seconds,
                            const search::SearchService::CacheStats& cache) const {
  std::string out;
  out += "# HELP jobscope_http_requests_total HTTP requests answered, by route template and status code.\n";
  out += "# TYPE jobscope_http_requests_total counter\n";
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [key, count] : requests_) {
    out += "jobscope_http_requests_total{route=\"" + LabelValue(key.first) + "\",code=\"" + std::to_string(key.second) +
           "\"} " + std::to_string(count) + "\n";
  }
  out +=
      "# HELP jobscope_http_request_duration_seconds Time from routing a request to its answer, by route template.\n";
  out += "# TYPE jobscope_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : durations_) {
    const std::string label = "route=\"" + LabelValue(route) + "\"";
    int64_t cumulative = 0;
    for (size_t bucket = 0; bucket < kBuckets.size(); ++bucket) {
      cumulative += histogram.buckets[bucket];
      out += "jobscope_http_request_duration_seconds_bucket{" + label + ",le=\"" + Number(kBuckets[bucket]) + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    out += "jobscope_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
           std::to_string(histogram.count) + "\n";
    out += "jobscope_http_request_duration_seconds_sum{" + label + "} " + Number(histogram.sum) + "\n";
    out += "jobscope_http_request_duration_seconds_count{" + label + "} " + std::to_string(histogram.count) + "\n";
  }
  out += "# HELP jobscope_postings Postings in the search index (linked duplicates left out).\n";
  out += "# TYPE jobscope_postings gauge\n";
  out += "jobscope_postings " + std::to_string(postings) + "\n";
  out += "# HELP jobscope_search_cache_hits_total Searches answered from a page kept from an earlier search.\n";
  out += "# TYPE jobscope_search_cache_hits_total counter\n";
  out += "jobscope_search_cache_hits_total " + std::to_string(cache.hits) + "\n";
  out += "# HELP jobscope_search_cache_misses_total Searches run on the index while pages are kept.\n";
  out += "# TYPE jobscope_search_cache_misses_total counter\n";
  out += "jobscope_search_cache_misses_total " + std::to_string(cache.misses) + "\n";
  out += "# HELP process_start_time_seconds Start time of the process since the Unix epoch in seconds.\n";
  out += "# TYPE process_start_time_seconds gauge\n";
  char start[64];
  std::snprintf(start, sizeof start, "%.3f", process_start_seconds);
  out += "process_start_time_seconds " + std::string(start) + "\n";
  return out;
}

}  // namespace jobscope::server::internal
