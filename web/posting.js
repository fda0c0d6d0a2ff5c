// A posting: its text with the skills the engine found highlighted (byte spans from the API), and its posted
// pay beside the salary model's estimate for the same title, level, place and skills.
import {api, el, add, clear, label, money, postedPay, payChart, showError, markNav} from "./app.js";

const $ = (id) => document.getElementById(id);
const id = new URLSearchParams(location.search).get("id") || "";

// The description with each skill span in a <mark>. Spans are UTF-8 byte offsets, so the text is cut as bytes.
function highlighted(description, skills) {
  const bytes = new TextEncoder().encode(description);
  const decode = (a, b) => new TextDecoder().decode(bytes.subarray(a, b));
  const spans = skills.filter((s) => s.end > s.begin && s.end <= bytes.length).sort((a, b) => a.begin - b.begin || b.end - a.end);
  const out = el("div", {class: "description", id: "description"});
  let at = 0;
  for (const span of spans) {
    if (span.begin < at) continue;  // overlapping: the first one wins
    if (span.begin > at) out.append(decode(at, span.begin));
    const kind = span.requirement === "nice_to_have" ? "nice" : "asked";
    out.append(el("mark", {class: `skill ${kind}`, "data-skill": span.id,
                           title: `${span.name} (${span.requirement === "nice_to_have" ? "a plus" : "asked"})`},
                  decode(span.begin, span.end)));
    at = span.end;
  }
  if (at < bytes.length) out.append(decode(at, bytes.length));
  return out;
}

function renderPosting(p) {
  document.title = `${p.title} · jobscope`;
  const article = clear($("posting"));
  const skills = [...new Map((p.skills || []).map((s) => [s.id, s])).values()];
  add(article,
    el("h1", {}, p.title || "(untitled)"),
    el("p", {class: "meta"}, [p.company, p.location, p.remote && p.remote !== "unknown" ? label(p.remote) : null,
                              p.date_posted ? `posted ${p.date_posted}` : null].filter(Boolean).join(" · ")),
    el("dl", {class: "facts"},
       el("dt", {}, "Role"), el("dd", {}, label(p.role)),
       el("dt", {}, "Level"), el("dd", {}, label(p.level)),
       p.years_experience_min != null ? [el("dt", {}, "Years asked"), el("dd", {}, `${p.years_experience_min}+`)] : null,
       p.employment_type && p.employment_type !== "unknown" ? [el("dt", {}, "Type"), el("dd", {}, label(p.employment_type))] : null),
    el("h2", {}, "Skills"),
    el("p", {class: "hint"}, "Highlighted in the text below: ", el("mark", {class: "skill asked"}, "asked"), " and ",
       el("mark", {class: "skill nice"}, "a plus"), "."),
    el("ul", {class: "chips", id: "skill-list"}, skills.map((s) =>
       el("li", {class: s.requirement === "nice_to_have" ? "nice" : ""}, s.name))),
    el("h2", {}, "Description"),
    highlighted(p.description || "", p.skills || []),
    p.url ? el("p", {}, el("a", {href: p.url, rel: "noopener noreferrer"}, "Original posting")) : null);
}

async function estimate(p) {
  const box = clear($("pay"));
  const posted = postedPay(p.salary);
  box.append(el("p", {}, el("strong", {}, "Posted: "), posted || "not stated"));
  const base = new URLSearchParams({title: p.title || ""});
  if (p.level && p.level !== "unknown") base.set("level", p.level);
  if (p.remote === "remote") base.set("remote", "true");
  const skills = [...new Set((p.skills || []).map((s) => s.id))].slice(0, 20);
  if (skills.length) base.set("skills", skills.join(","));
  // The place as precisely as the model knows it: city and country, else the country, else none.
  const places = [[p.city, p.region, p.country].filter(Boolean).join(", "), p.country, ""];
  let answer = null, lastError = null;
  for (const place of [...new Set(places)]) {
    const params = new URLSearchParams(base);
    if (place) params.set("location", place);
    try {
      answer = await api("/salary/estimate?" + params.toString());
      break;
    } catch (error) {
      lastError = error;
      if (error.status !== 400) break;
    }
  }
  if (!answer) {
    box.append(el("p", {class: "error"}, "No estimate: " + (lastError ? lastError.message : "")));
    return;
  }
  const s = p.salary || {};
  add(box,
    el("p", {id: "estimate"}, el("strong", {}, "Estimate: "), `${money(answer.p50_usd)} median`,
       el("span", {class: "hint"}, ` (P10 ${money(answer.p10_usd)} – P90 ${money(answer.p90_usd)}; ` +
                                   `${answer.comparable_records} comparable records)`)),
    payChart({p10: answer.p10_usd, p50: answer.p50_usd, p90: answer.p90_usd,
              postedLow: s.annual_min_usd, postedHigh: s.annual_max_usd}),
    el("p", {class: "hint"}, `For ${label(answer.role)}, ${label(answer.level)}, ${answer.country}` +
                             (answer.remote ? ", remote" : "") + "."));
}

async function similar() {
  const list = clear($("similar"));
  try {
    const page = await api(`/postings/${encodeURIComponent(id)}/similar?limit=5`);
    for (const hit of page.hits) {
      list.append(el("li", {}, el("a", {href: `posting.html?id=${encodeURIComponent(hit.id)}`}, hit.title),
                     el("span", {class: "hint"}, ` ${hit.company || ""}`)));
    }
    if (!page.hits.length) list.append(el("li", {class: "hint"}, "none"));
  } catch (error) {
    list.append(el("li", {class: "error"}, error.message));
  }
}

async function main() {
  markNav("search");
  if (document.referrer && new URL(document.referrer).origin === location.origin) {
    $("back").addEventListener("click", (event) => { event.preventDefault(); history.back(); });
  }
  if (!id) return showError($("posting"), new Error("No posting id: open a posting from the search page."));
  try {
    const posting = await api(`/postings/${encodeURIComponent(id)}`);
    renderPosting(posting);
    await Promise.all([estimate(posting), similar()]);
  } catch (error) {
    showError($("posting"), error);
    clear($("pay"));
  }
}

main();
