// The build path's memo from a word as written (lowercased) to its term: open addressing over one array,
// words kept in one arena. Every word of every posting is looked up here, and a node-based hash map's
// pointer chasing was the largest cost of building the index.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/hash.h"

namespace jobscope::index::internal {

class WordTable {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  static uint64_t Hash(std::string_view word) { return StableHash64(word); }

  uint32_t Find(std::string_view word, uint64_t hash) const {
    if (slots_.empty()) return kMissing;
    for (size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      const Slot& entry = slots_[slot];
      if (entry.term == kMissing) return kMissing;
      if (entry.hash == hash && entry.length == word.size() &&
          std::string_view(arena_.data() + entry.offset, entry.length) == word) {
        return entry.term;
      }
    }
  }

  // REQUIRES: Find(word, hash) == kMissing.
  void Insert(std::string_view word, uint64_t hash, uint32_t term) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Place({hash, term, static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(word.size())});
    arena_.append(word);
    ++size_;
  }

  size_t size() const { return size_; }
  size_t Bytes() const { return slots_.capacity() * sizeof(Slot) + arena_.capacity(); }

 private:
  struct Slot {
    uint64_t hash;
    uint32_t term;
    uint32_t offset, length;
  };

  void Place(const Slot& entry) {
    size_t slot = entry.hash & mask_;
    while (slots_[slot].term != kMissing) slot = (slot + 1) & mask_;
    slots_[slot] = entry;
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{0, kMissing, 0, 0});
    mask_ = slots_.size() - 1;
    for (const Slot& entry : old) {
      if (entry.term != kMissing) Place(entry);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::string arena_;
  size_t size_ = 0;
};

}  // namespace jobscope::index::internal
