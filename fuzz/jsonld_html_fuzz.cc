// libFuzzer target: schema.org JobPosting documents (JSON / JSON-LD: an object, an array, an @graph) and
// HTML pages with <script type="application/ld+json"> blocks never crash the reader, and every record it
// hands out is a well-formed posting or says why it is not (posting_checks.h). The reader opens files by
// path, so each input is written to a file in /dev/shm: named .html when it starts with '<' (as pages do and
// JSON never does), else .json.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include <unistd.h>

#include "ingest/ingest.h"
#include "posting_checks.h"

namespace {

std::filesystem::path dir;

void RemoveDir() {
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
}

bool WriteFile(const std::string& path, std::string_view bytes) {
  FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) return false;
  bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  return std::fclose(file) == 0 && written;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  dir = std::filesystem::path("/dev/shm") / ("jobscope-fuzz-jsonld-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::atexit(RemoveDir);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string_view start = jobscope::TrimAscii(bytes);
  const std::string path = (dir / (!start.empty() && start.front() == '<' ? "page.html" : "posting.json")).string();
  if (!WriteFile(path, bytes)) __builtin_trap();  // /dev/shm is full: not the reader's fault, but stop
  auto reader = jobscope::ingest::OpenReader(path, {});
  if (!reader.ok()) __builtin_trap();  // the file exists and has a known extension
  jobscope::ingest::SourceRecord record;
  int64_t records = 0;
  while ((*reader)->Next(record)) {
    if (record.row != ++records) __builtin_trap();  // rows are numbered 1, 2, ...
    jobscope::fuzz::CheckRecord(record);
  }
  if ((*reader)->bytes_consumed() != static_cast<int64_t>(size)) __builtin_trap();
  std::filesystem::remove(path);
  return 0;
}
