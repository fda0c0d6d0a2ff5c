// Request parameters read into the services' requests: the one place the API's parameter names live.
// Every error is kInvalidArgument naming the parameter and what it takes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "career/career.h"
#include "match/match.h"
#include "salary/salary.h"
#include "search/search.h"
#include "server/server.h"

namespace jobscope::server::internal {

// Query-string parameters (httplib::Params), or a JSON object's members read as such.
using Params = std::multimap<std::string, std::string>;

// Refuses a parameter not in `known`, so a typo ("per_pgae") is an error rather than silently ignored.
Status CheckKnownParams(const Params& params, const std::vector<std::string_view>& known);

// Every value of a parameter, repeated (role=a&role=b) or comma-separated (role=a,b), blanks dropped.
std::vector<std::string> ListParam(const Params& params, const std::string& name);
// The last value of a parameter, or `fallback` when it is absent.
std::string TextParam(const Params& params, const std::string& name, const std::string& fallback = "");
// true/false/1/0. Errors: anything else.
StatusOr<bool> BoolParam(const Params& params, const std::string& name, bool fallback);
// A whole number in [min, max]. Errors: not a number, out of range.
StatusOr<int64_t> IntParam(const Params& params, const std::string& name, int64_t fallback, int64_t min, int64_t max);

struct SearchParams {
  std::string query;
  search::FilterSpec filters;
  search::SearchOptions options;
};

// GET /api/v1/search and each of multi_search's searches: q, the filters, sort, page, per_page, facets
// (names from search::kFacetNames, and `salary` for pay stats), typing.
StatusOr<SearchParams> ParseSearchParams(const Params& params, const ServerLimits& limits);
// A multi_search item: strings, numbers, booleans and arrays of them. Errors: another kind of value, or
// not an object.
StatusOr<Params> ParamsFromJson(const nlohmann::json& object);

// What a résumé endpoint reads beside the upload: the file's name (for messages and `source`), and for
// /match and /gap what the person asks for (as `jobscope match`'s --want-salary, --want-remote, --location).
struct ResumeParams {
  std::string filename;
  match::Wishes wishes;        // want_salary, want_remote, location
  search::FilterSpec filters;  // /match: the search filters
  size_t top = 10;             // /match: how many postings
  std::string posting;         // /gap: the posting id
};
// POST /api/v1/profile: filename.
StatusOr<ResumeParams> ParseProfileParams(const Params& params);
// POST /api/v1/match: filename, the wishes, the search filters, top (1 to limits.max_matches).
StatusOr<ResumeParams> ParseMatchParams(const Params& params, const ServerLimits& limits);
// POST /api/v1/gap: filename, the wishes, posting (required).
StatusOr<ResumeParams> ParseGapParams(const Params& params);

// POST /api/v1/alerts: name (required), q and the search filters.
StatusOr<search::SavedSearchSpec> ParseSavedSearchParams(const Params& params);

// GET and POST /api/v1/career: target and location; by hand (GET) also skills, role, level and start.
struct CareerParams {
  career::PersonSpec person;
  std::string target;
  std::string location = "United States";
  std::string filename;  // POST: the résumé's name
};
StatusOr<CareerParams> ParseCareerParams(const Params& params, bool with_resume);

// GET /api/v1/salary/estimate: title, role, level, location, remote, company_size, skills.
StatusOr<salary::EstimateRequest> ParseEstimateParams(const Params& params);

}  // namespace jobscope::server::internal
