#include "index/internal/posting_list.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <utility>

#include "base/assert.h"

namespace jobscope::index::internal {
namespace {

void PutVarint(std::vector<uint8_t>& out, uint32_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<uint8_t>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<uint8_t>(value));
}

// Past `count` varints: eight bytes at a time while more than eight are left (so the bytes are there, and
// fewer than `count` varints can end among them; a varint's last byte has its top bit clear), then byte by
// byte.
const uint8_t* SkipVarints(const uint8_t* in, uint32_t count) {
  while (count > 8) {
    uint64_t word;
    std::memcpy(&word, in, 8);
    in += 8;
    count -= static_cast<uint32_t>(std::popcount(~word & 0x8080808080808080ull));
  }
  for (; count > 0; ++in) count -= (*in & 0x80) == 0;
  return in;
}

// Frequencies, a block's at a time: first a head byte per document, holding which fields have the term
// (bits 0-2) and the description's count when it is under 31 (bits 3-7; 31 means an extra byte with the
// count follows), then the extra bytes in document order: the description's count when 31 or more, the
// title's when present, the skills' when present. With the heads apart, where one document's frequencies
// begin does not wait on reading the last one's: decoding a block takes no branch on their bits.
uint8_t TfHead(FieldTf tf) {
  uint8_t mask = static_cast<uint8_t>((tf[0] ? 1 : 0) | (tf[1] ? 2 : 0) | (tf[2] ? 4 : 0));
  return static_cast<uint8_t>(mask | std::min<uint8_t>(tf[2], 31) << 3);
}

void PutTfExtras(std::vector<uint8_t>& out, FieldTf tf) {
  if (tf[2] >= 31) out.push_back(tf[2]);
  if (tf[0]) out.push_back(tf[0]);
  if (tf[1]) out.push_back(tf[1]);
}

// `count` heads at `in`, their extras after them; `last` is the list's last byte. A byte is read for each
// extra a document may have, and dropped where it has none (never past `last`), so that no branch waits on
// the head's bits.
void GetTfs(const uint8_t* in, uint32_t count, const uint8_t* last, FieldTf* tf) {
  const uint8_t* extra = in + count;
  auto next = [&](unsigned present) {
    const uint8_t byte = *std::min(extra, last);
    extra += present;
    return present ? byte : uint8_t{0};
  };
  for (uint32_t idx = 0; idx < count; ++idx) {
    const uint8_t head = in[idx];
    const uint8_t description = static_cast<uint8_t>(head >> 3);
    const uint8_t big = next(description == 31);
    tf[idx][2] = description == 31 ? big : description;
    tf[idx][0] = next(head & 1);
    tf[idx][1] = next((head >> 1) & 1);
  }
}

}  // namespace

void PostingList::Add(uint32_t doc, FieldTf tf, const uint32_t* doc_positions, size_t count) {
  JS_ASSERT(df == 0 || doc > (open_docs.empty() ? blocks.back().last_doc : open_docs.back()));
  if (open_docs.empty()) {
    open_info = BlockInfo{};
    open_info.positions_offset = static_cast<uint32_t>(positions.size());
    open_info.data_offset = static_cast<uint32_t>(data.size());
  }
  open_docs.push_back(doc);
  open_tf.push_back(tf);
  open_info.last_doc = doc;
  open_info.count = static_cast<uint32_t>(open_docs.size());
  JS_ASSERT(positions.size() < (uint64_t{1} << 32) - 1024);
  // Per field, gaps from the field's start; the count is the field's frequency, written out only when
  // that saturated. None for a stop term (given no positions).
  size_t idx = 0;
  for (uint32_t field = 0; field < 3 && count > 0; ++field) {
    size_t end = idx;
    while (end < count && doc_positions[end] / kFieldStride == field) ++end;
    if (tf[field] == 255) PutVarint(positions, static_cast<uint32_t>(end - idx));
    uint32_t previous = field * kFieldStride;
    for (; idx < end; ++idx) {
      PutVarint(positions, doc_positions[idx] - previous);
      previous = doc_positions[idx];
    }
  }
  ++df;
  if (has_doc_set()) doc_set.Set(doc);
  if (open_docs.size() == kBlockSize) Seal();
}

