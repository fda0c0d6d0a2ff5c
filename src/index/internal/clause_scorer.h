// A positive query clause as a document-at-a-time scorer, for the top-k search (searcher.cc): a term, the
// best of a word's expansions (prefix or typo), or a phrase (its matches found up front). Each can bound
// the score of the documents ahead of it, so the search can skip what cannot reach the top.
#pragma once

#include <algorithm>
#include <array>
#include <memory>
#include <utility>
#include <vector>

#include "index/internal/index_impl.h"

namespace jobscope::index::internal {

class ClauseScorer {
 public:
  virtual ~ClauseScorer() = default;
  virtual uint32_t doc() const = 0;  // kEndDoc when exhausted
  virtual void Next() = 0;
  virtual void SeekGEQ(uint32_t target) = 0;
  virtual double Score() const = 0;  // at doc()
  // The most any document can score.
  virtual double MaxScore() const = 0;
  // The most any document from doc() through `last` can score; sets `last`.
  virtual double BlockBound(uint32_t& last) const = 0;
  // The same from `target` (>= doc()) on, without decoding anything.
  virtual double BoundFrom(uint32_t target, uint32_t& last) const = 0;
  // The most doc() itself can score, given the bound of its run (BlockBound), which bounds it already.
  virtual double BoundAtDoc(double run_bound) const { return run_bound; }
  // For a search that stops walking the lists together over a stretch of documents (searcher.cc,
  // ScoreWithMaxScore). Summable: whether the clause's score is one list's (a word's, or matches found in
  // advance), so AddScores can stand in for walking; the best of a word's expansions is not. AddScores adds
  // the score of every document in [from, to) to sums[document - from], whatever the cursor's place.
  virtual bool Summable() const { return false; }
  virtual void AddScores(uint32_t /*from*/, uint32_t /*to*/, double* /*sums*/) const {}
};

class TermScorer final : public ClauseScorer {
 public:
  TermScorer(const SearchIndex::Impl& impl, uint32_t term)
      : impl_(impl), cursor_(impl.lists[term]), idf_(impl.Idf(term)) {
    const PostingList& list = impl.lists[term];
    impl.BlockMaxima(list);
    for (size_t block = 0; block < list.block_count(); ++block) {
      max_score_ = std::max(max_score_, SearchIndex::Impl::BlockBound(list, block, idf_));
    }
  }
  uint32_t doc() const override { return cursor_.doc(); }
  void Next() override { cursor_.Next(); }
  void SeekGEQ(uint32_t target) override { cursor_.SeekGEQ(target); }
  double Score() const override { return impl_.TermScore(cursor_.doc(), cursor_.tf(), idf_); }
  double MaxScore() const override { return max_score_; }
  size_t df() const { return cursor_.list().df; }
  double BlockBound(uint32_t& last) const override {
    if (cursor_.doc() == kEndDoc) {
      last = kEndDoc;
      return 0;
    }
    last = cursor_.list().Block(cursor_.block()).last_doc;
    return SearchIndex::Impl::BlockBound(cursor_.list(), cursor_.block(), idf_);
  }
  double BoundFrom(uint32_t target, uint32_t& last) const override {
    size_t block = cursor_.ShallowBlock(target);
    if (block >= cursor_.list().block_count()) {
      last = kEndDoc;
      return 0;
    }
    last = cursor_.list().Block(block).last_doc;
    return SearchIndex::Impl::BlockBound(cursor_.list(), block, idf_);
  }
  bool Summable() const override { return true; }
  void AddScores(uint32_t from, uint32_t to, double* sums) const override {
    const PostingList& list = cursor_.list();
    std::array<uint32_t, kBlockSize> docs;
    std::array<FieldTf, kBlockSize> tf;
    for (size_t block = list.BlockReaching(from, 0, list.block_count()); block < list.block_count(); ++block) {
      const uint32_t count = list.Decode(block, docs.data(), tf.data());
      // Only the first and the last block reach past the stretch.
      const uint32_t first =
          static_cast<uint32_t>(std::lower_bound(docs.data(), docs.data() + count, from) - docs.data());
      const uint32_t end =
          static_cast<uint32_t>(std::lower_bound(docs.data() + first, docs.data() + count, to) - docs.data());
      AddTermScores(impl_.prepared.field_factors.data(), docs.data() + first, tf.data() + first, end - first, idf_,
                    kBm25f.k1, from, sums);
      if (end < count || list.Block(block).last_doc >= to) break;
    }
  }
  PostingCursor& cursor() { return cursor_; }

