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

// What ends with an element: a paragraph ends its line; a table cell is followed by a tab so words of
// neighbouring cells do not run together.
void EndElement(std::string_view tag, std::string& out) {
  if (tag == "w:p") out += '\n';
  if (tag == "w:tc") out += '\t';
}

// Paragraphs end lines, tabs and breaks keep their spacing, table cells are separated. The tree is walked
// in document order without recursion: a document's nesting is the sender's to choose, and a deep one
// (a few MB of XML) must not overflow the stack.
void AppendText(const pugi::xml_node& body, std::string& out) {
  pugi::xml_node node = body.first_child();
  while (node) {
    std::string_view tag = node.name();
    if (tag == "w:t") {
      out += node.text().get();
    } else if (tag == "w:tab") {
      out += '\t';
    } else if (tag == "w:br" || tag == "w:cr") {
      out += '\n';
    } else if (tag == "w:del" || tag == "w:instrText") {
      // deleted text of tracked changes, field codes
    } else if (node.first_child()) {
      node = node.first_child();
      continue;
    } else {
      EndElement(tag, out);
    }
    // Done with `node`: on to its next sibling, ending each element left on the way up.
    while (!node.next_sibling()) {
      node = node.parent();
      if (node == body) return;
      EndElement(node.name(), out);
    }
    node = node.next_sibling();
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
