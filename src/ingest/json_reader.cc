// JSON inputs: JSON Lines (one posting object per line) and schema.org JobPosting documents (a JSON object,
// an array, an @graph, or <script type="application/ld+json"> blocks in HTML). Objects may use jobscope's
// field names, JobSpy's keys, or schema.org's nested shape (hiringOrganization, jobLocation, baseSalary).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <simdjson.h>

#include "base/strings.h"
#include "ingest/ingest.h"
#include "ingest/internal/posting_fields.h"

namespace jobscope::ingest {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

// The text of a scalar (string, number, bool); "" for null, arrays and objects.
std::string ScalarText(element value) {
  switch (value.type()) {
    case element_type::STRING:
      return std::string(std::string_view(value.get_string().value_unsafe()));
    case element_type::INT64:
      return std::to_string(value.get_int64().value_unsafe());
    case element_type::UINT64:
      return std::to_string(value.get_uint64().value_unsafe());
    case element_type::DOUBLE: {
      std::ostringstream out;
      out.precision(15);
      out << value.get_double().value_unsafe();
      return out.str();
    }
    case element_type::BOOL:
      return value.get_bool().value_unsafe() ? "true" : "false";
    default:
      return "";
  }
}

// Strings of a value that may be a string or an array of strings ("employmentType": ["FULL_TIME"]).
std::string JoinedText(element value) {
  if (value.type() != element_type::ARRAY) return ScalarText(value);
  std::vector<std::string> parts;
  simdjson::dom::array items;
  if (value.get_array().get(items)) return "";
  for (element item : items) {
    std::string text = item.type() == element_type::OBJECT ? "" : ScalarText(item);
    if (item.type() == element_type::OBJECT) {
      element name;
      if (!item["name"].get(name)) text = ScalarText(name);
    }
    if (!text.empty()) parts.push_back(text);
  }
  return JoinStrings(parts, ", ");
}

// JSON allows numbers of any size; simdjson refuses those no double or 64-bit integer holds (1e400, a
// 30-digit id). Every field is read as text anyway, so such a document is parsed again with its numbers
// quoted: the posting is kept, and a pay amount that cannot be used is dropped with a note, as from a CSV.
std::string QuoteNumbers(std::string_view json) {
  std::string out;
  out.reserve(json.size() + 32);
  bool in_string = false;
  for (size_t pos = 0; pos < json.size(); ++pos) {
    char c = json[pos];
    if (in_string) {
      out += c;
      if (c == '\\' && pos + 1 < json.size())
        out += json[++pos];
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c != '-' && (c < '0' || c > '9')) {
      out += c;
      continue;
    }
    size_t end = pos;
    while (end < json.size() && std::string_view("0123456789+-.eE").find(json[end]) != std::string_view::npos) ++end;
    out += '"';
    out.append(json.substr(pos, end - pos));
    out += '"';
    pos = end - 1;
  }
  return out;
}

// Parses `text` into `value` (owned by `parser`), numbers out of range included (see QuoteNumbers).
simdjson::error_code ParseJson(simdjson::dom::parser& parser, std::string_view text, element& value) {
  auto error = parser.parse(text.data(), text.size()).get(value);
  if (error != simdjson::NUMBER_ERROR) return error;
  std::string quoted = QuoteNumbers(text);
  auto again = parser.parse(quoted).get(value);
  return again ? error : again;
}

struct Builder {
  RawPosting posting;
  std::string error_field;
  std::string error_reason;
  std::string pay_field, pay_note;

