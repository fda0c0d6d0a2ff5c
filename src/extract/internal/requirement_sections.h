// Required vs nice-to-have. The cue phrases ("nice to have", "requirements", "responsibilities") are
// matched in the same vectorscan scan as the skills (cue_phrases.h); the tracker then reads, for each skill's line, the
// cues on that line and the section the last heading opened. Offsets must be asked for in increasing order.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace jobscope::extract::internal {

// How a line reads, given the cues found in it (in any order) and whether it is shaped like a heading.
Requirement ClassifyLine(std::span<const Cue> cues, bool heading_shape, Requirement section, bool* is_heading);
// A heading is a short line that does not read as a sentence with a list in it.
bool HasHeadingShape(std::string_view line);

class RequirementTracker {
 public:
  // `cues` sorted by begin; cues other than requirement cues are ignored.
  RequirementTracker(std::string_view text, std::span<const CueHit> cues) : text_(text), cues_(cues) {}
  // REQUIRES: offsets passed in non-decreasing order.
  Requirement At(size_t offset);

 private:
  Requirement LineRequirement(bool* is_heading);
  size_t PartEnd(size_t begin);
  void Advance(size_t offset);

  std::string_view text_;
  std::span<const CueHit> cues_;
  size_t next_cue_ = 0;    // first cue not before the current line
  size_t line_begin_ = 0;  // the part of a line being read: [line_begin_, line_end_)
  size_t line_end_ = 0;
  bool started_ = false;
  // The first '\n' at or after the start of the part last read (or the text's end): parts are read in order,
  // and a long line's parts had each searched it out again.
  size_t newline_ = 0;
  bool newline_known_ = false;
  std::vector<Cue> kinds_;  // LineRequirement's scratch
  Requirement section_ = Requirement::kUnstated;
  Requirement line_ = Requirement::kUnstated;
};

}  // namespace jobscope::extract::internal
