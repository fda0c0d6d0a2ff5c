#include "store/internal/sqlite_statement.h"

#include <utility>

namespace jobscope::store::internal {

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

StatusOr<Statement> Statement::Prepare(sqlite3* db, std::string_view sql) {
  Statement statement;
  statement.db_ = db;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement.stmt_, nullptr) != SQLITE_OK) {
    return Internal("sqlite prepare failed: " + std::string(sqlite3_errmsg(db)) + " in: " + std::string(sql));
  }
  return statement;
}

void Statement::BindText(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}
void Statement::BindTextNoCopy(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
}
void Statement::BindInt(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
void Statement::BindDouble(int index, std::optional<double> value) {
  if (value)
    sqlite3_bind_double(stmt_, index, *value);
  else
    sqlite3_bind_null(stmt_, index);
}
void Statement::BindOptionalInt(int index, std::optional<int64_t> value) {
  if (value)
    sqlite3_bind_int64(stmt_, index, *value);
  else
    sqlite3_bind_null(stmt_, index);
}

StatusOr<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string message = sqlite3_errmsg(db_);
  sqlite3_reset(stmt_);
  return Status(rc == SQLITE_CONSTRAINT ? StatusCode::kAlreadyExists : StatusCode::kIoError,
                "sqlite: " + message + " in: " + std::string(sqlite3_sql(stmt_)));
}

Status Statement::Run() {
  while (true) {
    StatusOr<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
  }
  Reset();
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::ColumnText(int index) const {
  const unsigned char* text = sqlite3_column_text(stmt_, index);
  if (!text) return {};
  return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(stmt_, index)));
}
// Read as a blob: sqlite3_column_text would first copy a value read in place from a page, only to end it
// with a NUL (the store's text is UTF-8 already, as the blob's bytes are).
std::string_view Statement::ColumnView(int index) const {
  const void* bytes = sqlite3_column_blob(stmt_, index);
  if (!bytes) return {};
  return {static_cast<const char*>(bytes), static_cast<size_t>(sqlite3_column_bytes(stmt_, index))};
}
int64_t Statement::ColumnInt(int index) const { return sqlite3_column_int64(stmt_, index); }
std::optional<double> Statement::ColumnOptionalDouble(int index) const {
  if (sqlite3_column_type(stmt_, index) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_double(stmt_, index);
}
std::optional<int64_t> Statement::ColumnOptionalInt(int index) const {
  if (sqlite3_column_type(stmt_, index) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(stmt_, index);
}

Status Exec(sqlite3* db, std::string_view sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    return Internal("sqlite: " + message);
  }
  return Status::Ok();
}

}  // namespace jobscope::store::internal
