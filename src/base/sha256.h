// File: sha256.h
//
// SHA-256 (FIPS 180-4) for API tokens, which are stored only as their digest, and a comparison whose time
// does not depend on where two strings differ. Small and dependency-free: OpenSSL is not a jobscope
// dependency.
//
// Thread-safety: functions only.
//
// Example:
//   std::string digest = Sha256Hex("abc");  // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace jobscope {

std::array<uint8_t, 32> Sha256(std::string_view bytes);
// The digest as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);
// Whether `a` and `b` hold the same bytes, in time that depends only on their lengths (for secrets: a
// token's digest). Strings of different lengths are unequal.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace jobscope
