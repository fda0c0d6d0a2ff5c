// Scoring one profile against one posting: the parts, the skills matched with their evidence, the skills
// missing with what each would add, and a one-line verdict.
#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "base/strings.h"
#include "match/internal/score_parts.h"
#include "match/internal/word_vector.h"
#include "match/match.h"

namespace jobscope::match {
namespace internal {
namespace {

// The ladder's rungs; an unknown level has none.
int Rung(Level level) {
  switch (level) {
    case Level::kIntern:
      return -1;  // an internship is for students: two steps below a junior job
    case Level::kEntry:
      return 1;
    case Level::kMid:
      return 2;
    case Level::kSenior:
      return 3;
    case Level::kLead:
      return 4;
    case Level::kExecutive:
      return 5;
    case Level::kUnknown:
      break;
  }
  return -9;
}

std::string Format(const char* format, double a, double b = 0) {
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, format, a, b);
  return buffer;
}

}  // namespace

// Whether a title names a skill: its name as whole words, in any case, symbols kept ("C++" is not "C#"). Names
// of one or two letters (R, C, Go, C#) are left out: in a title they are as often "R&D" or "Go-to-Market".
bool TitleNames(std::string_view title, std::string_view name) {
  if (name.size() < 3) return false;
  const std::string lower_name = AsciiLower(name);
  const auto joins = [](char c) { return IsSkillWordByte(static_cast<unsigned char>(c)) || c == '+' || c == '#'; };
  for (size_t at = FindIgnoreCase(title, lower_name); at != std::string_view::npos;
       at = FindIgnoreCase(title, lower_name, at + 1)) {
    const size_t end = at + lower_name.size();
    if ((at == 0 || !joins(title[at - 1])) && (end == title.size() || !joins(title[end]))) return true;
  }
  return false;
}

PostingTerms TermsOf(const PostingFacts& posting) {
  return {posting.role,      posting.level,
          posting.years_min, posting.remote,
          posting.country,   posting.region,
          posting.city,      posting.salary_max_usd ? posting.salary_max_usd : posting.salary_min_usd};
}

PartPoints Points(const Profile& profile, const PostingTerms& posting, const SkillSums& sums) {
  PartPoints points;
  // Skills asked for (required or named without saying), by how specific each is in the market.
  points.required = kRequiredPoints * sums.required_covered / (sums.required_total + kCoveragePrior);
  // No pluses named: the asked skills stand in, so postings with and without pluses compare.
  points.nice = sums.nice_total > 0 ? kNicePoints * sums.nice_covered / (sums.nice_total + kCoveragePrior)
                                    : points.required * kNicePoints / kRequiredPoints;
  points.role = kRolePoints * RoleFit(profile.role, posting.role);
  int want = Rung(posting.level), have = Rung(profile.level);
  if (want < -1 || have < -1) {
    points.level = 0.7 * kLevelPoints;
  } else {
    // > 0: the post is above the person; a post above costs more than one below. One step up is what people
    // apply for (graders shortlist within a step), two is a stretch.
    int gap = want - have;
    static constexpr double kUp[] = {1.0, 0.85, 0.4, 0.1, 0, 0, 0};
    static constexpr double kDown[] = {1.0, 0.7, 0.3, 0.1, 0, 0, 0};
    points.level = kLevelPoints * (gap >= 0 ? kUp[std::min(gap, 6)] : kDown[std::min(-gap, 6)]);
  }
  if (posting.years_min && *posting.years_min > 0) {
    points.years = profile.total_years >= *posting.years_min ? kYearsPoints
                                                             : kYearsPoints * profile.total_years / *posting.years_min;
  } else {
    points.years = 0.7 * kYearsPoints;
  }
  const Location& here = profile.location;
  if (posting.remote == RemoteMode::kRemote) {
    points.location = kPlacePoints;
  } else if (here.country.empty() || posting.country.empty()) {
    points.location = 0.6 * kPlacePoints;
  } else if (!EqualsIgnoreCase(here.country, posting.country)) {
    points.location = 0;
  } else if ((!here.city.empty() && EqualsIgnoreCase(here.city, posting.city)) ||
             (!here.region.empty() && EqualsIgnoreCase(here.region, posting.region))) {
    points.location = kPlacePoints;
  } else {
    points.location = 0.7 * kPlacePoints;
  }
  if (profile.wants_remote && posting.remote != RemoteMode::kRemote)
    points.location = std::min(points.location, 0.3 * kPlacePoints);
  points.wording = kWordingPoints * std::min(1.0, sums.word_cosine / kWordingSaturation);
  if (profile.desired_salary_usd && posting.salary_max_usd && *posting.salary_max_usd < *profile.desired_salary_usd) {
    double shortfall = (*profile.desired_salary_usd - *posting.salary_max_usd) / *profile.desired_salary_usd;
    points.pay = -kPayPenalty * std::min(1.0, shortfall * 4);
  }
  return points;
}

double Total(const PartPoints& points) {
  double total = points.required + points.nice + points.role + points.level + points.years + points.location +
                 points.wording + points.pay;
  // Rounded to a hundredth so the same parts print and sort alike.
  return std::round(std::clamp(total, 0.0, 100.0) * 100) / 100;
}

void ScoreParts(const Profile& profile, const PostingTerms& posting, const SkillSums& sums, const PartPoints& points,
                std::vector<ScorePart>& parts) {
  parts.clear();
  std::string detail = sums.required_count == 0
                           ? "the posting asks for no skill jobscope knows"
                           : std::to_string(sums.required_held) + " of " + std::to_string(sums.required_count) +
                                 " asked skills" +
                                 Format(" (%.0f%% by weight)", 100 * sums.required_covered / sums.required_total);
  parts.push_back({"required_skills", points.required, kRequiredPoints, detail});
  parts.push_back({"nice_skills", points.nice, kNicePoints,
                   sums.nice_total > 0 ? std::to_string(sums.nice_held) + " of " + std::to_string(sums.nice_count) +
                                             " nice-to-have skills"
                                       : "no nice-to-have skills named: counted as the asked ones"});
  double similarity = RoleSimilarity(profile.role, posting.role);
  std::string yours = " (" + std::string(RoleName(profile.role)) + ")";
  std::string role_detail =
      std::string(RoleName(posting.role)) + (similarity >= 1     ? ": your kind of work"
                                             : similarity >= 0.6 ? ": close to yours" + yours
                                             : similarity >= 0.3 ? ": a neighbour of yours" + yours
                                                                 : ": other work than yours" + yours);
  if (int steps = MlDepthStepsUp(profile.role, posting.role); steps > 0) {
    role_detail += steps == 1 ? ", one step deeper into machine learning"
                              : ", " + std::to_string(steps) + " steps deeper into machine learning";
  }
  parts.push_back({"role", points.role, kRolePoints, role_detail});
  int want = Rung(posting.level), have = Rung(profile.level);
  std::string level_detail = "level not known: 70%";
  if (want >= -1 && have >= -1) {
    int gap = want - have;
    std::string mine = " (" + std::string(LevelName(profile.level)) + ")";
    level_detail =
        std::string(LevelName(posting.level)) + (gap == 0  ? ": your level"
                                                 : gap > 0 ? " post, " + std::to_string(gap) + " above yours" + mine
                                                           : " post, " + std::to_string(-gap) + " below yours" + mine);
  }
  parts.push_back({"level", points.level, kLevelPoints, level_detail});
  parts.push_back({"years", points.years, kYearsPoints,
                   posting.years_min && *posting.years_min > 0
                       ? Format("asks %.0f+ years, you have %.1f", *posting.years_min, profile.total_years)
                       : "no years asked: 70%"});
  const Location& here = profile.location;
  std::string place = posting.remote == RemoteMode::kRemote ? "remote"
                      : here.country.empty()                ? "your place not known: 60%"
                      : posting.country.empty()             ? "the posting's place not known: 60%"
                      : !EqualsIgnoreCase(here.country, posting.country)
                          ? "in " + std::string(posting.country) + ", you are in " + here.country
                      : points.location >= kPlacePoints ? "where you are"
                                                        : "your country, another city";
  if (profile.wants_remote && posting.remote != RemoteMode::kRemote) place += "; you want remote, the posting is not";
  parts.push_back({"location", points.location, kPlacePoints, place});
  parts.push_back({"wording", points.wording, kWordingPoints,
                   Format("the texts' words in common: cosine %.2f (%.2f or more earns all)", sums.word_cosine,
                          kWordingSaturation)});
  if (profile.desired_salary_usd) {
    double want_usd = *profile.desired_salary_usd;
    std::string pay =
        !posting.salary_max_usd ? "pay not stated"
        : *posting.salary_max_usd >= want_usd
            ? Format("pays up to $%.0fk, you ask $%.0fk", *posting.salary_max_usd / 1000, want_usd / 1000)
            : Format("pays at most $%.0fk, below your $%.0fk", *posting.salary_max_usd / 1000, want_usd / 1000);
    parts.push_back({"pay", points.pay, 0, pay});
  }
}

double SkillGain(const SkillSums& sums, double weight, bool required) {
  if (required) {
    // Adding the skill also lifts the nice part when it stands in for the asked skills.
    double gain = kRequiredPoints * weight / (sums.required_total + kCoveragePrior);
    if (sums.nice_total <= 0) gain *= 1 + kNicePoints / kRequiredPoints;
    return gain;
  }
  return kNicePoints * weight / (sums.nice_total + kCoveragePrior);
}

}  // namespace internal

