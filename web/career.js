// Career: where a person can go from here (the career graph's next roles with fit, pay now and there and the
// skills to learn), a learning plan towards a target role, and a newcomer's start in each specialisation, from
// /api/v1/career (a résumé is POSTed and never stored; skills, role and level given by hand are a GET).
// Every figure carries its source as a tooltip; one from fewer than 30 records shows a "thin" badge.
import {api, el, add, clear, count, label, money, showError, markNav} from "./app.js";

const $ = (id) => document.getElementById(id);

const ROLES = ["ml_engineer", "deep_learning_engineer", "nlp_engineer", "computer_vision_engineer", "research_scientist",
               "data_scientist", "data_engineer", "mlops_engineer", "ai_architect", "ai_product_manager", "data_analyst",
               "software_engineer"];
const KINDS = [
  ["advancement", "The same role one rung up."],
  ["lateral_advancement", "Another role one rung up."],
  ["similar_role", "Another role on your rung whose postings ask for nearly the same skills."],
  ["lateral_transition", "Another role on your rung."],
];
const EVIDENCE = {
  ladder: ["career ladder", "a move the field describes"],
  onet: ["O*NET", "O*NET lists it as a related occupation"],
  market: ["market", "the postings of both ask for similar skills"],
};
const FIELDS = ["skills", "role", "level", "location"];

// "data_scientist:mid" -> "Data scientist · Mid".
function nodeName(node) {
  const [role, level] = String(node || "").split(":");
  return level ? `${label(role)} · ${label(level)}` : label(role);
}

function signed(usd) {
  if (!Number.isFinite(usd)) return "—";
  return usd < 0 ? `−${money(-usd)}` : `+${money(usd)}`;
}

function percent(share) {
  return `${Math.round((share || 0) * 100)}%`;
}

function plural(n, one, many = one + "s") {
  return `${count(n)} ${n === 1 ? one : many}`;
}

// The visible mark of a figure from fewer than 30 records, its source in the tooltip.
function thinBadge(thin, source) {
  return thin ? el("span", {class: "badge thin", title: `Thin: fewer than 30 records. ${source || ""}`.trim()}, "thin") : null;
}

// A figure: its text with the source as a tooltip, and the thin badge when it is thin.
function figure(text, thin, source, attrs = {}) {
  return el("span", {class: "figure", title: source || null, ...attrs}, text, thinBadge(thin, source));
}

// A pay band {p10, p50, p90, records, thin, source}: "$137k (P10–P90 $83k–$249k)".
function pay(band, attrs = {}) {
  if (!band) return "—";
  return figure([el("strong", {}, money(band.p50)), el("span", {class: "hint"}, ` (P10–P90 ${money(band.p10)}–${money(band.p90)})`)],
                band.thin, band.source, attrs);
}

function payChange(change) {
  const source = `${change.source}; ${count(change.source_records)} records where you are, ${count(change.target_records)} there`;
  return figure([el("strong", {class: change.median < 0 ? "down" : "up"}, signed(change.median)),
                 el("span", {class: "hint"}, ` (90% interval ${signed(change.low)} to ${signed(change.high)})`)],
                change.thin, source);
}

function fitMeter(next) {
  const fit = Math.max(0, Math.min(100, next.fit || 0));
  return el("div", {class: "fit", title: next.fit_source},
    el("span", {class: "fit-name"}, "Fit"),
    el("span", {class: "meter", role: "meter", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": fit,
                "aria-label": `Fit: ${fit.toFixed(0)} of 100 (${next.fit_source})`},
       el("span", {class: "fill", "data-share": (fit / 100).toFixed(3)})),
    el("span", {class: "fit-points"}, `${fit.toFixed(0)} / 100`));
}

