// What a résumé read must satisfy, checked by the résumé fuzz targets: the document's text and parts and the
// profile's strings are valid UTF-8 (the faces write JSON with invalid bytes replaced, so a character cut in
// half would show as U+FFFD), and the profile can be written as JSON.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "json/json.h"
#include "match/match.h"
#include "taxonomy/taxonomy.h"
#include "text/text.h"

namespace jobscope::fuzz {

inline void CheckUtf8(const std::string& text, const char* what = "text") {
  if (text::IsValidUtf8(text)) return;
  std::fprintf(stderr, "invalid UTF-8 in %s: '%s'\n", what, text.c_str());
  __builtin_trap();
}

inline void CheckDocument(const match::ResumeDocument& document) {
  CheckUtf8(document.text);
  CheckUtf8(document.location);
  // A job's start and end are the date fields' first 7 bytes, read only by ParseMonthText (anything but
  // "YYYY-MM" or "YYYY" is no date): not text that is shown, so not checked.
  for (const auto& job : document.jobs) {
    for (const std::string* part : {&job.title, &job.company, &job.text}) CheckUtf8(*part);
  }
  for (const auto& school : document.education) {
    for (const std::string* part : {&school.degree, &school.field, &school.institution}) CheckUtf8(*part);
  }
  for (const auto& skill : document.listed_skills) CheckUtf8(skill);
  for (const auto& link : document.links) CheckUtf8(link);
}

// The builder over the shipped taxonomy, made once per process.
inline const match::ProfileBuilder& Builder() {
  static const taxonomy::Taxonomy* taxonomy = [] {
    auto loaded = taxonomy::Taxonomy::Load(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/taxonomy/skills.tsv");
    if (!loaded.ok()) std::abort();
    return new taxonomy::Taxonomy(std::move(loaded).value());
  }();
  static const match::ProfileBuilder* builder = [] {
    auto made = match::ProfileBuilder::Create(*taxonomy);
    if (!made.ok()) std::abort();
    return made.value().release();
  }();
  return *builder;
}

// Builds the profile (a fixed "today", so a run repeats): its text is valid UTF-8 (checked field by field,
// to name the one at fault), and it can be written as JSON.
inline void CheckProfile(const match::ResumeDocument& document) {
  match::Profile profile = Builder().Build(document, "2025-06");
  if (profile.total_years < 0 || profile.total_years > 200) __builtin_trap();
  for (const auto& skill : profile.skills) {
    CheckUtf8(skill.name, "skill name");
    CheckUtf8(skill.evidence, "skill evidence");
  }
  for (const auto& job : profile.jobs) {
    if (job.years < 0) __builtin_trap();
    CheckUtf8(job.title, "job title");
    CheckUtf8(job.company, "job company");
  }
  CheckUtf8(profile.role_evidence, "role evidence");
  CheckUtf8(profile.level_evidence, "level evidence");
  CheckUtf8(profile.degree_field, "degree field");
  CheckUtf8(profile.location.city, "city");
  CheckUtf8(profile.location.region, "region");
  for (const auto& link : profile.links) CheckUtf8(link, "link");
  (void)json::ProfileToJson(profile).dump();
}

}  // namespace jobscope::fuzz
