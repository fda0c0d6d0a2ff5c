// Near-duplicate detection across sources, as the embedded store applies it when a posting is written: a
// posting repeats an earlier one when both have the same duplicate key (normalised title + company + city;
// an empty key links nothing), or the same company and descriptions whose SimHash fingerprints differ in at
// most kMaxFingerprintDistance bits. Held in memory (a few dozen bytes a posting), loaded from the store and
// kept up with what other writers stored. The PostgreSQL store applies the same rule in SQL
// (jobscope_link_duplicates in pg_migrations.cc).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "store/store.h"
#include "text/text.h"

namespace jobscope::store::internal {

class DuplicateIndex {
 public:
  static constexpr int kMaxFingerprintDistance = text::kNearCopyFingerprintBits;

  void Add(const DuplicateEntry& entry);
  // The id of the earliest posting `entry` repeats, or "" if none.
  std::string FindOriginal(const DuplicateEntry& entry) const;

 private:
  struct Fingerprinted {
    std::string id;
    uint64_t fingerprint;
  };
  std::unordered_map<std::string, std::string> first_by_key_;
  std::unordered_map<std::string, std::vector<Fingerprinted>> by_company_;
};

}  // namespace jobscope::store::internal
