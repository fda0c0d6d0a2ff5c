// Skill premiums from stored postings with pay: within each role x level x country cell, the median pay of
// postings asking for the skill minus the median of those that do not, averaged over cells weighted by the
// postings with the skill; a 95% interval from 200 bootstrap resamples (seeded).
#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "base/statistics.h"
#include "salary/salary.h"

namespace jobscope::salary {
namespace {

struct Paid {
  std::string cell;
  double pay;
  std::set<std::string> skills;
};

// The weighted within-cell difference for one skill over `postings`; nullopt when no cell has both sides.
std::optional<double> CellDifference(const std::vector<const Paid*>& postings, const std::string& skill) {
  std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> cells;
  for (const Paid* posting : postings) {
    auto& [with, without] = cells[posting->cell];
    (posting->skills.count(skill) ? with : without).push_back(posting->pay);
  }
  double weighted = 0, weight = 0;
  for (const auto& [cell, sides] : cells) {
    if (sides.first.empty() || sides.second.empty()) continue;
    double w = static_cast<double>(sides.first.size());
    weighted += w * (Median(sides.first) - Median(sides.second));
    weight += w;
  }
  if (weight == 0) return std::nullopt;
  return weighted / weight;
}

}  // namespace

StatusOr<std::vector<SkillPremium>> SkillPremiums(store::Store& store, int64_t min_postings) {
  std::vector<Paid> paid;
  std::map<std::string, std::string> names;
  std::map<std::string, int64_t> support;
  JS_RETURN_IF_ERROR(store.ForEachPosting([&](const Posting& posting) {
    std::optional<double> pay = posting.understood.salary.annual_mid_usd();
    if (!pay || !posting.duplicate_of.empty()) return true;
    Paid entry;
    const Understanding& u = posting.understood;
    entry.cell = std::string(RoleName(u.role)) + "|" + std::string(LevelName(u.level)) + "|" + u.location.country;
    entry.pay = *pay;
    for (const SkillMention& mention : u.skills) {
      if (entry.skills.insert(mention.skill_id).second) {
        names[mention.skill_id] = mention.name;
        ++support[mention.skill_id];
      }
    }
    paid.push_back(std::move(entry));
    return true;
  }));
  std::vector<const Paid*> all;
  for (const Paid& entry : paid) all.push_back(&entry);
  std::vector<SkillPremium> premiums;
  std::mt19937_64 rng(29);
  for (const auto& [skill, count] : support) {
    if (count < min_postings) continue;
    std::optional<double> premium = CellDifference(all, skill);
    if (!premium) continue;
    std::vector<double> resampled;
    std::uniform_int_distribution<size_t> pick(0, all.size() - 1);
    for (int draw = 0; draw < 200; ++draw) {
      std::vector<const Paid*> sample;
      sample.reserve(all.size());
      for (size_t idx = 0; idx < all.size(); ++idx) sample.push_back(all[pick(rng)]);
      if (auto value = CellDifference(sample, skill)) resampled.push_back(*value);
    }
    std::sort(resampled.begin(), resampled.end());
    SkillPremium result;
    result.skill_id = skill;
    result.name = names[skill];
    result.postings_with = count;
    result.premium_usd = *premium;
    if (!resampled.empty()) {
      result.ci_low = resampled[static_cast<size_t>(0.025 * static_cast<double>(resampled.size() - 1))];
      result.ci_high = resampled[static_cast<size_t>(0.975 * static_cast<double>(resampled.size() - 1))];
    }
    premiums.push_back(std::move(result));
  }
  std::sort(premiums.begin(), premiums.end(), [](const SkillPremium& a, const SkillPremium& b) {
    return a.premium_usd > b.premium_usd;
  });
  return premiums;
}

}  // namespace jobscope::salary
