// The market report as one self-contained HTML page: the figures of `jobscope stats` and the web dashboard,
// with inline SVG charts and CSS, and the data's health. Determinism is the contract: nothing here reads a
// clock or a random source, every table is sorted to the last key, and every number has a fixed format.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "report/internal/html_text.h"
#include "report/report.h"

namespace jobscope::report {
namespace {

using internal::DisplayName;
using internal::FormatCount;
using internal::FormatShare;
using internal::FormatUsd;

constexpr int kChartWidth = 720;

// Kept small and plain: system fonts, no images, readable on a phone and in print.
constexpr std::string_view kStyle = R"css(
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --bar: #3563c9; --quoted: #f2c94c; --thin: #b54708; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 980px; padding: 16px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); }
h1 { font-size: 1.7em; margin: 0.2em 0; } h2 { margin-top: 1.8em; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { margin-bottom: 0.3em; }
p.lead, p.note, .hint { color: var(--muted); }
nav ol { columns: 2; padding-left: 1.2em; } nav a { color: var(--bar); }
.tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.tile { flex: 1 1 180px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.tile .big { display: block; font-size: 1.6em; font-weight: 600; } .tile .hint { font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.93em; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f4f6fa; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.thin td { color: var(--muted); }
.thin-tag { display: inline-block; padding: 0 6px; border-radius: 8px; background: #fdebd9; color: var(--thin); font-size: 0.85em; font-weight: 600; }
svg.chart { width: 100%; height: auto; display: block; margin: 8px 0; font: 12px system-ui, -apple-system, "Segoe UI", sans-serif; }
svg .bar { fill: var(--bar); } svg .label, svg .value { fill: var(--ink); } svg .axis { fill: var(--muted); font-size: 11px; }
svg .grid { stroke: var(--line); stroke-width: 1; } svg .whisker { stroke: var(--bar); stroke-width: 3; stroke-linecap: round; }
svg .median { fill: #fff; stroke: var(--bar); stroke-width: 3; }
svg .quoted { fill: var(--quoted); fill-opacity: 0.35; } svg .quoted.open { fill-opacity: 0.2; }
svg .thin { opacity: 0.55; } svg .thin .value { fill: var(--thin); }
.legend-quoted { display: inline-block; width: 14px; height: 10px; background: var(--quoted); opacity: 0.6; }
code { font-size: 0.92em; }
@media print { nav { display: none; } h2 { break-after: avoid; } svg.chart, table { break-inside: avoid; } }
)css";

std::string E(std::string_view text) { return HtmlEscape(text); }

std::string ThinTag() {
  return " <span class=\"thin-tag\" title=\"fewer than " + std::to_string(kThinBelow) + " records\">thin</span>";
}

bool IsThin(int64_t records) { return records < kThinBelow; }

// A table whose cells are HTML already (each text in it escaped by the caller).
struct Table {
  std::vector<std::string> head;
  std::vector<bool> numeric;  // per column: right-aligned figures
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> thin;  // per row

  void Add(std::vector<std::string> cells, bool row_thin = false) {
    rows.push_back(std::move(cells));
    thin.push_back(row_thin);
  }
  std::string Html(std::string_view caption) const {
    std::string out = "<table>";
    if (!caption.empty()) out += "<caption class=\"hint\">" + E(caption) + "</caption>";
    out += "<thead><tr>";
    for (size_t col = 0; col < head.size(); ++col) {
      out += col < numeric.size() && numeric[col] ? "<th class=\"num\">" : "<th>";
      out += E(head[col]) + "</th>";
    }
    out += "</tr></thead><tbody>";
    for (size_t row = 0; row < rows.size(); ++row) {
      out += thin[row] ? "<tr class=\"thin\">" : "<tr>";
      for (size_t col = 0; col < rows[row].size(); ++col) {
        out += col < numeric.size() && numeric[col] ? "<td class=\"num\">" : "<td>";
        out += rows[row][col] + "</td>";
      }
      out += "</tr>";
    }
    out += "</tbody></table>";
    return out;
  }
};

// Columns of a pay figure: n, median, P25, P75, 95% interval of the median.
const std::vector<std::string> kPayHead = {"n", "median", "P25", "P75", "95% interval of the median"};

std::vector<std::string> PayCells(const SalaryStats& stats) {
  std::string interval = stats.median_low95_usd && stats.median_high95_usd
                             ? FormatUsd(stats.median_low95_usd) + "–" + FormatUsd(stats.median_high95_usd)
                             : "—";
  std::string n = FormatCount(stats.postings_with_salary);
  if (IsThin(stats.postings_with_salary)) n += ThinTag();
  return {n, E(FormatUsd(stats.median_annual_usd)), E(FormatUsd(stats.p25_annual_usd)),
          E(FormatUsd(stats.p75_annual_usd)), E(interval)};
}

RangeItem RangeOf(std::string label, const SalaryStats& stats) {
  RangeItem item;
  item.label = std::move(label);
  item.mid = stats.median_annual_usd.value_or(0);
  item.low = stats.p25_annual_usd.value_or(item.mid);
  item.high = stats.p75_annual_usd.value_or(item.mid);
  item.n = stats.postings_with_salary;
  item.thin = IsThin(item.n);
  return item;
}

// Level names in ladder order, unknown last.
int LevelRank(const std::string& name) {
  std::optional<Level> level = ParseLevel(name);
  if (!level || *level == Level::kUnknown) return 100;
  return static_cast<int>(*level);
}

// Count rows sorted by count, most first, then by name.
std::vector<std::pair<std::string, int64_t>> ByCount(const std::map<std::string, int64_t>& counts) {
  std::vector<std::pair<std::string, int64_t>> rows(counts.begin(), counts.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return rows;
}

// A section of counts: a bar chart and a table of count and share, with pay beside where given.
std::string CountsSection(std::string_view title, const std::vector<std::pair<std::string, int64_t>>& rows,
                          int64_t total, const std::map<std::string, SalaryStats>* pay, bool display_names) {
  std::vector<BarItem> bars;
  Table table;
  table.head = {"", "postings", "share"};
  table.numeric = {false, true, true};
  if (pay) {
    table.head.insert(table.head.end(), {"with pay", "median pay"});
    table.numeric.insert(table.numeric.end(), {true, true});
  }
  table.head[0] = std::string(title);
  for (const auto& [name, count] : rows) {
    std::string label = display_names ? DisplayName(name) : name;
    double share = total ? static_cast<double>(count) / static_cast<double>(total) : 0;
    bars.push_back({label, static_cast<double>(count), FormatShare(share), false});
    std::vector<std::string> cells = {E(label), FormatCount(count), FormatShare(share)};
    if (pay) {
      auto it = pay->find(name);
      if (it == pay->end()) {
        cells.insert(cells.end(), {"0", "—"});
      } else {
        std::string n = FormatCount(it->second.postings_with_salary);
        if (IsThin(it->second.postings_with_salary)) n += ThinTag();
        cells.insert(cells.end(), {n, E(FormatUsd(it->second.median_annual_usd))});
      }
    }
    table.Add(std::move(cells));
  }
  if (rows.empty()) return "<p class=\"hint\">No postings.</p>";
  return SvgBarChart(bars, "Postings by " + std::string(title), kChartWidth) +
         table.Html("Shares are of " + FormatCount(total) + " unique postings.");
}

std::string Heading(std::string_view id, std::string_view text) {
  return "<section id=\"" + std::string(id) + "\"><h2>" + E(text) + "</h2>";
}

// "expected 12 fields, found 3" -> "expected # fields, found #": a reason kind to count by.
std::string ReasonKind(std::string_view reason) {
  std::string out;
  bool in_number = false;
  for (char c : reason) {
    bool digit = c >= '0' && c <= '9';
    if (digit && !in_number) out += '#';
    if (!digit) out += c;
    in_number = digit;
  }
  return out;
}

std::string RunInputs(const std::vector<std::string>& inputs) {
  std::string out;
  for (size_t idx = 0; idx < inputs.size() && idx < 3; ++idx) out += (idx ? ", " : "") + inputs[idx];
  if (inputs.size() > 3) out += " and " + std::to_string(inputs.size() - 3) + " more";
  return out;
}

std::string PaySection(const MarketSummary& summary) {
  std::string out = Heading("pay-level", "Pay by level");
  out +=
      "<p class=\"note\">Annual USD of postings that state pay (the midpoint of a range), by level, beside the "
      "bands career guides commonly quote <span class=\"legend-quoted\"></span> (entry $70k-90k, mid "
      "$100k-130k, senior $150k-200k+). Dot: median; line: P25-P75; n: postings with pay.</p>";
  std::vector<std::pair<std::string, SalaryStats>> levels(summary.salary_by_level.begin(),
                                                          summary.salary_by_level.end());
  std::sort(levels.begin(), levels.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(LevelRank(a.first), a.first) < std::make_tuple(LevelRank(b.first), b.first);
  });
  if (levels.empty()) return out + "<p class=\"hint\">No postings state pay.</p></section>";
  std::vector<RangeItem> ranges;
  Table table;
  table.head = {"level"};
  table.head.insert(table.head.end(), kPayHead.begin(), kPayHead.end());
  table.head.insert(table.head.end(), {"commonly quoted", "median vs quoted"});
  table.numeric = {false, true, true, true, true, true, false, false};
  for (const auto& [name, stats] : levels) {
    RangeItem item = RangeOf(DisplayName(name), stats);
    std::optional<Level> level = ParseLevel(name);
    std::string quoted = "—", versus = "—";
    if (level) item.quoted = QuotedBandFor(*level);
    if (item.quoted) {
      quoted = std::string(item.quoted->text);
      double median = item.mid;
      if (median < item.quoted->low_usd) {
        versus = "below";
      } else if (median > item.quoted->high_usd && !item.quoted->open_above) {
        versus = "above";
      } else {
        versus = "within";
      }
    }
    std::vector<std::string> cells = {E(item.label)};
    std::vector<std::string> pay = PayCells(stats);
    cells.insert(cells.end(), pay.begin(), pay.end());
    cells.insert(cells.end(), {E(quoted), E(versus)});
    table.Add(std::move(cells), item.thin);
    ranges.push_back(std::move(item));
  }
  RangeItem all = RangeOf("All levels", summary.salary);
  std::vector<std::string> cells = {"<strong>All levels</strong>"};
  std::vector<std::string> pay = PayCells(summary.salary);
  cells.insert(cells.end(), pay.begin(), pay.end());
  cells.insert(cells.end(), {"—", "—"});
  table.Add(std::move(cells), all.thin);
  out += SvgRangeChart(ranges, "Pay by level, annual USD, beside the commonly quoted bands", kChartWidth);
  out += table.Html("");
  return out + "</section>";
}

std::string PayByKeySection(std::string_view id, std::string_view heading, std::string_view key_head,
                            const std::map<std::string, SalaryStats>& by_key, bool by_median, size_t chart_rows,
                            bool display_names) {
  std::string out = Heading(id, heading);
  std::vector<std::pair<std::string, SalaryStats>> rows(by_key.begin(), by_key.end());
  std::sort(rows.begin(), rows.end(), [by_median](const auto& a, const auto& b) {
    double ma = a.second.median_annual_usd.value_or(0), mb = b.second.median_annual_usd.value_or(0);
    int64_t na = a.second.postings_with_salary, nb = b.second.postings_with_salary;
    if (by_median) return std::make_tuple(-ma, -na, a.first) < std::make_tuple(-mb, -nb, b.first);
    return std::make_tuple(-na, -ma, a.first) < std::make_tuple(-nb, -mb, b.first);
  });
  if (rows.empty()) return out + "<p class=\"hint\">No postings state pay.</p></section>";
  std::vector<RangeItem> ranges;
  Table table;
  table.head = {std::string(key_head)};
  table.head.insert(table.head.end(), kPayHead.begin(), kPayHead.end());
  table.numeric = {false, true, true, true, true, true};
  for (const auto& [name, stats] : rows) {
    std::string label = display_names ? DisplayName(name) : name;
    if (ranges.size() < chart_rows) ranges.push_back(RangeOf(label, stats));
    std::vector<std::string> cells = {E(label)};
    std::vector<std::string> pay = PayCells(stats);
    cells.insert(cells.end(), pay.begin(), pay.end());
    table.Add(std::move(cells), IsThin(stats.postings_with_salary));
  }
  std::string chart_title = std::string(heading) + ", annual USD";
  if (ranges.size() < rows.size()) {
    chart_title += " (the " + std::to_string(ranges.size()) + " with most postings)";
    out += "<p class=\"note\">The chart shows the " + std::to_string(ranges.size()) +
           " with the most postings; the table lists all " + std::to_string(rows.size()) + ".</p>";
  }
  out += SvgRangeChart(ranges, chart_title, kChartWidth);
  out += table.Html("");
  return out + "</section>";
}

StatusOr<std::string> HealthSection(store::Store& store, const MarketSummary& summary) {
  std::string out = Heading("health", "Data health");
  const int64_t stored = summary.postings + summary.duplicates;

  out += "<h3>Sources</h3>";
  std::vector<std::pair<std::string, SourceCounts>> sources(summary.by_source.begin(), summary.by_source.end());
  std::sort(sources.begin(), sources.end(), [](const auto& a, const auto& b) {
    int64_t ta = a.second.postings + a.second.duplicates, tb = b.second.postings + b.second.duplicates;
    return ta != tb ? ta > tb : a.first < b.first;
  });
  Table source_table;
  source_table.head = {"source", "stored", "unique", "linked duplicates", "share of stored"};
  source_table.numeric = {false, true, true, true, true};
  for (const auto& [name, counts] : sources) {
    int64_t total = counts.postings + counts.duplicates;
    source_table.Add({E(name), FormatCount(total), FormatCount(counts.postings), FormatCount(counts.duplicates),
                      FormatShare(stored ? static_cast<double>(total) / static_cast<double>(stored) : 0)});
  }
  out += sources.empty() ? "<p class=\"hint\">No postings stored.</p>" : source_table.Html("");

  out += "<h3>Freshness</h3><ul>";
  if (summary.dated_postings > 0) {
    out += "<li>Posting dates from <strong>" + E(summary.oldest_posting_date) + "</strong> to <strong>" +
           E(summary.newest_posting_date) + "</strong>.</li>";
  }
  out += "<li>" + FormatCount(summary.dated_postings) + " of " + FormatCount(stored) +
         " stored postings carry a posting date (" +
         FormatShare(stored ? static_cast<double>(summary.dated_postings) / static_cast<double>(stored) : 0) +
         ").</li>";
  JS_ASSIGN_OR_RETURN(std::vector<store::IngestRun> runs, store.ListRuns());
  std::sort(runs.begin(), runs.end(), [](const store::IngestRun& a, const store::IngestRun& b) { return a.id > b.id; });
  if (runs.empty()) {
    out += "<li>No ingest run is recorded.</li></ul>";
  } else {
    const store::IngestRun& last = runs.front();
    out += "<li>Last ingest run: #" + std::to_string(last.id) + ", started " + E(last.started_at) +
           (last.finished_at.empty() ? "" : ", finished " + E(last.finished_at)) + " (" + E(last.status) + "); " +
           FormatCount(static_cast<int64_t>(runs.size())) + " run" + (runs.size() == 1 ? "" : "s") +
           " in all.</li></ul>";
    Table run_table;
    run_table.head = {"run",  "started", "finished",        "status",     "inputs",
                      "read", "stored",  "already present", "duplicates", "quarantined"};
    run_table.numeric = {true, false, false, false, false, true, true, true, true, true};
    constexpr size_t kRunRows = 10;
    for (size_t idx = 0; idx < runs.size() && idx < kRunRows; ++idx) {
      const store::IngestRun& run = runs[idx];
      run_table.Add({std::to_string(run.id), E(run.started_at), E(run.finished_at.empty() ? "—" : run.finished_at),
                     E(run.status), E(RunInputs(run.inputs)), FormatCount(run.counts.read),
                     FormatCount(run.counts.stored), FormatCount(run.counts.already_present),
                     FormatCount(run.counts.duplicates), FormatCount(run.counts.quarantined)});
    }
    out += run_table.Html(runs.size() > kRunRows ? "The " + std::to_string(kRunRows) + " latest runs of " +
                                                       std::to_string(runs.size()) + "."
                                                 : "Ingest runs, latest first.");
  }

  out += "<h3>Duplicates</h3><p>" + FormatCount(summary.duplicates) + " of " + FormatCount(stored) +
         " stored postings (" +
         FormatShare(stored ? static_cast<double>(summary.duplicates) / static_cast<double>(stored) : 0) +
         ") are linked as duplicates of an earlier posting of the same job and counted once above.</p>";

  out += "<h3>Quarantined records</h3>";
  JS_ASSIGN_OR_RETURN(std::vector<store::QuarantineRecord> quarantined, store.ListQuarantine(std::nullopt));
  // A record quarantined again by a re-ingest of the same file is one bad record, not two.
  std::set<std::tuple<std::string, int64_t, std::string, std::string>> distinct;
  std::map<std::string, int64_t> by_reason, by_input;
  for (const store::QuarantineRecord& record : quarantined) {
    if (!distinct.emplace(record.input, record.row, record.field, record.reason).second) continue;
    std::string reason = ReasonKind(record.reason);
    if (!record.field.empty()) reason = record.field + ": " + reason;
    ++by_reason[reason];
    ++by_input[record.input];
  }
  if (distinct.empty()) {
    out += "<p>No record was quarantined.</p>";
  } else {
    out += "<p>" + FormatCount(static_cast<int64_t>(distinct.size())) +
           " distinct records were set aside with a reason (" + FormatCount(static_cast<int64_t>(quarantined.size())) +
           " quarantine entries over all runs); <code>jobscope quarantine</code> lists them. Numbers in reasons "
           "are shown as #.</p>";
    Table reason_table;
    reason_table.head = {"reason", "records"};
    reason_table.numeric = {false, true};
    for (const auto& [reason, count] : ByCount(by_reason)) reason_table.Add({E(reason), FormatCount(count)});
    out += reason_table.Html("By reason");
    Table input_table;
    input_table.head = {"input", "records"};
    input_table.numeric = {false, true};
    for (const auto& [input, count] : ByCount(by_input)) input_table.Add({E(input), FormatCount(count)});
    out += input_table.Html("By input");
  }
  return out + "</section>";
}

StatusOr<std::string> Render(store::Store& store, const taxonomy::Taxonomy* taxonomy, const HtmlReportOptions& options,
                             int64_t& unique_postings) {
  JS_ASSIGN_OR_RETURN(MarketSummary summary, SummarizeMarket(store, options.top_skills, taxonomy));
  unique_postings = summary.postings;
  std::string out;
  out.reserve(1 << 16);
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"jobscope report\">\n"
      "<title>AI job market report</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<header><h1>AI job market report</h1>";
  out += "<p class=\"lead\">" + FormatCount(summary.postings) + " unique postings (" + FormatCount(summary.duplicates) +
         " more linked as duplicates) from " + FormatCount(static_cast<int64_t>(summary.by_source.size())) + " source" +
         (summary.by_source.size() == 1 ? "" : "s");
  if (summary.dated_postings > 0) {
    out += ", posted " + E(summary.oldest_posting_date) + " to " + E(summary.newest_posting_date);
  }
  out += ". Made by <code>jobscope report</code> from the store alone: the same store gives the same page.";
  if (IsThin(summary.postings)) out += ThinTag();
  out += "</p></header>\n";

  out +=
      "<nav><h2>Contents</h2><ol><li><a href=\"#roles\">Postings by role</a></li><li><a href=\"#levels\">Postings by "
      "level</a></li><li><a href=\"#work-mode\">Work mode</a></li><li><a href=\"#skills\">Skills in demand</a></li>"
      "<li><a href=\"#pay-level\">Pay by level</a></li><li><a href=\"#pay-role\">Pay by role</a></li>"
      "<li><a href=\"#pay-country\">Pay by country</a></li><li><a href=\"#time\">Postings over time</a></li>"
      "<li><a href=\"#health\">Data health</a></li><li><a href=\"#reading\">How to read this "
      "report</a></li></ol></nav>\n";

  const SalaryStats& pay = summary.salary;
  auto tile = [](const std::string& value, const std::string& text) {
    return "<div class=\"tile\"><span class=\"big\">" + value + "</span><span class=\"hint\">" + text + "</span></div>";
  };
  out += "<section id=\"headline\" class=\"tiles\">";
  out += tile(FormatCount(summary.postings), "unique postings");
  out += tile(FormatCount(summary.duplicates), "duplicates linked");
  out += tile(FormatCount(pay.postings_with_salary),
              "state pay (" +
                  FormatShare(summary.postings ? static_cast<double>(pay.postings_with_salary) /
                                                     static_cast<double>(summary.postings)
                                               : 0) +
                  ")");
  out +=
      tile(E(FormatUsd(pay.median_annual_usd)),
           "median stated pay, P25-P75 " + E(FormatUsd(pay.p25_annual_usd)) + "–" + E(FormatUsd(pay.p75_annual_usd)) +
               ", n=" + FormatCount(pay.postings_with_salary) + (IsThin(pay.postings_with_salary) ? ThinTag() : ""));
  out += "</section>\n";

  std::vector<std::pair<std::string, int64_t>> roles = ByCount(summary.by_role);
  out += Heading("roles", "Postings by role") +
         CountsSection("role", roles, summary.postings, &summary.salary_by_role, true) + "</section>\n";
  std::vector<std::pair<std::string, int64_t>> levels(summary.by_level.begin(), summary.by_level.end());
  std::sort(levels.begin(), levels.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(LevelRank(a.first), a.first) < std::make_tuple(LevelRank(b.first), b.first);
  });
  out += Heading("levels", "Postings by level") +
         CountsSection("level", levels, summary.postings, &summary.salary_by_level, true) + "</section>\n";
  out += Heading("work-mode", "Work mode") +
         CountsSection("work mode", ByCount(summary.by_remote), summary.postings, nullptr, true) + "</section>\n";

  out += Heading("skills", "Skills in demand");
  if (summary.top_skills.empty()) {
    out += "<p class=\"hint\">No skills found in the stored postings.</p>";
  } else {
    std::vector<BarItem> bars;
    Table table;
    table.head = {"#", "skill", "postings", "share"};
    table.numeric = {true, false, true, true};
    for (size_t idx = 0; idx < summary.top_skills.size(); ++idx) {
      const SkillDemand& skill = summary.top_skills[idx];
      bars.push_back({skill.name, static_cast<double>(skill.postings), FormatShare(skill.share), false});
      table.Add({std::to_string(idx + 1), E(skill.name), FormatCount(skill.postings), FormatShare(skill.share)});
    }
    out += SvgBarChart(bars, "Postings naming each skill", kChartWidth);
    out += table.Html("The " + std::to_string(summary.top_skills.size()) +
                      " skills most asked for; a skill counts once per unique posting; share of " +
                      FormatCount(summary.postings) + " unique postings.");
  }
  out += "</section>\n";

  out += PaySection(summary) + "\n";
  out += PayByKeySection("pay-role", "Pay by role", "role", summary.salary_by_role, true, SIZE_MAX, true) + "\n";
  out += PayByKeySection("pay-country", "Pay by country", "country", summary.salary_by_country, false,
                         options.chart_countries, false) +
         "\n";

  out += Heading("time", "Postings over time");
  if (summary.by_month.empty()) {
    out += "<p class=\"hint\">No posting dates in this store.</p>";
  } else {
    std::vector<ColumnItem> columns;
    Table table;
    table.head = {"month", "postings"};
    table.numeric = {false, true};
    for (const auto& [month, count] : summary.by_month) {  // a std::map: months in order
      columns.push_back({month, static_cast<double>(count)});
      table.Add({E(month), FormatCount(count)});
    }
    out += SvgColumnChart(columns, "Unique postings per month of posting date", kChartWidth, 200);
    out += table.Html("Unique postings by the month of their posting date; undated postings are left out.");
  }
  out += "</section>\n";

  JS_ASSIGN_OR_RETURN(std::string health, HealthSection(store, summary));
  out += health + "\n";

  out += Heading("reading", "How to read this report");
  out +=
      "<ul><li>Counts are of unique postings: a posting linked as a duplicate of an earlier posting of the same "
      "job (the same job on two boards, or a repost) is counted once.</li>"
      "<li>Pay is annual USD: the midpoint of a posting's stated range, annualised (hour x 2080, day x 260, week x "
      "52, month x 12) and converted with jobscope's dated rate table; postings in a currency without a rate are "
      "left out. Only postings that state pay count, so pay figures describe those postings, not the whole "
      "market.</li>"
      "<li>Every pay figure is a median with its P25-P75 range and n, the number of postings behind it. The 95% "
      "interval of the median is distribution-free (order statistics at ranks n/2 ± 0.98√n).</li>"
      "<li>A figure from fewer than " +
      std::to_string(kThinBelow) + " records is marked" + ThinTag() +
      ": read it as a hint, not a measurement.</li>"
      "<li>The commonly quoted bands are what career guides say (entry $70k-90k, mid $100k-130k, senior "
      "$150k-200k+); they are set beside the data's, not derived from it.</li>"
      "<li>Roles and levels are read from each posting's title and text by jobscope's classifiers; skills are "
      "the technical skills of jobscope's taxonomy named in the text.</li></ul></section>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace

StatusOr<std::string> BuildHtmlReport(store::Store& store, const taxonomy::Taxonomy* taxonomy,
                                      const HtmlReportOptions& options) {
  int64_t unique_postings = 0;
  return Render(store, taxonomy, options, unique_postings);
}

StatusOr<WrittenReport> WriteHtmlReport(store::Store& store, const taxonomy::Taxonomy* taxonomy,
                                        const std::string& path, const HtmlReportOptions& options) {
  int64_t unique_postings = 0;
  JS_ASSIGN_OR_RETURN(std::string html, Render(store, taxonomy, options, unique_postings));
  std::string partial = path + ".partial";
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file) return IoError("cannot write " + partial);
    file.write(html.data(), static_cast<std::streamsize>(html.size()));
    file.flush();
    if (!file) {
      std::error_code ignored;
      std::filesystem::remove(partial, ignored);
      return IoError("cannot write " + partial);
    }
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    return IoError("cannot write " + path + ": " + error.message());
  }
  return WrittenReport{static_cast<int64_t>(html.size()), unique_postings};
}

}  // namespace jobscope::report
