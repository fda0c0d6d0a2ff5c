#include "base/hash.h"
#include "extract/extract.h"
#include "text/text.h"

namespace jobscope::extract {

std::string StablePostingId(const RawPosting& raw) {
  if (!raw.source_id.empty()) return Hex64(StableHash64(raw.source + "\x1f" + raw.source_id));
  if (!raw.url.empty()) return Hex64(StableHash64("url\x1f" + raw.url));
  std::string key = text::NormalizeKey(raw.title) + "\x1f" + text::NormalizeKey(raw.company) + "\x1f" +
                    text::NormalizeKey(raw.location) + "\x1f" + text::AsciiKey(raw.description);
  return Hex64(StableHash64(key));
}

std::string DuplicateKey(const RawPosting& raw, const Location& location) {
  std::string place = location.city.empty() ? text::NormalizeKey(raw.location) : text::NormalizeKey(location.city);
  std::string key = text::NormalizeKey(raw.title) + "\x1f" + text::NormalizeKey(raw.company) + "\x1f" + place;
  return Hex64(StableHash64(key));
}

}  // namespace jobscope::extract
