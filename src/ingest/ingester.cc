// The ingest loop: read a record, quarantine it with its reason or understand it, link it to an earlier
// posting of the same job, store it. Counts every record in exactly one bucket.
#include <chrono>
#include <cmath>
#include <cstdio>

#include <sys/stat.h>

#include "base/strings.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "text/text.h"

namespace jobscope::ingest {
namespace {

int64_t FileSize(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 ? static_cast<int64_t>(info.st_size) : 0;
}

// A salary that came with the record (a field, not found in prose) and cannot be a year's pay.
std::string AbsurdSalaryReason(const Salary& salary) {
  if (salary.source != SalarySource::kStructured) return "";
  std::optional<double> annual = salary.annual_mid_usd();
  char amount[64];
  if (annual) {
    if (!extract::IsAbsurdAnnualUsd(*annual)) return "";
    // Printed as a double: an absurd figure may be far past what an integer holds.
    std::snprintf(amount, sizeof amount, "%.0f", *annual);
    // Pay from min/max fields has no text of its own: the figures as given stand in for it.
    std::string given = salary.text;
    if (given.empty()) {
      char figures[96];
      std::snprintf(figures, sizeof figures, "%.15g to %.15g %s", salary.min.value_or(salary.max.value_or(0)),
                    salary.max.value_or(salary.min.value_or(0)), salary.currency.c_str());
      given = TrimAscii(figures);
    }
    return "absurd salary: '" + given + "' is " + amount + " USD a year (expected 1,000 to 5,000,000)";
  }
  // Without a rate to USD the figure is judged in its own currency: no currency's yearly pay reaches 10^12.
  double low = salary.min.value_or(salary.max.value_or(0)), high = salary.max.value_or(low);
  double periods = salary.period == SalaryPeriod::kUnknown ? 1 : extract::PeriodsPerYear(salary.period);
  double yearly = (low + high) / 2 * periods;
  if (std::isfinite(yearly) && yearly >= 0 && yearly < 1e12) return "";
  std::snprintf(amount, sizeof amount, "%.6g", yearly);
  return "absurd salary: " + std::string(amount) + " a year in " +
         (salary.currency.empty() ? "an unknown currency" : salary.currency);
}

}  // namespace

Ingester::Ingester(store::Store& store, const classify::Understander& understander)
    : store_(store), understander_(understander) {}

StatusOr<IngestSummary> Ingester::Run(const std::vector<std::string>& paths, const IngestOptions& options,
                                      const ProgressFn& progress) {
  auto started = std::chrono::steady_clock::now();
  IngestSummary summary;
  Progress state;
  for (const std::string& path : paths) state.bytes_total += FileSize(path);

  JS_ASSIGN_OR_RETURN(summary.run_id, store_.BeginRun(paths));

  auto fail = [&](Status status) -> Status {
    (void)store_.FinishRun(summary.run_id, summary.counts, /*failed=*/true);
    return status;
  };
  int64_t bytes_before = 0;
  store::RunPostingCounts held_before;  // what the run held after the previous file
  for (const std::string& path : paths) {
    auto opened = OpenReader(path, options.reader);
    if (!opened.ok()) {
      // An input that cannot be read is reported; the inputs after it are still read.
      if (opened.status().code() == StatusCode::kInvalidArgument) return fail(opened.status());  // a usage error
      FileSummary failed;
      failed.path = path;
      failed.error = opened.status().message();
      summary.files.push_back(std::move(failed));
      ++summary.failed_inputs;
      bytes_before += FileSize(path);
      continue;
    }
    std::unique_ptr<RecordReader> reader = std::move(opened).value();
    FileSummary file;
    file.path = path;
    file.layout = reader->layout();
    SourceRecord record;
    // Sets the current record aside (or notes what was dropped from it) with its input, row and bytes.
    auto set_aside = [&](std::string field, std::string reason) {
      store::QuarantineRecord entry;
      entry.run_id = summary.run_id;
      entry.input = path;
      entry.row = record.row;
      entry.field = std::move(field);
      entry.reason = std::move(reason);
      entry.raw = record.raw;
      return store_.PutQuarantine(entry);
    };
    while (reader->Next(record)) {
      ++file.counts.read;
      file.transcoded += record.transcoded;
      // A pay field that could not be used is dropped and noted; the posting is kept.
      std::string pay_field = std::move(record.pay_field), pay_note = std::move(record.pay_note);
      const bool readable = record.posting.has_value();
      bool stored_before = false;
      if (readable) {
        // A re-ingest finds most records stored already: asked by id first, they cost a lookup, not the
        // understanding of a posting.
        StatusOr<bool> known = store_.HasPosting(extract::StablePostingId(*record.posting));
        if (!known.ok()) return fail(known.status());
        stored_before = *known;
      }
      if (readable && stored_before) {
        ++file.counts.already_present;
        pay_note.clear();  // noted when it was first stored
      } else if (readable) {
        Posting posting = understander_.Understand(std::move(*record.posting));
        std::string absurd = AbsurdSalaryReason(posting.understood.salary);
        if (!absurd.empty()) {
          posting.understood.salary = Salary();
          pay_field = "salary";
          pay_note = absurd;
        }
        auto outcome = store_.PutPosting(posting, summary.run_id);
        if (!outcome.ok()) return fail(outcome.status());
        if (*outcome == store::PutOutcome::kAlreadyPresent) {
          ++file.counts.already_present;
          pay_note.clear();  // noted when it was first stored
        } else {
          ++file.counts.stored;
        }
      }
      if (!pay_note.empty()) {
        Status put = set_aside(pay_field, "pay dropped, posting kept: " + pay_note);
        if (!put.ok()) return fail(put);
        ++file.pay_dropped;
      }
      if (!readable) {
        Status put = set_aside(record.error_field, record.error_reason);
        if (!put.ok()) return fail(put);
        ++file.counts.quarantined;
      }
      ++state.records;
      if (state.records % store::Store::kBatchSize == 0) {
        // The counts so far go out with the batch: a run that dies shows how far it got.
        store::RunCounts so_far = summary.counts;
        so_far += file.counts;
        Status counted = store_.UpdateRunCounts(summary.run_id, so_far);
        if (!counted.ok()) return fail(counted);
      }
      if (progress && (state.records & 255) == 0) {
        state.bytes_done = bytes_before + reader->bytes_consumed();
        progress(state);
      }
    }
    bytes_before += FileSize(path);
    Status flushed = store_.Flush();  // each finished file is durable
    if (!flushed.ok()) return fail(flushed);
    // The store linked the duplicates, and another writer may have stored some of these postings first:
    // what this file stored and linked is what the run holds now beyond what it held before.
    StatusOr<store::RunPostingCounts> counted = store_.CountRunPostings(summary.run_id);
    if (!counted.ok()) return fail(counted.status());
    const store::RunPostingCounts& held = *counted;
    file.counts.already_present += file.counts.stored - (held.stored - held_before.stored);
    file.counts.stored = held.stored - held_before.stored;
    file.counts.duplicates = held.duplicates - held_before.duplicates;
    held_before = held;
    summary.counts += file.counts;
    summary.transcoded += file.transcoded;
    summary.pay_dropped += file.pay_dropped;
    summary.files.push_back(std::move(file));
  }
  if (progress) {
    state.bytes_done = state.bytes_total;
    progress(state);
  }
  JS_RETURN_IF_ERROR(store_.FinishRun(summary.run_id, summary.counts, /*failed=*/false));
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace jobscope::ingest