  bool Set(Field field, std::string_view key, std::string_view value) {
    if (!error_reason.empty()) return false;
    std::string note;
    std::string error = internal::SetField(posting, field, value, &note);
    if (!note.empty() && pay_note.empty()) {
      pay_field = std::string(key);
      pay_note = std::move(note);
    }
    if (error.empty()) return true;
    error_field = std::string(key);
    error_reason = error;
    return false;
  }
};

void ReadOrganization(element value, Builder& builder) {
  if (value.type() == element_type::OBJECT) {
    element name;
    if (!value["name"].get(name)) builder.Set(Field::kCompany, "hiringOrganization.name", ScalarText(name));
  } else {
    builder.Set(Field::kCompany, "hiringOrganization", ScalarText(value));
  }
}

void ReadPlace(element value, Builder& builder) {
  if (value.type() == element_type::ARRAY) {  // several locations: the first one names the posting's place
    simdjson::dom::array places;
    element first;
    if (!value.get_array().get(places) && !places.at(0).get(first)) ReadPlace(first, builder);
    return;
  }
  if (value.type() != element_type::OBJECT) {
    builder.Set(Field::kLocation, "jobLocation", ScalarText(value));
    return;
  }
  element address;
  if (value["address"].get(address)) return;
  if (address.type() != element_type::OBJECT) {
    builder.Set(Field::kLocation, "jobLocation.address", ScalarText(address));
    return;
  }
  std::vector<std::string> parts;
  for (const char* key : {"addressLocality", "addressRegion", "addressCountry"}) {
    element part;
    if (address[key].get(part)) continue;
    std::string text = part.type() == element_type::OBJECT ? "" : ScalarText(part);
    if (part.type() == element_type::OBJECT) {
      element name;
      if (!part["name"].get(name)) text = ScalarText(name);
    }
    if (!text.empty()) parts.push_back(text);
  }
  builder.Set(Field::kLocation, "jobLocation.address", JoinStrings(parts, ", "));
}

// baseSalary: MonetaryAmount {currency, value: number | QuantitativeValue {value | minValue, maxValue, unitText}}
void ReadBaseSalary(element value, Builder& builder) {
  if (value.type() != element_type::OBJECT) {
    builder.Set(Field::kSalaryText, "baseSalary", ScalarText(value));
    return;
  }
  element part;
  if (!value["currency"].get(part)) builder.Set(Field::kSalaryCurrency, "baseSalary.currency", ScalarText(part));
  element amount;
  if (value["value"].get(amount)) return;
  if (amount.type() != element_type::OBJECT) {
    builder.Set(Field::kSalaryMin, "baseSalary.value", ScalarText(amount));
    builder.Set(Field::kSalaryMax, "baseSalary.value", ScalarText(amount));
    return;
  }
  if (!amount["value"].get(part)) {
    builder.Set(Field::kSalaryMin, "baseSalary.value.value", ScalarText(part));
    builder.Set(Field::kSalaryMax, "baseSalary.value.value", ScalarText(part));
  }
  if (!amount["minValue"].get(part)) builder.Set(Field::kSalaryMin, "baseSalary.value.minValue", ScalarText(part));
  if (!amount["maxValue"].get(part)) builder.Set(Field::kSalaryMax, "baseSalary.value.maxValue", ScalarText(part));
  if (!amount["unitText"].get(part)) builder.Set(Field::kSalaryInterval, "baseSalary.value.unitText", ScalarText(part));
}

Status ReadObject(element value, Builder& builder) {
  if (value.type() != element_type::OBJECT) return ParseError("expected a JSON object");
  object fields = value.get_object().value_unsafe();
  element type;
  if (!fields["@type"].get(type)) {
    std::string type_name = JoinedText(type);
    if (type_name.find("JobPosting") == std::string::npos) {
      return ParseError("field @type: '" + type_name + "' is not a JobPosting");
    }
  }
  for (auto [key, item] : fields) {
    std::string_view name = key;
    if (name == "hiringOrganization")
      ReadOrganization(item, builder);
    else if (name == "jobLocation")
      ReadPlace(item, builder);
    else if (name == "baseSalary" || name == "estimatedSalary")
      ReadBaseSalary(item, builder);
    else if (name == "jobLocationType") {
      if (JoinedText(item).find("TELECOMMUTE") != std::string::npos) builder.Set(Field::kIsRemote, name, "true");
    } else if (name == "identifier") {
      element inner;
      if (item.type() == element_type::OBJECT && !item["value"].get(inner))
        builder.Set(Field::kSourceId, name, ScalarText(inner));
      else
        builder.Set(Field::kSourceId, name, ScalarText(item));
    } else if (auto field = FieldForHeader(name)) {
      if (*field == Field::kCompany && item.type() == element_type::OBJECT)
        ReadOrganization(item, builder);
      else if (*field == Field::kLocation && item.type() == element_type::OBJECT)
        ReadPlace(item, builder);
      else
        builder.Set(*field, name, JoinedText(item));
    }
  }
  if (!builder.error_reason.empty()) return ParseError("field " + builder.error_field + ": " + builder.error_reason);
  return Status::Ok();
}

void FillRecord(element value, SourceRecord& record, std::string_view source) {
  Builder builder;
  builder.posting.source = std::string(source);
  Status read = ReadObject(value, builder);
  if (!read.ok()) {
    record.error_field = builder.error_field;
    record.error_reason = builder.error_reason.empty() ? read.message() : builder.error_reason;
    return;
  }
  if (!internal::ValidatePosting(builder.posting, record.error_field, record.error_reason)) return;
  record.pay_field = std::move(builder.pay_field);
  record.pay_note = std::move(builder.pay_note);
  record.posting = std::move(builder.posting);
}

class JsonLinesReader final : public RecordReader {
 public:
  explicit JsonLinesReader(std::unique_ptr<std::istream> in) : in_(std::move(in)) {}
  bool Next(SourceRecord& record) override {
    std::string line;
    while (std::getline(*in_, line)) {
      consumed_ += static_cast<int64_t>(line.size()) + 1;
      ++line_;
      if (TrimAscii(line).empty()) continue;
      record = SourceRecord();
      record.row = line_;
      record.raw = line;
      element value;
      auto error = ParseJson(parser_, line, value);
      if (error) {
        record.error_reason = std::string("invalid JSON: ") + simdjson::error_message(error);
        return true;
      }
      FillRecord(value, record, "jsonl");
      return true;
    }
    return false;
  }
  int64_t bytes_consumed() const override { return consumed_; }
  std::string layout() const override { return "jsonl"; }

