// The posting id of every document, and the way back from an id to its document. The ids sit end to end in
// one arena; the way back is an open-addressing table of document numbers that compares against the arena.
// At a million documents this is 28 MB where a string per document and a map of strings to numbers took
// 170 MB (a 16-character id is past std::string's inline buffer, so each was a heap block as well).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "index/internal/word_table.h"

namespace jobscope::index::internal {

class DocumentIds {
 public:
  static constexpr uint32_t kMissing = WordTable::kMissing;

  // Gives the next document (number size()) its id; the id then finds this document, the last one given it.
  void Append(std::string_view id) {
    arena_.append(id);
    ends_.push_back(static_cast<uint32_t>(arena_.size()));
    const uint32_t doc = static_cast<uint32_t>(ends_.size() - 1);
    if ((ends_.size() + 1) * 2 > slots_.size()) Grow();
    uint32_t& slot = slots_[Probe(id, WordTable::Hash(id))];
    slot = doc;
  }

  std::string_view Id(uint32_t doc) const {
    const uint32_t begin = doc == 0 ? 0 : ends_[doc - 1];
    return std::string_view(arena_).substr(begin, ends_[doc] - begin);
  }
  // The last document given `id`, or kMissing.
  uint32_t Find(std::string_view id) const {
    return slots_.empty() ? kMissing : slots_[Probe(id, WordTable::Hash(id))];
  }

  size_t size() const { return ends_.size(); }
  void Shrink() {
    arena_.shrink_to_fit();
    ends_.shrink_to_fit();
  }
  size_t Bytes() const { return arena_.capacity() + ends_.capacity() * 4 + slots_.capacity() * 4; }

 private:
  // The slot holding `id`'s document, or the empty slot where its probe ends. Ids are compared in the arena,
  // so a slot is a bare document number; the probe starts at the id's hash.
  size_t Probe(std::string_view id, uint64_t hash) const {
    for (size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      const uint32_t doc = slots_[slot];
      if (doc == kMissing || Id(doc) == id) return slot;
    }
  }
  void Grow() {
    slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, kMissing);
    mask_ = slots_.size() - 1;
    // Later documents replace earlier ones under the same id, as Append does.
    for (uint32_t doc = 0; doc < ends_.size(); ++doc) slots_[Probe(Id(doc), WordTable::Hash(Id(doc)))] = doc;
  }

  std::string arena_;
  std::vector<uint32_t> ends_;   // per document, where its id ends in the arena
  std::vector<uint32_t> slots_;  // document numbers by id hash; kMissing where empty
  size_t mask_ = 0;
};

}  // namespace jobscope::index::internal
