// The posting object of `postings --json`, `understand --json`, `search --json` and the API's postings.
#include "json/json.h"

namespace jobscope::json {

std::string Dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json OptionalNumber(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json SalaryToJson(const Salary& salary) {
  if (!salary.has_amount()) return nullptr;
  return {
      {"min", OptionalNumber(salary.min)},
      {"max", OptionalNumber(salary.max)},
      {"currency", salary.currency},
      {"period", SalaryPeriodName(salary.period)},
      {"annual_min_usd", OptionalNumber(salary.annual_min_usd)},
      {"annual_max_usd", OptionalNumber(salary.annual_max_usd)},
      {"source", SalarySourceName(salary.source)},
      {"text", salary.text},
      {"currency_unknown", salary.currency_unknown},
  };
}

nlohmann::json PostingToJson(const Posting& posting, bool with_description, const taxonomy::Taxonomy* taxonomy) {
  const RawPosting& raw = posting.raw;
  const Understanding& u = posting.understood;
  nlohmann::json skills = nlohmann::json::array();
  for (const SkillMention& skill : u.skills) {
    skills.push_back({{"id", skill.skill_id},
                      {"name", skill.name},
                      {"begin", skill.begin},
                      {"end", skill.end},
                      {"requirement", RequirementName(skill.requirement)}});
    const taxonomy::Skill* known = taxonomy ? taxonomy->FindById(skill.skill_id) : nullptr;
    if (known) skills.back()["type"] = taxonomy::SkillType(known->category);
  }
  nlohmann::json out = {
      {"id", posting.id},
      {"source", raw.source},
      {"title", raw.title},
      {"company", raw.company},
      {"location", raw.location},
      {"city", u.location.city},
      {"region", u.location.region},
      {"country", u.location.country},
      {"remote", RemoteModeName(u.remote)},
      {"employment_type", EmploymentTypeName(u.employment_type)},
      {"role", RoleName(u.role)},
      {"level", LevelName(u.level)},
      {"years_experience_min",
       u.years_experience_min ? nlohmann::json(*u.years_experience_min) : nlohmann::json(nullptr)},
      {"seniority_cues", u.seniority_cues},
      {"skills", skills},
      {"salary", SalaryToJson(u.salary)},
      {"date_posted", raw.date_posted},
      {"url", raw.url},
      {"duplicate_of", posting.duplicate_of.empty() ? nlohmann::json(nullptr) : nlohmann::json(posting.duplicate_of)},
  };
  if (!u.candidate_skills.empty()) out["candidate_skills"] = u.candidate_skills;
  // Only fresh from understanding: the store does not keep them.
  if (u.role_probability) out["role_probability"] = *u.role_probability;
  if (!u.role_evidence.empty()) out["role_evidence"] = u.role_evidence;
  if (!u.level_evidence.empty()) {
    out["level_probability"] = u.level_probability;
    out["level_evidence"] = u.level_evidence;
  }
  if (with_description) out["description"] = raw.description;
  return out;
}

}  // namespace jobscope::json
