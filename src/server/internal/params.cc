#include "server/internal/params.h"

#include <algorithm>

#include "base/strings.h"

namespace jobscope::server::internal {
namespace {

const std::vector<std::string_view> kSearchParams = {
    "q",          "role",   "level",   "skill",           "all_skills", "country", "region",
    "city",       "remote", "company", "employment_type", "from",       "to",      "min_salary",
    "max_salary", "sort",   "page",    "per_page",        "facets",     "typing"};

const std::vector<std::string_view> kFilterParams = {"role",   "level", "skill",      "all_skills", "country",
                                                     "region", "city",  "remote",     "company",    "employment_type",
                                                     "from",   "to",    "min_salary", "max_salary"};
const std::vector<std::string_view> kWishParams = {"filename", "want_salary", "want_remote", "location"};

std::vector<std::string_view> Joined(std::initializer_list<const std::vector<std::string_view>*> lists,
                                     std::initializer_list<std::string_view> more) {
  std::vector<std::string_view> out;
  for (const auto* list : lists) out.insert(out.end(), list->begin(), list->end());
  out.insert(out.end(), more.begin(), more.end());
  return out;
}

const std::vector<std::string_view> kEstimateParams = {"title",  "role",         "level", "location",
                                                       "remote", "company_size", "skills"};

bool HasParam(const Params& params, const std::string& name) { return params.find(name) != params.end(); }

StatusOr<std::optional<double>> OptionalUsd(const Params& params, const std::string& name) {
  if (!HasParam(params, name)) return std::optional<double>();
  std::string text = TextParam(params, name);
  double value = 0;
  if (!ParseDouble(text, value) || value < 0) {
    return InvalidArgument(name + ": '" + text + "' is not an amount (annual USD, e.g. 120000)");
  }
  return std::optional<double>(value);
}

// The posting filters search and match share (kFilterParams).
StatusOr<search::FilterSpec> ParseFilters(const Params& params) {
  search::FilterSpec filters;
  filters.roles = ListParam(params, "role");
  filters.levels = ListParam(params, "level");
  filters.skills = ListParam(params, "skill");
  JS_ASSIGN_OR_RETURN(filters.all_skills, BoolParam(params, "all_skills", false));
  filters.company = TextParam(params, "company");
  filters.country = TextParam(params, "country");
  filters.region = TextParam(params, "region");
  filters.city = TextParam(params, "city");
  filters.employment_type = TextParam(params, "employment_type");
  filters.from = TextParam(params, "from");
  filters.to = TextParam(params, "to");
  JS_ASSIGN_OR_RETURN(filters.remote, BoolParam(params, "remote", false));
  JS_ASSIGN_OR_RETURN(filters.min_salary, OptionalUsd(params, "min_salary"));
  JS_ASSIGN_OR_RETURN(filters.max_salary, OptionalUsd(params, "max_salary"));
  return filters;
}

// The wishes of /match and /gap, and the upload's name.
Status ParseWishes(const Params& params, ResumeParams& out) {
  out.filename = TextParam(params, "filename");
  JS_ASSIGN_OR_RETURN(out.wishes.salary_usd, OptionalUsd(params, "want_salary"));
  JS_ASSIGN_OR_RETURN(out.wishes.remote, BoolParam(params, "want_remote", false));
  out.wishes.location = TextParam(params, "location");
  return Status::Ok();
}

// Words and phrases in a query, counted as the parser splits them (a quoted phrase is one).
size_t QueryParts(std::string_view text) {
  size_t parts = 0;
  bool in_word = false, in_quote = false;
  for (char c : text) {
    if (c == '"') {
      if (!in_quote) ++parts;
      in_quote = !in_quote;
      in_word = false;
    } else if (!in_quote) {
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (!space && !in_word) ++parts;
      in_word = !space;
    }
  }
  return parts;
}

}  // namespace

Status CheckKnownParams(const Params& params, const std::vector<std::string_view>& known) {
  for (const auto& [name, value] : params) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::vector<std::string> names(known.begin(), known.end());
      return InvalidArgument(name + ": not a parameter here; the parameters are " + JoinStrings(names, ", "));
    }
  }
  return Status::Ok();
}

