#include "index/internal/word_table.h"

#include <string>

#include <gtest/gtest.h>

namespace jobscope::index::internal {
namespace {

TEST(WordTable, FindsWhatWasInsertedAndNothingElse) {
  WordTable table;
  EXPECT_EQ(table.Find("python"), WordTable::kMissing);
  for (uint32_t term = 0; term < 5000; ++term) table.Set("word" + std::to_string(term), term);
  EXPECT_EQ(table.size(), 5000u);
  for (uint32_t term = 0; term < 5000; ++term) EXPECT_EQ(table.Find("word" + std::to_string(term)), term);
  EXPECT_EQ(table.Find("word5000"), WordTable::kMissing);
  EXPECT_EQ(table.Find("word"), WordTable::kMissing);
}

// The recent-slot cache must give what the table gives: for words that share a cache slot, after a word's
// term is set again, and for words never inserted.
TEST(WordTable, FindRecentAgreesWithFind) {
  WordTable table;
  const std::string missing = "absent";
  EXPECT_EQ(table.FindRecent(missing, WordTable::Hash(missing)), WordTable::kMissing);
  for (uint32_t term = 0; term < 20000; ++term) table.Set("w" + std::to_string(term), term);
  for (int round = 0; round < 3; ++round) {
    for (uint32_t term = 0; term < 20000; term += 7) {
      const std::string word = "w" + std::to_string(term);
      ASSERT_EQ(table.FindRecent(word, WordTable::Hash(word)), table.Find(word)) << word;
    }
  }
  const std::string word = "w14";
  ASSERT_EQ(table.FindRecent(word, WordTable::Hash(word)), 14u);  // now in the cache
  table.Set(word, 99999);
  EXPECT_EQ(table.FindRecent(word, WordTable::Hash(word)), 99999u);
  EXPECT_EQ(table.Find(word), 99999u);
  const std::string longer = "w14-and-a-longer-tail";
  EXPECT_EQ(table.FindRecent(longer, WordTable::Hash(longer)), WordTable::kMissing);
  table.Insert(longer, WordTable::Hash(longer), 7);
  EXPECT_EQ(table.FindRecent(longer, WordTable::Hash(longer)), 7u);
}

}  // namespace
}  // namespace jobscope::index::internal
