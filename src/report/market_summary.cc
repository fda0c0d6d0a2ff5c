#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "base/statistics.h"
#include "report/report.h"

namespace jobscope::report {
namespace {

SalaryStats StatsOf(std::vector<double>& values) {
  SalaryStats stats;
  stats.postings_with_salary = static_cast<int64_t>(values.size());
  stats.p25_annual_usd = Quantile(values, 0.25);  // sorts `values`
  stats.median_annual_usd = Quantile(values, 0.5);
  stats.p75_annual_usd = Quantile(values, 0.75);
  if (!values.empty()) {
    // No resampling, so the interval is the same on every run: the median's rank is Binomial(n, 1/2).
    double n = static_cast<double>(values.size());
    double half_width = 0.98 * std::sqrt(n);  // 1.96 / 2
    auto clamp_rank = [&](double rank) { return static_cast<size_t>(std::clamp(rank, 1.0, n)) - 1; };
    stats.median_low95_usd = values[clamp_rank(std::floor(n / 2 - half_width))];
    stats.median_high95_usd = values[clamp_rank(std::ceil(1 + n / 2 + half_width))];
  }
  return stats;
}

// "YYYY-MM-DD" of an ISO 8601 date, or "" for anything else.
std::string_view DayOf(std::string_view date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return {};
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return {};
  }
  if (date.size() > 10 && date[10] != 'T' && date[10] != ' ') return {};
  return date.substr(0, 10);
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
  std::map<std::string, std::vector<double>> pay_by_role, pay_by_level, pay_by_country;
  JS_RETURN_IF_ERROR(store.ForEachPosting([&](const Posting& posting) {
    SourceCounts& source = summary.by_source[posting.raw.source.empty() ? "unknown" : posting.raw.source];
    if (std::string_view day = DayOf(posting.raw.date_posted); !day.empty()) {
      ++summary.dated_postings;
      if (summary.oldest_posting_date.empty() || day < summary.oldest_posting_date) summary.oldest_posting_date = day;
      if (day > summary.newest_posting_date) summary.newest_posting_date = day;
    }
    if (!posting.duplicate_of.empty()) {
      ++summary.duplicates;
      ++source.duplicates;
      return true;
    }
    ++summary.postings;
    ++source.postings;
    const Understanding& u = posting.understood;
    std::string role(RoleName(u.role));
    std::string level(LevelName(u.level));
    ++summary.by_role[role];
    ++summary.by_level[level];
    ++summary.by_remote[std::string(RemoteModeName(u.remote))];
    if (std::string_view month = MonthOf(posting.raw.date_posted); !month.empty())
      ++summary.by_month[std::string(month)];
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
      pay_by_country[u.location.country.empty() ? "unknown" : u.location.country].push_back(*pay);
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
  for (auto& [country, values] : pay_by_country) summary.salary_by_country[country] = StatsOf(values);
  return summary;
}

}  // namespace jobscope::report
