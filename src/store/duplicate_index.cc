#include "store/internal/duplicate_index.h"

#include "text/text.h"

namespace jobscope::store::internal {

void DuplicateIndex::Add(const DuplicateEntry& entry) {
  if (!entry.duplicate_key.empty()) first_by_key_.emplace(entry.duplicate_key, entry.id);
  if (!entry.company_key.empty() && entry.text_fingerprint != 0) {
    by_company_[entry.company_key].push_back({entry.id, entry.text_fingerprint});
  }
}

std::string DuplicateIndex::FindOriginal(const DuplicateEntry& entry) const {
  auto same_key = first_by_key_.find(entry.duplicate_key);
  if (same_key != first_by_key_.end() && same_key->second != entry.id) return same_key->second;
  if (entry.company_key.empty() || entry.text_fingerprint == 0) return "";
  auto company = by_company_.find(entry.company_key);
  if (company == by_company_.end()) return "";
  for (const Fingerprinted& other : company->second) {
    if (other.id != entry.id &&
        text::HammingDistance(other.fingerprint, entry.text_fingerprint) <= kMaxFingerprintDistance) {
      return other.id;
    }
  }
  return "";
}

}  // namespace jobscope::store::internal
