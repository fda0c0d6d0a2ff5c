// Reading a résumé file: the format is told by the bytes, not the name, so a misnamed file still reads.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "match/match.h"
#include "text/text.h"

namespace jobscope::match {
namespace {

constexpr size_t kMaxResumeBytes = size_t{64} << 20;

bool StartsWith(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

std::string_view SkipSpace(std::string_view bytes) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  while (!bytes.empty() && std::isspace(static_cast<unsigned char>(bytes.front()))) bytes.remove_prefix(1);
  return bytes;
}

// Text as UTF-8: a UTF-8 file, else Windows-1252; UTF-16 with a byte-order mark. (Mojibake is repaired for
// every format by the caller.)
StatusOr<std::string> DecodeText(std::string_view bytes, const std::string& name) {
  if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    bool little = bytes[0] == '\xFF';
    std::string out;
    for (size_t at = 2; at + 1 < bytes.size(); at += 2) {
      uint32_t unit = little ? (static_cast<uint8_t>(bytes[at]) | static_cast<uint8_t>(bytes[at + 1]) << 8)
                             : (static_cast<uint8_t>(bytes[at]) << 8 | static_cast<uint8_t>(bytes[at + 1]));
      if (unit >= 0xD800 && unit <= 0xDBFF && at + 3 < bytes.size()) {
        uint32_t low = little ? (static_cast<uint8_t>(bytes[at + 2]) | static_cast<uint8_t>(bytes[at + 3]) << 8)
                              : (static_cast<uint8_t>(bytes[at + 2]) << 8 | static_cast<uint8_t>(bytes[at + 3]));
        if (low >= 0xDC00 && low <= 0xDFFF) {
          unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
          at += 2;
        }
      }
      text::AppendUtf8(out, unit);
    }
    return out;
  }
  if (bytes.find('\0') != std::string_view::npos) {
    return ParseError(name + ": not a résumé this reads (binary data; give PDF, DOCX, JSON Resume or text)");
  }
  if (text::IsValidUtf8(bytes)) return std::string(bytes);
  auto decoded = text::DecodeWindows1252(bytes);
  return decoded ? *decoded : text::RepairUtf8(bytes);
}

}  // namespace

std::string_view ResumeFormatName(ResumeFormat format) {
  switch (format) {
    case ResumeFormat::kPdf:
      return "pdf";
    case ResumeFormat::kDocx:
      return "docx";
    case ResumeFormat::kJsonResume:
      return "json_resume";
    case ResumeFormat::kText:
      break;
  }
  return "text";
}

StatusOr<ResumeDocument> ReadResumeBytes(std::string_view bytes, const std::string& name) {
  if (bytes.size() > kMaxResumeBytes) return InvalidArgument(name + ": too large for a résumé (over 64 MB)");
  ResumeDocument document;
  document.name = name;
  std::string_view start = SkipSpace(bytes);
  if (StartsWith(start, "%PDF-")) {
    document.format = ResumeFormat::kPdf;
    JS_ASSIGN_OR_RETURN(document.text, PdfText(bytes, name));
  } else if (StartsWith(bytes, "PK\x03\x04")) {
    document.format = ResumeFormat::kDocx;
    JS_ASSIGN_OR_RETURN(document.text, DocxText(bytes, name));
  } else if (StartsWith(start, "{")) {
    JS_ASSIGN_OR_RETURN(document, ParseJsonResume(bytes, name));
  } else if (StartsWith(bytes, "\xD0\xCF\x11\xE0")) {
    return ParseError(name + ": an old binary Word (.doc) file: save it as DOCX or PDF");
  } else {
    JS_ASSIGN_OR_RETURN(document.text, DecodeText(bytes, name));
  }
  document.text = text::RepairMojibake(document.text);
  bool any_word = false;
  for (char c : document.text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      any_word = true;
      break;
    }
  }
  if (!any_word && document.jobs.empty()) return InvalidArgument(name + ": empty résumé (no text in it)");
  return document;
}

StatusOr<ResumeDocument> ReadResume(const std::string& path) {
  // A folder opens as a stream that reads nothing, which would pass for an empty résumé.
  std::error_code not_found;
  if (std::filesystem::is_directory(path, not_found)) {
    return InvalidArgument(path + ": is a directory, not a résumé file (rank --resumes takes a folder)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    int error = errno;
    if (error == ENOENT) return NotFound(path + ": no such file");
    return IoError(path + ": cannot open (" + std::strerror(error) + ")");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return ReadResumeBytes(buffer.view(), path);
}

}  // namespace jobscope::match
