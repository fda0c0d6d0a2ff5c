// Turns a salary record or query into the model's feature vector, and names the groups the factors are
// reported by. The country vocabulary is learnt from the training rows and saved with the model.
#pragma once

#include <string>
#include <vector>

#include "salary/salary.h"

namespace jobscope::salary::internal {

class FeatureEncoder {
 public:
  // Countries with at least `min_rows` training rows get their own feature; others share "other".
  static FeatureEncoder Fit(const std::vector<SalaryRecord>& records, size_t min_rows);
  static FeatureEncoder FromCountries(std::vector<std::string> countries);

  size_t width() const { return names_.size(); }
  const std::vector<std::string>& names() const { return names_; }
  // The factor group of each feature: "level", "role", "country", "remote", "company size", "year", "title words".
  const std::vector<std::string>& groups() const { return groups_; }
  const std::vector<std::string>& countries() const { return countries_; }

  // Appends the record's features to `out` (row-major).
  void Encode(const SalaryRecord& record, std::vector<float>& out) const;

 private:
  void Build();
  std::vector<std::string> countries_;
  std::vector<std::string> names_;
  std::vector<std::string> groups_;
};

}  // namespace jobscope::salary::internal
