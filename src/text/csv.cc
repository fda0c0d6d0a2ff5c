// CSV: the streaming RFC 4180 parser with its dialect sniffing, the writer, and whole small tables.
#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "text/text.h"

namespace jobscope::text {

CsvDialect SniffCsvDialect(std::string_view head, char delimiter) {
  CsvDialect dialect;
  std::string text;
  auto starts = [&](std::string_view prefix) { return head.substr(0, prefix.size()) == prefix; };
  if (starts("\xFF\xFE")) {
    dialect.encoding = CsvDialect::Encoding::kUtf16Le;
    dialect.bom_bytes = 2;
  } else if (starts("\xFE\xFF")) {
    dialect.encoding = CsvDialect::Encoding::kUtf16Be;
    dialect.bom_bytes = 2;
  } else if (head.size() >= 4) {
    // Without a mark: ASCII text in UTF-16 has a NUL in every other byte.
    size_t even_nuls = 0, odd_nuls = 0, pairs = std::min<size_t>(head.size() / 2, 512);
    for (size_t idx = 0; idx < pairs; ++idx) {
      even_nuls += head[2 * idx] == '\0';
      odd_nuls += head[2 * idx + 1] == '\0';
    }
    if (odd_nuls * 10 >= pairs * 7 && even_nuls * 10 < pairs) dialect.encoding = CsvDialect::Encoding::kUtf16Le;
    if (even_nuls * 10 >= pairs * 7 && odd_nuls * 10 < pairs) dialect.encoding = CsvDialect::Encoding::kUtf16Be;
  }
  if (delimiter != 0) {
    dialect.delimiter = delimiter;
    return dialect;
  }
  // The header line, as ASCII: in UTF-16 every other byte is skipped.
  bool wide = dialect.encoding != CsvDialect::Encoding::kUtf8;
  size_t first = dialect.bom_bytes + (dialect.encoding == CsvDialect::Encoding::kUtf16Be ? 1 : 0);
  size_t counts[3] = {0, 0, 0};  // ',', ';', '\t'
  bool in_quotes = false;
  for (size_t idx = first; idx < head.size(); idx += wide ? 2 : 1) {
    char c = head[idx];
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '\n' || c == '\r') break;
    counts[0] += c == ',';
    counts[1] += c == ';';
    counts[2] += c == '\t';
  }
  if (counts[1] > counts[0] && counts[1] >= counts[2]) dialect.delimiter = ';';
  if (counts[2] > counts[0] && counts[2] > counts[1]) dialect.delimiter = '\t';
  return dialect;
}

CsvParser::CsvParser(std::FILE* file, const CsvDialect& dialect)
    : file_(file), encoding_(dialect.encoding), delimiter_(dialect.delimiter) {}

CsvParser::CsvParser(std::FILE* file, char delimiter) : file_(file), delimiter_(delimiter) {}

CsvParser::CsvParser(std::string_view data, char delimiter) : buffer_(data), delimiter_(delimiter) { eof_ = true; }

CsvParser::CsvParser(std::string_view data, const CsvDialect& dialect)
    : encoding_(dialect.encoding),
      buffer_(data.substr(std::min(dialect.bom_bytes, data.size()))),
      delimiter_(dialect.delimiter) {
  eof_ = true;
  if (encoding_ != CsvDialect::Encoding::kUtf8) DecodeUtf16(buffer_);
  eof_ = true;
}

void CsvParser::Refill() {
  if (eof_ || !file_) {
    eof_ = true;
    return;
  }
  buffer_.resize(1 << 20);
  size_t got = std::fread(buffer_.data(), 1, buffer_.size(), file_);
  buffer_.resize(got);
  pos_ = 0;
  if (got == 0) eof_ = true;
  if (encoding_ != CsvDialect::Encoding::kUtf8) DecodeUtf16(buffer_);
}

