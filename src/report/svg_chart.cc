// Charts as inline SVG for the HTML report: the shapes web/app.js draws in the browser (bars, pay ranges,
// columns over time), drawn here so a report needs no script and opens offline. Every number is printed with
// a fixed format, so the same data gives the same bytes. Styling comes from the page's CSS classes.
#include <algorithm>
#include <cmath>

#include "report/internal/html_text.h"
#include "report/report.h"
#include "text/text.h"

namespace jobscope::report {
namespace {

using internal::FormatCoordinate;
using internal::FormatCount;
using internal::FormatUsd;

constexpr int kRowHeight = 26;
constexpr double kCharWidth = 7.0;  // of the 12px sans-serif the page sets, for fitting labels

std::string Open(int width, int height, std::string_view title, std::string_view kind) {
  std::string out = "<svg class=\"chart " + std::string(kind) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
                    std::to_string(height) + "\" role=\"img\" aria-label=\"" + HtmlEscape(title) + "\">";
  out += "<title>" + HtmlEscape(title) + "</title>";
  return out;
}

std::string Text(double x, double y, std::string_view anchor, std::string_view cls, std::string_view content) {
  return "<text x=\"" + FormatCoordinate(x) + "\" y=\"" + FormatCoordinate(y) + "\" text-anchor=\"" +
         std::string(anchor) + "\" class=\"" + std::string(cls) + "\">" + HtmlEscape(content) + "</text>";
}

std::string Rect(double x, double y, double width, double height, std::string_view cls) {
  return "<rect x=\"" + FormatCoordinate(x) + "\" y=\"" + FormatCoordinate(y) + "\" width=\"" +
         FormatCoordinate(std::max(0.0, width)) + "\" height=\"" + FormatCoordinate(std::max(0.0, height)) +
         "\" class=\"" + std::string(cls) + "\"/>";
}

// A round step (1, 2 or 5 times a power of ten) that cuts [low, high] into about `count` parts.
double TickStep(double low, double high, int count) {
  double raw = (high - low) / count;
  if (!(raw > 0)) return 1;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double multiple : {1.0, 2.0, 5.0, 10.0}) {
    if (multiple * magnitude >= raw) return multiple * magnitude;
  }
  return 10 * magnitude;
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string repaired = text::IsValidUtf8(text) ? std::string(text) : text::RepairUtf8(text);
  std::string out;
  out.reserve(repaired.size() + repaired.size() / 8);
  for (char c : repaired) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // Control characters other than tab and newline are not allowed in HTML text.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string SvgBarChart(const std::vector<BarItem>& items, std::string_view title, int width) {
  const double label_width = std::min(180.0, width * 0.3), note_width = std::min(150.0, width * 0.25);
  const int height = static_cast<int>(items.size()) * kRowHeight + 8;
  double top = 0;
  for (const BarItem& item : items) top = std::max(top, item.value);
  if (!(top > 0)) top = 1;
  const double span = width - label_width - note_width - 8;
  std::string out = Open(width, height, title, "bars");
  const size_t label_chars = static_cast<size_t>(label_width / kCharWidth);
  for (size_t idx = 0; idx < items.size(); ++idx) {
    const BarItem& item = items[idx];
    double y = static_cast<double>(idx) * kRowHeight + 4;
    out += item.thin ? "<g class=\"row thin\">" : "<g class=\"row\">";
    out += "<title>" + HtmlEscape(item.label) + ": " + HtmlEscape(FormatCount(std::llround(item.value))) +
           (item.note.empty() ? "" : " (" + HtmlEscape(item.note) + ")") + "</title>";
    out += Text(label_width - 6, y + 15, "end", "label", internal::Truncate(item.label, label_chars));
    out += Rect(label_width, y + 4, std::max(1.0, span * item.value / top), kRowHeight - 10, "bar");
    std::string note = FormatCount(std::llround(item.value));
    if (!item.note.empty()) note += "  " + item.note;
    out += Text(width - note_width + 4, y + 15, "start", "value", note);
    out += "</g>";
  }
  out += "</svg>";
  return out;
}

std::string SvgRangeChart(const std::vector<RangeItem>& items, std::string_view title, int width) {
  const double label_width = std::min(180.0, width * 0.28), note_width = std::min(170.0, width * 0.27);
  const int axis_height = 22;
  const int height = static_cast<int>(items.size()) * kRowHeight + axis_height + 4;
  double low = INFINITY, high = -INFINITY;
  for (const RangeItem& item : items) {
    low = std::min({low, item.low, item.mid});
    high = std::max({high, item.high, item.mid});
    if (item.quoted) {
      low = std::min(low, item.quoted->low_usd);
      high = std::max(high, item.quoted->high_usd * (item.quoted->open_above ? 1.1 : 1.0));
    }
  }
  if (!std::isfinite(low) || !std::isfinite(high)) low = 0, high = 1;
  double step = TickStep(low, high, 4);
  low = std::floor(low / step) * step;
  high = std::ceil(high / step) * step;
  if (high <= low) high = low + step;
  const double span = width - label_width - note_width - 8;
  auto x = [&](double value) { return label_width + (value - low) / (high - low) * span; };
  std::string out = Open(width, height, title, "ranges");
  const size_t label_chars = static_cast<size_t>(label_width / kCharWidth);
  for (double tick = low; tick <= high + step / 2; tick += step) {
    out += "<line x1=\"" + FormatCoordinate(x(tick)) + "\" x2=\"" + FormatCoordinate(x(tick)) + "\" y1=\"0\" y2=\"" +
           std::to_string(height - axis_height) + "\" class=\"grid\"/>";
    out += Text(x(tick), height - 8, "middle", "axis", FormatUsd(tick));
  }
  for (size_t idx = 0; idx < items.size(); ++idx) {
    const RangeItem& item = items[idx];
    double y = static_cast<double>(idx) * kRowHeight + 13;
    out += item.thin ? "<g class=\"row thin\">" : "<g class=\"row\">";
    std::string tip = item.label + ": median " + FormatUsd(item.mid) + ", P25-P75 " + FormatUsd(item.low) + "-" +
                      FormatUsd(item.high) + ", n=" + FormatCount(item.n) + (item.thin ? " (thin)" : "");
    if (item.quoted) tip += "; commonly quoted " + std::string(item.quoted->text);
    out += "<title>" + HtmlEscape(tip) + "</title>";
    if (item.quoted) {
      double top = item.quoted->high_usd * (item.quoted->open_above ? 1.1 : 1.0);
      out += Rect(x(item.quoted->low_usd), y - 10, x(top) - x(item.quoted->low_usd), 20,
                  item.quoted->open_above ? "quoted open" : "quoted");
    }
    out += Text(label_width - 6, y + 4, "end", "label", internal::Truncate(item.label, label_chars));
    out += "<line x1=\"" + FormatCoordinate(x(item.low)) + "\" x2=\"" + FormatCoordinate(x(item.high)) + "\" y1=\"" +
           FormatCoordinate(y) + "\" y2=\"" + FormatCoordinate(y) + "\" class=\"whisker\"/>";
    out += "<circle cx=\"" + FormatCoordinate(x(item.mid)) + "\" cy=\"" + FormatCoordinate(y) +
           "\" r=\"5\" class=\"median\"/>";
    out += Text(width - note_width + 4, y + 4, "start", "value",
                FormatUsd(item.mid) + "  n=" + FormatCount(item.n) + (item.thin ? "  thin" : ""));
    out += "</g>";
  }
  out += "</svg>";
  return out;
}

std::string SvgColumnChart(const std::vector<ColumnItem>& items, std::string_view title, int width, int height) {
  const double bottom = 22, top_margin = 16;
  double top = 0;
  for (const ColumnItem& item : items) top = std::max(top, item.value);
  if (!(top > 0)) top = 1;
  const double step = static_cast<double>(width) / static_cast<double>(std::max<size_t>(1, items.size()));
  const double bar_width = std::max(2.0, step * 0.7);
  const size_t every = std::max<size_t>(1, (items.size() + 7) / 8);  // at most about 8 labels
  std::string out = Open(width, height, title, "columns");
  out += Text(2, 11, "start", "axis", "max " + FormatCount(std::llround(top)));
  for (size_t idx = 0; idx < items.size(); ++idx) {
    const ColumnItem& item = items[idx];
    double bar_height = std::max(1.0, (height - bottom - top_margin) * item.value / top);
    double x = static_cast<double>(idx) * step + (step - bar_width) / 2;
    out +=
        "<g class=\"row\"><title>" + HtmlEscape(item.label) + ": " + FormatCount(std::llround(item.value)) + "</title>";
    out += Rect(x, height - bottom - bar_height, bar_width, bar_height, "bar");
    out += "</g>";
    if (idx % every == 0) out += Text(x + bar_width / 2, height - 6, "middle", "axis", item.label);
  }
  out += "</svg>";
  return out;
}

}  // namespace jobscope::report
