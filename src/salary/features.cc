#include "salary/internal/features.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "text/text.h"

namespace jobscope::salary::internal {
namespace {

// Title words that carry pay information beyond role and level in the survey's titles.
constexpr std::array<std::string_view, 14> kTitleWords = {
    "manager", "lead",      "head",     "director", "principal", "staff",      "chief",
    "vp",      "architect", "research", "applied",  "analytics", "consultant", "specialist"};

}  // namespace

FeatureEncoder FeatureEncoder::Fit(const std::vector<SalaryRecord>& records, size_t min_rows, bool posting_features) {
  std::map<std::string, size_t> countries, metros, skills;
  for (const SalaryRecord& record : records) {
    ++countries[record.country];
    if (!posting_features) continue;
    if (!record.metro.empty()) ++metros[record.metro];
    for (const std::string& skill : record.skills) ++skills[skill];
  }
  Vocabulary vocabulary;
  for (const auto& [country, count] : countries) {
    if (count >= min_rows && !country.empty()) vocabulary.countries.push_back(country);
  }
  for (const auto& [metro, count] : metros) {
    if (count >= kMinMetroRows) vocabulary.metros.push_back(metro);
  }
  std::vector<std::pair<size_t, std::string>> by_count;
  for (const auto& [skill, count] : skills) {
    if (count >= kMinSkillRows) by_count.push_back({count, skill});
  }
  std::sort(by_count.begin(), by_count.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  for (size_t idx = 0; idx < std::min(kMaxSkills, by_count.size()); ++idx)
    vocabulary.skills.push_back(by_count[idx].second);
  std::sort(vocabulary.skills.begin(), vocabulary.skills.end());
  return FromVocabulary(std::move(vocabulary));
}

FeatureEncoder FeatureEncoder::FromVocabulary(Vocabulary vocabulary) {
  FeatureEncoder encoder;
  encoder.vocabulary_ = std::move(vocabulary);
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
  for (const std::string& country : vocabulary_.countries) add("country=" + country, "country");
  add("country=other", "country");
  add("lives_abroad", "remote");
  add("remote_ratio", "remote");
  add("company_size", "company size");
  add("year", "year");
  for (std::string_view word : kTitleWords) add("title:" + std::string(word), "title words");
  for (const std::string& metro : vocabulary_.metros) add("metro=" + metro, "metro");
  for (const std::string& skill : vocabulary_.skills) add("skill=" + skill, "skills");
}

void FeatureEncoder::Encode(const SalaryRecord& record, std::vector<float>& out) const {
  for (Level level : AllLevels()) out.push_back(record.level == level ? 1.0f : 0.0f);
  for (Role role : AllRoles()) out.push_back(record.role == role ? 1.0f : 0.0f);
  bool known = false;
  for (const std::string& country : vocabulary_.countries) {
    bool match = record.country == country;
    known = known || match;
    out.push_back(match ? 1.0f : 0.0f);
  }
  out.push_back(known ? 0.0f : 1.0f);
  out.push_back(record.lives_abroad ? 1.0f : 0.0f);
  out.push_back(static_cast<float>(record.remote_ratio));
  out.push_back(record.company_size < 0 ? std::nanf("") : static_cast<float>(record.company_size));
  out.push_back(record.year > 0 ? static_cast<float>(record.year) : std::nanf(""));
  std::string title = text::NormalizeKey(record.title);
  for (std::string_view word : kTitleWords) out.push_back(text::ContainsPhrase(title, word) ? 1.0f : 0.0f);
  for (const std::string& metro : vocabulary_.metros) {
    out.push_back(record.metro.empty() ? std::nanf("") : record.metro == metro ? 1.0f : 0.0f);
  }
  for (const std::string& skill : vocabulary_.skills) {
    bool has = std::binary_search(record.skills.begin(), record.skills.end(), skill);
    out.push_back(!record.skills_known ? std::nanf("") : has ? 1.0f : 0.0f);
  }
}

}  // namespace jobscope::salary::internal
