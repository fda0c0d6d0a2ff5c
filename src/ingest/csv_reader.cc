// CSV inputs: the header row decides which column is which field (conventional names, then --map), and the
// header's shape decides the layout (JobSpy, LinkedIn, Glassdoor or a plain CSV).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "base/strings.h"
#include "ingest/ingest.h"
#include "ingest/internal/posting_fields.h"
#include "text/text.h"

namespace jobscope::ingest {
namespace {

using text::CsvParser;
using text::CsvRecord;

std::string DetectLayout(const std::set<std::string>& lower_headers) {
  auto has = [&](std::string_view header) { return lower_headers.count(std::string(header)) > 0; };
  if (has("job_url") && has("site")) return "jobspy";
  if (has("companyname") && has("experiencelevel") && has("publishedat")) return "linkedin";
  if (has("salary estimate") && has("job description")) return "glassdoor";
  // ai-jobs.net listings ("data_science_job.csv"): the board shows every salary in US dollars ("115K+ *").
  if (has("requirment of the company") && has("salary")) return "aijobs";
  return "csv";
}

class CsvRecordReader final : public RecordReader {
 public:
  // Takes ownership of `file` (may be null), closing it on failure too.
  static StatusOr<std::unique_ptr<CsvRecordReader>> Create(std::unique_ptr<CsvParser> parser, std::FILE* file,
                                                           std::string input_name, const ReaderOptions& options) {
    auto reader = std::unique_ptr<CsvRecordReader>(new CsvRecordReader());
    reader->parser_ = std::move(parser);
    reader->file_ = file;
    CsvRecord header;
    if (!reader->parser_->Next(header) || !header.error.empty()) {
      return ParseError(input_name + ": no header row" + (header.error.empty() ? "" : " (" + header.error + ")"));
    }
    if (!header.fields.empty() && header.fields[0].starts_with("\xEF\xBB\xBF")) header.fields[0].erase(0, 3);
    std::set<std::string> lower_headers;
    for (const std::string& name : header.fields) lower_headers.insert(AsciiLower(TrimAscii(name)));
    // Each column's name, and "NAME#N" for the N-th of several columns with one name.
    std::vector<std::string> names, numbered;
    std::map<std::string, int> seen;
    for (const std::string& name : header.fields) {
      names.emplace_back(TrimAscii(name));
      numbered.push_back(names.back() + "#" + std::to_string(++seen[names.back()]));
    }
    for (const auto& [column, field_name] : options.column_map) {
      bool present = std::find(names.begin(), names.end(), column) != names.end() ||
                     std::find(numbered.begin(), numbered.end(), column) != numbered.end();
      if (!present)
        return InvalidArgument("--map " + column + "=" + field_name + ": " + input_name + " has no column '" + column +
                               "'");
      if (!ParseField(field_name)) {
        return InvalidArgument("--map " + column + "=" + field_name + ": unknown field '" + field_name + "'");
      }
    }
    for (size_t index = 0; index < names.size(); ++index) {
      const std::string& column = names[index];
      std::optional<Field> field;
      if (auto by_number = options.column_map.find(numbered[index]); by_number != options.column_map.end()) {
        field = ParseField(by_number->second);
      } else if (seen[column] > 1) {
        // Two columns with one name: which one is meant must be said, unless neither is read.
        bool chosen = false;
        for (int n = 1; n <= seen[column]; ++n)
          chosen = chosen || options.column_map.count(column + "#" + std::to_string(n));
        bool read = options.column_map.count(column) || FieldForHeader(column).has_value();
        if (read && !chosen) {
          std::string columns;
          for (size_t other = 0; other < names.size(); ++other) {
            if (names[other] == column) columns += (columns.empty() ? "" : " and ") + std::to_string(other + 1);
          }
          return InvalidArgument(input_name + ": columns " + columns + " are both named '" + column +
                                 "'; rename one, or choose one with --map '" + column + "#N=FIELD' (N counts them)");
        }
      } else if (auto mapped = options.column_map.find(column); mapped != options.column_map.end()) {
        field = ParseField(mapped->second);
      } else {
        field = FieldForHeader(column);
      }
      reader->columns_.push_back(field);
      reader->headers_.push_back(column);
    }
    reader->layout_ = DetectLayout(lower_headers);
    if (!options.source_name.empty()) {
      reader->source_ = options.source_name;
    } else if (reader->layout_ == "csv" || reader->layout_ == "aijobs") {
      reader->source_ = std::filesystem::path(input_name).stem().string();
    } else {
      reader->source_ = reader->layout_;
    }
    return reader;
  }

