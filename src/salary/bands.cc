// Pay bands as the data has them, beside the bands the field commonly quotes.
#include <algorithm>
#include <map>

#include "base/statistics.h"
#include "salary/salary.h"

namespace jobscope::salary {
namespace {

// What the AI field's career guides quote (model/quoted_bands.h), for bands by level.
std::string QuotedBand(const std::string& by, const std::string& key) {
  if (by != "level") return "";
  std::optional<Level> level = ParseLevel(key);
  if (!level) return "";
  std::optional<QuotedPayBand> band = QuotedBandFor(*level);
  return band ? std::string(band->text) : "";
}

}  // namespace

StatusOr<std::vector<Band>> PayBands(const std::vector<SalaryRecord>& records, const std::string& by) {
  if (by != "level" && by != "role" && by != "country") {
    return InvalidArgument("--by must be level, role or country, not '" + by + "'");
  }
  std::map<std::string, std::vector<double>> groups;
  for (const SalaryRecord& record : records) {
    if (!record.full_time) continue;
    std::string key = by == "level"  ? std::string(LevelName(record.level))
                      : by == "role" ? std::string(RoleName(record.role))
                                     : record.country;
    groups[key].push_back(record.salary_usd);
  }
  std::vector<Band> bands;
  for (auto& [key, values] : groups) {
    Band band;
    band.key = key;
    band.records = static_cast<int64_t>(values.size());
    band.p25 = *Quantile(values, 0.25);
    band.p50 = *Quantile(values, 0.5);
    band.p75 = *Quantile(values, 0.75);
    band.quoted = QuotedBand(by, key);
    bands.push_back(std::move(band));
  }
  if (by == "level") {
    auto rank = [](const Band& band) { return static_cast<int>(ParseLevel(band.key).value_or(Level::kUnknown)); };
    std::sort(bands.begin(), bands.end(), [&](const Band& a, const Band& b) { return rank(a) < rank(b); });
  } else {
    std::sort(bands.begin(), bands.end(), [](const Band& a, const Band& b) { return a.records > b.records; });
  }
  return bands;
}

}  // namespace jobscope::salary
