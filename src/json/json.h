// File: json.h
//
// The JSON forms of jobscope's answers, in one home for both faces: `jobscope ... --json` prints them and the
// HTTP API (server/) sends them, so a field means the same everywhere and is named once. docs/CLI.md and
// docs/openapi.yaml list the fields; they are a stable interface (fields may be added, never renamed or
// removed). This stage sits between the services and the faces: it reads the services' results and knows
// nothing of flags or HTTP.
//
// Thread-safety: functions only.
//
// Example:
//   JS_ASSIGN_OR_RETURN(search::SearchPage page, service->Search("pytorch", filters, options));
//   std::puts(json::Dump(json::SearchPageToJson(page, options, &taxonomy)).c_str());
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "career/career.h"
#include "ingest/ingest.h"
#include "match/match.h"
#include "model/model.h"
#include "report/report.h"
#include "salary/salary.h"
#include "search/search.h"
#include "taxonomy/taxonomy.h"

namespace jobscope::json {

// One line, invalid UTF-8 replaced (postings are stored repaired, but a file's raw bytes may not be).
std::string Dump(const nlohmann::json& value);
// A number, or null when absent.
nlohmann::json OptionalNumber(const std::optional<double>& value);

// A posting: `id`, `title`, ..., `skills` as `{id, name, begin, end, requirement, type}` (byte spans in the
// description), `salary` (SalaryToJson). `taxonomy` (may be null) gives each skill its `type`.
nlohmann::json PostingToJson(const Posting& posting, bool with_description, const taxonomy::Taxonomy* taxonomy);
nlohmann::json SalaryToJson(const Salary& salary);

// A page of search results: `total` (and `found`, its Typesense name), `page`, `per_page`, `hits` (postings
// with `score` and `snippet`), `facets` ({name: [{value, count}]}) and `facet_counts` (the same as
// [{field_name, counts}]) when counted, `stats.salary_usd` ({postings, min, max, avg}) when asked for, and
// `expanded_terms`.
nlohmann::json SearchPageToJson(const search::SearchPage& page, const search::SearchOptions& options,
                                const taxonomy::Taxonomy* taxonomy);

// `salary estimate`: {role, level, country, remote, p10_usd, p50_usd, p90_usd, comparable_records, currency,
// p50_local, factors, metro, skills, skills_note?}.
nlohmann::json EstimateToJson(const salary::EstimateAnswer& answer);
// `salary bands`: [{key, records, p25_usd, p50_usd, p75_usd, quoted}].
nlohmann::json BandsToJson(const std::vector<salary::Band>& bands);

// `stats`: {postings, duplicates, by_role, by_level, by_remote, by_month, top_skills, salary, salary_by_role,
// salary_by_level}.
nlohmann::json MarketSummaryToJson(const report::MarketSummary& summary);

// `profile`: {source, format, role, role_evidence, level, level_evidence, total_years, years_by_role, jobs,
// skills, education, location, links}.
nlohmann::json ProfileToJson(const match::Profile& profile);
// One match: {posting_id, title, company, score, verdict, parts, matched_skills, missing_skills}.
nlohmann::json MatchToJson(const match::Match& match);
// `match`: {resume, postings, profile, matches}; `postings` is the market's size.
nlohmann::json MatchesToJson(const std::string& resume, size_t postings, const match::Profile& profile,
                             const std::vector<match::Match>& matches);
// `gap`: {resume, match}.
nlohmann::json GapToJson(const std::string& resume, const match::Match& match);

// `ingest`: {run_id, counts, transcoded, pay_dropped, files, seconds}.
nlohmann::json IngestSummaryToJson(const ingest::IngestSummary& summary);

// A saved search: {name, query, filters, created_at, last_run_at}; `filters` as given (FilterSpec's fields).
nlohmann::json SavedSearchToJson(const search::SavedSearchSpec& search);
// An alerts run: {through_sequence, postings_considered, alerts: [{name, query, postings: [posting]}]}, each
// posting as PostingToJson without its description.
nlohmann::json AlertRunToJson(const search::AlertRun& run);

// A career plan (`jobscope career --json`, POST /api/v1/career): fields in docs/CLI.md.
nlohmann::json CareerPlanToJson(const career::CareerPlan& plan);

}  // namespace jobscope::json
