// The SQLite schema as an ordered list of migrations. Migration N takes the schema from version N-1 to N;
// a store opened by this build is brought to kSchemaVersion in one transaction (all pending steps together). Never edit
// a released migration: add the next one.
#pragma once

#include <span>
#include <string_view>

#include "base/status.h"

namespace jobscope::store::internal {

std::span<const std::string_view> SqliteMigrations();
// The same versions for PostgreSQL (pg_migrations.cc).
std::span<const std::string_view> PostgresMigrations();

// Whether a store at schema version `current` (> 0) can be read by a build whose latest version is `latest`:
// neither newer nor older (a reader never migrates). Errors: kInvalidArgument saying which and what to do.
Status CheckReadableVersion(int current, int latest);

}  // namespace jobscope::store::internal
