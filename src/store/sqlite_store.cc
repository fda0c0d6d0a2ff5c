// The SQLite store: one file, WAL journal, batched transactions.
#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <thread>
#include <unordered_map>

#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include "base/strings.h"
#include "store/internal/duplicate_index.h"
#include "store/internal/migrations.h"
#include "store/internal/posting_columns.h"
#include "store/internal/sqlite_statement.h"
#include "store/internal/timestamps.h"
#include "store/internal/whole_file_map_vfs.h"
#include "store/store.h"
#include "text/text.h"

namespace jobscope::store {
namespace {

using internal::NowIso8601;

using internal::Exec;
using internal::kPostingColumnCount;
using internal::kPostingColumns;
using internal::kSearchableColumns;
using internal::ReadPostingInto;
using internal::ReadSearchableInto;
using internal::Statement;

std::string Placeholders(int count) {
  std::string out;
  for (int idx = 0; idx < count; ++idx) out += idx ? ",?" : "?";
  return out;
}

Posting ReadPosting(const Statement& row) {
  Posting posting;
  ReadPostingInto(row, posting);
  return posting;
}

// Distinct values, ASCII case folded, numbered as seen; Ranks() maps each number to the value's place in
// sorted order.
class Ranker {
 public:
  uint32_t Add(std::string_view value) {
    AsciiLowerInto(value, folded_);
    auto found = numbers_.find(folded_);
    if (found != numbers_.end()) return found->second;
    return numbers_.emplace(folded_, static_cast<uint32_t>(numbers_.size())).first->second;
  }
  // Adds `other`'s values; returns each of its numbers' number here.
  std::vector<uint32_t> Absorb(const Ranker& other) {
    std::vector<uint32_t> number_of(other.numbers_.size());
    for (const auto& [value, number] : other.numbers_) {
      number_of[number] = numbers_.emplace(value, static_cast<uint32_t>(numbers_.size())).first->second;
    }
    return number_of;
  }
  std::vector<uint32_t> Ranks() const {
    std::vector<const std::pair<const std::string, uint32_t>*> sorted;
    sorted.reserve(numbers_.size());
    for (const auto& entry : numbers_) sorted.push_back(&entry);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
    std::vector<uint32_t> rank(numbers_.size());
    for (size_t place = 0; place < sorted.size(); ++place) rank[sorted[place]->second] = static_cast<uint32_t>(place);
    return rank;
  }

 private:
  std::unordered_map<std::string, uint32_t> numbers_;
  std::string folded_;  // reused: most values are already known
};

// A posting's place in title order: title and company as numbers a Ranker gives, then the description's
// fingerprint, then the id.
struct SortKey {
  uint32_t title, company;
  int64_t fingerprint;
  uint32_t id;  // into the scan's ids, compared only on a tie
  int64_t rowid;
};

struct KeyScan {
  std::vector<SortKey> keys;
  std::vector<std::string> ids;
  std::vector<uint32_t> bytes;  // description sizes, when asked for
  Ranker titles, companies;

  // Appends another range's keys, their titles and companies numbered as here.
  void Absorb(KeyScan& other) {
    const std::vector<uint32_t> title_of = titles.Absorb(other.titles);
    const std::vector<uint32_t> company_of = companies.Absorb(other.companies);
    const uint32_t id_base = static_cast<uint32_t>(ids.size());
    for (SortKey key : other.keys) {
      key.title = title_of[key.title];
      key.company = company_of[key.company];
      key.id += id_base;
      keys.push_back(key);
    }
    std::move(other.ids.begin(), other.ids.end(), std::back_inserter(ids));
    bytes.insert(bytes.end(), other.bytes.begin(), other.bytes.end());
  }
};

// Below this many rows a title-order scan runs on one connection: a second one and its thread cost more.
constexpr int64_t kMinRowsToSplitScan = 20000;

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override {
    (void)Flush();
    insert_posting_ = Statement();
    insert_quarantine_ = Statement();
    has_posting_ = Statement();
    get_posting_ = Statement();
    has_quarantine_ = Statement();
    duplicates_of_ = Statement();  // every statement finalized, or the close fails and the connection leaks
    sqlite3_close(db_);
  }

