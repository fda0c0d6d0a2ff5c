// The career graph's parts, its JSON file (data/career/graph.json) and the curated tables it is drawn from.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "base/tsv.h"
#include "career/career.h"

namespace jobscope::career {
namespace {

using nlohmann::json;

constexpr std::string_view kMoveKindNames[] = {"advancement", "lateral_advancement", "similar_role",
                                               "lateral_transition"};

std::optional<MoveKind> ParseMoveKind(std::string_view name) {
  for (size_t i = 0; i < std::size(kMoveKindNames); ++i) {
    if (kMoveKindNames[i] == name) return static_cast<MoveKind>(i);
  }
  return std::nullopt;
}

// Figures rounded so the file reads well and the same inputs give the same bytes.
double Round(double value, double unit) { return std::round(value / unit) * unit; }

json PayJson(const PayFigure& pay) {
  return {{"p10", Round(pay.p10, 1)}, {"p50", Round(pay.p50, 1)}, {"p90", Round(pay.p90, 1)}, {"records", pay.records}};
}

PayFigure PayFrom(const json& value) {
  return {value.at("p10").get<double>(), value.at("p50").get<double>(), value.at("p90").get<double>(),
          value.at("records").get<int64_t>()};
}

}  // namespace

std::string_view MoveKindName(MoveKind kind) { return kMoveKindNames[static_cast<size_t>(kind)]; }

Level LadderLevel(Level level) {
  switch (level) {
    case Level::kIntern:
      return Level::kEntry;
    case Level::kExecutive:
      return Level::kLead;
    default:
      return level;
  }
}

std::optional<Level> NextLevel(Level level) {
  switch (LadderLevel(level)) {
    case Level::kEntry:
      return Level::kMid;
    case Level::kMid:
      return Level::kSenior;
    case Level::kSenior:
      return Level::kLead;
    default:
      return std::nullopt;
  }
}

const std::vector<Role>& CareerRoles() {
  static const std::vector<Role> roles = {
      Role::kMlEngineer,        Role::kDeepLearningEngineer, Role::kNlpEngineer,  Role::kComputerVisionEngineer,
      Role::kResearchScientist, Role::kDataScientist,        Role::kDataEngineer, Role::kMlopsEngineer,
      Role::kAiArchitect,       Role::kAiProductManager,     Role::kDataAnalyst,  Role::kSoftwareEngineer};
  return roles;
}

std::string CareerNode::Key() const { return std::string(RoleName(role)) + ":" + std::string(LevelName(level)); }

StatusOr<std::pair<Role, std::optional<Level>>> ParseNodeName(std::string_view text) {
  std::string_view role_text = text, level_text;
  if (size_t colon = text.find(':'); colon != std::string_view::npos) {
    role_text = text.substr(0, colon);
    level_text = text.substr(colon + 1);
  }
  std::optional<Role> role = ParseRole(role_text);
  if (!role || std::find(CareerRoles().begin(), CareerRoles().end(), *role) == CareerRoles().end()) {
    std::string known;
    for (Role each : CareerRoles()) known += (known.empty() ? "" : ", ") + std::string(RoleName(each));
    return InvalidArgument("unknown role '" + std::string(role_text) + "' (roles: " + known + ")");
  }
  std::optional<Level> level;
  if (!level_text.empty()) {
    level = ParseLevel(level_text);
    if (!level || *level == Level::kUnknown) {
      return InvalidArgument("unknown level '" + std::string(level_text) + "' (levels: entry, mid, senior, lead)");
    }
    level = LadderLevel(*level);
  }
  return std::make_pair(*role, level);
}

// ---- the file --------------------------------------------------------------------------------------------

std::string CareerGraph::ToJson() const {
  json out;
  out["format"] = "jobscope career graph 1";
  out["sources"] = sources;
  json nodes_json = json::array();
  for (const auto& node : nodes) {
    json skills = json::array();
    for (const auto& skill : node.skills) {
      skills.push_back({{"id", skill.skill_id},
                        {"name", skill.name},
                        {"share", Round(skill.share, 1e-4)},
                        {"postings", skill.postings}});
    }
    nodes_json.push_back({{"key", node.Key()},
                          {"role", RoleName(node.role)},
                          {"level", LevelName(node.level)},
                          {"postings", node.postings},
                          {"skills_pooled", node.skills_pooled},
                          {"pay", PayJson(node.pay)},
                          {"skills", std::move(skills)}});
  }
  out["nodes"] = std::move(nodes_json);
  json roles_json = json::array();
  for (const auto& role : roles) {
    json skills = json::array();
    for (const auto& skill : role.skills) {
      skills.push_back({{"id", skill.skill_id},
                        {"name", skill.name},
                        {"share", Round(skill.share, 1e-4)},
                        {"postings", skill.postings}});
    }
    roles_json.push_back({{"role", RoleName(role.role)},
                          {"postings", role.postings},
                          {"pay", PayJson(role.pay)},
                          {"skills", std::move(skills)}});
  }
  out["roles"] = std::move(roles_json);
  json rungs_json = json::object();
  for (const auto& [level, pay] : rung_pay) rungs_json[level] = PayJson(pay);
  out["rung_pay"] = std::move(rungs_json);
  json edges_json = json::array();
  for (const auto& edge : edges) {
    json gap = json::array();
    for (const auto& skill : edge.gap) {
      gap.push_back({{"id", skill.skill_id},
                     {"name", skill.name},
                     {"target_share", Round(skill.target_share, 1e-4)},
                     {"source_share", Round(skill.source_share, 1e-4)}});
    }
    edges_json.push_back({{"from", edge.from},
                          {"to", edge.to},
                          {"kind", MoveKindName(edge.kind)},
                          {"evidence", edge.evidence},
                          {"skill_overlap", Round(edge.skill_overlap, 1e-4)},
                          {"gap", std::move(gap)},
                          {"pay_change",
                           {{"median", Round(edge.pay.median, 1)},
                            {"low", Round(edge.pay.low, 1)},
                            {"high", Round(edge.pay.high, 1)},
                            {"source_records", edge.pay.source_records},
                            {"target_records", edge.pay.target_records}}}});
  }
  out["edges"] = std::move(edges_json);
  json premiums_json = json::object();
  for (const auto& [id, premium] : premiums) {
    premiums_json[id] = {{"premium_usd", Round(premium.premium_usd, 1)},
                         {"ci_low", Round(premium.ci_low, 1)},
                         {"ci_high", Round(premium.ci_high, 1)},
                         {"postings", premium.postings}};
  }
  out["skill_premiums"] = std::move(premiums_json);
  return out.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

Status CareerGraph::Save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << ToJson();
  out.close();
  if (!out) return IoError(path + ": cannot write the career graph");
  return Status::Ok();
}

StatusOr<CareerGraph> CareerGraph::FromJson(std::string_view text, const std::string& name) {
  CareerGraph graph;
  try {
    json in = json::parse(text);
    if (in.value("format", "") != "jobscope career graph 1") return ParseError(name + ": not a jobscope career graph");
    graph.sources = in.value("sources", std::map<std::string, std::string>{});
    for (const auto& node_json : in.at("nodes")) {
      CareerNode node;
      auto role = ParseRole(node_json.at("role").get<std::string>());
      auto level = ParseLevel(node_json.at("level").get<std::string>());
      if (!role || !level)
        return ParseError(name + ": node " + node_json.at("key").get<std::string>() + ": unknown role or level");
      node.role = *role;
      node.level = *level;
      node.postings = node_json.at("postings").get<int64_t>();
      node.skills_pooled = node_json.at("skills_pooled").get<bool>();
      node.pay = PayFrom(node_json.at("pay"));
      for (const auto& skill : node_json.at("skills")) {
        node.skills.push_back({skill.at("id").get<std::string>(), skill.at("name").get<std::string>(),
                               skill.at("share").get<double>(), skill.at("postings").get<int64_t>()});
      }
      graph.nodes.push_back(std::move(node));
    }
    for (const auto& role_json : in.at("roles")) {
      CareerNode role;
      auto parsed = ParseRole(role_json.at("role").get<std::string>());
      if (!parsed) return ParseError(name + ": unknown role " + role_json.at("role").get<std::string>());
      role.role = *parsed;
      role.level = Level::kUnknown;
      role.postings = role_json.at("postings").get<int64_t>();
      role.pay = PayFrom(role_json.at("pay"));
      for (const auto& skill : role_json.at("skills")) {
        role.skills.push_back({skill.at("id").get<std::string>(), skill.at("name").get<std::string>(),
                               skill.at("share").get<double>(), skill.at("postings").get<int64_t>()});
      }
      graph.roles.push_back(std::move(role));
    }
    for (const auto& [level, pay] : in.at("rung_pay").items()) graph.rung_pay[level] = PayFrom(pay);
    for (const auto& edge_json : in.at("edges")) {
      CareerEdge edge;
      edge.from = edge_json.at("from").get<std::string>();
      edge.to = edge_json.at("to").get<std::string>();
      auto kind = ParseMoveKind(edge_json.at("kind").get<std::string>());
      if (!kind) return ParseError(name + ": edge " + edge.from + " -> " + edge.to + ": unknown kind");
      edge.kind = *kind;
      edge.evidence = edge_json.at("evidence").get<std::vector<std::string>>();
      edge.skill_overlap = edge_json.at("skill_overlap").get<double>();
      for (const auto& skill : edge_json.at("gap")) {
        edge.gap.push_back({skill.at("id").get<std::string>(), skill.at("name").get<std::string>(),
                            skill.at("target_share").get<double>(), skill.at("source_share").get<double>()});
      }
      const json& pay = edge_json.at("pay_change");
      edge.pay = {pay.at("median").get<double>(), pay.at("low").get<double>(), pay.at("high").get<double>(),
                  pay.at("source_records").get<int64_t>(), pay.at("target_records").get<int64_t>()};
      graph.edges.push_back(std::move(edge));
    }
    for (const auto& [id, premium] : in.at("skill_premiums").items()) {
      graph.premiums[id] = {premium.at("premium_usd").get<double>(), premium.at("ci_low").get<double>(),
                            premium.at("ci_high").get<double>(), premium.at("postings").get<int64_t>()};
    }
  } catch (const json::exception& error) {
    return ParseError(name + ": " + error.what());
  }
  for (const auto& edge : graph.edges) {
    if (!graph.Node(edge.from) || !graph.Node(edge.to)) {
      return ParseError(name + ": edge " + edge.from + " -> " + edge.to + " names a node the graph lacks");
    }
  }
  return graph;
}

StatusOr<CareerGraph> CareerGraph::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot read the career graph (build it with `jobscope career build`)");
  std::ostringstream text;
  text << in.rdbuf();
  return FromJson(text.str(), path);
}

