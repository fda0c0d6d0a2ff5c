#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "salary/internal/features.h"
#include "text/text.h"

namespace jobscope::salary::internal {
namespace {

// Title words that carry pay information beyond role and level in the survey's titles.
constexpr std::array<std::string_view, 14> kTitleWords = {
    "manager", "lead", "head", "director", "principal", "staff", "chief", "vp",
    "architect", "research", "applied", "analytics", "consultant", "specialist"};

}  // namespace

FeatureEncoder FeatureEncoder::Fit(const std::vector<SalaryRecord>& records, size_t min_rows) {
  std::map<std::string, size_t> counts;
  for (const SalaryRecord& record : records) ++counts[record.country];
  FeatureEncoder encoder;
  for (const auto& [country, count] : counts) {
    if (count >= min_rows && !country.empty()) encoder.countries_.push_back(country);
  }
  encoder.Build();
  return encoder;
}

FeatureEncoder FeatureEncoder::FromCountries(std::vector<std::string> countries) {
  FeatureEncoder encoder;
  encoder.countries_ = std::move(countries);
  encoder.Build();
  return encoder;
}

void FeatureEncoder::Build() {
  names_.clear();
  groups_.clear();
  auto add = [&](std::string name, std::string group) {
    names_.push_back(std::move(name));
    groups_.push_back(std::move(group));
  };
  for (Level level : AllLevels()) add("level=" + std::string(LevelName(level)), "level");
  for (Role role : AllRoles()) add("role=" + std::string(RoleName(role)), "role");
  for (const std::string& country : countries_) add("country=" + country, "country");
  add("country=other", "country");
  add("lives_abroad", "remote");
  add("remote_ratio", "remote");
  add("company_size", "company size");
  add("year", "year");
  for (std::string_view word : kTitleWords) add("title:" + std::string(word), "title words");
}

void FeatureEncoder::Encode(const SalaryRecord& record, std::vector<float>& out) const {
  for (Level level : AllLevels()) out.push_back(record.level == level ? 1.0f : 0.0f);
  for (Role role : AllRoles()) out.push_back(record.role == role ? 1.0f : 0.0f);
  bool known = false;
  for (const std::string& country : countries_) {
    bool match = record.country == country;
    known = known || match;
    out.push_back(match ? 1.0f : 0.0f);
  }
  out.push_back(known ? 0.0f : 1.0f);
  out.push_back(record.lives_abroad ? 1.0f : 0.0f);
  out.push_back(static_cast<float>(record.remote_ratio));
  out.push_back(record.company_size < 0 ? std::nanf("") : static_cast<float>(record.company_size));
  out.push_back(static_cast<float>(record.year));
  std::string title = text::NormalizeKey(record.title);
  for (std::string_view word : kTitleWords) out.push_back(text::ContainsPhrase(title, word) ? 1.0f : 0.0f);
}

}  // namespace jobscope::salary::internal
