// Builds the career graph from postings, pay records, the curated ladder and O*NET's related occupations.
//
// Nodes: role x rung. A node's skill demand is the share of its postings asking for each technical skill
// (soft skills and spoken languages are left out: a learning plan does not teach them); a node with fewer
// than kThinRecords postings takes its role's demand across all rungs and says so. A node's pay is the US
// full-time pay records of its role and rung (survey answers and postings with pay).
//
// Edges, each with the evidence that drew it:
//   - advancement: the same role one rung up (the ladder);
//   - lateral transition / similar role: another role on the same rung, when the curated ladder moves there,
//     O*NET relates the two roles' occupations, or the roles' skill demand overlaps (cosine >=
//     kTransitionOverlap; >= kSimilarOverlap makes it a similar role);
//   - lateral advancement: another role one rung up, for the ladder's step-up moves and for every pair of
//     roles whose demand overlaps enough for a transition.
// Each edge carries the skills the target asks for (share >= 10%) that the source's postings ask for at
// most half as often, and the median pay change with a 90% bootstrap interval.
#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "base/statistics.h"
#include "career/career.h"

namespace jobscope::career {
namespace {

constexpr size_t kSkillsPerNode = 40;
constexpr double kMinSkillShare = 0.02;
constexpr double kGapMinShare = 0.10;
constexpr size_t kGapSkills = 10;
constexpr int kDraws = 200;
constexpr size_t kOnetTop = 10;
constexpr int kOldestPayYear = 2023;  // pay from the last years only: the market moves

using Demand = std::map<std::string, std::pair<int64_t, std::string>>;  // skill -> (postings, name)

struct Tally {
  int64_t postings = 0;
  Demand skills;
  void Add(const match::PostingFacts& posting) {
    ++postings;
    for (const auto& skill : posting.skills) {
      if (!skill.technical) continue;
      auto& [count, name] = skills[skill.skill_id];
      ++count;
      name = skill.name;
    }
  }
};

std::vector<SkillDemand> TopSkills(const Tally& tally) {
  std::vector<SkillDemand> out;
  if (tally.postings == 0) return out;
  for (const auto& [id, entry] : tally.skills) {
    double share = static_cast<double>(entry.first) / tally.postings;
    if (share >= kMinSkillShare) out.push_back({id, entry.second, share, entry.first});
  }
  std::sort(out.begin(), out.end(), [](const SkillDemand& a, const SkillDemand& b) {
    return a.postings != b.postings ? a.postings > b.postings : a.skill_id < b.skill_id;
  });
  if (out.size() > kSkillsPerNode) out.resize(kSkillsPerNode);
  return out;
}

double Cosine(const Tally& a, const Tally& b) {
  if (a.postings == 0 || b.postings == 0) return 0;
  double dot = 0, norm_a = 0, norm_b = 0;
  for (const auto& [id, entry] : a.skills) {
    double share = static_cast<double>(entry.first) / a.postings;
    norm_a += share * share;
    if (auto it = b.skills.find(id); it != b.skills.end()) dot += share * it->second.first / b.postings;
  }
  for (const auto& [id, entry] : b.skills) {
    double share = static_cast<double>(entry.first) / b.postings;
    norm_b += share * share;
  }
  return norm_a > 0 && norm_b > 0 ? dot / std::sqrt(norm_a * norm_b) : 0;
}

double ShareOf(const CareerNode& node, const std::string& skill_id) {
  for (const auto& skill : node.skills) {
    if (skill.skill_id == skill_id) return skill.share;
  }
  return 0;
}

std::vector<GapSkill> Gap(const CareerNode& source, const CareerNode& target) {
  std::vector<GapSkill> gap;
  for (const auto& skill : target.skills) {
    if (skill.share < kGapMinShare) continue;
    double at_source = ShareOf(source, skill.skill_id);
    if (at_source <= skill.share / 2) gap.push_back({skill.skill_id, skill.name, skill.share, at_source});
  }
  std::stable_sort(gap.begin(), gap.end(), [](const GapSkill& a, const GapSkill& b) {
    return a.target_share - a.source_share > b.target_share - b.source_share;
  });
  if (gap.size() > kGapSkills) gap.resize(kGapSkills);
  return gap;
}

// A node's pays and the medians of kDraws redraws of them (seeded by the node, so the file is reproducible).
struct PaySample {
  std::vector<double> pays;
  std::vector<double> draw_medians;
};

PaySample Sample(std::vector<double> pays, uint32_t seed) {
  PaySample sample;
  std::sort(pays.begin(), pays.end());
  sample.pays = pays;
  if (pays.empty()) return sample;
  std::mt19937 random(seed);
  std::vector<double> draw(pays.size());
  for (int d = 0; d < kDraws; ++d) {
    for (auto& value : draw) value = pays[random() % pays.size()];
    sample.draw_medians.push_back(Median(draw));
  }
  return sample;
}

PayChange ChangeBetween(const PaySample& source, const PaySample& target) {
  PayChange change;
  change.source_records = static_cast<int64_t>(source.pays.size());
  change.target_records = static_cast<int64_t>(target.pays.size());
  if (source.pays.empty() || target.pays.empty()) return change;
  change.median = Median(target.pays) - Median(source.pays);
  std::vector<double> differences;
  for (int d = 0; d < kDraws; ++d) differences.push_back(target.draw_medians[d] - source.draw_medians[d]);
  change.low = Quantile(differences, 0.05).value_or(0);
  change.high = Quantile(differences, 0.95).value_or(0);
  return change;
}

size_t RungIndex(Level level) {
  for (size_t i = 0; i < std::size(kLadder); ++i) {
    if (kLadder[i] == level) return i;
  }
  return std::size(kLadder);
}

}  // namespace

CareerGraph BuildCareerGraph(const GraphInputs& inputs) {
  CareerGraph graph;
  graph.sources = inputs.sources;
  const std::vector<Role>& roles = CareerRoles();
  auto role_index = [&](Role role) {
    return static_cast<size_t>(std::find(roles.begin(), roles.end(), role) - roles.begin());
  };
  const size_t rungs = std::size(kLadder);

  // Skill demand per node and per role.
  std::vector<Tally> by_role(roles.size());
  std::vector<Tally> by_node(roles.size() * rungs);
  for (const auto& posting : inputs.postings) {
    size_t r = role_index(posting.role);
    size_t rung = RungIndex(LadderLevel(posting.level));
    if (r == roles.size()) continue;
    by_role[r].Add(posting);
    if (rung < rungs) by_node[r * rungs + rung].Add(posting);
  }
  // Pay per node.
  std::vector<std::vector<double>> pays(roles.size() * rungs);
  for (const auto& record : inputs.pay) {
    if (record.country != "US" || !record.full_time || record.salary_usd <= 0) continue;
    if (record.year != 0 && record.year < kOldestPayYear) continue;
    size_t r = role_index(record.role);
    size_t rung = RungIndex(LadderLevel(record.level));
    if (r < roles.size() && rung < rungs) pays[r * rungs + rung].push_back(record.salary_usd);
  }
  std::vector<PaySample> samples(roles.size() * rungs);
  auto figure = [](std::vector<double> sorted) {
    return PayFigure{Quantile(sorted, 0.1).value_or(0), Quantile(sorted, 0.5).value_or(0),
                     Quantile(sorted, 0.9).value_or(0), static_cast<int64_t>(sorted.size())};
  };
  for (size_t rung = 0; rung < rungs; ++rung) {
    std::vector<double> all;
    for (size_t r = 0; r < roles.size(); ++r)
      all.insert(all.end(), pays[r * rungs + rung].begin(), pays[r * rungs + rung].end());
    graph.rung_pay[std::string(LevelName(kLadder[rung]))] = figure(std::move(all));
  }
  for (size_t r = 0; r < roles.size(); ++r) {
    CareerNode role;
    role.role = roles[r];
    role.level = Level::kUnknown;
    role.postings = by_role[r].postings;
    role.skills = TopSkills(by_role[r]);
    std::vector<double> all;
    for (size_t rung = 0; rung < rungs; ++rung)
      all.insert(all.end(), pays[r * rungs + rung].begin(), pays[r * rungs + rung].end());
    role.pay = figure(std::move(all));
    graph.roles.push_back(std::move(role));
  }
  for (size_t r = 0; r < roles.size(); ++r) {
    for (size_t rung = 0; rung < rungs; ++rung) {
      size_t at = r * rungs + rung;
      CareerNode node;
      node.role = roles[r];
      node.level = kLadder[rung];
      node.postings = by_node[at].postings;
      node.skills_pooled = by_node[at].postings < kThinRecords;
      node.skills = TopSkills(node.skills_pooled ? by_role[r] : by_node[at]);
      samples[at] = Sample(pays[at], static_cast<uint32_t>(17 + at));
      node.pay = figure(samples[at].pays);
      graph.nodes.push_back(std::move(node));
    }
  }

  // Which role pairs are linked on the same rung, and by what.
  std::vector<std::vector<double>> overlap(roles.size(), std::vector<double>(roles.size(), 0));
  for (size_t a = 0; a < roles.size(); ++a) {
    for (size_t b = 0; b < roles.size(); ++b) overlap[a][b] = a == b ? 1 : Cosine(by_role[a], by_role[b]);
  }
  std::map<std::pair<size_t, size_t>, std::set<std::string>> lateral;  // same rung, any rung
  std::map<std::tuple<size_t, size_t, size_t>, std::set<std::string>>
      ladder_moves;  // (from, to, from rung) -> evidence, step up
  std::map<std::tuple<size_t, size_t, size_t>, std::set<std::string>> ladder_same;  // same rung, one rung only
  for (const auto& move : inputs.ladder) {
    size_t from = role_index(move.from_role), to = role_index(move.to_role);
    if (from == roles.size() || to == roles.size() || from == to) continue;
    for (size_t rung = 0; rung < rungs; ++rung) {
      if (move.from_level && kLadder[rung] != *move.from_level) continue;
      if (move.level_step == 1) {
        if (rung + 1 < rungs) ladder_moves[{from, to, rung}].insert("ladder");
      } else if (move.from_level) {
        ladder_same[{from, to, rung}].insert("ladder");
      } else {
        lateral[{from, to}].insert("ladder");
      }
    }
  }
  std::map<std::string, const OnetRole*> mapped;
  for (const auto& onet : inputs.onet_roles) mapped[onet.code] = &onet;
  for (const auto& onet : inputs.onet_roles) {
    auto related = inputs.related.find(onet.code);
    if (related == inputs.related.end()) continue;
    for (size_t i = 0; i < related->second.size() && i < kOnetTop; ++i) {
      auto other = mapped.find(related->second[i]);
      if (other == mapped.end()) continue;
      for (Role from : onet.roles) {
        for (Role to : other->second->roles) {
          size_t a = role_index(from), b = role_index(to);
          if (a != b && a < roles.size() && b < roles.size()) lateral[{a, b}].insert("onet");
        }
      }
    }
  }
  for (size_t a = 0; a < roles.size(); ++a) {
    for (size_t b = 0; b < roles.size(); ++b) {
      if (a != b && overlap[a][b] >= kTransitionOverlap) lateral[{a, b}].insert("market");
    }
  }

  auto add_edge = [&](size_t from_at, size_t to_at, MoveKind kind, const std::set<std::string>& evidence) {
    const CareerNode& source = graph.nodes[from_at];
    const CareerNode& target = graph.nodes[to_at];
    CareerEdge edge;
    edge.from = source.Key();
    edge.to = target.Key();
    edge.kind = kind;
    edge.evidence.assign(evidence.begin(), evidence.end());
    edge.skill_overlap = overlap[role_index(source.role)][role_index(target.role)];
    edge.gap = Gap(source, target);
    edge.pay = ChangeBetween(samples[from_at], samples[to_at]);
    graph.edges.push_back(std::move(edge));
  };
  for (size_t a = 0; a < roles.size(); ++a) {
    for (size_t rung = 0; rung < rungs; ++rung) {
      size_t from_at = a * rungs + rung;
      if (rung + 1 < rungs) add_edge(from_at, from_at + 1, MoveKind::kAdvancement, {"ladder"});
      for (size_t b = 0; b < roles.size(); ++b) {
        if (a == b) continue;
        std::set<std::string> same;
        if (auto it = lateral.find({a, b}); it != lateral.end()) same = it->second;
        if (auto it = ladder_same.find({a, b, rung}); it != ladder_same.end())
          same.insert(it->second.begin(), it->second.end());
        if (!same.empty()) {
          MoveKind kind = overlap[a][b] >= kSimilarOverlap ? MoveKind::kSimilarRole : MoveKind::kLateralTransition;
          add_edge(from_at, b * rungs + rung, kind, same);
        }
        if (rung + 1 < rungs) {
          std::set<std::string> up;
          if (auto it = ladder_moves.find({a, b, rung}); it != ladder_moves.end()) up = it->second;
          if (overlap[a][b] >= kTransitionOverlap) up.insert("market");
          if (!up.empty()) add_edge(from_at, b * rungs + rung + 1, MoveKind::kLateralAdvancement, up);
        }
      }
    }
  }
  std::stable_sort(graph.edges.begin(), graph.edges.end(), [](const CareerEdge& x, const CareerEdge& y) {
    return std::tie(x.from, x.kind, x.to) < std::tie(y.from, y.kind, y.to);
  });

  for (const auto& premium : inputs.premiums) {
    graph.premiums[premium.skill_id] = {premium.premium_usd, premium.ci_low, premium.ci_high, premium.postings_with};
  }
  return graph;
}

OnetAgreement MeasureOnetAgreement(const CareerGraph& graph, const std::vector<OnetRole>& onet_roles,
                                   const std::map<std::string, std::vector<std::string>>& related,
                                   const std::map<std::string, std::string>& titles,
                                   const std::vector<std::string>& evidence_allowed) {
  // Role pairs the graph links at any rung, in either direction of the question (from the occupation's role).
  std::set<std::pair<std::string, std::string>> linked;
  for (const auto& edge : graph.edges) {
    bool allowed = evidence_allowed.empty();
    for (const auto& kind : edge.evidence) {
      if (std::find(evidence_allowed.begin(), evidence_allowed.end(), kind) != evidence_allowed.end()) allowed = true;
    }
    if (!allowed) continue;
    std::string from = edge.from.substr(0, edge.from.find(':')), to = edge.to.substr(0, edge.to.find(':'));
    if (from != to) linked.insert({from, to});
  }
  std::map<std::string, const OnetRole*> mapped;
  for (const auto& onet : onet_roles) mapped[onet.code] = &onet;
  OnetAgreement agreement;
  for (const auto& onet : onet_roles) {
    OnetAgreementRow row{onet.code, onet.title, 0, 0, 0, {}};
    auto list = related.find(onet.code);
    if (list == related.end()) continue;
    for (size_t i = 0; i < list->second.size() && i < kOnetTop; ++i) {
      const std::string& code = list->second[i];
      auto other = mapped.find(code);
      bool same_roles_only = other != mapped.end() &&
                             std::all_of(other->second->roles.begin(), other->second->roles.end(), [&](Role role) {
                               return std::find(onet.roles.begin(), onet.roles.end(), role) != onet.roles.end();
                             });
      if (other == mapped.end() || same_roles_only) {
        ++row.related_outside;
        continue;
      }
      ++row.related_mapped;
      bool found = false;
      for (Role from : onet.roles) {
        for (Role to : other->second->roles) {
          if (from != to && linked.count({std::string(RoleName(from)), std::string(RoleName(to))})) found = true;
        }
      }
      if (found) {
        ++row.linked;
      } else {
        auto title = titles.find(code);
        std::string names;
        for (Role to : other->second->roles) names += (names.empty() ? "" : "|") + std::string(RoleName(to));
        row.missed.push_back(code + " " + (title == titles.end() ? "" : title->second) + " -> " + names);
      }
    }
    agreement.related_mapped += row.related_mapped;
    agreement.linked += row.linked;
    agreement.related_outside += row.related_outside;
    agreement.rows.push_back(std::move(row));
  }
  return agreement;
}

}  // namespace jobscope::career
