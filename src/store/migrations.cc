#include "store/internal/migrations.h"

#include <array>
#include <string>

namespace jobscope::store::internal {
namespace {

constexpr std::string_view kV1 = R"sql(
CREATE TABLE ingest_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  inputs TEXT NOT NULL,
  read INTEGER NOT NULL DEFAULT 0,
  stored INTEGER NOT NULL DEFAULT 0,
  already_present INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  quarantined INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL
);
CREATE TABLE postings (
  id TEXT PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  company TEXT NOT NULL,
  location_text TEXT NOT NULL,
  description TEXT NOT NULL,
  description_original TEXT NOT NULL,
  date_posted TEXT NOT NULL,
  employment_type_text TEXT NOT NULL,
  experience_level_text TEXT NOT NULL,
  work_type_text TEXT NOT NULL,
  salary_text TEXT NOT NULL,
  skills_text TEXT NOT NULL,
  raw_salary_min REAL,
  raw_salary_max REAL,
  raw_salary_currency TEXT NOT NULL,
  raw_salary_interval TEXT NOT NULL,
  raw_is_remote INTEGER,
  city TEXT NOT NULL,
  region TEXT NOT NULL,
  country TEXT NOT NULL,
  remote TEXT NOT NULL,
  employment_type TEXT NOT NULL,
  role TEXT NOT NULL,
  level TEXT NOT NULL,
  years_min INTEGER,
  seniority_cues TEXT NOT NULL,
  salary_min REAL,
  salary_max REAL,
  salary_currency TEXT NOT NULL,
  salary_period TEXT NOT NULL,
  salary_annual_min_usd REAL,
  salary_annual_max_usd REAL,
  salary_source TEXT NOT NULL,
  salary_original TEXT NOT NULL,
  salary_currency_unknown INTEGER NOT NULL,
  duplicate_key TEXT NOT NULL,
  company_key TEXT NOT NULL,
  text_fingerprint INTEGER NOT NULL,
  duplicate_of TEXT,
  -- One record per skill mention: id, name, span begin, span end, requirement; fields separated by 0x1F,
  -- records by 0x1E. Packed in the row because every reader wants a posting whole, and one row per
  -- posting keeps ingest at one index insert per key instead of one per mention.
  skills TEXT NOT NULL
);
CREATE INDEX postings_by_duplicate_key ON postings(duplicate_key);
CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
  input TEXT NOT NULL,
  row INTEGER NOT NULL,
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL
);
)sql";

// v2: spans the skill tagger found that the taxonomy does not know, 0x1E-separated (`skills --new`).
constexpr std::string_view kV2 = R"sql(
ALTER TABLE postings ADD COLUMN candidate_skills TEXT NOT NULL DEFAULT '';
)sql";

// v3: a random id made once per store, so a file derived from one store (an index snapshot) is not taken
// for another's.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO store_info (key, value) VALUES ('id', lower(hex(randomblob(16))));
)sql";

// v4: quarantined records by input and row, so a re-ingest finds the ones it set aside before and does not
// add them again.
constexpr std::string_view kV4 = R"sql(
CREATE INDEX quarantine_by_input_row ON quarantine(input, row);
)sql";

// v5: the process that runs an ingest, so a run whose process died (killed, crashed) reads as interrupted
// instead of running forever.
constexpr std::string_view kV5 = R"sql(
ALTER TABLE ingest_runs ADD COLUMN pid INTEGER NOT NULL DEFAULT 0;
)sql";

// v6: API tokens for the server's write endpoints, kept only as the SHA-256 of the token (hex), with a name
// to tell them apart.
constexpr std::string_view kV6 = R"sql(
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
)sql";

// v7: résumé profiles a person chose to keep (`profile --save`): the profile as JSON, never the résumé itself,
// under the digest of the résumé's text so saving the same résumé again replaces it.
constexpr std::string_view kV7 = R"sql(
CREATE TABLE saved_profiles (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  profile_json TEXT NOT NULL,
  saved_at TEXT NOT NULL
);
)sql";

// v8: a posting's duplicates are read by the posting's id ("also posted as" under each search hit).
constexpr std::string_view kV8 = R"sql(
CREATE INDEX postings_by_duplicate_of ON postings(duplicate_of) WHERE duplicate_of IS NOT NULL AND duplicate_of <> '';
)sql";

// v9: saved searches and their alerts: each search's words and filters, and the last stored posting its
// alerts have considered, so `alerts run` lists only what was stored since and never the same posting twice.
constexpr std::string_view kV9 = R"sql(
CREATE TABLE saved_searches (
  name TEXT PRIMARY KEY,
  query TEXT NOT NULL,
  filters_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_run_at TEXT NOT NULL DEFAULT '',
  through_sequence INTEGER NOT NULL
);
)sql";

// v10: a run's postings by its id: each ingest asks, file by file, what it stored and linked.
constexpr std::string_view kV10 = R"sql(
CREATE INDEX postings_by_run ON postings(run_id);
)sql";

constexpr std::array<std::string_view, 10> kMigrations = {kV1, kV2, kV3, kV4, kV5, kV6, kV7, kV8, kV9, kV10};

}  // namespace

std::span<const std::string_view> SqliteMigrations() { return kMigrations; }

Status CheckReadableVersion(int current, int latest) {
  if (current > latest) {
    return InvalidArgument("its schema version " + std::to_string(current) + " is newer than this build (" +
                           std::to_string(latest) + ")");
  }
  if (current < latest) {
    return InvalidArgument("its schema version " + std::to_string(current) + " is older than this build's (" +
                           std::to_string(latest) + "): run jobscope ingest on it once to bring it up to date");
  }
  return Status::Ok();
}

}  // namespace jobscope::store::internal
