// File: statistics.h
//
// Order statistics shared by the services (market summary, salary bands, evaluation).
#pragma once

#include <optional>
#include <vector>

namespace jobscope {

// The q-quantile (0..1) of `values` by linear interpolation between order statistics; nullopt when empty.
// Sorts `values` in place.
std::optional<double> Quantile(std::vector<double>& values, double q);
// The median of a copy of `values`; 0 when empty.
double Median(std::vector<double> values);

}  // namespace jobscope
