// The market dashboard: skills in demand, pay by level and role (median, P25-P75, sample sizes; fewer than
// 30 postings marked thin), postings per month, roles and work modes. Charts are SVG drawn by app.js.
import {api, el, clear, count, label, money, barChart, rangeChart, columnChart, showError, markNav} from "./app.js";

const $ = (id) => document.getElementById(id);
const LEVELS = ["intern", "entry", "mid", "senior", "lead", "executive", "unknown"];

function tile(value, text) {
  return el("div", {class: "tile"}, el("span", {class: "big"}, value), el("span", {class: "hint"}, text));
}

function payRanges(byKey, order) {
  const keys = Object.keys(byKey).filter((k) => byKey[k].postings_with_salary > 0 && byKey[k].median_annual_usd);
  if (order) keys.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  else keys.sort((a, b) => byKey[b].median_annual_usd - byKey[a].median_annual_usd);
  return keys.map((k) => {
    const v = byKey[k], mid = v.median_annual_usd;
    return {label: label(k), low: v.p25_annual_usd ?? mid, mid, high: v.p75_annual_usd ?? mid, n: v.postings_with_salary};
  });
}

// Draws a chart at the width its box has, so one SVG unit is one pixel and labels keep their size.
function put(id, draw, empty = "No data yet.") {
  const box = $(id);
  const width = Math.max(300, Math.floor(box.clientWidth || 560));
  clear(box).append(draw ? draw(width) : el("p", {class: "hint"}, empty));
}

async function main() {
  markNav("dashboard");
  let s;
  try {
    s = await api("/stats?top=20");
  } catch (error) {
    return showError($("headline"), error);
  }
  const pay = s.salary || {};
  clear($("headline")).append(
    tile(count(s.postings), "unique postings"),
    tile(count(s.duplicates), "duplicates linked"),
    tile(count(pay.postings_with_salary), "state pay"),
    tile(money(pay.median_annual_usd), "median stated pay"));
  put("skills-chart", s.top_skills.length ? (width) => barChart(
      s.top_skills.map((k) => ({label: k.name, value: k.postings, note: `${Math.round(k.share * 100)}%`})),
      {title: "Postings naming each skill", width}) : null);
  const levels = payRanges(s.salary_by_level || {}, LEVELS);
  put("level-pay", levels.length ? (width) => rangeChart(levels, {title: "Pay by level", width}) : null, "No postings state pay.");
  const roles = payRanges(s.salary_by_role || {});
  put("role-pay", roles.length ? (width) => rangeChart(roles, {title: "Pay by role", width}) : null, "No postings state pay.");
  const months = Object.entries(s.by_month || {}).sort(([a], [b]) => a.localeCompare(b));
  put("months", months.length ? (width) => columnChart(months.map(([m, n]) => ({label: m, value: n})),
                                                       {title: "Postings per month of posting date", width}) : null,
      "No posting dates in this store.");
  const byRole = Object.entries(s.by_role || {}).sort((a, b) => b[1] - a[1]);
  put("roles", byRole.length ? (width) => barChart(byRole.map(([r, n]) => ({label: label(r), value: n})), {title: "Postings by role", width}) : null);
  const byRemote = Object.entries(s.by_remote || {}).sort((a, b) => b[1] - a[1]);
  put("remote", byRemote.length ? (width) => barChart(byRemote.map(([r, n]) => ({label: label(r), value: n})), {title: "Postings by work mode", width}) : null);
}

main();
