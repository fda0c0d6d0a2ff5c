// A map from short strings to 32-bit numbers: open addressing over one array, the strings kept in one
// arena. The build path looks every word of every posting up here (as written, lowercased, to its term),
// and every skill, company, place and posting id: a node-based hash map's pointer chasing and per-entry
// allocations were the largest cost of building the index.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace jobscope::index::internal {

class WordTable {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  // Inline, word by word: a library call per word (XXH3 through the PLT, then memcmp) was a sixth of the
  // build. Not stable across versions: the table lives only while an index is built.
  static uint64_t Hash(std::string_view word) {
    uint64_t hash = 0x9E3779B97F4A7C15ull ^ word.size();
    size_t at = 0;
    for (; at + 8 <= word.size(); at += 8) hash = Mix(hash ^ Load8(word.data() + at));
    if (at < word.size()) hash = Mix(hash ^ LoadTail(word.data() + at, word.size() - at));
    hash ^= hash >> 32;
    hash *= 0x94D049BB133111EBull;
    return hash ^ (hash >> 29);
  }

  uint32_t Find(std::string_view word, uint64_t hash) const {
    return slots_.empty() ? kMissing : slots_[Probe(word, hash)].term;  // an empty slot's term is kMissing
  }
  uint32_t Find(std::string_view word) const { return Find(word, Hash(word)); }

  // Find through a small cache of the slots last found: a build looks up every word of every posting, and
  // the common words' slots, spread over a table of every word seen, missed the processor's caches.
  uint32_t FindRecent(std::string_view word, uint64_t hash) {
    if (recent_.empty()) recent_.assign(kRecentSlots, Slot{0, kMissing, 0, 0});
    Slot& recent = recent_[hash & (kRecentSlots - 1)];
    if (recent.hash == hash && recent.length == word.size() && recent.term != kMissing &&
        Same(arena_.data() + recent.offset, word))
      return recent.term;
    if (slots_.empty()) return kMissing;
    const Slot& entry = slots_[Probe(word, hash)];
    if (entry.term != kMissing) recent = entry;
    return entry.term;
  }

  // REQUIRES: Find(word, hash) == kMissing.
  void Insert(std::string_view word, uint64_t hash, uint32_t term) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Place({hash, term, static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(word.size())});
    arena_.append(word);
    ++size_;
  }

  // Maps `word` to `term`, whether or not it had a term before.
  void Set(std::string_view word, uint32_t term) {
    const uint64_t hash = Hash(word);
    if (!slots_.empty()) {
      if (Slot& entry = slots_[Probe(word, hash)]; entry.term != kMissing) {
        entry.term = term;
        if (!recent_.empty()) recent_[hash & (kRecentSlots - 1)].term = kMissing;
        return;
      }
    }
    Insert(word, hash, term);
  }

  size_t size() const { return size_; }
  size_t Bytes() const { return (slots_.capacity() + recent_.capacity()) * sizeof(Slot) + arena_.capacity(); }

 private:
  static uint64_t Load8(const char* bytes) {
    uint64_t value;
    std::memcpy(&value, bytes, 8);
    return value;
  }
  static uint64_t LoadTail(const char* bytes, size_t count) {  // count < 8
    uint64_t value = 0;
    for (size_t idx = 0; idx < count; ++idx) value |= uint64_t{static_cast<unsigned char>(bytes[idx])} << (8 * idx);
    return value;
  }
  static uint64_t Mix(uint64_t value) {
    value *= 0xBF58476D1CE4E5B9ull;
    return value ^ (value >> 29);
  }
  // REQUIRES: `stored` holds word.size() bytes.
  static bool Same(const char* stored, std::string_view word) {
    size_t at = 0;
    for (; at + 8 <= word.size(); at += 8) {
      if (Load8(stored + at) != Load8(word.data() + at)) return false;
    }
    return LoadTail(stored + at, word.size() - at) == LoadTail(word.data() + at, word.size() - at);
  }

  struct Slot {
    uint64_t hash;
    uint32_t term;
    uint32_t offset, length;
  };

  // The slot holding `word`, or the empty one where its probe ends. REQUIRES: slots_ not empty.
  size_t Probe(std::string_view word, uint64_t hash) const {
    size_t slot = hash & mask_;
    for (;; slot = (slot + 1) & mask_) {
      const Slot& entry = slots_[slot];
      if (entry.term == kMissing) return slot;
      if (entry.hash == hash && entry.length == word.size() && Same(arena_.data() + entry.offset, word)) return slot;
    }
  }
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

  static constexpr size_t kRecentSlots = 4096;  // 96 KB

  std::vector<Slot> slots_;
  std::vector<Slot> recent_;  // made by the first FindRecent
  size_t mask_ = 0;
  std::string arena_;
  size_t size_ = 0;
};

}  // namespace jobscope::index::internal
