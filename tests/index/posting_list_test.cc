#include "index/internal/posting_list.h"

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

}  // namespace
}  // namespace jobscope::index::internal
