// Typo tolerance: whether two words are at most one edit (insertion, deletion, substitution or swap of
// neighbours) apart.
#pragma once

#include <string_view>

namespace jobscope::index::internal {

bool WithinOneEdit(std::string_view a, std::string_view b);

}  // namespace jobscope::index::internal