 private:
  std::unique_ptr<std::istream> in_;
  simdjson::dom::parser parser_;
  int64_t consumed_ = 0;
  int64_t line_ = 0;
};

// A JSON(-LD) document holds a handful of postings: read whole, then hand them out one by one.
class JsonLdReader final : public RecordReader {
 public:
  static StatusOr<std::unique_ptr<RecordReader>> Open(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return IoError("cannot open " + path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string content = buffer.str();
    auto reader = std::unique_ptr<JsonLdReader>(new JsonLdReader());
    reader->total_ = static_cast<int64_t>(content.size());
    bool html = path.ends_with(".html") || path.ends_with(".htm");
    if (html) {
      // Each JSON-LD block runs to its </script>. A block that is never closed (the next <script> or the end
      // of the page comes first) is reported, and the blocks after it are still read.
      size_t pos = 0;
      while ((pos = FindIgnoreCase(content, "application/ld+json", pos)) != std::string::npos) {
        size_t open_end = content.find('>', pos);
        if (open_end == std::string::npos) {
          reader->AddError(content.substr(pos, 200), "unclosed <script> tag at byte " + std::to_string(pos));
          break;
        }
        size_t close = FindIgnoreCase(content, "</script", open_end);
        size_t next_open = FindIgnoreCase(content, "<script", open_end);
        if (close == std::string::npos || (next_open != std::string::npos && next_open < close)) {
          size_t end = next_open == std::string::npos ? content.size() : next_open;
          reader->AddError(
              content.substr(open_end + 1, std::min<size_t>(end - open_end - 1, 4096)),
              "unclosed <script> block at byte " + std::to_string(pos) + ": no </script> before " +
                  (next_open == std::string::npos ? std::string("the end of the page")
                                                  : "the next <script> at byte " + std::to_string(next_open)));
          pos = end;
          continue;
        }
        reader->AddDocument(content.substr(open_end + 1, close - open_end - 1));
        pos = close;
      }
    } else {
      reader->AddDocument(content);
    }
    return std::unique_ptr<RecordReader>(std::move(reader));
  }

  bool Next(SourceRecord& record) override {
    if (next_ >= records_.size()) return false;
    record = std::move(records_[next_++]);
    return true;
  }
  int64_t bytes_consumed() const override { return next_ >= records_.size() ? total_ : 0; }
  std::string layout() const override { return "jsonld"; }

 private:
  JsonLdReader() = default;
  void AddError(std::string raw, std::string reason) {
    SourceRecord record;
    record.row = static_cast<int64_t>(records_.size()) + 1;
    record.raw = std::move(raw);
    record.error_reason = std::move(reason);
    records_.push_back(std::move(record));
  }
  void AddDocument(const std::string& document) {
    element root;
    auto error = ParseJson(parser_, document, root);
    if (error) {
      SourceRecord record;
      record.row = static_cast<int64_t>(records_.size()) + 1;
      record.raw = document.substr(0, 4096);
      record.error_reason = std::string("invalid JSON: ") + simdjson::error_message(error);
      records_.push_back(std::move(record));
      return;
    }
    std::vector<element> items;
    element graph;
    simdjson::dom::array array;
    if (!root.get_array().get(array)) {
      for (element item : array) items.push_back(item);
    } else if (root.type() == element_type::OBJECT && !root["@graph"].get(graph) && !graph.get_array().get(array)) {
      for (element item : array) {
        element type;
        if (!item["@type"].get(type) && JoinedText(type).find("JobPosting") == std::string::npos) continue;
        items.push_back(item);
      }
    } else {
      items.push_back(root);
    }
    for (element item : items) {
      SourceRecord record;
      record.row = static_cast<int64_t>(records_.size()) + 1;
      record.raw = simdjson::minify(item);
      FillRecord(item, record, "jsonld");
      records_.push_back(std::move(record));
    }
  }

  simdjson::dom::parser parser_;
  std::vector<SourceRecord> records_;
  size_t next_ = 0;
  int64_t total_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<RecordReader>> OpenCsvReader(const std::string& path, char delimiter,
                                                      const ReaderOptions& options);

StatusOr<std::unique_ptr<RecordReader>> OpenReader(const std::string& path, const ReaderOptions& options) {
  // A folder is no input (whatever its name): it is reported as one that cannot be read, and the inputs
  // after it are still read.
  std::error_code not_found;
  if (std::filesystem::is_directory(path, not_found)) return IoError(path + ": is a directory, not a file");
  std::string lower = AsciiLower(path);
  if (lower.ends_with(".csv")) return OpenCsvReader(path, 0, options);  // the delimiter is sniffed
  if (lower.ends_with(".tsv")) return OpenCsvReader(path, '\t', options);
  if (!options.column_map.empty()) return InvalidArgument("--map applies to CSV inputs only: " + path);
  if (lower.ends_with(".jsonl") || lower.ends_with(".ndjson")) {
    auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file) return IoError("cannot open " + path);
    return std::unique_ptr<RecordReader>(std::make_unique<JsonLinesReader>(std::move(file)));
  }
  if (lower.ends_with(".json") || lower.ends_with(".jsonld") || lower.ends_with(".html") || lower.ends_with(".htm")) {
    return JsonLdReader::Open(path);
  }
  return InvalidArgument(path +
                         ": unknown input format (expected .csv, .tsv, .jsonl, .ndjson, .json, .jsonld or .html)");
}

std::unique_ptr<RecordReader> JsonLinesReaderFromString(std::string data) {
  return std::make_unique<JsonLinesReader>(std::make_unique<std::istringstream>(std::move(data)));
}

StatusOr<RawPosting> PostingFromJson(std::string_view json) {
  simdjson::dom::parser parser;
  element value;
  auto error = ParseJson(parser, json, value);
  if (error) return ParseError(std::string("invalid JSON: ") + simdjson::error_message(error));
  SourceRecord record;
  FillRecord(value, record, "json");
  if (!record.posting) {
    return ParseError((record.error_field.empty() ? "" : "field " + record.error_field + ": ") + record.error_reason);
  }
  return std::move(*record.posting);
}

}  // namespace jobscope::ingest
