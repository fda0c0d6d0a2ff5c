// The kill test (docs/RELIABILITY.md): `jobscope ingest` of real posting files is SIGKILLed at random
// moments (fixed seed), 50 times into SQLite stores and 50 times into PostgreSQL ones. After each kill the
// store must open for a reader, pass SQLite's integrity check (SQLite), hold no posting twice, no posting a
// clean ingest would not hold, every posting it held after the kill before (nothing committed is lost), no
// link to a posting it does not hold, and no quarantine record twice. Each round of kills ends with an
// uninterrupted run, which must reach exactly the posting ids, the duplicate links and the counts of a clean
// ingest into a fresh store, and leave no run marked as running.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <pqxx/pqxx>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/test_postgres.h"

namespace jobscope::robustness {
namespace {

constexpr int kKills = 50;          // kills delivered to a running ingest, per kind of store
constexpr int kKillsPerRound = 10;  // then a round's store is finished by an uninterrupted run
constexpr unsigned kSeed = 20240601;

// Rows of one query, each row's columns joined by '|'.
std::vector<std::string> QueryPostgres(const std::string& uri, const std::string& sql) {
  std::vector<std::string> rows;
  try {
    pqxx::connection connection(uri);
    pqxx::nontransaction read(connection);
    for (const pqxx::row& row : read.exec(sql)) {
      std::string joined;
      for (pqxx::row::size_type column = 0; column < row.size(); ++column) {
        joined += (column ? "|" : "") + std::string(row[column].is_null() ? "NULL" : row[column].c_str());
      }
      rows.push_back(std::move(joined));
    }
  } catch (const std::exception& error) {
    ADD_FAILURE() << sql << ": " << error.what();
  }
  return rows;
}

std::vector<std::string> Query(const std::string& db, const std::string& sql) {
  if (db.starts_with("postgresql://")) return QueryPostgres(db, sql);
  std::vector<std::string> rows;
  sqlite3* handle = nullptr;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << db << ": " << sqlite3_errmsg(handle);
    sqlite3_close(handle);
    return rows;
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(handle);
  } else {
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
      std::string row;
      for (int column = 0; column < sqlite3_column_count(statement); ++column) {
        const unsigned char* text = sqlite3_column_text(statement, column);
        row += (column ? "|" : "") + std::string(text ? reinterpret_cast<const char*>(text) : "NULL");
      }
      rows.push_back(std::move(row));
    }
    if (step != SQLITE_DONE) ADD_FAILURE() << sql << ": " << sqlite3_errmsg(handle);
  }
  sqlite3_finalize(statement);
  sqlite3_close(handle);
  return rows;
}

std::string One(const std::string& db, const std::string& sql) {
  std::vector<std::string> rows = Query(db, sql);
  return rows.empty() ? "" : rows[0];
}