 private:
  const SearchIndex::Impl& impl_;
  PostingCursor cursor_;
  double idf_;
  double max_score_ = 0;
};

// A document matching several expansions of a word scores by the best of them. The common expansions are
// walked side by side; the rare ones wait in a heap by their next document, so a step looks at them only
// where one of them is: they used to be looked at on every posting of the common ones (`office dat`: 31
// rarer expansions of `dat`, each checked at each of `data`'s 959k postings). A rare one's posting costs a
// heap step, a common one's a look at every step, hence the line between them.
class BestOfScorer final : public ClauseScorer {
 public:
  explicit BestOfScorer(std::vector<std::unique_ptr<TermScorer>> terms) : terms_(std::move(terms)) {
    size_t most = 0;
    for (const auto& term : terms_) {
      max_score_ = std::max(max_score_, term->MaxScore());
      most = std::max(most, term->df());
    }
    for (const auto& term : terms_) {
      if (term->df() * kRareShare >= most)
        common_.push_back(term.get());
      else if (term->doc() != kEndDoc)
        heap_.push_back({term->doc(), term.get()});
    }
    std::make_heap(heap_.begin(), heap_.end(), Later);
    Settle();
  }
  uint32_t doc() const override { return doc_; }
  void Next() override {
    for (TermScorer* term : common_) {
      if (term->doc() == doc_) term->Next();
    }
    while (!heap_.empty() && heap_.front().doc == doc_) Advance([](TermScorer& term) { term.Next(); });
    Settle();
  }
  void SeekGEQ(uint32_t target) override {
    if (target <= doc_) return;
    for (TermScorer* term : common_) term->SeekGEQ(target);
    // The few expansions a seek passes moved one by one; when it passes more, each in one pass and the heap
    // made again.
    for (int moved = 0; moved < kSeeksOneByOne && !heap_.empty() && heap_.front().doc < target; ++moved) {
      Advance([target](TermScorer& term) { term.SeekGEQ(target); });
    }
    if (!heap_.empty() && heap_.front().doc < target) {
      for (Waiting& waiting : heap_) {
        waiting.term->SeekGEQ(target);
        waiting.doc = waiting.term->doc();
      }
      std::erase_if(heap_, [](const Waiting& waiting) { return waiting.doc == kEndDoc; });
      std::make_heap(heap_.begin(), heap_.end(), Later);
    }
    Settle();
  }
  double Score() const override {
    double best = 0;
    ForEachAtDoc([&best](const TermScorer& term) { best = std::max(best, term.Score()); });
    return best;
  }
  double MaxScore() const override { return max_score_; }
  // The run ends where the first of the expansions' blocks ends. An expansion whose next document lies past
  // that end adds nothing to the run: a rare expansion's few blocks each span much of the index, and counting
  // their bounds everywhere kept a prefix from ever passing over a run of its common expansion.
  double BlockBound(uint32_t& last) const override {
    return Bound([](const TermScorer& term, uint32_t& term_last) { return term.BlockBound(term_last); }, last);
  }
  double BoundFrom(uint32_t target, uint32_t& last) const override {
    return Bound([target](const TermScorer& term, uint32_t& term_last) { return term.BoundFrom(target, term_last); },
                 last);
  }
  double BoundAtDoc(double) const override {  // only the expansions holding the document count
    double bound = 0;
    ForEachAtDoc([&bound](const TermScorer& term) {
      uint32_t last = kEndDoc;
      bound = std::max(bound, term.BlockBound(last));
    });
    return bound;
  }

 private:
  static constexpr size_t kRareShare = 32;  // in fewer than 1/32 of the commonest expansion's documents
  static constexpr int kSeeksOneByOne = 4;
  // An expansion with its next document, kept beside it so that ordering the heap reads no scorer.
  struct Waiting {
    uint32_t doc;
    TermScorer* term;
  };
  // For the standard heap functions: the expansion with the lowest next document on top.
  static bool Later(const Waiting& a, const Waiting& b) { return a.doc > b.doc; }
  // Moves the heap's top expansion on (`move`: a step or a seek); one that runs out leaves the heap.
  template <typename Move>
  void Advance(Move&& move) {
    std::pop_heap(heap_.begin(), heap_.end(), Later);
    Waiting& moved = heap_.back();
    move(*moved.term);
    moved.doc = moved.term->doc();
    if (moved.doc == kEndDoc)
      heap_.pop_back();
    else
      std::push_heap(heap_.begin(), heap_.end(), Later);
  }
  // The expansions at doc(): the common ones there, the heap's top and those below it at the same document.
  template <typename Visit>
  void ForEachAtDoc(Visit&& visit) const {
    if (doc_ == kEndDoc) return;
    for (const TermScorer* term : common_) {
      if (term->doc() == doc_) visit(*term);
    }
    if (!heap_.empty() && heap_.front().doc == doc_) VisitFrom(0, visit);
  }
  template <typename Visit>
  void VisitFrom(size_t at, Visit& visit) const {  // as deep as the heap: log2 of the expansions
    visit(*heap_[at].term);
    for (size_t child = 2 * at + 1; child <= 2 * at + 2 && child < heap_.size(); ++child) {
      if (heap_[child].doc == doc_) VisitFrom(child, visit);
    }
  }
  template <typename TermBound>
  double Bound(TermBound&& term_bound, uint32_t& last) const {
    thread_local std::vector<std::pair<double, const TermScorer*>> bounds;
    bounds.clear();
    last = kEndDoc;
    auto add = [&](const TermScorer* term) {
      uint32_t term_last = kEndDoc;
      bounds.push_back({term_bound(*term, term_last), term});
      last = std::min(last, term_last);
    };
    for (const TermScorer* term : common_) {
      if (term->doc() != kEndDoc) add(term);
    }
    for (const Waiting& waiting : heap_) add(waiting.term);
    double bound = 0;
    for (const auto& [term_bound_value, term] : bounds) {
      if (term->doc() <= last) bound = std::max(bound, term_bound_value);
    }
    return bound;
  }
  void Settle() {
    doc_ = heap_.empty() ? kEndDoc : heap_.front().doc;
    for (const TermScorer* term : common_) doc_ = std::min(doc_, term->doc());
  }

