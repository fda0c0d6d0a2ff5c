// Stored postings as salary records: what postings add to the survey is where the job is (the metro) and
// which skills it asks for.
#include <algorithm>
#include <cstdlib>

#include "salary/salary.h"

namespace jobscope::salary {
namespace {

int RemoteRatio(RemoteMode mode) {
  switch (mode) {
    case RemoteMode::kRemote:
      return 100;
    case RemoteMode::kHybrid:
      return 50;
    default:
      return 0;
  }
}

}  // namespace

std::string MetroKey(std::string_view city, std::string_view country) {
  return std::string(city) + "|" + std::string(country);
}

StatusOr<std::vector<SalaryRecord>> PostingSalaryRecords(store::Store& store) {
  std::vector<SalaryRecord> records;
  JS_RETURN_IF_ERROR(store.ForEachPosting([&](Posting& posting) {
    const Understanding& u = posting.understood;
    std::optional<double> pay = u.salary.annual_mid_usd();
    if (!pay || *pay <= 0 || !posting.duplicate_of.empty() || u.location.country.empty()) return true;
    SalaryRecord record;
    record.from_posting = true;
    const std::string& date = posting.raw.date_posted;
    record.year = date.size() >= 4 ? std::atoi(date.substr(0, 4).c_str()) : 0;
    record.level = u.level;
    record.role = u.role;
    record.title = posting.raw.title;
    record.country = u.location.country;
    record.remote_ratio = RemoteRatio(u.remote);
    record.full_time = u.employment_type == EmploymentType::kFullTime || u.employment_type == EmploymentType::kUnknown;
    record.salary_usd = *pay;
    if (!u.location.city.empty()) record.metro = MetroKey(u.location.city, u.location.country);
    record.skills_known = true;
    for (const SkillMention& mention : u.skills) record.skills.push_back(mention.skill_id);
    std::sort(record.skills.begin(), record.skills.end());
    record.skills.erase(std::unique(record.skills.begin(), record.skills.end()), record.skills.end());
    records.push_back(std::move(record));
    return true;
  }));
  return records;
}

}  // namespace jobscope::salary
