// Runs every tests/golden/<group>/*.test file. A file opens with "# name:", "# description:" and
// "# group:" headers, then cases:
//   input: one line            (or  input<<  ...lines...  >>  for several lines)
//   expect: key=value ...      (what the group's function must return; see Check* below)
// Each case is checked on its own and a failure names the file and line.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "classify/classify.h"
#include "extract/extract.h"
#include "taxonomy/taxonomy.h"

namespace jobscope {
namespace {

struct Case {
  int line = 0;
  std::string input;
  std::string expect;
};

struct GoldenFile {
  std::string path;
  std::string name;
  std::string group;
  std::vector<Case> cases;
};

GoldenFile ReadGolden(const std::string& path) {
  GoldenFile file;
  file.path = path;
  std::ifstream in(path);
  std::string line;
  int line_no = 0;
  Case current;
  bool in_block = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (in_block) {
      if (line == ">>") {
        in_block = false;
        continue;
      }
      current.input += (current.input.empty() ? "" : "\n") + line;
      continue;
    }
    if (line.starts_with("# name:"))
      file.name = line.substr(8);
    else if (line.starts_with("# group:"))
      file.group = line.substr(9);
    else if (line.starts_with("input<<")) {
      current = Case{line_no, "", ""};
      in_block = true;
    } else if (line.starts_with("input: ")) {
      current = Case{line_no, line.substr(7), ""};
    } else if (line.starts_with("input:")) {
      current = Case{line_no, "", ""};
    } else if (line.starts_with("expect:")) {
      current.expect = line.size() > 8 ? line.substr(8) : "";
      file.cases.push_back(current);
    }
  }
  return file;
}

std::map<std::string, std::string> ParseExpect(const std::string& expect) {
  std::map<std::string, std::string> pairs;
  std::istringstream in(expect);
  std::string token;
  while (in >> token) {
    size_t eq = token.find('=');
    if (eq == std::string::npos)
      pairs[token] = "";
    else
      pairs[token.substr(0, eq)] = token.substr(eq + 1);
  }
  return pairs;
}

// Values are written with '_' for spaces ("city=New_York"), so one case fits on one line.
std::string Spaced(std::string value) {
  for (char& c : value) {
    if (c == ' ') c = '_';
  }
  return value;
}

std::string Num(std::optional<double> value) {
  if (!value) return "none";
  std::ostringstream out;
  out << std::llround(*value);
  return out.str();
}

class Fixture {
 public:
  static Fixture& Get() {
    static Fixture fixture;
    return fixture;
  }
  const taxonomy::Taxonomy& taxonomy() { return *taxonomy_; }
  const extract::CurrencyRates& rates() { return *rates_; }
  extract::SkillMatcher& matcher() { return **matcher_; }

