// Tracks which part of a posting an offset falls in ("Requirements", "Nice to have", "Responsibilities")
// so each skill can be marked required or a plus. Offsets must be asked for in increasing order.
#pragma once

#include <string_view>

#include "model/model.h"

namespace jobscope::extract::internal {

class RequirementTracker {
 public:
  explicit RequirementTracker(std::string_view text) : text_(text) {}
  // REQUIRES: offsets passed in non-decreasing order.
  Requirement At(size_t offset);

 private:
  std::string_view text_;
  size_t line_begin_ = 0;
  size_t line_end_ = 0;
  bool started_ = false;
  Requirement section_ = Requirement::kUnstated;
  Requirement line_ = Requirement::kUnstated;
  void Advance(size_t offset);
};

}  // namespace jobscope::extract::internal
