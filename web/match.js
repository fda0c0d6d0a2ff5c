// Match my résumé: uploads a file (or the pasted text) to /api/v1/match and shows the best postings, each
// score as its parts, the skills matched (with the résumé's sentence) and the missing ones with their worth.
// The résumé goes to this server only, and the server keeps nothing.
import {api, el, add, clear, count, label, money, showError, markNav} from "./app.js";

const $ = (id) => document.getElementById(id);

function partBar(part) {
  const share = part.max_points > 0 ? Math.max(0, part.points) / part.max_points : 0;
  const negative = part.max_points === 0 || part.points < 0;
  return el("li", {class: "part"},
    el("span", {class: "part-name"}, label(part.name)),
    el("span", {class: "meter", role: "meter", "aria-valuemin": 0, "aria-valuemax": part.max_points || 10,
                "aria-valuenow": part.points, "aria-label": `${label(part.name)}: ${part.points} of ${part.max_points}`},
       el("span", {class: negative ? "fill negative" : "fill", style: null, "data-share": share.toFixed(3)})),
    el("span", {class: "part-points"}, `${part.points.toFixed(1)} / ${part.max_points}`),
    el("span", {class: "part-detail hint"}, part.detail));
}

function renderMatch(m, rank) {
  const item = el("li", {class: "match card"},
    el("div", {class: "match-head"},
       el("span", {class: "score", "aria-label": `score ${m.score.toFixed(1)} of 100`}, m.score.toFixed(0)),
       el("div", {},
          el("h3", {}, `${rank}. `, el("a", {href: `posting.html?id=${encodeURIComponent(m.posting_id)}`}, m.title)),
          el("p", {class: "meta"}, m.company || ""),
          el("p", {class: "verdict"}, m.verdict))),
    el("ul", {class: "parts", "aria-label": "Score parts"}, m.parts.map(partBar)),
    m.matched_skills.length ? el("div", {}, el("h4", {}, "You have"),
       el("ul", {class: "chips have"}, m.matched_skills.map((s) =>
         el("li", {title: s.evidence || ""}, s.name + (s.required ? "" : " (plus)"))))) : null,
    m.missing_skills.length ? el("div", {}, el("h4", {}, "Missing"),
       el("ul", {class: "chips missing"}, m.missing_skills.slice(0, 10).map((s) =>
         el("li", {}, `${s.name} +${s.points.toFixed(1)}`)))) : null);
  // Widths are set through the CSSOM (the page's policy allows no inline style attributes).
  for (const fill of item.querySelectorAll(".fill")) fill.style.width = `${Number(fill.dataset.share) * 100}%`;
  return item;
}

function renderProfile(p) {
  return el("section", {class: "card profile", "aria-labelledby": "profile-title"},
    el("h2", {id: "profile-title"}, "Your profile"),
    el("p", {}, `${label(p.role)} · ${label(p.level)} · ${p.total_years} years`,
       el("span", {class: "hint"}, ` (${p.role_evidence}; ${p.level_evidence})`)),
    p.education && p.education.degree ? el("p", {}, `Degree: ${label(p.education.degree)}${p.education.field ? " in " + p.education.field : ""}`) : null,
    el("h3", {}, `Skills found (${p.skills.length})`),
    el("ul", {class: "chips", id: "profile-skills"}, p.skills.map((s) => el("li", {title: s.evidence}, s.name))));
}

async function submit(event) {
  event.preventDefault();
  const result = clear($("result"));
  const file = $("resume-file").files[0];
  const text = $("resume-text").value;
  if (!file && !text.trim()) {
    return showError(result, new Error("Choose a résumé file or paste its text."));
  }
  const params = new URLSearchParams({top: $("top").value});
  if ($("want-salary").value) params.set("want_salary", $("want-salary").value);
  if ($("want-remote").checked) params.set("want_remote", "true");
  if ($("location").value.trim()) params.set("location", $("location").value.trim());
  let body;
  if (file) {
    if (file.size > 10 * 1024 * 1024) return showError(result, new Error("The file is over 10 MB."));
    body = new FormData();
    body.append("resume", file, file.name);
  } else {
    body = new Blob([text], {type: "text/plain; charset=utf-8"});
  }
  result.append(el("p", {role: "status"}, "Reading your résumé and ranking the market…"));
  const button = event.target.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const answer = await api("/match?" + params.toString(), {method: "POST", body});
    add(clear(result),
      renderProfile(answer.profile),
      el("h2", {id: "matches-title"}, `Best ${answer.matches.length} of ${count(answer.postings)} postings`),
      answer.matches.length
        ? el("ol", {class: "matches", "aria-labelledby": "matches-title"}, answer.matches.map((m, i) => renderMatch(m, i + 1)))
        : el("p", {}, "No posting names any of the skills found."));
    $("profile-title").focus?.();
  } catch (error) {
    showError(result, error);
  } finally {
    button.disabled = false;
  }
}

markNav("match");
$("match-form").addEventListener("submit", submit);
$("resume-file").addEventListener("change", () => { if ($("resume-file").files.length) $("resume-text").value = ""; });