namespace {

double RoleSimilarityOf(Role a, Role b) {
  if (a == b) return a == Role::kOther ? 0.3 : 1.0;  // two "other" jobs need not be alike (lab, DevRel, QA)
  using enum Role;
  // How much of one kind of work carries over to the other, read from the career ladder and the lateral
  // moves people make (DESIGN.md): specialisations of ML are close to each other, data roles to theirs.
  struct Pair {
    Role x, y;
    double similarity;
  };
  static constexpr Pair kPairs[] = {
      {kMlEngineer, kDeepLearningEngineer, 0.8},
      {kMlEngineer, kNlpEngineer, 0.7},
      {kMlEngineer, kComputerVisionEngineer, 0.7},
      {kMlEngineer, kResearchScientist, 0.5},
      {kMlEngineer, kDataScientist, 0.7},
      {kMlEngineer, kDataEngineer, 0.3},
      {kMlEngineer, kMlopsEngineer, 0.7},
      {kMlEngineer, kAiArchitect, 0.5},
      {kMlEngineer, kAiProductManager, 0.2},
      {kMlEngineer, kDataAnalyst, 0.3},
      {kMlEngineer, kSoftwareEngineer, 0.4},
      {kDeepLearningEngineer, kNlpEngineer, 0.7},
      {kDeepLearningEngineer, kComputerVisionEngineer, 0.8},
      {kDeepLearningEngineer, kResearchScientist, 0.6},
      {kDeepLearningEngineer, kDataScientist, 0.5},
      {kDeepLearningEngineer, kMlopsEngineer, 0.5},
      {kDeepLearningEngineer, kAiArchitect, 0.4},
      {kDeepLearningEngineer, kSoftwareEngineer, 0.3},
      {kDeepLearningEngineer, kDataEngineer, 0.2},
      {kDeepLearningEngineer, kDataAnalyst, 0.2},
      {kNlpEngineer, kComputerVisionEngineer, 0.5},
      {kNlpEngineer, kResearchScientist, 0.5},
      {kNlpEngineer, kDataScientist, 0.5},
      {kNlpEngineer, kMlopsEngineer, 0.4},
      {kNlpEngineer, kAiArchitect, 0.4},
      {kNlpEngineer, kSoftwareEngineer, 0.3},
      {kNlpEngineer, kDataEngineer, 0.2},
      {kNlpEngineer, kDataAnalyst, 0.2},
      {kComputerVisionEngineer, kResearchScientist, 0.5},
      {kComputerVisionEngineer, kDataScientist, 0.4},
      {kComputerVisionEngineer, kMlopsEngineer, 0.4},
      {kComputerVisionEngineer, kSoftwareEngineer, 0.3},
      {kComputerVisionEngineer, kAiArchitect, 0.3},
      {kResearchScientist, kDataScientist, 0.5},
      {kDataScientist, kDataEngineer, 0.4},
      {kDataScientist, kDataAnalyst, 0.7},
      {kDataScientist, kMlopsEngineer, 0.3},
      {kDataScientist, kAiProductManager, 0.2},
      {kDataScientist, kSoftwareEngineer, 0.2},
      {kDataScientist, kAiArchitect, 0.3},
      {kDataEngineer, kMlopsEngineer, 0.6},
      {kDataEngineer, kDataAnalyst, 0.4},
      {kDataEngineer, kSoftwareEngineer, 0.5},
      {kDataEngineer, kAiArchitect, 0.4},
      {kMlopsEngineer, kSoftwareEngineer, 0.5},
      {kMlopsEngineer, kAiArchitect, 0.5},
      {kAiArchitect, kSoftwareEngineer, 0.4},
      {kAiArchitect, kAiProductManager, 0.3},
      {kAiProductManager, kDataAnalyst, 0.3},
      {kDataAnalyst, kSoftwareEngineer, 0.1},
  };
  for (const Pair& pair : kPairs) {
    if ((pair.x == a && pair.y == b) || (pair.x == b && pair.y == a)) return pair.similarity;
  }
  return 0.1;
}

}  // namespace

