// The PostgreSQL server the tests run against: scripts/test starts a throwaway one and names it in
// JOBSCOPE_TEST_PG (a connection URI). Each test takes a database of its own from it.
#pragma once

#include <optional>
#include <string>

namespace jobscope::testing_support {

// The URI of a new, empty database on the test server, or nullopt when JOBSCOPE_TEST_PG is not set.
std::optional<std::string> NewTestDatabase();

// `uri` with its database name replaced by `database`.
std::string WithDatabase(const std::string& uri, const std::string& database);

}  // namespace jobscope::testing_support
