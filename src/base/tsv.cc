#include "base/tsv.h"

#include <fstream>

#include "base/strings.h"

namespace jobscope {

Status ForEachTsvRow(const std::string& path, const std::function<Status(const TsvRow&)>& visit,
                     const std::function<void(std::string_view)>& on_comment) {
  std::ifstream in(path);
  if (!in) return IoError("cannot read " + path);
  std::string line;
  TsvRow row;
  while (std::getline(in, line)) {
    ++row.line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (on_comment) on_comment(line);
      continue;
    }
    row.line = line;
    row.fields = SplitOn(line, '\t');
    row.where = path + " line " + std::to_string(row.line_no);
    JS_RETURN_IF_ERROR(visit(row));
  }
  return Status::Ok();
}

}  // namespace jobscope
