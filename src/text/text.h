// File: text.h
//
// The text stage: turns what a source gave into clean text that extractors can trust. UTF-8 validation,
// Unicode NFKC + case folding (utf8proc), HTML and markdown stripping, word tokens, and normalised keys for
// comparing names, and CSV (the one parser and writer every stage reads and writes CSV with). Stateless
// functions, thread-safe; a CsvParser serves one thread.
//
// Example:
//   if (!IsValidUtf8(field)) ...quarantine...
//   std::string plain = StripMarkup("<p>Python &amp; SQL</p>");   // "Python & SQL"
//   std::string key = NormalizeKey("Sr. ML Engineer (NLP)");        // "sr ml engineer nlp"
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace jobscope::text {

// True when `bytes` is well-formed UTF-8. On failure, *error_offset (if given) is the first bad byte.
bool IsValidUtf8(std::string_view bytes, size_t* error_offset = nullptr);

// Replaces each ill-formed UTF-8 sequence with U+FFFD, so a value can be kept and shown.
std::string RepairUtf8(std::string_view bytes);

// Appends a code point as UTF-8; NUL, surrogates and values past U+10FFFF become U+FFFD.
void AppendUtf8(std::string& out, uint32_t code_point);

// Decodes Windows-1252 (a superset of Latin-1, what spreadsheet tools write when they do not write UTF-8) to
// UTF-8. nullopt when a byte has no character there (0x81, 0x8D, 0x8F, 0x90, 0x9D) or is NUL.
std::optional<std::string> DecodeWindows1252(std::string_view bytes);

// Text whose UTF-8 bytes were once read as Latin-1 or Windows-1252 and encoded again ("NaÃ¯ve", "â€¢") put
// back as it was; text without such runs is returned unchanged. Ill-formed UTF-8 is repaired first.
std::string RepairMojibake(std::string_view text);

// Unicode NFKC with case folding: "ＰｙＴｏｒｃｈ" and "pytorch" fold alike. REQUIRES: valid UTF-8.
std::string FoldCase(std::string_view utf8);

// Removes HTML tags and comments, decodes entities, turns block elements into line breaks, and removes
// markdown emphasis and backslash escapes. Plain text passes through unchanged (byte for byte).
std::string StripMarkup(std::string_view text);

// True when the text looks like HTML (has tags or entities worth stripping).
bool LooksLikeMarkup(std::string_view text);

// Folded, with every run of non-alphanumeric characters collapsed to one space, trimmed. For comparing
// titles, companies and skill names.
std::string NormalizeKey(std::string_view utf8);

// Like NormalizeKey but ASCII-only folding (non-ASCII bytes are kept as they are): for long texts where
// Unicode normalisation costs more than it brings (hash keys of descriptions, keyword counts).
std::string AsciiKey(std::string_view text);

// True when `phrase` occurs in `normalised` (a NormalizeKey result) as whole words.
bool ContainsPhrase(std::string_view normalised, std::string_view phrase);

// Lowercase ASCII word tokens (letters and digits; non-ASCII bytes are kept inside tokens).
std::vector<std::string_view> WordTokens(std::string_view text);

// 64-bit SimHash over word 3-shingles: near-identical texts differ in few bits.
uint64_t SimHash(std::string_view text);
int HammingDistance(uint64_t a, uint64_t b);
// Two descriptions whose fingerprints differ in at most this many bits are near-copies of one text (the
// duplicate rule of both the ingester and a store that links duplicates itself).
constexpr int kNearCopyFingerprintBits = 3;

// ---- CSV ---------------------------------------------------------------------------------------------------
// A streaming RFC 4180 CSV parser. Memory is bounded by the longest record, not the file. A record with
// broken quoting is reported with its bytes and the parser resynchronises at the next line, so one bad
// record never stops or swallows the rest of the file. The one home of CSV for every stage: ingest's
// posting readers and the reference tables (the salary survey, ESCO) alike.

struct CsvRecord {
  std::vector<std::string> fields;
  std::string raw;         // the record's bytes as read
  int64_t first_line = 0;  // 1-based line where the record starts
  std::string error;       // non-empty when the record is malformed (fields are then unreliable)
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

  // Records longer than this are reported as errors rather than held in memory: read to their end, one
  // record, with their first kOversizeRawKept bytes as `raw`.
  static constexpr size_t kMaxRecordBytes = 32u << 20;
  static constexpr size_t kOversizeRawKept = 4096;

 private:
  int Get();
  int Peek();
  void Refill();
  void DecodeUtf16(std::string& raw);

  std::FILE* file_ = nullptr;
  CsvDialect::Encoding encoding_ = CsvDialect::Encoding::kUtf8;
  std::string undecoded_;  // UTF-16 bytes of a code unit or surrogate pair split by a read

  std::string buffer_;
  size_t pos_ = 0;
  std::string pushback_;  // bytes to re-read after resynchronising
  size_t pushback_pos_ = 0;
  char delimiter_;
  int64_t line_ = 1;
  int64_t consumed_ = 0;
  bool eof_ = false;
};

// Formats one CSV record per RFC 4180: quotes a field when it holds the delimiter, a quote, CR or LF.
std::string FormatCsvRecord(const std::vector<std::string>& fields, char delimiter = ',');

// A whole CSV file as a table of strings (small reference tables such as the salary survey).
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};
// Errors: kIoError (cannot open), kParseError (a malformed record, its line named).
StatusOr<CsvTable> ReadCsvTable(const std::string& path);

}  // namespace jobscope::text