function renderNext(next) {
  const [role, level] = next.node.split(":");
  return el("li", {class: "card next-role", "data-node": next.node},
    el("h4", {}, nodeName(next.node)),
    fitMeter(next),
    el("dl", {class: "facts"},
      el("dt", {}, "Pay now"), el("dd", {}, pay(next.pay_now, {class: "figure pay-now"})),
      el("dt", {}, "Pay there"), el("dd", {}, pay(next.pay_there, {class: "figure pay-there"})),
      el("dt", {}, "Change"), el("dd", {}, payChange(next.pay_change)),
      el("dt", {}, "Postings"), el("dd", {},
        figure(count(next.postings), next.thin, `${next.postings_source || "postings"}: ${count(next.postings)}`),
        " ", el("a", {href: `/?role=${encodeURIComponent(role)}&level=${encodeURIComponent(level)}`}, "see them"))),
    next.evidence && next.evidence.length ? el("div", {},
      el("h5", {}, "Why this move"),
      el("ul", {class: "chips evidence"}, next.evidence.map((e) =>
        el("li", {title: (EVIDENCE[e] || [e, e])[1]}, (EVIDENCE[e] || [e])[0])))) : null,
    el("div", {},
      el("h5", {}, "Skills to learn"),
      next.gap && next.gap.length
        ? el("ul", {class: "chips missing"}, next.gap.map((g) =>
            el("li", {title: `${percent(g.target_share)} of the postings there ask for it, ${percent(g.source_share)} of yours`}, g.name)))
        : el("p", {class: "hint"}, "None: the postings there ask for the skills yours do.")));
}

function renderNextRoles(nexts) {
  const section = el("section", {class: "next-roles", "aria-labelledby": "next-title"},
    el("h2", {id: "next-title"}, `Where you can go next (${nexts.length})`));
  for (const [kind, meaning] of KINDS) {
    const group = nexts.filter((n) => n.kind === kind);
    if (!group.length) continue;
    const id = `kind-${kind}`;
    add(section, el("div", {class: "kind", "data-kind": kind},
      el("h3", {id}, `${label(kind)} `, el("span", {class: "count"}, `(${group.length})`)),
      el("p", {class: "hint"}, meaning),
      el("ul", {class: "next-list", "aria-labelledby": id}, group.map(renderNext))));
  }
  const other = nexts.filter((n) => !KINDS.some(([kind]) => kind === n.kind));
  if (other.length) {
    add(section, el("div", {class: "kind"}, el("h3", {}, "Other moves"),
                    el("ul", {class: "next-list"}, other.map(renderNext))));
  }
  return section;
}

function premium(p) {
  if (!p) return "—";
  const source = `pay premium of the skill over ${count(p.postings)} postings, 95% interval`;
  return figure([signed(p.usd), el("span", {class: "hint"}, ` (${signed(p.ci_low)} to ${signed(p.ci_high)})`)], p.thin, source);
}

function skillTitle(s) {
  const parts = [];
  if (s.prerequisite_only) parts.push("a prerequisite of a skill below");
  else parts.push(`${percent(s.demand)} of the postings there ask for it (${count(s.demand_postings)})`);
  if (s.premium) parts.push(`premium ${signed(s.premium.usd)}`);
  return parts.join("; ");
}

function exampleLink(id) {
  return el("li", {}, el("a", {href: `posting.html?id=${encodeURIComponent(id)}`, class: "example", "data-id": id}, `posting ${id}`));
}

function renderStage(stage) {
  return el("li", {class: "stage card"},
    el("h4", {}, `Stage ${stage.stage}`),
    el("ul", {class: "chips plan-skills"}, stage.skills.map((s) =>
      el("li", {class: s.prerequisite_only ? "prereq" : null, title: skillTitle(s)},
         s.name, s.prerequisite_only ? el("span", {class: "tag"}, " prerequisite") : null))),
    el("p", {class: "unlocks"},
       `Unlocks ${plural(stage.unlocks, "more posting", "more postings")} (${count(stage.unlocked_total)} in all)`),
    stage.example_postings && stage.example_postings.length
      ? el("div", {class: "examples"}, el("span", {class: "hint"}, "For example: "),
           el("ul", {class: "inline-list"}, stage.example_postings.map(exampleLink)))
      : null);
}

