#include "model/posting.h"

namespace jobscope {

std::optional<double> Salary::annual_mid_usd() const {
  if (annual_min_usd && annual_max_usd) return (*annual_min_usd + *annual_max_usd) / 2.0;
  if (annual_min_usd) return annual_min_usd;
  return annual_max_usd;
}

}  // namespace jobscope
