// Field names and the conventional column headers of the common exports.
#include <array>
#include <charconv>
#include <cmath>

#include "base/strings.h"
#include "ingest/ingest.h"
#include "ingest/internal/posting_fields.h"
#include "text/text.h"

namespace jobscope::ingest {
namespace {

constexpr std::array<std::pair<Field, std::string_view>, 18> kFieldNames = {{
    {Field::kSourceId, "source_id"},
    {Field::kUrl, "url"},
    {Field::kTitle, "title"},
    {Field::kCompany, "company"},
    {Field::kLocation, "location"},
    {Field::kDescription, "description"},
    {Field::kDatePosted, "date_posted"},
    {Field::kEmploymentType, "employment_type"},
    {Field::kExperienceLevel, "experience_level"},
    {Field::kWorkType, "work_type"},
    {Field::kSalaryText, "salary"},
    {Field::kSalaryMin, "salary_min"},
    {Field::kSalaryMax, "salary_max"},
    {Field::kSalaryCurrency, "salary_currency"},
    {Field::kSalaryInterval, "salary_interval"},
    {Field::kIsRemote, "is_remote"},
    {Field::kSkills, "skills"},
    {Field::kSource, "source"},
}};

// Headers as the exports write them, reduced to lowercase letters and digits.
constexpr std::array<std::pair<std::string_view, Field>, 62> kHeaderSynonyms = {{
    {"id", Field::kSourceId},
    {"jobid", Field::kSourceId},
    {"postingid", Field::kSourceId},
    {"identifier", Field::kSourceId},
    {"sourceid", Field::kSourceId},
    {"url", Field::kUrl},
    {"joburl", Field::kUrl},
    {"link", Field::kUrl},
    {"applyurl", Field::kUrl},
    {"jobposturl", Field::kUrl},
    {"title", Field::kTitle},
    {"jobtitle", Field::kTitle},
    {"position", Field::kTitle},
    {"positiontitle", Field::kTitle},
    {"company", Field::kCompany},
    {"companyname", Field::kCompany},
    {"employer", Field::kCompany},
    {"organization", Field::kCompany},
    {"hiringorganization", Field::kCompany},
    {"location", Field::kLocation},
    {"joblocation", Field::kLocation},
    {"description", Field::kDescription},
    {"jobdescription", Field::kDescription},
    {"body", Field::kDescription},
    {"dateposted", Field::kDatePosted},
    {"publishedat", Field::kDatePosted},
    {"postedat", Field::kDatePosted},
    {"postingdate", Field::kDatePosted},
    {"posted", Field::kDatePosted},
    {"date", Field::kDatePosted},
    {"employmenttype", Field::kEmploymentType},
    {"jobtype", Field::kEmploymentType},
    {"contracttype", Field::kEmploymentType},
    {"experiencelevel", Field::kExperienceLevel},
    {"joblevel", Field::kExperienceLevel},
    {"seniority", Field::kExperienceLevel},
    {"senioritylevel", Field::kExperienceLevel},
    {"worktype", Field::kWorkType},
    {"workplacetype", Field::kWorkType},
    {"workfromhometype", Field::kWorkType},
    {"remotetype", Field::kWorkType},
    {"salary", Field::kSalaryText},
    {"salaryestimate", Field::kSalaryText},
    {"salaryrange", Field::kSalaryText},
    {"compensation", Field::kSalaryText},
    {"pay", Field::kSalaryText},
    {"salarytext", Field::kSalaryText},
    {"minamount", Field::kSalaryMin},
    {"salarymin", Field::kSalaryMin},
    {"minsalary", Field::kSalaryMin},
    {"maxamount", Field::kSalaryMax},
    {"salarymax", Field::kSalaryMax},
    {"maxsalary", Field::kSalaryMax},
    {"currency", Field::kSalaryCurrency},
    {"salarycurrency", Field::kSalaryCurrency},
    {"interval", Field::kSalaryInterval},
    {"salaryinterval", Field::kSalaryInterval},
    {"isremote", Field::kIsRemote},
    {"remote", Field::kIsRemote},
    {"skills", Field::kSkills},
    {"requirmentofthecompany", Field::kSkills},
    {"site", Field::kSource},
}};

std::string HeaderKey(std::string_view header) {
  std::string key;
  for (char c : header) {
    if (IsAsciiAlnum(static_cast<unsigned char>(c)))
      key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

std::optional<double> ParseNumber(std::string_view text) {
  text = TrimAscii(text);
  std::string cleaned;
  for (char c : text) {
    if (c != ',' && c != '$' && c != ' ') cleaned += c;
  }
  if (cleaned.empty()) return std::nullopt;
  double value = 0;
  auto [end, error] = std::from_chars(cleaned.data(), cleaned.data() + cleaned.size(), value);
  if (error != std::errc() || end != cleaned.data() + cleaned.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string_view FieldName(Field field) {
  for (const auto& [key, name] : kFieldNames) {
    if (key == field) return name;
  }
  return "unknown";
}

std::optional<Field> ParseField(std::string_view name) {
  for (const auto& [key, entry] : kFieldNames) {
    if (entry == name) return key;
  }
  return std::nullopt;
}

std::optional<Field> FieldForHeader(std::string_view header) {
  std::string key = HeaderKey(header);
  for (const auto& [synonym, field] : kHeaderSynonyms) {
    if (synonym == key) return field;
  }
  return std::nullopt;
}

namespace internal {

std::string SetField(RawPosting& posting, Field field, std::string_view value, std::string* pay_note) {
  size_t bad_offset = 0;
  if (!text::IsValidUtf8(value, &bad_offset)) return "invalid UTF-8 at byte " + std::to_string(bad_offset);
  std::string_view trimmed = TrimAscii(value);
  if (trimmed.empty()) return "";
  auto number = [&](std::optional<double>& slot) -> std::string {
    std::optional<double> parsed = ParseNumber(trimmed);
    std::string problem;
    if (!parsed)
      problem = "not a number: '" + std::string(trimmed.substr(0, 40)) + "'";
    else if (!std::isfinite(*parsed) || *parsed < 0)
      problem = "not a pay amount: '" + std::string(trimmed.substr(0, 40)) + "'";
    if (problem.empty()) {
      slot = *parsed;
      return "";
    }
    if (!pay_note) return problem;
    *pay_note = problem;
    return "";
  };
  switch (field) {
    case Field::kSourceId:
      posting.source_id = std::string(trimmed);
      break;
    case Field::kUrl:
      posting.url = std::string(trimmed);
      break;
    case Field::kTitle:
      posting.title = std::string(trimmed);
      break;
    case Field::kCompany:
      posting.company = std::string(trimmed);
      break;
    case Field::kLocation:
      posting.location = std::string(trimmed);
      break;
    case Field::kDescription:
      posting.description = std::string(value);
      break;
    case Field::kDatePosted:
      posting.date_posted = std::string(trimmed);
      break;
    case Field::kEmploymentType:
      posting.employment_type = std::string(trimmed);
      break;
    case Field::kExperienceLevel:
      posting.experience_level = std::string(trimmed);
      break;
    case Field::kWorkType:
      posting.work_type = std::string(trimmed);
      break;
    case Field::kSalaryText:
      posting.salary_text = std::string(trimmed);
      break;
    case Field::kSalaryMin:
      return number(posting.salary_min);
    case Field::kSalaryMax:
      return number(posting.salary_max);
    case Field::kSalaryCurrency:
      posting.salary_currency = std::string(trimmed);
      break;
    case Field::kSalaryInterval:
      posting.salary_interval = std::string(trimmed);
      break;
    case Field::kIsRemote: {
      std::string lower = AsciiLower(trimmed);
      if (lower == "true" || lower == "1" || lower == "yes")
        posting.is_remote = true;
      else if (lower == "false" || lower == "0" || lower == "no")
        posting.is_remote = false;
      else
        return "not a boolean: '" + std::string(trimmed.substr(0, 40)) + "'";
      break;
    }
    case Field::kSkills:
      if (!posting.skills_text.empty()) posting.skills_text += ", ";
      posting.skills_text += std::string(trimmed);
      break;
    case Field::kSource:
      posting.source = std::string(trimmed);
      break;
  }
  return "";
}

bool ValidatePosting(const RawPosting& posting, std::string& error_field, std::string& error_reason) {
  if (TrimAscii(posting.title).empty()) {
    error_field = "title";
    error_reason = "missing title";
    return false;
  }
  return true;
}

}  // namespace internal
}  // namespace jobscope::ingest