double RoleSimilarity(Role a, Role b) {
  // A table built once: the ranker asks for every posting it scores.
  static const auto kTable = [] {
    constexpr size_t n = static_cast<size_t>(Role::kOther) + 1;
    std::array<std::array<double, n>, n> table{};
    for (size_t x = 0; x < n; ++x) {
      for (size_t y = 0; y < n; ++y) table[x][y] = RoleSimilarityOf(static_cast<Role>(x), static_cast<Role>(y));
    }
    return table;
  }();
  return kTable[static_cast<size_t>(a)][static_cast<size_t>(b)];
}

namespace {

// How much machine learning a role's work asks for, on the ladder of specialisations (DESIGN.md, "Roles"):
// reporting and software roles none, data engineering the pipelines under it, data science and MLOps models
// built or run, ML engineering and architecture models in production, the specialisations and research the
// deepest.
int MlDepth(Role role) {
  switch (role) {
    case Role::kDataEngineer:
      return 1;
    case Role::kDataScientist:
    case Role::kMlopsEngineer:
      return 2;
    case Role::kMlEngineer:
    case Role::kAiArchitect:
      return 3;
    case Role::kDeepLearningEngineer:
    case Role::kNlpEngineer:
    case Role::kComputerVisionEngineer:
    case Role::kResearchScientist:
      return 4;
    default:
      return 0;
  }
}

}  // namespace

