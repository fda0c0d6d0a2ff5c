#include "index/internal/pending_postings.h"

#include <cstdint>
#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace jobscope::index::internal {
namespace {

struct Posting {
  uint32_t term, doc;
  FieldTf tf;
  std::vector<uint32_t> positions;
};

// Documents in order, each holding a few of `terms` terms (a skewed few often, the rest rarely), with
// positions in the title and description.
std::vector<Posting> RandomPostings(uint32_t documents, uint32_t terms, uint32_t seed) {
  std::mt19937 random(seed);
  std::vector<Posting> postings;
  for (uint32_t doc = 0; doc < documents; ++doc) {
    std::vector<bool> used(terms, false);
    const uint32_t count = 1 + random() % 12;
    for (uint32_t idx = 0; idx < count; ++idx) {
      uint32_t term = idx % 2 == 0 ? random() % 4 : random() % terms;
      if (used[term]) continue;
      used[term] = true;
      Posting posting{term, doc, {0, 0, 0}, {}};
      if (term == 0) {  // a stop term: frequencies, no positions
        posting.tf = {0, 0, static_cast<uint8_t>(1 + random() % 5)};
        postings.push_back(std::move(posting));
        continue;
      }
      if (random() % 3 == 0) posting.positions.push_back(random() % 20);
      uint32_t at = 2 * kFieldStride;
      // Now and then more mentions than a frequency holds (it saturates at 255 and the count is written).
      const uint32_t mentions = random() % 50 == 0 ? 300 : random() % 4;
      for (uint32_t mention = mentions; mention > 0; --mention) posting.positions.push_back(at += 1 + random() % 50);
      if (posting.positions.empty()) posting.positions.push_back(2 * kFieldStride);
      for (uint32_t position : posting.positions) {
        uint8_t& tf = posting.tf[position / kFieldStride];
        if (tf < 255) ++tf;
      }
      postings.push_back(std::move(posting));
    }
  }
  return postings;
}

void ExpectSameLists(const std::vector<PostingList>& expected, const std::vector<PostingList>& got) {
  ASSERT_EQ(got.size(), expected.size());
  for (size_t term = 0; term < expected.size(); ++term) {
    SCOPED_TRACE(term);
    EXPECT_EQ(got[term].df, expected[term].df);
    EXPECT_EQ(got[term].data, expected[term].data);
    EXPECT_EQ(got[term].positions, expected[term].positions);
    EXPECT_EQ(got[term].open_docs, expected[term].open_docs);
    EXPECT_EQ(got[term].open_tf, expected[term].open_tf);
    ASSERT_EQ(got[term].blocks.size(), expected[term].blocks.size());
    for (size_t block = 0; block < expected[term].blocks.size(); ++block) {
      EXPECT_EQ(got[term].blocks[block].last_doc, expected[term].blocks[block].last_doc);
      EXPECT_EQ(got[term].blocks[block].count, expected[term].blocks[block].count);
    }
  }
}

// Lists made from postings held back and appended in batches by term are the lists made by appending each
// posting as it comes, byte for byte, whatever the batches' cuts.
TEST(PendingPostings, AppendInBatchesWhatDirectAppendsMake) {
  const std::vector<Posting> postings = RandomPostings(3000, 60, 7);
  std::vector<PostingList> direct(60);
  for (const Posting& posting : postings) {
    direct[posting.term].Add(posting.doc, posting.tf, posting.positions.data(), posting.positions.size());
  }
  for (size_t batch : {size_t{1}, size_t{97}, size_t{1000}, postings.size()}) {
    SCOPED_TRACE(batch);
    PendingPostings pending;
    std::vector<PostingList> lists;
    for (size_t idx = 0; idx < postings.size(); ++idx) {
      pending.Add(postings[idx].term, postings[idx].doc, postings[idx].tf, postings[idx].positions);
      if ((idx + 1) % batch == 0) pending.AppendTo(lists);
    }
    pending.AppendTo(lists);
    EXPECT_TRUE(pending.empty());
    lists.resize(direct.size());
    ExpectSameLists(direct, lists);
  }
}

}  // namespace
}  // namespace jobscope::index::internal
