// File: hash.h
//
// Stable 64-bit hashing for ids that must not change across versions or machines (posting ids,
// duplicate keys). XXH3 is fixed by its specification, so stored ids stay valid.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace jobscope {

uint64_t StableHash64(std::string_view bytes);
// 16 lowercase hex digits.
std::string Hex64(uint64_t value);

// CRC-32 (IEEE, as zlib and Python's zlib.crc32) as 8 lowercase hex digits: the checksums gold sets keep
// to notice data that changed under their labels.
std::string Crc32Hex(std::string_view bytes);

}  // namespace jobscope
