// Remote / hybrid / on-site and employment type, from the source's own fields first, then the cue phrases
// the skill scan found in the description (cue_phrases.cc).
#include "base/strings.h"
#include "extract/extract.h"

namespace jobscope::extract {
namespace {

std::optional<RemoteMode> RemoteFromWords(std::string_view text) {
  std::string lower = AsciiLower(text);
  if (lower.find("hybrid") != std::string::npos) return RemoteMode::kHybrid;
  if (lower.find("remote") != std::string::npos || lower.find("work from home") != std::string::npos ||
      lower.find("telecommute") != std::string::npos) {
    return RemoteMode::kRemote;
  }
  if (lower.find("on-site") != std::string::npos || lower.find("onsite") != std::string::npos ||
      lower.find("on site") != std::string::npos || lower.find("in office") != std::string::npos ||
      lower.find("in-office") != std::string::npos) {
    return RemoteMode::kOnSite;
  }
  return std::nullopt;
}

}  // namespace

// The first work-mode cue in the body decides.
RemoteMode DetectRemote(const RawPosting& raw, std::span<const CueHit> description_cues) {
  if (auto mode = RemoteFromWords(raw.work_type)) return *mode;
  if (raw.is_remote.has_value()) return *raw.is_remote ? RemoteMode::kRemote : RemoteMode::kOnSite;
  if (auto mode = RemoteFromWords(raw.location)) return *mode;
  if (auto mode = RemoteFromWords(raw.title)) return *mode;
  for (const CueHit& hit : description_cues) {
    if (hit.cue == Cue::kRemote) return RemoteMode::kRemote;
    if (hit.cue == Cue::kHybrid) return RemoteMode::kHybrid;
    if (hit.cue == Cue::kOnSite) return RemoteMode::kOnSite;
  }
  return RemoteMode::kUnknown;
}

EmploymentType DetectEmploymentType(const RawPosting& raw, std::span<const CueHit> description_cues) {
  auto from_words = [](std::string_view text) -> std::optional<EmploymentType> {
    std::string lower = AsciiLower(text);
    auto has = [&](std::string_view word) { return lower.find(word) != std::string::npos; };
    if (has("intern")) return EmploymentType::kInternship;
    if (has("part-time") || has("part time") || has("parttime") || has("part_time")) return EmploymentType::kPartTime;
    if (has("contract") || has("freelance") || has("contractor")) return EmploymentType::kContract;
    if (has("temporary") || has("temp ")) return EmploymentType::kTemporary;
    if (has("volunteer")) return EmploymentType::kVolunteer;
    if (has("full-time") || has("full time") || has("fulltime") || has("full_time") || has("permanent")) {
      return EmploymentType::kFullTime;
    }
    return std::nullopt;
  };
  if (auto type = from_words(raw.employment_type)) return *type;
  if (auto type = from_words(raw.title)) {
    if (*type == EmploymentType::kInternship || *type == EmploymentType::kContract) return *type;
  }
  for (const CueHit& hit : description_cues) {
    if (hit.cue == Cue::kFullTime) return EmploymentType::kFullTime;
    if (hit.cue == Cue::kContract) return EmploymentType::kContract;
    if (hit.cue == Cue::kPartTime) return EmploymentType::kPartTime;
  }
  return EmploymentType::kUnknown;
}

}  // namespace jobscope::extract