function renderPlan(t) {
  const section = el("section", {class: "card plan", "aria-labelledby": "plan-title"},
    el("h2", {id: "plan-title"}, `Your plan to ${nodeName(t.node)}`),
    el("dl", {class: "facts"},
      el("dt", {}, "Pay there"), el("dd", {}, pay(t.pay)),
      el("dt", {}, "Postings"), el("dd", {},
        figure(count(t.graph_postings), t.thin, `postings in the career graph for ${nodeName(t.node)}`)),
      el("dt", {}, "You qualify now"), el("dd", {},
        `${count(t.unlocked_now)} of the ${plural(t.postings_considered, "stored posting")} there`)),
    t.skills_pooled ? el("p", {class: "hint"}, "Too few postings at this level: the skills asked are the role's at all levels.") : null,
    el("h3", {id: "missing-title"}, "Skills you miss"));
  if (t.missing.length) {
    add(section, el("div", {class: "table-wrap"}, el("table", {class: "missing-table"},
      el("caption", {class: "visually-hidden"}, "Skills the target's postings ask for that you do not have, most valuable first"),
      el("thead", {}, el("tr", {}, ["Skill", "Demand", "Pay premium", "Value"].map((h) => el("th", {scope: "col"}, h)))),
      el("tbody", {}, t.missing.map((s) => el("tr", {},
        el("th", {scope: "row"}, s.name, s.prerequisite_only ? el("span", {class: "tag"}, " prerequisite") : null),
        el("td", {title: `${count(s.demand_postings)} postings`}, percent(s.demand)),
        el("td", {}, premium(s.premium)),
        el("td", {title: "demand × (1 + premium / the target's median pay)"}, (s.value ?? 0).toFixed(2))))))),
      el("p", {class: "hint"}, "Value: demand × (1 + premium / the median pay there); only a premium whose interval is above zero counts."));
  } else {
    add(section, el("p", {}, "You hold every skill the postings there ask for."));
  }
  add(section, el("h3", {id: "stages-title"}, "Learning plan"));
  if (t.stages.length) {
    add(section, el("p", {class: "hint"}, "Each stage puts its prerequisites first; a posting is within reach when you hold 60% of the technical skills it asks for."),
        el("ol", {class: "stages", "aria-labelledby": "stages-title"}, t.stages.map(renderStage)));
  } else {
    add(section, el("p", {}, "Nothing to learn."));
  }
  return section;
}

function renderStart(starts) {
  return el("section", {class: "start", "aria-labelledby": "start-title"},
    el("h2", {id: "start-title"}, "How to start in each specialisation"),
    el("ul", {class: "start-grid"}, starts.map((s) => {
      const named = s.first_skill_names || [];
      const stages = s.first_skills.map((stage, i) => stage.map((id, k) => (named[i] || [])[k] || id));
      return el("li", {class: "card start-card", "data-role": s.role},
        el("h3", {}, label(s.role)),
        el("h4", {}, "First skills, in order"),
        el("ol", {class: "flow"}, stages.map((names, i) =>
          el("li", {}, el("span", {class: "visually-hidden"}, `Stage ${i + 1}: `),
             el("ul", {class: "chips"}, names.map((n) => el("li", {}, n)))))),
        el("h4", {}, "First roles"),
        el("ul", {class: "first-roles"}, s.first_roles.map((r) => {
          const [role, level] = r.node.split(":");
          return el("li", {},
            el("a", {href: `/?role=${encodeURIComponent(role)}&level=${encodeURIComponent(level)}`}, nodeName(r.node)), " ",
            figure(plural(r.postings, "posting"), r.thin, `stored postings for ${nodeName(r.node)}: ${count(r.postings)}`, {class: "figure count"}));
        })),
        el("p", {class: "entry-pay"}, el("span", {class: "hint"}, "Entry pay "), pay(s.entry_pay)));
    })));
}

function renderHere(answer, askedStart) {
  if (answer.current) {
    return el("section", {class: "card here", "aria-labelledby": "here-title"},
      el("h2", {id: "here-title", tabindex: "-1"}, `You are here: ${nodeName(answer.current)}`),
      el("p", {class: "hint"}, `Level: ${answer.level_source || "given"}.`));
  }
  return el("section", {class: "card here", "aria-labelledby": "here-title"},
    el("h2", {id: "here-title", tabindex: "-1"}, "You are starting out"),
    el("p", {class: "hint"}, askedStart
      ? "For each specialisation: the first skills to learn, in order; the entry roles that lead into it; the pay to expect."
      : `${answer.note ? answer.note[0].toUpperCase() + answer.note.slice(1) + "." : "What you gave does not place you in one of the career graph's roles."} Here is how to start in each of them.`));
}

