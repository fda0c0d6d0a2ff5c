// Shared by every page of jobscope's web UI: the API client, a small DOM builder (text only, never HTML from
// data), number formats and SVG charts. Plain ES modules, no build step, no third-party code.

export const API = "/api/v1";

// Calls the API; resolves to the JSON answer, or throws an Error whose message is the problem's detail.
export async function api(path, options = {}) {
  const res = await fetch(API + path, options);
  const type = res.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await res.json() : await res.text();
  if (!res.ok) {
    const detail = body && body.detail ? body.detail : `HTTP ${res.status}`;
    const error = new Error(detail);
    error.status = res.status;
    throw error;
  }
  return body;
}

// The API token that writes need (`jobscope token create`), kept for this tab only: sessionStorage, never
// localStorage or a cookie. `api(path, {headers: authHeaders()})` sends it.
const TOKEN_KEY = "jobscope.token";

export function getToken() {
  try { return sessionStorage.getItem(TOKEN_KEY) || ""; } catch { return ""; }
}

export function setToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch { /* storage blocked: the token lasts as long as the page */ }
}

export function authHeaders(token = getToken()) {
  return token ? {Authorization: `Bearer ${token}`} : {};
}

// el("a", {href: "/", class: "x"}, "text", child, ...): an element; attributes starting with "on" are handlers.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const SVG_NS = "http://www.w3.org/2000/svg";
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Appends children to a node, leaving out null, undefined and false (conditional parts).
export function add(node, ...children) {
  append(node, children);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// "$152k", "$1.2M"; "—" for a missing figure.
export function money(usd) {
  if (usd === undefined || usd === null || !Number.isFinite(usd)) return "—";
  if (Math.abs(usd) >= 1e6) return `$${(usd / 1e6).toFixed(1)}M`;
  return `$${Math.round(usd / 1000)}k`;
}

export function count(n) {
  return Number(n || 0).toLocaleString("en-US");
}

// "ml_engineer" -> "ML engineer".
const WORDS = {ml: "ML", ai: "AI", nlp: "NLP", mlops: "MLOps", usd: "USD", on: "on", site: "site"};
export function label(name) {
  if (!name) return "";
  const text = String(name).split("_").map((w) => WORDS[w] || w).join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// A posting's pay as posted: "$150k–$180k / year (USD)" in annual USD, or its text.
export function postedPay(salary) {
  if (!salary) return null;
  const lo = salary.annual_min_usd, hi = salary.annual_max_usd;
  if (lo || hi) return lo && hi && lo !== hi ? `${money(lo)}–${money(hi)}` : money(lo || hi);
  return salary.text || null;
}

// A search snippet's [[marked]] words as <mark> elements.
export function snippet(text) {
  const out = document.createDocumentFragment();
  const parts = String(text || "").split(/(\[\[.*?\]\])/);
  for (const part of parts) {
    if (part.startsWith("[[") && part.endsWith("]]")) out.append(el("mark", {}, part.slice(2, -2)));
    else if (part) out.append(document.createTextNode(part));
  }
  return out;
}

export function showError(container, error) {
  clear(container).append(el("p", {class: "error", role: "alert"}, error.message || String(error)));
}

// Horizontal bars: items [{label, value, text?, note?, href?}]; `format` writes a value. Each bar carries a
// <title> (hover and screen readers), and the chart an aria-label that sums it up.
export function barChart(items, {format = count, title = "", width = 560, max} = {}) {
  const rowHeight = 26, valueWidth = 80,
        labelWidth = Math.min(Math.round(width * 0.4), 200, Math.max(90, ...items.map((i) => 7 * String(i.label).length)));
  const height = Math.max(rowHeight, items.length * rowHeight) + 4;
  const top = max ?? Math.max(1, ...items.map((i) => i.value || 0));
  const barSpace = width - labelWidth - valueWidth;
  const chart = svg("svg", {viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img",
                            "aria-label": title || "bar chart", preserveAspectRatio: "xMinYMin meet"});
  items.forEach((item, idx) => {
    const y = idx * rowHeight + 2;
    const w = Math.max(1, (barSpace * (item.value || 0)) / top);
    const text = item.text ?? format(item.value);
    const row = svg("g", {class: item.thin ? "bar thin" : "bar"},
                    svg("title", {}, `${item.label}: ${text}${item.note ? " (" + item.note + ")" : ""}`),
                    svg("text", {x: labelWidth - 6, y: y + rowHeight / 2 + 4, "text-anchor": "end", class: "label"},
                        truncate(item.label, Math.max(8, Math.floor(labelWidth / 7)))),
                    svg("rect", {x: labelWidth, y: y + 3, width: w, height: rowHeight - 8, rx: 3}),
                    svg("text", {x: labelWidth + w + 6, y: y + rowHeight / 2 + 4, class: "value"},
                        text + (item.note ? `  ${item.note}` : "")));
    chart.append(row);
  });
  return chart;
}

// Pay ranges: items [{label, low, mid, high, n}]: a line from low to high (P25–P75) and a dot at the median.
export function rangeChart(items, {title = "", width = 560, thinBelow = 30} = {}) {
  const rowHeight = 28, labelWidth = Math.min(150, Math.round(width * 0.3)), noteWidth = Math.min(150, Math.round(width * 0.3));
  const height = items.length * rowHeight + 24;
  const values = items.flatMap((i) => [i.low, i.high, i.mid]).filter((v) => Number.isFinite(v));
  const lo = Math.min(...values) * 0.9, hi = Math.max(...values) * 1.05;
  const span = width - labelWidth - noteWidth;
  const x = (v) => labelWidth + ((v - lo) / (hi - lo || 1)) * span;
  const chart = svg("svg", {viewBox: `0 0 ${width} ${height}`, class: "chart range", role: "img",
                            "aria-label": title || "pay ranges"});
  items.forEach((item, idx) => {
    const y = idx * rowHeight + 14;
    const thin = item.n < thinBelow;
    chart.append(svg("g", {class: thin ? "range-row thin" : "range-row"},
        svg("title", {}, `${item.label}: median ${money(item.mid)}, P25–P75 ${money(item.low)}–${money(item.high)}, ` +
                             `${item.n} postings${thin ? " (thin: fewer than " + thinBelow + ")" : ""}`),
        svg("text", {x: labelWidth - 6, y: y + 4, "text-anchor": "end", class: "label"}, truncate(item.label, Math.max(8, Math.floor(labelWidth / 6.5)))),
        svg("line", {x1: x(item.low), x2: x(item.high), y1: y, y2: y, class: "whisker"}),
        svg("circle", {cx: x(item.mid), cy: y, r: 5}),
        svg("text", {x: width - noteWidth + 8, y: y + 4, class: "value"},
            `${money(item.mid)}  n=${item.n}${thin ? " thin" : ""}`)));
  });
  const axisY = height - 6;
  for (const tick of ticks(lo, hi, 4)) {
    chart.append(svg("text", {x: x(tick), y: axisY, "text-anchor": "middle", class: "axis"}, money(tick)));
  }
  return chart;
}

// Columns over time: items [{label, value}] in order.
export function columnChart(items, {title = "", width = 560, height = 180} = {}) {
  const bottom = 22, top = Math.max(1, ...items.map((i) => i.value));
  const step = width / Math.max(1, items.length), barWidth = Math.max(2, step * 0.7);
  const chart = svg("svg", {viewBox: `0 0 ${width} ${height}`, class: "chart columns", role: "img",
                            "aria-label": title || "column chart"});
  const every = Math.ceil(items.length / 8);
  items.forEach((item, idx) => {
    const h = ((height - bottom - 14) * item.value) / top;
    const x = idx * step + (step - barWidth) / 2;
    chart.append(svg("g", {class: "bar"}, svg("title", {}, `${item.label}: ${count(item.value)}`),
                     svg("rect", {x, y: height - bottom - h, width: barWidth, height: Math.max(1, h), rx: 2})));
    if (idx % every === 0) {
      chart.append(svg("text", {x: x + barWidth / 2, y: height - 6, "text-anchor": "middle", class: "axis"}, item.label));
    }
  });
  return chart;
}

// An estimate's P10–P90 band with its median, and the posted range beside it when known.
export function payChart({p10, p50, p90, postedLow, postedHigh}, {width = 360} = {}) {
  const values = [p10, p50, p90, postedLow, postedHigh].filter((v) => Number.isFinite(v) && v > 0);
  const lo = Math.min(...values) * 0.9, hi = Math.max(...values) * 1.05;
  const x = (v) => 10 + ((v - lo) / (hi - lo || 1)) * (width - 20);
  const hasPosted = Number.isFinite(postedLow) || Number.isFinite(postedHigh);
  const height = hasPosted ? 92 : 62;
  const chart = svg("svg", {viewBox: `0 0 ${width} ${height}`, class: "chart pay", role: "img",
                            "aria-label": `Estimate ${money(p10)} to ${money(p90)}, median ${money(p50)}` +
                                (hasPosted ? `; posted ${money(postedLow)} to ${money(postedHigh)}` : "")});
  chart.append(svg("text", {x: 10, y: 14, class: "axis"}, "estimate P10–P90"),
               svg("rect", {x: x(p10), y: 20, width: Math.max(2, x(p90) - x(p10)), height: 14, rx: 4, class: "band"}),
               svg("line", {x1: x(p50), x2: x(p50), y1: 17, y2: 37, class: "median"}),
               svg("text", {x: x(p10), y: 50, class: "value", "text-anchor": "start"}, money(p10)),
               svg("text", {x: x(p90), y: 50, class: "value", "text-anchor": "end"}, money(p90)));
  if (hasPosted) {
    const a = postedLow || postedHigh, b = postedHigh || postedLow;
    chart.append(svg("text", {x: 10, y: 66, class: "axis"}, "posted"),
                 svg("rect", {x: x(a), y: 72, width: Math.max(4, x(b) - x(a)), height: 12, rx: 4, class: "posted"}));
  }
  return chart;
}

function ticks(lo, hi, n) {
  const raw = (hi - lo) / n, mag = Math.pow(10, Math.floor(Math.log10(raw || 1)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) || raw;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(v);
  return out;
}

function truncate(text, n) {
  text = String(text);
  return text.length > n ? text.slice(0, n - 1) + "…" : text;
}

// Marks the current page in the navigation.
export function markNav(page) {
  for (const link of document.querySelectorAll("nav.site a")) {
    if (link.dataset.page === page) link.setAttribute("aria-current", "page");
  }
}
