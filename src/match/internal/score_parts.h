// The arithmetic of a match score, shared by the full scorer (ScoreMatch, with every skill named) and the
// market ranker (MatchIndex, from per-posting sums), so both give the same number.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "match/match.h"

namespace jobscope::match::internal {

inline constexpr double kRequiredPoints = 40, kNicePoints = 10, kRolePoints = 20, kLevelPoints = 15, kYearsPoints = 10,
                        kPlacePoints = 5, kPayPenalty = 10;
// Coverage is covered / (asked + this weight): a posting naming two skills cannot be covered as surely as one
// naming twenty (about one specific skill's weight).
inline constexpr double kCoveragePrior = 3.0;

// The skill sums of one posting for one profile: weights of the skills asked and of those the profile has.
struct SkillSums {
  double required_total = 0, required_covered = 0;
  double nice_total = 0, nice_covered = 0;
  int required_count = 0, required_held = 0, nice_count = 0, nice_held = 0;
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

// The parts of a score, in a fixed order: required_skills, nice_skills, role, level, years, location, and
// pay when the profile states a wish. With `details`, each part says why in words; the ranker leaves them.
// `parts` is cleared and filled (a ranker reuses one vector for every posting).
void ScoreParts(const Profile& profile, const PostingTerms& posting, const SkillSums& sums, bool details,
                std::vector<ScorePart>& parts);
double Total(const std::vector<ScorePart>& parts);
// Points the posting's skill part would gain if the profile had this skill.
double SkillGain(const SkillSums& sums, double weight, bool required);

}  // namespace jobscope::match::internal
