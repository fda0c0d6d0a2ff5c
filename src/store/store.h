// File: store.h
//
// The store stage: the source of truth for postings, their skills, ingest runs and quarantined rows. `Store`
// is the interface every service talks to; SQLite (embedded, WAL) implements it here and PostgreSQL will
// implement it for the server, both passing one test suite. The schema is versioned and migrated on open.
//
// Writes are batched: the store opens a transaction on the first write and commits every
// `kBatchSize` writes and on Flush(), so a crash loses at most one uncommitted batch of an ingest that can
// simply be run again (ids are stable).
//
// Thread-safety: a Store is used by one thread at a time.
//
// Example:
//   JS_ASSIGN_OR_RETURN(auto store, OpenSqliteStore("jobscope.db"));
//   JS_ASSIGN_OR_RETURN(int64_t run, store->BeginRun({"jobs.csv"}));
//   JS_ASSIGN_OR_RETURN(PutOutcome outcome, store->PutPosting(posting, run));
//   JS_RETURN_IF_ERROR(store->FinishRun(run, counts));
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/model.h"

namespace jobscope::store {

struct RunCounts {
  int64_t read = 0;             // records read from the inputs
  int64_t stored = 0;           // new postings stored
  int64_t already_present = 0;  // postings whose id was already stored (re-ingests, repeated rows)
  int64_t duplicates = 0;       // new postings linked to an earlier posting of the same job
  int64_t quarantined = 0;      // records set aside with a reason

  RunCounts& operator+=(const RunCounts& other) {
    read += other.read;
    stored += other.stored;
    already_present += other.already_present;
    duplicates += other.duplicates;
    quarantined += other.quarantined;
    return *this;
  }
};

struct IngestRun {
  int64_t id = 0;
  std::string started_at;   // ISO 8601 UTC
  std::string finished_at;  // empty while running or if the run died
  std::vector<std::string> inputs;
  RunCounts counts;
  std::string status;  // "running", "done", "failed", or "interrupted" when its process died while running
};

// A record that could not be stored as a posting, with where and why, and the record as read.
struct QuarantineRecord {
  int64_t id = 0;
  int64_t run_id = 0;
  std::string input;  // file name
  int64_t row = 0;    // 1-based record number in the input (CSV: after the header; JSON Lines: line)
  std::string field;  // the offending field, or "" for the whole record
  std::string reason;
  std::string raw;  // the record's bytes as read (repaired to valid UTF-8 for storage)
};

// What one run stored, as the store holds it.
struct RunPostingCounts {
  int64_t stored = 0;      // postings whose run this is
  int64_t duplicates = 0;  // of them, those linked to an earlier posting
};

enum class PutOutcome { kInserted, kAlreadyPresent };

// An API token as stored: never the token itself, only its SHA-256 (64 lowercase hex digits).
struct ApiToken {
  int64_t id = 0;
  std::string name;
  std::string sha256;
  std::string created_at;  // ISO 8601 UTC
};

// A résumé profile kept at its owner's request (`profile --save`): JSON, not the résumé.
struct SavedProfile {
  std::string id;      // the digest of the résumé's text
  std::string source;  // the file it was read from
  std::string profile_json;
  std::string saved_at;  // ISO 8601 UTC
};

// A search kept by name for its alerts: the words and filters (as JSON, search's FilterSpec), and the last
// stored posting (Store::LastSequence) its alerts have considered.
struct SavedSearch {
  std::string name;
  std::string query;
  std::string filters_json;
  std::string created_at;   // ISO 8601 UTC
  std::string last_run_at;  // "" before the first run
  int64_t through_sequence = 0;
};

// One row of the duplicate index: what near-duplicate detection needs of each stored posting.
struct DuplicateEntry {
  std::string id;
  std::string duplicate_key;
  std::string company_key;
  uint64_t text_fingerprint = 0;
};

// The order ForEachPosting visits postings in. By title puts postings with the same title side by side,
// then by company, description fingerprint (near-copies together) and id, as a search index wants its
// documents: neighbours that score alike make block score bounds tight.
enum class PostingOrder { kId, kTitle };

class Store {
 public:
  static constexpr int kBatchSize = 2000;
  virtual ~Store() = default;

