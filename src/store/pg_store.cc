// The PostgreSQL store, for servers and ingest workers on several machines sharing one store.
//
// Writes are buffered and written a batch at a time in one transaction, in the order they were made,
// retried whole when PostgreSQL gives up a transaction to a deadlock (two workers writing the same postings
// in crossed orders) or a serialization conflict. After each batch, duplicate linking runs in the
// database (jobscope_link_duplicates), not in the process: every worker sees every other's postings. A
// posting is numbered by that pass, which is what LastSequence and ForEachPostingAfter read.
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>
#include <unordered_set>

#include <pqxx/pqxx>
#include <signal.h>
#include <unistd.h>

#include "base/strings.h"
#include "store/internal/migrations.h"
#include "store/internal/posting_columns.h"
#include "store/internal/timestamps.h"
#include "store/store.h"
#include "text/text.h"

namespace jobscope::store {
namespace {

using internal::NowIso8601;

using internal::kPostingColumnCount;
using internal::kPostingColumns;
using internal::kSearchableColumns;

// Any two advisory-lock numbers of this store's own: taken by migrations and by the linking pass.
constexpr int64_t kMigrationLock = 7310453;
// Postings read per query by the scans: a chunk's rows are held in memory whole.
constexpr size_t kScanChunk = 500;
constexpr int kMaxTransactionAttempts = 8;

std::string HostName() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "";
  return name;
}

// The parameters of one statement, as text (NULL as an empty optional), filled by internal::BindPosting.
class Params {
 public:
  explicit Params(int count) : values_(static_cast<size_t>(count)) {}
  void BindText(int index, std::string_view value) { values_[Slot(index)] = std::string(value); }
  void BindTextNoCopy(int index, std::string_view value) { BindText(index, value); }
  void BindInt(int index, int64_t value) { values_[Slot(index)] = std::to_string(value); }
  void BindOptionalInt(int index, std::optional<int64_t> value) {
    if (value) {
      BindInt(index, *value);
    } else {
      values_[Slot(index)].reset();
    }
  }
  void BindDouble(int index, std::optional<double> value) {
    if (!value) {
      values_[Slot(index)].reset();
      return;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", *value);  // round-trips every double
    values_[Slot(index)] = std::string(buffer);
  }
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  static size_t Slot(int index) { return static_cast<size_t>(index - 1); }
  std::vector<std::optional<std::string>> values_;
};

// A result row with the column readers internal::ReadPostingInto asks for.
class Row {
 public:
  explicit Row(const pqxx::row& row) : row_(row) {}
  std::string_view ColumnView(int index) const {
    const pqxx::field field = row_[index];
    if (field.is_null()) return {};
    return {field.c_str(), field.size()};
  }
  int64_t ColumnInt(int index) const { return ColumnOptionalInt(index).value_or(0); }
  std::optional<int64_t> ColumnOptionalInt(int index) const {
    std::string_view digits = ColumnView(index);
    if (row_[index].is_null()) return std::nullopt;
    int64_t value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
  }
  std::optional<double> ColumnOptionalDouble(int index) const {
    if (row_[index].is_null()) return std::nullopt;
    return std::strtod(row_[index].c_str(), nullptr);
  }
  std::string ColumnText(int index) const { return std::string(ColumnView(index)); }

 private:
  const pqxx::row& row_;
};

// Runs `body`, turning libpqxx's exceptions into a Status: a lost connection is an I/O error, anything
// else the server refused is internal. Messages never hold the connection string.
template <typename Body>
auto Guarded(const std::string& name, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const pqxx::broken_connection& error) {
    return IoError("store " + name + ": connection lost: " + std::string(error.what()));
  } catch (const pqxx::sql_error& error) {
    return Internal("store " + name + ": " + std::string(error.what()));
  } catch (const std::exception& error) {
    return Internal("store " + name + ": " + std::string(error.what()));
  }
}

class PostgresStore final : public Store {
 public:
  PostgresStore(std::string uri, std::unique_ptr<pqxx::connection> connection)
      : uri_(std::move(uri)), name_(StoreDisplayName(uri_)), db_(std::move(connection)) {}
  ~PostgresStore() override { (void)Flush(); }

