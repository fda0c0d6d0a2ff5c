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
    if (edge.before == edge.after)
      return ParseError("skill prerequisites: " + edge.before + " is its own prerequisite");
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
                                                         const std::vector<std::string>& known,
                                                         size_t per_stage) const {
  std::set<std::string, std::less<>> have(known.begin(), known.end());
  // The plan's skills: the goals and, transitively, the prerequisites not yet held. A skill's priority is
  // the first goal (in the goals' order, most valuable first) that needs it, so the chain beneath a
  // valuable goal is learnt before a lesser goal.
  std::map<std::string, size_t, std::less<>> priority;
  std::function<void(const std::string&, size_t)> add = [&](const std::string& skill, size_t rank) {
    if (have.count(skill)) return;
    auto [it, inserted] = priority.try_emplace(skill, rank);
    if (!inserted) {
      if (it->second <= rank) return;
      it->second = rank;
    }
    for (const auto& before : Before(skill)) add(before, rank);
  };
  for (size_t rank = 0; rank < goals.size(); ++rank) add(goals[rank], rank);

  // Stage by stage: of the skills whose prerequisites in the plan are all learnt in earlier stages, the
  // `per_stage` of highest priority, ties by id.
  std::set<std::string, std::less<>> learnt;
  std::vector<std::vector<std::string>> stages;
  while (learnt.size() < priority.size()) {
    std::vector<std::pair<size_t, std::string>> ready;
    for (const auto& [skill, rank] : priority) {
      if (learnt.count(skill)) continue;
      bool open = true;
      for (const auto& before : Before(skill)) open &= !priority.count(before) || learnt.count(before) > 0;
      if (open) ready.push_back({rank, skill});
    }
    std::sort(ready.begin(), ready.end());
    if (ready.size() > per_stage && per_stage > 0) ready.resize(per_stage);
    std::vector<std::string> stage;
    for (auto& [rank, skill] : ready) stage.push_back(std::move(skill));
    learnt.insert(stage.begin(), stage.end());
    stages.push_back(std::move(stage));
  }
  return stages;
}

}  // namespace jobscope::career