  // Records the start of an ingest run and returns its id.
  virtual StatusOr<int64_t> BeginRun(const std::vector<std::string>& inputs) = 0;
  // Records the counts and end of a run (status "done" or "failed"); flushes pending writes.
  virtual Status FinishRun(int64_t run_id, const RunCounts& counts, bool failed) = 0;
  // Records a running run's counts so far (written with the next batch), so a run that dies shows how far it
  // got.
  virtual Status UpdateRunCounts(int64_t run_id, const RunCounts& counts) = 0;

  // Stores a posting and its skills unless its id is already stored (then nothing changes). A posting whose
  // duplicate_of is empty is linked by the store to the earliest stored posting it repeats, by one rule
  // over every writer's postings (store/internal/duplicate_index.h): the SQLite store as it writes, under its
  // write lock; the PostgreSQL store when the batch is written. CountRunPostings tells a run what it linked.
  virtual StatusOr<PutOutcome> PutPosting(const Posting& posting, int64_t run_id) = 0;
  virtual Status PutQuarantine(const QuarantineRecord& record) = 0;
  // Commits pending writes.
  virtual Status Flush() = 0;

  // Calls `visit` for each stored posting in `order` until it returns false. The posting is the
  // visitor's: it may move from it, or swap in another whose buffers the next posting is read into.
  virtual Status ForEachPosting(const std::function<bool(Posting&)>& visit, PostingOrder order) = 0;
  Status ForEachPosting(const std::function<bool(Posting&)>& visit) { return ForEachPosting(visit, PostingOrder::kId); }
  // Postings are numbered as they are stored, and a store only ever adds postings: the number of the last
  // one stored (0 when none) marks what a reader has seen, and ForEachPostingAfter visits, in the order they
  // were stored, the postings added since (an index kept in step with ingest reads just those).
  virtual StatusOr<int64_t> LastSequence() = 0;
  virtual Status ForEachPostingAfter(int64_t sequence, const std::function<bool(Posting&)>& visit) = 0;
  // The sequence numbers of the stored postings in `order`, without those linked as duplicates unless
  // `include_duplicates`; ForEachPostingOf then visits postings in the order their numbers are given
  // (numbers of no posting are skipped). Together they let readers on several threads share out one
  // ordering, and read no posting they would skip. With `text_bytes`, each posting's description size comes
  // too (most of what reading and analysing it costs), so the shares can be even.
  virtual StatusOr<std::vector<int64_t>> SequencesInOrder(PostingOrder order, bool include_duplicates,
                                                          std::vector<uint32_t>* text_bytes) = 0;
  virtual Status ForEachPostingOf(std::span<const int64_t> sequences, const std::function<bool(Posting&)>& visit) = 0;
  // As ForEachPostingOf, with only what a search index reads filled in: the id, title, company,
  // description, date posted, place, remote mode, employment type, role, level, annual USD salary, skill
  // mentions and the posting it duplicates. The other fields are left empty; reading them all costs the index build a
  // fifth more.
  virtual Status ForEachSearchablePostingOf(std::span<const int64_t> sequences,
                                            const std::function<bool(Posting&)>& visit) = 0;
  // Another connection to the same store, for reading on another thread. Errors: kUnimplemented where a
  // store cannot be opened twice (an in-memory one).
  virtual StatusOr<std::unique_ptr<Store>> OpenReader() = 0;
  virtual StatusOr<std::optional<Posting>> GetPosting(const std::string& id) = 0;
  // The postings linked as duplicates of `id` (the same job seen elsewhere), in the order they were stored.
  virtual StatusOr<std::vector<Posting>> DuplicatesOf(const std::string& id) = 0;
  // Whether a posting with this id is stored (pending writes included): a re-ingest asks this before doing
  // the work of understanding a record.
  virtual StatusOr<bool> HasPosting(const std::string& id) = 0;
  virtual StatusOr<int64_t> CountPostings() = 0;
  // The postings stored by run `run_id` and how many of them are linked duplicates (pending writes
  // included): where several writers share a store, another may store a posting first, and links are made
  // in the database, so a run learns its counts here.
  virtual StatusOr<RunPostingCounts> CountRunPostings(int64_t run_id) = 0;
  virtual Status ForEachDuplicateEntry(const std::function<void(const DuplicateEntry&)>& visit) = 0;
  // Quarantined records, newest run first; all runs when run_id is empty.
  virtual StatusOr<std::vector<QuarantineRecord>> ListQuarantine(std::optional<int64_t> run_id) = 0;
  virtual StatusOr<std::vector<IngestRun>> ListRuns() = 0;
  // Stores a token's name and digest (`created_at` is set here) and returns its id; written at once, not
  // batched. Errors: kAlreadyExists (that digest is stored), those of the store (a
  // read-only one cannot write).
  virtual StatusOr<int64_t> PutApiToken(const ApiToken& token) = 0;
  // Every stored token, oldest first.
  virtual StatusOr<std::vector<ApiToken>> ListApiTokens() = 0;
  // Keeps a profile (replacing one saved under the same id) / lists them by id.
  // Saved searches: put replaces one of the same name (its created_at kept from the caller's value when set).
  virtual Status PutSavedSearch(const SavedSearch& search) = 0;
  virtual StatusOr<std::vector<SavedSearch>> ListSavedSearches() = 0;     // by name
  virtual StatusOr<bool> DeleteSavedSearch(const std::string& name) = 0;  // false when there was none
  // Moves the searches' marks to `through_sequence` and stamps the run, all in one transaction.
  virtual Status MarkSavedSearchesRun(const std::vector<std::string>& names, int64_t through_sequence) = 0;
  virtual Status PutSavedProfile(const SavedProfile& profile) = 0;
  virtual StatusOr<std::vector<SavedProfile>> ListSavedProfiles() = 0;
  virtual int SchemaVersion() const = 0;