int MlDepthStepsUp(Role person, Role job) { return person == job ? 0 : std::max(0, MlDepth(job) - MlDepth(person)); }

double RoleFit(Role person, Role job) {
  return RoleSimilarity(person, job) * std::max(0.0, 1 - internal::kDeeperStepCost * MlDepthStepsUp(person, job));
}

SkillWeights::SkillWeights(std::map<std::string, int64_t> postings_per_skill, int64_t postings,
                           const std::set<std::string>& non_technical,
                           const std::unordered_map<uint32_t, int64_t>& postings_per_word)
    : postings_(postings) {
  double n = static_cast<double>(postings);
  for (const auto& [hash, df] : postings_per_word) {
    word_idf_[hash] = static_cast<float>(1 + std::log((n + 1) / (static_cast<double>(df) + 1)));
  }
  if (!postings_per_word.empty()) default_word_idf_ = static_cast<float>(1 + std::log(n + 1));
  for (const auto& [id, df] : postings_per_skill) {
    double weight = 1 + std::log((static_cast<double>(postings) + 1) / (static_cast<double>(df) + 1));
    weights_[id] = non_technical.count(id) ? weight * kNonTechnicalFactor : weight;
  }
}

double SkillWeights::Weight(std::string_view skill_id) const {
  auto it = weights_.find(skill_id);
  if (it != weights_.end()) return it->second;
  return 1 + std::log(static_cast<double>(postings_) + 1);
}

PostingFacts FactsOf(const Posting& posting, const taxonomy::Taxonomy* taxonomy) {
  PostingFacts facts;
  facts.id = posting.id;
  facts.title = posting.raw.title;
  facts.company = posting.raw.company;
  const Understanding& u = posting.understood;
  facts.role = u.role;
  facts.level = u.level;
  facts.years_min = u.years_experience_min;
  facts.country = u.location.country;
  facts.region = u.location.region;
  facts.city = u.location.city;
  facts.remote = u.remote;
  facts.employment_type = u.employment_type;
  facts.date_posted = posting.raw.date_posted;
  facts.salary_min_usd = u.salary.annual_min_usd;
  facts.words = internal::CountWords(posting.raw.title + "\n" + posting.raw.description);
  facts.salary_max_usd = u.salary.annual_max_usd;
  // Each skill once; asked beats a plus when a posting names it both ways.
  std::map<std::string, size_t> seen;
  for (const SkillMention& mention : u.skills) {
    bool required = mention.requirement != Requirement::kNiceToHave;
    auto [it, added] = seen.try_emplace(mention.skill_id, facts.skills.size());
    if (added) {
      const taxonomy::Skill* skill = taxonomy ? taxonomy->FindById(mention.skill_id) : nullptr;
      bool technical = !skill || taxonomy::IsTechnicalType(taxonomy::SkillType(skill->category));
      facts.skills.push_back({mention.skill_id, mention.name, required, technical});
    } else if (required)
      facts.skills[it->second].required = true;
  }
  // What the posting is about weighs more: the skills its title names and those it comes back to (on the
  // gold set's dev half, 0.672 -> 0.698; the title +1 gave 0.688, +3 0.702; repeats x1 0.701).
  std::map<std::string_view, int> mentions;
  for (const SkillMention& mention : u.skills) ++mentions[mention.skill_id];
  for (PostingFacts::Skill& skill : facts.skills) {
    const bool in_title = internal::TitleNames(posting.raw.title, skill.name);
    const double emphasis = 1 + 0.5 * std::log(mentions[skill.skill_id]) + (in_title ? 2 : 0);
    skill.emphasis = internal::QuantizedEmphasis(emphasis);
  }
  return facts;
}

