// Saved searches and their alerts. A run indexes only the postings stored since the oldest mark of the
// searches it runs (a small index made for the run, searched with the same words and filters as the market's):
// reading and analysing postings costs what is new; only the store's list of posting numbers is read whole.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "search/search.h"

namespace jobscope::search {
namespace {

using nlohmann::json;

StatusOr<FilterSpec> FiltersFromJson(const std::string& text, const std::string& name) {
  FilterSpec filters;
  try {
    json in = json::parse(text);
    filters.roles = in.value("roles", std::vector<std::string>{});
    filters.levels = in.value("levels", std::vector<std::string>{});
    filters.skills = in.value("skills", std::vector<std::string>{});
    filters.all_skills = in.value("all_skills", false);
    filters.company = in.value("company", "");
    filters.country = in.value("country", "");
    filters.region = in.value("region", "");
    filters.city = in.value("city", "");
    filters.employment_type = in.value("employment_type", "");
    filters.from = in.value("from", "");
    filters.to = in.value("to", "");
    filters.remote = in.value("remote", false);
    if (in.contains("min_salary") && in["min_salary"].is_number()) filters.min_salary = in["min_salary"].get<double>();
    if (in.contains("max_salary") && in["max_salary"].is_number()) filters.max_salary = in["max_salary"].get<double>();
  } catch (const json::exception& error) {
    return ParseError("saved search '" + name + "': unreadable filters: " + error.what());
  }
  return filters;
}

SavedSearchSpec SpecOf(const store::SavedSearch& saved, FilterSpec filters) {
  return {saved.name, saved.query, std::move(filters), saved.created_at, saved.last_run_at};
}

}  // namespace

std::string FilterSpecToJson(const FilterSpec& filters) {
  json out = {{"roles", filters.roles},
              {"levels", filters.levels},
              {"skills", filters.skills},
              {"all_skills", filters.all_skills},
              {"company", filters.company},
              {"country", filters.country},
              {"region", filters.region},
              {"city", filters.city},
              {"employment_type", filters.employment_type},
              {"from", filters.from},
              {"to", filters.to},
              {"remote", filters.remote}};
  out["min_salary"] = filters.min_salary ? json(*filters.min_salary) : json(nullptr);
  out["max_salary"] = filters.max_salary ? json(*filters.max_salary) : json(nullptr);
  // Filter words come from a query string or a command line and need not be UTF-8: such bytes are written
  // as U+FFFD (they match nothing either way) instead of throwing.
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

Status SaveSearch(store::Store& store, const SavedSearchSpec& search, const taxonomy::Taxonomy& taxonomy) {
  if (TrimAscii(search.name).empty()) return InvalidArgument("name: give the saved search a name");
  // The name is a path segment of the API (/api/v1/alerts/{name}): no slash, no control character.
  if (std::any_of(search.name.begin(), search.name.end(),
                  [](char c) { return c == '/' || c == '\\' || (c >= 0 && c < 0x20); })) {
    return InvalidArgument("name: '" + search.name +
                           "' has a slash or a control character; use letters, digits, spaces, - or _");
  }
  JS_RETURN_IF_ERROR(index::ParseQuery(search.query).status());
  JS_RETURN_IF_ERROR(ResolveFilters(search.filters, taxonomy).status());
  JS_ASSIGN_OR_RETURN(int64_t last, store.LastSequence());
  store::SavedSearch saved;
  saved.name = std::string(TrimAscii(search.name));
  saved.query = search.query;
  saved.filters_json = FilterSpecToJson(search.filters);
  saved.through_sequence = last;
  return store.PutSavedSearch(saved);
}

StatusOr<std::vector<SavedSearchSpec>> ListSavedSearches(store::Store& store) {
  JS_ASSIGN_OR_RETURN(std::vector<store::SavedSearch> saved, store.ListSavedSearches());
  std::vector<SavedSearchSpec> out;
  for (const auto& each : saved) {
    JS_ASSIGN_OR_RETURN(FilterSpec filters, FiltersFromJson(each.filters_json, each.name));
    out.push_back(SpecOf(each, std::move(filters)));
  }
  return out;
}

Status DeleteSavedSearch(store::Store& store, const std::string& name) {
  JS_ASSIGN_OR_RETURN(bool deleted, store.DeleteSavedSearch(name));
  if (!deleted) return NotFound("no saved search named '" + name + "'");
  return Status::Ok();
}

StatusOr<AlertRun> RunAlerts(store::Store& store, const taxonomy::Taxonomy& taxonomy, const std::string& name,
                             bool peek) {
  JS_ASSIGN_OR_RETURN(std::vector<store::SavedSearch> saved, store.ListSavedSearches());
  if (!name.empty()) {
    std::erase_if(saved, [&](const store::SavedSearch& each) { return each.name != name; });
    if (saved.empty()) return NotFound("no saved search named '" + name + "'");
  }
  AlertRun run;
  JS_ASSIGN_OR_RETURN(run.through_sequence, store.LastSequence());
  if (saved.empty()) return run;
  int64_t oldest = run.through_sequence;
  for (const auto& each : saved) oldest = std::min(oldest, each.through_sequence);

  // The new postings, each with its sequence, indexed once for all the searches.
  std::vector<Posting> fresh;
  std::vector<int64_t> sequence_of;  // by document number
  auto index = index::SearchIndex::Empty();
  {
    JS_ASSIGN_OR_RETURN(std::vector<int64_t> sequences,
                        store.SequencesInOrder(store::PostingOrder::kId, false, nullptr));
    std::unordered_map<std::string, int64_t> by_id;
    std::vector<int64_t> wanted;
    for (int64_t sequence : sequences) {
      if (sequence > oldest && sequence <= run.through_sequence) wanted.push_back(sequence);
    }
    std::sort(wanted.begin(), wanted.end());
    size_t at = 0;
    JS_RETURN_IF_ERROR(store.ForEachPostingOf(wanted, [&](Posting& posting) {
      index->Add(posting);
      sequence_of.push_back(wanted[at++]);
      fresh.push_back(std::move(posting));
      return true;
    }));
  }
  run.postings_considered = static_cast<int64_t>(fresh.size());
  const SkillWords skill_words(taxonomy);  // a saved search reads its words as the search does
  for (const auto& each : saved) {
    JS_ASSIGN_OR_RETURN(FilterSpec spec, FiltersFromJson(each.filters_json, each.name));
    auto filters = ResolveFilters(spec, taxonomy);
    if (!filters.ok()) return InvalidArgument("saved search '" + each.name + "': " + filters.status().message());
    JS_ASSIGN_OR_RETURN(index::Query query, index::ParseQuery(each.query));
    skill_words.Apply(query);
    index::SearchRequest request;
    request.query = query;
    request.filters = *filters;
    request.limit = fresh.size();
    index::SearchResult result = index->Search(request);
    Alert alert{each.name, each.query, {}};
    for (const auto& hit : result.hits) {
      if (sequence_of[hit.doc] > each.through_sequence) alert.postings.push_back(fresh[hit.doc]);
    }
    std::stable_sort(alert.postings.begin(), alert.postings.end(), [](const Posting& a, const Posting& b) {
      return a.raw.date_posted != b.raw.date_posted ? a.raw.date_posted > b.raw.date_posted : a.id < b.id;
    });
    run.alerts.push_back(std::move(alert));
  }
  if (!peek) {
    std::vector<std::string> names;
    for (const auto& each : saved) names.push_back(each.name);
    JS_RETURN_IF_ERROR(store.MarkSavedSearchesRun(names, run.through_sequence));
  }
  return run;
}

}  // namespace jobscope::search