  Status Open() {
    sqlite3_busy_timeout(db_, 5000);
    // Someone else's database is refused before anything is set on it: journal_mode=WAL alone rewrites
    // its header.
    JS_RETURN_IF_ERROR(RefuseForeign());
    // Postings are a few KiB of text each: 64 KiB pages hold a dozen with little slack and no overflow
    // chains (measured fastest of 8, 16 and 64 KiB; page_size takes effect only on a new file). A bounded
    // page cache keeps memory flat; the file is memory-mapped whole (the VFS lifts SQLite's 2 GiB limit;
    // a nonzero mmap_size turns mapping on), so reads skip the kernel's copy (a 200k-posting scan: 6.7 s
    // with 256 MiB mapped, 4.6 s with all).
    // Two writers opening a new store at once: switching to WAL and migrating take locks that SQLite's busy
    // handler does not wait for, so the one that loses the race waits and tries again.
    for (int attempt = 1;; ++attempt) {
      Status ready = Exec(db_,
                          "PRAGMA page_size=65536; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                          "PRAGMA foreign_keys=ON; PRAGMA cache_size=-131072; PRAGMA mmap_size=2147418112; "
                          "PRAGMA wal_autocheckpoint=1000;");
      if (ready.ok()) ready = Migrate();
      if (ready.ok()) break;
      if (attempt == 50 || ready.message().find("database is locked") == std::string::npos) return ready;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    JS_ASSIGN_OR_RETURN(insert_posting_,
                        Statement::Prepare(db_, "INSERT OR IGNORE INTO postings (" + std::string(kPostingColumns) +
                                                    ") VALUES (" + Placeholders(kPostingColumnCount) + ")"));
    JS_ASSIGN_OR_RETURN(insert_quarantine_,
                        Statement::Prepare(db_,
                                           "INSERT INTO quarantine (run_id, input, row, field, reason, raw) "
                                           "VALUES (?,?,?,?,?,?)"));
    return Status::Ok();
  }

  // For reading only: no migration, no write statements, no journal change; the schema must be this
  // build's.
  Status OpenForReading() {
    sqlite3_busy_timeout(db_, 5000);
    JS_RETURN_IF_ERROR(Exec(db_, "PRAGMA cache_size=-131072; PRAGMA mmap_size=2147418112;"));
    JS_ASSIGN_OR_RETURN(Statement version, Statement::Prepare(db_, "PRAGMA user_version"));
    JS_ASSIGN_OR_RETURN(bool row, version.Step());
    int current = row ? static_cast<int>(version.ColumnInt(0)) : 0;
    int latest = static_cast<int>(internal::SqliteMigrations().size());
    if (current == 0) {
      // A database without tables is what an ingest killed before it made its schema leaves: no store yet,
      // not someone else's.
      JS_ASSIGN_OR_RETURN(Statement tables, Statement::Prepare(db_, "SELECT count(*) FROM sqlite_master"));
      JS_ASSIGN_OR_RETURN(bool counted, tables.Step());
      if (counted && tables.ColumnInt(0) == 0) {
        return InvalidArgument(
            "it holds no store yet (an ingest stopped before making one?); make one with jobscope ingest");
      }
      return InvalidArgument("it is not a jobscope store");
    }
    JS_RETURN_IF_ERROR(internal::CheckReadableVersion(current, latest));
    schema_version_ = current;
    return Status::Ok();
  }

  int SchemaVersion() const override { return schema_version_; }

  StatusOr<std::string> StoreId() override {
    JS_ASSIGN_OR_RETURN(Statement select, Statement::Prepare(db_, "SELECT value FROM store_info WHERE key='id'"));
    JS_ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) return Internal("store has no id");
    return select.ColumnText(0);
  }

  StatusOr<int64_t> BeginRun(const std::vector<std::string>& inputs) override {
    JS_RETURN_IF_ERROR(Flush());
    // Runs left "running" by a process that has died are marked as what they are.
    JS_ASSIGN_OR_RETURN(std::vector<int64_t> dead, DeadRuns());
    for (int64_t run : dead) {
      JS_ASSIGN_OR_RETURN(Statement mark,
                          Statement::Prepare(db_, "UPDATE ingest_runs SET status='interrupted' WHERE id=?"));
      mark.BindInt(1, run);
      JS_RETURN_IF_ERROR(mark.Run());
    }
    JS_ASSIGN_OR_RETURN(Statement insert, Statement::Prepare(db_,
                                                             "INSERT INTO ingest_runs (started_at, inputs, "
                                                             "status, pid) VALUES (?, ?, 'running', ?)"));
    insert.BindText(1, NowIso8601());
    insert.BindText(2, JoinStrings(inputs, "\n"));
    insert.BindInt(3, static_cast<int64_t>(::getpid()));
    JS_RETURN_IF_ERROR(insert.Run());
    return sqlite3_last_insert_rowid(db_);
  }

  // Runs marked running whose process is gone (a run from before pids were kept, pid 0, counts as gone).
  StatusOr<std::vector<int64_t>> DeadRuns() {
    JS_ASSIGN_OR_RETURN(Statement select,
                        Statement::Prepare(db_, "SELECT id, pid FROM ingest_runs WHERE status='running'"));
    std::vector<int64_t> dead;
    while (true) {
      JS_ASSIGN_OR_RETURN(bool row, select.Step());
      if (!row) break;
      int64_t pid = select.ColumnInt(1);
      bool gone = pid <= 0 || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH);
      if (gone) dead.push_back(select.ColumnInt(0));
    }
    return dead;
  }