// Example postings are named by id; their titles come after, one request each.
async function nameExamples(root) {
  await Promise.all([...root.querySelectorAll("a.example")].map(async (link) => {
    try {
      const p = await api(`/postings/${encodeURIComponent(link.dataset.id)}`);
      link.textContent = [p.title, p.company].filter(Boolean).join(", ") || link.textContent;
    } catch {
      // The id stays as the link's text.
    }
  }));
}

function fillRoles(select) {
  for (const role of ROLES) select.append(el("option", {value: role}, label(role)));
}

function handParams() {
  const params = new URLSearchParams();
  if ($("start").checked) {
    params.set("start", "true");
  } else {
    const skills = $("skills").value.split(",").map((s) => s.trim()).filter(Boolean).join(",");
    if (skills) params.set("skills", skills);
    if ($("role").value) params.set("role", $("role").value);
    if ($("level").value) params.set("level", $("level").value);
  }
  return params;
}

function commonParams(params) {
  if ($("target").value) params.set("target", $("target").value + ($("target-level").value ? ":" + $("target-level").value : ""));
  if ($("location").value.trim()) params.set("location", $("location").value.trim());
  return params;
}

function fromUrl() {
  const params = new URLSearchParams(location.search);
  for (const name of FIELDS) $(name).value = params.get(name) || "";
  const [role, level] = (params.get("target") || "").split(":");
  $("target").value = role || "";
  $("target-level").value = level || "";
  $("start").checked = params.get("start") === "true";
  syncStart();
  return ["skills", "role", "level", "target", "start"].some((name) => params.has(name));
}

function syncStart() {
  $("who-resume").disabled = $("who-hand").disabled = $("start").checked;
}

async function plan({push}) {
  const result = clear($("result"));
  const file = $("start").checked ? null : $("resume-file").files[0];
  const text = $("start").checked ? "" : $("resume-text").value;
  if ($("target-level").value && !$("target").value) {
    return showError(result, new Error("Choose a target role for the target level."));
  }
  let request;
  if (file || text.trim()) {
    if (file && file.size > 10 * 1024 * 1024) return showError(result, new Error("The file is over 10 MB."));
    let body;
    if (file) {
      body = new FormData();
      body.append("resume", file, file.name);
    } else {
      body = new Blob([text], {type: "text/plain; charset=utf-8"});
    }
    // The résumé is not part of the address; an earlier hand-made plan's address is dropped.
    if (push && location.search) history.pushState(null, "", location.pathname);
    request = api("/career?" + commonParams(new URLSearchParams()).toString(), {method: "POST", body});
  } else {
    const params = commonParams(handParams());
    if (push) history.pushState(null, "", "?" + params.toString());
    request = api("/career?" + params.toString());
  }
  result.append(el("p", {role: "status"}, file || text.trim() ? "Reading your résumé and planning…" : "Planning…"));
  const button = $("career-form").querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const answer = await request;
    add(clear(result),
      renderHere(answer, $("start").checked),
      answer.next && answer.next.length ? renderNextRoles(answer.next) : null,
      answer.target ? renderPlan(answer.target) : null,
      answer.start && answer.start.length ? renderStart(answer.start) : null);
    // Widths are set through the CSSOM (the page's policy allows no inline style attributes).
    for (const fill of result.querySelectorAll(".fill[data-share]")) fill.style.width = `${Number(fill.dataset.share) * 100}%`;
    if (push) $("here-title").focus();
    nameExamples(result);
  } catch (error) {
    showError(result, error.status === 503 ? new Error("This server has no career graph.") : error);
  } finally {
    button.disabled = false;
  }
}

markNav("career");
fillRoles($("role"));
fillRoles($("target"));
$("career-form").addEventListener("submit", (event) => {
  event.preventDefault();
  plan({push: true});
});
$("start").addEventListener("change", syncStart);
$("resume-file").addEventListener("change", () => { if ($("resume-file").files.length) $("resume-text").value = ""; });
window.addEventListener("popstate", () => { if (fromUrl()) plan({push: false}); else clear($("result")); });
if (fromUrl()) plan({push: false});
