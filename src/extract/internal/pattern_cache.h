// The skill dictionary's vectorscan database, compiled once per taxonomy and kept in a cache file
// (extract/pattern_cache.cc). The cache folder is $JOBSCOPE_CACHE_DIR, else $XDG_CACHE_HOME/jobscope, else
// ~/.cache/jobscope.
#pragma once

#include <string>
#include <vector>

#include <hs/hs.h>

namespace jobscope::extract::internal {

struct LiteralPatterns {
  std::vector<const char*> expressions;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  std::vector<size_t> lengths;
};

// The compiled database (the caller frees it with hs_free_database), or null with `error` set.
hs_database_t* CompileLiteralsCached(const LiteralPatterns& patterns, std::string* error);

}  // namespace jobscope::extract::internal
