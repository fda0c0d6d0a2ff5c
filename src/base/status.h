// File: status.h
//
// Status and StatusOr<T>: how every stage reports an expected failure (bad input, missing file, I/O)
// without exceptions. A Status is cheap to copy when OK. Thread-safe as a value type.
//
// Example:
//   StatusOr<Config> LoadConfig(const std::string& path);
//   JS_ASSIGN_OR_RETURN(Config config, LoadConfig(path));
//   JS_RETURN_IF_ERROR(Validate(config));
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "base/assert.h"

namespace jobscope {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is wrong (a usage error at the CLI)
  kNotFound,
  kParseError,  // a file or field could not be read as its format says
  kIoError,
  kAlreadyExists,
  kInternal,  // a dependency failed in a way the caller cannot fix
  kUnimplemented,
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "ParseError: jobs.csv row 12, field title: missing"
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string msg) { return {StatusCode::kInvalidArgument, std::move(msg)}; }
inline Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
inline Status ParseError(std::string msg) { return {StatusCode::kParseError, std::move(msg)}; }
inline Status IoError(std::string msg) { return {StatusCode::kIoError, std::move(msg)}; }
inline Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }
inline Status Unimplemented(std::string msg) { return {StatusCode::kUnimplemented, std::move(msg)}; }

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    JS_ASSERT(!status_.ok());                             // an OK StatusOr must carry a value
  }
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok()
  T& value() & {
    JS_ASSERT(ok());
    return *value_;
  }
  const T& value() const& {
    JS_ASSERT(ok());
    return *value_;
  }
  T&& value() && {
    JS_ASSERT(ok());
    return std::move(*value_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace jobscope

#define JS_STATUS_CONCAT_INNER(a, b) a##b
#define JS_STATUS_CONCAT(a, b) JS_STATUS_CONCAT_INNER(a, b)

// Returns the Status from the enclosing function when `expr` is not OK.
#define JS_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::jobscope::Status js_status_ = (expr);  \
    if (!js_status_.ok()) return js_status_; \
  } while (0)

// Declares `lhs` from a StatusOr expression, or returns its Status.
#define JS_ASSIGN_OR_RETURN(lhs, expr) JS_ASSIGN_OR_RETURN_IMPL(JS_STATUS_CONCAT(js_statusor_, __LINE__), lhs, expr)
#define JS_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
