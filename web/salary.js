// The salary estimator: the model's P10/P50/P90 for a title, level, place and skills, what moved it, and the
// survey's pay bands by level beside the commonly quoted ones.
import {api, el, add, clear, count, label, money, payChart, showError, markNav} from "./app.js";

const $ = (id) => document.getElementById(id);
const FIELDS = ["title", "level", "location", "skills", "company_size"];

function fromUrl() {
  const params = new URLSearchParams(location.search);
  for (const name of FIELDS) if (params.has(name)) $(name).value = params.get(name);
  $("remote").checked = params.get("remote") === "true";
  return params.has("title");
}

async function estimate(push) {
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    const value = $(name).value.trim();
    if (value) params.set(name, value);
  }
  if ($("remote").checked) params.set("remote", "true");
  if (push) history.pushState(null, "", "?" + params.toString());
  const box = clear($("estimate-body"));
  box.append(el("p", {}, "Estimating…"));
  try {
    const a = await api("/salary/estimate?" + params.toString());
    add(clear(box),
      el("p", {class: "big", id: "p50"}, money(a.p50_usd), el("span", {class: "hint"}, " median a year")),
      el("p", {}, `P10 ${money(a.p10_usd)} · P90 ${money(a.p90_usd)} · ${count(a.comparable_records)} comparable records`),
      payChart({p10: a.p10_usd, p50: a.p50_usd, p90: a.p90_usd}),
      a.currency && a.currency !== "USD" && a.p50_local
        ? el("p", {}, `Median in ${a.currency}: ${Math.round(a.p50_local).toLocaleString("en-US")}`) : null,
      el("p", {class: "hint"}, `Read as ${label(a.role)}, ${label(a.level)}, ${a.country}${a.remote ? ", remote" : ""}` +
                               (a.metro ? `, metro ${a.metro}` : "") + "."),
      a.factors && a.factors.length ? el("h3", {}, "What moved it") : null,
      a.factors && a.factors.length ? el("ul", {class: "factors"}, a.factors.map((f) =>
        el("li", {}, `${label(f.name)}: ${f.usd_effect >= 0 ? "+" : "−"}${money(Math.abs(f.usd_effect))}`))) : null,
      a.skills_note ? el("p", {class: "hint"}, a.skills_note) : null);
  } catch (error) {
    showError(box, error);
  }
}

async function bands() {
  const box = $("bands");
  try {
    const answer = await api("/salary/bands?by=level");
    const table = el("table", {},
      el("caption", {class: "visually-hidden"}, "Pay quartiles by level from the survey"),
      el("thead", {}, el("tr", {}, ["Level", "Records", "P25", "Median", "P75", "Commonly quoted"].map((h) => el("th", {scope: "col"}, h)))),
      el("tbody", {}, answer.bands.map((b) => el("tr", {},
        el("th", {scope: "row"}, label(b.key)), el("td", {}, count(b.records)), el("td", {}, money(b.p25_usd)),
        el("td", {}, money(b.p50_usd)), el("td", {}, money(b.p75_usd)), el("td", {}, b.quoted || "—")))));
    clear(box).append(el("div", {class: "table-wrap"}, table));
  } catch (error) {
    clear(box).append(el("p", {class: "hint"}, error.status === 503 ? "No survey loaded on this server." : error.message));
  }
}

markNav("salary");
$("estimate-form").addEventListener("submit", (event) => {
  event.preventDefault();
  estimate(true);
});
window.addEventListener("popstate", () => { if (fromUrl()) estimate(false); });
if (fromUrl()) estimate(false);
bands();