  std::vector<std::unique_ptr<TermScorer>> terms_;
  std::vector<TermScorer*> common_;  // in 1/kRareShare of the commonest one's documents or more
  std::vector<Waiting> heap_;        // the others not yet run out, by next document
  uint32_t doc_ = kEndDoc;
  double max_score_ = 0;
};

// One word of a phrase whose documents the index keeps as a set (Prepared::phrase_sets): the word scored in
// the set's documents only. Every document of the set holds the phrase, so the scorers of its words together
// give the phrase's score there, and the top is found with the words' block bounds, without a list of the
// phrase's documents made first.
class InSetScorer final : public ClauseScorer {
 public:
  InSetScorer(std::unique_ptr<TermScorer> term, const Bitset& set) : term_(std::move(term)), set_(set) { Settle(); }
  uint32_t doc() const override { return term_->doc(); }
  void Next() override {
    term_->Next();
    Settle();
  }
  void SeekGEQ(uint32_t target) override {
    if (target <= term_->doc()) return;
    term_->SeekGEQ(target);
    Settle();
  }
  double Score() const override { return term_->Score(); }
  double MaxScore() const override { return term_->MaxScore(); }
  double BlockBound(uint32_t& last) const override { return term_->BlockBound(last); }
  double BoundFrom(uint32_t target, uint32_t& last) const override { return term_->BoundFrom(target, last); }
  bool Summable() const override { return true; }
  void AddScores(uint32_t from, uint32_t to, double* sums) const override {
    thread_local std::vector<double> own;
    own.assign(to - from, 0);
    term_->AddScores(from, to, own.data());
    for (uint32_t doc = set_.NextSet(from); doc < to; doc = set_.NextSet(doc + 1)) sums[doc - from] += own[doc - from];
  }

 private:
  // On to the word's next document in the set.
  void Settle() {
    for (uint32_t doc = term_->doc(); doc != kEndDoc && !set_.Test(doc); doc = term_->doc()) {
      const uint32_t next = set_.NextSet(doc);
      if (next == kEndDoc) {
        term_->SeekGEQ(kEndDoc);
        return;
      }
      term_->SeekGEQ(next);
    }
  }
  std::unique_ptr<TermScorer> term_;
  const Bitset& set_;
};

// Matches found in advance (phrases): (document, score), ascending by document.
class ListScorer final : public ClauseScorer {
 public:
  explicit ListScorer(const std::vector<std::pair<uint32_t, double>>& hits) : hits_(hits) {
    for (const auto& hit : hits_) max_score_ = std::max(max_score_, hit.second);
  }
  uint32_t doc() const override { return next_ < hits_.size() ? hits_[next_].first : kEndDoc; }
  void Next() override { ++next_; }
  void SeekGEQ(uint32_t target) override {
    if (doc() >= target) return;
    next_ = static_cast<size_t>(std::lower_bound(hits_.begin() + static_cast<long>(next_), hits_.end(),
                                                 std::pair<uint32_t, double>{target, -1.0}) -
                                hits_.begin());
  }
  double Score() const override { return hits_[next_].second; }
  double MaxScore() const override { return max_score_; }
  double BlockBound(uint32_t& last) const override {
    last = kEndDoc;
    return max_score_;
  }
  double BoundFrom(uint32_t, uint32_t& last) const override { return BlockBound(last); }
  double BoundAtDoc(double) const override { return next_ < hits_.size() ? hits_[next_].second : 0; }
  bool Summable() const override { return true; }
  void AddScores(uint32_t from, uint32_t to, double* sums) const override {
    auto hit = std::lower_bound(hits_.begin(), hits_.end(), std::pair<uint32_t, double>{from, -1.0});
    for (; hit != hits_.end() && hit->first < to; ++hit) sums[hit->first - from] += hit->second;
  }

 private:
  const std::vector<std::pair<uint32_t, double>>& hits_;
  size_t next_ = 0;
  double max_score_ = 0;
};

}  // namespace jobscope::index::internal
