// Answering a query in three steps. (1) The match set, as a bitset: the clauses' documents or-ed (and-ed
// for required ones, removed for excluded ones), cut down by the filters; common terms and facet values
// keep bitsets, so this rarely walks a list. Its count is the total and facet counts come from it.
// (2) The top results by BM25F, document at a time over the positive clauses with MaxScore: clauses that
// together cannot lift a document into the top are only consulted for documents the others found, and a
// run of documents whose blocks' score bounds cannot reach the top is skipped without decoding; where the
// bounds stop skipping (broad queries of common words), a stretch of documents is summed list by list. When
// the match set is small next to the lists, its documents are scored directly instead. (3) Other sort orders
// rank the match set by the key and score only the page.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <queue>
#include <unordered_map>
#include <utility>

#include "base/strings.h"
#include "index/index.h"
#include "index/internal/clause_scorer.h"
#include "index/internal/index_impl.h"

namespace jobscope::index {

using internal::BestOfScorer;
using internal::ClauseScorer;
using internal::InSetScorer;
using internal::ListScorer;
using internal::TermScorer;

namespace {

using Impl = SearchIndex::Impl;

constexpr double kTieSlack = 1e-6;

struct CompiledClause {
  QueryClause::Kind kind = QueryClause::Kind::kShould;
  std::vector<uint32_t> terms;  // the term, or a word's expansions
  // A phrase's documents, or a skill word's (those that name the skill), found while compiling.
  bool listed = false;
  std::vector<std::pair<uint32_t, double>> hits;  // (document, score), ascending
  // A phrase's terms while its documents are not yet looked for (positions are read only for documents that
  // already match the rest of the query: see Search).
  std::vector<uint32_t> phrase;
  // A phrase of two words whose documents the index keeps (`terms` are its words): matched by the set,
  // scored by its words within it (InSetScorer).
  const Bitset* phrase_set = nullptr;
  bool pending() const { return !phrase.empty(); }
  size_t Postings(const Impl& impl) const {
    if (listed) return hits.size();
    size_t total = 0;
    for (uint32_t term : terms) total += impl.lists[term].df;
    return total;
  }
};

// Documents where the terms occur one after another within one field, with the sum of their scores; only
// those in `within` when it is given.
std::vector<std::pair<uint32_t, double>> FindPhrase(const Impl& impl, const std::vector<uint32_t>& terms,
                                                    const Bitset* within = nullptr) {
  // The kept sets of the phrase's pairs of words narrow the documents whose positions are read (a phrase of
  // two words kept whole never comes here: it is matched by its set, see CompiledClause::phrase_set).
  thread_local Bitset narrowed;
  size_t kept = 0;
  for (size_t idx = 0; idx + 1 < terms.size(); ++idx) {
    const Bitset* set = impl.PhraseSet(terms[idx], terms[idx + 1]);
    if (!set) continue;
    if (kept++ == 0) {
      narrowed = within ? *within : *set;
      if (within) narrowed.And(*set);
    } else {
      narrowed.And(*set);
    }
  }
  if (kept > 0) within = &narrowed;
  std::vector<std::pair<uint32_t, double>> hits;
  std::vector<double> idf;
  for (uint32_t term : terms) idf.push_back(impl.Idf(term));
  impl.ForEachPhraseDocument(terms, 0, within, [&](uint32_t doc, const auto& cursors) {
    double score = 0;
    for (size_t idx = 0; idx < cursors.size(); ++idx) score += impl.TermScore(doc, cursors[idx].tf(), idf[idx]);
    hits.push_back({doc, score});
  });
  return hits;
}

// The documents of `terms` that name `skill` (the skill extractor found it in them) or hold the word in their
// title, each with its best term's score: a skill word that is also everyday English counts only where it
// is the skill.
std::vector<std::pair<uint32_t, double>> NamingTheSkill(const Impl& impl, const std::vector<uint32_t>& terms,
                                                        const std::string& skill) {
  std::vector<std::pair<uint32_t, double>> hits;
  std::optional<uint32_t> skill_id = impl.skills.Find(skill);  // none when no posting names it
  // The skill's documents as the facet keeps them when the skill is common enough (a bitset, or an ascending
  // list walked beside the word's), instead of reading each document's skills from the document table.
  const internal::FacetBitsets& by_skill = impl.prepared.facets[internal::kSkillFacet];
  const Bitset* kept_set = skill_id && by_skill.by_value[*skill_id].words() ? &by_skill.by_value[*skill_id] : nullptr;
  const std::vector<uint32_t>* kept_list =
      skill_id && !by_skill.listed[*skill_id].empty() ? &by_skill.listed[*skill_id] : nullptr;
  for (uint32_t term : terms) {
    size_t next_listed = 0;  // the term's documents ascend, and so does the list
    auto names_skill = [&](uint32_t doc) {
      if (!skill_id) return false;
      if (kept_set) return kept_set->Test(doc);
      if (!kept_list) return impl.HasSkill(doc, *skill_id);
      while (next_listed < kept_list->size() && (*kept_list)[next_listed] < doc) ++next_listed;
      return next_listed < kept_list->size() && (*kept_list)[next_listed] == doc;
    };
    for (TermScorer scorer(impl, term); scorer.doc() != kEndDoc; scorer.Next()) {
      // A title names its job on purpose ("Go Developer", "ML Engineer (Zeppelin team)"); the skills are read
      // from the description alone.
      bool in_title = scorer.cursor().tf()[0] > 0;
      if (in_title || names_skill(scorer.doc())) hits.push_back({scorer.doc(), scorer.Score()});
    }
  }
  // One entry per document, the best score of its terms.
  std::sort(hits.begin(), hits.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second > b.second; });
  hits.erase(std::unique(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
             hits.end());
  return hits;
}

CompiledClause Compile(const Impl& impl, const QueryClause& clause, std::vector<std::string>& expanded) {
  CompiledClause compiled;
  compiled.kind = clause.kind;
  std::vector<std::string> phrase_terms;
  for (const std::string& word : clause.words) {
    for (std::string& term : AnalyzeText(word)) phrase_terms.push_back(std::move(term));
  }
  if (phrase_terms.size() > 1) {
    compiled.listed = true;
    std::vector<uint32_t> ids;
    for (const std::string& term : phrase_terms) {
      auto it = impl.term_ids.find(term);
      if (it == impl.term_ids.end()) return compiled;  // an unknown word: the phrase matches nothing
      ids.push_back(it->second);
    }
    if (ids.size() == 2) compiled.phrase_set = impl.PhraseSet(ids[0], ids[1]);
    if (compiled.phrase_set) {
      compiled.listed = false;
      compiled.terms = std::move(ids);
    } else {
      compiled.phrase = std::move(ids);
    }
  } else if (!clause.words.empty()) {
    compiled.terms = impl.Expand(clause.words[0], clause.prefix, expanded);
    for (const std::string& variant : clause.variants) {
      for (uint32_t term : impl.Expand(variant, false, expanded)) {
        if (std::find(compiled.terms.begin(), compiled.terms.end(), term) == compiled.terms.end())
          compiled.terms.push_back(term);
      }
    }
    if (!clause.skill.empty()) {
      compiled.listed = true;
      compiled.hits = NamingTheSkill(impl, compiled.terms, clause.skill);
    }
  }
  return compiled;
}

void AddClauseDocs(const CompiledClause& clause, const Impl& impl, Bitset& set) {
  if (clause.phrase_set) {
    set.Or(*clause.phrase_set);
  } else if (clause.listed) {
    for (const auto& hit : clause.hits) set.Set(hit.first);
  } else {
    for (uint32_t term : clause.terms) impl.lists[term].AddTo(set);
  }
}

// Keeps in `match` the documents of a required clause, or drops those of an excluded one.
void ApplyRequiredOrExcluded(const CompiledClause& clause, const Impl& impl, Bitset& match, Bitset& scratch) {
  scratch.Resize(impl.docs.size());
  scratch.Clear();
  AddClauseDocs(clause, impl, scratch);
  if (clause.kind == QueryClause::Kind::kMust)
    match.And(scratch);
  else
    match.AndNot(scratch);
}

std::unique_ptr<ClauseScorer> MakeScorer(const Impl& impl, const CompiledClause& clause) {
  // A word the index does not hold matches nothing: an empty list.
  if (clause.listed || clause.terms.empty()) return std::make_unique<ListScorer>(clause.hits);
  std::vector<std::unique_ptr<TermScorer>> terms;
  for (uint32_t term : clause.terms) terms.push_back(std::make_unique<TermScorer>(impl, term));
  if (terms.size() == 1) return std::move(terms[0]);
  return std::make_unique<BestOfScorer>(std::move(terms));
}

// The k best (score, document) pairs: higher score first, then lower document.
class TopK {
 public:
  explicit TopK(size_t k) : k_(k) {}
  bool full() const { return k_ > 0 && heap_.size() == k_; }
  // Documents arrive in ascending order, so a tie never displaces an earlier document.
  double threshold() const { return full() ? heap_.top().first : -1.0; }
  void Offer(double score, uint32_t doc) {
    if (k_ == 0) return;
    if (!full()) {
      heap_.push({score, doc});
    } else if (score > heap_.top().first) {
      heap_.pop();
      heap_.push({score, doc});
    }
  }
  // Best first: the heap gives up its worst first.
  std::vector<std::pair<double, uint32_t>> Sorted() {
    std::vector<std::pair<double, uint32_t>> out;
    while (!heap_.empty()) {
      out.push_back(heap_.top());
      heap_.pop();
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

 private:
  struct Worse {  // "a ranks before b", so the heap's top is the worst kept
    bool operator()(const std::pair<double, uint32_t>& a, const std::pair<double, uint32_t>& b) const {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    }
  };
  size_t k_;
  std::priority_queue<std::pair<double, uint32_t>, std::vector<std::pair<double, uint32_t>>, Worse> heap_;
};

// A document's score, moving every scorer to it. Documents must come in ascending order.
double ScoreAt(std::vector<std::unique_ptr<ClauseScorer>>& scorers, uint32_t doc) {
  double score = 0;
  for (auto& scorer : scorers) {
    scorer->SeekGEQ(doc);
    if (scorer->doc() == doc) score += scorer->Score();
  }
  return score;
}

void ScoreMatchesDirectly(std::vector<std::unique_ptr<ClauseScorer>>& scorers, const Bitset& match, TopK& top) {
  match.ForEach([&](uint32_t doc) {
    top.Offer(ScoreAt(scorers, doc), doc);
    return true;
  });
}

// Where the bounds stop passing over documents (a broad query whose words are each common: the many
// documents that hold them all each score near the sum of the words' block bounds), walking the lists
// together costs more per document than reading each list on its own into one sum per document. The
// documents are taken in stretches; within one, once kCheckEvery documents were scored in full,
// the share of documents scored so far decides: when it, times the cost of scoring a document with every
// clause, exceeds what reading the lists' postings alone costs per document, the rest of the stretch is
// summed list by list. Stretches decide apart because documents come in title order, so the ones that
// compete crowd together. The costs were measured on this machine at 1M postings: about 13 ns per clause of
// a document scored together, 5.5 ns per posting read alone.
constexpr size_t kCheckEvery = 1024;
constexpr double kTogetherNsPerClause = 13;
constexpr double kAloneNsPerPosting = 5.5;

// Decides, stretch by stretch, where to stop walking the lists together.
class StretchSwitch {
 public:
  // `postings`: the scorers' postings in all, what summing every document list by list would read.
  StretchSwitch(const std::vector<std::unique_ptr<ClauseScorer>>& scorers, size_t postings, size_t documents)
      : documents_(documents), stretch_(static_cast<uint32_t>(std::max<size_t>(4096, documents / 16))) {
    // One clause's block bounds are its own scores' bounds, and pass over documents well.
    enabled_ = scorers.size() > 1 &&
               std::all_of(scorers.begin(), scorers.end(), [](const auto& scorer) { return scorer->Summable(); });
    alone_share_ = kAloneNsPerPosting * static_cast<double>(postings) / static_cast<double>(documents) /
                   (kTogetherNsPerClause * static_cast<double>(scorers.size()));
  }
  // Called for each document scored in full, in order, with the top's threshold after it: whether the
  // documents after it up to `end` (its stretch's end) are better summed list by list. Only once the
  // threshold has settled (it rose by under a part in a hundred over the last kCheckEvery documents scored):
  // while it rises, the bounds are about to pass over more.
  bool AfterScoring(uint32_t candidate, double threshold, uint32_t& end) {
    if (!enabled_) return false;
    if (candidate >= end_) {
      begin_ = candidate / stretch_ * stretch_;
      end_ = static_cast<uint32_t>(std::min<size_t>(documents_, size_t{begin_} + stretch_));
      scored_ = 0;
    }
    end = end_;
    if (++scored_ % kCheckEvery != 0) return false;
    const bool settled = threshold <= checked_threshold_ * kSettled;
    checked_threshold_ = threshold;
    return settled && candidate + 1 < end_ &&
           static_cast<double>(scored_) > alone_share_ * static_cast<double>(candidate + 1 - begin_);
  }

 private:
  size_t documents_;
  uint32_t stretch_;  // a sixteenth of the index, at least 4,096 documents
  bool enabled_ = false;
  double alone_share_ = 0;        // the share of documents scored in full above which reading alone is cheaper
  uint32_t begin_ = 0, end_ = 0;  // the stretch of the last document scored in full
  size_t scored_ = 0;             // documents scored in full in it
  double checked_threshold_ = 0;  // the threshold at the last check
  static constexpr double kSettled = 1.01;
};

// The match set's documents in [from, to), each list read on its own into one sum per document.
void ScoreStretchListByList(const std::vector<std::unique_ptr<ClauseScorer>>& scorers, const Bitset& match,
                            uint32_t from, uint32_t to, TopK& top) {
  thread_local std::vector<double> sums;
  sums.assign(to - from, 0);
  for (const auto& scorer : scorers) scorer->AddScores(from, to, sums.data());
  // Nearly every document of a broad query's stretch matches and falls short of the top: the sums are read
  // in order against the threshold, and only those above it are looked up in the match set.
  double threshold = top.threshold();
  for (uint32_t doc = from; doc < to; ++doc) {
    const double sum = sums[doc - from];
    if (sum <= threshold || !match.Test(doc)) continue;
    top.Offer(sum, doc);
    threshold = top.threshold();
  }
}

void ScoreWithMaxScore(std::vector<std::unique_ptr<ClauseScorer>>& scorers, const Bitset& match, size_t postings,
                       size_t documents, TopK& top) {
  std::sort(scorers.begin(), scorers.end(), [](const auto& a, const auto& b) { return a->MaxScore() < b->MaxScore(); });
  const size_t count = scorers.size();
  std::vector<double> below(count + 1, 0);  // below[i]: the most scorers [0, i) can add together
  std::vector<double> run_bounds(count, 0);
  for (size_t idx = 0; idx < count; ++idx) below[idx + 1] = below[idx] + scorers[idx]->MaxScore();
  size_t essential = 0;    // scorers [0, essential) only add to documents the others found
  bool run_known = false;  // run_bounds hold for the candidates up to run_last
  uint32_t run_last = 0;
  StretchSwitch stretches(scorers, postings, documents);
  while (essential < count) {
    uint32_t candidate = kEndDoc;
    for (size_t idx = essential; idx < count; ++idx) candidate = std::min(candidate, scorers[idx]->doc());
    if (candidate == kEndDoc) break;
    if (!match.Test(candidate)) {
      uint32_t target = match.NextSet(candidate);
      if (target == kEndDoc) break;
      for (size_t idx = essential; idx < count; ++idx) scorers[idx]->SeekGEQ(target);
      continue;
    }
    // A document can only enter the top by beating the k-th score (ties go to the earlier document, and
    // documents come in order). Bounds are rounded up, so one within a part in a million of the k-th score
    // counts as a tie: without that, the many postings that repeat the k-th posting could never be skipped.
    const double threshold = top.threshold() * (1 + kTieSlack);
    if (top.full()) {
      // First over the run up to the nearest block end (a scorer whose next document lies past it adds
      // nothing), then for the candidate alone (only the clauses that hold it count). The run's bounds hold
      // for every candidate up to its end, so they are worked out once per run, not per document: a broad
      // query's runs nearly all compete.
      if (!run_known || candidate > run_last) {
        double run_bound = below[essential];
        uint32_t last = kEndDoc;
        for (size_t idx = essential; idx < count; ++idx) {
          uint32_t scorer_last = kEndDoc;
          run_bounds[idx] = scorers[idx]->BlockBound(scorer_last);
          last = std::min(last, scorer_last);
        }
        for (size_t idx = essential; idx < count; ++idx) {
          if (scorers[idx]->doc() <= last) run_bound += run_bounds[idx];
        }
        if (run_bound <= threshold) {
          // Pass over further runs by their block headers alone; decode only where a run can compete.
          while (last != kEndDoc) {
            uint32_t target = last + 1, next_last = kEndDoc;
            double bound = below[essential];
            for (size_t idx = essential; idx < count; ++idx) {
              uint32_t scorer_last = kEndDoc;
              run_bounds[idx] = scorers[idx]->BoundFrom(target, scorer_last);
              next_last = std::min(next_last, scorer_last);
            }
            for (size_t idx = essential; idx < count; ++idx) {
              if (scorers[idx]->doc() <= next_last) bound += run_bounds[idx];
            }
            if (bound > threshold) break;
            last = next_last;
          }
          if (last == kEndDoc) break;
          for (size_t idx = essential; idx < count; ++idx) scorers[idx]->SeekGEQ(last + 1);
          run_known = false;
          continue;
        }
        run_known = true;
        run_last = last;
      }
      double candidate_bound = below[essential];
      for (size_t idx = essential; idx < count; ++idx) {
        if (scorers[idx]->doc() == candidate) candidate_bound += scorers[idx]->BoundAtDoc(run_bounds[idx]);
      }
      if (candidate_bound <= threshold) {
        for (size_t idx = essential; idx < count; ++idx) {
          if (scorers[idx]->doc() == candidate) scorers[idx]->Next();
        }
        continue;
      }
    }
    double score = 0;
    for (size_t idx = essential; idx < count; ++idx) {
      if (scorers[idx]->doc() != candidate) continue;
      score += scorers[idx]->Score();
      scorers[idx]->Next();
    }
    for (size_t idx = essential; idx-- > 0;) {
      if (top.full() && score + below[idx + 1] <= threshold) break;
      scorers[idx]->SeekGEQ(candidate);
      if (scorers[idx]->doc() == candidate) score += scorers[idx]->Score();
    }
    top.Offer(score, candidate);
    if (uint32_t stretch_end = 0; stretches.AfterScoring(candidate, top.threshold(), stretch_end)) {
      ScoreStretchListByList(scorers, match, candidate + 1, stretch_end, top);
      for (size_t idx = essential; idx < count; ++idx) scorers[idx]->SeekGEQ(stretch_end);
      run_known = false;
    }
    while (essential < count && top.full() && below[essential + 1] <= top.threshold() * (1 + kTieSlack)) ++essential;
  }
}

// One scorer a positive clause; a kept phrase, one a word.
std::vector<std::unique_ptr<ClauseScorer>> MakeScorers(const Impl& impl, const std::vector<CompiledClause>& clauses) {
  std::vector<std::unique_ptr<ClauseScorer>> scorers;
  for (const CompiledClause& clause : clauses) {
    if (clause.kind == QueryClause::Kind::kMustNot) continue;
    if (!clause.phrase_set) {
      scorers.push_back(MakeScorer(impl, clause));
      continue;
    }
    for (uint32_t term : clause.terms)
      scorers.push_back(std::make_unique<InSetScorer>(std::make_unique<TermScorer>(impl, term), *clause.phrase_set));
  }
  return scorers;
}

// Scores the documents of `match` into `top`: directly when they are few next to the clauses' postings,
// else by walking the lists with MaxScore. Walking wins down to about one match in 128 postings: a rare
// word of high weight soon leaves the common words' lists to be consulted only for its own documents
// (at 1M postings, `aws data engineer`: 133,000 documents hold all three words among 2M postings;
// directly 13.5 ms, walking 2.1 ms). Chosen on the unique 1M benchmark: one in 8 -> 128 took the
// filtered queries' p50 from 5.9 to 1.7 ms, the `and` queries' from 6.3 to 3.1 ms.
constexpr size_t kPostingsPerMatchToScoreDirectly = 128;
void ScoreSet(const Impl& impl, const std::vector<CompiledClause>& clauses,
              std::vector<std::unique_ptr<ClauseScorer>> scorers, const Bitset& match, TopK& top) {
  size_t postings = 0;
  for (const CompiledClause& clause : clauses) {
    if (clause.kind != QueryClause::Kind::kMustNot) postings += clause.Postings(impl);
  }
  if (match.Count() * kPostingsPerMatchToScoreDirectly < postings)
    ScoreMatchesDirectly(scorers, match, top);
  else
    ScoreWithMaxScore(scorers, match, postings, impl.docs.size(), top);
}

// The top of the match set by BM25F. With several positive clauses, the documents holding all of them
// are ranked first: they usually are the top, and a document missing a clause can score at most the sum
// of the clauses' maxima less the smallest, so once the k-th score reaches that, the rest (most of a broad
// query's matches) need not be looked at.
void RankByRelevance(const Impl& impl, const std::vector<CompiledClause>& clauses, const Bitset& match, TopK& top) {
  std::vector<const CompiledClause*> positive;
  for (const CompiledClause& clause : clauses) {
    if (clause.kind != QueryClause::Kind::kMustNot) positive.push_back(&clause);
  }
  if (positive.empty()) {
    match.ForEach([&](uint32_t doc) {
      top.Offer(0, doc);
      return !top.full();
    });
    return;
  }
  if (positive.size() == 1) {
    ScoreSet(impl, clauses, MakeScorers(impl, clauses), match, top);
    return;
  }
  thread_local Bitset holding_all, clause_docs;
  holding_all = match;
  for (const CompiledClause* clause : positive) {
    clause_docs.Resize(impl.docs.size());
    clause_docs.Clear();
    AddClauseDocs(*clause, impl, clause_docs);
    holding_all.And(clause_docs);
  }
  std::vector<std::unique_ptr<ClauseScorer>> scorers = MakeScorers(impl, clauses);
  double sum = 0, smallest = std::numeric_limits<double>::max();
  for (const auto& scorer : scorers) {
    sum += scorer->MaxScore();
    smallest = std::min(smallest, scorer->MaxScore());
  }
  ScoreSet(impl, clauses, std::move(scorers), holding_all, top);
  if (top.full() && sum - smallest <= top.threshold() * (1 + kTieSlack)) return;
  clause_docs = match;
  clause_docs.AndNot(holding_all);
  ScoreSet(impl, clauses, MakeScorers(impl, clauses), clause_docs, top);
}

// The filters that have no bitset, checked document by document.
struct ScanFilters {
  const Impl& impl;
  const Filters& filters;
  std::vector<uint32_t> any_skills, all_skills;
  std::optional<uint32_t> company, country, region, city;
  int32_t from = 0, to = 0;
  bool impossible = false;

  ScanFilters(const Impl& index, const Filters& wanted) : impl(index), filters(wanted) {
    for (const std::string& skill : filters.skills_any) {
      if (auto id = impl.skills.Find(skill)) any_skills.push_back(*id);
    }
    if (!filters.skills_any.empty() && any_skills.empty()) impossible = true;
    for (const std::string& skill : filters.skills_all) {
      if (auto id = impl.skills.Find(skill))
        all_skills.push_back(*id);
      else
        impossible = true;
    }
    auto resolve = [&](const std::string& value, const Interner& interner, std::optional<uint32_t>& slot) {
      if (value.empty()) return;
      slot = interner.Find(value);
      if (!slot) impossible = true;
    };
    resolve(AsciiLower(filters.company), impl.companies, company);
    resolve(filters.country, impl.places, country);
    resolve(AsciiLower(filters.region), impl.places, region);
    resolve(AsciiLower(filters.city), impl.places, city);
    if (!filters.posted_from.empty()) from = DateKey(filters.posted_from);
    if (!filters.posted_to.empty()) to = DateKey(filters.posted_to);
  }
  bool active() const {
    return !any_skills.empty() || !all_skills.empty() || company || country || region || city ||
           !filters.posted_from.empty() || !filters.posted_to.empty() || filters.min_salary_usd ||
           filters.max_salary_usd;
  }
  bool Passes(uint32_t doc_number) const {
    if (filters.min_salary_usd || filters.max_salary_usd) {
      const auto [low, high] = impl.pay[doc_number];
      if (std::isnan(low)) return false;
      if (filters.min_salary_usd && high < *filters.min_salary_usd) return false;  // ranges overlap
      if (filters.max_salary_usd && low > *filters.max_salary_usd) return false;
    }
    if (company || country || region || city || !filters.posted_from.empty() || !filters.posted_to.empty()) {
      const DocMeta& doc = impl.docs[doc_number];
      if (company && doc.company != *company) return false;
      if (country && doc.country != *country) return false;
      if (region && doc.region != *region) return false;
      if (city && doc.city != *city) return false;
      if (!filters.posted_from.empty() && (doc.date == 0 || doc.date < from)) return false;
      if (!filters.posted_to.empty() && (doc.date == 0 || doc.date > to)) return false;
    }
    if (!any_skills.empty() || !all_skills.empty()) {
      auto has = [&](uint32_t skill) { return impl.HasSkill(doc_number, skill); };
      if (!any_skills.empty() && std::none_of(any_skills.begin(), any_skills.end(), has)) return false;
      if (!std::all_of(all_skills.begin(), all_skills.end(), has)) return false;
    }
    return true;
  }
};

// Keeps the documents having any of `values` of a facet.
void KeepFacetValues(const Impl& impl, int facet, const std::vector<uint32_t>& values, Bitset& match, Bitset& scratch) {
  if (values.empty()) return;
  const auto& by_value = impl.prepared.facets[facet].by_value;
  scratch.Resize(impl.docs.size());
  scratch.Clear();
  for (uint32_t value : values) {
    if (value < by_value.size()) scratch.Or(by_value[value]);
  }
  match.And(scratch);
}

// Empty for a value never shown (no company, no country). Views names that live as long as the index.
std::string_view FacetValueName(const Impl& impl, int facet, uint32_t value) {
  switch (facet) {
    case internal::kRoleFacet:
      return RoleName(static_cast<Role>(value));
    case internal::kLevelFacet:
      return LevelName(static_cast<Level>(value));
    case internal::kRemoteFacet:
      return RemoteModeName(static_cast<RemoteMode>(value));
    case internal::kEmploymentFacet:
      return EmploymentTypeName(static_cast<EmploymentType>(value));
    case internal::kCountryFacet:
      return impl.places.Value(value);
    case internal::kCompanyFacet:
      return impl.companies.Value(value);
    default:
      return impl.skills.Value(value);
  }
}

// The `keep` values with the most matching documents, most first (ties by name). Values are counted most
// frequent first, and counting stops once `keep` of them beat every total left; the values without a bitset
// are walked only when one of them could still enter.
std::vector<FacetValue> CountFacet(const Impl& impl, int facet, const Bitset& match, size_t keep = 20) {
  const internal::FacetBitsets& bitsets = impl.prepared.facets[facet];
  std::vector<int64_t> counts(bitsets.by_value.size(), 0);
  std::priority_queue<int64_t, std::vector<int64_t>, std::greater<>> best;  // the `keep` highest counts
  auto beaten = [&](size_t bound) { return best.size() == keep && best.top() > static_cast<int64_t>(bound); };
  for (uint32_t value : bitsets.frequent) {
    if (beaten(bitsets.totals[value])) break;
    counts[value] = static_cast<int64_t>(bitsets.CountIn(value, match));
    if (FacetValueName(impl, facet, value).empty()) continue;  // never shown
    best.push(counts[value]);
    if (best.size() > keep) best.pop();
  }
  if (!beaten(bitsets.rest_most)) {
    match.ForEachAnd(bitsets.rest, [&](uint32_t doc) {
      impl.ForEachFacetValue(facet, doc, [&](uint32_t value) {
        if (!bitsets.Kept(value)) ++counts[value];
      });
    });
  }
  // Ranked by (count, name) as views; only the values kept become strings.
  std::vector<std::pair<int64_t, std::string_view>> ranked;
  for (uint32_t value = 0; value < counts.size(); ++value) {
    if (counts[value] == 0) continue;
    std::string_view name = FacetValueName(impl, facet, value);
    if (!name.empty()) ranked.push_back({counts[value], name});
  }
  keep = std::min(keep, ranked.size());
  std::partial_sort(
      ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end(),
      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<FacetValue> list;
  list.reserve(keep);
  for (size_t idx = 0; idx < keep; ++idx) list.push_back({std::string(ranked[idx].second), ranked[idx].first});
  return list;
}

}  // namespace

SearchResult SearchIndex::Search(const SearchRequest& request) const {
  const Impl& impl = *impl_;
  impl.Prepare();
  SearchResult result;
  const size_t doc_count = impl.docs.size();

  std::vector<CompiledClause> clauses;
  bool any_positive = false, any_must = false;
  for (const QueryClause& clause : request.query.clauses) {
    clauses.push_back(Compile(impl, clause, result.expanded_terms));
    any_positive = any_positive || clause.kind != QueryClause::Kind::kMustNot;
    any_must = any_must || clause.kind == QueryClause::Kind::kMust;
  }

  // (1) The match set.
  thread_local Bitset match, scratch;
  if (any_must || !any_positive) {
    match.Fill(doc_count);
  } else {
    match.Resize(doc_count);
    match.Clear();
  }
  for (CompiledClause& clause : clauses) {
    if (clause.kind != QueryClause::Kind::kShould || any_must) continue;
    // Any word of an or-query may bring a document in, a phrase too: it is looked for everywhere.
    if (clause.pending()) clause.hits = FindPhrase(impl, std::exchange(clause.phrase, {}));
    AddClauseDocs(clause, impl, match);
  }
  for (const CompiledClause& clause : clauses) {  // after the or-ing, which would undo them
    if (clause.kind != QueryClause::Kind::kShould && !clause.pending())
      ApplyRequiredOrExcluded(clause, impl, match, scratch);
  }
  const Filters& filters = request.filters;
  auto enum_values = [](const auto& wanted) {
    std::vector<uint32_t> values;
    for (auto value : wanted) values.push_back(static_cast<uint32_t>(value));
    return values;
  };
  KeepFacetValues(impl, internal::kRoleFacet, enum_values(filters.roles), match, scratch);
  KeepFacetValues(impl, internal::kLevelFacet, enum_values(filters.levels), match, scratch);
  if (filters.remote)
    KeepFacetValues(impl, internal::kRemoteFacet, {static_cast<uint32_t>(*filters.remote)}, match, scratch);
  if (filters.employment_type) {
    KeepFacetValues(impl, internal::kEmploymentFacet, {static_cast<uint32_t>(*filters.employment_type)}, match,
                    scratch);
  }
  ScanFilters scan(impl, filters);
  if (scan.impossible) {
    match.Clear();
  } else if (scan.active()) {
    if (filters.min_salary_usd || filters.max_salary_usd) match.And(impl.prepared.paid);
    match.ForEach([&](uint32_t doc) {
      if (!scan.Passes(doc)) match.Reset(doc);
      return true;
    });
  }
  // The phrases left are looked for only in the documents that match the rest (positions are most of a
  // phrase's cost): a required one among those holding the other required words and passing the filters,
  // then an excluded one, then one that only adds to the score.
  // A posting whose linked duplicate matches is ranked below by its own words as well: those postings are
  // looked in too.
  const Bitset* phrase_within = &match;
  thread_local Bitset widened;
  if (!impl.shadows.empty() && std::any_of(clauses.begin(), clauses.end(), [](const auto& c) { return c.pending(); })) {
    widened = match;
    match.ForEachAnd(impl.shadow_set, [&](uint32_t shadow) { widened.Set(impl.docs[shadow].canonical); });
    phrase_within = &widened;
  }
  for (QueryClause::Kind kind : {QueryClause::Kind::kMust, QueryClause::Kind::kMustNot, QueryClause::Kind::kShould}) {
    for (CompiledClause& clause : clauses) {
      if (clause.kind != kind || !clause.pending()) continue;
      clause.hits = FindPhrase(impl, std::exchange(clause.phrase, {}), phrase_within);
      if (kind != QueryClause::Kind::kShould) ApplyRequiredOrExcluded(clause, impl, match, scratch);
    }
  }
  // A linked duplicate that matches counts for the posting it repeats, and is never a hit itself. Those whose
  // posting did not match by itself are kept aside to rank it (their words are the ones that matched).
  thread_local Bitset matched_shadows;
  thread_local std::vector<uint32_t> hit_shadows;
  bool any_shadow = false;
  if (!impl.shadows.empty()) {
    hit_shadows.clear();
    match.ForEachAnd(impl.shadow_set, [&](uint32_t shadow) { hit_shadows.push_back(shadow); });
    matched_shadows.Resize(doc_count);
    matched_shadows.Clear();
    for (uint32_t shadow : hit_shadows) {
      if (match.Test(impl.docs[shadow].canonical)) continue;
      matched_shadows.Set(shadow);
      any_shadow = true;
    }
    for (uint32_t shadow : hit_shadows) {
      match.Reset(shadow);
      match.Set(impl.docs[shadow].canonical);
    }
  }
  result.total = static_cast<int64_t>(match.Count());

  if (request.facets) {
    for (int facet = 0; facet < internal::kFacetFields; ++facet) {
      const std::string name = internal::kFacetNames[facet];
      const auto& wanted = request.facet_fields;
      if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), name) == wanted.end()) continue;
      result.facets[name] = CountFacet(impl, facet, match);
    }
  }

