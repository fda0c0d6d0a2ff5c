// libFuzzer target: the text stage's readers of outside text (HTML/markdown stripping, mojibake repair, UTF-8
// repair and Windows-1252 decoding, case folding, keys, tokens) never crash, and valid UTF-8 in gives valid
// UTF-8 out.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "text/text.h"

namespace text = jobscope::text;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string repaired = text::RepairUtf8(bytes);
  if (!text::IsValidUtf8(repaired)) __builtin_trap();
  if (text::IsValidUtf8(bytes) && repaired != bytes) __builtin_trap();  // valid text is left as it is
  if (auto decoded = text::DecodeWindows1252(bytes); decoded && !text::IsValidUtf8(*decoded)) __builtin_trap();

  std::string stripped = text::StripMarkup(repaired);
  if (!text::IsValidUtf8(stripped)) __builtin_trap();
  (void)text::LooksLikeMarkup(bytes);
  std::string unmangled = text::RepairMojibake(stripped);
  if (!text::IsValidUtf8(unmangled)) __builtin_trap();
  if (!text::IsValidUtf8(text::RepairMojibake(bytes))) __builtin_trap();  // ill-formed input is repaired first

  if (!text::IsValidUtf8(text::FoldCase(unmangled))) __builtin_trap();
  std::string key = text::NormalizeKey(unmangled);
  if (!key.empty() && (key.front() == ' ' || key.back() == ' ')) __builtin_trap();  // trimmed
  (void)text::ContainsPhrase(key, "machine learning");
  (void)text::AsciiKey(bytes);
  for (std::string_view token : text::WordTokens(bytes)) {
    if (token.empty()) __builtin_trap();
  }
  (void)text::SimHash(bytes);
  return 0;
}
