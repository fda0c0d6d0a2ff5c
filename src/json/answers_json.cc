// The JSON forms of the services' answers: search pages, salary estimates and bands, the market summary and
// an ingest run's summary.
#include <algorithm>

#include "json/json.h"

namespace jobscope::json {
namespace {

nlohmann::json FacetListJson(const std::vector<index::FacetValue>& values) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& value : values) list.push_back({{"value", value.value}, {"count", value.count}});
  return list;
}

nlohmann::json SalaryStatsJson(const report::SalaryStats& stats) {
  return {{"postings_with_salary", stats.postings_with_salary},
          {"p25_annual_usd", OptionalNumber(stats.p25_annual_usd)},
          {"median_annual_usd", OptionalNumber(stats.median_annual_usd)},
          {"p75_annual_usd", OptionalNumber(stats.p75_annual_usd)}};
}

nlohmann::json CountsJson(const store::RunCounts& counts) {
  return {{"read", counts.read},
          {"stored", counts.stored},
          {"already_present", counts.already_present},
          {"duplicates", counts.duplicates},
          {"quarantined", counts.quarantined}};
}

}  // namespace

nlohmann::json SearchPageToJson(const search::SearchPage& page, const search::SearchOptions& options,
                                const taxonomy::Taxonomy* taxonomy) {
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& hit : page.hits) {
    nlohmann::json posting = PostingToJson(hit.posting, false, taxonomy);
    posting["score"] = hit.score;
    posting["snippet"] = hit.snippet;
    nlohmann::json also = nlohmann::json::array();
    for (const Posting& other : hit.also_posted_as) {
      also.push_back({{"id", other.id},
                      {"source", other.raw.source},
                      {"title", other.raw.title},
                      {"company", other.raw.company},
                      {"location", other.raw.location},
                      {"url", other.raw.url}});
    }
    posting["also_posted_as"] = std::move(also);
    hits.push_back(std::move(posting));
  }
  nlohmann::json facets = nlohmann::json::object();
  nlohmann::json facet_counts = nlohmann::json::array();
  // In the order facets are listed (search::kFacetNames), not alphabetical.
  for (const char* name : search::kFacetNames) {
    auto found = page.facets.find(name);
    if (found == page.facets.end()) continue;
    facets[name] = FacetListJson(found->second);
    facet_counts.push_back({{"field_name", name}, {"counts", FacetListJson(found->second)}});
  }
  nlohmann::json out = {{"total", page.total},
                        {"found", page.total},
                        {"page", options.page},
                        {"per_page", options.per_page},
                        {"hits", hits},
                        {"facets", facets},
                        {"facet_counts", facet_counts},
                        {"expanded_terms", page.expanded_terms}};
  if (page.salary_stats) {
    const index::SalaryStats& stats = *page.salary_stats;
    nlohmann::json salary = {{"postings", stats.postings}, {"min", nullptr}, {"max", nullptr}, {"avg", nullptr}};
    if (stats.postings > 0) {
      salary["min"] = stats.min;
      salary["max"] = stats.max;
      salary["avg"] = stats.avg;
    }
    out["stats"] = {{"salary_usd", salary}};
  }
  return out;
}

nlohmann::json EstimateToJson(const salary::EstimateAnswer& answer) {
  const salary::SalaryQuery& query = answer.query;
  const salary::SalaryEstimate& estimate = answer.estimate;
  nlohmann::json factors = nlohmann::json::array();
  for (const auto& factor : estimate.factors)
    factors.push_back({{"name", factor.name}, {"usd_effect", factor.usd_effect}});
  nlohmann::json out = {{"role", RoleName(query.role)},
                        {"level", LevelName(query.level)},
                        {"country", query.country},
                        {"remote", query.remote_ratio == 100},
                        {"p10_usd", estimate.p10},
                        {"p50_usd", estimate.p50},
                        {"p90_usd", estimate.p90},
                        {"comparable_records", estimate.comparable_records},
                        {"currency", estimate.currency},
                        {"p50_local", OptionalNumber(estimate.p50_local)},
                        {"factors", factors}};
  out["fallback"] = estimate.fallback.empty() ? nlohmann::json() : nlohmann::json(estimate.fallback);
  out["metro"] = query.metro.empty() ? nlohmann::json() : nlohmann::json(query.metro);
  out["skills"] = query.skills;
  if (!query.skills.empty() && !answer.skills_learnt) {
    out["skills_note"] = "this model learnt no skills; see `jobscope salary premiums`";
  }
  return out;
}

nlohmann::json BandsToJson(const std::vector<salary::Band>& bands) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& band : bands) {
    out.push_back({{"key", band.key},
                   {"records", band.records},
                   {"p25_usd", band.p25},
                   {"p50_usd", band.p50},
                   {"p75_usd", band.p75},
                   {"quoted", band.quoted}});
  }
  return out;
}

nlohmann::json MarketSummaryToJson(const report::MarketSummary& summary) {
  nlohmann::json skills = nlohmann::json::array();
  for (const auto& skill : summary.top_skills) {
    skills.push_back(
        {{"id", skill.skill_id}, {"name", skill.name}, {"postings", skill.postings}, {"share", skill.share}});
  }
  nlohmann::json by_role_salary = nlohmann::json::object(), by_level_salary = nlohmann::json::object();
  for (const auto& [role, stats] : summary.salary_by_role) by_role_salary[role] = SalaryStatsJson(stats);
  for (const auto& [level, stats] : summary.salary_by_level) by_level_salary[level] = SalaryStatsJson(stats);
  return {{"postings", summary.postings},
          {"duplicates", summary.duplicates},
          {"by_role", summary.by_role},
          {"by_level", summary.by_level},
          {"by_remote", summary.by_remote},
          {"by_month", summary.by_month},
          {"top_skills", skills},
          {"salary", SalaryStatsJson(summary.salary)},
          {"salary_by_role", by_role_salary},
          {"salary_by_level", by_level_salary}};
}

nlohmann::json IngestSummaryToJson(const ingest::IngestSummary& summary) {
  nlohmann::json files = nlohmann::json::array();
  for (const ingest::FileSummary& file : summary.files) {
    files.push_back({{"path", file.path},
                     {"layout", file.layout},
                     {"counts", CountsJson(file.counts)},
                     {"transcoded", file.transcoded},
                     {"pay_dropped", file.pay_dropped}});
    if (!file.error.empty()) files.back()["error"] = file.error;
  }
  return {{"run_id", summary.run_id},
          {"counts", CountsJson(summary.counts)},
          {"transcoded", summary.transcoded},
          {"pay_dropped", summary.pay_dropped},
          {"files", files},
          {"seconds", summary.seconds}};
}

nlohmann::json SavedSearchToJson(const search::SavedSearchSpec& search) {
  nlohmann::json filters = nlohmann::json::parse(search::FilterSpecToJson(search.filters));
  return {{"name", search.name},
          {"query", search.query},
          {"filters", filters},
          {"created_at", search.created_at},
          {"last_run_at", search.last_run_at}};
}

nlohmann::json AlertRunToJson(const search::AlertRun& run) {
  nlohmann::json alerts = nlohmann::json::array();
  for (const auto& alert : run.alerts) {
    nlohmann::json postings = nlohmann::json::array();
    for (const auto& posting : alert.postings) postings.push_back(PostingToJson(posting, false, nullptr));
    alerts.push_back({{"name", alert.name}, {"query", alert.query}, {"postings", std::move(postings)}});
  }
  return {{"through_sequence", run.through_sequence},
          {"postings_considered", run.postings_considered},
          {"alerts", std::move(alerts)}};
}

}  // namespace jobscope::json
