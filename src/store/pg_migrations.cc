// The PostgreSQL schema: the SQLite schema's versions, step for step, in PostgreSQL's types. Besides the
// columns both stores share, a posting has `staged` (the order postings were written in, by any worker) and
// `seq` (its number once duplicate linking has seen it): numbers are given by one linking pass at a time,
// so a reader that has seen number N has seen every posting numbered up to N, whichever worker stored it.
#include <array>

#include "store/internal/migrations.h"

namespace jobscope::store::internal {
namespace {

constexpr std::string_view kV1 = R"sql(
CREATE TABLE ingest_runs (
  id BIGSERIAL PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  inputs TEXT NOT NULL,
  read BIGINT NOT NULL DEFAULT 0,
  stored BIGINT NOT NULL DEFAULT 0,
  already_present BIGINT NOT NULL DEFAULT 0,
  duplicates BIGINT NOT NULL DEFAULT 0,
  quarantined BIGINT NOT NULL DEFAULT 0,
  status TEXT NOT NULL
);
CREATE TABLE postings (
  id TEXT COLLATE "C" PRIMARY KEY,
  run_id BIGINT NOT NULL REFERENCES ingest_runs(id),
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
  raw_salary_min DOUBLE PRECISION,
  raw_salary_max DOUBLE PRECISION,
  raw_salary_currency TEXT NOT NULL,
  raw_salary_interval TEXT NOT NULL,
  raw_is_remote BIGINT,
  city TEXT NOT NULL,
  region TEXT NOT NULL,
  country TEXT NOT NULL,
  remote TEXT NOT NULL,
  employment_type TEXT NOT NULL,
  role TEXT NOT NULL,
  level TEXT NOT NULL,
  years_min BIGINT,
  seniority_cues TEXT NOT NULL,
  salary_min DOUBLE PRECISION,
  salary_max DOUBLE PRECISION,
  salary_currency TEXT NOT NULL,
  salary_period TEXT NOT NULL,
  salary_annual_min_usd DOUBLE PRECISION,
  salary_annual_max_usd DOUBLE PRECISION,
  salary_source TEXT NOT NULL,
  salary_original TEXT NOT NULL,
  salary_currency_unknown BIGINT NOT NULL,
  duplicate_key TEXT NOT NULL,
  company_key TEXT NOT NULL,
  text_fingerprint BIGINT NOT NULL,
  duplicate_of TEXT COLLATE "C",
  skills TEXT NOT NULL,
  staged BIGSERIAL NOT NULL,
  seq BIGINT UNIQUE
);
CREATE INDEX postings_by_duplicate_key ON postings(duplicate_key, seq);
CREATE INDEX postings_by_company_key ON postings(company_key, seq) WHERE text_fingerprint <> 0;
CREATE INDEX postings_unlinked ON postings(staged) WHERE seq IS NULL;
CREATE SEQUENCE posting_seq;
CREATE TABLE quarantine (
  id BIGSERIAL PRIMARY KEY,
  run_id BIGINT NOT NULL REFERENCES ingest_runs(id),
  input TEXT NOT NULL,
  row BIGINT NOT NULL,
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL
);
-- Links every posting no pass has seen yet, in the order they were written, by the rule the embedded store
-- applies as it writes (store/internal/duplicate_index.h): the first posting with the same duplicate key
-- (an empty key links nothing), else the first of the same company whose description fingerprint differs
-- in at most `max_distance` bits. One pass at a time (an advisory lock), so two workers' copies of one job
-- never both become originals.
CREATE FUNCTION jobscope_link_duplicates(max_distance INTEGER) RETURNS BIGINT AS $$
DECLARE
  posting RECORD;
  original TEXT;
  linked BIGINT := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(7310454);
  FOR posting IN SELECT id, duplicate_key, company_key, text_fingerprint, duplicate_of FROM postings
                 WHERE seq IS NULL ORDER BY staged LOOP
    original := posting.duplicate_of;
    IF original IS NULL AND posting.duplicate_key <> '' THEN
      SELECT p.id INTO original FROM postings p
        WHERE p.duplicate_key = posting.duplicate_key AND p.seq IS NOT NULL ORDER BY p.seq LIMIT 1;
    END IF;
    IF original IS NULL AND posting.company_key <> '' AND posting.text_fingerprint <> 0 THEN
      SELECT p.id INTO original FROM postings p
        WHERE p.company_key = posting.company_key AND p.text_fingerprint <> 0 AND p.seq IS NOT NULL
          AND bit_count((p.text_fingerprint # posting.text_fingerprint)::bit(64)) <= max_distance
        ORDER BY p.seq LIMIT 1;
    END IF;
    UPDATE postings SET seq = nextval('posting_seq'), duplicate_of = original WHERE id = posting.id;
    IF original IS NOT NULL THEN linked := linked + 1; END IF;
  END LOOP;
  RETURN linked;
END
$$ LANGUAGE plpgsql;
)sql";

constexpr std::string_view kV2 = R"sql(
ALTER TABLE postings ADD COLUMN candidate_skills TEXT NOT NULL DEFAULT '';
)sql";

constexpr std::string_view kV3 = R"sql(
CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO store_info (key, value) VALUES ('id', md5(random()::text || clock_timestamp()::text));
)sql";

constexpr std::string_view kV4 = R"sql(
CREATE INDEX quarantine_by_input_row ON quarantine(input, row);
)sql";

// The host as well as the pid: workers on several machines share one store, and only the machine that runs
// a process can tell whether it died.
constexpr std::string_view kV5 = R"sql(
ALTER TABLE ingest_runs ADD COLUMN pid BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ingest_runs ADD COLUMN host TEXT NOT NULL DEFAULT '';
)sql";

constexpr std::string_view kV6 = R"sql(
CREATE TABLE api_tokens (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
)sql";

constexpr std::string_view kV7 = R"sql(
CREATE TABLE saved_profiles (
  id TEXT COLLATE "C" PRIMARY KEY,
  source TEXT NOT NULL,
  profile_json TEXT NOT NULL,
  saved_at TEXT NOT NULL
);
)sql";

constexpr std::string_view kV8 = R"sql(
CREATE INDEX postings_by_duplicate_of ON postings(duplicate_of, seq) WHERE duplicate_of IS NOT NULL;
)sql";

constexpr std::string_view kV9 = R"sql(
CREATE TABLE saved_searches (
  name TEXT COLLATE "C" PRIMARY KEY,
  query TEXT NOT NULL,
  filters_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_run_at TEXT NOT NULL DEFAULT '',
  through_sequence BIGINT NOT NULL
);
)sql";

// v10: a run's postings by its id: each ingest asks, file by file, what it stored and linked.
constexpr std::string_view kV10 = R"sql(
CREATE INDEX postings_by_run ON postings(run_id);
)sql";

constexpr std::array<std::string_view, 10> kMigrations = {kV1, kV2, kV3, kV4, kV5, kV6, kV7, kV8, kV9, kV10};

}  // namespace

std::span<const std::string_view> PostgresMigrations() { return kMigrations; }

}  // namespace jobscope::store::internal
