// Compiling the skill dictionary's ~17,000 literals with vectorscan takes about 0.4 s, paid by every command
// that understands text. The compiled database is kept in a cache file named by a hash of everything that
// goes into it (the vectorscan version, each pattern, its flags and id), so a run with the same taxonomy
// loads it in milliseconds. The cache is only a shortcut: a file that is missing, unreadable, truncated or
// from another build is ignored and the patterns are compiled again.
#include "extract/internal/pattern_cache.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "base/hash.h"

namespace jobscope::extract::internal {
namespace {

std::filesystem::path CacheDirectory() {
  if (const char* dir = std::getenv("JOBSCOPE_CACHE_DIR"); dir && *dir) return dir;
  if (const char* dir = std::getenv("XDG_CACHE_HOME"); dir && *dir) return std::filesystem::path(dir) / "jobscope";
  if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "jobscope";
  return {};
}

std::string CacheKey(const LiteralPatterns& patterns) {
  std::string key = hs_version();
  for (size_t idx = 0; idx < patterns.expressions.size(); ++idx) {
    key += '\0';
    key.append(patterns.expressions[idx], patterns.lengths[idx]);
    key += '\1' + std::to_string(patterns.flags[idx]) + ':' + std::to_string(patterns.ids[idx]);
  }
  char name[40];
  std::snprintf(name, sizeof name, "skills-%016llx.hsdb", static_cast<unsigned long long>(StableHash64(key)));
  return name;
}

hs_database_t* LoadCached(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::string data = bytes.str();
  hs_database_t* database = nullptr;
  if (hs_deserialize_database(data.data(), data.size(), &database) != HS_SUCCESS) return nullptr;
  return database;
}

void StoreCached(const std::filesystem::path& path, const hs_database_t* database) {
  char* bytes = nullptr;
  size_t size = 0;
  if (hs_serialize_database(database, &bytes, &size) != HS_SUCCESS) return;
  std::error_code ignored;
  std::filesystem::create_directories(path.parent_path(), ignored);
  // Written aside and renamed, so a reader never sees half a file.
  std::filesystem::path temporary = path;
  temporary += "." + std::to_string(static_cast<long long>(::getpid())) + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary);
    out.write(bytes, static_cast<std::streamsize>(size));
    out.close();
    if (out) std::filesystem::rename(temporary, path, ignored);
  }
  std::filesystem::remove(temporary, ignored);
  std::free(bytes);
}

}  // namespace

hs_database_t* CompileLiteralsCached(const LiteralPatterns& patterns, std::string* error) {
  std::filesystem::path directory = CacheDirectory();
  std::filesystem::path path = directory.empty() ? std::filesystem::path() : directory / CacheKey(patterns);
  if (!path.empty()) {
    if (hs_database_t* cached = LoadCached(path)) return cached;
  }
  hs_database_t* database = nullptr;
  hs_compile_error_t* compile_error = nullptr;
  if (hs_compile_lit_multi(patterns.expressions.data(), patterns.flags.data(), patterns.ids.data(),
                           patterns.lengths.data(), static_cast<unsigned>(patterns.expressions.size()), HS_MODE_BLOCK,
                           nullptr, &database, &compile_error) != HS_SUCCESS) {
    *error = compile_error && compile_error->message ? compile_error->message : "unknown error";
    if (compile_error && compile_error->expression >= 0) {
      size_t at = static_cast<size_t>(compile_error->expression);
      *error += " (pattern '" + std::string(patterns.expressions[at], patterns.lengths[at]) + "')";
    }
    hs_free_compile_error(compile_error);
    return nullptr;
  }
  if (!path.empty()) StoreCached(path, database);
  return database;
}

}  // namespace jobscope::extract::internal
