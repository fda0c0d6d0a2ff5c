// Remote / hybrid / on-site and employment type, from the source's own fields first, then the text.
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

RemoteMode DetectRemote(const RawPosting& raw, std::string_view plain_description) {
  if (auto mode = RemoteFromWords(raw.work_type)) return *mode;
  if (raw.is_remote.has_value()) return *raw.is_remote ? RemoteMode::kRemote : RemoteMode::kOnSite;
  if (auto mode = RemoteFromWords(raw.location)) return *mode;
  if (auto mode = RemoteFromWords(raw.title)) return *mode;
  // In the body, only explicit phrases count: "remote" alone is often "remote sensing" or "remote teams".
  std::string lower = AsciiLower(plain_description.substr(0, 20000));
  for (std::string_view phrase : {"fully remote", "100% remote", "remote-first", "remote first",
                                  "work remotely", "remote position", "remote role", "this is a remote",
                                  "work from home", "remote opportunity"}) {
    if (lower.find(phrase) != std::string::npos) return RemoteMode::kRemote;
  }
  for (std::string_view phrase : {"hybrid work", "hybrid role", "hybrid position", "hybrid schedule",
                                  "days a week in the office", "days per week in the office", "hybrid model"}) {
    if (lower.find(phrase) != std::string::npos) return RemoteMode::kHybrid;
  }
  for (std::string_view phrase : {"on-site position", "onsite position", "on-site role", "100% on-site",
                                  "fully on-site", "in-office"}) {
    if (lower.find(phrase) != std::string::npos) return RemoteMode::kOnSite;
  }
  return RemoteMode::kUnknown;
}

EmploymentType DetectEmploymentType(const RawPosting& raw, std::string_view plain_description) {
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
  std::string head = AsciiLower(plain_description.substr(0, 20000));
  for (std::string_view phrase : {"full-time position", "full time position", "this is a full-time",
                                  "full-time role", "job type: full-time", "employment type: full-time"}) {
    if (head.find(phrase) != std::string::npos) return EmploymentType::kFullTime;
  }
  for (std::string_view phrase : {"contract position", "contract role", "job type: contract", "contract-to-hire",
                                  "contract to hire"}) {
    if (head.find(phrase) != std::string::npos) return EmploymentType::kContract;
  }
  for (std::string_view phrase : {"part-time position", "job type: part-time"}) {
    if (head.find(phrase) != std::string::npos) return EmploymentType::kPartTime;
  }
  return EmploymentType::kUnknown;
}

}  // namespace jobscope::extract
