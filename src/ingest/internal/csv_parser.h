// A streaming RFC 4180 CSV parser. Memory is bounded by the longest record, not the file. A record with
// broken quoting is reported with its bytes and the parser resynchronises at the next line, so one bad
// record never stops or swallows the rest of the file.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.h"

namespace jobscope::ingest::internal {

struct CsvRecord {
  std::vector<std::string> fields;
  std::string raw;        // the record's bytes as read
  int64_t first_line = 0; // 1-based line where the record starts
  std::string error;      // non-empty when the record is malformed (fields are then unreliable)
};

// How a CSV file is written: its encoding and the byte between fields. Sniffed from its first bytes, so a
// spreadsheet's UTF-16 export or a semicolon-separated ".csv" is read as written, not as one long column.
struct CsvDialect {
  enum class Encoding { kUtf8, kUtf16Le, kUtf16Be };
  Encoding encoding = Encoding::kUtf8;
  char delimiter = ',';
  size_t bom_bytes = 0;  // byte-order mark to skip
};
// The dialect of a file whose first bytes are `head`: a UTF-16 byte-order mark, or NUL bytes at every other
// position, mean UTF-16; the delimiter is the one of ',', ';', '\t' found most often in the header line
// outside quotes (',' on a tie), unless `delimiter` is given (not 0).
CsvDialect SniffCsvDialect(std::string_view head, char delimiter = 0);

class CsvParser {
 public:
  // Reads from `file` (not owned; must stay open) from its current position, decoding `dialect.encoding` to
  // UTF-8 as it reads.
  CsvParser(std::FILE* file, const CsvDialect& dialect);
  // Reads from `file` (not owned; must stay open). `delimiter` is ',' or '\t'.
  explicit CsvParser(std::FILE* file, char delimiter = ',');
  // Reads from memory (tests, fuzzing).
  explicit CsvParser(std::string_view data, char delimiter = ',');
  CsvParser(std::string_view data, const CsvDialect& dialect);

  // Reads the next record. Returns false at end of input.
  bool Next(CsvRecord& record);
  // Bytes consumed so far (for progress).
  int64_t bytes_consumed() const { return consumed_; }

  // Records longer than this are reported as errors rather than held in memory.
  static constexpr size_t kMaxRecordBytes = 32u << 20;

 private:
  int Get();
  int Peek();
  void Refill();
  void DecodeUtf16(std::string& raw);

  std::FILE* file_ = nullptr;
  CsvDialect::Encoding encoding_ = CsvDialect::Encoding::kUtf8;
  std::string undecoded_;       // UTF-16 bytes of a code unit or surrogate pair split by a read

  std::string buffer_;
  size_t pos_ = 0;
  std::string pushback_;  // bytes to re-read after resynchronising
  size_t pushback_pos_ = 0;
  char delimiter_;
  int64_t line_ = 1;
  int64_t consumed_ = 0;
  bool eof_ = false;
};

using ingest::FormatCsvRecord;  // declared in ingest.h: the writer the parser is tested against

}  // namespace jobscope::ingest::internal