  Status Open(bool for_reading) {
    return Guarded(name_, [&]() -> Status {
      JS_RETURN_IF_ERROR(for_reading ? CheckVersion() : Migrate());
      db_->prepare("insert_posting", "INSERT INTO postings (" + std::string(kPostingColumns) + ") VALUES (" +
                                         Placeholders(1, kPostingColumnCount) + ") ON CONFLICT (id) DO NOTHING");
      db_->prepare("has_posting", "SELECT 1 FROM postings WHERE id = $1");
      db_->prepare("get_posting", "SELECT " + std::string(kPostingColumns) + " FROM postings WHERE id = $1");
      db_->prepare("insert_quarantine",
                   "INSERT INTO quarantine (run_id, input, row, field, reason, raw) SELECT $1, $2, $3, $4, $5, $6 "
                   "WHERE NOT EXISTS (SELECT 1 FROM quarantine WHERE input = $2 AND row = $3 AND field = $4 AND "
                   "reason = $5 AND raw = $6)");
      return Status::Ok();
    });
  }

  int SchemaVersion() const override { return schema_version_; }

  StatusOr<std::string> StoreId() override {
    return Guarded(name_, [&]() -> StatusOr<std::string> {
      pqxx::nontransaction read(*db_);
      pqxx::result rows = read.exec("SELECT value FROM store_info WHERE key = 'id'");
      if (rows.empty()) return Internal("store has no id");
      return std::string(rows[0][0].c_str());
    });
  }

