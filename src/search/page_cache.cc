#include "search/internal/page_cache.h"

#include <cstdio>

namespace jobscope::search::internal {

std::string PageCache::Key(const std::string& query_text, const index::Filters& filters, const SearchOptions& options) {
  // Fields are joined by a byte no query or filter holds (the unit separator), lists by another.
  std::string key;
  auto field = [&key](std::string_view value) {
    key += value;
    key += '\x1f';
  };
  auto number = [&field](double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    field(text);
  };
  auto list = [&key, &field](const auto& values, auto&& text) {
    for (const auto& value : values) {
      key += text(value);
      key += '\x1e';
    }
    field("");
  };
  auto enum_text = [](auto value) { return std::to_string(static_cast<int>(value)); };
  auto same = [](const std::string& value) { return value; };
  field(query_text);
  list(filters.roles, enum_text);
  list(filters.levels, enum_text);
  list(filters.skills_any, same);
  list(filters.skills_all, same);
  for (const std::string* text :
       {&filters.company, &filters.country, &filters.region, &filters.city, &filters.posted_from, &filters.posted_to}) {
    field(*text);
  }
  field(filters.remote ? enum_text(*filters.remote) : "-");
  field(filters.employment_type ? enum_text(*filters.employment_type) : "-");
  filters.min_salary_usd ? number(*filters.min_salary_usd) : field("-");
  filters.max_salary_usd ? number(*filters.max_salary_usd) : field("-");
  field(enum_text(options.sort));
  number(static_cast<double>(options.page));
  number(static_cast<double>(options.per_page));
  field(options.facets ? "f" : "");
  list(options.facet_fields, same);
  field(options.salary_stats ? "s" : "");
  field(options.typing ? "t" : "");
  return key;
}

void PageCache::Configure(size_t pages, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  capacity_ = pages;
  time_to_live_ = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  while (recent_.size() > capacity_) {
    by_key_.erase(recent_.back().key);
    recent_.pop_back();
  }
}

std::shared_ptr<const SearchPage> PageCache::Find(const std::string& key, uint64_t& generation) {
  std::lock_guard<std::mutex> lock(mutex_);
  generation = generation_;
  if (capacity_ == 0) return nullptr;
  auto found = by_key_.find(key);
  if (found != by_key_.end() && Clock::now() - found->second->kept_at > time_to_live_) {
    recent_.erase(found->second);
    by_key_.erase(found);
    found = by_key_.end();
  }
  if (found == by_key_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  recent_.splice(recent_.begin(), recent_, found->second);
  return found->second->page;
}

void PageCache::Put(const std::string& key, const SearchPage& page, uint64_t generation) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (capacity_ == 0 || generation != generation_) return;
  auto found = by_key_.find(key);
  if (found != by_key_.end()) {  // asked on two threads at once: either answer is the page
    recent_.splice(recent_.begin(), recent_, found->second);
    return;
  }
  recent_.push_front({key, std::make_shared<const SearchPage>(page), Clock::now()});
  by_key_[key] = recent_.begin();
  if (recent_.size() > capacity_) {
    by_key_.erase(recent_.back().key);
    recent_.pop_back();
  }
}

void PageCache::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  recent_.clear();
  by_key_.clear();
  ++generation_;
}

SearchService::CacheStats PageCache::Stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return {hits_, misses_, recent_.size()};
}

}  // namespace jobscope::search::internal
