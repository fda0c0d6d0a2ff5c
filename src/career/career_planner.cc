// A person's career plan: next roles from the graph with the matcher's fit, pay and demand; a target's
// missing skills ranked by demand and pay premium and staged by prerequisites; a newcomer's ways in.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "base/statistics.h"
#include "base/strings.h"
#include "career/career.h"

namespace jobscope::career {
namespace {

constexpr size_t kFitPostings = 10;     // the fit is the median score of the best this many postings
constexpr double kPlanMinShare = 0.05;  // a target skill asked by fewer postings is not worth a plan slot
constexpr size_t kPlanSkills = 12;
// Share of a posting's asked technical skills that makes it worth applying to: the usual advice is to apply
// when you meet about 60% of a posting's requirements.
constexpr double kCoveredToApply = 0.6;
constexpr size_t kStartSkills = 8;
constexpr size_t kStartRoles = 4;
constexpr size_t kExamples = 3;

std::vector<Level> RungLevels(Level rung) {
  switch (rung) {
    case Level::kEntry:
      return {Level::kIntern, Level::kEntry};
    case Level::kLead:
      return {Level::kLead, Level::kExecutive};
    default:
      return {rung};
  }
}

Level LevelFromYears(double years) {
  if (years < 2) return Level::kEntry;
  if (years < 5) return Level::kMid;
  if (years < 10) return Level::kSenior;
  return Level::kLead;
}

// The posting a node stands for: its most asked skills as asked, the rest as pluses.
match::PostingFacts TypicalPosting(const CareerNode& node) {
  match::PostingFacts facts;
  facts.id = node.Key();
  facts.role = node.role;
  facts.level = node.level;
  for (const auto& skill : node.skills) {
    if (facts.skills.size() == 15) break;
    facts.skills.push_back({skill.skill_id, skill.name, skill.share >= 0.25, true});
  }
  return facts;
}

struct Fit {
  double score = 0;
  int64_t postings = 0;
  std::string source;
};

Fit FitAt(const match::Profile& profile, const CareerNode& node, const PlanSources& sources) {
  if (sources.market) {
    index::Filters filters;
    filters.roles = {node.role};
    filters.levels = RungLevels(node.level);
    std::vector<match::Match> best = sources.market->TopMatches(profile, filters, kFitPostings);
    if (!best.empty()) {
      std::vector<double> scores;
      for (const auto& m : best) scores.push_back(m.score);
      return {Median(scores), static_cast<int64_t>(best.size()),
              "matcher: median score of your best " + std::to_string(best.size()) + " stored postings there"};
    }
  }
  match::Match typical = match::ScoreMatch(profile, TypicalPosting(node),
                                           sources.market ? sources.market->weights() : match::SkillWeights());
  return {typical.score, 0, "matcher: the node's typical posting (its most asked skills in the career graph)"};
}

PayAt PayOf(const CareerNode& node, const CareerGraph& graph, const PlanSources& sources) {
  // The model answers for any place; in the US, where the graph's own records are, a thin model cell gives
  // way to the graph's figure when that one is not thin.
  bool graph_answers = sources.country == "US" && !node.pay.thin();
  if (sources.pay_model) {
    salary::SalaryQuery query;
    query.role = node.role;
    query.level = node.level;
    query.country = sources.country;
    query.metro = sources.metro;
    auto estimate = sources.pay_model->Estimate(query);
    if (estimate.ok() && (estimate->comparable_records >= kThinRecords || !graph_answers)) {
      return {estimate->p10, estimate->p50, estimate->p90, estimate->comparable_records,
              "salary model in " + sources.country + ", " + std::to_string(estimate->comparable_records) +
                  " comparable records" + (estimate->fallback.empty() ? "" : " (" + estimate->fallback + ")")};
    }
  }
  auto it = graph.sources.find("pay");
  return {node.pay.p10, node.pay.p50, node.pay.p90, node.pay.records,
          "career graph: " + std::to_string(node.pay.records) + " US pay records (" +
              (it == graph.sources.end() ? "" : it->second) + ")"};
}

bool IsAt(const match::PostingFacts& posting, Role role, Level rung) {
  return posting.role == role && LadderLevel(posting.level) == rung;
}

// The technical skills a posting asks for (all its technical skills when it marks none as asked).
std::vector<std::string> AskedSkills(const match::PostingFacts& posting) {
  std::vector<std::string> asked, all;
  for (const auto& skill : posting.skills) {
    if (!skill.technical) continue;
    all.push_back(skill.skill_id);
    if (skill.required) asked.push_back(skill.skill_id);
  }
  return asked.empty() ? all : asked;
}

bool Covered(const std::vector<std::string>& asked, const std::set<std::string, std::less<>>& held) {
  if (asked.empty()) return false;
  size_t have = 0;
  for (const auto& id : asked) have += held.count(id);
  return static_cast<double>(have) / asked.size() >= kCoveredToApply;
}

std::string NameOf(const CareerGraph& graph, const SkillGraph& skill_graph, const std::string& skill_id) {
  for (const auto& node : graph.nodes) {
    for (const auto& skill : node.skills) {
      if (skill.skill_id == skill_id) return skill.name;
    }
  }
  for (const auto& edge : graph.edges) {
    for (const auto& skill : edge.gap) {
      if (skill.skill_id == skill_id) return skill.name;
    }
  }
  return skill_graph.Name(skill_id);
}

// What the person holds: the profile's skills and what they are built on.
std::set<std::string, std::less<>> Held(const match::Profile& profile, const SkillGraph& skill_graph) {
  std::vector<std::string> known;
  for (const auto& skill : profile.skills) known.push_back(skill.skill_id);
  std::vector<std::string> all = skill_graph.WithPrerequisites(known);
  return {all.begin(), all.end()};
}

TargetPlan PlanTarget(const match::Profile& profile, const CareerNode& node, const CareerGraph& graph,
                      const SkillGraph& skill_graph, const PlanSources& sources) {
  TargetPlan plan;
  plan.key = node.Key();
  plan.role = node.role;
  plan.level = node.level;
  plan.target_postings = node.postings;
  plan.skills_pooled = node.skills_pooled;
  plan.pay_there = PayOf(node, graph, sources);
  std::set<std::string, std::less<>> held = Held(profile, skill_graph);

  for (const auto& skill : node.skills) {
    if (held.count(skill.skill_id) || skill.share < kPlanMinShare) continue;
    PlannedSkill planned{skill.skill_id, skill.name, skill.share, skill.postings, std::nullopt, 0, false};
    double uplift = 0;
    if (const SkillPremiumFigure* premium = graph.Premium(skill.skill_id)) {
      planned.premium = *premium;
      // Only a premium whose interval is above zero raises a skill's value; the rest is noise.
      if (premium->ci_low > 0 && node.pay.p50 > 0) uplift = premium->premium_usd / node.pay.p50;
    }
    planned.value = skill.share * (1 + uplift);
    plan.missing.push_back(std::move(planned));
  }
  std::stable_sort(plan.missing.begin(), plan.missing.end(), [](const PlannedSkill& a, const PlannedSkill& b) {
    return a.value != b.value ? a.value > b.value : a.skill_id < b.skill_id;
  });
  if (plan.missing.size() > kPlanSkills) plan.missing.resize(kPlanSkills);

  std::vector<std::string> goals;
  for (const auto& skill : plan.missing) goals.push_back(skill.skill_id);
  std::vector<std::string> known(held.begin(), held.end());
  std::vector<std::vector<std::string>> stages = skill_graph.Stages(goals, known);

  // The target's stored postings, and which of them each stage brings within reach.
  std::vector<std::pair<std::string, std::vector<std::string>>> targets;  // id, asked skills
  if (sources.market) {
    sources.market->ForEachPosting([&](const match::PostingFacts& posting) {
      if (IsAt(posting, node.role, node.level)) targets.push_back({posting.id, AskedSkills(posting)});
    });
  }
  plan.postings_considered = static_cast<int64_t>(targets.size());
  std::vector<bool> reached(targets.size(), false);
  for (size_t i = 0; i < targets.size(); ++i) {
    reached[i] = Covered(targets[i].second, held);
    plan.unlocked_now += reached[i];
  }
  int64_t total = plan.unlocked_now;
  for (size_t s = 0; s < stages.size(); ++s) {
    PlanStage stage;
    stage.number = static_cast<int>(s + 1);
    for (const auto& id : stages[s]) {
      auto goal = std::find_if(plan.missing.begin(), plan.missing.end(),
                               [&](const PlannedSkill& p) { return p.skill_id == id; });
      if (goal != plan.missing.end()) {
        stage.skills.push_back(*goal);
      } else {
        PlannedSkill prerequisite{id, NameOf(graph, skill_graph, id), 0, 0, std::nullopt, 0, true};
        for (const auto& skill : node.skills) {
          if (skill.skill_id == id) prerequisite.demand = skill.share, prerequisite.demand_postings = skill.postings;
        }
        if (const SkillPremiumFigure* premium = graph.Premium(id)) prerequisite.premium = *premium;
        stage.skills.push_back(std::move(prerequisite));
      }
      held.insert(id);
    }
    for (size_t i = 0; i < targets.size(); ++i) {
      if (reached[i] || !Covered(targets[i].second, held)) continue;
      reached[i] = true;
      ++stage.unlocks;
      if (stage.example_postings.size() < kExamples) stage.example_postings.push_back(targets[i].first);
    }
    total += stage.unlocks;
    stage.unlocked_total = total;
    plan.stages.push_back(std::move(stage));
  }
  return plan;
}

StartGuide StartIn(Role role, const CareerGraph& graph, const SkillGraph& skill_graph, const PlanSources& sources) {
  StartGuide guide;
  guide.role = role;
  const CareerNode* entry = graph.Node(role, Level::kEntry);
  if (!entry) return guide;
  std::vector<std::string> goals;
  for (const auto& skill : entry->skills) {
    if (goals.size() == kStartSkills) break;
    goals.push_back(skill.skill_id);
  }
  guide.first_skills = skill_graph.Stages(goals, {});
  for (const auto& stage : guide.first_skills) {
    guide.first_skill_names.emplace_back();
    for (const auto& id : stage) guide.first_skill_names.back().push_back(NameOf(graph, skill_graph, id));
  }
  // Ways in: the role's own entry rung (when postings ask for it), then the entry rungs of roles that move
  // into it, most asked first.
  std::vector<const CareerNode*> ways = {entry};
  const CareerNode* mid = graph.Node(role, Level::kMid);
  for (const CareerNode* into : {entry, mid}) {
    if (!into) continue;
    for (const CareerEdge* edge : graph.EdgesTo(into->Key())) {
      const CareerNode* from = graph.Node(edge->from);
      if (from && from->level == Level::kEntry && from->role != role &&
          std::find(ways.begin(), ways.end(), from) == ways.end()) {
        ways.push_back(from);
      }
    }
  }
  std::stable_sort(ways.begin() + 1, ways.end(),
                   [](const CareerNode* a, const CareerNode* b) { return a->postings > b->postings; });
  if (entry->postings == 0 && ways.size() > 1) ways.erase(ways.begin());
  if (ways.size() > kStartRoles) ways.resize(kStartRoles);
  for (const CareerNode* way : ways) {
    guide.first_roles.push_back(way->Key());
    guide.first_role_postings.push_back(way->postings);
  }
  guide.entry_pay = PayOf(*entry, graph, sources);
  return guide;
}

}  // namespace

StatusOr<Person> PersonFromSpec(const PersonSpec& spec, const taxonomy::Taxonomy& taxonomy) {
  Person person;
  for (const auto& given : spec.skills) {
    std::string_view name = TrimAscii(given);
    if (name.empty()) continue;
    const taxonomy::Skill* skill = taxonomy.Find(name);
    if (!skill) return InvalidArgument("skills: '" + std::string(name) + "' is not in the taxonomy");
    if (!person.profile.HasSkill(skill->id))
      person.profile.skills.push_back({skill->id, skill->name, "given by hand", 0});
  }
  if (!spec.role.empty()) {
    auto node = ParseNodeName(spec.role);
    if (!node.ok()) return InvalidArgument("role: " + node.status().message());
    person.profile.role = node->first;
    person.profile.role_from_title = true;
    person.profile.role_evidence = "given by hand";
  }
  if (!spec.level.empty()) {
    std::optional<Level> level = ParseLevel(spec.level);
    if (!level || *level == Level::kUnknown)
      return InvalidArgument("level: unknown level '" + spec.level + "' (entry, mid, senior, lead)");
    person.profile.level = *level;
    person.profile.level_evidence = "given by hand";
  }
  person.profile.source = "given";
  person.newcomer = spec.start || (spec.role.empty() && person.profile.skills.empty());
  return person;
}

Status SetPlace(const std::string& location, PlanSources& sources) {
  salary::EstimateRequest place;
  place.role = "ml_engineer";  // any role: only the place is read
  place.location = location;
  JS_ASSIGN_OR_RETURN(salary::SalaryQuery query, salary::UnderstandEstimateRequest(place, nullptr));
  sources.country = query.country;
  sources.metro = query.metro;
  return Status::Ok();
}

StatusOr<CareerPlan> PlanCareer(const Person& person, const std::string& target, const CareerGraph& graph,
                                const SkillGraph& skill_graph, const PlanSources& sources) {
  CareerPlan plan;
  // A role the résumé's titles leave open is decided by the stored market, as matching decides it.
  match::Profile profile = person.profile;
  if (sources.market && !person.newcomer && profile.role == Role::kOther) sources.market->CompleteProfile(profile);
  std::optional<std::pair<Role, std::optional<Level>>> wanted;
  if (!target.empty()) {
    JS_ASSIGN_OR_RETURN(auto parsed, ParseNodeName(target));
    wanted = parsed;
  }
  bool has_role = std::find(CareerRoles().begin(), CareerRoles().end(), profile.role) != CareerRoles().end();
  if (person.newcomer || !has_role) {
    if (!person.newcomer) {
      plan.note = "no role to start from: " +
                  (profile.skills.empty() ? std::string("no skill was found")
                                          : "the skills do not point to one of the graph's roles (" +
                                                std::string(RoleName(profile.role)) + ")") +
                  "; give a role, or see how to start in each specialisation";
    }
    for (Role role : CareerRoles()) plan.start.push_back(StartIn(role, graph, skill_graph, sources));
    if (wanted) {
      const CareerNode* node = graph.Node(wanted->first, wanted->second.value_or(Level::kEntry));
      if (!node) return InvalidArgument("target: the career graph has no node " + target);
      plan.target = PlanTarget(profile, *node, graph, skill_graph, sources);
    }
    return plan;
  }

  plan.role = profile.role;
  plan.level = LadderLevel(profile.level);
  plan.level_source = profile.level_evidence.empty() ? "the résumé's level" : profile.level_evidence;
  if (plan.level == Level::kUnknown) {
    plan.level = LevelFromYears(profile.total_years);
    plan.level_source = "no level stated: " + std::to_string(static_cast<int>(profile.total_years)) + " years of work";
  }
  const CareerNode* current = graph.Node(plan.role, plan.level);
  if (!current)
    return InvalidArgument("the career graph has no node " + std::string(RoleName(plan.role)) + ":" +
                           std::string(LevelName(plan.level)));
  plan.current = current->Key();
  PayAt pay_now = PayOf(*current, graph, sources);
  std::set<std::string, std::less<>> held = Held(profile, skill_graph);
  // The stored postings per node, counted in one pass for every move.
  std::map<std::pair<Role, Level>, int64_t> stored;
  if (sources.market) {
    sources.market->ForEachPosting([&](const match::PostingFacts& posting) {
      ++stored[{posting.role, LadderLevel(posting.level)}];
    });
  }

  for (const CareerEdge* edge : graph.EdgesFrom(current->Key())) {
    const CareerNode* there = graph.Node(edge->to);
    NextRole next;
    next.key = there->Key();
    next.role = there->role;
    next.level = there->level;
    next.kind = edge->kind;
    next.evidence = edge->evidence;
    Fit fit = FitAt(profile, *there, sources);
    next.fit = fit.score;
    next.fit_postings = fit.postings;
    next.fit_source = fit.source;
    next.pay_now = pay_now;
    next.pay_there = PayOf(*there, graph, sources);
    next.pay_change = edge->pay;
    if (sources.market) {
      auto counted = stored.find({there->role, there->level});
      next.postings = counted == stored.end() ? 0 : counted->second;
      next.postings_source = "stored postings";
    } else {
      next.postings = there->postings;
      next.postings_source = "the postings the career graph was built from";
    }
    for (const auto& skill : edge->gap) {
      if (!held.count(skill.skill_id)) next.gap.push_back(skill);
    }
    plan.next.push_back(std::move(next));
  }
  std::stable_sort(plan.next.begin(), plan.next.end(), [](const NextRole& a, const NextRole& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.fit != b.fit) return a.fit > b.fit;
    return a.key < b.key;
  });

  if (wanted) {
    // The same role's target defaults to the next rung up; another role's to the person's own rung.
    Level level =
        wanted->second.value_or(wanted->first == plan.role ? NextLevel(plan.level).value_or(plan.level) : plan.level);
    const CareerNode* node = graph.Node(wanted->first, level);
    if (!node) return InvalidArgument("target: the career graph has no node " + target);
    plan.target = PlanTarget(profile, *node, graph, skill_graph, sources);
  }
  return plan;
}

}  // namespace jobscope::career
