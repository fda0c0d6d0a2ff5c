// Required vs nice-to-have. Postings say it two ways: with a heading ("Requirements:", "Preferred
// qualifications", "Nice to have") that governs the lines below it, or inline ("Kubernetes is a plus").
#include <algorithm>
#include <array>
#include <span>

#include "base/strings.h"
#include "extract/extract.h"
#include "extract/internal/requirement_sections.h"

namespace jobscope::extract {
namespace {

constexpr std::array<std::string_view, 14> kNiceCues = {
    "nice to have", "nice-to-have", "preferred", "a plus", "is a plus", "bonus", "desirable", "desired",
    "good to have", "would be great", "ideally", "advantageous", "an advantage", "pluses"};
constexpr std::array<std::string_view, 14> kRequiredCues = {
    "requirements", "required", "must have", "must-have", "qualifications", "what you need", "what you'll need",
    "what we're looking for", "what we are looking for", "you have", "you bring", "must", "minimum",
    "who you are"};
// Headings that end a requirements section without starting another.
constexpr std::array<std::string_view, 10> kNeutralHeadings = {
    "responsibilities", "what you'll do", "what you will do", "about us", "about the role", "benefits",
    "what we offer", "perks", "the role", "about the company"};

bool ContainsAny(std::string_view lower_line, std::span<const std::string_view> cues) {
  for (std::string_view cue : cues) {
    if (lower_line.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

Requirement RequirementOfLine(std::string_view line, Requirement section, bool* is_heading) {
  std::string lower = AsciiLower(TrimAscii(line));
  // A heading is short and does not read as a sentence with a list of things in it.
  bool heading = !lower.empty() && lower.size() <= 60 &&
                 (lower.back() == ':' || std::count(lower.begin(), lower.end(), ' ') <= 4) &&
                 std::count(lower.begin(), lower.end(), ',') == 0;
  if (is_heading) *is_heading = false;
  if (ContainsAny(lower, kNiceCues)) {
    if (heading && is_heading) *is_heading = true;
    return Requirement::kNiceToHave;
  }
  if (heading && ContainsAny(lower, kNeutralHeadings)) {
    if (is_heading) *is_heading = true;
    return Requirement::kUnstated;
  }
  if (ContainsAny(lower, kRequiredCues)) {
    if (heading && is_heading) *is_heading = true;
    return Requirement::kRequired;
  }
  return section;
}

namespace internal {

void RequirementTracker::Advance(size_t offset) {
  while (!started_ || offset >= line_end_) {
    if (started_) {
      if (line_end_ >= text_.size()) return;
      line_begin_ = line_end_ + 1;
    }
    started_ = true;
    size_t newline = text_.find('\n', line_begin_);
    line_end_ = newline == std::string_view::npos ? text_.size() : newline;
    bool heading = false;
    std::string_view line = text_.substr(line_begin_, line_end_ - line_begin_);
    line_ = RequirementOfLine(line, section_, &heading);
    if (heading) section_ = line_;
  }
}

Requirement RequirementTracker::At(size_t offset) {
  Advance(offset);
  return line_;
}

}  // namespace internal
}  // namespace jobscope::extract
