// PDF résumés through poppler-cpp: text in reading order, page by page.
#include <memory>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "match/match.h"

namespace jobscope::match {
namespace {

// Poppler reports syntax trouble on stderr by default; a damaged file is reported by the caller instead.
void Quiet(const std::string&, void*) {}

}  // namespace

StatusOr<std::string> PdfText(std::string_view bytes, const std::string& name) {
  poppler::set_debug_error_function(Quiet, nullptr);
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) return ParseError(name + ": corrupt PDF (poppler cannot open it)");
  if (document->is_locked()) return ParseError(name + ": encrypted PDF (it needs a password): save it without one");
  std::string text;
  for (int number = 0; number < document->pages(); ++number) {
    std::unique_ptr<poppler::page> page(document->create_page(number));
    if (!page) continue;
    // Reading order: poppler's flow analysis keeps each column together, as pdftotext does by default.
    poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
    text.append(utf8.begin(), utf8.end());
    text += "\n\f";
  }
  bool any_letter = false;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))) {
      any_letter = true;
      break;
    }
  }
  if (!any_letter) {
    return ParseError(name + ": no text layer: scanned PDF? (" + std::to_string(document->pages()) +
                      " page(s) of images only; run OCR first or give the text)");
  }
  return text;
}

}  // namespace jobscope::match