  Status UpdateRunCounts(int64_t run_id, const RunCounts& counts) override {
    JS_RETURN_IF_ERROR(BeginBatchWrite());
    JS_ASSIGN_OR_RETURN(Statement update,
                        Statement::Prepare(db_,
                                           "UPDATE ingest_runs SET read=?, stored=?, already_present=?, "
                                           "duplicates=?, quarantined=? WHERE id=?"));
    update.BindInt(1, counts.read);
    update.BindInt(2, counts.stored);
    update.BindInt(3, counts.already_present);
    update.BindInt(4, counts.duplicates);
    update.BindInt(5, counts.quarantined);
    update.BindInt(6, run_id);
    return update.Run();
  }

  Status FinishRun(int64_t run_id, const RunCounts& counts, bool failed) override {
    JS_RETURN_IF_ERROR(UpdateRunCounts(run_id, counts));
    JS_ASSIGN_OR_RETURN(Statement update,
                        Statement::Prepare(db_, "UPDATE ingest_runs SET finished_at=?, status=? WHERE id=?"));
    update.BindText(1, NowIso8601());
    update.BindText(2, failed ? "failed" : "done");
    update.BindInt(3, run_id);
    JS_RETURN_IF_ERROR(update.Run());
    return Flush();
  }

  StatusOr<PutOutcome> PutPosting(const Posting& posting, int64_t run_id) override {
    JS_RETURN_IF_ERROR(BeginBatchWrite());
    // Linked here, under the write lock, against every posting stored before it by any writer.
    DuplicateEntry entry{posting.id, posting.understood.duplicate_key, text::NormalizeKey(posting.raw.company),
                         posting.understood.text_fingerprint};
    const std::string original = posting.duplicate_of.empty() ? duplicates_.FindOriginal(entry) : posting.duplicate_of;
    Statement& s = insert_posting_;
    internal::BindPosting(s, posting, run_id, original);  // the posting outlives the statement's Run() below
    JS_RETURN_IF_ERROR(s.Run());
    if (sqlite3_changes(db_) == 0) return PutOutcome::kAlreadyPresent;
    duplicates_.Add(entry);
    duplicates_through_ = sqlite3_last_insert_rowid(db_);
    ++pending_;
    if (pending_ >= kBatchSize) JS_RETURN_IF_ERROR(Flush());
    return PutOutcome::kInserted;
  }

  Status PutQuarantine(const QuarantineRecord& record) override {
    JS_RETURN_IF_ERROR(BeginBatchWrite());
    // The same record from the same input and row, set aside for the same reason, is kept once.
    std::string raw = text::IsValidUtf8(record.raw) ? record.raw : text::RepairUtf8(record.raw);
    if (!has_quarantine_.prepared()) {
      JS_ASSIGN_OR_RETURN(has_quarantine_,
                          Statement::Prepare(db_,
                                             "SELECT 1 FROM quarantine WHERE input=? AND row=? AND field=? AND "
                                             "reason=? AND raw=?"));
    }
    has_quarantine_.Reset();
    has_quarantine_.BindText(1, record.input);
    has_quarantine_.BindInt(2, record.row);
    has_quarantine_.BindText(3, record.field);
    has_quarantine_.BindText(4, record.reason);
    has_quarantine_.BindText(5, raw);
    JS_ASSIGN_OR_RETURN(bool known, has_quarantine_.Step());
    has_quarantine_.Reset();
    if (known) return Status::Ok();
    insert_quarantine_.BindInt(1, record.run_id);
    insert_quarantine_.BindText(2, record.input);
    insert_quarantine_.BindInt(3, record.row);
    insert_quarantine_.BindText(4, record.field);
    insert_quarantine_.BindText(5, record.reason);
    insert_quarantine_.BindText(6, raw);
    JS_RETURN_IF_ERROR(insert_quarantine_.Run());
    ++pending_;
    return Status::Ok();
  }

  Status Flush() override {
    if (!in_transaction_) return Status::Ok();
    in_transaction_ = false;
    pending_ = 0;
    return Exec(db_, "COMMIT");
  }

  using Store::ForEachPosting;
  Status ForEachPosting(const std::function<bool(Posting&)>& visit, PostingOrder order) override {
    JS_RETURN_IF_ERROR(Flush());
    if (order == PostingOrder::kTitle) {
      // One read transaction for the whole scan: one snapshot, and no lock taken and dropped per row.
      JS_RETURN_IF_ERROR(Exec(db_, "BEGIN"));
      struct EndRead {
        sqlite3* db;
        ~EndRead() { (void)Exec(db, "COMMIT"); }
      } end_read{db_};
      JS_ASSIGN_OR_RETURN(std::vector<int64_t> sequences,
                          SequencesInOrder(order, /*include_duplicates=*/true, nullptr));
      return ForEachPostingOf(sequences, visit);
    }
    JS_ASSIGN_OR_RETURN(Statement postings, Statement::Prepare(db_, "SELECT " + std::string(kPostingColumns) +
                                                                        " FROM postings ORDER BY id"));
    return VisitPostings(postings, visit);
  }

