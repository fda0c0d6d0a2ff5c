// libFuzzer target: the search query parser never crashes; an error always names a character.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "index/index.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto query = jobscope::index::ParseQuery(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!query.ok() && query.status().message().find("character") == std::string::npos) __builtin_trap();
  return 0;
}
