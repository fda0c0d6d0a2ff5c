// An estimate asked for in words, read into a SalaryQuery: the one place both faces (the CLI's `salary
// estimate` and the server's /api/v1/salary/estimate) turn a title, a place and skill names into the
// model's features.
#include <algorithm>
#include <array>
#include <cmath>

#include "base/strings.h"
#include "classify/classify.h"
#include "salary/salary.h"

namespace jobscope::salary {

int CompanySizeCode(std::string_view letter) {
  if (letter == "S") return 0;
  if (letter == "M") return 1;
  if (letter == "L") return 2;
  return -1;
}

StatusOr<SalaryQuery> UnderstandEstimateRequest(const EstimateRequest& request, const taxonomy::Taxonomy* taxonomy) {
  SalaryQuery query;
  if (!request.role.empty()) {
    auto role = ParseRole(request.role);
    if (!role) return InvalidArgument("role: unknown role '" + request.role + "' (ml_engineer, data_scientist, ...)");
    query.role = *role;
  } else if (!request.title.empty()) {
    query.role = classify::GuessRole(request.title, "");
  } else {
    return InvalidArgument("give a title or a role");
  }
  query.level = Level::kMid;
  if (!request.level.empty()) {
    auto level = ParseLevel(request.level);
    if (!level || *level == Level::kUnknown) {
      return InvalidArgument("level: unknown level '" + request.level +
                             "' (intern, entry, mid, senior, lead, executive)");
    }
    query.level = *level;
  }
  if (!request.title.empty()) {
    // Title words beat the default, never a level that was asked for.
    extract::SeniorityCues cues = extract::FindSeniorityCues(request.title, "");
    if (cues.title_level && request.level.empty()) query.level = *cues.title_level;
    query.title = request.title;
  }
  // Two letters are a country code in any case ("gb"), never a town; anything else is a place as boards write
  // it, or a country's name.
  const std::string_view place = TrimAscii(request.location);
  Location location = place.size() == 2 ? Location{} : extract::ParseLocation(place);
  query.country = !location.country.empty() ? location.country : extract::CountryCode(place);
  if (query.country.empty()) {
    return InvalidArgument("location: cannot tell the country of '" + request.location +
                           "' (write a place as \"Berlin, Germany\" or a country code)");
  }
  if (!location.city.empty()) query.metro = MetroKey(location.city, query.country);
  std::vector<std::string> unknown;
  for (const std::string& name : request.skills) {
    std::string trimmed(TrimAscii(name));
    if (trimmed.empty()) continue;
    const taxonomy::Skill* skill = taxonomy ? taxonomy->Find(trimmed) : nullptr;
    if (skill)
      query.skills.push_back(skill->id);
    else
      unknown.push_back(trimmed);
  }
  if (!unknown.empty()) return InvalidArgument("skills: not in the taxonomy: " + JoinStrings(unknown, ", "));
  query.remote_ratio = request.remote ? 100 : 0;
  query.company_size = CompanySizeCode(request.company_size);
  if (query.company_size < 0) return InvalidArgument("company_size: S, M or L, not '" + request.company_size + "'");
  return query;
}

namespace {

// Non-decreasing values closest to `values` in squared error (pool adjacent violators), then each at least
// `step` times the one before.
void PutInOrder(std::vector<double>& values, double step) {
  std::vector<std::pair<double, int>> blocks;  // (mean, size)
  for (double value : values) {
    blocks.emplace_back(value, 1);
    while (blocks.size() > 1 && blocks[blocks.size() - 2].first > blocks.back().first) {
      auto [mean, size] = blocks.back();
      blocks.pop_back();
      blocks.back().first = (blocks.back().first * blocks.back().second + mean * size) / (blocks.back().second + size);
      blocks.back().second += size;
    }
  }
  size_t at = 0;
  for (const auto& [mean, size] : blocks) {
    for (int i = 0; i < size; ++i) values[at++] = mean;
  }
  for (size_t i = 1; i < values.size(); ++i) values[i] = std::max(values[i], values[i - 1] * step);
}

// The estimate of `level` with the ladder kept: see EstimatePay.
StatusOr<SalaryEstimate> LadderOrdered(const SalaryModel& model, const SalaryQuery& query, SalaryEstimate estimate) {
  static constexpr Level kSurveyLevels[] = {Level::kEntry, Level::kMid, Level::kSenior, Level::kExecutive};
  std::array<std::vector<double>, 3> quantiles;  // p10, p50, p90 by survey level
  for (Level level : kSurveyLevels) {
    SalaryQuery at = query;
    at.level = level;
    JS_ASSIGN_OR_RETURN(SalaryEstimate one, model.Estimate(at));
    quantiles[0].push_back(one.p10);
    quantiles[1].push_back(one.p50);
    quantiles[2].push_back(one.p90);
  }
  std::array<double, 3> chosen{};
  for (size_t q = 0; q < 3; ++q) {
    std::vector<double>& values = quantiles[q];
    const std::vector<double> raw = values;  // what a level backed by records shows
    PutInOrder(values, 1.03);
    double entry = values[0], mid = values[1], senior = values[2], executive = values[3];
    switch (query.level) {
      // Below entry and above senior as either is shown: its own estimate when records back it.
      case Level::kIntern:
        chosen[q] = std::min(entry * entry / mid, std::min(entry, raw[0]) / 1.03);
        break;
      case Level::kEntry:
        chosen[q] = entry;
        break;
      case Level::kMid:
      case Level::kUnknown:
        chosen[q] = mid;
        break;
      case Level::kSenior:
        chosen[q] = senior;
        break;
      case Level::kLead:
        chosen[q] = std::max(std::sqrt(senior * executive), std::max(senior, raw[2]) * 1.03);
        break;
      case Level::kExecutive:
        chosen[q] = executive;
        break;
    }
  }
  estimate.p10 = std::min(chosen[0], chosen[1]);
  estimate.p50 = chosen[1];
  estimate.p90 = std::max(chosen[2], chosen[1]);
  estimate.fallback =
      "no survey record with this role, level and country: the model's estimates for every level, "
      "put in ladder order (intern < entry < mid < senior < lead < executive)";
  return estimate;
}

}  // namespace

StatusOr<EstimateAnswer> EstimatePay(const SalaryModel& model, const EstimateRequest& request,
                                     const taxonomy::Taxonomy* taxonomy, const extract::CurrencyRates* rates) {
  EstimateAnswer answer;
  JS_ASSIGN_OR_RETURN(answer.query, UnderstandEstimateRequest(request, taxonomy));
  JS_ASSIGN_OR_RETURN(answer.estimate, model.Estimate(answer.query));
  if (answer.estimate.comparable_records == 0) {
    JS_ASSIGN_OR_RETURN(answer.estimate, LadderOrdered(model, answer.query, std::move(answer.estimate)));
  }
  answer.skills_learnt = std::any_of(answer.estimate.factors.begin(), answer.estimate.factors.end(),
                                     [](const SalaryFactor& factor) { return factor.name == "skills"; });
  answer.estimate.currency = extract::CurrencyOfCountry(answer.query.country);
  const std::string& currency = answer.estimate.currency;
  if (rates && !currency.empty() && currency != "USD") {
    if (auto usd_per_unit = rates->UsdPerUnit(currency))
      answer.estimate.p50_local = answer.estimate.p50 / *usd_per_unit;
  }
  return answer;
}

}  // namespace jobscope::salary
