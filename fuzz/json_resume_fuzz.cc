// libFuzzer target: JSON Resume documents (jsonresume.org) never crash the reader; what it keeps is valid
// UTF-8, and the profile built from it is well formed (resume_checks.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "resume_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto document = jobscope::match::ParseJsonResume(bytes, "fuzz.json");
  if (!document.ok()) {
    if (document.status().code() != jobscope::StatusCode::kParseError) __builtin_trap();
    return 0;
  }
  if (document->format != jobscope::match::ResumeFormat::kJsonResume) __builtin_trap();
  jobscope::fuzz::CheckDocument(*document);
  jobscope::fuzz::CheckProfile(*document);
  return 0;
}
