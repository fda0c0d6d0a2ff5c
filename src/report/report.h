// File: report.h
//
// The report stage: market statistics over the stored postings — postings by role and level, the most
// asked-for skills with counts and share, and salary medians (annual USD) by role and level where pay is
// known. Postings linked as duplicates of an earlier one are counted once.
//
// Thread-safety: functions only; the store is used by the calling thread.
//
// Example:
//   JS_ASSIGN_OR_RETURN(MarketSummary summary, SummarizeMarket(*store, 20));
//   summary.top_skills[0].name;   // "Python"
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace jobscope::report {

struct SkillDemand {
  std::string skill_id;
  std::string name;
  int64_t postings = 0;  // postings that ask for the skill
  double share = 0;      // postings / all unique postings
};

struct SalaryStats {
  int64_t postings_with_salary = 0;
  std::optional<double> median_annual_usd;
  std::optional<double> p25_annual_usd;
  std::optional<double> p75_annual_usd;
};

struct MarketSummary {
  int64_t postings = 0;         // unique postings
  int64_t duplicates = 0;       // postings linked to an earlier one, not counted above
  std::map<std::string, int64_t> by_role;
  std::map<std::string, int64_t> by_level;
  std::map<std::string, int64_t> by_remote;
  std::vector<SkillDemand> top_skills;  // most asked first
  SalaryStats salary;                   // over all postings with an annual USD figure
  std::map<std::string, SalaryStats> salary_by_role;
  std::map<std::string, SalaryStats> salary_by_level;
};

// Reads every stored posting once. Errors: those of the store.
StatusOr<MarketSummary> SummarizeMarket(store::Store& store, size_t top_skill_count);

}  // namespace jobscope::report
