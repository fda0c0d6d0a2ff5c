// The field's own list of an AI career's skills, set beside what each specialisation's postings ask for.
#include <algorithm>

#include "career/career.h"

namespace jobscope::career {
namespace {

constexpr size_t kTop = 10;

// The skills the field's description lists, as taxonomy ids with the names it gives them.
constexpr std::pair<std::string_view, std::string_view> kFieldSkills[] = {{"python", "Python"},
                                                                          {"r", "R"},
                                                                          {"java", "Java"},
                                                                          {"tensorflow", "TensorFlow"},
                                                                          {"keras", "Keras"},
                                                                          {"pytorch", "PyTorch"},
                                                                          {"scikit-learn", "scikit-learn"},
                                                                          {"linear-algebra", "linear algebra"},
                                                                          {"calculus", "calculus"},
                                                                          {"probability", "probability"},
                                                                          {"statistics", "statistics"},
                                                                          {"hadoop", "Hadoop"},
                                                                          {"spark", "Spark"},
                                                                          {"aws", "AWS"},
                                                                          {"gcp", "GCP"},
                                                                          {"azure", "Azure"}};

}  // namespace

std::vector<FieldSkillCheck> CheckFieldSkills(const CareerGraph& graph) {
  std::vector<FieldSkillCheck> checks;
  for (const CareerNode& role : graph.roles) {
    FieldSkillCheck check;
    check.role = role.role;
    check.postings = role.postings;
    check.top10.assign(role.skills.begin(), role.skills.begin() + std::min(kTop, role.skills.size()));
    for (const auto& [id, name] : kFieldSkills) {
      bool in_top = std::any_of(check.top10.begin(), check.top10.end(),
                                [&, id = id](const SkillDemand& skill) { return skill.skill_id == id; });
      (in_top ? check.confirmed : check.not_in_top10).emplace_back(name);
    }
    checks.push_back(std::move(check));
  }
  return checks;
}

}  // namespace jobscope::career
