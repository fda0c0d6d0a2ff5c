// libFuzzer target: the JSON Lines reader never crashes, reads every non-blank line as one record that is a
// well-formed posting or says why it is not (posting_checks.h), in line order.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/ingest.h"
#include "posting_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto reader = jobscope::ingest::JsonLinesReaderFromString(std::string(reinterpret_cast<const char*>(data), size));
  jobscope::ingest::SourceRecord record;
  int64_t previous_row = 0;
  while (reader->Next(record)) {
    if (record.row <= previous_row) __builtin_trap();
    jobscope::fuzz::CheckRecord(record);
    previous_row = record.row;
  }
  if (reader->bytes_consumed() > static_cast<int64_t>(size) + 1) __builtin_trap();
  return 0;
}