  // Random, made when the store was created: tells one store from another (copies share it).
  virtual StatusOr<std::string> StoreId() = 0;
};

// Opens (creating if needed) a SQLite store at `path` in WAL mode and migrates it to the current schema.
// Errors: kIoError (cannot open), kInternal (migration failed), kInvalidArgument (a newer schema than this
// build knows).
StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);
// Opens an existing SQLite store for reading: nothing is created, migrated or written (also on read-only
// media). Errors: kInvalidArgument (no file there, not a jobscope store, a schema older or newer than this
// build's), kIoError.
StatusOr<std::unique_ptr<Store>> OpenSqliteStoreForReading(const std::string& path);

// The PostgreSQL store at `uri` (postgresql://user@host/db, or any libpq connection URI), created and
// migrated if needed. Errors: kIoError (cannot connect), kInvalidArgument (a database holding other tables,
// a newer schema), kInternal. Messages name the store without its password.
StatusOr<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri);
// Opens an existing PostgreSQL store without migrating it; its schema must be this build's.
StatusOr<std::unique_ptr<Store>> OpenPostgresStoreForReading(const std::string& uri);
bool IsPostgresUri(std::string_view location);
// `location` as it may be shown or logged: a URI's password is cut out (postgresql://user:secret@host/db
// -> postgresql://user@host/db; password=... -> password=***).
std::string StoreDisplayName(const std::string& location);
// Whether a store may be at `location`: an SQLite file must exist (a mistyped path must not make a new
// store); a database is asked when opened.
bool StoreMayExist(const std::string& location);

// The store at `location`: a postgresql:// URI names a PostgreSQL store, anything else an SQLite file.
StatusOr<std::unique_ptr<Store>> OpenStore(const std::string& location);
StatusOr<std::unique_ptr<Store>> OpenStoreForReading(const std::string& location);

}  // namespace jobscope::store
