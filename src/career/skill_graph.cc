// The curated learning prerequisites and the staged order they put a learning plan in.
#include <algorithm>
#include <functional>
#include <set>

#include "base/tsv.h"
#include "career/career.h"

namespace jobscope::career {
namespace {

// A cycle among the edges, as "a -> b -> a", or "" when there is none (depth-first search, three colours).
std::string FindCycle(const std::map<std::string, std::vector<std::string>, std::less<>>& after) {
  std::map<std::string, int> colour;  // 0 unseen, 1 on the path, 2 done
  std::vector<std::string> path;
  std::string cycle;
  std::function<bool(const std::string&)> visit = [&](const std::string& skill) {
    colour[skill] = 1;
    path.push_back(skill);
    if (auto it = after.find(skill); it != after.end()) {
      for (const auto& next : it->second) {
        if (colour[next] == 1) {
          auto start = std::find(path.begin(), path.end(), next);
          for (auto at = start; at != path.end(); ++at) cycle += *at + " -> ";
          cycle += next;
          return true;
        }
        if (colour[next] == 0 && visit(next)) return true;
      }
    }
    colour[skill] = 2;
    path.pop_back();
    return false;
  };
  for (const auto& [skill, unused] : after) {
    if (colour[skill] == 0 && visit(skill)) return cycle;
  }
  return "";
}

}  // namespace

StatusOr<SkillGraph> SkillGraph::FromEdges(std::vector<Prerequisite> edges) {
  SkillGraph graph;
  std::map<std::string, std::vector<std::string>, std::less<>> after;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& edge : edges) {
    if (edge.before == edge.after) return ParseError("skill prerequisites: " + edge.before + " is its own prerequisite");
    if (!seen.insert({edge.before, edge.after}).second) {
      return ParseError("skill prerequisites: " + edge.before + " -> " + edge.after + " is listed twice");
    }
    after[edge.before].push_back(edge.after);
    graph.before_[edge.after].push_back(edge.before);
  }
  if (std::string cycle = FindCycle(after); !cycle.empty()) return ParseError("skill prerequisites: a cycle: " + cycle);
  graph.edges_ = std::move(edges);
  return graph;
}

StatusOr<SkillGraph> SkillGraph::Load(const std::string& path, const taxonomy::Taxonomy& taxonomy) {
  std::vector<Prerequisite> edges;
  std::map<std::string, std::string, std::less<>> names;
  bool header = true;
  JS_RETURN_IF_ERROR(ForEachTsvRow(path, [&](const TsvRow& row) -> Status {
    if (header) {
      header = false;
      if (!row.fields.empty() && row.fields[0] == "prerequisite") return Status::Ok();
    }
    if (row.fields.size() < 3) return ParseError(row.where + ": expected prerequisite, skill, source (and why)");
    Prerequisite edge{std::string(row.fields[0]), std::string(row.fields[1]), std::string(row.fields[2]),
                      row.fields.size() > 3 ? std::string(row.fields[3]) : ""};
    for (const std::string* id : {&edge.before, &edge.after}) {
      if (!taxonomy.FindById(*id)) return ParseError(row.where + ": skill '" + *id + "' is not in the taxonomy");
    }
    if (edge.source.empty()) return ParseError(row.where + ": an edge needs a source");
    for (const std::string* id : {&edge.before, &edge.after}) names[*id] = taxonomy.FindById(*id)->name;
    edges.push_back(std::move(edge));
    return Status::Ok();
  }));
  auto graph = FromEdges(std::move(edges));
  if (!graph.ok()) return ParseError(path + ": " + graph.status().message());
  graph->names_ = std::move(names);
  return graph;
}

std::string SkillGraph::Name(std::string_view skill_id) const {
  auto it = names_.find(skill_id);
  return it == names_.end() ? std::string(skill_id) : it->second;
}

std::vector<std::string> SkillGraph::WithPrerequisites(const std::vector<std::string>& known) const {
  std::set<std::string> all(known.begin(), known.end());
  std::vector<std::string> todo(known.begin(), known.end());
  while (!todo.empty()) {
    std::string skill = std::move(todo.back());
    todo.pop_back();
    for (const auto& before : Before(skill)) {
      if (all.insert(before).second) todo.push_back(before);
    }
  }
  return {all.begin(), all.end()};
}

std::vector<std::string> SkillGraph::Before(std::string_view skill_id) const {
  auto it = before_.find(skill_id);
  return it == before_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<std::vector<std::string>> SkillGraph::Stages(const std::vector<std::string>& goals,
                                                         const std::vector<std::string>& known) const {
  std::set<std::string, std::less<>> have(known.begin(), known.end());
  // The plan's skills: the goals and, transitively, the prerequisites not yet held.
  std::vector<std::string> order;  // goals first (their order), then prerequisites (by id)
  std::set<std::string, std::less<>> in_plan;
  std::set<std::string> prerequisites;
  std::function<void(const std::string&)> add_prerequisites = [&](const std::string& skill) {
    for (const auto& before : Before(skill)) {
      if (have.count(before) || in_plan.count(before) || prerequisites.count(before)) continue;
      prerequisites.insert(before);
      add_prerequisites(before);
    }
  };
  for (const auto& goal : goals) {
    if (have.count(goal) || in_plan.count(goal)) continue;
    in_plan.insert(goal);
    order.push_back(goal);
  }
  for (const auto& goal : std::vector<std::string>(order)) add_prerequisites(goal);
  for (const auto& skill : prerequisites) {
    if (in_plan.insert(skill).second) order.push_back(skill);
  }
  // A skill's stage: one past the latest stage of its prerequisites in the plan (the graph is acyclic).
  std::map<std::string, int, std::less<>> stage;
  std::function<int(const std::string&)> stage_of = [&](const std::string& skill) -> int {
    if (auto it = stage.find(skill); it != stage.end()) return it->second;
    int value = 0;
    for (const auto& before : Before(skill)) {
      if (in_plan.count(before)) value = std::max(value, stage_of(before) + 1);
    }
    stage[skill] = value;
    return value;
  };
  std::vector<std::vector<std::string>> stages;
  for (const auto& skill : order) {
    size_t at = static_cast<size_t>(stage_of(skill));
    if (stages.size() <= at) stages.resize(at + 1);
    stages[at].push_back(skill);
  }
  return stages;
}

}  // namespace jobscope::career
