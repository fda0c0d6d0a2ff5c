// Required vs nice-to-have. Postings say it two ways: with a heading ("Requirements:", "Preferred
// qualifications", "Nice to have") that governs the lines below it, or inline ("Kubernetes is a plus").
#include "extract/internal/requirement_sections.h"

#include <algorithm>

#include "base/strings.h"
#include "extract/extract.h"
#include "extract/internal/cue_phrases.h"

namespace jobscope::extract {
namespace internal {
bool HasHeadingShape(std::string_view line) {
  line = TrimAscii(line);
  if (line.empty() || line.size() > 60) return false;
  if (std::find(line.begin(), line.end(), ',') != line.end()) return false;
  return line.back() == ':' || std::count(line.begin(), line.end(), ' ') <= 4;
}

Requirement ClassifyLine(std::span<const Cue> cues, bool heading_shape, Requirement section, bool* is_heading) {
  auto has = [&](Cue kind) { return std::find(cues.begin(), cues.end(), kind) != cues.end(); };
  if (is_heading) *is_heading = false;
  if (has(Cue::kNice)) {
    if (is_heading) *is_heading = heading_shape;
    return Requirement::kNiceToHave;
  }
  if (heading_shape && has(Cue::kNeutral)) {
    if (is_heading) *is_heading = true;
    return Requirement::kUnstated;
  }
  if (has(Cue::kRequired)) {
    if (is_heading) *is_heading = heading_shape;
    return Requirement::kRequired;
  }
  return section;
}

Requirement RequirementTracker::LineRequirement(bool* is_heading) {
  std::vector<Cue>& kinds = kinds_;
  kinds.clear();
  while (next_cue_ < cues_.size() && cues_[next_cue_].begin < line_begin_) ++next_cue_;
  for (size_t idx = next_cue_; idx < cues_.size() && cues_[idx].begin < line_end_; ++idx) {
    kinds.push_back(cues_[idx].cue);
  }
  return ClassifyLine(kinds, HasHeadingShape(text_.substr(line_begin_, line_end_ - line_begin_)), section_, is_heading);
}

// Where the part of the text that one requirement word governs ends: the line, cut at a sentence's end and
// before a labelled cue ("Requirements: Python, Spark and SQL. Nice to have: Rust" is two parts), so a
// nice-to-have in one sentence does not make the whole line's skills a plus.
size_t RequirementTracker::PartEnd(size_t begin) {
  if (!newline_known_ || begin > newline_) {
    size_t newline = text_.find('\n', begin);
    newline_ = newline == std::string_view::npos ? text_.size() : newline;
    newline_known_ = true;
  }
  size_t end = newline_;
  for (size_t at = begin + 1; at + 1 < end; ++at) {
    if ((text_[at] == '.' || text_[at] == ';') && text_[at + 1] == ' ') {
      end = at + 1;
      break;
    }
  }
  for (size_t idx = next_cue_; idx < cues_.size() && cues_[idx].begin < end; ++idx) {
    const CueHit& cue = cues_[idx];
    if (cue.begin <= begin || (cue.cue != Cue::kNice && cue.cue != Cue::kRequired && cue.cue != Cue::kNeutral))
      continue;
    size_t after = cue.end;
    while (after < text_.size() && text_[after] == ' ') ++after;
    if (after < text_.size() && text_[after] == ':') {
      end = cue.begin;
      break;
    }
  }
  return end;
}

void RequirementTracker::Advance(size_t offset) {
  while (!started_ || offset >= line_end_) {
    if (started_) {
      if (line_end_ >= text_.size()) return;
      line_begin_ = line_end_ + (text_[line_end_] == '\n' ? 1 : 0);
    }
    started_ = true;
    while (next_cue_ < cues_.size() && cues_[next_cue_].begin < line_begin_) ++next_cue_;
    line_end_ = PartEnd(line_begin_);
    bool heading = false;
    line_ = LineRequirement(&heading);
    if (heading) section_ = line_;
  }
}

Requirement RequirementTracker::At(size_t offset) {
  Advance(offset);
  return line_;
}

}  // namespace internal

Requirement RequirementOfLine(std::string_view line, Requirement section, bool* is_heading) {
  std::string lower = AsciiLower(line);
  std::vector<Cue> kinds;
  for (const internal::CuePhrase& phrase : internal::CuePhrases()) {
    if (lower.find(phrase.text) != std::string::npos) kinds.push_back(phrase.cue);
  }
  return internal::ClassifyLine(kinds, internal::HasHeadingShape(line), section, is_heading);
}

}  // namespace jobscope::extract