  ~CsvRecordReader() override {
    if (file_) std::fclose(file_);
  }

  bool Next(SourceRecord& record) override {
    CsvRecord csv;
    while (true) {
      if (!parser_->Next(csv)) return false;
      if (csv.error.empty() && csv.fields.size() == 1 && csv.fields[0].empty()) continue;  // blank line
      break;
    }
    record = SourceRecord();
    record.row = ++row_;
    record.raw = std::move(csv.raw);
    if (!csv.error.empty()) {
      record.error_reason = csv.error;
      return true;
    }
    if (csv.fields.size() != columns_.size()) {
      record.error_reason = "expected " + std::to_string(columns_.size()) + " fields, found " +
                            std::to_string(csv.fields.size()) + " (line " + std::to_string(csv.first_line) + ")";
      return true;
    }
    RawPosting posting;
    posting.source = source_;
    for (size_t column = 0; column < columns_.size(); ++column) {
      if (!columns_[column]) continue;
      // A field that is not UTF-8 was most likely written as Windows-1252 (or Latin-1) by a spreadsheet
      // tool: it is decoded as such and the record kept; only bytes no encoding explains are an error.
      std::string& field = csv.fields[column];
      if (!text::IsValidUtf8(field)) {
        if (std::optional<std::string> decoded = text::DecodeWindows1252(field)) {
          field = std::move(*decoded);
          record.transcoded = true;
        }
      }
      std::string pay_note;
      std::string error = internal::SetField(posting, *columns_[column], field, &pay_note);
      if (!pay_note.empty() && record.pay_note.empty()) {
        record.pay_field = headers_[column];
        record.pay_note = std::move(pay_note);
      }
      if (!error.empty()) {
        record.error_field = headers_[column];
        record.error_reason = error;
        return true;
      }
    }
    if (layout_ == "glassdoor") {
      // Glassdoor appends the company's rating on a second line: "Tecolote Research\n3.8".
      size_t newline = posting.company.find('\n');
      if (newline != std::string::npos) posting.company = std::string(TrimAscii(posting.company.substr(0, newline)));
    }
    if (layout_ == "aijobs" && !posting.salary_text.empty() && posting.salary_currency.empty()) {
      posting.salary_currency = "USD";
    }
    if (!internal::ValidatePosting(posting, record.error_field, record.error_reason)) return true;
    record.posting = std::move(posting);
    return true;
  }

  int64_t bytes_consumed() const override { return parser_->bytes_consumed(); }
  std::string layout() const override { return layout_; }

 private:
  CsvRecordReader() = default;
  std::unique_ptr<CsvParser> parser_;
  std::FILE* file_ = nullptr;
  std::vector<std::optional<Field>> columns_;
  std::vector<std::string> headers_;
  std::string layout_;
  std::string source_;
  int64_t row_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<RecordReader>> OpenCsvReader(const std::string& path, char delimiter,
                                                      const ReaderOptions& options) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return IoError("cannot open " + path);
  std::string head(64 * 1024, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), file));
  text::CsvDialect dialect = text::SniffCsvDialect(head, delimiter);
  if (std::fseek(file, static_cast<long>(dialect.bom_bytes), SEEK_SET) != 0) {
    std::fclose(file);
    return IoError("cannot read " + path);
  }
  auto parser = std::make_unique<CsvParser>(file, dialect);
  // The reader owns the file from here on, also when Create fails.
  JS_ASSIGN_OR_RETURN(auto reader, CsvRecordReader::Create(std::move(parser), file, path, options));
  return std::unique_ptr<RecordReader>(std::move(reader));
}

StatusOr<std::unique_ptr<RecordReader>> CsvReaderFromString(std::string data, std::string input_name,
                                                            const ReaderOptions& options) {
  text::CsvDialect dialect = text::SniffCsvDialect(data);
  auto parser = std::make_unique<CsvParser>(std::string_view(data), dialect);  // the parser keeps a copy
  JS_ASSIGN_OR_RETURN(auto reader, CsvRecordReader::Create(std::move(parser), nullptr, input_name, options));
  return std::unique_ptr<RecordReader>(std::move(reader));
}

}  // namespace jobscope::ingest
