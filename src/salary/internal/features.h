// Turns a salary record or query into the model's feature vector, and names the groups the factors are
// reported by. The country, metro and skill vocabularies are learnt from the training rows and saved with
// the model. Metro and skill features are missing (not zero) for records that do not know them, the
// survey's rows, so trees learn them from postings alone.
#pragma once

#include <string>
#include <vector>

#include "salary/salary.h"

namespace jobscope::salary::internal {

class FeatureEncoder {
 public:
  struct Vocabulary {
    std::vector<std::string> countries, metros, skills;
  };
  // Countries with at least `min_rows` training rows get their own feature; others share "other". With
  // `posting_features`, so do metros with at least kMinMetroRows rows and the kMaxSkills skills asked for
  // most often (at least kMinSkillRows rows).
  static FeatureEncoder Fit(const std::vector<SalaryRecord>& records, size_t min_rows, bool posting_features);
  static FeatureEncoder FromVocabulary(Vocabulary vocabulary);
  static constexpr size_t kMinMetroRows = 10, kMinSkillRows = 20, kMaxSkills = 50;

  size_t width() const { return names_.size(); }
  const std::vector<std::string>& names() const { return names_; }
  // The factor group of each feature: "level", "role", "country", "remote", "company size", "year", "title
  // words", "metro", "skills".
  const std::vector<std::string>& groups() const { return groups_; }
  const Vocabulary& vocabulary() const { return vocabulary_; }

  // Appends the record's features to `out` (row-major).
  void Encode(const SalaryRecord& record, std::vector<float>& out) const;

 private:
  void Build();
  Vocabulary vocabulary_;
  std::vector<std::string> names_;
  std::vector<std::string> groups_;
};

}  // namespace jobscope::salary::internal
