#include "store/internal/posting_columns.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "base/strings.h"

namespace jobscope::store::internal {

std::string PackSkills(const std::vector<SkillMention>& skills) {
  std::string packed;
  for (const SkillMention& skill : skills) {
    if (!packed.empty()) packed += '\x1e';
    packed += skill.skill_id + '\x1f' + skill.name + '\x1f' + std::to_string(skill.begin) + '\x1f' +
              std::to_string(skill.end) + '\x1f' + std::string(RequirementName(skill.requirement));
  }
  return packed;
}

void UnpackSkills(std::string_view packed, std::vector<SkillMention>& skills) {
  auto number = [](std::string_view digits) {
    uint32_t value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
  };
  size_t used = 0;
  size_t start = 0;
  while (!packed.empty() && start <= packed.size()) {
    size_t stop = std::min(packed.find('\x1e', start), packed.size());
    std::string_view record = packed.substr(start, stop - start);
    start = stop + 1;
    std::array<std::string_view, 5> fields;
    size_t count = 0, from = 0;
    while (count < fields.size()) {
      size_t separator = record.find('\x1f', from);
      fields[count++] =
          record.substr(from, separator == std::string_view::npos ? std::string_view::npos : separator - from);
      if (separator == std::string_view::npos) {
        from = std::string_view::npos;
        break;
      }
      from = separator + 1;
    }
    if (count != fields.size() || from != std::string_view::npos) continue;  // not five fields
    if (used == skills.size()) skills.emplace_back();
    SkillMention& skill = skills[used++];
    skill.skill_id.assign(fields[0]);
    skill.name.assign(fields[1]);
    skill.begin = number(fields[2]);
    skill.end = number(fields[3]);
    skill.requirement = ParseRequirement(fields[4]).value_or(Requirement::kUnstated);
  }
  skills.resize(used);
}

void SplitInto(std::string_view joined, char separator, std::vector<std::string>& parts) {
  size_t used = 0;
  if (!joined.empty()) {
    for (std::string_view part : SplitOn(joined, separator)) {
      if (used == parts.size()) parts.emplace_back();
      parts[used++].assign(part);
    }
  }
  parts.resize(used);
}

}  // namespace jobscope::store::internal