// UTF-16 read in chunks becomes UTF-8: a code unit or surrogate pair cut by the chunk's end waits for the
// next chunk; an unpaired surrogate becomes U+FFFD.
void CsvParser::DecodeUtf16(std::string& raw) {
  std::string bytes = std::move(undecoded_);
  bytes += raw;
  undecoded_.clear();
  std::string out;
  out.reserve(bytes.size());
  bool little = encoding_ == CsvDialect::Encoding::kUtf16Le;
  auto unit_at = [&](size_t at) {
    auto lo = static_cast<unsigned char>(bytes[at + (little ? 0 : 1)]);
    auto hi = static_cast<unsigned char>(bytes[at + (little ? 1 : 0)]);
    return static_cast<uint32_t>(hi << 8 | lo);
  };
  auto put = [&](uint32_t code) { AppendUtf8(out, code); };
  size_t at = 0;
  while (at + 2 <= bytes.size()) {
    uint32_t unit = unit_at(at);
    if (unit >= 0xD800 && unit < 0xDC00) {
      if (at + 4 > bytes.size()) {
        if (!eof_) break;  // the pair's second half is in the next chunk
        put(0xFFFD);
        at += 2;
        continue;
      }
      uint32_t low = unit_at(at + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        put(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        at += 4;
      } else {
        put(0xFFFD);
        at += 2;
      }
      continue;
    }
    put(unit >= 0xDC00 && unit < 0xE000 ? 0xFFFD : unit);
    at += 2;
  }
  undecoded_ = bytes.substr(at);
  if (eof_ && !undecoded_.empty()) {
    put(0xFFFD);
    undecoded_.clear();
  }
  raw = std::move(out);
  if (!raw.empty()) eof_ = false;  // decoded text still to read
}

int CsvParser::Peek() {
  if (pushback_pos_ < pushback_.size()) return static_cast<unsigned char>(pushback_[pushback_pos_]);
  while (pos_ >= buffer_.size()) {
    if (eof_) return -1;
    Refill();  // a chunk of UTF-16 may decode to nothing yet (half a code unit)
  }
  return static_cast<unsigned char>(buffer_[pos_]);
}

int CsvParser::Get() {
  int c = Peek();
  if (c < 0) return c;
  if (pushback_pos_ < pushback_.size()) {
    ++pushback_pos_;
  } else {
    ++pos_;
    ++consumed_;
  }
  if (c == '\n' || (c == '\r' && Peek() != '\n')) ++line_;
  return c;
}

bool CsvParser::Next(CsvRecord& record) {
  record.fields.clear();
  record.raw.clear();
  record.error.clear();
  if (pushback_pos_ >= pushback_.size()) {
    pushback_.clear();
    pushback_pos_ = 0;
  }
  if (Peek() < 0) return false;
  record.first_line = line_;
  int64_t start_line = line_;
  std::string field;
  bool in_quotes = false;
  bool field_was_quoted = false;
  bool after_closing_quote = false;
  // Past kMaxRecordBytes the record is read to its end (quotes followed as ever) but no longer kept: it is
  // reported as one record, with its start as `raw`, and the record after it is read as it should be.
  bool oversize = false;
  auto take = [&]() {
    int c = Get();
    if (c >= 0 && !oversize) record.raw += static_cast<char>(c);
    return c;
  };
  auto end_oversize = [&]() {
    record.fields.clear();
    return true;
  };
  while (true) {
    int c = take();
    if (c < 0) {
      if (oversize) return end_oversize();
      if (in_quotes) {
        record.error =
            "broken quoting: a quoted field that starts on line " + std::to_string(start_line) + " is never closed";
        break;
      }
      record.fields.push_back(std::move(field));
      return true;
    }
    if (!oversize && record.raw.size() > kMaxRecordBytes) {
      record.error = "record longer than " + std::to_string(kMaxRecordBytes >> 20) + " MiB";
      oversize = true;
      record.raw.resize(kOversizeRawKept);
      field.clear();
      field.shrink_to_fit();
      record.fields.clear();
    }
    if (oversize) {
      if (in_quotes) {
        if (c == '"') {
          if (Peek() == '"') {
            Get();
          } else {
            in_quotes = false;
          }
        }
      } else if (c == '"') {
        in_quotes = true;
      } else if (c == '\n' || (c == '\r' && Peek() != '\n')) {
        return end_oversize();
      }
      continue;
    }
    if (in_quotes) {
      if (c == '"') {
        if (Peek() == '"') {
          take();
          field += '"';
        } else {
          in_quotes = false;
          after_closing_quote = true;
        }
      } else {
        field += static_cast<char>(c);
      }
      continue;
    }
    if (c == delimiter_) {
      record.fields.push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
      after_closing_quote = false;
      continue;
    }
    if (c == '\r' && Peek() == '\n') continue;
    if (c == '\n' || c == '\r') {  // a lone CR ends a line too (old Mac and some spreadsheet exports)
      record.fields.push_back(std::move(field));
      if (!record.raw.empty() && (record.raw.back() == '\n' || record.raw.back() == '\r')) record.raw.pop_back();
      if (!record.raw.empty() && record.raw.back() == '\r') record.raw.pop_back();
      return true;
    }
    if (c == '"' && field.empty() && !field_was_quoted) {
      in_quotes = true;
      field_was_quoted = true;
      continue;
    }
    if (after_closing_quote && record.error.empty()) {
      record.error = "broken quoting: text after a closing quote on line " + std::to_string(line_);
    }
    field += static_cast<char>(c);
  }
  // Unterminated quote (or oversize record): report the record's first line and re-read the rest, so the
  // records after it are not lost.
  size_t newline = record.raw.find('\n');
  if (newline != std::string::npos) {
    std::string rest = record.raw.substr(newline + 1);
    record.raw.resize(newline);
    line_ = start_line + 1;
    pushback_ = std::move(rest) + pushback_.substr(pushback_pos_);
    pushback_pos_ = 0;
  }
  record.fields.clear();
  return true;
}

std::string FormatCsvRecord(const std::vector<std::string>& fields, char delimiter) {
  std::string out;
  for (size_t idx = 0; idx < fields.size(); ++idx) {
    if (idx) out += delimiter;
    const std::string& field = fields[idx];
    bool quote = field.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string::npos ||
                 (fields.size() == 1 && field.empty());
    if (!quote) {
      out += field;
      continue;
    }
    out += '"';
    for (char c : field) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out;
}

StatusOr<CsvTable> ReadCsvTable(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return IoError("cannot open " + path);
  CsvParser parser(file, ',');
  CsvTable table;
  CsvRecord record;
  bool first = true;
  Status status;
  while (parser.Next(record)) {
    if (!record.error.empty()) {
      status = ParseError(path + " line " + std::to_string(record.first_line) + ": " + record.error);
      break;
    }
    if (record.fields.size() == 1 && record.fields[0].empty()) continue;
    if (first) {
      if (!record.fields.empty() && record.fields[0].starts_with("\xEF\xBB\xBF")) record.fields[0].erase(0, 3);
      table.header = std::move(record.fields);
      first = false;
    } else {
      table.rows.push_back(std::move(record.fields));
    }
  }
  std::fclose(file);
  if (!status.ok()) return status;
  return table;
}

}  // namespace jobscope::text
