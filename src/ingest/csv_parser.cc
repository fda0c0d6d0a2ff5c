#include "ingest/internal/csv_parser.h"

namespace jobscope::ingest::internal {

CsvParser::CsvParser(std::FILE* file, char delimiter) : file_(file), delimiter_(delimiter) {}

CsvParser::CsvParser(std::string_view data, char delimiter) : buffer_(data), delimiter_(delimiter) { eof_ = true; }

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
}

int CsvParser::Peek() {
  if (pushback_pos_ < pushback_.size()) return static_cast<unsigned char>(pushback_[pushback_pos_]);
  if (pos_ >= buffer_.size()) {
    if (eof_) return -1;
    Refill();
    if (pos_ >= buffer_.size()) return -1;
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
  if (c == '\n') ++line_;
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
  auto take = [&]() {
    int c = Get();
    if (c >= 0) record.raw += static_cast<char>(c);
    return c;
  };
  while (true) {
    int c = take();
    if (c < 0) {
      if (in_quotes) {
        record.error = "broken quoting: a quoted field that starts on line " + std::to_string(start_line) +
                       " is never closed";
        break;
      }
      record.fields.push_back(std::move(field));
      return true;
    }
    if (record.raw.size() > kMaxRecordBytes) {
      record.error = "record longer than " + std::to_string(kMaxRecordBytes >> 20) + " MiB";
      in_quotes = true;  // resynchronise below
      break;
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
    if (c == '\n') {
      record.fields.push_back(std::move(field));
      if (!record.raw.empty() && record.raw.back() == '\n') record.raw.pop_back();
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

}  // namespace jobscope::ingest::internal
