#include "index/internal/pending_postings.h"

#include <algorithm>

#include "base/assert.h"

namespace jobscope::index::internal {

void PendingPostings::Add(uint32_t term, uint32_t doc, FieldTf tf, std::span<const uint32_t> positions) {
  JS_ASSERT(positions_.size() + positions.size() < (uint64_t{1} << 32));
  records_.push_back(
      {term, doc, static_cast<uint32_t>(positions_.size()), static_cast<uint32_t>(positions.size()), tf});
  positions_.insert(positions_.end(), positions.begin(), positions.end());
}

void PendingPostings::AppendTo(std::vector<PostingList>& lists) {
  if (records_.empty()) return;
  uint32_t terms = 0;
  for (const Record& record : records_) terms = std::max(terms, record.term + 1);
  if (lists.size() < terms) lists.resize(terms);
  // A stable counting sort of the records by term: each term's documents stay in the order they came.
  term_start_.assign(terms + 1, 0);
  for (const Record& record : records_) ++term_start_[record.term + 1];
  for (uint32_t term = 0; term < terms; ++term) term_start_[term + 1] += term_start_[term];
  sorted_.resize(records_.size());
  for (const Record& record : records_) sorted_[term_start_[record.term]++] = record;
  // Read in term order, the positions are what is out of order; fetching a few ahead overlaps their misses.
  constexpr size_t kAhead = 8;
  for (size_t at = 0; at < sorted_.size(); ++at) {
    if (at + kAhead < sorted_.size()) __builtin_prefetch(positions_.data() + sorted_[at + kAhead].positions_begin);
    const Record& record = sorted_[at];
    lists[record.term].Add(record.doc, record.tf, positions_.data() + record.positions_begin, record.positions_count);
  }
  records_.clear();
  positions_.clear();
}

}  // namespace jobscope::index::internal
