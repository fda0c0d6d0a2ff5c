// Level by the ladder's conventions (DESIGN.md, "Levels"): what the title says outright, then the years of
// the main experience requirement, then a level the source states specifically, then mid. A missing cue is
// mid, the ladder's middle, and not the mostly senior prior of salary-survey respondents.
#include "classify/classify.h"

namespace jobscope::classify {

Level LevelForYears(int years) {
  if (years <= 2) return Level::kEntry;
  if (years <= 4) return Level::kMid;
  if (years <= 7) return Level::kSenior;
  return Level::kLead;
}

LevelDecision DecideLevel(const extract::SeniorityCues& cues, std::string_view source_level_field,
                          EmploymentType employment_type) {
  if (cues.title_level) {
    std::string said = cues.cues.empty() ? "title" : cues.cues.front();
    bool from_body = said.starts_with("body:");
    std::string word = said.substr(said.find(':') + 1);
    return {*cues.title_level, (from_body ? "body names the job as " : "title says ") + word};
  }
  if (cues.years_min) {
    return {LevelForYears(*cues.years_min), std::to_string(*cues.years_min) + "+ years asked"};
  }
  if (std::optional<Level> stated = extract::LevelFromSourceField(source_level_field)) {
    return {*stated, "source field says " + std::string(source_level_field)};
  }
  if (employment_type == EmploymentType::kInternship) return {Level::kIntern, "internship"};
  return {Level::kMid, "no level stated: mid", false};
}

}  // namespace jobscope::classify
