// The career graph: built from postings and pay it has a node per role and rung, the four kinds of moves with
// their evidence, skill gaps that hold what the target asks and the source rarely does, pay changes from the
// records; its file reads back to the same bytes; the shipped graph is whole.
#include <set>

#include <gtest/gtest.h>

#include "career/career.h"

namespace jobscope::career {
namespace {

match::PostingFacts Posting(Role role, Level level, std::vector<std::string> skills) {
  match::PostingFacts facts;
  facts.role = role;
  facts.level = level;
  for (auto& id : skills) facts.skills.push_back({id, id, true, id != "communication"});
  return facts;
}

salary::SalaryRecord Pay(Role role, Level level, double usd) {
  salary::SalaryRecord record;
  record.year = 2024;
  record.role = role;
  record.level = level;
  record.country = "US";
  record.salary_usd = usd;
  return record;
}

GraphInputs SmallMarket() {
  GraphInputs inputs;
  for (int i = 0; i < 40; ++i) {
    inputs.postings.push_back(
        Posting(Role::kDataScientist, Level::kMid, {"python", "sql", "statistics", "communication"}));
    inputs.postings.push_back(
        Posting(Role::kMlEngineer, Level::kMid, {"python", "sql", "statistics", i % 2 ? "pytorch" : "docker"}));
    inputs.postings.push_back(Posting(Role::kDataAnalyst, Level::kEntry, {"excel", "power-bi"}));
    inputs.pay.push_back(Pay(Role::kDataScientist, Level::kMid, 100000 + 1000 * i));
    inputs.pay.push_back(Pay(Role::kMlEngineer, Level::kMid, 130000 + 1000 * i));
    inputs.pay.push_back(Pay(Role::kMlEngineer, Level::kSenior, 160000 + 1000 * i));
  }
  salary::SalaryRecord old = Pay(Role::kDataScientist, Level::kMid, 1);
  old.year = 2020;  // older than the graph reads
  inputs.pay.push_back(old);
  salary::SalaryRecord abroad = Pay(Role::kDataScientist, Level::kMid, 1);
  abroad.country = "DE";
  inputs.pay.push_back(abroad);
  inputs.ladder.push_back({Role::kDataAnalyst, Role::kDataScientist, std::nullopt, 0, "test"});
  inputs.onet_roles = {{"15-2051.00", "Data Scientists", {Role::kDataScientist}},
                       {"15-2051.01", "Business Intelligence Analysts", {Role::kDataAnalyst}}};
  inputs.related = {{"15-2051.00", {"15-2041.00", "15-2051.01"}}};
  return inputs;
}

const CareerEdge* Edge(const CareerGraph& graph, const std::string& from, const std::string& to) {
  for (const auto& edge : graph.edges) {
    if (edge.from == from && edge.to == to) return &edge;
  }
  return nullptr;
}

TEST(CareerGraphTest, NodesForEveryRoleAndRungWithDemandAndPay) {
  CareerGraph graph = BuildCareerGraph(SmallMarket());
  EXPECT_EQ(graph.nodes.size(), CareerRoles().size() * std::size(kLadder));
  const CareerNode* scientist = graph.Node(Role::kDataScientist, Level::kMid);
  ASSERT_NE(scientist, nullptr);
  EXPECT_EQ(scientist->postings, 40);
  EXPECT_FALSE(scientist->skills_pooled);
  ASSERT_FALSE(scientist->skills.empty());
  for (const auto& skill : scientist->skills)
    EXPECT_NE(skill.skill_id, "communication") << "soft skills are not demand to learn";
  EXPECT_DOUBLE_EQ(scientist->skills.front().share, 1.0);
  // Only US records from the last years count: the 2020 and the German row are left out.
  EXPECT_EQ(scientist->pay.records, 40);
  EXPECT_NEAR(scientist->pay.p50, 119500, 1);
  // A node with too few postings takes its role's demand and says so.
  const CareerNode* entry_scientist = graph.Node(Role::kDataScientist, Level::kEntry);
  EXPECT_TRUE(entry_scientist->skills_pooled);
  EXPECT_EQ(entry_scientist->postings, 0);
  EXPECT_EQ(entry_scientist->skills.size(), scientist->skills.size());
}

TEST(CareerGraphTest, MovesCarryTheirKindEvidenceGapAndPayChange) {
  CareerGraph graph = BuildCareerGraph(SmallMarket());
  const CareerEdge* up = Edge(graph, "ml_engineer:mid", "ml_engineer:senior");
  ASSERT_NE(up, nullptr);
  EXPECT_EQ(up->kind, MoveKind::kAdvancement);
  EXPECT_NEAR(up->pay.median, 30000, 1);
  EXPECT_LE(up->pay.low, up->pay.median);
  EXPECT_GE(up->pay.high, up->pay.median);
  EXPECT_EQ(up->pay.source_records, 40);
  EXPECT_EQ(up->pay.target_records, 40);

  // Data scientists and ML engineers ask for nearly the same skills: similar roles, by the market.
  const CareerEdge* similar = Edge(graph, "data_scientist:mid", "ml_engineer:mid");
  ASSERT_NE(similar, nullptr);
  EXPECT_EQ(similar->kind, MoveKind::kSimilarRole);
  EXPECT_GE(similar->skill_overlap, kSimilarOverlap);
  EXPECT_NE(std::find(similar->evidence.begin(), similar->evidence.end(), "market"), similar->evidence.end());
  std::set<std::string> gap;
  for (const auto& skill : similar->gap) gap.insert(skill.skill_id);
  EXPECT_EQ(gap, (std::set<std::string>{"docker", "pytorch"}));
  EXPECT_NEAR(similar->pay.median, 30000, 1);
  // ... and one rung up, a lateral advancement.
  const CareerEdge* lateral_up = Edge(graph, "data_scientist:mid", "ml_engineer:senior");
  ASSERT_NE(lateral_up, nullptr);
  EXPECT_EQ(lateral_up->kind, MoveKind::kLateralAdvancement);

  // Analysts share no skill with scientists: only the curated ladder and O*NET link them.
  const CareerEdge* ladder = Edge(graph, "data_analyst:entry", "data_scientist:entry");
  ASSERT_NE(ladder, nullptr);
  EXPECT_EQ(ladder->kind, MoveKind::kLateralTransition);
  EXPECT_EQ(ladder->evidence, (std::vector<std::string>{"ladder"}));
  const CareerEdge* onet = Edge(graph, "data_scientist:entry", "data_analyst:entry");
  ASSERT_NE(onet, nullptr);
  EXPECT_EQ(onet->evidence, (std::vector<std::string>{"onet"}));
  EXPECT_EQ(Edge(graph, "data_analyst:entry", "data_scientist:mid"), nullptr) << "no step-up move was drawn for it";
}

TEST(CareerGraphTest, TheFileReadsBackToTheSameBytes) {
  GraphInputs inputs = SmallMarket();
  inputs.premiums.push_back({"pytorch", "PyTorch", 40, 12000, 3000, 21000});
  CareerGraph graph = BuildCareerGraph(inputs);
  std::string text = graph.ToJson();
  auto read = CareerGraph::FromJson(text, "graph.json");
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->ToJson(), text);
  ASSERT_NE(read->Premium("pytorch"), nullptr);
  EXPECT_EQ(read->Premium("pytorch")->postings, 40);
  EXPECT_EQ(BuildCareerGraph(inputs).ToJson(), text) << "the same inputs give the same file";
  EXPECT_FALSE(CareerGraph::FromJson("{\"format\": \"something else\"}", "x.json").ok());
  EXPECT_FALSE(CareerGraph::FromJson("not json", "x.json").ok());
}

TEST(CareerGraphTest, OnetAgreementCountsRelatedOccupationsOfOtherRoles) {
  GraphInputs inputs = SmallMarket();
  CareerGraph graph = BuildCareerGraph(inputs);
  std::map<std::string, std::string> titles = {{"15-2041.00", "Statisticians"}};
  OnetAgreement all = MeasureOnetAgreement(graph, inputs.onet_roles, inputs.related, titles, {});
  EXPECT_EQ(all.related_mapped, 1);  // BI analysts; statisticians are no role of ours
  EXPECT_EQ(all.related_outside, 1);
  EXPECT_EQ(all.linked, 1);
  // Without O*NET's own edges nothing links scientists to analysts: the ladder runs the other way.
  OnetAgreement data_only =
      MeasureOnetAgreement(graph, inputs.onet_roles, inputs.related, titles, {"ladder", "market"});
  EXPECT_EQ(data_only.linked, 0);
  ASSERT_EQ(data_only.rows.size(), 1u);
  ASSERT_EQ(data_only.rows[0].missed.size(), 1u);
  EXPECT_NE(data_only.rows[0].missed[0].find("data_analyst"), std::string::npos);
}

TEST(CareerGraphTest, NodeNamesAndRungs) {
  auto node = ParseNodeName("nlp_engineer:senior");
  ASSERT_TRUE(node.ok());
  EXPECT_EQ(node->first, Role::kNlpEngineer);
  EXPECT_EQ(node->second, Level::kSenior);
  EXPECT_EQ(ParseNodeName("ml_engineer:executive")->second, Level::kLead);
  EXPECT_FALSE(ParseNodeName("ml_engineer")->second.has_value());
  EXPECT_EQ(ParseNodeName("astronaut").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseNodeName("other").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseNodeName("ml_engineer:wizard").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(NextLevel(Level::kIntern), Level::kMid);
  EXPECT_FALSE(NextLevel(Level::kExecutive).has_value());
}

TEST(CareerGraphTest, TheShippedGraphIsWhole) {
  auto graph = CareerGraph::Load(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/career/graph.json");
  ASSERT_TRUE(graph.ok()) << graph.status().message();
  EXPECT_EQ(graph->nodes.size(), CareerRoles().size() * std::size(kLadder));
  std::set<MoveKind> kinds;
  std::set<std::string> evidence;
  for (const auto& edge : graph->edges) {
    kinds.insert(edge.kind);
    evidence.insert(edge.evidence.begin(), edge.evidence.end());
    ASSERT_NE(graph->Node(edge.from), nullptr);
    const CareerNode* from = graph->Node(edge.from);
    const CareerNode* to = graph->Node(edge.to);
    bool up = NextLevel(from->level) == to->level;
    switch (edge.kind) {
      case MoveKind::kAdvancement:
        EXPECT_TRUE(up && from->role == to->role) << edge.from << " -> " << edge.to;
        break;
      case MoveKind::kLateralAdvancement:
        EXPECT_TRUE(up && from->role != to->role) << edge.from << " -> " << edge.to;
        break;
      default:
        EXPECT_TRUE(from->level == to->level && from->role != to->role) << edge.from << " -> " << edge.to;
    }
    for (const auto& skill : edge.gap) EXPECT_LE(skill.source_share, skill.target_share / 2 + 1e-9);
  }
  EXPECT_EQ(kinds.size(), 4u);
  EXPECT_EQ(evidence, (std::set<std::string>{"ladder", "market", "onet"}));
  EXPECT_FALSE(graph->premiums.empty());
  EXPECT_FALSE(graph->sources.empty());
}

}  // namespace
}  // namespace jobscope::career