  if (request.salary_stats) {
    SalaryStats stats;
    double midpoint_sum = 0;
    match.ForEachAnd(impl.prepared.paid, [&](uint32_t doc) {
      const auto [low, high] = impl.pay[doc];
      stats.min = stats.postings == 0 ? low : std::min<double>(stats.min, low);
      stats.max = stats.postings == 0 ? high : std::max<double>(stats.max, high);
      midpoint_sum += (static_cast<double>(low) + static_cast<double>(high)) / 2;
      ++stats.postings;
    });
    if (stats.postings > 0) stats.avg = midpoint_sum / static_cast<double>(stats.postings);
    result.salary_stats = stats;
  }

  // (2) and (3): the page.
  const size_t wanted = request.offset + request.limit;
  std::vector<std::pair<double, uint32_t>> ranked;
  if (request.sort == SortBy::kRelevance) {
    TopK top(wanted);
    RankByRelevance(impl, clauses, match, top);
    ranked = top.Sorted();
    if (any_shadow) {
      // A posting found only through a duplicate ranks by the duplicate's score (it may hold none of the
      // query's words itself).
      TopK through_shadows(wanted);
      RankByRelevance(impl, clauses, matched_shadows, through_shadows);
      std::unordered_map<uint32_t, double> best;
      for (const auto& [score, doc] : ranked) best[doc] = score;
      for (const auto& [score, shadow] : through_shadows.Sorted()) {
        auto [it, inserted] = best.try_emplace(impl.docs[shadow].canonical, score);
        if (!inserted) it->second = std::max(it->second, score);
      }
      ranked.clear();
      for (const auto& [doc, score] : best) ranked.push_back({score, doc});
      std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
      });
      if (ranked.size() > wanted) ranked.resize(wanted);
    }
  } else {
    auto key = [&](uint32_t doc) -> double {
      const DocMeta& meta = impl.docs[doc];
      if (request.sort == SortBy::kDate) return meta.date;
      float high = impl.pay[doc].second;
      return std::isnan(high) ? -1.0 : high;
    };
    TopK top(wanted);
    match.ForEach([&](uint32_t doc) {
      top.Offer(key(doc), doc);
      return true;
    });
    ranked = top.Sorted();
    // Relevance scores for the page only, visiting its documents in order.
    std::vector<std::unique_ptr<ClauseScorer>> scorers = MakeScorers(impl, clauses);
    std::vector<std::pair<uint32_t, size_t>> order;
    for (size_t rank = 0; rank < ranked.size(); ++rank) order.push_back({ranked[rank].second, rank});
    std::sort(order.begin(), order.end());
    for (const auto& [doc, rank] : order) ranked[rank].first = ScoreAt(scorers, doc);
  }
  for (size_t rank = request.offset; rank < ranked.size(); ++rank) {
    uint32_t doc = ranked[rank].second;
    result.hits.push_back({doc, std::string(impl.ids.Id(doc)), ranked[rank].first});
  }
  return result;
}

SearchResult SearchIndex::MoreLikeThis(const std::string& posting_id, size_t limit) const {
  const Impl& impl = *impl_;
  auto doc = DocumentOf(posting_id);
  if (!doc) return {};
  impl.Prepare();
  // The document's terms with the highest scores, so title and skill terms (weighted higher) come first.
  std::vector<std::pair<double, uint32_t>> weighted;
  for (uint32_t term = 0; term < impl.lists.size(); ++term) {
    if (auto tf = impl.lists[term].Find(*doc)) weighted.push_back({impl.TermScore(*doc, *tf, impl.Idf(term)), term});
  }
  std::sort(weighted.rbegin(), weighted.rend());
  SearchRequest request;
  for (size_t idx = 0; idx < std::min<size_t>(25, weighted.size()); ++idx) {
    QueryClause clause;
    clause.words.push_back(impl.terms[weighted[idx].second]);
    request.query.clauses.push_back(std::move(clause));
  }
  request.limit = limit + 1;
  SearchResult result = Search(request);
  std::erase_if(result.hits, [&](const Hit& hit) { return hit.doc == *doc; });
  if (result.hits.size() > limit) result.hits.resize(limit);
  return result;
}

}  // namespace jobscope::index
