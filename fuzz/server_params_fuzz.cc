// libFuzzer target: the HTTP API's parameter readers (server/internal/params.h) on any query string, and on
// any JSON body as multi_search items, never crash; every refusal is kInvalidArgument (a 400 that says what
// to fix), and what is accepted is within the limits. What a handler does next with accepted parameters
// is run too: filters resolved against the taxonomy, the query parsed, a saved search's filters written as
// the JSON the store keeps, a person read from skills, role and level.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "career/career.h"
#include "index/index.h"
#include "search/search.h"
#include "server/internal/params.h"
#include "taxonomy/taxonomy.h"

namespace internal = jobscope::server::internal;
using jobscope::Status;
using jobscope::StatusCode;

namespace {

const jobscope::taxonomy::Taxonomy* taxonomy = nullptr;
const jobscope::server::ServerLimits limits;

// A refusal must be a 400: kInvalidArgument, or kParseError for a query's syntax.
void CheckRefusal(const Status& status) {
  if (status.ok()) return;
  if (status.code() != StatusCode::kInvalidArgument && status.code() != StatusCode::kParseError) __builtin_trap();
  if (status.message().empty()) __builtin_trap();
}

void CheckFilters(const jobscope::search::FilterSpec& filters) {
  CheckRefusal(jobscope::search::ResolveFilters(filters, *taxonomy).status());
  auto written = nlohmann::json::parse(jobscope::search::FilterSpecToJson(filters), nullptr, false);
  if (!written.is_object()) __builtin_trap();
}

void CheckSearch(const internal::Params& params) {
  auto search = internal::ParseSearchParams(params, limits);
  CheckRefusal(search.status());
  if (!search.ok()) return;
  const auto& options = search->options;
  if (options.per_page < 1 || options.per_page > limits.max_per_page || options.page < 1) __builtin_trap();
  if ((options.page - 1) * options.per_page > limits.max_result_window) __builtin_trap();
  if (search->query.size() > limits.max_query_chars) __builtin_trap();
  CheckRefusal(jobscope::index::ParseQuery(search->query).status());
  CheckFilters(search->filters);
}

void CheckAll(const internal::Params& params) {
  CheckSearch(params);
  auto profile = internal::ParseProfileParams(params);
  CheckRefusal(profile.status());
  auto match = internal::ParseMatchParams(params, limits);
  CheckRefusal(match.status());
  if (match.ok()) {
    if (match->top < 1 || match->top > limits.max_matches) __builtin_trap();
    CheckFilters(match->filters);
  }
  auto gap = internal::ParseGapParams(params);
  CheckRefusal(gap.status());
  if (gap.ok() && gap->posting.empty()) __builtin_trap();
  auto saved = internal::ParseSavedSearchParams(params);
  CheckRefusal(saved.status());
  if (saved.ok()) {
    CheckRefusal(jobscope::index::ParseQuery(saved->query).status());
    CheckFilters(saved->filters);
  }
  for (bool with_resume : {false, true}) {
    auto career = internal::ParseCareerParams(params, with_resume);
    CheckRefusal(career.status());
    if (career.ok() && !with_resume) CheckRefusal(jobscope::career::PersonFromSpec(career->person, *taxonomy).status());
  }
  CheckRefusal(internal::ParseEstimateParams(params).status());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto loaded = jobscope::taxonomy::Taxonomy::Load(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/taxonomy/skills.tsv");
  if (!loaded.ok()) std::abort();
  taxonomy = new jobscope::taxonomy::Taxonomy(std::move(loaded).value());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  // As a query string (what httplib hands the handlers as req.params).
  internal::Params params;
  httplib::detail::parse_query_text(bytes, params);
  CheckAll(params);
  // As a JSON body: a multi_search request, or one search.
  nlohmann::json body = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return 0;
  const nlohmann::json* searches = body.is_object() && body.contains("searches") ? &body["searches"] : nullptr;
  if (searches && searches->is_array()) {
    for (const auto& item : *searches) {
      auto read = internal::ParamsFromJson(item);
      CheckRefusal(read.status());
      if (read.ok()) CheckSearch(*read);
    }
  } else {
    auto read = internal::ParamsFromJson(body);
    CheckRefusal(read.status());
    if (read.ok()) CheckAll(*read);
  }
  return 0;
}