 private:
  Fixture() {
    auto taxonomy = taxonomy::Taxonomy::Load(JOBSCOPE_SOURCE_DATA_DIR "/taxonomy/skills.tsv");
    if (!taxonomy.ok()) std::abort();
    taxonomy_.emplace(std::move(taxonomy).value());
    auto rates = extract::CurrencyRates::Load(JOBSCOPE_SOURCE_DATA_DIR "/currency_rates.tsv");
    if (!rates.ok()) std::abort();
    rates_.emplace(std::move(rates).value());
    auto matcher = extract::SkillMatcher::Create(*taxonomy_);
    if (!matcher.ok()) std::abort();
    matcher_.emplace(std::move(matcher).value());
  }
  std::optional<taxonomy::Taxonomy> taxonomy_;
  std::optional<extract::CurrencyRates> rates_;
  std::optional<std::unique_ptr<extract::SkillMatcher>> matcher_;
};

// Renders a salary in the expect vocabulary, restricted to the keys the case names.
std::string RenderSalary(const std::optional<Salary>& salary, const std::string& not_salary,
                         const std::map<std::string, std::string>& keys) {
  std::map<std::string, std::string> actual;
  if (!salary) {
    actual["not_salary"] = not_salary;
    actual["none"] = "";
  } else {
    actual["min"] = Num(salary->min);
    actual["max"] = Num(salary->max);
    actual["currency"] = salary->currency;
    actual["period"] = std::string(SalaryPeriodName(salary->period));
    actual["annual_min_usd"] = Num(salary->annual_min_usd);
    actual["annual_max_usd"] = Num(salary->annual_max_usd);
    actual["currency_unknown"] = salary->currency_unknown ? "true" : "false";
  }
  std::string out;
  for (const auto& [key, value] : keys) {
    auto it = actual.find(key);
    out += key + (key == "none" ? "" : "=") + (it == actual.end() ? "<absent>" : Spaced(it->second)) + " ";
  }
  if (salary && keys.count("none")) out += "(a salary was found) ";
  if (!salary && !keys.count("none") && !keys.count("not_salary")) out += "(no salary: " + not_salary + ") ";
  return out;
}

std::string Expected(const std::map<std::string, std::string>& keys) {
  std::string out;
  for (const auto& [key, value] : keys) out += key + (key == "none" ? "" : "=") + value + " ";
  return out;
}

std::string Check(const std::string& group, const Case& test_case) {
  Fixture& fixture = Fixture::Get();
  auto keys = ParseExpect(test_case.expect);
  if (group == "salary") {
    extract::SalaryParse parse = extract::ParseSalaryText(test_case.input, fixture.rates());
    return RenderSalary(parse.salary, parse.not_salary_reason, keys);
  }
  if (group == "salary_in_text") {
    return RenderSalary(extract::FindSalaryInText(test_case.input, fixture.rates()), "not found", keys);
  }
  if (group == "skills") {
    std::string out;
    for (const SkillMention& mention : fixture.matcher().Find(test_case.input)) {
      out += mention.skill_id;
      if (mention.requirement != Requirement::kUnstated) out += ":" + std::string(RequirementName(mention.requirement));
      out += " ";
    }
    return out;
  }
  if (group == "location") {
    Location location = extract::ParseLocation(test_case.input);
    return "city=" + Spaced(location.city) + " region=" + Spaced(location.region) + " country=" + location.country +
           " ";
  }
  if (group == "level") {
    size_t bar = test_case.input.find(" | ");
    std::string title = test_case.input.substr(0, bar);
    std::string body = bar == std::string::npos ? "" : test_case.input.substr(bar + 3);
    std::string source_field;
    size_t field = body.find(" || ");
    if (field != std::string::npos) {
      source_field = body.substr(field + 4);
      body = body.substr(0, field);
    }
    extract::SeniorityCues cues = extract::FindSeniorityCues(title, body);
    std::string out = "level=" + std::string(LevelName(classify::DecideLevel(cues, source_field).level)) + " ";
    if (keys.count("years"))
      out += "years=" + (cues.years_min ? std::to_string(*cues.years_min) : std::string("none")) + " ";
    return out;
  }
  if (group == "role") {
    return "role=" + std::string(RoleName(classify::GuessRole(test_case.input, ""))) + " ";
  }
  return "unknown group " + group;
}

std::string ExpectedFor(const std::string& group, const Case& test_case) {
  if (group == "skills") return test_case.expect.empty() ? "" : test_case.expect + " ";
  if (group == "location") {
    auto keys = ParseExpect(test_case.expect);
    return "city=" + keys["city"] + " region=" + keys["region"] + " country=" + keys["country"] + " ";
  }
  return Expected(ParseExpect(test_case.expect));
}

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(JOBSCOPE_GOLDEN_DIR)) {
    if (entry.path().extension() == ".test") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class GoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, EveryCaseMatches) {
  GoldenFile file = ReadGolden(GetParam());
  ASSERT_FALSE(file.group.empty()) << file.path << ": no '# group:' header";
  ASSERT_FALSE(file.cases.empty()) << file.path << ": no cases";
  for (const Case& test_case : file.cases) {
    EXPECT_EQ(Check(file.group, test_case), ExpectedFor(file.group, test_case))
        << file.path << ":" << test_case.line << " input: " << test_case.input;
  }
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, testing::ValuesIn(GoldenFiles()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = std::filesystem::path(info.param).parent_path().filename().string() +
                                              "_" + std::filesystem::path(info.param).stem().string();
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace jobscope
