// Index snapshots: every table of the index written as length-prefixed arrays, behind a magic, a format
// version and the caller's stamp, and followed by an XXH3 checksum of it all, so a damaged file is rebuilt
// rather than decoded. Written to a temporary file and renamed, so a crash never leaves half a snapshot
// under the real name.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <xxhash.h>

#include "index/internal/index_impl.h"

namespace jobscope::index {
namespace {

constexpr char kMagic[8] = {'J', 'S', 'I', 'N', 'D', 'E', 'X', '4'};
constexpr uint32_t kFormatVersion = 10;  // 6: linked duplicates as shadow documents; 7: frequency heads apart;
                                         // 8: title word pairs; 9: no positions for stop terms;
                                         // 10: the kept phrases' sets

// Everything written or read passes through one running checksum.
class Checksum {
 public:
  Checksum() : state_(XXH3_createState()) { XXH3_64bits_reset(state_); }
  ~Checksum() { XXH3_freeState(state_); }
  Checksum(const Checksum&) = delete;
  Checksum& operator=(const Checksum&) = delete;
  void Add(const void* data, size_t size) { XXH3_64bits_update(state_, data, size); }
  uint64_t Value() const { return XXH3_64bits_digest(state_); }

 private:
  XXH3_state_t* state_;
};

class Writer {
 public:
  explicit Writer(std::ofstream& out) : out_(out) {}
  void Bytes(const void* data, size_t size) {
    checksum_.Add(data, size);
    out_.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  template <typename T>
  void Pod(const T& value) {
    Bytes(&value, sizeof value);
  }
  template <typename T>
  void Array(const std::vector<T>& values) {
    Pod(static_cast<uint64_t>(values.size()));
    Bytes(values.data(), sizeof(T) * values.size());
  }
  void String(const std::string& value) {
    Pod(static_cast<uint64_t>(value.size()));
    Bytes(value.data(), value.size());
  }
  void Finish() {
    uint64_t sum = checksum_.Value();
    out_.write(reinterpret_cast<const char*>(&sum), sizeof sum);
  }

 private:
  std::ofstream& out_;
  Checksum checksum_;
};

// Reads what Writer wrote. A count read from the file is checked against the bytes left in it before
// anything is made that size: a corrupt count must fail the load, not ask for a terabyte.
class Reader {
 public:
  Reader(std::ifstream& in, uint64_t file_size) : in_(in), left_(file_size) {}
  bool Bytes(void* data, size_t size) {
    if (size > left_ || !in_.read(static_cast<char*>(data), static_cast<std::streamsize>(size))) return false;
    left_ -= size;
    checksum_.Add(data, size);
    return true;
  }
  // Whether `count` items of at least `bytes_each` bytes fit in what is left of the file.
  bool Fits(uint64_t count, uint64_t bytes_each) const { return count <= left_ / bytes_each; }
  template <typename T>
  bool Pod(T& value) {
    return Bytes(&value, sizeof value);
  }
  template <typename T>
  bool Array(std::vector<T>& values) {
    uint64_t size = 0;
    if (!Pod(size) || !Fits(size, sizeof(T))) return false;
    values.resize(size);
    return Bytes(values.data(), sizeof(T) * size);
  }
  bool String(std::string& value) {
    uint64_t size = 0;
    if (!Pod(size) || !Fits(size, 1)) return false;
    value.resize(size);
    return Bytes(value.data(), size);
  }
  // True when the checksum stored next matches what was read, and nothing follows it.
  bool Verify() {
    uint64_t expected = checksum_.Value(), stored = 0;
    if (!in_.read(reinterpret_cast<char*>(&stored), sizeof stored)) return false;
    return stored == expected && in_.peek() == std::char_traits<char>::eof();
  }

