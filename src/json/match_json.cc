// The JSON forms of a résumé profile and of a match: `jobscope profile|match|rank|gap --json` print them and
// the HTTP API (/api/v1/profile, /match, /gap) sends them. Field names are docs/CLI.md's.
#include <cmath>

#include "json/json.h"

namespace jobscope::json {
namespace {

double Round(double value, double unit) { return std::round(value / unit) * unit; }

}  // namespace

nlohmann::json ProfileToJson(const match::Profile& profile) {
  nlohmann::json skills = nlohmann::json::array();
  for (const auto& skill : profile.skills) {
    skills.push_back({{"id", skill.skill_id},
                      {"name", skill.name},
                      {"years", Round(skill.years, 0.1)},
                      {"evidence", skill.evidence}});
  }
  nlohmann::json jobs = nlohmann::json::array();
  for (const auto& job : profile.jobs) {
    jobs.push_back({{"title", job.title},
                    {"company", job.company},
                    {"start", job.start},
                    {"end", job.end},
                    {"years", Round(job.years, 0.01)},
                    {"role", RoleName(job.role)}});
  }
  nlohmann::json years_by_role = nlohmann::json::object();
  for (const auto& [role, years] : profile.years_by_role) years_by_role[role] = Round(years, 0.01);
  return {
      {"source", profile.source},
      {"format", match::ResumeFormatName(profile.format)},
      {"role", RoleName(profile.role)},
      {"role_evidence", profile.role_evidence},
      {"level", LevelName(profile.level)},
      {"level_evidence", profile.level_evidence},
      {"total_years", Round(profile.total_years, 0.01)},
      {"years_by_role", years_by_role},
      {"jobs", jobs},
      {"skills", skills},
      {"education", {{"degree", profile.degree}, {"field", profile.degree_field}}},
      {"location",
       {{"city", profile.location.city}, {"region", profile.location.region}, {"country", profile.location.country}}},
      {"links", profile.links}};
}

nlohmann::json MatchToJson(const match::Match& match) {
  nlohmann::json parts = nlohmann::json::array();
  for (const auto& part : match.parts) {
    parts.push_back({{"name", part.name},
                     {"points", Round(part.points, 0.01)},
                     {"max_points", part.max_points},
                     {"detail", part.detail}});
  }
  nlohmann::json matched = nlohmann::json::array();
  for (const auto& skill : match.matched) {
    matched.push_back(
        {{"id", skill.skill_id}, {"name", skill.name}, {"required", skill.required}, {"evidence", skill.evidence}});
  }
  nlohmann::json missing = nlohmann::json::array();
  for (const auto& skill : match.missing) {
    missing.push_back({{"id", skill.skill_id},
                       {"name", skill.name},
                       {"required", skill.required},
                       {"points", Round(skill.points, 0.01)}});
  }
  return {{"posting_id", match.posting_id}, {"title", match.title},     {"company", match.company},
          {"score", match.score},           {"verdict", match.verdict}, {"parts", parts},
          {"matched_skills", matched},      {"missing_skills", missing}};
}

nlohmann::json MatchesToJson(const std::string& resume, size_t postings, const match::Profile& profile,
                             const std::vector<match::Match>& matches) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : matches) list.push_back(MatchToJson(m));
  return {{"resume", resume}, {"postings", postings}, {"profile", ProfileToJson(profile)}, {"matches", list}};
}

nlohmann::json GapToJson(const std::string& resume, const match::Match& match) {
  return {{"resume", resume}, {"match", MatchToJson(match)}};
}

}  // namespace jobscope::json
