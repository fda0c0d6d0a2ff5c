// libFuzzer target: JSON and schema.org JobPosting reading never crashes on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)jobscope::ingest::PostingFromJson(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
