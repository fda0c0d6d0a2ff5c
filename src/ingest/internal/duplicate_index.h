// Near-duplicate detection across sources: a posting repeats an earlier one when both have the same
// duplicate key (normalised title + company + city), or the same company and descriptions whose SimHash
// fingerprints differ in at most kMaxFingerprintDistance bits. Held in memory (a few dozen bytes a posting)
// and loaded from the store at the start of a run.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "store/store.h"
#include "text/text.h"

namespace jobscope::ingest::internal {

class DuplicateIndex {
 public:
  static constexpr int kMaxFingerprintDistance = text::kNearCopyFingerprintBits;

  void Add(const store::DuplicateEntry& entry);
  // The id of the earliest posting `entry` repeats, or "" if none.
  std::string FindOriginal(const store::DuplicateEntry& entry) const;

 private:
  struct Fingerprinted {
    std::string id;
    uint64_t fingerprint;
  };
  std::unordered_map<std::string, std::string> first_by_key_;
  std::unordered_map<std::string, std::vector<Fingerprinted>> by_company_;
};

}  // namespace jobscope::ingest::internal
