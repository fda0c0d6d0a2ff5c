// Puts a field's text into a RawPosting, checking it on the way (valid UTF-8, numbers where numbers are due).
#pragma once

#include <string>
#include <string_view>

#include "ingest/ingest.h"

namespace jobscope::ingest::internal {

// Returns "" on success, else the reason the value is bad. Empty values are accepted and ignored.
// Sets `field` from `value`; returns why the record cannot be read ("" when it can). A structured pay amount
// that is no usable number (not a number, negative, infinite) leaves the pay unset and, when `pay_note` is
// given, says why there instead: the posting is kept without its pay.
std::string SetField(RawPosting& posting, Field field, std::string_view value, std::string* pay_note = nullptr);

// Checks what a posting needs after all fields are set (a title). Fills error_field/error_reason.
bool ValidatePosting(const RawPosting& posting, std::string& error_field, std::string& error_reason);

}  // namespace jobscope::ingest::internal