  StatusOr<int64_t> BeginRun(const std::vector<std::string>& inputs) override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> StatusOr<int64_t> {
      JS_ASSIGN_OR_RETURN(std::vector<int64_t> dead, DeadRuns());
      pqxx::work write(*db_);
      for (int64_t run : dead) write.exec_params("UPDATE ingest_runs SET status = 'interrupted' WHERE id = $1", run);
      pqxx::result id = write.exec_params(
          "INSERT INTO ingest_runs (started_at, inputs, status, pid, host) VALUES ($1, $2, 'running', $3, $4) "
          "RETURNING id",
          NowIso8601(), JoinStrings(inputs, "\n"), static_cast<int64_t>(::getpid()), HostName());
      write.commit();
      return id[0][0].as<int64_t>();
    });
  }

  Status UpdateRunCounts(int64_t run_id, const RunCounts& counts) override {
    pending_counts_ = {run_id, counts};
    return Status::Ok();
  }

  Status FinishRun(int64_t run_id, const RunCounts& counts, bool failed) override {
    JS_RETURN_IF_ERROR(UpdateRunCounts(run_id, counts));
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> Status {
      pqxx::work write(*db_);
      write.exec_params("UPDATE ingest_runs SET finished_at = $1, status = $2 WHERE id = $3", NowIso8601(),
                        failed ? "failed" : "done", run_id);
      write.commit();
      return Status::Ok();
    });
  }

  StatusOr<RunPostingCounts> CountRunPostings(int64_t run_id) override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> StatusOr<RunPostingCounts> {
      pqxx::nontransaction read(*db_);
      pqxx::result counts =
          read.exec_params("SELECT count(*), count(duplicate_of) FROM postings WHERE run_id = $1", run_id);
      return RunPostingCounts{counts[0][0].as<int64_t>(), counts[0][1].as<int64_t>()};
    });
  }

  StatusOr<PutOutcome> PutPosting(const Posting& posting, int64_t run_id) override {
    // The ingester asks HasPosting just before: the answer it got is not asked of the database again.
    if (posting.id != last_absent_id_) {
      JS_ASSIGN_OR_RETURN(bool present, HasPosting(posting.id));
      if (present) return PutOutcome::kAlreadyPresent;
    } else if (pending_ids_.count(posting.id)) {
      return PutOutcome::kAlreadyPresent;
    }
    last_absent_id_.clear();
    Params params(kPostingColumnCount);
    internal::BindPosting(params, posting, run_id, posting.duplicate_of);  // else linked by the pass
    pending_ids_.insert(posting.id);
    pending_postings_.push_back(params.values());
    if (pending_postings_.size() >= static_cast<size_t>(kBatchSize)) JS_RETURN_IF_ERROR(Flush());
    return PutOutcome::kInserted;
  }

  Status PutQuarantine(const QuarantineRecord& record) override {
    QuarantineRecord kept = record;
    if (!text::IsValidUtf8(kept.raw)) kept.raw = text::RepairUtf8(kept.raw);
    // PostgreSQL's text holds no NUL byte.
    for (std::string* field : {&kept.input, &kept.field, &kept.reason, &kept.raw}) {
      std::replace(field->begin(), field->end(), '\0', ' ');
    }
    pending_quarantine_.push_back(std::move(kept));
    if (pending_quarantine_.size() >= static_cast<size_t>(kBatchSize)) return Flush();
    return Status::Ok();
  }

  Status Flush() override {
    if (pending_postings_.empty() && pending_quarantine_.empty() && !pending_counts_) return Status::Ok();
    Status written = Guarded(name_, [&]() -> Status { return WriteBatch(); });
    pending_postings_.clear();
    pending_ids_.clear();
    pending_quarantine_.clear();
    pending_counts_.reset();
    JS_RETURN_IF_ERROR(written);
    return LinkDuplicates();
  }

  using Store::ForEachPosting;
  Status ForEachPosting(const std::function<bool(Posting&)>& visit, PostingOrder order) override {
    JS_RETURN_IF_ERROR(Flush());
    if (order == PostingOrder::kTitle) {
      JS_ASSIGN_OR_RETURN(std::vector<int64_t> sequences,
                          SequencesInOrder(order, /*include_duplicates=*/true, nullptr));
      return ForEachPostingOf(sequences, visit);
    }
    // Keyset pages by id: each query reads one chunk, whatever the store's size.
    return Guarded(name_, [&]() -> Status {
      Posting posting;
      std::string after;
      bool first = true;
      while (true) {
        pqxx::nontransaction read(*db_);
        pqxx::result rows =
            read.exec_params("SELECT " + std::string(kPostingColumns) +
                                 " FROM postings WHERE $1 OR id > $2 ORDER BY id LIMIT " + std::to_string(kScanChunk),
                             first, after);
        first = false;
        for (const pqxx::row& row : rows) {
          internal::ReadPostingInto(Row(row), posting);
          after = posting.id;
          if (!visit(posting)) return Status::Ok();
        }
        if (rows.size() < kScanChunk) return Status::Ok();
      }
    });
  }

  StatusOr<int64_t> LastSequence() override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> StatusOr<int64_t> {
      pqxx::nontransaction read(*db_);
      return read.exec("SELECT coalesce(max(seq), 0) FROM postings")[0][0].as<int64_t>();
    });
  }

  Status ForEachPostingAfter(int64_t sequence, const std::function<bool(Posting&)>& visit) override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> Status {
      Posting posting;
      int64_t after = sequence;
      while (true) {
        pqxx::nontransaction read(*db_);
        pqxx::result rows =
            read.exec_params("SELECT seq, " + std::string(kPostingColumns) +
                                 " FROM postings WHERE seq > $1 ORDER BY seq LIMIT " + std::to_string(kScanChunk),
                             after);
        for (const pqxx::row& row : rows) {
          after = row[0].as<int64_t>();
          internal::ReadPostingInto(ShiftedRow(row), posting);
          if (!visit(posting)) return Status::Ok();
        }
        if (rows.size() < kScanChunk) return Status::Ok();
      }
    });
  }

  // Title order as the embedded store gives it: titles, then companies, compared with ASCII letters folded
  // (lower() under the "C" collation folds only those), then the fingerprint, then the id.
  StatusOr<std::vector<int64_t>> SequencesInOrder(PostingOrder order, bool include_duplicates,
                                                  std::vector<uint32_t>* text_bytes) override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> StatusOr<std::vector<int64_t>> {
      std::string sql = "SELECT seq, octet_length(description) FROM postings WHERE seq IS NOT NULL";
      if (!include_duplicates) sql += " AND duplicate_of IS NULL";
      sql += order == PostingOrder::kTitle ? " ORDER BY lower(title COLLATE \"C\"), lower(company COLLATE \"C\"), "
                                             "text_fingerprint, id"
                                           : " ORDER BY id";
      pqxx::nontransaction read(*db_);
      pqxx::result rows = read.exec(sql);
      std::vector<int64_t> sequences;
      sequences.reserve(rows.size());
      for (const pqxx::row& row : rows) {
        sequences.push_back(row[0].as<int64_t>());
        if (text_bytes) text_bytes->push_back(row[1].as<uint32_t>());
      }
      return sequences;
    });
  }

  Status ForEachPostingOf(std::span<const int64_t> sequences, const std::function<bool(Posting&)>& visit) override {
    return VisitInOrder(sequences, kPostingColumns, internal::ReadPostingInto<Row>, visit);
  }

  Status ForEachSearchablePostingOf(std::span<const int64_t> sequences,
                                    const std::function<bool(Posting&)>& visit) override {
    return VisitInOrder(sequences, kSearchableColumns, internal::ReadSearchableInto<Row>, visit);
  }

  StatusOr<std::unique_ptr<Store>> OpenReader() override { return OpenPostgresStoreForReading(uri_); }

  StatusOr<bool> HasPosting(const std::string& id) override {
    if (pending_ids_.count(id)) return true;
    return Guarded(name_, [&]() -> StatusOr<bool> {
      pqxx::nontransaction read(*db_);
      const bool present = !read.exec_prepared("has_posting", id).empty();
      last_absent_id_ = present ? "" : id;
      return present;
    });
  }

  StatusOr<std::optional<Posting>> GetPosting(const std::string& id) override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> StatusOr<std::optional<Posting>> {
      pqxx::nontransaction read(*db_);
      pqxx::result rows = read.exec_prepared("get_posting", id);
      std::optional<Posting> posting;
      if (!rows.empty()) {
        posting.emplace();
        internal::ReadPostingInto(Row(rows[0]), *posting);
      }
      return posting;
    });
  }

  StatusOr<std::vector<Posting>> DuplicatesOf(const std::string& id) override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> StatusOr<std::vector<Posting>> {
      pqxx::nontransaction read(*db_);
      pqxx::result rows = read.exec_params(
          "SELECT " + std::string(kPostingColumns) + " FROM postings WHERE duplicate_of = $1 ORDER BY seq", id);
      std::vector<Posting> duplicates(rows.size());
      for (size_t at = 0; at < rows.size(); ++at) internal::ReadPostingInto(Row(rows[at]), duplicates[at]);
      return duplicates;
    });
  }

  StatusOr<int64_t> CountPostings() override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> StatusOr<int64_t> {
      pqxx::nontransaction read(*db_);
      return read.exec("SELECT count(*) FROM postings")[0][0].as<int64_t>();
    });
  }

  Status ForEachDuplicateEntry(const std::function<void(const DuplicateEntry&)>& visit) override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> Status {
      pqxx::nontransaction read(*db_);
      pqxx::result rows =
          read.exec("SELECT id, duplicate_key, company_key, text_fingerprint FROM postings ORDER BY staged");
      for (const pqxx::row& row : rows) {
        Row fields(row);
        visit({fields.ColumnText(0), fields.ColumnText(1), fields.ColumnText(2),
               static_cast<uint64_t>(fields.ColumnInt(3))});
      }
      return Status::Ok();
    });
  }

  StatusOr<std::vector<QuarantineRecord>> ListQuarantine(std::optional<int64_t> run_id) override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> StatusOr<std::vector<QuarantineRecord>> {
      pqxx::nontransaction read(*db_);
      pqxx::result rows = read.exec_params(
          "SELECT id, run_id, input, row, field, reason, raw FROM quarantine WHERE $1 OR run_id = $2 "
          "ORDER BY run_id DESC, id",
          !run_id.has_value(), run_id.value_or(0));
      std::vector<QuarantineRecord> records;
      for (const pqxx::row& row : rows) {
        Row r(row);
        records.push_back({r.ColumnInt(0), r.ColumnInt(1), r.ColumnText(2), r.ColumnInt(3), r.ColumnText(4),
                           r.ColumnText(5), r.ColumnText(6)});
      }
      return records;
    });
  }

  StatusOr<std::vector<IngestRun>> ListRuns() override {
    JS_RETURN_IF_ERROR(Flush());
    JS_ASSIGN_OR_RETURN(std::vector<int64_t> dead, DeadRuns());
    return Guarded(name_, [&]() -> StatusOr<std::vector<IngestRun>> {
      pqxx::nontransaction read(*db_);
      pqxx::result rows = read.exec(
          "SELECT id, started_at, finished_at, inputs, read, stored, already_present, duplicates, quarantined, "
          "status FROM ingest_runs ORDER BY id");
      std::vector<IngestRun> runs;
      for (const pqxx::row& row : rows) {
        Row r(row);
        IngestRun run;
        run.id = r.ColumnInt(0);
        run.started_at = r.ColumnText(1);
        run.finished_at = r.ColumnText(2);
        std::string inputs = r.ColumnText(3);
        for (std::string_view input : SplitOn(inputs, '\n')) run.inputs.emplace_back(input);
        run.counts = {r.ColumnInt(4), r.ColumnInt(5), r.ColumnInt(6), r.ColumnInt(7), r.ColumnInt(8)};
        run.status = r.ColumnText(9);
        if (std::find(dead.begin(), dead.end(), run.id) != dead.end()) run.status = "interrupted";
        runs.push_back(std::move(run));
      }
      return runs;
    });
  }

  StatusOr<int64_t> PutApiToken(const ApiToken& token) override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> StatusOr<int64_t> {
      pqxx::work write(*db_);
      pqxx::result id = write.exec_params(
          "INSERT INTO api_tokens (name, sha256, created_at) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING "
          "RETURNING id",
          token.name, token.sha256, NowIso8601());
      if (id.empty()) return Status(StatusCode::kAlreadyExists, "a token with this digest is stored already");
      write.commit();
      return id[0][0].as<int64_t>();
    });
  }

  StatusOr<std::vector<ApiToken>> ListApiTokens() override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> StatusOr<std::vector<ApiToken>> {
      pqxx::nontransaction read(*db_);
      std::vector<ApiToken> tokens;
      for (const pqxx::row& row : read.exec("SELECT id, name, sha256, created_at FROM api_tokens ORDER BY id")) {
        Row r(row);
        tokens.push_back({r.ColumnInt(0), r.ColumnText(1), r.ColumnText(2), r.ColumnText(3)});
      }
      return tokens;
    });
  }

  Status PutSavedSearch(const SavedSearch& search) override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> Status {
      pqxx::work write(*db_);
      write.exec_params(
          "INSERT INTO saved_searches (name, query, filters_json, created_at, last_run_at, through_sequence) "
          "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (name) DO UPDATE SET query = EXCLUDED.query, "
          "filters_json = EXCLUDED.filters_json, created_at = EXCLUDED.created_at, "
          "last_run_at = EXCLUDED.last_run_at, through_sequence = EXCLUDED.through_sequence",
          search.name, search.query, search.filters_json, search.created_at.empty() ? NowIso8601() : search.created_at,
          search.last_run_at, search.through_sequence);
      write.commit();
      return Status::Ok();
    });
  }

  StatusOr<std::vector<SavedSearch>> ListSavedSearches() override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> StatusOr<std::vector<SavedSearch>> {
      pqxx::nontransaction read(*db_);
      std::vector<SavedSearch> searches;
      for (const pqxx::row& row : read.exec("SELECT name, query, filters_json, created_at, last_run_at, "
                                            "through_sequence FROM saved_searches ORDER BY name")) {
        Row r(row);
        searches.push_back(
            {r.ColumnText(0), r.ColumnText(1), r.ColumnText(2), r.ColumnText(3), r.ColumnText(4), r.ColumnInt(5)});
      }
      return searches;
    });
  }

  StatusOr<bool> DeleteSavedSearch(const std::string& name) override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> StatusOr<bool> {
      pqxx::work write(*db_);
      pqxx::result removed = write.exec_params("DELETE FROM saved_searches WHERE name = $1", name);
      write.commit();
      return removed.affected_rows() > 0;
    });
  }

  Status MarkSavedSearchesRun(const std::vector<std::string>& names, int64_t through_sequence) override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> Status {
      pqxx::work write(*db_);
      const std::string now = NowIso8601();
      for (const std::string& name : names) {
        write.exec_params("UPDATE saved_searches SET through_sequence = $1, last_run_at = $2 WHERE name = $3",
                          through_sequence, now, name);
      }
      write.commit();
      return Status::Ok();
    });
  }

  Status PutSavedProfile(const SavedProfile& profile) override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> Status {
      pqxx::work write(*db_);
      write.exec_params(
          "INSERT INTO saved_profiles (id, source, profile_json, saved_at) VALUES ($1, $2, $3, $4) "
          "ON CONFLICT (id) DO UPDATE SET source = EXCLUDED.source, profile_json = EXCLUDED.profile_json, "
          "saved_at = EXCLUDED.saved_at",
          profile.id, profile.source, profile.profile_json, NowIso8601());
      write.commit();
      return Status::Ok();
    });
  }

  StatusOr<std::vector<SavedProfile>> ListSavedProfiles() override {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> StatusOr<std::vector<SavedProfile>> {
      pqxx::nontransaction read(*db_);
      std::vector<SavedProfile> profiles;
      for (const pqxx::row& row :
           read.exec("SELECT id, source, profile_json, saved_at FROM saved_profiles ORDER BY id")) {
        Row r(row);
        profiles.push_back({r.ColumnText(0), r.ColumnText(1), r.ColumnText(2), r.ColumnText(3)});
      }
      return profiles;
    });
  }

 private:
  // A row whose first column (seq) comes before kPostingColumns.
  class ShiftedRow {
   public:
    explicit ShiftedRow(const pqxx::row& row) : row_(row) {}
    std::string_view ColumnView(int index) const { return row_.ColumnView(index + 1); }
    int64_t ColumnInt(int index) const { return row_.ColumnInt(index + 1); }
    std::optional<int64_t> ColumnOptionalInt(int index) const { return row_.ColumnOptionalInt(index + 1); }
    std::optional<double> ColumnOptionalDouble(int index) const { return row_.ColumnOptionalDouble(index + 1); }

   private:
    Row row_;
  };

  static std::string Placeholders(int first, int count) {
    std::string out;
    for (int at = 0; at < count; ++at) out += (at ? ",$" : "$") + std::to_string(first + at);
    return out;
  }

  // The buffered batch in one transaction, retried whole when PostgreSQL rolls it back for a deadlock or a
  // serialization conflict with another writer.
  Status WriteBatch() {
    for (int attempt = 1;; ++attempt) {
      try {
        pqxx::work write(*db_);
        for (const auto& posting : pending_postings_) {
          write.exec_prepared("insert_posting", pqxx::prepare::make_dynamic_params(posting));
        }
        for (const QuarantineRecord& record : pending_quarantine_) {
          write.exec_prepared("insert_quarantine", record.run_id, record.input, record.row, record.field, record.reason,
                              record.raw);
        }
        if (pending_counts_) {
          const RunCounts& counts = pending_counts_->second;
          write.exec_params(
              "UPDATE ingest_runs SET read = $1, stored = $2, already_present = $3, duplicates = $4, "
              "quarantined = $5 WHERE id = $6",
              counts.read, counts.stored, counts.already_present, counts.duplicates, counts.quarantined,
              pending_counts_->first);
        }
        write.commit();
        return Status::Ok();
      } catch (const pqxx::transaction_rollback&) {
        if (attempt == kMaxTransactionAttempts) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
      }
    }
  }

  Status LinkDuplicates() {
    return Guarded(name_, [&]() -> Status {
      pqxx::work write(*db_);
      write.exec_params("SELECT jobscope_link_duplicates($1)", text::kNearCopyFingerprintBits);
      write.commit();
      return Status::Ok();
    });
  }

  // Reads the rows of `sequences` a chunk at a time, in the order given.
  Status VisitInOrder(std::span<const int64_t> sequences, std::string_view columns,
                      void (*read_row)(const Row&, Posting&), const std::function<bool(Posting&)>& visit) {
    JS_RETURN_IF_ERROR(Flush());
    return Guarded(name_, [&]() -> Status {
      Posting posting;
      for (size_t from = 0; from < sequences.size(); from += kScanChunk) {
        std::string array = "{";
        for (size_t at = from; at < std::min(sequences.size(), from + kScanChunk); ++at) {
          if (at > from) array += ',';
          array += std::to_string(sequences[at]);
        }
        array += '}';
        pqxx::nontransaction read(*db_);
        pqxx::result rows = read.exec_params("SELECT " + std::string(columns) +
                                                 " FROM unnest($1::bigint[]) WITH ORDINALITY AS wanted(number, place) "
                                                 "JOIN postings ON postings.seq = wanted.number ORDER BY wanted.place",
                                             array);
        for (const pqxx::row& row : rows) {
          read_row(Row(row), posting);
          if (!visit(posting)) return Status::Ok();
        }
      }
      return Status::Ok();
    });
  }

  // Runs of this machine marked running whose process is gone. A run of another machine cannot be judged
  // from here and keeps its mark.
  StatusOr<std::vector<int64_t>> DeadRuns() {
    return Guarded(name_, [&]() -> StatusOr<std::vector<int64_t>> {
      pqxx::nontransaction read(*db_);
      pqxx::result rows =
          read.exec_params("SELECT id, pid FROM ingest_runs WHERE status = 'running' AND host = $1", HostName());
      std::vector<int64_t> dead;
      for (const pqxx::row& row : rows) {
        int64_t pid = row[1].as<int64_t>();
        bool gone = pid <= 0 || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH);
        if (gone) dead.push_back(row[0].as<int64_t>());
      }
      return dead;
    });
  }

  // Whether the database holds a jobscope store, and at which version (0: none).
  StatusOr<int> StoredVersion(pqxx::transaction_base& txn) {
    pqxx::result has_version = txn.exec("SELECT to_regclass('jobscope_schema') IS NOT NULL");
    if (has_version[0][0].as<bool>()) return txn.exec("SELECT version FROM jobscope_schema")[0][0].as<int>();
    // A database that already holds tables but no jobscope schema is someone else's: it is left alone.
    pqxx::result tables =
        txn.exec("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()");
    if (tables[0][0].as<int64_t>() > 0) return InvalidArgument("it is a PostgreSQL database but not a jobscope store");
    return 0;
  }

  Status Migrate() {
    auto migrations = internal::PostgresMigrations();
    const int latest = static_cast<int>(migrations.size());
    pqxx::work migrate(*db_);
    // Workers started together migrate one at a time; the others then find the schema current.
    migrate.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
    JS_ASSIGN_OR_RETURN(int current, StoredVersion(migrate));
    if (current > latest) {
      return InvalidArgument("store schema version " + std::to_string(current) + " is newer than this build (" +
                             std::to_string(latest) + ")");
    }
    if (current == 0)
      migrate.exec(
          "CREATE TABLE jobscope_schema (version INTEGER NOT NULL); "
          "INSERT INTO jobscope_schema VALUES (0)");
    // Every pending step in one transaction: PostgreSQL's DDL is transactional, so a killed migration
    // leaves the version the store had.
    for (int step = current; step < latest; ++step) migrate.exec(std::string(migrations[static_cast<size_t>(step)]));
    migrate.exec_params("UPDATE jobscope_schema SET version = $1", latest);
    migrate.commit();
    schema_version_ = latest;
    return Status::Ok();
  }

  Status CheckVersion() {
    pqxx::nontransaction read(*db_);
    JS_ASSIGN_OR_RETURN(int current, StoredVersion(read));
    const int latest = static_cast<int>(internal::PostgresMigrations().size());
    if (current == 0) return InvalidArgument("it holds no store yet; make one with jobscope ingest");
    JS_RETURN_IF_ERROR(internal::CheckReadableVersion(current, latest));
    schema_version_ = current;
    return Status::Ok();
  }

  std::string uri_;
  std::string name_;  // the URI without its password, for messages
  std::unique_ptr<pqxx::connection> db_;
  std::vector<std::vector<std::optional<std::string>>> pending_postings_;
  std::unordered_set<std::string> pending_ids_;
  std::string last_absent_id_;  // the id HasPosting last found absent in the database
  std::vector<QuarantineRecord> pending_quarantine_;
  std::optional<std::pair<int64_t, RunCounts>> pending_counts_;
  int schema_version_ = 0;
};

StatusOr<std::unique_ptr<Store>> Open(const std::string& uri, bool for_reading) {
  const std::string name = StoreDisplayName(uri);
  std::unique_ptr<pqxx::connection> connection;
  try {
    connection = std::make_unique<pqxx::connection>(uri);
  } catch (const std::exception& error) {
    // libpq's message names the host and port, never the password.
    std::string reason = error.what();
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    return IoError("cannot open store " + name + ": " + reason);
  }
  auto store = std::make_unique<PostgresStore>(uri, std::move(connection));
  Status opened = store->Open(for_reading);
  if (!opened.ok() && !opened.message().starts_with("store ")) {
    return Status(opened.code(), "store " + name + ": " + opened.message());
  }
  JS_RETURN_IF_ERROR(opened);
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace

bool IsPostgresUri(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

StatusOr<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri) { return Open(uri, false); }
StatusOr<std::unique_ptr<Store>> OpenPostgresStoreForReading(const std::string& uri) { return Open(uri, true); }

}  // namespace jobscope::store
