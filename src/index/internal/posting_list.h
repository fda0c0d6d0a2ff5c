// One term's postings, compressed in blocks of 128 documents: document gaps as varints, then each
// document's term frequency per field (one byte for the common case of a few description mentions), and
// beside them the positions (per document and field, gaps from the field's start). Each block keeps its last document,
// for skipping, and (derived, per search state) the best field-weighted frequency in it, from which a search bounds the
// score any document in the block can get and passes over blocks that cannot reach the top results. The newest
// documents wait uncompressed in an open block until it fills, so documents can be added one at a time. A term in many
// documents also keeps them as a bitset, for fast match sets.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "index/internal/bitset.h"

namespace jobscope::index::internal {

inline constexpr uint32_t kBlockSize = 128;
inline constexpr uint32_t kEndDoc = UINT32_MAX;
inline constexpr uint32_t kFieldStride = 1u << 20;  // positions of field f start at f * kFieldStride

using FieldTf = std::array<uint8_t, 3>;  // per field (title, skills, description), saturating at 255

inline uint32_t GetVarint(const uint8_t*& in) {
  uint32_t value = *in & 0x7F;
  int shift = 7;
  while (*in++ & 0x80) {
    value |= static_cast<uint32_t>(*in & 0x7F) << shift;
    shift += 7;
  }
  return value;
}

// One document's positions in a list, read one at a time in ascending order (fields apart by the
// stride), so a phrase check stops at its first match without decoding the rest.
class PositionStream {
 public:
  PositionStream(const uint8_t* in, FieldTf tf) : in_(in), tf_(tf) { Next(); }
  bool done() const { return field_ == 3; }
  uint32_t value() const { return value_; }  // REQUIRES: !done()
  void Next() {
    while (remaining_ == 0) {
      if (++field_ == 3) return;
      remaining_ = tf_[field_] == 255 ? GetVarint(in_) : tf_[field_];
      value_ = static_cast<uint32_t>(field_) * kFieldStride;
    }
    value_ += GetVarint(in_);
    --remaining_;
  }

 private:
  const uint8_t* in_;
  FieldTf tf_;
  int field_ = -1;
  uint32_t remaining_ = 0;
  uint32_t value_ = 0;
};

// Whether the terms, whose positions in one document the streams give in phrase order, stand at their
// places of the phrase somewhere: the i-th at p + places[i] (ascending; 0, 1, 2, ... when no word of the
// phrase is stepped over). Each stream is read only as far as the first such p.
inline bool HoldsPhrase(std::vector<PositionStream>& streams, std::span<const uint32_t> places) {
  uint32_t start = 0;
  for (;;) {
    bool aligned = true;
    for (uint32_t idx = 0; idx < streams.size() && aligned; ++idx) {
      PositionStream& stream = streams[idx];
      const uint32_t place = places[idx];
      while (!stream.done() && stream.value() < start + place) stream.Next();
      if (stream.done()) return false;
      if (stream.value() != start + place) {
        start = stream.value() - place;  // the earliest start this term allows; above the last one tried
        aligned = false;
      }
    }
    if (aligned) return true;
  }
}

struct BlockInfo {
  uint32_t last_doc = 0;
  uint32_t data_offset = 0;       // into PostingList::data
  uint32_t positions_offset = 0;  // into PostingList::positions
  uint32_t count = 0;
};

struct PostingList {
  std::vector<BlockInfo> blocks;  // sealed
  std::vector<uint8_t> data;
  std::vector<uint8_t> positions;
  std::vector<uint32_t> open_docs;  // the open block, not yet compressed
  std::vector<FieldTf> open_tf;
  BlockInfo open_info;
  uint32_t df = 0;
  Bitset doc_set;  // every document, for terms in many of them (empty otherwise)
  // Per block, the largest BM25F field-weighted frequency of its documents under the current field
  // averages (rounded up), so a block's bound is the best score in it. Derived: recomputed on first use
  // after documents are added (SearchIndex::Impl::BlockMaxima).
  mutable std::vector<float> block_max_weight;
  mutable size_t maxima_documents = SIZE_MAX;

  // Appends `doc`, which must be above every document already in the list. `positions` ascending, with
  // the field stride.
  void Add(uint32_t doc, FieldTf tf, const uint32_t* positions, size_t count);
  // Appends every document of `other` numbered `base` higher: above this list's, whose open block is
  // sealed first (so one block may hold fewer than kBlockSize documents). Copies the compressed bytes.
  void AppendShifted(const PostingList& other, uint32_t base);

  size_t block_count() const { return blocks.size() + (open_docs.empty() ? 0 : 1); }
  bool has_doc_set() const { return doc_set.words() > 0; }
  // The first block in [low, high) whose last document is >= target, or `high`.
  size_t BlockReaching(uint32_t target, size_t low, size_t high) const;
  // The same from block `from` on, galloping: cheap when the block is near.
  size_t GallopTo(uint32_t target, size_t from) const;
  // The document's frequencies, if the list holds it.
  std::optional<FieldTf> Find(uint32_t doc) const;
  const BlockInfo& Block(size_t block) const { return block < blocks.size() ? blocks[block] : open_info; }
  // Decodes a block's documents and (when `tf` is not null) their frequencies. Returns how many.
  uint32_t Decode(size_t block, uint32_t* docs, FieldTf* tf) const;
  // Sets the bit of every document of the list.
  void AddTo(Bitset& set) const;
  void BuildDocSet(size_t documents);

  void Shrink();
  size_t Bytes() const;

 private:
  void Seal();
};

// Walks a list in document order, a block at a time.
class PostingCursor {
 public:
  explicit PostingCursor(const PostingList& list) : list_(&list) { Load(0); }

  uint32_t doc() const { return doc_; }
  FieldTf tf() const { return tf_[entry_]; }
  // The positions of the current document (reading on from the last document asked about in the block).
  void Positions(std::vector<uint32_t>& out);
  // The same, to be read one by one.
  PositionStream PositionsOf();
  size_t block() const { return block_; }
  uint32_t entry() const { return entry_; }
  const PostingList& list() const { return *list_; }

  void Next() {
    if (++entry_ < count_) {
      doc_ = docs_[entry_];
    } else {
      Load(block_ + 1);
    }
  }
  // Moves to the first document >= target.
  void SeekGEQ(uint32_t target);
  // The block that would hold `target`, without decoding it (block_count() when past the end). Targets
  // ascend between moves, so the search resumes where the last one ended.
  size_t ShallowBlock(uint32_t target) const;

 private:
  void Load(size_t block);

  const PostingList* list_;
  size_t block_ = 0;
  mutable size_t shallow_ = 0;  // where ShallowBlock last stopped
  uint32_t entry_ = 0, count_ = 0;
  uint32_t doc_ = kEndDoc;
  std::array<uint32_t, kBlockSize> docs_;
  std::array<FieldTf, kBlockSize> tf_;
  const uint8_t* positions_at_ = nullptr;  // the positions of entry positions_entry_ of the block
  uint32_t positions_entry_ = 0;
};

}  // namespace jobscope::index::internal