Match ScoreMatch(const Profile& profile, const PostingFacts& posting, const SkillWeights& weights) {
  std::map<std::string_view, const ProfileSkill*> held;
  for (const ProfileSkill& skill : profile.skills) held.emplace(skill.skill_id, &skill);
  internal::SkillSums sums;
  Match match;
  match.posting_id = posting.id;
  match.title = posting.title;
  match.company = posting.company;
  for (const PostingFacts::Skill& skill : posting.skills) {
    double weight = weights.Weight(skill);
    auto it = held.find(skill.skill_id);
    (skill.required ? sums.required_total : sums.nice_total) += weight;
    (skill.required ? sums.required_count : sums.nice_count) += 1;
    if (it != held.end()) {
      (skill.required ? sums.required_covered : sums.nice_covered) += weight;
      (skill.required ? sums.required_held : sums.nice_held) += 1;
      match.matched.push_back({skill.skill_id, skill.name, skill.required, it->second->evidence});
    }
  }
  for (const PostingFacts::Skill& skill : posting.skills) {
    if (held.count(skill.skill_id)) continue;
    match.missing.push_back(
        {skill.skill_id, skill.name, skill.required, internal::SkillGain(sums, weights.Weight(skill), skill.required)});
  }
  internal::WordTable profile_words(internal::Weigh(profile.words, weights.word_idf(), weights.default_word_idf(), 0));
  internal::WordVector posting_words =
      internal::Weigh(posting.words, weights.word_idf(), weights.default_word_idf(), internal::kPostingWords);
  sums.word_cosine = profile_words.Cosine(posting_words.hashes, posting_words.weights);
  std::stable_sort(match.missing.begin(), match.missing.end(), [](const MissingSkill& a, const MissingSkill& b) {
    if (a.points != b.points) return a.points > b.points;
    return a.skill_id < b.skill_id;
  });
  const internal::PostingTerms terms = internal::TermsOf(posting);
  const internal::PartPoints points = internal::Points(profile, terms, sums);
  internal::ScoreParts(profile, terms, sums, points, match.parts);
  match.score = internal::Total(points);
  // The verdict: a word for the score, the part that cost most, and the best skill to add.
  const char* label = match.score >= 75   ? "Strong fit"
                      : match.score >= 55 ? "Good fit"
                      : match.score >= 35 ? "Partial fit"
                                          : "Weak fit";
  const ScorePart* costliest = nullptr;
  for (const ScorePart& part : match.parts) {
    double lost = part.max_points - part.points;
    // Every skill held: what the skill parts lack is the short list's doubt, not a gap to name.
    bool skills_complete =
        (part.name == "required_skills" && sums.required_held == sums.required_count) ||
        (part.name == "nice_skills" && sums.nice_held == sums.nice_count && sums.required_held == sums.required_count);
    if (skills_complete) continue;
    if (lost > 2 && (!costliest || lost > costliest->max_points - costliest->points)) costliest = &part;
  }
  char score[16];
  std::snprintf(score, sizeof score, "%.0f", match.score);
  match.verdict = std::string(label) + " (" + score + "/100)";
  if (costliest) match.verdict += "; most lost on " + costliest->name + ": " + costliest->detail;
  if (!match.missing.empty()) {
    char gain[32];
    std::snprintf(gain, sizeof gain, "%.1f", match.missing.front().points);
    match.verdict += "; best skill to add: " + match.missing.front().name + " (+" + gain + ")";
  }
  return match;
}

}  // namespace jobscope::match