std::vector<std::string> ListParam(const Params& params, const std::string& name) {
  std::vector<std::string> values;
  auto [begin, end] = params.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    for (std::string_view part : SplitOn(it->second, ',')) {
      std::string_view trimmed = TrimAscii(part);
      if (!trimmed.empty()) values.emplace_back(trimmed);
    }
  }
  return values;
}

std::string TextParam(const Params& params, const std::string& name, const std::string& fallback) {
  auto [begin, end] = params.equal_range(name);
  if (begin == end) return fallback;
  return std::prev(end)->second;
}

StatusOr<bool> BoolParam(const Params& params, const std::string& name, bool fallback) {
  if (!HasParam(params, name)) return fallback;
  std::string text = AsciiLower(TrimAscii(TextParam(params, name)));
  if (text == "true" || text == "1" || text.empty()) return true;  // "?remote" alone means yes
  if (text == "false" || text == "0") return false;
  return InvalidArgument(name + ": '" + text + "' is not true or false");
}

StatusOr<int64_t> IntParam(const Params& params, const std::string& name, int64_t fallback, int64_t min, int64_t max) {
  if (!HasParam(params, name)) return fallback;
  std::string text = TextParam(params, name);
  int64_t value = 0;
  if (!ParseInt64(TrimAscii(text), value)) return InvalidArgument(name + ": '" + text + "' is not a whole number");
  if (value < min || value > max) {
    return InvalidArgument(name + ": " + std::to_string(value) + " is out of range (" + std::to_string(min) + " to " +
                           std::to_string(max) + ")");
  }
  return value;
}

StatusOr<SearchParams> ParseSearchParams(const Params& params, const ServerLimits& limits) {
  JS_RETURN_IF_ERROR(CheckKnownParams(params, kSearchParams));
  SearchParams out;
  out.query = TextParam(params, "q");
  if (out.query.size() > limits.max_query_chars) {
    return InvalidArgument("q: " + std::to_string(out.query.size()) + " characters; at most " +
                           std::to_string(limits.max_query_chars));
  }
  if (QueryParts(out.query) > limits.max_query_words) {
    return InvalidArgument("q: more than " + std::to_string(limits.max_query_words) + " words and phrases; shorten it");
  }
  JS_ASSIGN_OR_RETURN(out.filters, ParseFilters(params));

  search::SearchOptions& options = out.options;
  const std::string sort = TextParam(params, "sort", "relevance");
  if (sort == "date")
    options.sort = index::SortBy::kDate;
  else if (sort == "salary")
    options.sort = index::SortBy::kSalary;
  else if (sort != "relevance")
    return InvalidArgument("sort: '" + sort + "' is not relevance, date or salary");
  JS_ASSIGN_OR_RETURN(int64_t per_page, IntParam(params, "per_page", 10, 1, static_cast<int64_t>(limits.max_per_page)));
  const int64_t max_page = std::max<int64_t>(1, static_cast<int64_t>(limits.max_result_window) / per_page);
  JS_ASSIGN_OR_RETURN(int64_t page, IntParam(params, "page", 1, 1, max_page));
  options.page = static_cast<size_t>(page);
  options.per_page = static_cast<size_t>(per_page);
  JS_ASSIGN_OR_RETURN(options.typing, BoolParam(params, "typing", false));
  for (const std::string& facet : ListParam(params, "facets")) {
    if (facet == "salary") {
      options.salary_stats = true;
      continue;
    }
    bool known = std::any_of(std::begin(search::kFacetNames), std::end(search::kFacetNames),
                             [&](const char* name) { return facet == name; });
    if (!known) {
      return InvalidArgument("facets: '" + facet +
                             "' is not a facet; the facets are role, level, remote, employment_type, country, company, "
                             "skill and salary");
    }
    options.facets = true;
    if (std::find(options.facet_fields.begin(), options.facet_fields.end(), facet) == options.facet_fields.end()) {
      options.facet_fields.push_back(facet);
    }
  }
  return out;
}

