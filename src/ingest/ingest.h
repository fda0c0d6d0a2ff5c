// File: ingest.h
//
// The ingest stage: reads postings from files (CSV exports of JobSpy, LinkedIn and Glassdoor, or any CSV
// through a column map; JSON Lines; schema.org JobPosting JSON / JSON-LD, also inside HTML), understands
// each one and stores it. Reading streams: memory stays flat however large the file. A bad record (broken
// quoting, missing title, invalid UTF-8, absurd salary) is quarantined with its input, row, field and
// reason, and the run goes on. Re-ingesting a file adds nothing: posting ids are stable. Postings of the
// same job seen before (same title, company and city, or the same company and a near-identical text) are
// stored and linked to the first one.
//
// Thread-safety: an Ingester is used by one thread at a time.
//
// Example:
//   Ingester ingester(*store, *understander);
//   JS_ASSIGN_OR_RETURN(IngestSummary summary, ingester.Run({"jobs.csv"}, IngestOptions{}, nullptr));
//   summary.counts.stored;   // new postings
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "classify/classify.h"
#include "model/model.h"
#include "store/store.h"

namespace jobscope::ingest {

// The posting fields a column or JSON key can be mapped to.
enum class Field {
  kSourceId,
  kUrl,
  kTitle,
  kCompany,
  kLocation,
  kDescription,
  kDatePosted,
  kEmploymentType,
  kExperienceLevel,
  kWorkType,
  kSalaryText,
  kSalaryMin,
  kSalaryMax,
  kSalaryCurrency,
  kSalaryInterval,
  kIsRemote,
  kSkills,
  kSource,
};
std::string_view FieldName(Field field);
std::optional<Field> ParseField(std::string_view name);
// The field a column header means by convention ("companyName", "Job Title", "Salary Estimate", "job_url"),
// or nullopt.
std::optional<Field> FieldForHeader(std::string_view header);

// One record read from an input, either as posting fields or with the reason it could not be read.
struct SourceRecord {
  int64_t row = 0;  // 1-based record number (CSV: after the header; JSON Lines: line; JSON: item)
  std::string raw;  // the record as read
  std::optional<RawPosting> posting;
  std::string error_field;
  std::string error_reason;
  bool transcoded = false;  // a field was decoded from Windows-1252, not read as UTF-8
  // A structured pay field that could not be used: the posting is kept without its pay, and this is noted.
  std::string pay_field, pay_note;
};

struct ReaderOptions {
  // "--map column=field": overrides and additions to the conventional header mapping.
  std::map<std::string, std::string> column_map;
  std::string source_name;  // overrides the detected source name
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Reads the next record; false at end of input.
  virtual bool Next(SourceRecord& record) = 0;
  virtual int64_t bytes_consumed() const = 0;
  // The layout detected ("linkedin", "glassdoor", "jobspy", "csv", "jsonl", "jsonld").
  virtual std::string layout() const = 0;
};

// Opens `path` by its extension (.csv .tsv; .jsonl .ndjson; .json .jsonld .html .htm).
// Errors: kIoError (cannot open), kInvalidArgument (unknown extension, or a --map naming an unknown field or
// column), kParseError (no header row).
StatusOr<std::unique_ptr<RecordReader>> OpenReader(const std::string& path, const ReaderOptions& options);

// A reader over CSV text in memory (tests, fuzzing).
StatusOr<std::unique_ptr<RecordReader>> CsvReaderFromString(std::string data, std::string input_name,
                                                            const ReaderOptions& options);
// A reader over JSON Lines text in memory.
std::unique_ptr<RecordReader> JsonLinesReaderFromString(std::string data);
// Reads one JSON object (our field names, JobSpy keys or schema.org JobPosting) as posting fields.
// Errors: kParseError naming the field.
StatusOr<RawPosting> PostingFromJson(std::string_view json);

struct IngestOptions {
  ReaderOptions reader;
};

struct FileSummary {
  std::string path;
  std::string layout;
  store::RunCounts counts;
  int64_t transcoded = 0;   // records read as Windows-1252 because they were not UTF-8
  std::string error;        // why the input could not be read at all (then nothing else is set)
  int64_t pay_dropped = 0;  // postings kept without a pay field that was unusable (noted in the quarantine table)
};

struct IngestSummary {
  int64_t run_id = 0;
  store::RunCounts counts;
  int64_t transcoded = 0;
  int64_t failed_inputs = 0;  // inputs that could not be read (each FileSummary says why)
  int64_t pay_dropped = 0;
  std::vector<FileSummary> files;
  double seconds = 0;
};

struct Progress {
  int64_t bytes_done = 0;
  int64_t bytes_total = 0;
  int64_t records = 0;
};
using ProgressFn = std::function<void(const Progress&)>;

class Ingester {
 public:
  // `store` and `understander` must outlive the Ingester.
  Ingester(store::Store& store, const classify::Understander& understander);

  // Ingests every path in order as one run. A file that cannot be opened fails the run (kIoError) after the
  // files before it are stored; bad records never do. `progress` (may be null) is called every few records.
  StatusOr<IngestSummary> Run(const std::vector<std::string>& paths, const IngestOptions& options,
                              const ProgressFn& progress);

 private:
  store::Store& store_;
  const classify::Understander& understander_;
};

}  // namespace jobscope::ingest
