// The SQLite schema as an ordered list of migrations. Migration N takes the schema from version N-1 to N;
// a store opened by this build is brought to kSchemaVersion in one transaction (all pending steps together). Never edit
// a released migration: add the next one.
#pragma once

#include <span>
#include <string_view>

namespace jobscope::store::internal {

std::span<const std::string_view> SqliteMigrations();
// The same versions for PostgreSQL (pg_migrations.cc).
std::span<const std::string_view> PostgresMigrations();

}  // namespace jobscope::store::internal
