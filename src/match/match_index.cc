// The market a profile is ranked against: per skill the postings that name it, per posting a compact record.
// A query adds up, posting by posting, the weights of the profile's skills each posting asks for (one pass
// over the lists of the profile's skills), then scores every posting touched with the same arithmetic as
// ScoreMatch, keeps the best `limit`, and explains those in full.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <queue>
#include <set>
#include <unordered_map>

#include "base/strings.h"
#include "match/internal/score_parts.h"
#include "match/internal/word_vector.h"
#include "match/match.h"
#include "text/text.h"

namespace jobscope::match {
namespace {
constexpr size_t kRoleCount = static_cast<size_t>(Role::kOther) + 1;
}  // namespace

// What the ranker reads of each posting, packed so a market's worth stays in cache as it is scanned.
struct DocTerms {
  float required_total = 0, nice_total = 0;  // weights of the skills asked and of the pluses
  double salary_max = std::nan("");          // annual USD, NaN unknown
  int8_t years_min = -1;                     // -1 unknown
  Role role = Role::kOther;
  Level level = Level::kUnknown;
  RemoteMode remote = RemoteMode::kUnknown;
};

struct MatchIndex::Impl {
  std::vector<PostingFacts> postings;  // by document number
  std::vector<DocTerms> terms;         // by document number
  // Each posting's word vector (its 64 heaviest words, unit length): document d's are [word_begin[d],
  // word_begin[d + 1]) of the two arrays.
  std::vector<uint32_t> word_begin, word_hashes;
  std::vector<float> word_weights;
  std::unordered_map<std::string, uint32_t> skill_numbers;
  // Per skill, each posting naming it: document << 1 | required, and beside it the skill's emphasis there
  // in eighths above 1 (PostingFacts::Skill::emphasis).
  std::vector<std::vector<uint32_t>> lists;
  std::vector<std::vector<uint8_t>> list_emphasis;
  std::unordered_map<std::string, uint32_t> document_of;
  // For reading a profile's role off the market: postings per role, and per skill the postings of each role.
  std::array<int64_t, kRoleCount> role_postings{};
  std::vector<std::array<int32_t, kRoleCount>> skill_role_postings;
};

MatchIndex::MatchIndex() : impl_(std::make_unique<Impl>()) {}
MatchIndex::~MatchIndex() = default;
size_t MatchIndex::size() const { return impl_->postings.size(); }

std::unique_ptr<MatchIndex> MatchIndex::FromPostings(std::vector<PostingFacts> postings) {
  std::unique_ptr<MatchIndex> index(new MatchIndex());
  Impl& impl = *index->impl_;
  impl.postings = std::move(postings);
  std::unordered_map<uint32_t, int64_t> word_frequency;
  for (const PostingFacts& posting : impl.postings) {
    for (const auto& [hash, tf] : posting.words) ++word_frequency[hash];
  }
  std::map<std::string, int64_t> document_frequency;
  std::set<std::string> non_technical;
  for (uint32_t doc = 0; doc < impl.postings.size(); ++doc) {
    PostingFacts& posting = impl.postings[doc];
    impl.document_of[posting.id] = doc;
    for (auto& skill : posting.skills) {
      // On the grid the lists keep, so a posting scored from its facts scores as the ranker scores it.
      skill.emphasis = internal::QuantizedEmphasis(skill.emphasis);
      ++document_frequency[skill.skill_id];
      if (!skill.technical) non_technical.insert(skill.skill_id);
      auto [it, added] = impl.skill_numbers.try_emplace(skill.skill_id, impl.lists.size());
      if (added) {
        impl.lists.emplace_back();
        impl.list_emphasis.emplace_back();
        impl.skill_role_postings.emplace_back();
      }
      impl.lists[it->second].push_back(doc << 1 | (skill.required ? 1u : 0u));
      impl.list_emphasis[it->second].push_back(internal::EmphasisSteps(skill.emphasis));
      ++impl.skill_role_postings[it->second][static_cast<size_t>(posting.role)];
    }
    ++impl.role_postings[static_cast<size_t>(posting.role)];
  }
  index->weights_ = SkillWeights(std::move(document_frequency), static_cast<int64_t>(impl.postings.size()),
                                 non_technical, word_frequency);
  impl.word_begin.reserve(impl.postings.size() + 1);
  impl.word_begin.push_back(0);
  for (PostingFacts& posting : impl.postings) {
    internal::WordVector vector = internal::Weigh(posting.words, index->weights_.word_idf(),
                                                  index->weights_.default_word_idf(), internal::kPostingWords);
    impl.word_hashes.insert(impl.word_hashes.end(), vector.hashes.begin(), vector.hashes.end());
    impl.word_weights.insert(impl.word_weights.end(), vector.weights.begin(), vector.weights.end());
    impl.word_begin.push_back(static_cast<uint32_t>(impl.word_hashes.size()));
    // The facts keep the same words only: scored again in full they give the same vector, in less memory.
    std::erase_if(posting.words, [&](const auto& word) {
      return !std::binary_search(vector.hashes.begin(), vector.hashes.end(), word.first);
    });
    posting.words.shrink_to_fit();
  }
  impl.terms.resize(impl.postings.size());
  for (uint32_t doc = 0; doc < impl.postings.size(); ++doc) {
    const PostingFacts& posting = impl.postings[doc];
    DocTerms& terms = impl.terms[doc];
    for (const auto& skill : posting.skills) {
      (skill.required ? terms.required_total : terms.nice_total) += static_cast<float>(index->weights_.Weight(skill));
    }
    auto salary = posting.salary_max_usd ? posting.salary_max_usd : posting.salary_min_usd;
    if (salary) terms.salary_max = *salary;
    if (posting.years_min) terms.years_min = static_cast<int8_t>(std::clamp(*posting.years_min, 0, 100));
    terms.role = posting.role;
    terms.level = posting.level;
    terms.remote = posting.remote;
  }
  return index;
}

StatusOr<std::unique_ptr<MatchIndex>> MatchIndex::Build(store::Store& store, const taxonomy::Taxonomy* taxonomy) {
  std::vector<PostingFacts> postings;
  JS_RETURN_IF_ERROR(store.ForEachPosting([&](Posting& posting) {
    if (posting.duplicate_of.empty()) postings.push_back(FactsOf(posting, taxonomy));
    return true;
  }));
  return FromPostings(std::move(postings));
}

void MatchIndex::CompleteProfile(Profile& profile) const {
  const Impl& impl = *impl_;
  if (profile.role_from_title || impl.postings.empty()) return;
  // The role whose postings' skills the profile's skills are most like: the cosine between the profile
  // (each skill it holds at its market weight) and each role's centroid (the share of the role's postings
  // naming each skill, at the same weight). Roles with few postings are left out: their centroids are noise.
  std::array<double, kRoleCount> dot{}, norm{};
  for (const auto& [id, number] : impl.skill_numbers) {
    double weight = weights_.Weight(id);
    for (size_t r = 0; r < kRoleCount; ++r) {
      if (impl.role_postings[r] == 0) continue;
      double share = impl.skill_role_postings[number][r] / static_cast<double>(impl.role_postings[r]) * weight;
      norm[r] += share * share;
    }
  }
  int known = 0;
  for (const ProfileSkill& skill : profile.skills) {
    auto number = impl.skill_numbers.find(skill.skill_id);
    if (number == impl.skill_numbers.end()) continue;
    ++known;
    double weight = weights_.Weight(skill.skill_id);
    for (size_t r = 0; r < kRoleCount; ++r) {
      if (impl.role_postings[r] == 0) continue;
      dot[r] +=
          weight * impl.skill_role_postings[number->second][r] / static_cast<double>(impl.role_postings[r]) * weight;
    }
  }
  if (known < 3) return;
  std::optional<size_t> best;
  double best_score = 0;
  for (size_t r = 0; r < kRoleCount; ++r) {
    if (impl.role_postings[r] < 10 || static_cast<Role>(r) == Role::kOther || norm[r] <= 0) continue;
    double score = dot[r] / std::sqrt(norm[r]);
    if (!best || score > best_score) {
      best = r;
      best_score = score;
    }
  }
  if (!best) return;
  profile.role = static_cast<Role>(*best);
  profile.role_evidence +=
      "; its skills are most like the market's " + std::string(RoleName(profile.role)) + " postings";
}

std::optional<PostingFacts> MatchIndex::Facts(std::string_view posting_id) const {
  auto it = impl_->document_of.find(std::string(posting_id));
  if (it == impl_->document_of.end()) return std::nullopt;
  return impl_->postings[it->second];
}

void MatchIndex::ForEachPosting(const std::function<void(const PostingFacts&)>& visit) const {
  for (const auto& posting : impl_->postings) visit(posting);
}

namespace {

bool Names(const PostingFacts& posting, const std::string& skill_id) {
  return std::any_of(posting.skills.begin(), posting.skills.end(),
                     [&](const auto& s) { return s.skill_id == skill_id; });
}

// The search filters, read the way the search index reads them (index.h, Filters).
bool Passes(const PostingFacts& posting, const index::Filters& filters) {
  if (!filters.roles.empty() &&
      std::find(filters.roles.begin(), filters.roles.end(), posting.role) == filters.roles.end())
    return false;
  if (!filters.levels.empty() &&
      std::find(filters.levels.begin(), filters.levels.end(), posting.level) == filters.levels.end())
    return false;
  if (!filters.skills_any.empty() && std::none_of(filters.skills_any.begin(), filters.skills_any.end(),
                                                  [&](const auto& id) { return Names(posting, id); }))
    return false;
  if (!std::all_of(filters.skills_all.begin(), filters.skills_all.end(),
                   [&](const auto& id) { return Names(posting, id); }))
    return false;
  if (!filters.company.empty() && !EqualsIgnoreCase(filters.company, posting.company)) return false;
  if (!filters.country.empty() && !EqualsIgnoreCase(filters.country, posting.country)) return false;
  if (!filters.region.empty() && !EqualsIgnoreCase(filters.region, posting.region)) return false;
  if (!filters.city.empty() && !EqualsIgnoreCase(filters.city, posting.city)) return false;
  if (filters.remote && posting.remote != *filters.remote) return false;
  if (filters.employment_type && posting.employment_type != *filters.employment_type) return false;
  std::string_view date = std::string_view(posting.date_posted).substr(0, 10);
  if (!filters.posted_from.empty() && (date.empty() || date < filters.posted_from)) return false;
  if (!filters.posted_to.empty() && (date.empty() || date > filters.posted_to)) return false;
  if (filters.min_salary_usd || filters.max_salary_usd) {
    auto low = posting.salary_min_usd ? posting.salary_min_usd : posting.salary_max_usd;
    auto high = posting.salary_max_usd ? posting.salary_max_usd : posting.salary_min_usd;
    if (!low) return false;
    if (filters.min_salary_usd && *high < *filters.min_salary_usd) return false;
    if (filters.max_salary_usd && *low > *filters.max_salary_usd) return false;
  }
  return true;
}

struct Ranked {
  double score;
  uint32_t doc;
};

}  // namespace

std::vector<Match> MatchIndex::TopMatches(const Profile& profile, const index::Filters& filters, size_t limit) const {
  const Impl& impl = *impl_;
  if (limit == 0) return {};
  // Per document: the weight of the profile's skills it asks for and names as a plus, and how many. The
  // arrays live on between queries (one set per thread); only the documents touched are reset.
  struct Covered {
    float required = 0, nice = 0;
    uint32_t held = 0;
  };
  struct Scratch {
    std::vector<Covered> covered;  // one cache line holds a document's three counters
    // The documents touched, a bit each: walked in document order, so the per-document arrays are read
    // in order rather than at random (at 1M postings most of a query's time went to those cache misses).
    std::vector<uint64_t> touched;
  };
  thread_local Scratch scratch;
  if (scratch.covered.size() < impl.postings.size()) scratch.covered.assign(impl.postings.size(), Covered{});
  // Sized to this index and cleared each time (a few microseconds at 1M), so no bit of another index or of a
  // query cut short can stand.
  scratch.touched.assign((impl.postings.size() + 63) / 64, 0);
  std::vector<Covered>& covered = scratch.covered;
  std::vector<uint64_t>& touched = scratch.touched;
  // Calls visit(doc) for each document touched, in order.
  const auto for_each_touched = [&touched](auto&& visit) {
    for (size_t word = 0; word < touched.size(); ++word) {
      for (uint64_t bits = touched[word]; bits != 0; bits &= bits - 1)
        visit(static_cast<uint32_t>(word * 64 + static_cast<size_t>(std::countr_zero(bits))));
    }
  };
  size_t touched_count = 0;
  for (const ProfileSkill& skill : profile.skills) {
    auto number = impl.skill_numbers.find(skill.skill_id);
    if (number == impl.skill_numbers.end()) continue;
    const double weight = weights_.Weight(skill.skill_id);
    const std::vector<uint32_t>& entries = impl.lists[number->second];
    const std::vector<uint8_t>& emphasis = impl.list_emphasis[number->second];
    for (size_t at = 0; at < entries.size(); ++at) {
      const uint32_t entry = entries[at];
      Covered& doc = covered[entry >> 1];
      if (doc.held++ == 0) {
        touched[entry >> 7] |= uint64_t{1} << ((entry >> 1) & 63);
        ++touched_count;
      }
      (entry & 1 ? doc.required : doc.nice) += static_cast<float>(weight * internal::EmphasisOfSteps(emphasis[at]));
    }
  }
  // Stage one: every posting touched, scored without its wording part (the only part that needs the words).
  bool filtered = !filters.roles.empty() || !filters.levels.empty() || !filters.skills_any.empty() ||
                  !filters.skills_all.empty() || !filters.company.empty() || !filters.country.empty() ||
                  !filters.region.empty() || !filters.city.empty() || filters.remote || filters.employment_type ||
                  !filters.posted_from.empty() || !filters.posted_to.empty() || filters.min_salary_usd ||
                  filters.max_salary_usd;
  // Places matter only to a profile that names its country; the others never read the postings' strings.
  bool places = !profile.location.country.empty();
  // The points of a document without its wording part: the same for the bound here and the score below.
  const auto points_of = [&](uint32_t doc) {
    const DocTerms& terms = impl.terms[doc];
    internal::SkillSums sums;
    sums.required_total = terms.required_total;
    sums.nice_total = terms.nice_total;
    sums.required_covered = covered[doc].required;
    sums.nice_covered = covered[doc].nice;
    internal::PostingTerms posting{terms.role, terms.level, std::nullopt, terms.remote, {}, {}, {}, std::nullopt};
    if (terms.years_min >= 0) posting.years_min = terms.years_min;
    if (!std::isnan(terms.salary_max)) posting.salary_max_usd = terms.salary_max;
    if (places) {
      const PostingFacts& facts = impl.postings[doc];
      posting.country = facts.country;
      posting.region = facts.region;
      posting.city = facts.city;
    }
    return internal::Points(profile, posting, sums);
  };
  struct Candidate {
    uint32_t bound;  // in hundredths: the score it could reach with every wording point
    uint32_t doc;
  };
  std::vector<Candidate> candidates;
  candidates.reserve(touched_count);
  std::vector<uint32_t> scores_without_wording(10001, 0);  // how many documents score each hundredth
  for_each_touched([&](uint32_t doc) {
    if (filtered && !Passes(impl.postings[doc], filters)) return;
    uint32_t base = static_cast<uint32_t>(std::lround(internal::Total(points_of(doc)) * 100));
    ++scores_without_wording[base];
    // Every wording point added: a bound no lower than the score (the clamp at 0 only raises the base).
    candidates.push_back(
        {std::min<uint32_t>(10000, base + static_cast<uint32_t>(internal::kWordingPoints * 100)), doc});
  });
  // The `limit`-th best score without wording is a floor for the `limit`-th best score: a document whose
  // bound is below it cannot enter, and most of a market is.
  uint32_t floor = 0;
  for (size_t score = 10001, seen = 0; score-- > 0;) {
    seen += scores_without_wording[score];
    if (seen >= limit) {
      floor = static_cast<uint32_t>(score);
      break;
    }
  }
  std::erase_if(candidates, [floor](const Candidate& candidate) { return candidate.bound < floor; });
  // Stage two: the words, for candidates in the order of what they could reach, until none left can enter
  // the best `limit` (a bounded heap whose top is the worst kept; ties to the smaller posting id).
  const auto better = [&](const Ranked& a, const Ranked& b) {
    if (a.score != b.score) return a.score > b.score;
    return impl.postings[a.doc].id < impl.postings[b.doc].id;
  };
  std::priority_queue<Ranked, std::vector<Ranked>, decltype(better)> best(better);
  internal::WordTable words(internal::Weigh(profile.words, weights_.word_idf(), weights_.default_word_idf(), 0));
  // Candidates by bound, highest first, in one counting pass: bounds are hundredths in [0, 100].
  std::vector<uint32_t> bucket_start(10002, 0);
  for (const Candidate& candidate : candidates) ++bucket_start[10000 - candidate.bound];
  for (size_t i = 1; i < bucket_start.size(); ++i) bucket_start[i] += bucket_start[i - 1];
  std::vector<uint32_t> order(candidates.size());
  for (uint32_t i = static_cast<uint32_t>(candidates.size()); i-- > 0;)
    order[--bucket_start[10000 - candidates[i].bound]] = i;
  for (uint32_t index : order) {
    const Candidate& candidate = candidates[index];
    // A candidate that cannot beat the worst kept even with all wording points ends the search (a tie at
    // the bound could still win on the id: only a bound below stops).
    if (best.size() == limit && candidate.bound < std::lround(best.top().score * 100)) break;
    internal::PartPoints points = points_of(candidate.doc);
    uint32_t from = impl.word_begin[candidate.doc], to = impl.word_begin[candidate.doc + 1];
    double cosine =
        words.Cosine({impl.word_hashes.data() + from, to - from}, {impl.word_weights.data() + from, to - from});
    points.wording = internal::kWordingPoints * std::min(1.0, cosine / internal::kWordingSaturation);
    Ranked ranked{internal::Total(points), candidate.doc};
    if (best.size() < limit) {
      best.push(ranked);
    } else if (better(ranked, best.top())) {
      best.pop();
      best.push(ranked);
    }
  }
  for_each_touched([&covered](uint32_t doc) { covered[doc] = Covered{}; });
  std::vector<Ranked> kept;
  while (!best.empty()) {
    kept.push_back(best.top());
    best.pop();
  }
  std::sort(kept.begin(), kept.end(), better);
  std::vector<Match> matches;
  for (const Ranked& ranked : kept) matches.push_back(ScoreMatch(profile, impl.postings[ranked.doc], weights_));
  // The shown scores are summed in full precision; order by them so the list and its numbers agree.
  std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.posting_id < b.posting_id;
  });
  return matches;
}

}  // namespace jobscope::match
