#include "index/internal/posting_list.h"

#include <algorithm>
#include <array>
#include <vector>

#include <gtest/gtest.h>

namespace jobscope::index::internal {
namespace {

struct Entry {
  uint32_t doc;
  FieldTf tf;
  std::vector<uint32_t> positions;
};

// Documents 3, 5, 7, ... with a title position and `doc % 4 + 1` description positions.
std::vector<Entry> Entries(uint32_t first, size_t count) {
  std::vector<Entry> entries;
  for (size_t idx = 0; idx < count; ++idx) {
    Entry entry{static_cast<uint32_t>(first + 2 * idx), {1, 0, 0}, {0}};
    uint32_t mentions = entry.doc % 4 + 1;
    for (uint32_t at = 0; at < mentions; ++at) entry.positions.push_back(2 * kFieldStride + 3 * at + 1);
    entry.tf[2] = static_cast<uint8_t>(mentions);
    entries.push_back(entry);
  }
  return entries;
}

void AddAll(PostingList& list, const std::vector<Entry>& entries, uint32_t shift = 0) {
  for (const Entry& entry : entries)
    list.Add(entry.doc + shift, entry.tf, entry.positions.data(), entry.positions.size());
}

// Every document, its frequencies and its positions, read back through a cursor.
std::vector<Entry> ReadAll(const PostingList& list) {
  std::vector<Entry> out;
  PostingCursor cursor(list);
  for (; cursor.doc() != kEndDoc; cursor.Next()) {
    Entry entry{cursor.doc(), cursor.tf(), {}};
    cursor.Positions(entry.positions);
    out.push_back(entry);
  }
  return out;
}

bool operator==(const Entry& a, const Entry& b) { return a.doc == b.doc && a.tf == b.tf && a.positions == b.positions; }

TEST(PostingList, AppendShiftedReadsAsAddingEveryDocumentInTurn) {
  for (size_t first_count : {0, 1, 127, 128, 129, 300}) {
    for (size_t second_count : {1, 5, 128, 260}) {
      std::vector<Entry> first = Entries(3, first_count), second = Entries(1, second_count);
      const uint32_t base = 3 + 2 * static_cast<uint32_t>(first_count) + 10;
      PostingList joined, second_list, expected;
      AddAll(joined, first);
      AddAll(second_list, second);
      joined.AppendShifted(second_list, base);
      AddAll(expected, first);
      AddAll(expected, second, base);
      EXPECT_EQ(joined.df, expected.df);
      EXPECT_EQ(ReadAll(joined), ReadAll(expected)) << first_count << " + " << second_count;
      // Still appendable: documents after the joined ones land after them.
      std::vector<Entry> more = Entries(base + 2 * static_cast<uint32_t>(second_count) + 1, 3);
      AddAll(joined, more);
      AddAll(expected, more);
      EXPECT_EQ(ReadAll(joined), ReadAll(expected)) << first_count << " + " << second_count << " + 3";
      auto found = joined.Find(second.back().doc + base);
      ASSERT_TRUE(found.has_value());
      EXPECT_EQ(*found, second.back().tf);
    }
  }
}

// Frequencies of every shape (none, one byte, 30, 31 and over in the description, in the title and skills
// or not) read back exactly, also where a sealed block's last extra byte is the list's last byte.
TEST(PostingList, FrequenciesOfEveryShapeReadBackExactly) {
  const uint8_t counts[] = {0, 1, 2, 30, 31, 32, 200, 255};
  for (size_t documents : {128, 256, 300}) {
    std::vector<Entry> entries;
    for (uint32_t idx = 0; idx < documents; ++idx) {
      Entry entry{3 + idx * 3, {counts[idx % 8], counts[(idx / 8 + 3) % 8], counts[(idx * 5 + 1) % 8]}, {}};
      if (entry.tf == FieldTf{0, 0, 0}) entry.tf[2] = 1;
      for (uint32_t field = 0; field < 3; ++field) {
        for (uint32_t at = 0; at < entry.tf[field]; ++at) entry.positions.push_back(field * kFieldStride + 2 * at);
      }
      entries.push_back(entry);
    }
    PostingList list;
    AddAll(list, entries);
    EXPECT_EQ(ReadAll(list), entries) << documents;
    std::array<uint32_t, kBlockSize> docs;
    std::array<FieldTf, kBlockSize> tf;
    size_t next = 0;
    for (size_t block = 0; block < list.block_count(); ++block) {
      const uint32_t count = list.Decode(block, docs.data(), tf.data());
      for (uint32_t idx = 0; idx < count; ++idx, ++next) {
        ASSERT_LT(next, entries.size());
        EXPECT_EQ(docs[idx], entries[next].doc);
        EXPECT_EQ(tf[idx], entries[next].tf) << "document " << next << " of " << documents;
      }
    }
    EXPECT_EQ(next, entries.size());
  }
}

// Reading the positions of only some documents skips those of the documents passed over, which are counted
// by their varints' last bytes: gaps of one to three bytes, saturated counts (a count of its own before the
// positions) and documents with no positions in a field must all be stepped over exactly.
TEST(PostingCursor, PositionsOfSomeDocumentsSkipTheRestExactly) {
  std::vector<Entry> entries;
  for (uint32_t doc = 0; doc < 700; ++doc) {
    Entry entry{doc * 3 + 1, {0, 0, 0}, {}};
    const uint32_t title = doc % 3, description = doc % 50 == 7 ? 300 + doc % 5 : doc % 11;
    for (uint32_t at = 0; at < title; ++at) entry.positions.push_back(at * 2);
    uint32_t position = 2 * kFieldStride;
    for (uint32_t at = 0; at < description; ++at) {
      position += 1 + (at * 7919 + doc) % (at % 4 == 0 ? 20000 : 100);  // one-, two- and three-byte gaps
      if (position >= 3 * kFieldStride) break;
      entry.positions.push_back(position);
    }
    entry.tf[0] = static_cast<uint8_t>(title);
    entry.tf[2] = static_cast<uint8_t>(std::min<size_t>(255, entry.positions.size() - title));
    if (entry.positions.empty()) entry = Entry{doc * 3 + 1, {0, 1, 0}, {kFieldStride}};
    entries.push_back(entry);
  }
  PostingList list;
  AddAll(list, entries);
  for (size_t stride : {1, 2, 3, 5, 9, 64, 130}) {
    PostingCursor cursor(list);
    std::vector<uint32_t> positions;
    for (size_t idx = 0; cursor.doc() != kEndDoc; cursor.Next(), ++idx) {
      ASSERT_EQ(cursor.doc(), entries[idx].doc);
      if (idx % stride != stride - 1) continue;
      cursor.Positions(positions);
      EXPECT_EQ(positions, entries[idx].positions) << "document " << idx << ", every " << stride;
    }
  }
}

}  // namespace
}  // namespace jobscope::index::internal
