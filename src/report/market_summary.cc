#include <algorithm>
#include <set>
#include <unordered_map>

#include "base/statistics.h"
#include "report/report.h"

namespace jobscope::report {
namespace {

SalaryStats StatsOf(std::vector<double>& values) {
  SalaryStats stats;
  stats.postings_with_salary = static_cast<int64_t>(values.size());
  stats.p25_annual_usd = Quantile(values, 0.25);
  stats.median_annual_usd = Quantile(values, 0.5);
  stats.p75_annual_usd = Quantile(values, 0.75);
  return stats;
}

// "YYYY-MM" of an ISO 8601 date ("2024-05-01", "2024-05-01T09:00:00Z"), or "" for anything else.
std::string_view MonthOf(std::string_view date) {
  if (date.size() < 7 || date[4] != '-') return {};
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (date[i] < '0' || date[i] > '9') return {};
  }
  if (date.size() > 7 && date[7] != '-') return {};
  return date.substr(0, 7);
}

}  // namespace

StatusOr<MarketSummary> SummarizeMarket(store::Store& store, size_t top_skill_count,
                                        const taxonomy::Taxonomy* taxonomy) {
  MarketSummary summary;
  struct SkillCount {
    std::string name;
    int64_t postings = 0;
  };
  std::unordered_map<std::string, SkillCount> skills;
  std::vector<double> all_pay;
  std::map<std::string, std::vector<double>> pay_by_role, pay_by_level;
  JS_RETURN_IF_ERROR(store.ForEachPosting([&](const Posting& posting) {
    if (!posting.duplicate_of.empty()) {
      ++summary.duplicates;
      return true;
    }
    ++summary.postings;
    const Understanding& u = posting.understood;
    std::string role(RoleName(u.role));
    std::string level(LevelName(u.level));
    ++summary.by_role[role];
    ++summary.by_level[level];
    ++summary.by_remote[std::string(RemoteModeName(u.remote))];
    if (std::string_view month = MonthOf(posting.raw.date_posted); !month.empty()) ++summary.by_month[std::string(month)];
    std::set<std::string> seen;
    for (const SkillMention& mention : u.skills) {
      if (!seen.insert(mention.skill_id).second) continue;
      if (taxonomy) {
        const taxonomy::Skill* skill = taxonomy->FindById(mention.skill_id);
        if (skill && !taxonomy::IsTechnicalType(taxonomy::SkillType(skill->category))) continue;
      }
      SkillCount& count = skills[mention.skill_id];
      count.name = mention.name;
      ++count.postings;
    }
    if (std::optional<double> pay = u.salary.annual_mid_usd()) {
      all_pay.push_back(*pay);
      pay_by_role[role].push_back(*pay);
      pay_by_level[level].push_back(*pay);
    }
    return true;
  }));
  for (auto& [id, count] : skills) {
    double share = summary.postings ? static_cast<double>(count.postings) / static_cast<double>(summary.postings) : 0;
    summary.top_skills.push_back({id, count.name, count.postings, share});
  }
  std::sort(summary.top_skills.begin(), summary.top_skills.end(), [](const SkillDemand& a, const SkillDemand& b) {
    if (a.postings != b.postings) return a.postings > b.postings;
    return a.skill_id < b.skill_id;
  });
  if (summary.top_skills.size() > top_skill_count) summary.top_skills.resize(top_skill_count);
  summary.salary = StatsOf(all_pay);
  for (auto& [role, values] : pay_by_role) summary.salary_by_role[role] = StatsOf(values);
  for (auto& [level, values] : pay_by_level) summary.salary_by_level[level] = StatsOf(values);
  return summary;
}

}  // namespace jobscope::report
