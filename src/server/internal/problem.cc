#include "server/internal/problem.h"

#include "json/json.h"

namespace jobscope::server::internal {
namespace {

std::string TitleOf(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Internal Server Error" : "Error";
  }
}

std::string_view KindOf(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return "invalid-parameter";
    case StatusCode::kParseError:
      return "unreadable-input";
    case StatusCode::kNotFound:
      return "not-found";
    case StatusCode::kAlreadyExists:
      return "already-exists";
    case StatusCode::kUnimplemented:
      return "not-implemented";
    default:
      return "internal";
  }
}

}  // namespace

int HttpStatusOf(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
    case StatusCode::kParseError:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
      return 409;
    case StatusCode::kUnimplemented:
      return 501;
    default:
      return 500;
  }
}

void SendJson(httplib::Response& res, const nlohmann::json& body, int status) {
  res.status = status;
  res.set_content(json::Dump(body), "application/json");
}

void SendProblem(httplib::Response& res, int status, std::string_view kind, const std::string& detail) {
  nlohmann::json body = {{"type", "urn:jobscope:problem:" + std::string(kind)},
                         {"title", TitleOf(status)},
                         {"status", status},
                         {"detail", detail}};
  res.status = status;
  res.set_content(json::Dump(body), "application/problem+json");
}

void SendStatus(httplib::Response& res, const Status& status) {
  SendProblem(res, HttpStatusOf(status.code()), KindOf(status.code()), status.message());
}

}  // namespace jobscope::server::internal
