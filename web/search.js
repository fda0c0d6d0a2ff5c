// The search page: search as you type, facet filters, a minimum-pay slider; the whole state lives in the URL
// (?q=...&role=...&min_salary=...), so a search can be shared and the back button steps through it.
import {api, el, add, clear, count, label, money, postedPay, snippet, showError, markNav, getToken, setToken,
        authHeaders} from "./app.js";

const PER_PAGE = 20;
const LISTS = ["role", "level", "skill"];
const $ = (id) => document.getElementById(id);

function readState() {
  const params = new URLSearchParams(location.search);
  const state = {q: params.get("q") || "", page: Math.max(1, Number(params.get("page")) || 1),
                 remote: params.get("remote") === "true", min_salary: Number(params.get("min_salary")) || 0};
  for (const name of LISTS) state[name] = params.getAll(name);
  return state;
}

function stateUrl(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const name of LISTS) for (const value of state[name]) params.append(name, value);
  if (state.remote) params.set("remote", "true");
  if (state.min_salary > 0) params.set("min_salary", String(state.min_salary));
  if (state.page > 1) params.set("page", String(state.page));
  const text = params.toString();
  return location.pathname + (text ? "?" + text : "");
}

let state = readState();
// A burst of typing in the search box is one history entry: its first change is pushed, the rest replace it,
// and a second's pause (or any other committed change) ends the burst.
let typingBurst = false;
let sequence = 0;  // answers to older requests are dropped

function syncControls() {
  $("q").value = state.q;
  $("remote").checked = state.remote;
  $("min-salary").value = String(state.min_salary);
  $("min-salary-out").textContent = state.min_salary > 0 ? money(state.min_salary) + "+" : "any";
}

// Changes the state; `push` adds a history entry (a committed change), else the current one is replaced
// (each key typed).
function update(change, {push = true, typing = false} = {}) {
  if (push && !typing) typingBurst = false;
  state = {...state, ...change};
  if (!("page" in change)) {
    state.page = 1;
    clear($("save-status"));  // a "Saved." note belonged to the search before this change
  }
  const url = stateUrl(state);
  if (url !== location.pathname + location.search) {
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }
  run(typing);
}

// The query and filters of a state, as /api/v1/search and /api/v1/alerts both take them.
function searchParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const name of LISTS) if (state[name].length) params.set(name, state[name].join(","));
  if (state.remote) params.set("remote", "true");
  if (state.min_salary > 0) params.set("min_salary", String(state.min_salary));
  return params;
}

async function run(typing = false) {
  const mine = ++sequence;
  const params = searchParams(state);
  params.set("page", String(state.page));
  params.set("per_page", String(PER_PAGE));
  params.set("facets", "role,level,remote,skill,salary");
  if (typing) params.set("typing", "true");
  document.title = (state.q ? `${state.q} · ` : "") + "Search · jobscope";
  try {
    const page = await api("/search?" + params.toString());
    if (mine !== sequence) return;
    render(page);
  } catch (error) {
    if (mine !== sequence) return;
    showError($("hits"), error);
    $("summary").textContent = "The search could not run.";
  }
}

function render(page) {
  const found = page.found || 0;
  $("summary").textContent = `${count(found)} posting${found === 1 ? "" : "s"}` + (state.q ? ` for “${state.q}”` : "");
  const stats = page.stats && page.stats.salary_usd;
  $("pay-stats").textContent = stats && stats.postings
      ? `${count(stats.postings)} state pay: ${money(stats.min)} to ${money(stats.max)}, mean midpoint ${money(stats.avg)}`
      : "";
  const hits = clear($("hits"));
  for (const hit of page.hits) hits.append(renderHit(hit));
  if (!page.hits.length) hits.append(el("li", {class: "empty"}, "No postings match. Remove a filter or lower the minimum pay."));
  const pages = Math.max(1, Math.ceil(found / PER_PAGE));
  $("page-of").textContent = `Page ${state.page} of ${pages}`;
  $("prev").disabled = state.page <= 1;
  $("next").disabled = state.page >= pages;
  for (const name of LISTS) renderFacet(name, (page.facets || {})[name] || []);
  const remote = ((page.facets || {}).remote || []).find((v) => v.value === "remote");
  $("remote-count").textContent = remote ? `(${count(remote.count)})` : "";
}

function renderHit(hit) {
  const pay = postedPay(hit.salary);
  const saysRemote = /remote/i.test(hit.location || "");
  const place = [hit.location, hit.remote === "remote" && !saysRemote ? "remote" : null].filter(Boolean).join(" · ");
  return el("li", {class: "hit"},
    el("h2", {}, el("a", {href: `posting.html?id=${encodeURIComponent(hit.id)}`}, hit.title || "(untitled)")),
    el("p", {class: "meta"}, [hit.company, place, label(hit.level), label(hit.role)].filter(Boolean).join(" · "),
       pay ? el("span", {class: "pay"}, " · " + pay) : null),
    hit.snippet ? el("p", {class: "snippet"}, snippet(hit.snippet)) : null,
    el("ul", {class: "chips", "aria-label": "Skills"},
       (hit.skills || []).slice(0, 8).map((s) => el("li", {}, s.name))));
}

const FACET_LIMIT = {role: 20, level: 10, skill: 15};

