// libFuzzer target: DOCX bytes never crash the reader, and its errors are parse errors that name the file.
// An input that starts with the zip signature ("PK") is read as the file itself (the zip layer); any other
// input is taken as word/document.xml and zipped first (stored, with a right checksum), so mutations reach
// the XML walk instead of failing the zip's CRC check.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <zip.h>

#include "match/match.h"

namespace {

// A zip holding `xml` as word/document.xml, or "" if libzip fails.
std::string ZipDocument(std::string_view xml) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) return "";
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  std::string bytes;
  if (archive) {
    zip_source_t* file = zip_source_buffer(archive, xml.data(), xml.size(), 0);
    zip_int64_t index = file ? zip_file_add(archive, "word/document.xml", file, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (file) zip_source_free(file);
      zip_discard(archive);
      archive = nullptr;
    } else {
      zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
  }
  if (archive && zip_close(archive) == 0 && zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    if (size > 0) {
      bytes.resize(static_cast<size_t>(size));
      if (zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size)) != size) bytes.clear();
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

void Read(std::string_view bytes) {
  auto text = jobscope::match::DocxText(bytes, "fuzz.docx");
  if (!text.ok() && (text.status().code() != jobscope::StatusCode::kParseError ||
                     text.status().message().rfind("fuzz.docx: ", 0) != 0)) {
    __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.substr(0, 2) == "PK") {
    Read(bytes);
    return 0;
  }
  std::string docx = ZipDocument(bytes);
  if (docx.empty()) __builtin_trap();  // libzip could not zip it: a harness fault, stop
  Read(docx);
  return 0;
}
