// libFuzzer target: PDF bytes never crash the reader (poppler-cpp underneath), and its errors are parse
// errors that name the file. Poppler itself is not instrumented: its own faults show as crashes only.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "match/match.h"
#include "text/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto text = jobscope::match::PdfText(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.pdf");
  if (!text.ok() && (text.status().code() != jobscope::StatusCode::kParseError ||
                     text.status().message().rfind("fuzz.pdf: ", 0) != 0)) {
    __builtin_trap();
  }
  if (text.ok() && !jobscope::text::IsValidUtf8(*text)) __builtin_trap();
  return 0;
}
