#include "base/hash.h"

#include <xxhash.h>

namespace jobscope {

uint64_t StableHash64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::string Hex64(uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int pos = 15; pos >= 0; --pos) {
    out[pos] = kDigits[value & 0xF];
    value >>= 4;
  }
  return out;
}

}  // namespace jobscope
