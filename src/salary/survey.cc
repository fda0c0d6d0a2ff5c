// The aijobs.net salary survey: work_year, experience_level (EN/MI/SE/EX), employment_type, job_title,
// salary, salary_currency, salary_in_usd, employee_residence, remote_ratio, company_location, company_size.
// Rows repeat (the survey re-publishes answers); exact repeats are dropped.
#include <cstdlib>
#include <set>

#include "base/strings.h"
#include "classify/classify.h"
#include "salary/salary.h"
#include "text/text.h"

namespace jobscope::salary {
namespace {

std::optional<Level> SurveyLevel(std::string_view code) {
  if (code == "EN") return Level::kEntry;
  if (code == "MI") return Level::kMid;
  if (code == "SE") return Level::kSenior;
  if (code == "EX") return Level::kExecutive;
  return std::nullopt;
}

}  // namespace

StatusOr<SurveyLoad> LoadSurvey(const std::string& path) {
  // The survey is read as a plain table: its columns are not posting fields.
  JS_ASSIGN_OR_RETURN(text::CsvTable rows, text::ReadCsvTable(path));
  if (rows.header.empty()) return ParseError(path + ": no header row");
  auto column = [&](std::string_view name) -> StatusOr<size_t> {
    for (size_t idx = 0; idx < rows.header.size(); ++idx) {
      if (rows.header[idx] == name) return idx;
    }
    return ParseError(path + ": no column '" + std::string(name) + "'");
  };
  JS_ASSIGN_OR_RETURN(size_t year_col, column("work_year"));
  JS_ASSIGN_OR_RETURN(size_t level_col, column("experience_level"));
  JS_ASSIGN_OR_RETURN(size_t type_col, column("employment_type"));
  JS_ASSIGN_OR_RETURN(size_t title_col, column("job_title"));
  JS_ASSIGN_OR_RETURN(size_t usd_col, column("salary_in_usd"));
  JS_ASSIGN_OR_RETURN(size_t residence_col, column("employee_residence"));
  JS_ASSIGN_OR_RETURN(size_t remote_col, column("remote_ratio"));
  JS_ASSIGN_OR_RETURN(size_t country_col, column("company_location"));
  JS_ASSIGN_OR_RETURN(size_t size_col, column("company_size"));

  SurveyLoad load;
  std::set<std::vector<std::string>> seen;
  for (size_t row_idx = 0; row_idx < rows.rows.size(); ++row_idx) {
    const std::vector<std::string>& row = rows.rows[row_idx];
    ++load.rows_read;
    std::string where = path + " row " + std::to_string(row_idx + 1);
    if (row.size() != rows.header.size())
      return ParseError(where + ": expected " + std::to_string(rows.header.size()) + " fields");
    if (!seen.insert(row).second) {
      ++load.duplicates_dropped;
      continue;
    }
    SalaryRecord record;
    record.year = std::atoi(row[year_col].c_str());
    auto level = SurveyLevel(row[level_col]);
    if (!level) return ParseError(where + ", field experience_level: unknown '" + row[level_col] + "'");
    record.level = *level;
    record.full_time = row[type_col] == "FT";
    record.title = row[title_col];
    record.role = classify::GuessRole(record.title, "");
    record.salary_usd = std::atof(row[usd_col].c_str());
    if (record.salary_usd <= 0) return ParseError(where + ", field salary_in_usd: not a positive number");
    record.country = row[country_col];
    record.lives_abroad = row[residence_col] != row[country_col];
    record.remote_ratio = std::atoi(row[remote_col].c_str());
    const std::string& size = row[size_col];
    record.company_size = CompanySizeCode(size);
    load.records.push_back(std::move(record));
  }
  return load;
}

}  // namespace jobscope::salary
