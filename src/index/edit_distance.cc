#include "index/internal/edit_distance.h"

#include <cstdlib>

namespace jobscope::index::internal {

bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t prefix = 0;
  while (prefix < a.size() && a[prefix] == b[prefix]) ++prefix;
  if (a.size() == b.size()) {
    if (a.substr(prefix + 1) == b.substr(prefix + 1)) return true;  // substitution
    return prefix + 1 < a.size() && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix] &&
           a.substr(prefix + 2) == b.substr(prefix + 2);  // neighbours swapped
  }
  return a.substr(prefix) == b.substr(prefix + 1);  // one letter inserted into a
}

}  // namespace jobscope::index::internal
