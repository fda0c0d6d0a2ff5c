// The arithmetic of a match score, shared by the full scorer (ScoreMatch, with every skill named) and the
// market ranker (MatchIndex, from per-posting sums), so both give the same number.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "match/match.h"

namespace jobscope::match::internal {

inline constexpr double kRequiredPoints = 36, kNicePoints = 8, kRolePoints = 16, kLevelPoints = 8, kYearsPoints = 8,
                        kPlacePoints = 4, kWordingPoints = 20, kPayPenalty = 10;
// The words' cosine that earns all the wording points: postings and résumés rarely share more (chosen on the
// gold set's dev half: 0.2 beat 0.3 and 0.5).
inline constexpr double kWordingSaturation = 0.2;
// What each step deeper into machine learning takes off the role part's share (RoleFit; chosen on the gold
// set's dev half: 0.3 beat 0.2 and 0.4).
inline constexpr double kDeeperStepCost = 0.3;
// A skill's emphasis in a posting (PostingFacts::Skill) on its grid: eighths from 1 to kMaxEmphasis, which a
// market keeps in a byte beside each posting of a skill's list.
inline uint8_t EmphasisSteps(double emphasis) {
  return static_cast<uint8_t>(std::lround(std::clamp((emphasis - 1) * 8, 0.0, (kMaxEmphasis - 1) * 8.0)));
}
inline double EmphasisOfSteps(uint8_t steps) { return 1 + steps / 8.0; }
inline float QuantizedEmphasis(double emphasis) { return static_cast<float>(EmphasisOfSteps(EmphasisSteps(emphasis))); }
// Coverage is covered / (asked + this weight): a posting naming two skills cannot be covered as surely as one
// naming twenty (about one specific skill's weight).
inline constexpr double kCoveragePrior = 3.0;

// The skill sums of one posting for one profile: weights of the skills asked and of those the profile has.
struct SkillSums {
  double required_total = 0, required_covered = 0;
  double nice_total = 0, nice_covered = 0;
  int required_count = 0, required_held = 0, nice_count = 0, nice_held = 0;
  double word_cosine = 0;  // of the two texts' word vectors
};

// What the score reads of a posting beyond its skills (views into the caller's strings).
struct PostingTerms {
  Role role = Role::kOther;
  Level level = Level::kUnknown;
  std::optional<int> years_min;
  RemoteMode remote = RemoteMode::kUnknown;
  std::string_view country, region, city;
  std::optional<double> salary_max_usd;
};
PostingTerms TermsOf(const PostingFacts& posting);

// The points of each part: the arithmetic of a score, with nothing else, so a ranker can afford it for
// every posting of a market.
struct PartPoints {
  double required = 0, nice = 0, role = 0, level = 0, years = 0, location = 0, wording = 0, pay = 0;
};
PartPoints Points(const Profile& profile, const PostingTerms& posting, const SkillSums& sums);
// The score: the parts' sum in [0, 100], rounded to a hundredth.
double Total(const PartPoints& points);
// The parts in a fixed order (required_skills, nice_skills, role, level, years, location, and pay when the
// profile states a wish), each with its `points` (from Points()) and the words that say why. `parts` is cleared.
void ScoreParts(const Profile& profile, const PostingTerms& posting, const SkillSums& sums, const PartPoints& points,
                std::vector<ScorePart>& parts);
// Whether a posting's title names the skill (its emphasis, PostingFacts::Skill).
bool TitleNames(std::string_view title, std::string_view name);
// Points the posting's skill part would gain if the profile had this skill.
double SkillGain(const SkillSums& sums, double weight, bool required);

}  // namespace jobscope::match::internal
