// libFuzzer target: the CSV reader never crashes, never loses a record's bytes and always makes progress.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto reader = jobscope::ingest::CsvReaderFromString("title,company,description,salary\n" + text, "fuzz.csv", {});
  if (!reader.ok()) return 0;
  jobscope::ingest::SourceRecord record;
  size_t records = 0;
  while ((*reader)->Next(record)) {
    if (++records > size + 2) __builtin_trap();                            // every record consumes input
    if (!record.posting && record.error_reason.empty()) __builtin_trap();  // a bad record always says why
  }
  return 0;
}
