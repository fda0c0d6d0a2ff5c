// File: page_cache.h
//
// The search pages answered lately, kept by everything that decides a page (the query as typed, the resolved
// filters, sort, page, facets): a web UI asks the same page again as its user pages back, changes a facet and
// undoes it, or shares a link; a market's first words ("data scientist", "python") are asked by many.
// Least recently used pages leave first. The owner clears it whenever the index takes in new postings; a page
// is also dropped once older than its time to live, which bounds how long a change the index cannot see
// (a posting removed from the store by another process) stays on a kept page.
//
// Thread-safety: every member may be called from many threads at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "search/search.h"

namespace jobscope::search::internal {

class PageCache {
 public:
  // The key of a search: every input that decides its page. REQUIRES: a field added to index::Filters or to
  // SearchOptions joins it (page_cache.cc lists them all).
  static std::string Key(const std::string& query_text, const index::Filters& filters, const SearchOptions& options);

  // `pages`: how many pages are kept (0 keeps none), each for at most `seconds`.
  void Configure(size_t pages, double seconds);
  // The kept page, or none; `generation` is set to the generation a page searched now would belong to.
  // Shared, so a hit copies the page outside the lock.
  std::shared_ptr<const SearchPage> Find(const std::string& key, uint64_t& generation);
  // Keeps a page searched in `generation`; one searched before the last Clear is not kept.
  void Put(const std::string& key, const SearchPage& page, uint64_t generation);
  void Clear();
  SearchService::CacheStats Stats() const;

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    std::string key;
    std::shared_ptr<const SearchPage> page;
    Clock::time_point kept_at;
  };
  mutable std::mutex mutex_;
  size_t capacity_ = 0;
  Clock::duration time_to_live_{};
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  int64_t hits_ = 0, misses_ = 0;
  uint64_t generation_ = 0;  // Clears so far
};

}  // namespace jobscope::search::internal