const CareerNode* CareerGraph::Node(Role role, Level level) const {
  for (const auto& node : nodes) {
    if (node.role == role && node.level == level) return &node;
  }
  return nullptr;
}

const CareerNode* CareerGraph::Node(std::string_view key) const {
  for (const auto& node : nodes) {
    if (node.Key() == key) return &node;
  }
  return nullptr;
}

std::vector<const CareerEdge*> CareerGraph::EdgesFrom(std::string_view key) const {
  std::vector<const CareerEdge*> out;
  for (const auto& edge : edges) {
    if (edge.from == key) out.push_back(&edge);
  }
  return out;
}

std::vector<const CareerEdge*> CareerGraph::EdgesTo(std::string_view key) const {
  std::vector<const CareerEdge*> out;
  for (const auto& edge : edges) {
    if (edge.to == key) out.push_back(&edge);
  }
  return out;
}

const SkillPremiumFigure* CareerGraph::Premium(std::string_view skill_id) const {
  auto it = premiums.find(skill_id);
  return it == premiums.end() ? nullptr : &it->second;
}

// ---- the curated tables ------------------------------------------------------------------------------------

StatusOr<std::vector<LadderMove>> LoadLadderMoves(const std::string& path) {
  std::vector<LadderMove> moves;
  bool header = true;
  JS_RETURN_IF_ERROR(ForEachTsvRow(path, [&](const TsvRow& row) -> Status {
    if (header) {
      header = false;
      if (!row.fields.empty() && row.fields[0] == "from_role") return Status::Ok();
    }
    if (row.fields.size() < 5)
      return ParseError(row.where + ": expected from_role, from_level, to_role, level_step, source");
    LadderMove move;
    auto from = ParseRole(row.fields[0]);
    auto to = ParseRole(row.fields[2]);
    if (!from || !to) return ParseError(row.where + ": unknown role");
    move.from_role = *from;
    move.to_role = *to;
    if (row.fields[1] != "*") {
      auto level = ParseLevel(row.fields[1]);
      if (!level || *level == Level::kUnknown)
        return ParseError(row.where + ": unknown level '" + std::string(row.fields[1]) + "'");
      move.from_level = LadderLevel(*level);
    }
    if (row.fields[3] != "0" && row.fields[3] != "1") return ParseError(row.where + ": level_step must be 0 or 1");
    move.level_step = row.fields[3] == "1" ? 1 : 0;
    move.source = std::string(row.fields[4]);
    moves.push_back(std::move(move));
    return Status::Ok();
  }));
  return moves;
}

