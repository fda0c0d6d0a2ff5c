// API tokens: made from the kernel's randomness, stored as their SHA-256, checked in constant time.
#include <cstdio>

#include "base/sha256.h"
#include "base/strings.h"
#include "server/internal/state.h"
#include "server/server.h"

namespace jobscope::server {
namespace {

constexpr std::string_view kTokenPrefix = "jst_";  // tells a jobscope token apart in configs and logs

}  // namespace

StatusOr<std::string> CreateApiToken(store::Store& store, const std::string& name) {
  unsigned char random[32];
  std::FILE* source = std::fopen("/dev/urandom", "rb");
  if (!source) return IoError("cannot open /dev/urandom for a token's randomness");
  const size_t read = std::fread(random, 1, sizeof random, source);
  std::fclose(source);
  if (read != sizeof random) return IoError("cannot read 32 bytes from /dev/urandom");
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string token(kTokenPrefix);
  for (unsigned char byte : random) {
    token += kDigits[byte >> 4];
    token += kDigits[byte & 0xF];
  }
  store::ApiToken stored;
  stored.name = name;
  stored.sha256 = Sha256Hex(token);
  JS_RETURN_IF_ERROR(store.PutApiToken(stored).status());
  return token;
}

namespace internal {

StatusOr<bool> IsAuthorized(store::Store& reader, std::string_view authorization) {
  authorization = TrimAscii(authorization);
  constexpr std::string_view kScheme = "bearer ";
  if (!StartsWithIgnoreCase(authorization, kScheme)) return false;
  std::string_view token = TrimAscii(authorization.substr(kScheme.size()));
  if (token.empty()) return false;
  const std::string digest = Sha256Hex(token);
  JS_ASSIGN_OR_RETURN(std::vector<store::ApiToken> tokens, reader.ListApiTokens());
  // Every stored digest is compared, with no early exit, so the time says nothing about which matched.
  bool matched = false;
  for (const store::ApiToken& stored : tokens) matched |= ConstantTimeEquals(digest, stored.sha256);
  return matched;
}

}  // namespace internal
}  // namespace jobscope::server
