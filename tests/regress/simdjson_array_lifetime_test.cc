// Regression: iterating `value.get_array().value_unsafe()` walked a temporary that g++ 12 flagged as
// dangling (-Werror=dangling-pointer). Arrays are now bound to a named variable before iterating; this
// pins the behaviour that relied on it: arrays of strings and of objects, and a jobLocation array.
#include <gtest/gtest.h>

#include "ingest/ingest.h"

namespace jobscope::ingest {
namespace {

TEST(Regress, JsonArraysAreReadWhole) {
  auto posting = PostingFromJson(R"({"title":"ML Engineer","employmentType":["FULL_TIME","CONTRACTOR"],
      "skills":["Python",{"name":"PyTorch"}],
      "jobLocation":[{"address":{"addressLocality":"Paris","addressCountry":"FR"}},{"address":{"addressLocality":"Lyon"}}]})");
  ASSERT_TRUE(posting.ok()) << posting.status().ToString();
  EXPECT_EQ(posting->employment_type, "FULL_TIME, CONTRACTOR");
  EXPECT_EQ(posting->skills_text, "Python, PyTorch");
  EXPECT_EQ(posting->location, "Paris, FR");
}

}  // namespace
}  // namespace jobscope::ingest