StatusOr<std::vector<OnetRole>> LoadOnetRoles(const std::string& path) {
  std::vector<OnetRole> rows;
  bool header = true;
  JS_RETURN_IF_ERROR(ForEachTsvRow(path, [&](const TsvRow& row) -> Status {
    if (header) {
      header = false;
      if (!row.fields.empty() && row.fields[0] == "code") return Status::Ok();
    }
    if (row.fields.size() < 3) return ParseError(row.where + ": expected code, title, roles");
    OnetRole onet{std::string(row.fields[0]), std::string(row.fields[1]), {}};
    for (const auto& name : SplitOn(row.fields[2], '|')) {
      auto role = ParseRole(TrimAscii(name));
      if (!role) return ParseError(row.where + ": unknown role '" + std::string(name) + "'");
      onet.roles.push_back(*role);
    }
    rows.push_back(std::move(onet));
    return Status::Ok();
  }));
  return rows;
}

StatusOr<std::map<std::string, std::vector<std::string>>> LoadRelatedOccupations(const std::string& path) {
  std::map<std::string, std::vector<std::pair<int, std::string>>> ranked;
  bool header = true;
  JS_RETURN_IF_ERROR(ForEachTsvRow(path, [&](const TsvRow& row) -> Status {
    if (header) {
      header = false;
      return Status::Ok();
    }
    if (row.fields.size() < 4) return ParseError(row.where + ": expected 4 fields");
    ranked[std::string(row.fields[0])].push_back(
        {std::atoi(std::string(row.fields[3]).c_str()), std::string(row.fields[1])});
    return Status::Ok();
  }));
  std::map<std::string, std::vector<std::string>> related;
  for (auto& [code, list] : ranked) {
    std::sort(list.begin(), list.end());
    for (auto& [index, other] : list) related[code].push_back(other);
  }
  return related;
}

StatusOr<std::map<std::string, std::string>> LoadOccupationTitles(const std::string& path) {
  std::map<std::string, std::string> titles;
  JS_RETURN_IF_ERROR(ForEachTsvRow(path, [&](const TsvRow& row) -> Status {
    if (row.fields.size() >= 2) titles[std::string(row.fields[0])] = std::string(row.fields[1]);
    return Status::Ok();
  }));
  return titles;
}

}  // namespace jobscope::career
