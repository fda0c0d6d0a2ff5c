// A thin RAII wrapper over sqlite3_stmt: binds, steps and reads columns, and turns SQLite errors into
// Status with the statement's SQL named.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "base/status.h"

namespace jobscope::store::internal {

class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  static StatusOr<Statement> Prepare(sqlite3* db, std::string_view sql);
  bool prepared() const { return stmt_ != nullptr; }

  void BindText(int index, std::string_view value);
  // REQUIRES: `value` stays alive and unchanged until the statement is stepped and reset.
  void BindTextNoCopy(int index, std::string_view value);
  void BindInt(int index, int64_t value);
  void BindDouble(int index, std::optional<double> value);
  void BindOptionalInt(int index, std::optional<int64_t> value);
  // Steps once. Returns true when a row is available, false when done.
  StatusOr<bool> Step();
  Status Run();  // steps to completion and resets
  void Reset();

  std::string ColumnText(int index) const;
  // The column's text in SQLite's own buffer: valid until the next Step or Reset.
  std::string_view ColumnView(int index) const;
  int64_t ColumnInt(int index) const;
  std::optional<double> ColumnOptionalDouble(int index) const;
  std::optional<int64_t> ColumnOptionalInt(int index) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

Status Exec(sqlite3* db, std::string_view sql);

}  // namespace jobscope::store::internal