void PostingList::AppendShifted(const PostingList& other, uint32_t base) {
  if (other.df == 0) return;
  if (!open_docs.empty()) Seal();  // a block of fewer than kBlockSize documents, then the other's blocks
  const uint32_t previous_last = blocks.empty() ? 0 : blocks.back().last_doc;
  JS_ASSERT(df == 0 || !other.blocks.empty() || other.open_docs.front() + base > previous_last);
  // Grown to the joined size at once: growth by doubling would copy the lists twice, once here and once
  // more when the index sheds the slack.
  data.reserve(data.size() + other.data.size() + 5);
  positions.reserve(positions.size() + other.positions.size());
  blocks.reserve(blocks.size() + other.blocks.size());
  const size_t positions_base = positions.size();
  if (!other.blocks.empty()) {
    // Gaps are from the previous block's last document, which moves with the documents; only the other
    // list's first gap (from 0) becomes the gap from this list's last document.
    const uint8_t* in = other.data.data();
    const uint32_t first = GetVarint(in);
    const size_t first_bytes = static_cast<size_t>(in - other.data.data());
    const size_t data_base = data.size();
    JS_ASSERT(df == 0 || first + base > previous_last);
    PutVarint(data, first + base - previous_last);
    const size_t written = data.size() - data_base;
    data.insert(data.end(), other.data.begin() + static_cast<std::ptrdiff_t>(first_bytes), other.data.end());
    for (size_t block = 0; block < other.blocks.size(); ++block) {
      BlockInfo info = other.blocks[block];
      info.last_doc += base;
      info.data_offset = block == 0 ? static_cast<uint32_t>(data_base)
                                    : static_cast<uint32_t>(info.data_offset + data_base + written - first_bytes);
      info.positions_offset += static_cast<uint32_t>(positions_base);
      blocks.push_back(info);
    }
  }
  positions.insert(positions.end(), other.positions.begin(), other.positions.end());
  JS_ASSERT(data.size() < (uint64_t{1} << 32) && positions.size() < (uint64_t{1} << 32) - 1024);
  if (!other.open_docs.empty()) {  // still open: its positions follow the other's sealed ones, as here
    open_info = other.open_info;
    open_info.last_doc += base;
    open_info.positions_offset += static_cast<uint32_t>(positions_base);
    open_info.data_offset = static_cast<uint32_t>(data.size());
    for (uint32_t doc : other.open_docs) open_docs.push_back(doc + base);
    open_tf = other.open_tf;
  }
  df += other.df;
  doc_set = Bitset();  // derived; rebuilt by the index for the documents it now has
  block_max_weight.clear();
  maxima_documents = SIZE_MAX;
}

void PostingList::Seal() {
  uint32_t previous = blocks.empty() ? 0 : blocks.back().last_doc;
  for (uint32_t doc : open_docs) {
    PutVarint(data, doc - previous);
    previous = doc;
  }
  for (FieldTf tf : open_tf) data.push_back(TfHead(tf));
  for (FieldTf tf : open_tf) PutTfExtras(data, tf);
  JS_ASSERT(data.size() < (uint64_t{1} << 32));
  blocks.push_back(open_info);
  open_docs.clear();
  open_tf.clear();
}

uint32_t PostingList::Decode(size_t block, uint32_t* docs, FieldTf* tf) const {
  if (block >= blocks.size()) {
    if (block > blocks.size() || open_docs.empty()) return 0;
    std::copy(open_docs.begin(), open_docs.end(), docs);
    if (tf) std::copy(open_tf.begin(), open_tf.end(), tf);
    return static_cast<uint32_t>(open_docs.size());
  }
  const BlockInfo& info = blocks[block];
  const uint8_t* in = data.data() + info.data_offset;
  uint32_t doc = block == 0 ? 0 : blocks[block - 1].last_doc;
  uint32_t idx = 0;
  // A common word's gaps are mostly under 128, one byte each: eight at a time where the next eight bytes all
  // are whole varints (at least eight varints are left, so the bytes are there).
  while (idx + 8 <= info.count) {
    uint64_t word;
    std::memcpy(&word, in, 8);
    if (word & 0x8080808080808080ull) {
      docs[idx++] = doc += GetVarint(in);
      continue;
    }
    for (uint32_t k = 0; k < 8; ++k) docs[idx + k] = doc += static_cast<uint32_t>(word >> (8 * k)) & 0xFF;
    in += 8;
    idx += 8;
  }
  for (; idx < info.count; ++idx) docs[idx] = doc += GetVarint(in);
  if (tf) GetTfs(in, info.count, data.data() + data.size() - 1, tf);
  return info.count;
}

