#include "base/status.h"

#include <gtest/gtest.h>

namespace jobscope {
namespace {

StatusOr<int> Half(int value) {
  if (value % 2 != 0) return InvalidArgument("odd: " + std::to_string(value));
  return value / 2;
}

StatusOr<int> Quarter(int value) {
  JS_ASSIGN_OR_RETURN(int half, Half(value));
  JS_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

Status CheckEven(int value) {
  JS_RETURN_IF_ERROR(Half(value).status());
  return Status::Ok();
}

TEST(Status, OkByDefault) {
  Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.ToString(), "OK");
}

TEST(Status, CarriesCodeAndMessage) {
  Status status = ParseError("jobs.csv row 3, field title: missing");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_EQ(status.ToString(), "ParseError: jobs.csv row 3, field title: missing");
}

TEST(StatusOr, AssignOrReturnPropagatesTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  StatusOr<int> failed = Quarter(6);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().message(), "odd: 3");
}

TEST(StatusOr, ReturnIfErrorStopsEarly) {
  EXPECT_TRUE(CheckEven(4).ok());
  EXPECT_EQ(CheckEven(5).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace jobscope