StatusOr<Params> ParamsFromJson(const nlohmann::json& object) {
  if (!object.is_object()) return InvalidArgument("each search must be a JSON object of search parameters");
  Params params;
  auto add = [&](const std::string& name, const nlohmann::json& value) -> Status {
    if (value.is_string())
      params.emplace(name, value.get<std::string>());
    else if (value.is_boolean())
      params.emplace(name, value.get<bool>() ? "true" : "false");
    else if (value.is_number_integer())
      params.emplace(name, std::to_string(value.get<int64_t>()));
    else if (value.is_number())
      params.emplace(name, FormatDouble(value.get<double>()));
    else
      return InvalidArgument(name + ": give a string, a number, a boolean or an array of them");
    return Status::Ok();
  };
  for (const auto& [name, value] : object.items()) {
    if (value.is_array()) {
      for (const auto& item : value) JS_RETURN_IF_ERROR(add(name, item));
    } else if (!value.is_null()) {
      JS_RETURN_IF_ERROR(add(name, value));
    }
  }
  return params;
}

StatusOr<salary::EstimateRequest> ParseEstimateParams(const Params& params) {
  JS_RETURN_IF_ERROR(CheckKnownParams(params, kEstimateParams));
  salary::EstimateRequest request;
  request.title = TextParam(params, "title");
  request.role = TextParam(params, "role");
  request.level = TextParam(params, "level");
  request.location = TextParam(params, "location", request.location);
  JS_ASSIGN_OR_RETURN(request.remote, BoolParam(params, "remote", false));
  request.company_size = TextParam(params, "company_size", request.company_size);
  request.skills = ListParam(params, "skills");
  return request;
}

StatusOr<ResumeParams> ParseProfileParams(const Params& params) {
  JS_RETURN_IF_ERROR(CheckKnownParams(params, {"filename"}));
  ResumeParams out;
  out.filename = TextParam(params, "filename");
  return out;
}

StatusOr<ResumeParams> ParseMatchParams(const Params& params, const ServerLimits& limits) {
  static const std::vector<std::string_view> known = Joined({&kFilterParams, &kWishParams}, {"top"});
  JS_RETURN_IF_ERROR(CheckKnownParams(params, known));
  ResumeParams out;
  JS_RETURN_IF_ERROR(ParseWishes(params, out));
  JS_ASSIGN_OR_RETURN(out.filters, ParseFilters(params));
  JS_ASSIGN_OR_RETURN(int64_t top, IntParam(params, "top", 10, 1, static_cast<int64_t>(limits.max_matches)));
  out.top = static_cast<size_t>(top);
  return out;
}

StatusOr<ResumeParams> ParseGapParams(const Params& params) {
  static const std::vector<std::string_view> known = Joined({&kWishParams}, {"posting"});
  JS_RETURN_IF_ERROR(CheckKnownParams(params, known));
  ResumeParams out;
  JS_RETURN_IF_ERROR(ParseWishes(params, out));
  out.posting = TextParam(params, "posting");
  if (out.posting.empty()) return InvalidArgument("posting: give the posting's id (as search hits give it)");
  return out;
}

StatusOr<search::SavedSearchSpec> ParseSavedSearchParams(const Params& params) {
  static const std::vector<std::string_view> known = Joined({&kFilterParams}, {"name", "q"});
  JS_RETURN_IF_ERROR(CheckKnownParams(params, known));
  search::SavedSearchSpec spec;
  spec.name = TextParam(params, "name");
  if (spec.name.empty()) return InvalidArgument("name: give the saved search a name");
  spec.query = TextParam(params, "q");
  JS_ASSIGN_OR_RETURN(spec.filters, ParseFilters(params));
  return spec;
}

StatusOr<CareerParams> ParseCareerParams(const Params& params, bool with_resume) {
  static const std::vector<std::string_view> by_hand = {"skills", "role", "level", "start", "target", "location"};
  static const std::vector<std::string_view> resume = {"filename", "target", "location"};
  JS_RETURN_IF_ERROR(CheckKnownParams(params, with_resume ? resume : by_hand));
  CareerParams out;
  out.target = TextParam(params, "target");
  out.filename = TextParam(params, "filename");
  if (HasParam(params, "location")) out.location = TextParam(params, "location");
  if (!with_resume) {
    out.person.skills = ListParam(params, "skills");
    out.person.role = TextParam(params, "role");
    out.person.level = TextParam(params, "level");
    JS_ASSIGN_OR_RETURN(out.person.start, BoolParam(params, "start", false));
  }
  return out;
}

}  // namespace jobscope::server::internal
