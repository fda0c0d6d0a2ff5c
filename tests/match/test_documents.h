// Résumé documents made in the tests: PDFs (one or two columns of text in the standard Helvetica font, or
// an image-only page) and DOCX files (libzip), so the readers are tested on files whose text is known.
#pragma once

#include <string>
#include <vector>

#include <zip.h>

namespace jobscope::match::testing {

inline std::string PdfEscape(const std::string& line) {
  std::string out;
  for (char c : line) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += static_cast<unsigned char>(c) < 0x80 ? c : '?';
  }
  return out;
}

// A one-page-per-chunk PDF. `columns` holds one or two lists of lines; two columns are drawn side by side,
// the right column's lines first in the content stream (drawing order is not reading order).
inline std::string MakePdf(const std::vector<std::vector<std::string>>& columns, bool draw_text = true) {
  std::vector<std::string> pages;
  const size_t per_page = 60;
  size_t longest = 0;
  for (const auto& column : columns) longest = std::max(longest, column.size());
  for (size_t first = 0; first < std::max<size_t>(longest, 1); first += per_page) {
    std::string content;
    if (!draw_text) {
      content = "0.5 g 72 72 400 600 re f\n";  // a grey box, as a scanned page is an image
    } else {
      for (size_t c = columns.size(); c-- > 0;) {
        double x = c == 0 ? 50 : 320;
        for (size_t i = first; i < std::min(columns[c].size(), first + per_page); ++i) {
          double y = 750 - 12.0 * static_cast<double>(i - first);
          content += "BT /F1 9 Tf " + std::to_string(x) + " " + std::to_string(y) + " Td (" + PdfEscape(columns[c][i]) +
                     ") Tj ET\n";
        }
      }
    }
    pages.push_back(content);
  }
  std::vector<std::string> objects;
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (size_t p = 0; p < pages.size(); ++p) kids += std::to_string(4 + 2 * p) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (size_t p = 0; p < pages.size(); ++p) {
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
        std::to_string(5 + 2 * p) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(pages[p].size()) + " >>\nstream\n" + pages[p] + "endstream");
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

inline std::string XmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

// A DOCX file (as bytes) whose word/document.xml is `document` as given.
inline std::string MakeDocxOfXml(std::string document) {
  std::string types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const auto& [name, text] : {std::pair<std::string, std::string*>{"[Content_Types].xml", &types},
                                   std::pair<std::string, std::string*>{"word/document.xml", &document}}) {
    zip_source_t* file = zip_source_buffer(archive, text->data(), text->size(), 0);
    zip_file_add(archive, name.c_str(), file, ZIP_FL_ENC_UTF_8);
  }
  zip_close(archive);
  std::string bytes;
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  bytes.resize(static_cast<size_t>(size));
  zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  return bytes;
}

// A DOCX file (as bytes) with one paragraph per line.
inline std::string MakeDocx(const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const auto& p : paragraphs)
    body += "<w:p><w:r><w:t xml:space=\"preserve\">" + XmlEscape(p) + "</w:t></w:r></w:p>";
  return MakeDocxOfXml(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
      body + "</w:body></w:document>");
}

}  // namespace jobscope::match::testing
