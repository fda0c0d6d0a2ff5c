// DOCX résumés: word/document.xml read out of the zip (libzip) and walked with pugixml.
#include <memory>

#include <pugixml.hpp>
#include <zip.h>

#include "match/match.h"

namespace jobscope::match {
namespace {

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

// Paragraphs end lines, tabs and breaks keep their spacing, table cells are separated so words of
// neighbouring cells do not run together.
void AppendText(const pugi::xml_node& node, std::string& out) {
  for (pugi::xml_node child : node.children()) {
    std::string_view tag = child.name();
    if (tag == "w:t") {
      out += child.text().get();
    } else if (tag == "w:tab") {
      out += '\t';
    } else if (tag == "w:br" || tag == "w:cr") {
      out += '\n';
    } else if (tag == "w:del" || tag == "w:instrText") {
      continue;  // deleted text of tracked changes, field codes
    } else {
      AppendText(child, out);
      if (tag == "w:p") out += '\n';
      if (tag == "w:tc") out += '\t';
    }
  }
}

}  // namespace

StatusOr<std::string> DocxText(std::string_view bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) return ParseError(name + ": not a Word document (" + zip_error_strerror(&error) + ")");
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!archive) {
    zip_source_free(source);
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return ParseError(name + ": corrupt Word document (not a readable zip: " + reason + ")");
  }
  zip_stat_t stat;
  if (zip_stat(archive.get(), "word/document.xml", 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
    return ParseError(name + ": not a Word document (no word/document.xml inside)");
  }
  if (stat.size > (size_t{256} << 20)) return ParseError(name + ": Word document too large (over 256 MB of text XML)");
  zip_file_t* file = zip_fopen(archive.get(), "word/document.xml", 0);
  if (!file) {
    return ParseError(name + (zip_get_error(archive.get())->zip_err == ZIP_ER_NOPASSWD
                                  ? std::string(": encrypted Word document (it needs a password)")
                                  : ": corrupt Word document (word/document.xml cannot be read)"));
  }
  std::string xml(stat.size, '\0');
  zip_int64_t read = zip_fread(file, xml.data(), xml.size());
  zip_fclose(file);
  if (read < 0 || static_cast<size_t>(read) != xml.size()) {
    return ParseError(name + ": corrupt Word document (word/document.xml is truncated)");
  }
  pugi::xml_document document;
  pugi::xml_parse_result parsed = document.load_buffer(xml.data(), xml.size());
  if (!parsed) {
    return ParseError(name + ": corrupt Word document (word/document.xml at byte " + std::to_string(parsed.offset) +
                      ": " + parsed.description() + ")");
  }
  pugi::xml_node body = document.child("w:document").child("w:body");
  if (!body) return ParseError(name + ": not a Word document (no w:body)");
  std::string text;
  AppendText(body, text);
  return text;
}

}  // namespace jobscope::match