  // The rowid: without deletes, SQLite gives each new row the largest rowid plus one.
  StatusOr<int64_t> LastSequence() override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(Statement last, Statement::Prepare(db_, "SELECT coalesce(max(rowid), 0) FROM postings"));
    JS_ASSIGN_OR_RETURN(bool row, last.Step());
    return row ? last.ColumnInt(0) : 0;
  }

  Status ForEachPostingAfter(int64_t sequence, const std::function<bool(Posting&)>& visit) override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(Statement postings,
                        Statement::Prepare(db_, "SELECT " + std::string(kPostingColumns) +
                                                    " FROM postings WHERE rowid > ? ORDER BY rowid"));
    postings.BindInt(1, sequence);
    return VisitPostings(postings, visit);
  }

  // The sort keys and row ids first (a few dozen bytes a posting), sorted here, then each row by its rowid:
  // cheaper than letting SQLite sort whole rows. Within a title, postings of one company and one description
  // fingerprint come together: reposts and near-copies, which score alike for any query.
  // The sizes are read as byte counts of values left in place (sqlite3_column_bytes on text the row holds
  // in its page): no copy, no character count.
  StatusOr<std::vector<int64_t>> SequencesInOrder(PostingOrder order, bool include_duplicates,
                                                  std::vector<uint32_t>* text_bytes) override {
    JS_RETURN_IF_ERROR(Flush());
    const std::string where = include_duplicates ? "" : " WHERE coalesce(duplicate_of, '') = ''";
    const std::string sizes = text_bytes ? ", description" : "";
    std::vector<int64_t> sequences;
    if (order != PostingOrder::kTitle) {
      JS_ASSIGN_OR_RETURN(Statement rows,
                          Statement::Prepare(db_, "SELECT rowid" + sizes + " FROM postings" + where + " ORDER BY id"));
      while (true) {
        JS_ASSIGN_OR_RETURN(bool row, rows.Step());
        if (!row) break;
        sequences.push_back(rows.ColumnInt(0));
        if (text_bytes) text_bytes->push_back(static_cast<uint32_t>(rows.ColumnView(1).size()));
      }
      return sequences;
    }
    // Titles and companies are ranked once each among their distinct values, so the sort compares
    // integers: a million string comparisons of shared prefixes ("senior data ...") were most of its cost.
    // A large store is read in two rowid ranges at once, the second through another connection.
    const std::string sql = "SELECT rowid, title, company, text_fingerprint, id" + sizes + " FROM postings WHERE " +
                            (include_duplicates ? "" : "coalesce(duplicate_of, '') = '' AND ") +
                            "rowid BETWEEN ? AND ?";
    JS_ASSIGN_OR_RETURN(const int64_t last, LastSequence());
    StatusOr<std::unique_ptr<Store>> second = Unimplemented("one range");
    if (last >= kMinRowsToSplitScan) second = OpenReader();
    const int64_t middle = second.ok() ? last / 2 : last;
    KeyScan scan, second_part;
    Status second_status = Status::Ok();
    std::thread second_scan;
    if (second.ok()) {
      auto* other = static_cast<SqliteStore*>(second->get());
      second_scan = std::thread(
          [&, other] { second_status = other->ScanKeys(sql, middle + 1, last, text_bytes != nullptr, second_part); });
    }
    Status first_status = ScanKeys(sql, 0, middle, text_bytes != nullptr, scan);
    if (second_scan.joinable()) second_scan.join();
    JS_RETURN_IF_ERROR(first_status);
    JS_RETURN_IF_ERROR(second_status);
    if (!second_part.keys.empty()) scan.Absorb(second_part);
    std::vector<SortKey>& keys = scan.keys;
    const std::vector<std::string>& ids = scan.ids;
    std::vector<uint32_t> title_rank = scan.titles.Ranks(), company_rank = scan.companies.Ranks();
    for (SortKey& key : keys) {
      key.title = title_rank[key.title];
      key.company = company_rank[key.company];
    }
    std::sort(keys.begin(), keys.end(), [&](const SortKey& a, const SortKey& b) {
      if (a.title != b.title) return a.title < b.title;
      if (a.company != b.company) return a.company < b.company;
      if (a.fingerprint != b.fingerprint) return a.fingerprint < b.fingerprint;
      return ids[a.id] < ids[b.id];
    });
    sequences.reserve(keys.size());
    for (const SortKey& key : keys) {
      sequences.push_back(key.rowid);
      if (text_bytes) text_bytes->push_back(scan.bytes[key.id]);
    }
    return sequences;
  }

  // One rowid range's sort keys (`sql` binds the range's first and last rowid).
  Status ScanKeys(const std::string& sql, int64_t first, int64_t last, bool sizes, KeyScan& out) {
    JS_ASSIGN_OR_RETURN(Statement rows, Statement::Prepare(db_, sql));
    rows.BindInt(1, first);
    rows.BindInt(2, last);
    while (true) {
      JS_ASSIGN_OR_RETURN(bool row, rows.Step());
      if (!row) break;
      out.keys.push_back({out.titles.Add(rows.ColumnView(1)), out.companies.Add(rows.ColumnView(2)), rows.ColumnInt(3),
                          static_cast<uint32_t>(out.ids.size()), rows.ColumnInt(0)});
      out.ids.emplace_back(rows.ColumnView(4));
      if (sizes) out.bytes.push_back(static_cast<uint32_t>(rows.ColumnView(5).size()));
    }
    return Status::Ok();
  }

  Status ForEachPostingOf(std::span<const int64_t> sequences, const std::function<bool(Posting&)>& visit) override {
    return VisitInOrder(sequences, kPostingColumns, ReadPostingInto, visit);
  }

  Status ForEachSearchablePostingOf(std::span<const int64_t> sequences,
                                    const std::function<bool(Posting&)>& visit) override {
    return VisitInOrder(sequences, kSearchableColumns, ReadSearchableInto, visit);
  }

  StatusOr<std::unique_ptr<Store>> OpenReader() override {
    const char* path = sqlite3_db_filename(db_, "main");
    if (!path || !*path) return Unimplemented("an in-memory store has no second connection");
    return OpenSqliteStoreForReading(path);
  }

  StatusOr<bool> HasPosting(const std::string& id) override {
    if (!has_posting_.prepared()) {
      JS_ASSIGN_OR_RETURN(has_posting_, Statement::Prepare(db_, "SELECT 1 FROM postings WHERE id=?"));
    }
    has_posting_.Reset();
    has_posting_.BindText(1, id);
    JS_ASSIGN_OR_RETURN(bool found, has_posting_.Step());
    has_posting_.Reset();  // no read left open
    return found;
  }

  StatusOr<std::optional<Posting>> GetPosting(const std::string& id) override {
    JS_RETURN_IF_ERROR(Flush());
    // Prepared once: a search page reads each hit by id, and preparing cost as much as the read.
    if (!get_posting_.prepared()) {
      JS_ASSIGN_OR_RETURN(get_posting_, Statement::Prepare(db_, "SELECT " + std::string(kPostingColumns) +
                                                                    " FROM postings WHERE id=?"));
    }
    Statement& select = get_posting_;
    select.Reset();
    select.BindText(1, id);
    JS_ASSIGN_OR_RETURN(bool row, select.Step());
    std::optional<Posting> posting;
    if (row) posting = ReadPosting(select);
    select.Reset();  // no read left open
    return posting;
  }

  StatusOr<std::vector<Posting>> DuplicatesOf(const std::string& id) override {
    JS_RETURN_IF_ERROR(Flush());
    if (!duplicates_of_.prepared()) {
      JS_ASSIGN_OR_RETURN(
          duplicates_of_,
          Statement::Prepare(db_, "SELECT " + std::string(kPostingColumns) +
                                      " FROM postings WHERE duplicate_of=? AND duplicate_of <> '' ORDER BY rowid"));
    }
    Statement& select = duplicates_of_;
    select.Reset();
    select.BindText(1, id);
    std::vector<Posting> duplicates;
    while (true) {
      JS_ASSIGN_OR_RETURN(bool row, select.Step());
      if (!row) break;
      duplicates.push_back(ReadPosting(select));
    }
    select.Reset();
    return duplicates;
  }

  StatusOr<RunPostingCounts> CountRunPostings(int64_t run_id) override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(Statement count,
                        Statement::Prepare(db_,
                                           "SELECT count(*), count(nullif(duplicate_of, '')) FROM postings WHERE "
                                           "run_id = ?"));
    count.BindInt(1, run_id);
    JS_ASSIGN_OR_RETURN(bool row, count.Step());
    if (!row) return RunPostingCounts{};
    return RunPostingCounts{count.ColumnInt(0), count.ColumnInt(1)};
  }

  StatusOr<int64_t> CountPostings() override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(Statement count, Statement::Prepare(db_, "SELECT count(*) FROM postings"));
    JS_ASSIGN_OR_RETURN(bool row, count.Step());
    return row ? count.ColumnInt(0) : 0;
  }

  Status ForEachDuplicateEntry(const std::function<void(const DuplicateEntry&)>& visit) override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(Statement select, Statement::Prepare(db_,
                                                             "SELECT id, duplicate_key, company_key, "
                                                             "text_fingerprint FROM postings ORDER BY rowid"));
    while (true) {
      JS_ASSIGN_OR_RETURN(bool row, select.Step());
      if (!row) break;
      DuplicateEntry entry{select.ColumnText(0), select.ColumnText(1), select.ColumnText(2),
                           static_cast<uint64_t>(select.ColumnInt(3))};
      visit(entry);
    }
    return Status::Ok();
  }

  StatusOr<std::vector<QuarantineRecord>> ListQuarantine(std::optional<int64_t> run_id) override {
    JS_RETURN_IF_ERROR(Flush());
    std::string sql = "SELECT id, run_id, input, row, field, reason, raw FROM quarantine";
    if (run_id) sql += " WHERE run_id=?";
    sql += " ORDER BY run_id DESC, id";
    JS_ASSIGN_OR_RETURN(Statement select, Statement::Prepare(db_, sql));
    if (run_id) select.BindInt(1, *run_id);
    std::vector<QuarantineRecord> records;
    while (true) {
      JS_ASSIGN_OR_RETURN(bool row, select.Step());
      if (!row) break;
      records.push_back({select.ColumnInt(0), select.ColumnInt(1), select.ColumnText(2), select.ColumnInt(3),
                         select.ColumnText(4), select.ColumnText(5), select.ColumnText(6)});
    }
    return records;
  }

  StatusOr<int64_t> PutApiToken(const ApiToken& token) override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(Statement known, Statement::Prepare(db_, "SELECT 1 FROM api_tokens WHERE sha256=?"));
    known.BindText(1, token.sha256);
    JS_ASSIGN_OR_RETURN(bool exists, known.Step());
    if (exists) return Status(StatusCode::kAlreadyExists, "a token with this digest is stored already");
    JS_ASSIGN_OR_RETURN(Statement insert,
                        Statement::Prepare(db_, "INSERT INTO api_tokens (name, sha256, created_at) VALUES (?,?,?)"));
    insert.BindText(1, token.name);
    insert.BindText(2, token.sha256);
    insert.BindText(3, NowIso8601());
    JS_RETURN_IF_ERROR(insert.Run());
    return sqlite3_last_insert_rowid(db_);
  }

  StatusOr<std::vector<ApiToken>> ListApiTokens() override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(Statement select,
                        Statement::Prepare(db_, "SELECT id, name, sha256, created_at FROM api_tokens ORDER BY id"));
    std::vector<ApiToken> tokens;
    while (true) {
      JS_ASSIGN_OR_RETURN(bool row, select.Step());
      if (!row) break;
      tokens.push_back({select.ColumnInt(0), select.ColumnText(1), select.ColumnText(2), select.ColumnText(3)});
    }
    return tokens;
  }

  Status PutSavedSearch(const SavedSearch& search) override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(Statement upsert,
                        Statement::Prepare(db_,
                                           "INSERT OR REPLACE INTO saved_searches (name, query, filters_json, "
                                           "created_at, last_run_at, through_sequence) VALUES (?,?,?,?,?,?)"));
    upsert.BindText(1, search.name);
    upsert.BindText(2, search.query);
    upsert.BindText(3, search.filters_json);
    upsert.BindText(4, search.created_at.empty() ? NowIso8601() : search.created_at);
    upsert.BindText(5, search.last_run_at);
    upsert.BindInt(6, search.through_sequence);
    return upsert.Run();
  }

  StatusOr<std::vector<SavedSearch>> ListSavedSearches() override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(Statement select,
                        Statement::Prepare(db_,
                                           "SELECT name, query, filters_json, created_at, last_run_at, "
                                           "through_sequence FROM saved_searches ORDER BY name"));
    std::vector<SavedSearch> searches;
    while (true) {
      JS_ASSIGN_OR_RETURN(bool row, select.Step());
      if (!row) break;
      searches.push_back({select.ColumnText(0), select.ColumnText(1), select.ColumnText(2), select.ColumnText(3),
                          select.ColumnText(4), select.ColumnInt(5)});
    }
    return searches;
  }

  StatusOr<bool> DeleteSavedSearch(const std::string& name) override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(Statement remove, Statement::Prepare(db_, "DELETE FROM saved_searches WHERE name = ?"));
    remove.BindText(1, name);
    JS_RETURN_IF_ERROR(remove.Run());
    return sqlite3_changes(db_) > 0;
  }

  Status MarkSavedSearchesRun(const std::vector<std::string>& names, int64_t through_sequence) override {
    JS_RETURN_IF_ERROR(Flush());
    JS_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE"));
    auto mark = [&]() -> Status {
      JS_ASSIGN_OR_RETURN(Statement update, Statement::Prepare(db_,
                                                               "UPDATE saved_searches SET through_sequence = ?, "
                                                               "last_run_at = ? WHERE name = ?"));
      const std::string now = NowIso8601();
      for (const auto& name : names) {
        update.Reset();
        update.BindInt(1, through_sequence);
        update.BindText(2, now);
        update.BindText(3, name);
        JS_RETURN_IF_ERROR(update.Run());
      }
      return Status::Ok();
    };
    Status marked = mark();
    if (!marked.ok()) {
      (void)Exec(db_, "ROLLBACK");
      return marked;
    }
    return Exec(db_, "COMMIT");
  }

  Status PutSavedProfile(const SavedProfile& profile) override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(
        Statement upsert,
        Statement::Prepare(
            db_, "INSERT OR REPLACE INTO saved_profiles (id, source, profile_json, saved_at) VALUES (?,?,?,?)"));
    upsert.BindText(1, profile.id);
    upsert.BindText(2, profile.source);
    upsert.BindText(3, profile.profile_json);
    upsert.BindText(4, NowIso8601());
    return upsert.Run();
  }

  StatusOr<std::vector<SavedProfile>> ListSavedProfiles() override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(
        Statement select,
        Statement::Prepare(db_, "SELECT id, source, profile_json, saved_at FROM saved_profiles ORDER BY id"));
    std::vector<SavedProfile> profiles;
    while (true) {
      JS_ASSIGN_OR_RETURN(bool row, select.Step());
      if (!row) break;
      profiles.push_back({select.ColumnText(0), select.ColumnText(1), select.ColumnText(2), select.ColumnText(3)});
    }
    return profiles;
  }

  StatusOr<std::vector<IngestRun>> ListRuns() override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(Statement select,
                        Statement::Prepare(db_,
                                           "SELECT id, started_at, finished_at, inputs, read, stored, "
                                           "already_present, duplicates, quarantined, status FROM ingest_runs "
                                           "ORDER BY id"));
    std::vector<IngestRun> runs;
    while (true) {
      JS_ASSIGN_OR_RETURN(bool row, select.Step());
      if (!row) break;
      IngestRun run;
      run.id = select.ColumnInt(0);
      run.started_at = select.ColumnText(1);
      run.finished_at = select.ColumnText(2);
      // The text is kept in a named string: SplitOn's views would outlive a temporary one (range-for keeps only
      // the range itself alive), and long paths came back as freed memory (tests/regress).
      std::string inputs = select.ColumnText(3);
      for (std::string_view input : SplitOn(inputs, '\n')) run.inputs.emplace_back(input);
      run.counts = {select.ColumnInt(4), select.ColumnInt(5), select.ColumnInt(6), select.ColumnInt(7),
                    select.ColumnInt(8)};
      run.status = select.ColumnText(9);
      runs.push_back(std::move(run));
    }
    JS_ASSIGN_OR_RETURN(std::vector<int64_t> dead, DeadRuns());
    for (IngestRun& run : runs) {
      if (std::find(dead.begin(), dead.end(), run.id) != dead.end()) run.status = "interrupted";
    }
    return runs;
  }

 private:
  // Reads each row of `postings` into one posting, reused, and visits it until `visit` returns false.
  // One statement walks the rowids (a JSON array, json_each forced to the outer loop): a statement reset
  // per row would free and reallocate every column's buffer.
  Status VisitInOrder(std::span<const int64_t> sequences, std::string_view columns,
                      void (*read)(const Statement&, Posting&), const std::function<bool(Posting&)>& visit) {
    JS_RETURN_IF_ERROR(Flush());
    std::string rowids = "[";
    for (int64_t sequence : sequences) {
      if (rowids.size() > 1) rowids += ',';
      rowids += std::to_string(sequence);
    }
    rowids += ']';
    JS_ASSIGN_OR_RETURN(Statement select,
                        Statement::Prepare(db_, "SELECT " + std::string(columns) +
                                                    " FROM (SELECT value AS sorted_rowid FROM json_each(?)) CROSS JOIN "
                                                    "postings ON postings.rowid = sorted_rowid"));
    select.BindText(1, rowids);
    return VisitPostings(select, visit, read);
  }

  static Status VisitPostings(Statement& postings, const std::function<bool(Posting&)>& visit,
                              void (*read)(const Statement&, Posting&) = ReadPostingInto) {
    Posting posting;
    while (true) {
      JS_ASSIGN_OR_RETURN(bool row, postings.Step());
      if (!row) break;
      read(postings, posting);
      if (!visit(posting)) break;
    }
    return Status::Ok();
  }

  Status BeginBatchWrite() {
    if (in_transaction_) return Status::Ok();
    JS_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE"));
    in_transaction_ = true;
    // The write lock is held until the batch commits: what other writers stored before it is read now, so
    // their postings and this batch's are linked as one writer would link them.
    return CatchUpDuplicates();
  }

  // Adds the duplicate entries of the postings stored since the last look (all of them the first time).
  Status CatchUpDuplicates() {
    JS_ASSIGN_OR_RETURN(Statement select,
                        Statement::Prepare(db_,
                                           "SELECT id, duplicate_key, company_key, text_fingerprint, rowid FROM "
                                           "postings WHERE rowid > ? ORDER BY rowid"));
    select.BindInt(1, duplicates_through_);
    while (true) {
      JS_ASSIGN_OR_RETURN(bool row, select.Step());
      if (!row) break;
      duplicates_.Add({select.ColumnText(0), select.ColumnText(1), select.ColumnText(2),
                       static_cast<uint64_t>(select.ColumnInt(3))});
      duplicates_through_ = select.ColumnInt(4);
    }
    return Status::Ok();
  }

  // A database that already holds tables but no jobscope schema is someone else's: it is left alone.
  Status RefuseForeign() {
    JS_ASSIGN_OR_RETURN(Statement version, Statement::Prepare(db_, "PRAGMA user_version"));
    JS_ASSIGN_OR_RETURN(bool row, version.Step());
    if (row && version.ColumnInt(0) != 0) return Status::Ok();
    JS_ASSIGN_OR_RETURN(Statement tables, Statement::Prepare(db_, "SELECT count(*) FROM sqlite_master"));
    JS_ASSIGN_OR_RETURN(bool counted, tables.Step());
    if (counted && tables.ColumnInt(0) > 0) return InvalidArgument("it is an SQLite database but not a jobscope store");
    return Status::Ok();
  }

  Status Migrate() {
    JS_ASSIGN_OR_RETURN(Statement version, Statement::Prepare(db_, "PRAGMA user_version"));
    JS_ASSIGN_OR_RETURN(bool row, version.Step());
    int current = row ? static_cast<int>(version.ColumnInt(0)) : 0;
    auto migrations = internal::SqliteMigrations();
    int latest = static_cast<int>(migrations.size());
    if (current > latest) {
      return InvalidArgument("store schema version " + std::to_string(current) + " is newer than this build (" +
                             std::to_string(latest) + ")");
    }
    // Every pending step in one transaction: a process killed while migrating leaves the store at the version
    // it had, never part of the way (readers refuse a store older than the build).
    if (current < latest) {
      JS_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE"));
      // Read again under the write lock: another writer may have migrated the store meanwhile.
      version = Statement();
      StatusOr<Statement> again = Statement::Prepare(db_, "PRAGMA user_version");
      StatusOr<bool> stepped = again.ok() ? again->Step() : StatusOr<bool>(again.status());
      if (!stepped.ok()) {
        (void)Exec(db_, "ROLLBACK");
        return stepped.status();
      }
      current = *stepped ? static_cast<int>(again->ColumnInt(0)) : 0;
      again = Statement();
      for (int step = current; step < latest; ++step) {
        Status applied = Exec(db_, migrations[static_cast<size_t>(step)]);
        if (!applied.ok()) {
          (void)Exec(db_, "ROLLBACK");
          return Internal("migration to schema version " + std::to_string(step + 1) + " failed: " + applied.message());
        }
      }
      Status versioned = Exec(db_, "PRAGMA user_version=" + std::to_string(latest));
      if (!versioned.ok()) {
        (void)Exec(db_, "ROLLBACK");
        return Internal("setting schema version " + std::to_string(latest) + " failed: " + versioned.message());
      }
      JS_RETURN_IF_ERROR(Exec(db_, "COMMIT"));
    }
    schema_version_ = latest;
    return Status::Ok();
  }

  sqlite3* db_;
  Statement insert_posting_;
  Statement insert_quarantine_;
  Statement has_posting_;
  Statement get_posting_;
  Statement duplicates_of_;
  Statement has_quarantine_;
  bool in_transaction_ = false;
  int pending_ = 0;
  // What duplicate linking knows: the postings up to rowid duplicates_through_.
  internal::DuplicateIndex duplicates_;
  int64_t duplicates_through_ = 0;
  int schema_version_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, internal::WholeFileMapVfs()) !=
      SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return IoError("cannot open store " + path + ": " + message);
  }
  auto store = std::make_unique<SqliteStore>(db);
  Status opened = store->Open();
  if (!opened.ok()) {
    return Status(opened.code(), "store " + path + ": " + opened.message());
  }
  return std::unique_ptr<Store>(std::move(store));
}

StatusOr<std::unique_ptr<Store>> OpenSqliteStoreForReading(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return InvalidArgument("no store at " + path + " (check --db, or make one with jobscope ingest)");
  }
  // Read-only; on read-only media, where SQLite cannot make the WAL's shared-memory file, the file is
  // opened as immutable instead.
  for (bool immutable : {false, true}) {
    sqlite3* db = nullptr;
    std::string name = immutable ? "file:" + path + "?immutable=1" : path;
    int flags = SQLITE_OPEN_READONLY | (immutable ? SQLITE_OPEN_URI : 0);
    if (sqlite3_open_v2(name.c_str(), &db, flags, internal::WholeFileMapVfs()) != SQLITE_OK) {
      std::string message = db ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close(db);
      if (!immutable) continue;
      return IoError("cannot open store " + path + ": " + message);
    }
    auto store = std::make_unique<SqliteStore>(db);
    Status opened = store->OpenForReading();
    if (opened.ok()) return std::unique_ptr<Store>(std::move(store));
    if (immutable || opened.code() == StatusCode::kInvalidArgument) {
      return Status(opened.code(), "store " + path + ": " + opened.message());
    }
  }
  return IoError("cannot open store " + path);
}

}  // namespace jobscope::store
