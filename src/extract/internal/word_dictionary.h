// The skill forms that begin with a word byte, found where a word of the text begins, by that word: one
// table look-up a word, then the few forms that begin with it compared byte by byte. A literal scan over all
// 17,000 forms (vectorscan) had cost a third of understanding a posting, and every hit of a form that begins
// with a word byte but not where a word begins was thrown away by the boundary rules afterwards
// (SkillMatcher::Scan): here such a form is found at exactly the places the scan found it and the rules kept.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jobscope::extract::internal {

class WordDictionary {
 public:
  // A form scanned for as `pattern` (its first byte a word byte, IsSkillWordByte), reported as `id`. A
  // caseless pattern matches in any ASCII case, as vectorscan's HS_FLAG_CASELESS does; another only as written.
  void Add(std::string_view pattern, uint32_t id, bool caseless);
  // Builds the look-up table; call once after the last Add. An entry is filed by its first word and the two
  // bytes after it ("data l" for "data lake"), so that a word that begins hundreds of forms ("data") sends
  // a text's words to a few of them; one with fewer bytes after its first word, by the first word alone.
  void Seal();
  size_t size() const { return entries_.size(); }

  struct Match {
    uint32_t id;
    uint32_t end;  // one past the pattern's last byte in the text
  };
  // Appends every occurrence of a pattern whose first word is a whole word of `text` (a run of word bytes),
  // in order of where it begins. A literal scan would also report a one-word pattern at the start of a longer
  // word ("spark" in "sparkle"), and a pattern inside a word: the boundary rules drop those hits.
  void Find(std::string_view text, std::vector<Match>& out) const;

 private:
  struct Entry {
    std::string lowercase;  // the whole pattern, ASCII-lowercased
    std::string exact;      // the pattern as written, for a case-sensitive one; empty when caseless
    uint32_t id = 0;
    uint32_t first_word = 0;  // bytes of the pattern's first word
  };
  // What follows an entry's first word: up to 8 lowercase bytes as loaded from memory, and which of them the
  // pattern has. Kept apart from the entries and side by side, so that the hundreds of forms that begin with
  // "data" are sifted by one comparison each, in a few cache lines.
  struct Head {
    uint64_t bytes = 0;
    uint64_t mask = 0;
  };
  struct Slot {
    uint64_t hash = 0;   // the entries' key (Seal); 0 marks an empty slot
    uint32_t begin = 0;  // the entries that begin with that word: entries_[begin, end)
    uint32_t end = 0;
  };
  std::vector<Entry> entries_;
  std::vector<Head> heads_;  // by entry
  std::vector<Slot> slots_;
  uint64_t slot_mask_ = 0;
  // A key's first slot; keys are odd (never 0), so their lowest bit is left out.
  size_t HomeSlot(uint64_t key) const { return static_cast<size_t>(key >> 1) & slot_mask_; }
  // A bit for every first word, by its hash's top bits: most words of a text begin no form, and are passed
  // over here, in 8 KB that stay in the cache, without a probe of the table.
  std::vector<uint64_t> first_words_;
  // The same for every key, so that a word's key is looked up only when entries may be filed under it.
  std::vector<uint64_t> keys_;
};

}  // namespace jobscope::extract::internal