function renderFacet(name, values) {
  const box = clear(document.querySelector(`#facet-${name} .values`));
  const chosen = new Set(state[name]);
  const shown = values.slice(0, FACET_LIMIT[name]);
  for (const value of chosen) {
    if (!shown.some((v) => v.value === value)) shown.push({value, count: 0});
  }
  for (const {value, count: n} of shown) {
    const id = `f-${name}-${value}`.replace(/[^A-Za-z0-9_-]/g, "_");
    const input = el("input", {type: "checkbox", id, value, checked: chosen.has(value)});
    input.addEventListener("change", () => {
      const next = new Set(state[name]);
      if (input.checked) next.add(value); else next.delete(value);
      update({[name]: [...next]});
    });
    box.append(el("label", {class: "check", for: id}, input, ` ${name === "skill" ? value : label(value)} `,
                  el("span", {class: "count"}, `(${count(n)})`)));
  }
  if (!shown.length) box.append(el("p", {class: "hint"}, "none"));
}

// "Save this search": a small form under the results' header (a name, and a token when this tab has none),
// POSTed to /api/v1/alerts with the current query and filters.
function openSave(open) {
  const form = $("save-form");
  form.hidden = !open;
  $("save-open").setAttribute("aria-expanded", String(open));
  if (open) {
    $("save-token-box").hidden = Boolean(getToken());
    if (!$("save-name").value.trim()) $("save-name").value = state.q.trim().slice(0, 100);
    clear($("save-status"));
    $("save-name").focus();
    $("save-name").select();
  }
}

function saveProblem(message, field) {
  add(clear($("save-status")), el("p", {class: "error"}, message));
  for (const id of ["save-name", "save-token"]) $(id).removeAttribute("aria-invalid");
  if (field) {
    $(field).setAttribute("aria-invalid", "true");
    $(field).focus();
  }
}

async function save(event) {
  event.preventDefault();
  const name = $("save-name").value.trim();
  const typed = $("save-token-box").hidden ? "" : $("save-token").value.trim();
  const token = typed || getToken();
  if (!name) return saveProblem("Give the search a name.", "save-name");
  if (name.includes("/")) return saveProblem("A name cannot contain “/”.", "save-name");
  if (!token) {
    $("save-token-box").hidden = false;
    return saveProblem("Saving needs an API token: paste one here or on the Alerts page.", "save-token");
  }
  const params = searchParams(state);
  params.set("name", name);
  const button = $("save-form").querySelector("button[type=submit]");
  button.disabled = true;
  add(clear($("save-status")), el("p", {}, "Saving…"));
  try {
    await api("/alerts?" + params.toString(), {method: "POST", headers: authHeaders(token)});
    if (typed) setToken(typed);
    $("save-token").value = "";
    for (const id of ["save-name", "save-token"]) $(id).removeAttribute("aria-invalid");
    openSave(false);
    $("save-open").focus();
    add(clear($("save-status")), el("p", {class: "saved"}, "Saved. See ", el("a", {href: "alerts.html"}, "Alerts"), "."));
  } catch (error) {
    saveProblem(error.message || String(error), error.status === 401 ? "save-token" : null);
    if (error.status === 401) $("save-token-box").hidden = false;
  } finally {
    button.disabled = false;
  }
}

function wireSave() {
  $("save-open").addEventListener("click", () => openSave($("save-form").hidden));
  $("save-cancel").addEventListener("click", () => { openSave(false); $("save-open").focus(); });
  $("save-form").addEventListener("submit", save);
  $("save-form").addEventListener("keydown", (event) => {
    if (event.key === "Escape") { openSave(false); $("save-open").focus(); }
  });
}

function wire() {
  wireSave();
  let timer = 0;
  $("q").addEventListener("input", () => {
    clearTimeout(timer);
    const q = $("q").value;
    timer = setTimeout(() => {
      update({q}, {push: !typingBurst, typing: true});
      typingBurst = true;
    }, 120);
    clearTimeout(wire.commit);
    wire.commit = setTimeout(() => { typingBurst = false; }, 1000);
  });
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    update({q: $("q").value});
  });
  const slider = $("min-salary");
  let slideTimer = 0;
  slider.addEventListener("input", () => {
    const value = Number(slider.value);
    $("min-salary-out").textContent = value > 0 ? money(value) + "+" : "any";
    clearTimeout(slideTimer);
    slideTimer = setTimeout(() => update({min_salary: value}, {push: false}), 150);
  });
  slider.addEventListener("change", () => {
    clearTimeout(slideTimer);
    update({min_salary: Number(slider.value)});
  });
  $("remote").addEventListener("change", () => update({remote: $("remote").checked}));
  $("clear").addEventListener("click", () => update({role: [], level: [], skill: [], remote: false, min_salary: 0}));
  $("prev").addEventListener("click", () => { update({page: state.page - 1}); window.scrollTo(0, 0); });
  $("next").addEventListener("click", () => { update({page: state.page + 1}); window.scrollTo(0, 0); });
  window.addEventListener("popstate", () => {
    state = readState();
    syncControls();
    run();
  });
  if (window.matchMedia("(max-width: 720px)").matches) $("filter-box").open = false;
}

markNav("search");
syncControls();
wire();
run();
