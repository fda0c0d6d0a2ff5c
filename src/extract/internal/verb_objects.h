// Methods named by what is done to what: "deploy scalable ML models", "train and evaluate models", "clean the
// raw data". The taxonomy spells the common phrases out ("deploy ML models"), but postings put any words
// between the verb and its object; this reads a verb and its object a few words apart within one clause.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "extract/internal/text_signs.h"

namespace jobscope::extract::internal {

// The verbs, for the skill scan to find (whole words are checked here).
std::span<const SignWord> VerbSigns();

// The skill ids the rules name, in rule order (a rule whose skill the taxonomy lacks is skipped).
std::span<const std::string_view> VerbObjectSkillIds();

struct VerbObject {
  uint32_t rule = 0;            // index into VerbObjectSkillIds()
  uint32_t begin = 0, end = 0;  // the verb, which carries the method
};

struct VerbPlace {
  uint32_t begin = 0;
  uint32_t verb = 0;  // index into VerbSigns()
};

// The methods whose verb stands at one of `verbs` (ascending) with its object at most three words on, in the
// same clause: no punctuation and no preposition between ("train customers on models" is not training).
std::vector<VerbObject> ReadVerbObjects(std::string_view text, std::span<const VerbPlace> verbs);

}  // namespace jobscope::extract::internal
