#include "extract/internal/word_dictionary.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "base/strings.h"
#include "base/word_bits.h"

namespace jobscope::extract::internal {
namespace {

uint64_t Load8(const char* bytes) {
  uint64_t value;
  std::memcpy(&value, bytes, sizeof value);
  return value;
}

// The low `count` bytes of a loaded word (count < 8).
uint64_t LowBytes(uint64_t value, size_t count) { return value & ((uint64_t{1} << (8 * count)) - 1); }

// The key of an entry that has two bytes or more after its first word: its first word's hash and those
// two bytes. Never 0.
uint64_t PairKey(uint64_t word_hash, const char* after) {
  uint16_t two;
  std::memcpy(&two, after, sizeof two);
  uint64_t hash = (word_hash ^ (uint64_t{two} << 7)) * 0x94D049BB133111EBull;
  hash ^= hash >> 29;
  return hash | 1;
}

// A filter bit by a hash's top bits; 1 << 16 of them for some 8,000 first words, or 15,000 keys.
constexpr int kFilterBitsLog2 = 16;
bool InFilter(const std::vector<uint64_t>& filter, uint64_t hash) {
  const size_t bit = static_cast<size_t>(hash >> (64 - kFilterBitsLog2));
  return (filter[bit / 64] >> (bit % 64) & 1) != 0;
}
void AddToFilter(std::vector<uint64_t>& filter, uint64_t hash) {
  const size_t bit = static_cast<size_t>(hash >> (64 - kFilterBitsLog2));
  filter[bit / 64] |= uint64_t{1} << (bit % 64);
}

}  // namespace

void WordDictionary::Add(std::string_view pattern, uint32_t id, bool caseless) {
  Entry entry;
  entry.lowercase.resize(pattern.size());
  CopyLowercaseAscii(pattern.data(), pattern.size(), entry.lowercase.data());
  if (!caseless) entry.exact = std::string(pattern);
  entry.id = id;
  while (entry.first_word < pattern.size() && IsSkillWordByte(static_cast<unsigned char>(pattern[entry.first_word]))) {
    ++entry.first_word;
  }
  entries_.push_back(std::move(entry));
}

void WordDictionary::Seal() {
  std::vector<uint64_t> hashes(entries_.size());
  std::vector<uint32_t> order(entries_.size());
  first_words_.assign((size_t{1} << kFilterBitsLog2) / 64, 0);
  keys_.assign((size_t{1} << kFilterBitsLog2) / 64, 0);
  for (uint32_t idx = 0; idx < entries_.size(); ++idx) {
    const Entry& entry = entries_[idx];
    std::string padded = entry.lowercase + std::string(kWordHashPadding, '\0');
    const uint64_t word_hash = HashWord(padded.data(), entry.first_word);
    AddToFilter(first_words_, word_hash);
    const bool pair = entry.lowercase.size() >= entry.first_word + 2;
    hashes[idx] = pair ? PairKey(word_hash, padded.data() + entry.first_word) : word_hash;
    AddToFilter(keys_, hashes[idx]);
    order[idx] = idx;
  }
  // Entries of one key side by side, in the order they were added.
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return hashes[a] < hashes[b]; });
  std::vector<Entry> sorted;
  sorted.reserve(entries_.size());
  heads_.clear();
  for (uint32_t idx : order) {
    Entry& entry = entries_[idx];
    const size_t rest = std::min<size_t>(entry.lowercase.size() - entry.first_word, 8);
    char head[8] = {};
    std::memcpy(head, entry.lowercase.data() + entry.first_word, rest);
    heads_.push_back({Load8(head), rest == 8 ? ~uint64_t{0} : LowBytes(~uint64_t{0}, rest)});
    sorted.push_back(std::move(entry));
  }
  entries_ = std::move(sorted);
  size_t words = 0;
  for (size_t idx = 0; idx < order.size(); ++idx) words += idx == 0 || hashes[order[idx]] != hashes[order[idx - 1]];
  size_t size = 16;
  while (size < 2 * words) size *= 2;
  slots_.assign(size, Slot{});
  slot_mask_ = size - 1;
  for (size_t begin = 0; begin < order.size();) {
    const uint64_t hash = hashes[order[begin]];
    size_t end = begin;
    while (end < order.size() && hashes[order[end]] == hash) ++end;
    size_t slot = HomeSlot(hash);
    while (slots_[slot].hash != 0) slot = (slot + 1) & slot_mask_;
    slots_[slot] = {hash, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    begin = end;
  }
}

void WordDictionary::Find(std::string_view text, std::vector<Match>& out) const {
  if (entries_.empty() || text.empty()) return;
  thread_local std::string lowercase;
  const size_t size = text.size();
  lowercase.resize(size + kWordHashPadding);
  char* lower = lowercase.data();
  CopyLowercaseAscii(text.data(), size, lower);
  std::memset(lower + size, 0, kWordHashPadding);
  ForEachWord(text, Underscore::kInWords, [&](size_t begin, size_t end) {
    const uint64_t word_hash = HashWord(lower + begin, end - begin);
    if (!InFilter(first_words_, word_hash)) return;
    const uint64_t after = Load8(lower + end);
    for (uint64_t key : {word_hash, PairKey(word_hash, lower + end)}) {
      if (!InFilter(keys_, key)) continue;
      size_t slot = HomeSlot(key);
      while (slots_[slot].hash != 0 && slots_[slot].hash != key) slot = (slot + 1) & slot_mask_;
      if (slots_[slot].hash == 0) continue;
      for (uint32_t idx = slots_[slot].begin; idx < slots_[slot].end; ++idx) {
        if ((after & heads_[idx].mask) != heads_[idx].bytes) continue;
        const Entry& entry = entries_[idx];
        const size_t length = entry.lowercase.size();
        if (entry.first_word != end - begin || begin + length > size) continue;
        if (std::memcmp(lower + begin, entry.lowercase.data(), length) != 0) continue;
        if (!entry.exact.empty() && std::memcmp(text.data() + begin, entry.exact.data(), length) != 0) continue;
        out.push_back({entry.id, static_cast<uint32_t>(begin + length)});
      }
    }
  });
}

}  // namespace jobscope::extract::internal
