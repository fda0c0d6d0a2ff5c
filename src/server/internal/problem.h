// Answers: JSON bodies, and errors as RFC 9457 problem details (application/problem+json) with a `type`, a
// `title` for the kind of problem, the HTTP `status`, and a `detail` that says what to fix. Status codes are
// mapped to HTTP statuses here and nowhere else.
#pragma once

#include <string>
#include <string_view>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "base/status.h"

namespace jobscope::server::internal {

// The HTTP status for a service's error: kInvalidArgument and kParseError 400, kNotFound 404,
// kAlreadyExists 409, kUnimplemented 501, the rest 500.
int HttpStatusOf(StatusCode code);

void SendJson(httplib::Response& res, const nlohmann::json& body, int status = 200);
// A problem: `kind` is its short name (the `type` URI is urn:jobscope:problem:<kind>; docs/openapi.yaml lists
// them), `detail` what to fix.
void SendProblem(httplib::Response& res, int status, std::string_view kind, const std::string& detail);
// A service's error as a problem of the matching status.
void SendStatus(httplib::Response& res, const Status& status);

}  // namespace jobscope::server::internal
