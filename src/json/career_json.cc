// The JSON form of a career plan. Every figure comes with its sample size and whether it is thin.
#include <cmath>

#include "json/json.h"

namespace jobscope::json {
namespace {

using nlohmann::json;

double Rounded(double value) { return std::round(value); }
double Share(double value) { return std::round(value * 1000) / 1000; }

json PayAtJson(const career::PayAt& pay) {
  return {{"p10", Rounded(pay.p10)}, {"p50", Rounded(pay.p50)}, {"p90", Rounded(pay.p90)},
          {"records", pay.records},  {"thin", pay.thin()},      {"source", pay.source}};
}

json PayChangeJson(const career::PayChange& change) {
  return {{"median", Rounded(change.median)},
          {"low", Rounded(change.low)},
          {"high", Rounded(change.high)},
          {"source_records", change.source_records},
          {"target_records", change.target_records},
          {"thin", change.thin()},
          {"source", "career graph: US pay records, 90% bootstrap interval"}};
}

json GapJson(const std::vector<career::GapSkill>& gap) {
  json out = json::array();
  for (const auto& skill : gap) {
    out.push_back({{"id", skill.skill_id},
                   {"name", skill.name},
                   {"target_share", Share(skill.target_share)},
                   {"source_share", Share(skill.source_share)}});
  }
  return out;
}

json PlannedSkillJson(const career::PlannedSkill& skill) {
  json out = {{"id", skill.skill_id},
              {"name", skill.name},
              {"demand", Share(skill.demand)},
              {"demand_postings", skill.demand_postings},
              {"value", Share(skill.value)},
              {"prerequisite_only", skill.prerequisite_only},
              {"premium", nullptr}};
  if (skill.premium) {
    out["premium"] = {{"usd", Rounded(skill.premium->premium_usd)},
                      {"ci_low", Rounded(skill.premium->ci_low)},
                      {"ci_high", Rounded(skill.premium->ci_high)},
                      {"postings", skill.premium->postings},
                      {"thin", skill.premium->postings < career::kThinRecords}};
  }
  return out;
}

json TargetJson(const career::TargetPlan& plan) {
  json missing = json::array();
  for (const auto& skill : plan.missing) missing.push_back(PlannedSkillJson(skill));
  json stages = json::array();
  for (const auto& stage : plan.stages) {
    json skills = json::array();
    for (const auto& skill : stage.skills) skills.push_back(PlannedSkillJson(skill));
    stages.push_back({{"stage", stage.number},
                      {"skills", std::move(skills)},
                      {"unlocks", stage.unlocks},
                      {"unlocked_total", stage.unlocked_total},
                      {"example_postings", stage.example_postings}});
  }
  return {{"node", plan.key},
          {"role", RoleName(plan.role)},
          {"level", LevelName(plan.level)},
          {"graph_postings", plan.target_postings},
          {"thin", plan.target_postings < career::kThinRecords},
          {"skills_pooled", plan.skills_pooled},
          {"pay", PayAtJson(plan.pay_there)},
          {"missing", std::move(missing)},
          {"stages", std::move(stages)},
          {"postings_considered", plan.postings_considered},
          {"unlocked_now", plan.unlocked_now}};
}

}  // namespace

nlohmann::json CareerPlanToJson(const career::CareerPlan& plan) {
  json out;
  const bool placed = !plan.current.empty();
  out["current"] = placed ? json(plan.current) : json(nullptr);
  out["role"] = placed ? json(RoleName(plan.role)) : json(nullptr);
  out["level"] = placed ? json(LevelName(plan.level)) : json(nullptr);
  out["note"] = plan.note;
  out["level_source"] = plan.level_source;
  json next = json::array();
  for (const auto& move : plan.next) {
    next.push_back({{"node", move.key},
                    {"role", RoleName(move.role)},
                    {"level", LevelName(move.level)},
                    {"kind", career::MoveKindName(move.kind)},
                    {"evidence", move.evidence},
                    {"fit", std::round(move.fit * 10) / 10},
                    {"fit_postings", move.fit_postings},
                    {"fit_source", move.fit_source},
                    {"pay_now", PayAtJson(move.pay_now)},
                    {"pay_there", PayAtJson(move.pay_there)},
                    {"pay_change", PayChangeJson(move.pay_change)},
                    {"postings", move.postings},
                    {"postings_source", move.postings_source},
                    {"thin", move.postings < career::kThinRecords},
                    {"gap", GapJson(move.gap)}});
  }
  out["next"] = std::move(next);
  out["target"] = plan.target ? TargetJson(*plan.target) : json(nullptr);
  json start = json::array();
  for (const auto& guide : plan.start) {
    json roles = json::array();
    for (size_t i = 0; i < guide.first_roles.size(); ++i) {
      roles.push_back({{"node", guide.first_roles[i]},
                       {"postings", guide.first_role_postings[i]},
                       {"thin", guide.first_role_postings[i] < career::kThinRecords}});
    }
    start.push_back({{"role", RoleName(guide.role)},
                     {"first_skills", guide.first_skills},
                     {"first_skill_names", guide.first_skill_names},
                     {"first_roles", std::move(roles)},
                     {"entry_pay", PayAtJson(guide.entry_pay)}});
  }
  out["start"] = std::move(start);
  return out;
}

}  // namespace jobscope::json
