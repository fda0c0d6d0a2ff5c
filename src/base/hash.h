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

}  // namespace jobscope
