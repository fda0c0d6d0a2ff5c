#include "base/hash.h"

#include <cstdio>

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

std::string Crc32Hex(std::string_view bytes) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char byte : bytes) {
    crc ^= byte;
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  char buffer[9];
  std::snprintf(buffer, sizeof buffer, "%08x", ~crc);
  return buffer;
}

}  // namespace jobscope