// Starts `jobscope ingest --db DB INPUTS...` with its output thrown away.
pid_t StartIngest(const std::string& db, const std::vector<std::string>& inputs) {
  std::vector<std::string> words = {JOBSCOPE_BINARY, "ingest", "--db", db};
  words.insert(words.end(), inputs.begin(), inputs.end());
  pid_t pid = fork();
  if (pid == 0) {
    std::FILE* null = std::fopen("/dev/null", "w");
    if (null) {
      dup2(fileno(null), STDOUT_FILENO);
      dup2(fileno(null), STDERR_FILENO);
    }
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

// Runs an ingest to its end; its exit code.
int RunIngest(const std::string& db, const std::vector<std::string>& inputs) {
  int status = 0;
  waitpid(StartIngest(db, inputs), &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// "" when `jobscope stats` reads the store, else what it said.
std::string ReaderError(const std::string& db) {
  std::string command = std::string("'") + JOBSCOPE_BINARY + "' stats --json --db '" + db + "' 2>&1 >/dev/null";
  std::string said;
  std::FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return "cannot run jobscope";
  char buffer[512];
  size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) said.append(buffer, got);
  int status = pclose(pipe);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
  return said.empty() ? "exit status " + std::to_string(status) : said;
}

struct Snapshot {
  std::vector<std::string> postings;    // "id|duplicate_of", in id order
  std::vector<std::string> quarantine;  // "input|row|field|reason", sorted
};

Snapshot Take(const std::string& db) {
  return {Query(db, "SELECT id, coalesce(duplicate_of, '') FROM postings ORDER BY id"),
          Query(db, "SELECT input, row, field, reason FROM quarantine ORDER BY input, row, field, reason")};
}

class KillTest : public testing::TestWithParam<std::string> {
 protected:
  // A new empty store of the kind under test: a file name in `dir`, or a new database.
  std::string NewStore(const std::filesystem::path& dir, const std::string& name) {
    if (GetParam() == "sqlite") return (dir / (name + ".db")).string();
    std::optional<std::string> database = testing_support::NewTestDatabase();
    return database.value_or("");
  }
  bool IsSqlite() const { return GetParam() == "sqlite"; }
};

TEST_P(KillTest, SigkilledIngestsLeaveAConsistentStoreThatARerunCompletes) {
  if (!IsSqlite() && !testing_support::NewTestDatabase()) {
    GTEST_SKIP() << "JOBSCOPE_TEST_PG names no test server (scripts/test)";
  }
  const std::string shared = JOBSCOPE_SHARED_DATA_DIR;
  // Three real files: the store commits each finished file and every 2,000 postings within one (the third
  // holds more), so a kill can fall before, between or after them, or between a file's batches.
  const std::vector<std::string> inputs = {shared + "/glassdoor-ds-jobs/glassdoor_jobs.csv",
                                           shared + "/linkedin-aiml-jobs/ai_ml_jobs_linkedin_original.csv",
                                           shared + "/linkedin-aiml-jobs/data_science_job.csv"};
  for (const std::string& input : inputs) {
    if (!std::filesystem::exists(input)) GTEST_SKIP() << "no shared data: " << input;
  }
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("jobscope_kill_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);

  // The reference: a clean, uninterrupted ingest into a fresh store, timed.
  const std::string clean = NewStore(dir, "clean");
  auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(RunIngest(clean, inputs), 0);
  const double clean_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const Snapshot reference = Take(clean);
  ASSERT_GT(reference.postings.size(), 1000u);
  std::set<std::string> clean_ids;
  for (const std::string& row : reference.postings) clean_ids.insert(row.substr(0, row.find('|')));
  const std::string clean_counts =
      One(clean, "SELECT read, stored, already_present, duplicates, quarantined FROM ingest_runs");

  std::mt19937 random(kSeed);
  std::uniform_real_distribution<double> moment(0.0, clean_seconds);
  int kills = 0, attempts = 0, rounds = 0, finished_before_kill = 0, before_store = 0;
  std::map<size_t, int> stored_after_kill;  // postings in the store after a kill -> how often
  while (kills < kKills && attempts < 4 * kKills) {
    const std::string db = NewStore(dir, "round" + std::to_string(++rounds));
    int round_kills = 0, round_runs = 0;
    std::set<std::string> held_before;  // what the store held after the round's previous kill
    while (round_kills < kKillsPerRound && kills < kKills && attempts < 4 * kKills) {
      ++attempts;
      ++round_runs;
      pid_t pid = StartIngest(db, inputs);
      std::this_thread::sleep_for(std::chrono::duration<double>(moment(random)));
      kill(pid, SIGKILL);
      int status = 0;
      waitpid(pid, &status, 0);
      if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)) {
        ++finished_before_kill;  // it was done before the kill came: this store is complete
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        break;
      }
      ++kills;
      ++round_kills;
      SCOPED_TRACE("round " + std::to_string(rounds) + ", kill " + std::to_string(kills));
      // The reader looks first, before anything below opens the store for writing.
      const std::string reader = !IsSqlite() || std::filesystem::exists(db) ? ReaderError(db) : "no file";
      if (reader == "no file" || reader.find("holds no store yet") != std::string::npos) {
        // Killed before the store was made (SQLite makes the file before the schema's transaction commits):
        // a reader says there is no store yet, and the next ingest makes it.
        if (reader != "no file") {
          EXPECT_EQ(One(db, IsSqlite() ? "SELECT count(*) FROM sqlite_master"
                                       : "SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                                         "current_schema()"),
                    "0");
        }
        EXPECT_TRUE(held_before.empty()) << "a store that held postings is gone";
        ++before_store;
        ++stored_after_kill[0];
        continue;
      }
      ASSERT_EQ(reader, "");
      if (IsSqlite()) {
        ASSERT_EQ(One(db, "PRAGMA integrity_check"), "ok");
      }
      size_t postings = 0;
      std::set<std::string> held;
      for (const std::string& row : Query(db, "SELECT id FROM postings")) {
        ++postings;
        held.insert(row);
        EXPECT_TRUE(clean_ids.count(row)) << "a posting a clean ingest does not have: " << row;
      }
      for (const std::string& id : held_before) EXPECT_TRUE(held.count(id)) << "a committed posting was lost: " << id;
      held_before = std::move(held);
      EXPECT_EQ(One(db,
                    "SELECT count(*) FROM postings WHERE coalesce(duplicate_of, '') <> '' AND duplicate_of NOT IN "
                    "(SELECT id FROM postings)"),
                "0");
      EXPECT_EQ(One(db, "SELECT count(DISTINCT id) FROM postings"), std::to_string(postings));
      EXPECT_EQ(One(db,
                    "SELECT count(*) FROM (SELECT 1 FROM quarantine GROUP BY input, row, field, reason HAVING count(*) "
                    "> 1) twice"),
                "0");
      ++stored_after_kill[postings];
    }
    // The round's uninterrupted run reaches what the clean ingest did.
    SCOPED_TRACE("round " + std::to_string(rounds));
    ASSERT_EQ(RunIngest(db, inputs), 0);
    if (IsSqlite()) {
      ASSERT_EQ(One(db, "PRAGMA integrity_check"), "ok");
    }
    Snapshot after = Take(db);
    EXPECT_EQ(after.postings, reference.postings);
    EXPECT_EQ(after.quarantine, reference.quarantine);
    EXPECT_EQ(One(db, "SELECT count(*) FROM ingest_runs WHERE status = 'running'"),
              "0");  // the killed ones: interrupted
    EXPECT_EQ(One(db, "SELECT count(*) FROM ingest_runs WHERE status NOT IN ('done', 'interrupted')"), "0");
    // Every run that completed counts each record once; the first of them stored what the clean run stored.
    std::vector<std::string> done = Query(db,
                                          "SELECT read, stored, already_present, duplicates, quarantined FROM "
                                          "ingest_runs WHERE status = 'done' ORDER BY id");
    ASSERT_FALSE(done.empty());
    EXPECT_EQ(done.back().substr(0, done.back().find('|')), clean_counts.substr(0, clean_counts.find('|')));  // read
  }
  EXPECT_GE(kills, kKills);

  std::string spread;
  for (const auto& [postings, times] : stored_after_kill)
    spread += " " + std::to_string(postings) + "x" + std::to_string(times);
  std::printf(
      "kill test (%s): %d SIGKILLs in %d attempts over %d rounds (%d runs finished before their kill, %d kills came "
      "before the store was made); clean ingest %.2fs, %zu postings; postings in the store after a kill "
      "(count x kills):%s\n",
      GetParam().c_str(), kills, attempts, rounds, finished_before_kill, before_store, clean_seconds,
      reference.postings.size(), spread.c_str());
  testing::Test::RecordProperty("kills", kills);
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Stores, KillTest, testing::Values("sqlite", "postgresql"),
                         [](const testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace jobscope::robustness
