// Postings analysed during a build but not yet appended to their lists: kept in document order and appended
// a batch at a time, grouped by term. A unique posting puts its 150-odd terms on lists whose ends are cold,
// and appending each where it is found costs two or three cache misses on the list's state; grouped, a
// list's state is loaded once a batch and stays warm while its documents go in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "index/internal/posting_list.h"

namespace jobscope::index::internal {

class PendingPostings {
 public:
  // Appends happen once this many postings wait (about 7,000 unique postings): a common term gathers
  // thousands of documents a batch, the batch (20 MB) stays small beside the index, and the counting sort's
  // pass over every term of the vocabulary is paid a few hundred times a build, not thousands.
  static constexpr size_t kBatchPostings = size_t{1} << 20;
  // Or once this many positions wait, whatever the postings' count.
  static constexpr size_t kBatchPositions = kBatchPostings * 16;

  // One document's posting of `term`; documents must come in increasing order.
  void Add(uint32_t term, uint32_t doc, FieldTf tf, std::span<const uint32_t> positions);
  bool full() const { return records_.size() >= kBatchPostings || positions_.size() >= kBatchPositions; }
  bool empty() const { return records_.empty(); }

  // Appends every waiting posting to `lists` (grown to hold every term named) and forgets them: each
  // list receives its documents in the order they were added.
  void AppendTo(std::vector<PostingList>& lists);

 private:
  struct Record {
    uint32_t term, doc;
    uint32_t positions_begin, positions_count;
    FieldTf tf;
  };
  std::vector<Record> records_;
  std::vector<uint32_t> positions_;
  std::vector<uint32_t> term_start_;  // counting sort by term, reused across batches
  std::vector<Record> sorted_;
};

}  // namespace jobscope::index::internal
