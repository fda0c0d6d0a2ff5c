// File: tsv.h
//
// Reading the tab-separated tables jobscope ships (taxonomy, rates): one call walks the data rows of a
// file, skipping blank lines and '#' comments, and hands each row's fields and line number to a visitor.
//
// Example:
//   JS_RETURN_IF_ERROR(ForEachTsvRow(path, [&](const TsvRow& row) -> Status { ...; return Status::Ok(); }));
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace jobscope {

struct TsvRow {
  std::vector<std::string_view> fields;  // valid during the visit only
  std::string_view line;                 // the whole line, comments included for comment rows
  size_t line_no = 0;                    // 1-based
  std::string where;                     // "path line N", for error messages
};

// Calls `visit` for each non-blank line; comment lines ('#') go to `on_comment` when given. Stops at the
// first error the visitor returns. Errors: kIoError when the file cannot be read.
Status ForEachTsvRow(const std::string& path, const std::function<Status(const TsvRow&)>& visit,
                     const std::function<void(std::string_view)>& on_comment = nullptr);

}  // namespace jobscope