void PostingList::AddTo(Bitset& set) const {
  if (has_doc_set()) {
    set.Or(doc_set);
    return;
  }
  std::array<uint32_t, kBlockSize> docs;
  for (size_t block = 0; block < block_count(); ++block) {
    uint32_t count = Decode(block, docs.data(), nullptr);
    for (uint32_t idx = 0; idx < count; ++idx) set.Set(docs[idx]);
  }
}

void PostingList::BuildDocSet(size_t documents) {
  Bitset set(documents);
  AddTo(set);  // from the blocks: doc_set is still empty
  doc_set = std::move(set);
}

size_t PostingList::BlockReaching(uint32_t target, size_t low, size_t high) const {
  while (low < high) {
    size_t mid = (low + high) / 2;
    if (Block(mid).last_doc < target)
      low = mid + 1;
    else
      high = mid;
  }
  return low;
}

size_t PostingList::GallopTo(uint32_t target, size_t from) const {
  // Probes at doubling distances, then a binary search between the last two.
  const size_t count = block_count();
  size_t low = from, step = 1, high = low;
  while (high < count && Block(high).last_doc < target) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  return BlockReaching(target, low, std::min(high, count));
}

std::optional<FieldTf> PostingList::Find(uint32_t doc) const {
  size_t block = BlockReaching(doc, 0, block_count());
  if (block == block_count()) return std::nullopt;
  std::array<uint32_t, kBlockSize> docs;
  std::array<FieldTf, kBlockSize> tf;
  uint32_t count = Decode(block, docs.data(), tf.data());
  auto it = std::lower_bound(docs.begin(), docs.begin() + count, doc);
  if (it == docs.begin() + count || *it != doc) return std::nullopt;
  return tf[static_cast<size_t>(it - docs.begin())];
}

void PostingList::Shrink() {
  blocks.shrink_to_fit();
  data.shrink_to_fit();
  positions.shrink_to_fit();
  open_docs.shrink_to_fit();
  open_tf.shrink_to_fit();
}

size_t PostingList::Bytes() const {
  return sizeof(PostingList) + blocks.capacity() * sizeof(BlockInfo) + data.capacity() + positions.capacity() +
         open_docs.capacity() * 4 + open_tf.capacity() * 3 + doc_set.Bytes();
}

PositionStream PostingCursor::PositionsOf() {
  if (!positions_at_ || positions_entry_ > entry_) {
    positions_at_ = list_->positions.data() + list_->Block(block_).positions_offset;
    positions_entry_ = 0;
  }
  // The documents passed over since the last call: their positions are skipped by counting varints' last
  // bytes, eight at a time, between the saturated counts that are varints of their own.
  const uint8_t* in = positions_at_;
  uint32_t pending = 0;
  for (; positions_entry_ < entry_; ++positions_entry_) {
    const FieldTf& tf = tf_[positions_entry_];
    for (int field = 0; field < 3; ++field) {
      if (tf[field] == 255) {
        in = SkipVarints(in, pending);
        pending = GetVarint(in);
      } else {
        pending += tf[field];
      }
    }
  }
  positions_at_ = SkipVarints(in, pending);
  return PositionStream(positions_at_, tf_[entry_]);
}

void PostingCursor::Positions(std::vector<uint32_t>& out) {
  out.clear();
  for (PositionStream stream = PositionsOf(); !stream.done(); stream.Next()) out.push_back(stream.value());
}

void PostingCursor::Load(size_t block) {
  block_ = block;
  entry_ = 0;
  positions_at_ = nullptr;
  count_ = list_->Decode(block, docs_.data(), tf_.data());
  doc_ = count_ ? docs_[0] : kEndDoc;
}

size_t PostingCursor::ShallowBlock(uint32_t target) const {
  size_t block = block_;
  if (shallow_ > block_ && list_->Block(shallow_ - 1).last_doc < target) block = shallow_;
  const size_t count = list_->block_count();
  if (block < count && list_->Block(block).last_doc < target) block = list_->GallopTo(target, block + 1);
  shallow_ = block;
  return block;
}

void PostingCursor::SeekGEQ(uint32_t target) {
  if (doc_ >= target) return;
  const size_t count = list_->block_count();
  if (list_->Block(block_).last_doc < target) {
    size_t low = list_->GallopTo(target, block_ + 1);
    if (low >= count) {
      block_ = count;
      count_ = 0;
      entry_ = 0;
      doc_ = kEndDoc;
      return;
    }
    Load(low);
  }
  while (docs_[entry_] < target) ++entry_;
  doc_ = docs_[entry_];
}

}  // namespace jobscope::index::internal
