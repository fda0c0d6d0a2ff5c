// A posting's columns, in one place for every store: the column lists, how a posting is bound to an insert
// and how a row is read back. Each store brings its own statement (SQLite's Statement, PostgreSQL's
// parameters and rows) with the same few methods, so the column order has one home.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "model/model.h"
#include "text/text.h"

namespace jobscope::store::internal {

constexpr std::string_view kPostingColumns =
    "id, run_id, source, source_id, url, title, company, location_text, description, description_original, "
    "date_posted, employment_type_text, experience_level_text, work_type_text, salary_text, skills_text, "
    "raw_salary_min, raw_salary_max, raw_salary_currency, raw_salary_interval, raw_is_remote, city, region, "
    "country, remote, employment_type, role, level, years_min, seniority_cues, salary_min, salary_max, "
    "salary_currency, salary_period, salary_annual_min_usd, salary_annual_max_usd, salary_source, "
    "salary_original, salary_currency_unknown, duplicate_key, company_key, text_fingerprint, duplicate_of, skills, "
    "candidate_skills";
constexpr int kPostingColumnCount = 45;
// What ReadSearchableInto reads.
constexpr std::string_view kSearchableColumns =
    "id, title, company, description, date_posted, city, region, country, remote, employment_type, role, level, "
    "salary_annual_min_usd, salary_annual_max_usd, skills, coalesce(duplicate_of, '')";

// Skill mentions packed into one column: fields separated by 0x1F, mentions by 0x1E.
std::string PackSkills(const std::vector<SkillMention>& skills);
// Unpacks into `skills`, reusing its mentions' strings: every stored posting passes through here when an
// index is built, with dozens of mentions each, and the scan hands back the same posting's buffers.
void UnpackSkills(std::string_view packed, std::vector<SkillMention>& skills);
// Splits `joined` on `separator` into `parts`, reusing their strings.
void SplitInto(std::string_view joined, char separator, std::vector<std::string>& parts);

// Binds the kPostingColumns of `posting` to parameters 1..kPostingColumnCount, with `duplicate_of` (empty:
// none) as the posting it repeats. `Binder` has BindText,
// BindTextNoCopy (the value outlives the statement's run), BindInt, BindDouble (optional, NULL when empty)
// and BindOptionalInt.
template <typename Binder>
void BindPosting(Binder& s, const Posting& posting, int64_t run_id, std::string_view duplicate_of) {
  const RawPosting& raw = posting.raw;
  const Understanding& u = posting.understood;
  int col = 1;
  s.BindText(col++, posting.id);
  s.BindInt(col++, run_id);
  s.BindText(col++, raw.source);
  s.BindText(col++, raw.source_id);
  s.BindText(col++, raw.url);
  s.BindText(col++, raw.title);
  s.BindText(col++, raw.company);
  s.BindText(col++, raw.location);
  s.BindTextNoCopy(col++, raw.description);
  s.BindTextNoCopy(col++, raw.description_original);
  s.BindText(col++, raw.date_posted);
  s.BindText(col++, raw.employment_type);
  s.BindText(col++, raw.experience_level);
  s.BindText(col++, raw.work_type);
  s.BindText(col++, raw.salary_text);
  s.BindText(col++, raw.skills_text);
  s.BindDouble(col++, raw.salary_min);
  s.BindDouble(col++, raw.salary_max);
  s.BindText(col++, raw.salary_currency);
  s.BindText(col++, raw.salary_interval);
  s.BindOptionalInt(col++, raw.is_remote ? std::optional<int64_t>(*raw.is_remote ? 1 : 0) : std::nullopt);
  s.BindText(col++, u.location.city);
  s.BindText(col++, u.location.region);
  s.BindText(col++, u.location.country);
  s.BindText(col++, RemoteModeName(u.remote));
  s.BindText(col++, EmploymentTypeName(u.employment_type));
  s.BindText(col++, RoleName(u.role));
  s.BindText(col++, LevelName(u.level));
  s.BindOptionalInt(col++, u.years_experience_min ? std::optional<int64_t>(*u.years_experience_min) : std::nullopt);
  s.BindText(col++, JoinStrings(u.seniority_cues, "\x1f"));
  s.BindDouble(col++, u.salary.min);
  s.BindDouble(col++, u.salary.max);
  s.BindText(col++, u.salary.currency);
  s.BindText(col++, SalaryPeriodName(u.salary.period));
  s.BindDouble(col++, u.salary.annual_min_usd);
  s.BindDouble(col++, u.salary.annual_max_usd);
  s.BindText(col++, SalarySourceName(u.salary.source));
  s.BindText(col++, u.salary.text);
  s.BindInt(col++, u.salary.currency_unknown ? 1 : 0);
  s.BindText(col++, u.duplicate_key);
  s.BindText(col++, text::NormalizeKey(raw.company));
  s.BindInt(col++, static_cast<int64_t>(u.text_fingerprint));
  if (duplicate_of.empty()) {
    s.BindDouble(col++, std::nullopt);  // binds NULL
  } else {
    s.BindText(col++, duplicate_of);
  }
  s.BindText(col++, PackSkills(u.skills));
  s.BindText(col++, JoinStrings(u.candidate_skills, "\x1e"));
}

// City, region, country, remote mode, employment type, role and level, from `col` on (both column lists
// hold them in this order); returns the next column. `Row` has ColumnView, ColumnInt, ColumnOptionalDouble
// and ColumnOptionalInt.
template <typename Row>
int ReadPlaceAndClasses(const Row& row, int col, Understanding& u) {
  u.location.city.assign(row.ColumnView(col++));
  u.location.region.assign(row.ColumnView(col++));
  u.location.country.assign(row.ColumnView(col++));
  u.remote = ParseRemoteMode(row.ColumnView(col++)).value_or(RemoteMode::kUnknown);
  u.employment_type = ParseEmploymentType(row.ColumnView(col++)).value_or(EmploymentType::kUnknown);
  u.role = ParseRole(row.ColumnView(col++)).value_or(Role::kOther);
  u.level = ParseLevel(row.ColumnView(col++)).value_or(Level::kUnknown);
  return col;
}

// Fills every field of `posting` from a row of kPostingColumns, reusing the strings it holds, so a scan
// that hands the same posting back allocates nothing once its buffers have grown.
template <typename Row>
void ReadPostingInto(const Row& row, Posting& posting) {
  RawPosting& raw = posting.raw;
  Understanding& u = posting.understood;
  int col = 0;
  posting.id.assign(row.ColumnView(col++));
  ++col;  // run_id
  raw.source.assign(row.ColumnView(col++));
  raw.source_id.assign(row.ColumnView(col++));
  raw.url.assign(row.ColumnView(col++));
  raw.title.assign(row.ColumnView(col++));
  raw.company.assign(row.ColumnView(col++));
  raw.location.assign(row.ColumnView(col++));
  raw.description.assign(row.ColumnView(col++));
  raw.description_original.assign(row.ColumnView(col++));
  raw.date_posted.assign(row.ColumnView(col++));
  raw.employment_type.assign(row.ColumnView(col++));
  raw.experience_level.assign(row.ColumnView(col++));
  raw.work_type.assign(row.ColumnView(col++));
  raw.salary_text.assign(row.ColumnView(col++));
  raw.skills_text.assign(row.ColumnView(col++));
  raw.salary_min = row.ColumnOptionalDouble(col++);
  raw.salary_max = row.ColumnOptionalDouble(col++);
  raw.salary_currency.assign(row.ColumnView(col++));
  raw.salary_interval.assign(row.ColumnView(col++));
  auto remote = row.ColumnOptionalInt(col++);
  raw.is_remote = remote ? std::optional<bool>(*remote != 0) : std::nullopt;
  col = ReadPlaceAndClasses(row, col, u);
  auto years = row.ColumnOptionalInt(col++);
  u.years_experience_min = years ? std::optional<int>(static_cast<int>(*years)) : std::nullopt;
  SplitInto(row.ColumnView(col++), '\x1f', u.seniority_cues);
  u.salary.min = row.ColumnOptionalDouble(col++);
  u.salary.max = row.ColumnOptionalDouble(col++);
  u.salary.currency.assign(row.ColumnView(col++));
  u.salary.period = ParseSalaryPeriod(row.ColumnView(col++)).value_or(SalaryPeriod::kUnknown);
  u.salary.annual_min_usd = row.ColumnOptionalDouble(col++);
  u.salary.annual_max_usd = row.ColumnOptionalDouble(col++);
  u.salary.source = ParseSalarySource(row.ColumnView(col++)).value_or(SalarySource::kNone);
  u.salary.text.assign(row.ColumnView(col++));
  u.salary.currency_unknown = row.ColumnInt(col++) != 0;
  u.duplicate_key.assign(row.ColumnView(col++));
  ++col;  // company_key
  u.text_fingerprint = static_cast<uint64_t>(row.ColumnInt(col++));
  posting.duplicate_of.assign(row.ColumnView(col++));
  UnpackSkills(row.ColumnView(col++), u.skills);
  SplitInto(row.ColumnView(col++), '\x1e', u.candidate_skills);
  // Not kept by the store: cleared, in case the posting held another's.
  u.role_probability.reset();
  u.role_evidence.clear();
  u.level_probability = 0;
  u.level_evidence.clear();
}

// Fills the fields a search index reads from a row of kSearchableColumns, reusing the posting's strings.
template <typename Row>
void ReadSearchableInto(const Row& row, Posting& posting) {
  RawPosting& raw = posting.raw;
  Understanding& u = posting.understood;
  int col = 0;
  posting.id.assign(row.ColumnView(col++));
  raw.title.assign(row.ColumnView(col++));
  raw.company.assign(row.ColumnView(col++));
  raw.description.assign(row.ColumnView(col++));
  raw.date_posted.assign(row.ColumnView(col++));
  col = ReadPlaceAndClasses(row, col, u);
  u.salary.annual_min_usd = row.ColumnOptionalDouble(col++);
  u.salary.annual_max_usd = row.ColumnOptionalDouble(col++);
  UnpackSkills(row.ColumnView(col++), u.skills);
  posting.duplicate_of.assign(row.ColumnView(col++));
}

}  // namespace jobscope::store::internal