 private:
  std::ifstream& in_;
  uint64_t left_;
  Checksum checksum_;
};

// The fewest bytes a saved term and a saved document take: their length-prefixed fields.
constexpr uint64_t kMinTermBytes = 7 * sizeof(uint64_t);
constexpr uint64_t kMinDocumentBytes = sizeof(uint64_t) + 16;

}  // namespace

Status SearchIndex::SaveSnapshot(const std::string& path, const std::string& stamp) const {
  const Impl& impl = *impl_;
  impl.Prepare();  // the kept phrases' sets are saved: made again, they took seconds of every load at 1M
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write index snapshot " + temporary);
    Writer writer(out);
    writer.Bytes(kMagic, sizeof kMagic);
    writer.Pod(kFormatVersion);
    writer.String(stamp);
    writer.Pod(static_cast<uint64_t>(impl.terms.size()));
    for (size_t term = 0; term < impl.terms.size(); ++term) {
      writer.String(impl.terms[term]);
      const PostingList& list = impl.lists[term];
      writer.Array(list.blocks);
      writer.Array(list.data);
      writer.Array(list.positions);
      writer.Array(list.open_docs);
      writer.Array(list.open_tf);
      writer.Pod(list.open_info);
      writer.Pod(list.df);
      writer.Array(list.doc_set.data());  // empty when the term keeps no bitset
    }
    writer.Pod(static_cast<uint64_t>(impl.docs.size()));
    for (uint32_t number = 0; number < impl.docs.size(); ++number) {
      writer.String(std::string(impl.ids.Id(number)));
      const DocMeta& doc = impl.docs[number];
      writer.Pod(doc.role);
      writer.Pod(doc.level);
      writer.Pod(doc.remote);
      writer.Pod(doc.employment);
      writer.Pod(doc.company);
      writer.Pod(doc.country);
      writer.Pod(doc.region);
      writer.Pod(doc.city);
      writer.Pod(doc.date);
      writer.Pod(impl.pay[number].first);
      writer.Pod(impl.pay[number].second);
      writer.Pod(doc.skills_begin);
      writer.Pod(doc.skills_end);
      writer.Pod(doc.lengths);
      writer.Pod(doc.canonical);
    }
    writer.Array(impl.doc_skills);
    for (const Interner* interner : {&impl.companies, &impl.places, &impl.skills}) {
      writer.Pod(static_cast<uint64_t>(interner->size()));
      for (uint32_t id = 0; id < interner->size(); ++id) writer.String(interner->Value(id));
    }
    writer.Pod(impl.total_length);
    std::vector<std::pair<uint64_t, uint32_t>> title_pairs(impl.title_pairs.begin(), impl.title_pairs.end());
    std::sort(title_pairs.begin(), title_pairs.end());  // the same index, the same bytes
    std::vector<uint64_t> pair_keys;
    std::vector<uint32_t> pair_counts;
    for (const auto& [key, count] : title_pairs) {
      pair_keys.push_back(key);
      pair_counts.push_back(count);
    }
    writer.Array(pair_keys);
    writer.Array(pair_counts);
    std::vector<uint64_t> kept;
    for (const auto& [key, set] : impl.prepared.phrase_sets) kept.push_back(key);
    std::sort(kept.begin(), kept.end());
    writer.Pod(static_cast<uint64_t>(impl.prepared.phrases_chosen_at));
    writer.Array(kept);
    for (uint64_t key : kept) writer.Array(impl.prepared.phrase_sets.at(key).data());
    writer.Finish();
    if (!out) return IoError("write failed: " + temporary);
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) return IoError("cannot rename " + temporary + ": " + error.message());
  return Status::Ok();
}

StatusOr<std::unique_ptr<SearchIndex>> SearchIndex::LoadSnapshot(const std::string& path, const std::string& stamp) {
  return LoadSnapshot(path, [&](const std::string& saved) { return saved == stamp; });
}

StatusOr<std::unique_ptr<SearchIndex>> SearchIndex::LoadSnapshot(
    const std::string& path, const std::function<bool(const std::string&)>& accept) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("no index snapshot " + path);
  std::error_code size_error;
  const uint64_t file_size = std::filesystem::file_size(path, size_error);
  if (size_error) return NotFound("no index snapshot " + path);
  Reader reader(in, file_size);
  char magic[8];
  uint32_t version = 0;
  std::string saved_stamp;
  reader.Bytes(magic, sizeof magic);
  if (!in || std::string_view(magic, 8) != std::string_view(kMagic, 8) || !reader.Pod(version) ||
      version != kFormatVersion || !reader.String(saved_stamp)) {
    return ParseError(path + ": not an index snapshot of format " + std::to_string(kFormatVersion));
  }
  if (!accept(saved_stamp)) return NotFound("index snapshot " + path + " is out of date");
  auto index = Empty();
  Impl& impl = *index->impl_;
  auto corrupt = [&] { return ParseError(path + ": truncated or corrupt index snapshot"); };
  uint64_t term_count = 0;
  if (!reader.Pod(term_count) || !reader.Fits(term_count, kMinTermBytes)) return corrupt();
  impl.terms.resize(term_count);
  impl.lists.resize(term_count);
  for (uint64_t term = 0; term < term_count; ++term) {
    PostingList& list = impl.lists[term];
    if (!reader.String(impl.terms[term]) || !reader.Array(list.blocks) || !reader.Array(list.data) ||
        !reader.Array(list.positions) || !reader.Array(list.open_docs) || !reader.Array(list.open_tf) ||
        !reader.Pod(list.open_info) || !reader.Pod(list.df) || !reader.Array(list.doc_set.data())) {
      return corrupt();
    }
    impl.term_ids.emplace(impl.terms[term], static_cast<uint32_t>(term));
    impl.positioned.push_back(!internal::IsStopTerm(impl.terms[term]));
  }
  uint64_t doc_count = 0;
  if (!reader.Pod(doc_count) || !reader.Fits(doc_count, kMinDocumentBytes)) return corrupt();
  impl.docs.resize(doc_count);
  for (uint64_t doc = 0; doc < doc_count; ++doc) {
    DocMeta& meta = impl.docs[doc];
    std::string id;
    float low = 0, high = 0;
    bool ok = reader.String(id) && reader.Pod(meta.role) && reader.Pod(meta.level) && reader.Pod(meta.remote) &&
              reader.Pod(meta.employment) && reader.Pod(meta.company) && reader.Pod(meta.country) &&
              reader.Pod(meta.region) && reader.Pod(meta.city) && reader.Pod(meta.date) && reader.Pod(low) &&
              reader.Pod(high) && reader.Pod(meta.skills_begin) && reader.Pod(meta.skills_end) &&
              reader.Pod(meta.lengths) && reader.Pod(meta.canonical);
    if (!ok || meta.canonical >= doc_count) return corrupt();
    if (meta.canonical != doc) {
      impl.shadows.push_back(static_cast<uint32_t>(doc));
      impl.shadow_set.Set(static_cast<uint32_t>(doc));
    }
    impl.ids.Append(id);
    impl.pay.push_back(internal::PayRange(low, high));
  }
  impl.ids.Shrink();
  if (!reader.Array(impl.doc_skills)) return corrupt();
  for (Interner* interner : {&impl.companies, &impl.places, &impl.skills}) {
    uint64_t count = 0;
    if (!reader.Pod(count)) return corrupt();
    for (uint64_t id = 0; id < count; ++id) {
      std::string value;
      if (!reader.String(value)) return corrupt();
      interner->Intern(value);
    }
  }
  std::vector<uint64_t> pair_keys;
  std::vector<uint32_t> pair_counts;
  uint64_t phrases_chosen_at = 0;
  std::vector<uint64_t> kept;
  if (!reader.Pod(impl.total_length) || !reader.Array(pair_keys) || !reader.Array(pair_counts) ||
      pair_keys.size() != pair_counts.size() || !reader.Pod(phrases_chosen_at) || phrases_chosen_at > doc_count ||
      !reader.Array(kept)) {
    return corrupt();
  }
  // The sets cover every document saved (SaveSnapshot prepares the index first).
  const size_t set_words = (doc_count + 63) / 64;
  for (uint64_t key : kept) {
    const auto [first, second] = SearchIndex::Impl::PairTerms(key);
    uint64_t words = 0;
    // A stop term keeps no positions for a later sweep to read; a document past the index's would be read
    // as one of it.
    if (first >= term_count || second >= term_count || !impl.positioned[first] || !impl.positioned[second] ||
        !reader.Pod(words) || words != set_words) {
      return corrupt();
    }
    Bitset set;
    set.Resize(doc_count);
    if (!reader.Bytes(set.data().data(), words * sizeof(uint64_t)) ||
        (doc_count % 64 != 0 && set.data().back() >> (doc_count % 64) != 0)) {
      return corrupt();
    }
    impl.prepared.phrase_sets.emplace(key, std::move(set));
  }
  if (!reader.Verify()) return corrupt();
  impl.prepared.phrases_chosen_at = phrases_chosen_at;
  impl.prepared.phrase_documents = doc_count;
  for (size_t idx = 0; idx < pair_keys.size(); ++idx) {
    const auto [first, second] = SearchIndex::Impl::PairTerms(pair_keys[idx]);
    if (first >= term_count || second >= term_count) return corrupt();
    impl.title_pairs.emplace(pair_keys[idx], pair_counts[idx]);
  }
  for (const DocMeta& meta : impl.docs) {
    if (meta.skills_end > impl.doc_skills.size() || meta.company >= impl.companies.size() ||
        meta.country >= impl.places.size() || meta.region >= impl.places.size() || meta.city >= impl.places.size()) {
      return corrupt();
    }
  }
  for (const PostingList& list : impl.lists) {
    // Every block's bytes lie inside the list and its documents inside the index, so decoding stays in
    // bounds; the last block needs no end marker because each varint is read by count.
    // A term's set covers every document saved (Prepare sized it so) and none past them, which a match set
    // would count and a search would read as a document.
    if (list.open_tf.size() != list.open_docs.size() || list.open_docs.size() >= internal::kBlockSize ||
        (list.has_doc_set() && (list.doc_set.words() != set_words ||
                                (doc_count % 64 != 0 && list.doc_set.data().back() >> (doc_count % 64) != 0)))) {
      return corrupt();
    }
    uint32_t previous = 0;
    uint64_t documents = list.open_docs.size();
    for (size_t block = 0; block < list.blocks.size(); ++block) {
      const BlockInfo& info = list.blocks[block];
      size_t data_end = block + 1 < list.blocks.size() ? list.blocks[block + 1].data_offset : list.data.size();
      // Blocks are full but where a build joined two lists (PostingList::AppendShifted).
      if (info.count == 0 || info.count > internal::kBlockSize || info.data_offset > data_end ||
          data_end > list.data.size() || data_end - info.data_offset < 2u * info.count ||
          info.positions_offset > list.positions.size() || info.last_doc >= doc_count ||
          (block > 0 && info.last_doc <= previous)) {
        return corrupt();
      }
      previous = info.last_doc;
      documents += info.count;
    }
    if (documents != list.df) return corrupt();
    for (uint32_t doc : list.open_docs) {
      if (doc >= doc_count) return corrupt();
    }
  }
  impl.lookup_stale = true;
  return index;
}

}  // namespace jobscope::index
