// ESCO phrases skills and competences as instructions ("manage budgets", "apply statistical analysis
// techniques"); knowledge is phrased as a noun ("statistics", "computer science"). This list holds the
// leading verbs of ESCO's competence labels, read off the label set (the most frequent first words that
// are verbs), so the builder can keep knowledge labels only.
#pragma once

#include <string_view>

namespace jobscope::taxonomy::internal {

bool IsEscoCompetenceVerb(std::string_view lowercase_word);

}  // namespace jobscope::taxonomy::internal
