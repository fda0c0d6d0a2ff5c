// Alerts: the saved searches (/api/v1/alerts) with the postings new to each since its last check
// (POST /api/v1/alerts/run, one search or all; "peek" leaves them unseen), and removing one. Checking and
// removing need the API token, which this page keeps in sessionStorage (this tab only).
import {api, el, add, clear, count, label, money, postedPay, markNav, getToken, setToken, authHeaders} from "./app.js";

const $ = (id) => document.getElementById(id);

let searches = [];          // the saved searches, as GET /alerts lists them
const results = new Map();  // a search's name -> {postings, peek} from its last check on this page
let busy = false;

function plural(n, one, many = one + "s") {
  return `${count(n)} ${n === 1 ? one : many}`;
}

// A <time> for "2024-07-01" (a day) or an ISO timestamp; null for none, the text itself when unreadable.
function when(text) {
  if (!text) return null;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const date = new Date(day ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime())) return String(text);
  const shown = day
      ? date.toLocaleDateString("en-US", {timeZone: "UTC", year: "numeric", month: "short", day: "numeric"})
      : date.toLocaleString("en-US", {year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit"});
  return el("time", {datetime: text}, shown);
}

// The filters of a saved search in words: "NLP engineer · Senior · pytorch · Boston, MA · remote · pay $150k+".
function filterSummary(f = {}) {
  const list = (values) => (Array.isArray(values) ? values.filter(Boolean) : []);
  const parts = [];
  if (list(f.roles).length) parts.push(list(f.roles).map(label).join(" or "));
  if (list(f.levels).length) parts.push(list(f.levels).map(label).join(" or "));
  if (list(f.skills).length) {
    parts.push(f.all_skills ? `all of ${list(f.skills).join(", ")}` : list(f.skills).join(" or "));
  }
  if (f.company) parts.push(`at ${f.company}`);
  const place = [f.city, f.region, f.country].filter(Boolean).join(", ");
  if (place) parts.push(place);
  if (f.remote) parts.push("remote");
  if (f.employment_type) parts.push(label(f.employment_type));
  if (f.from && f.to) parts.push(`posted ${f.from} to ${f.to}`);
  else if (f.from) parts.push(`posted from ${f.from}`);
  else if (f.to) parts.push(`posted until ${f.to}`);
  const min = Number.isFinite(f.min_salary) && f.min_salary > 0 ? f.min_salary : null;
  const max = Number.isFinite(f.max_salary) && f.max_salary > 0 ? f.max_salary : null;
  if (min && max) parts.push(`pay ${money(min)}–${money(max)}`);
  else if (min) parts.push(`pay ${money(min)}+`);
  else if (max) parts.push(`pay up to ${money(max)}`);
  return parts.length ? parts.join(" · ") : "no filters";
}

// The search page's address for a saved search, when the search page can show all its filters.
function searchPageUrl(search) {
  const f = search.filters || {};
  if (f.company || f.country || f.region || f.city || f.employment_type || f.from || f.to || f.all_skills ||
      (Number.isFinite(f.max_salary) && f.max_salary > 0)) return null;
  const params = new URLSearchParams();
  if (search.query) params.set("q", search.query);
  for (const [name, values] of [["role", f.roles], ["level", f.levels], ["skill", f.skills]]) {
    for (const value of values || []) params.append(name, value);
  }
  if (f.remote) params.set("remote", "true");
  if (Number.isFinite(f.min_salary) && f.min_salary > 0) params.set("min_salary", String(f.min_salary));
  const text = params.toString();
  return "/" + (text ? "?" + text : "");
}

function renderPosting(p) {
  const pay = postedPay(p.salary);
  const place = p.location || [p.city, p.region, p.country].filter(Boolean).join(", ");
  const remote = p.remote === "remote" && !/remote/i.test(place) ? "remote" : null;
  const date = when(p.date_posted);
  return el("li", {class: "new-posting"},
    el("a", {href: `posting.html?id=${encodeURIComponent(p.id)}`}, p.title || "(untitled)"),
    el("p", {class: "meta"}, [p.company, place, remote].filter(Boolean).join(" · "),
       date ? [p.company || place || remote ? " · " : "", "posted ", date] : null,
       pay ? el("span", {class: "pay"}, " · " + pay) : null));
}

function renderResult(result) {
  if (!result) return null;
  if (!result.postings.length) return el("p", {class: "empty no-new"}, "No new postings since the last check.");
  return [el("p", {class: "new-count"}, `${plural(result.postings.length, "new posting")}` +
                                        (result.peek ? " (peek: still unseen)" : "")),
          el("ul", {class: "new-postings"}, result.postings.map(renderPosting))];
}

function renderSearch(search, index) {
  const id = `saved-${index}`;
  const saved = when(search.created_at), checked = when(search.last_run_at);
  const url = searchPageUrl(search);
  return el("li", {class: "card saved-search", "data-name": search.name, "aria-labelledby": `${id}-name`},
    el("div", {class: "saved-head"},
       el("h3", {id: `${id}-name`}, search.name),
       el("div", {class: "actions"},
          el("button", {type: "button", class: "check-one", "aria-label": `Check now: ${search.name}`,
                        onclick: () => check(search.name)}, "Check now"),
          el("button", {type: "button", class: "secondary remove", "aria-label": `Remove: ${search.name}`,
                        onclick: () => remove(search.name)}, "Remove"))),
    el("p", {class: "meta"},
       el("span", {class: "query"}, search.query ? `“${search.query}”` : "Any words"), " · ",
       el("span", {class: "filters-summary"}, filterSummary(search.filters))),
    el("p", {class: "hint"}, saved ? ["Saved ", saved] : "Saved", " · ",
       checked ? ["last checked ", checked] : "not checked yet",
       url ? [" · ", el("a", {href: url}, "Open in search")] : null),
    el("div", {class: "alert-result", id: `${id}-result`}, renderResult(results.get(search.name))));
}

function render() {
  const list = clear($("searches"));
  if (!searches.length) {
    list.append(el("li", {class: "empty"}, "No saved searches yet. Run a search on the ",
                   el("a", {href: "/"}, "search page"), " and press “Save this search”."));
  }
  searches.forEach((search, index) => list.append(renderSearch(search, index)));
  $("check-all").disabled = !searches.length;
}

function status(...parts) {
  add(clear($("alerts-status")), el("p", {}, ...parts));
}

function problem(error) {
  add(clear($("alerts-status")), el("p", {class: "error"}, error.message || String(error)));
}

function showToken() {
  const has = Boolean(getToken());
  $("token-state").textContent = has ? "A token is set for this tab." : "No token set: checking and removing need one.";
  $("token").placeholder = has ? "Set (paste another to replace it)" : "jst_…";
}

// Without a token, says so and sends the keyboard to the token field; true when there is one.
function needToken() {
  if (getToken()) return true;
  status("Paste your API token above first.");
  $("token").focus();
  return false;
}

async function load() {
  const answer = await api("/alerts", {headers: authHeaders()});
  searches = Array.isArray(answer.saved_searches) ? answer.saved_searches : [];
  for (const name of [...results.keys()]) if (!searches.some((s) => s.name === name)) results.delete(name);
  render();
}

function focusSearch(name, selector) {
  const item = [...document.querySelectorAll("#searches .saved-search")].find((li) => li.dataset.name === name);
  const target = item && item.querySelector(selector);
  if (target) target.focus();
  else $("saved-title").focus();
}

async function check(name = null) {
  if (busy || !needToken()) return;
  busy = true;
  $("searches").setAttribute("aria-busy", "true");
  const peek = $("peek").checked;
  const params = new URLSearchParams();
  if (name) params.set("name", name);
  if (peek) params.set("peek", "true");
  status(name ? `Checking “${name}”…` : "Checking every saved search…");
  try {
    const query = params.toString();
    const answer = await api("/alerts/run" + (query ? "?" + query : ""), {method: "POST", headers: authHeaders()});
    const alerts = Array.isArray(answer.alerts) ? answer.alerts : [];
    for (const alert of alerts) results.set(alert.name, {postings: alert.postings || [], peek});
    const total = alerts.reduce((n, a) => n + (a.postings || []).length, 0);
    await load();
    if (name) focusSearch(name, ".check-one");
    const note = peek ? " (peek: not marked as seen)" : "";
    status(name ? `“${name}”: ${total ? plural(total, "new posting") : "no new postings"}${note}.`
                : `Checked ${plural(alerts.length, "saved search", "saved searches")}: ` +
                  `${total ? plural(total, "new posting") : "no new postings"}${note}.`);
  } catch (error) {
    problem(error);
  } finally {
    busy = false;
    $("searches").setAttribute("aria-busy", "false");
  }
}

async function remove(name) {
  if (busy || !needToken()) return;
  busy = true;
  const names = searches.map((s) => s.name);
  const next = names[names.indexOf(name) + 1] || names[names.indexOf(name) - 1] || null;
  try {
    await api(`/alerts/${encodeURIComponent(name)}`, {method: "DELETE", headers: authHeaders()});
    results.delete(name);
    await load();
    status(`Removed “${name}”.`);
    if (next) focusSearch(next, ".remove");
    else $("saved-title").focus();
  } catch (error) {
    problem(error);
  } finally {
    busy = false;
  }
}

function wire() {
  $("token-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const token = $("token").value.trim();
    if (!token) {
      $("token-state").textContent = "Paste a token first (make one with jobscope token create).";
      $("token").focus();
      return;
    }
    setToken(token);
    $("token").value = "";
    showToken();
    clear($("alerts-status"));
    try { await load(); } catch (error) { problem(error); }  // under --token-reads the list needs it too
  });
  $("token-forget").addEventListener("click", () => {
    setToken("");
    $("token").value = "";
    showToken();
    $("token").focus();
  });
  $("check-all").addEventListener("click", () => check());
}

markNav("alerts");
showToken();
wire();
status("Loading saved searches…");
load().then(() => {
  if ($("alerts-status").textContent.startsWith("Loading")) clear($("alerts-status"));
}, (error) => {
  render();
  problem(error);
});
