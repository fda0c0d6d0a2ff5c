// libFuzzer target: a résumé upload of any bytes (ReadResumeBytes tells PDF, DOCX, JSON Resume and text
// apart by content; text is UTF-8, UTF-16 or Windows-1252, mojibake repaired) never crashes; the sections a
// profile is read from (date ranges, stated years, skill tables, degrees, title lines, sentences) keep to
// the text's bounds; and the profile built from it is well formed (resume_checks.h).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "match/internal/resume_sections.h"
#include "resume_checks.h"

namespace match = jobscope::match;

namespace {

// The section readers on the text alone: ranges within the text and in order, months that read back.
void CheckSections(std::string_view text) {
  size_t previous = 0;
  for (const auto& range : match::internal::FindDateRanges(text)) {
    if (range.begin > range.end || range.end > text.size() || range.begin < previous) __builtin_trap();
    if (range.end_month && *range.end_month < range.start_month) __builtin_trap();
    if (match::internal::ParseMonthText(match::internal::MonthText(range.start_month)) != range.start_month)
      __builtin_trap();
    previous = range.begin;
    (void)match::internal::LineAt(text, range.begin);
    jobscope::fuzz::CheckUtf8(match::internal::SentenceAt(text, range.begin));
  }
  if (auto years = match::internal::StatedYears(text); years && *years < 0) __builtin_trap();
  for (const auto& stated : match::internal::FindStatedSkillMonths(text)) {
    if (stated.begin > stated.end || stated.end > text.size() || stated.months < 0) __builtin_trap();
  }
  if (auto degree = match::internal::HighestDegree(text)) jobscope::fuzz::CheckUtf8(degree->field);
  (void)match::internal::ParseMonthText(text.substr(0, 16));
  for (size_t at = 0; at < text.size(); at += 97) {
    std::string_view line = match::internal::LineAt(text, at);
    if (line.data() < text.data() || line.data() + line.size() > text.data() + text.size()) __builtin_trap();
    (void)match::internal::LooksLikeJobTitle(line);
    (void)match::internal::IsEducationLine(line);
    jobscope::fuzz::CheckUtf8(match::internal::SentenceAt(text, at));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto document = match::ReadResumeBytes(bytes, "fuzz-cv");
  if (!document.ok()) {
    jobscope::fuzz::CheckUtf8(document.status().message());
    return 0;
  }
  jobscope::fuzz::CheckDocument(*document);
  CheckSections(document->text);
  jobscope::fuzz::CheckProfile(*document);
  return 0;
}
