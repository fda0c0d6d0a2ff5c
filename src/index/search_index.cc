// Building the index: documents analysed into per-term postings (compressed lists, internal/posting_list.h),
// their metadata kept in a table for filters, facets and sorting. Build reads in title order: postings that
// share a title score alike, so side by side they make each block's score bound close to its documents'
// scores, and a query skips the blocks that cannot compete. It builds the two halves of that order on two
// threads and joins them.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <numeric>
#include <span>
#include <thread>

#include "base/strings.h"
#include "index/index.h"
#include "index/internal/index_impl.h"
#include "index/internal/pending_postings.h"
#include "index/internal/words.h"

namespace jobscope::index {

using internal::kFieldStride;

namespace {

constexpr uint32_t kNoSlot = UINT32_MAX;
// Below this many postings a build runs on one thread: a second connection and the join cost more.
constexpr size_t kMinPostingsToSplit = 20000;
// Terms in 1 in this many documents or more keep a bitset besides their list. On 1M unique postings,
// lowering it from 32 to 8 saved 81 MB (the text is 1.9 GB) and changed no query kind's median or p99
// beyond the machine's noise; at 4, faceted medians rose by half.
constexpr size_t kDenseTermShare = 8;
// The commonest title phrases whose words are each in 1 in this many documents or more keep their documents
// as a set (Prepare): a phrase of rarer words reads few positions anyway. At most kKeptPhrases of them: on
// 1M unique postings all 580 such phrases, 72 MB, in the room the stop terms' positions left (79 MB).
constexpr size_t kCommonPhraseWordShare = 16;
constexpr size_t kKeptPhrases = 640;

// Scratch space for analysing one document, reused across the documents a thread adds.
struct DocumentTerms {
  struct Token {
    uint32_t term, position;
  };
  struct Entry {
    uint32_t term;
    FieldTf tf;
    uint32_t count, offset;
  };
  std::vector<Token> tokens;
  std::vector<Entry> entries;
  std::vector<uint32_t> slot_of_term;
  std::vector<uint32_t> positions;
  std::vector<std::string_view> skill_names;
  std::string lowered;
};

// Adds the posting as the next document: its metadata interned, each word's term found in the index's own
// memo (one hash lookup per word once the vocabulary is known) with its position, fields kept apart by
// the position stride, and the postings appended term by term, or left in `pending` when a build gives one.
uint32_t AddDocument(SearchIndex::Impl& impl, const Posting& posting, internal::PendingPostings* pending = nullptr) {
  static thread_local DocumentTerms scratch;
  const uint32_t doc_number = static_cast<uint32_t>(impl.docs.size());
  const Understanding& u = posting.understood;
  DocMeta doc{};
  doc.canonical = doc_number;
  doc.role = static_cast<uint8_t>(u.role);
  doc.level = static_cast<uint8_t>(u.level);
  doc.remote = static_cast<uint8_t>(u.remote);
  doc.employment = static_cast<uint8_t>(u.employment_type);
  auto lower = [](const std::string& value) -> const std::string& {  // no copy: most values are known
    AsciiLowerInto(value, scratch.lowered);
    return scratch.lowered;
  };
  doc.company = impl.companies.Intern(lower(posting.raw.company));
  doc.country = impl.places.Intern(u.location.country);
  doc.region = impl.places.Intern(lower(u.location.region));
  doc.city = impl.places.Intern(lower(u.location.city));
  doc.date = DateKey(posting.raw.date_posted);
  impl.pay.push_back(internal::PayRange(u.salary.annual_min_usd, u.salary.annual_max_usd));
  doc.skills_begin = static_cast<uint32_t>(impl.doc_skills.size());
  scratch.skill_names.clear();
  for (const SkillMention& mention : u.skills) {
    uint32_t skill = impl.skills.Intern(mention.skill_id);
    if (std::find(impl.doc_skills.begin() + doc.skills_begin, impl.doc_skills.end(), skill) != impl.doc_skills.end())
      continue;
    impl.doc_skills.push_back(skill);
    scratch.skill_names.push_back(mention.name);
  }
  doc.skills_end = static_cast<uint32_t>(impl.doc_skills.size());

  scratch.tokens.clear();
  uint32_t position = 0, words = 0;
  auto add_words = [&](std::string_view text, uint32_t field) {
    internal::ForEachWord(text, [&](std::string_view word) {
      uint64_t hash = internal::WordTable::Hash(word);
      uint32_t term = impl.word_terms.FindRecent(word, hash);
      if (term == internal::WordTable::kMissing) {
        term = impl.TermId(internal::TermOfWord(word));
        impl.word_terms.Insert(word, hash, term);
      }
      if (position < kFieldStride) scratch.tokens.push_back({term, field * kFieldStride + position});
      ++position;
      ++words;
    });
  };
  for (uint32_t field = 0; field < 3; ++field) {
    position = words = 0;
    if (field != 1) {
      add_words(field == 0 ? posting.raw.title : posting.raw.description, field);
    } else {
      for (std::string_view name : scratch.skill_names) {
        add_words(name, field);
        ++position;  // a position between skill names, so that no phrase runs from one into the next
      }
    }
    doc.lengths[field] = words;
    impl.total_length[field] += words;
  }
  for (size_t idx = 1; idx < scratch.tokens.size() && scratch.tokens[idx].position < kFieldStride; ++idx) {
    const uint32_t first = scratch.tokens[idx - 1].term, second = scratch.tokens[idx].term;
    if (impl.positioned[first] && impl.positioned[second])
      ++impl.title_pairs[SearchIndex::Impl::PairKey(first, second)];
  }
  // Group the tokens by term: counts, then each term's positions in one flat array.
  if (scratch.slot_of_term.size() < impl.terms.size()) scratch.slot_of_term.resize(impl.terms.size() * 2, kNoSlot);
  scratch.entries.clear();
  for (const auto& token : scratch.tokens) {
    uint32_t& slot = scratch.slot_of_term[token.term];
    if (slot == kNoSlot) {
      slot = static_cast<uint32_t>(scratch.entries.size());
      scratch.entries.push_back({token.term, {0, 0, 0}, 0, 0});
    }
    auto& entry = scratch.entries[slot];
    uint8_t& tf = entry.tf[token.position / kFieldStride];
    if (tf < 255) ++tf;
    ++entry.count;
  }
  uint32_t offset = 0;
  for (auto& entry : scratch.entries) {
    entry.offset = offset;
    offset += entry.count;
    entry.count = 0;
  }
  scratch.positions.resize(offset);
  for (const auto& token : scratch.tokens) {
    auto& entry = scratch.entries[scratch.slot_of_term[token.term]];
    scratch.positions[entry.offset + entry.count++] = token.position;
  }
  if (!pending && impl.lists.size() < impl.terms.size()) impl.lists.resize(impl.terms.size());
  for (const auto& entry : scratch.entries) {
    const size_t positions = impl.positioned[entry.term] ? entry.count : 0;
    if (pending) {
      pending->Add(entry.term, doc_number, entry.tf, std::span(scratch.positions).subspan(entry.offset, positions));
    } else {
      impl.lists[entry.term].Add(doc_number, entry.tf, scratch.positions.data() + entry.offset, positions);
    }
    scratch.slot_of_term[entry.term] = kNoSlot;
  }
  impl.ids.Append(posting.id);
  impl.docs.push_back(std::move(doc));
  return doc_number;
}

// Where to cut the title order so both parts hold as much description text: text, not postings, is the
// work, and the later titles of the bench store carry 9% more of it (halved by count, one thread idled
// for about 2 of 19 s).
size_t EvenSplit(const std::vector<uint32_t>& text_bytes) {
  const uint64_t total = std::accumulate(text_bytes.begin(), text_bytes.end(), uint64_t{0});
  uint64_t sum = 0;
  for (size_t idx = 0; idx < text_bytes.size(); ++idx) {
    sum += text_bytes[idx];
    if (2 * sum >= total) return idx + 1;
  }
  return text_bytes.size();
}

}  // namespace

SearchIndex::SearchIndex() : impl_(std::make_unique<Impl>()) {}
SearchIndex::~SearchIndex() = default;

std::unique_ptr<SearchIndex> SearchIndex::Empty() { return std::unique_ptr<SearchIndex>(new SearchIndex()); }

StatusOr<std::unique_ptr<SearchIndex>> SearchIndex::Build(store::Store& store, bool include_duplicates,
                                                          const BuildProgress& progress) {
  // The postings in title order, cut in two parts of equal text built on two threads (each reading
  // through its own connection to the store, analysing and appending), the second then joined after the
  // first.
  std::vector<uint32_t> text_bytes;
  JS_ASSIGN_OR_RETURN(std::vector<int64_t> order,
                      store.SequencesInOrder(store::PostingOrder::kTitle, include_duplicates, &text_bytes));
  StatusOr<std::unique_ptr<store::Store>> second_reader = Unimplemented("one part");
  if (order.size() >= kMinPostingsToSplit) second_reader = store.OpenReader();
  const size_t split = second_reader.ok() ? EvenSplit(text_bytes) : order.size();
  // Both parts count what they add; the calling thread's part reports the sum.
  std::atomic<int64_t> added{0};
  const auto total = static_cast<int64_t>(order.size());
  auto build_part = [&added, total](store::Store& reader, std::span<const int64_t> sequences, Impl& impl,
                                    const BuildProgress* report) {
    internal::PendingPostings pending;
    Status read = reader.ForEachSearchablePostingOf(sequences, [&](Posting& posting) {
      AddDocument(impl, posting, &pending);
      if (pending.full()) pending.AppendTo(impl.lists);
      int64_t done = added.fetch_add(1, std::memory_order_relaxed) + 1;
      if (report && (done & 4095) == 0) (*report)(done, total);
      return true;
    });
    pending.AppendTo(impl.lists);
    impl.lists.resize(impl.terms.size());
    return read;
  };
  auto index = Empty();
  auto second = Empty();
  Status second_status = Status::Ok();
  std::thread second_builder;
  if (second_reader.ok()) {
    second_builder = std::thread(
        [&] { second_status = build_part(**second_reader, std::span(order).subspan(split), *second->impl_, nullptr); });
  }
  Status first_status = build_part(store, std::span(order).first(split), *index->impl_, progress ? &progress : nullptr);
  if (second_builder.joinable()) second_builder.join();
  if (progress) progress(total, total);
  JS_RETURN_IF_ERROR(first_status);
  JS_RETURN_IF_ERROR(second_status);
  index->impl_->Join(*second->impl_);
  std::thread release([&second] { second.reset(); });  // a quarter second of frees, beside the rest
  Impl& impl = *index->impl_;
  if (!include_duplicates) {
    // The linked duplicates, as shadows of the postings they repeat (the duplicates are a few in a hundred).
    JS_ASSIGN_OR_RETURN(std::vector<int64_t> all, store.SequencesInOrder(store::PostingOrder::kId, true, nullptr));
    std::vector<int64_t> duplicates;
    std::vector<int64_t> held(order);
    std::sort(held.begin(), held.end());
    std::sort(all.begin(), all.end());
    std::set_difference(all.begin(), all.end(), held.begin(), held.end(), std::back_inserter(duplicates));
    Status shadows = store.ForEachSearchablePostingOf(duplicates, [&](Posting& posting) {
      index->AddDuplicate(posting);
      return true;
    });
    if (!shadows.ok()) {
      release.join();
      return shadows;
    }
  }
  // Growth slack is up to half of a table or list.
  for (PostingList& list : impl.lists) list.Shrink();
  impl.ids.Shrink();
  impl.docs.shrink_to_fit();
  impl.doc_skills.shrink_to_fit();
  impl.pay.shrink_to_fit();
  impl.Prepare();
  release.join();
  return index;
}

// The other part's documents follow this part's: its lists appended to this part's term by term, and its
// document table renumbered into this one's, the two side by side on two threads (they share no data).
void SearchIndex::Impl::Join(Impl& other) {
  const uint32_t base = static_cast<uint32_t>(docs.size());
  std::thread documents([this, &other] { JoinDocuments(other); });
  std::vector<uint32_t> term_of(other.terms.size());
  for (size_t term = 0; term < other.terms.size(); ++term) term_of[term] = TermId(other.terms[term]);
  lists.resize(terms.size());
  for (size_t term = 0; term < other.terms.size(); ++term) lists[term_of[term]].AppendShifted(other.lists[term], base);
  for (const auto& [key, count] : other.title_pairs) {
    const auto [first, second] = PairTerms(key);
    title_pairs[PairKey(term_of[first], term_of[second])] += count;
  }
  documents.join();
}

void SearchIndex::Impl::JoinDocuments(Impl& other) {
  auto renumber = [](const Interner& from, Interner& to) {
    std::vector<uint32_t> numbers(from.size());
    for (uint32_t id = 0; id < numbers.size(); ++id) numbers[id] = to.Intern(from.Value(id));
    return numbers;
  };
  const std::vector<uint32_t> company_of = renumber(other.companies, companies);
  const std::vector<uint32_t> place_of = renumber(other.places, places);
  const std::vector<uint32_t> skill_of = renumber(other.skills, skills);
  docs.reserve(docs.size() + other.docs.size());
  pay.insert(pay.end(), other.pay.begin(), other.pay.end());
  const uint32_t base = static_cast<uint32_t>(docs.size());
  for (uint32_t shadow : other.shadows) {
    shadows.push_back(base + shadow);
    shadow_set.Set(base + shadow);
  }
  for (uint32_t other_doc = 0; other_doc < other.docs.size(); ++other_doc) {
    DocMeta& doc = other.docs[other_doc];
    doc.canonical += base;
    doc.company = company_of[doc.company];
    doc.country = place_of[doc.country];
    doc.region = place_of[doc.region];
    doc.city = place_of[doc.city];
    const uint32_t skills_begin = static_cast<uint32_t>(doc_skills.size());
    for (uint32_t at = doc.skills_begin; at < doc.skills_end; ++at)
      doc_skills.push_back(skill_of[other.doc_skills[at]]);
    doc.skills_begin = skills_begin;
    doc.skills_end = static_cast<uint32_t>(doc_skills.size());
    ids.Append(other.ids.Id(other_doc));
    docs.push_back(std::move(doc));
  }
  for (int field = 0; field < 3; ++field) total_length[field] += other.total_length[field];
}

uint32_t SearchIndex::Add(const Posting& posting) { return AddDocument(*impl_, posting); }

bool SearchIndex::AddDuplicate(const Posting& posting) {
  const uint32_t canonical = impl_->ids.Find(posting.duplicate_of);
  if (canonical == internal::DocumentIds::kMissing || impl_->docs[canonical].canonical != canonical) return false;
  const uint32_t doc = AddDocument(*impl_, posting);
  impl_->docs[doc].canonical = canonical;
  impl_->shadows.push_back(doc);
  impl_->shadow_set.Set(doc);
  return true;
}

void SearchIndex::Impl::Prepare() const {
  std::lock_guard<std::mutex> lock(prepare_mutex);
  const size_t n = docs.size();
  if (prepared.documents == n) return;
  auto& self = const_cast<Impl&>(*this);  // the lists' document bitsets are derived data, like `prepared`
  for (int field = 0; field < 3; ++field) {
    prepared.average_length[field] = total_length[field] / static_cast<double>(std::max<size_t>(1, n));
  }
  prepared.paid = Bitset(n);
  for (uint32_t doc = 0; doc < n; ++doc) {
    if (!std::isnan(pay[doc].first)) prepared.paid.Set(doc);
  }
  // One more than the documents: the summing of a list reads each document's factors 16 bytes at a time
  // (term_scores.cc).
  prepared.field_factors.assign(n + 1, {0, 0, 0});
  for (size_t doc = 0; doc < n; ++doc) {
    for (int field = 0; field < 3; ++field) {
      double avg = prepared.average_length[field];
      double norm = 1 - kBm25f.b + kBm25f.b * (avg > 0 ? docs[doc].lengths[field] / avg : 0);
      prepared.field_factors[doc][field] = static_cast<float>(kBm25f.weights[field] / norm);
    }
  }
  // Terms in at least 1 in kDenseTermShare documents keep a bitset: match sets then never walk their long
  // lists. Made on a second thread beside the facets' bitsets below, which touch nothing of the lists.
  std::thread doc_sets([&self, n] {
    const size_t dense = std::max<size_t>(64, n / kDenseTermShare);
    for (PostingList& list : self.lists) {
      if (list.df < dense)
        list.doc_set = Bitset();  // a snapshot's, or one made when the term was denser
      else if (list.has_doc_set())
        list.doc_set.Resize(n);
      else
        list.BuildDocSet(n);
    }
    self.UpdatePhraseSets();
  });
  // Facet values in at least 1 in 256 documents (every value of the small enumerations) keep their documents:
  // as a bitset from 1 in 32 on (and for the enumerations), as a list below.
  const size_t frequent = std::max<size_t>(64, n / 256);
  const size_t dense_value = std::max<size_t>(64, n / 32);
  for (int facet = 0; facet < internal::kFacetFields; ++facet) {
    FacetBitsets& bitsets = prepared.facets[facet];
    bool small = facet <= internal::kEmploymentFacet;
    std::vector<size_t> counts(FacetValueCount(facet), 0);
    for (uint32_t doc = 0; doc < n; ++doc) ForEachFacetValue(facet, doc, [&](uint32_t value) { ++counts[value]; });
    bitsets.by_value.assign(counts.size(), Bitset());
    bitsets.listed.assign(counts.size(), {});
    bitsets.rest = Bitset(n);
    bitsets.frequent.clear();
    bitsets.rest_most = 0;
    for (uint32_t value = 0; value < counts.size(); ++value) {
      if (counts[value] > 0 && (small || counts[value] >= dense_value)) {
        bitsets.by_value[value] = Bitset(n);
        bitsets.frequent.push_back(value);
      } else if (counts[value] >= frequent) {
        bitsets.listed[value].reserve(counts[value]);
        bitsets.frequent.push_back(value);
      } else {
        bitsets.rest_most = std::max(bitsets.rest_most, counts[value]);
      }
    }
    std::stable_sort(bitsets.frequent.begin(), bitsets.frequent.end(),
                     [&](uint32_t a, uint32_t b) { return counts[a] > counts[b]; });
    for (uint32_t doc = 0; doc < n; ++doc) {
      ForEachFacetValue(facet, doc, [&](uint32_t value) {
        if (bitsets.by_value[value].words())
          bitsets.by_value[value].Set(doc);
        else if (bitsets.listed[value].capacity())
          bitsets.listed[value].push_back(doc);
        else
          bitsets.rest.Set(doc);
      });
    }
    bitsets.totals = std::move(counts);
  }
  doc_sets.join();
  prepared.documents = n;
}

namespace {

// Whether some position of `first` is followed by one of `second` (both ascending).
bool Adjacent(const std::vector<uint32_t>& first, const std::vector<uint32_t>& second) {
  size_t next = 0;
  for (uint32_t position : first) {
    while (next < second.size() && second[next] <= position) ++next;
    if (next == second.size()) return false;
    if (second[next] == position + 1) return true;
  }
  return false;
}

}  // namespace

void SearchIndex::Impl::SweepPhraseSets(std::span<const uint64_t> keys, uint32_t from, uint32_t to,
                                        std::vector<Bitset>& sets) const {
  std::vector<uint32_t> words;                                      // the pairs' words, by slot
  std::vector<std::vector<std::pair<uint32_t, size_t>>> followers;  // by the first word's slot: (second, set)
  std::unordered_map<uint32_t, uint32_t> slot_of;
  auto slot = [&](uint32_t term) {
    auto [it, added] = slot_of.try_emplace(term, static_cast<uint32_t>(words.size()));
    if (added) {
      words.push_back(term);
      followers.emplace_back();
    }
    return it->second;
  };
  for (size_t set = 0; set < keys.size(); ++set) {
    const auto terms = PairTerms(keys[set]);
    const uint32_t first = slot(terms[0]), second = slot(terms[1]);
    followers[first].push_back({second, set});
  }
  std::vector<PostingCursor> cursors;
  cursors.reserve(words.size());
  for (uint32_t term : words) {
    cursors.emplace_back(lists[term]);
    cursors.back().SeekGEQ(from);
  }
  std::vector<std::vector<uint32_t>> positions(words.size());
  std::vector<uint8_t> here(words.size(), 0);
  std::vector<uint32_t> present;
  auto next_doc = [&] {
    uint32_t next = kEndDoc;
    for (const PostingCursor& cursor : cursors) next = std::min(next, cursor.doc());
    return next;
  };
  for (uint32_t doc = next_doc(); doc < to; doc = next_doc()) {
    present.clear();
    for (uint32_t word = 0; word < cursors.size(); ++word) {
      if (cursors[word].doc() != doc) continue;
      present.push_back(word);
      here[word] = 1;
      cursors[word].Positions(positions[word]);
    }
    for (uint32_t first : present) {
      for (const auto& [second, set] : followers[first]) {
        if (here[second] && Adjacent(positions[first], positions[second])) sets[set].Set(doc);
      }
    }
    for (uint32_t word : present) {
      here[word] = 0;
      cursors[word].Next();
    }
  }
}

void SearchIndex::Impl::UpdatePhraseSets() {
  const size_t n = docs.size();
  const size_t before = prepared.phrase_documents;
  std::vector<uint64_t> keys;
  std::vector<Bitset> sets;
  if (before > 0 && n < 2 * prepared.phrases_chosen_at) {
    // The same phrases, their sets brought up to the documents added since.
    for (auto& [key, kept] : prepared.phrase_sets) {
      keys.push_back(key);
      sets.push_back(std::move(kept));
      sets.back().Resize(n);
    }
    SweepPhraseSets(keys, static_cast<uint32_t>(before), static_cast<uint32_t>(n), sets);
    for (size_t idx = 0; idx < keys.size(); ++idx) prepared.phrase_sets[keys[idx]] = std::move(sets[idx]);
    prepared.phrase_documents = n;
    return;
  }
  // Chosen again when the index has doubled since. A pair seen in one title is no common phrase: such pairs
  // are let go then, so a market of varied titles keeps its count of pairs bounded.
  std::erase_if(title_pairs, [](const auto& entry) { return entry.second < 2; });
  const size_t common = std::max<size_t>(64, n / kCommonPhraseWordShare);
  std::vector<std::pair<uint32_t, uint64_t>> candidates;  // (titles holding it, pair)
  for (const auto& [key, count] : title_pairs) {
    const auto [first, second] = PairTerms(key);
    if (lists[first].df >= common && lists[second].df >= common && positioned[first] && positioned[second])
      candidates.push_back({count, key});
  }
  const size_t keep = std::min(kKeptPhrases, candidates.size());
  std::partial_sort(
      candidates.begin(), candidates.begin() + static_cast<long>(keep), candidates.end(),
      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  prepared.phrase_sets.clear();
  for (size_t idx = 0; idx < keep; ++idx) keys.push_back(candidates[idx].second);
  sets.assign(keep, Bitset(n));
  // Two halves of the documents on two threads; the cut on a 64-document boundary, so no word of a set is
  // written by both.
  const auto middle = static_cast<uint32_t>(n / 2 / 64 * 64);
  std::thread second;
  if (keep > 0 && middle > 0) second = std::thread([&] { SweepPhraseSets(keys, 0, middle, sets); });
  SweepPhraseSets(keys, second.joinable() ? middle : 0, static_cast<uint32_t>(n), sets);
  if (second.joinable()) second.join();
  for (size_t idx = 0; idx < keep; ++idx) prepared.phrase_sets.emplace(keys[idx], std::move(sets[idx]));
  prepared.phrases_chosen_at = n;
  prepared.phrase_documents = n;
}

void SearchIndex::Impl::BlockMaxima(const PostingList& list) const {
  std::lock_guard<std::mutex> lock(maxima_mutex);
  if (list.maxima_documents == docs.size()) return;
  std::array<uint32_t, internal::kBlockSize> block_docs;
  std::array<FieldTf, internal::kBlockSize> tf;
  list.block_max_weight.resize(list.block_count());
  for (size_t block = 0; block < list.block_count(); ++block) {
    uint32_t count = list.Decode(block, block_docs.data(), tf.data());
    double best = 0;
    for (uint32_t idx = 0; idx < count; ++idx)
      best = std::max(best, static_cast<double>(WeightedTf(block_docs[idx], tf[idx])));
    // Rounded up, so the bound is never below the best score it stands for.
    list.block_max_weight[block] = std::nextafter(static_cast<float>(best), std::numeric_limits<float>::infinity());
  }
  list.maxima_documents = docs.size();
}

std::optional<uint32_t> SearchIndex::DocumentOf(const std::string& posting_id) const {
  const uint32_t doc = impl_->ids.Find(posting_id);
  if (doc == internal::DocumentIds::kMissing) return std::nullopt;
  return doc;
}

size_t SearchIndex::DocumentCount() const { return impl_->docs.size() - impl_->shadows.size(); }

IndexStats SearchIndex::Stats() const {
  const Impl& impl = *impl_;
  impl.Prepare();
  IndexStats stats;
  stats.documents = impl.docs.size();
  stats.terms = impl.terms.size();
  size_t bytes = 0;
  for (const PostingList& list : impl.lists) {
    bytes += list.Bytes();
    stats.positions_bytes += list.positions.capacity();
    stats.bitset_bytes += list.doc_set.Bytes();
  }
  stats.postings_bytes = bytes - stats.positions_bytes - stats.bitset_bytes;
  for (const std::string& term : impl.terms) bytes += 2 * (term.size() + 40);  // vocabulary and its hash map
  bytes += impl.word_terms.Bytes();
  bytes += impl.docs.capacity() * sizeof(DocMeta) + impl.doc_skills.capacity() * 4;
  bytes += impl.ids.Bytes() + impl.companies.Bytes() + impl.places.Bytes() + impl.skills.Bytes();
  bytes += impl.prepared.field_factors.capacity() * sizeof(impl.prepared.field_factors[0]);
  bytes += impl.pay.capacity() * sizeof(impl.pay[0]) + impl.prepared.paid.Bytes();
  for (const auto& [key, set] : impl.prepared.phrase_sets) {
    bytes += set.Bytes() + sizeof(key) + sizeof(set) + 16;  // and the map's node
    stats.bitset_bytes += set.Bytes();
  }
  stats.kept_phrases = impl.prepared.phrase_sets.size();
  stats.phrases_chosen_at = impl.prepared.phrases_chosen_at;
  bytes += impl.title_pairs.size() * (sizeof(uint64_t) + sizeof(uint32_t) + 20);
  for (const FacetBitsets& bitsets : impl.prepared.facets) {
    size_t facet_bytes = bitsets.rest.Bytes() + bitsets.totals.capacity() * sizeof(size_t);
    for (const Bitset& set : bitsets.by_value) facet_bytes += set.Bytes() + sizeof(Bitset);
    for (const auto& docs_of_value : bitsets.listed)
      facet_bytes += docs_of_value.capacity() * 4 + sizeof(docs_of_value);
    bytes += facet_bytes;
    stats.bitset_bytes += facet_bytes;
  }
  stats.memory_bytes = bytes;
  return stats;
}

}  // namespace jobscope::index
