// What every reader's output must satisfy, checked by the ingest fuzz targets: a posting has a title, its
// text fields are valid UTF-8 (they are stored and sent out as JSON), its pay amounts are usable numbers;
// a record that is no posting says why, in valid UTF-8 too (the reason is stored and shown).
#pragma once

#include <cmath>
#include <optional>
#include <string>

#include "base/strings.h"
#include "ingest/ingest.h"
#include "text/text.h"

namespace jobscope::fuzz {

inline void CheckAmount(const std::optional<double>& amount) {
  if (amount && (!std::isfinite(*amount) || *amount < 0)) __builtin_trap();
}

inline void CheckRecord(const ingest::SourceRecord& record) {
  if (!text::IsValidUtf8(record.error_reason) || !text::IsValidUtf8(record.pay_note)) __builtin_trap();
  if (!record.posting) {
    if (record.error_reason.empty()) __builtin_trap();  // a bad record always says why
    return;
  }
  const RawPosting& posting = *record.posting;
  if (TrimAscii(posting.title).empty()) __builtin_trap();
  for (const std::string* field :
       {&posting.source_id, &posting.url, &posting.title, &posting.company, &posting.location, &posting.description,
        &posting.date_posted, &posting.employment_type, &posting.experience_level, &posting.work_type,
        &posting.salary_text, &posting.salary_currency, &posting.salary_interval, &posting.skills_text}) {
    if (!text::IsValidUtf8(*field)) __builtin_trap();
  }
  CheckAmount(posting.salary_min);
  CheckAmount(posting.salary_max);
}

}  // namespace jobscope::fuzz
