// The curated skill prerequisites: the shipped file loads (every skill in the taxonomy, a source on every
// edge, no cycle), a cycle or an unknown skill is refused by name, and plans put prerequisites first.
#include <cstdio>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "career/career.h"

namespace jobscope::career {
namespace {

const taxonomy::Taxonomy& Skills() {
  static const taxonomy::Taxonomy* taxonomy = [] {
    auto loaded = taxonomy::Taxonomy::Load(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/taxonomy/skills.tsv");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return new taxonomy::Taxonomy(std::move(*loaded));
  }();
  return *taxonomy;
}

SkillGraph Shipped() {
  auto graph = SkillGraph::Load(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/career/skill_prerequisites.tsv", Skills());
  EXPECT_TRUE(graph.ok()) << graph.status().message();
  return graph.ok() ? std::move(*graph) : SkillGraph();
}

// Every skill of a plan finds each of its prerequisites held or in an earlier stage.
void ExpectPrerequisitesFirst(const SkillGraph& graph, const std::vector<std::vector<std::string>>& stages,
                              const std::vector<std::string>& known) {
  std::set<std::string> before(known.begin(), known.end());
  std::set<std::string> planned;
  for (const auto& stage : stages) {
    for (const auto& skill : stage) {
      EXPECT_TRUE(planned.insert(skill).second) << skill << " is planned twice";
      for (const auto& needed : graph.Before(skill)) {
        bool later = false;
        for (const auto& other : stages) later |= std::find(other.begin(), other.end(), needed) != other.end();
        if (later) {
          EXPECT_TRUE(before.count(needed)) << needed << " must come before " << skill;
        }
      }
    }
    before.insert(stage.begin(), stage.end());
  }
}

TEST(SkillGraphTest, ShippedGraphLoadsWithASourceOnEveryEdgeAndNoCycle) {
  SkillGraph graph = Shipped();
  EXPECT_GE(graph.edges().size(), 80u);
  for (const auto& edge : graph.edges()) {
    EXPECT_FALSE(edge.source.empty()) << edge.before << " -> " << edge.after;
    EXPECT_NE(Skills().FindById(edge.before), nullptr) << edge.before;
    EXPECT_NE(Skills().FindById(edge.after), nullptr) << edge.after;
  }
  // The ladder the field describes is there: Python before NumPy before scikit-learn, Docker before Kubernetes.
  auto has = [&](const std::string& a, const std::string& b) {
    auto before = graph.Before(b);
    return std::find(before.begin(), before.end(), a) != before.end();
  };
  EXPECT_TRUE(has("numpy", "scikit-learn"));
  EXPECT_TRUE(has("docker", "kubernetes"));
  EXPECT_TRUE(has("kubernetes", "kubeflow"));
  EXPECT_TRUE(has("linear-algebra", "machine-learning"));
}

TEST(SkillGraphTest, ACycleIsRefusedAndNamed) {
  auto graph = SkillGraph::FromEdges(
      {{"python", "numpy", "s", ""}, {"numpy", "pandas", "s", ""}, {"pandas", "python", "s", ""}});
  ASSERT_FALSE(graph.ok());
  EXPECT_NE(graph.status().message().find("cycle"), std::string::npos);
  EXPECT_NE(graph.status().message().find("pandas -> python"), std::string::npos) << graph.status().message();
  EXPECT_FALSE(SkillGraph::FromEdges({{"python", "python", "s", ""}}).ok());
  EXPECT_FALSE(SkillGraph::FromEdges({{"python", "numpy", "s", ""}, {"python", "numpy", "t", ""}}).ok());
}

TEST(SkillGraphTest, AnUnknownSkillOrAMissingSourceNamesTheLine) {
  std::string path = ::testing::TempDir() + "/prerequisites.tsv";
  {
    std::ofstream out(path);
    out << "prerequisite\tskill\tsource\twhy\npython\tnumpy\thttps://numpy.org\tok\npython\tastrology\thttps://x\tno\n";
  }
  auto graph = SkillGraph::Load(path, Skills());
  ASSERT_FALSE(graph.ok());
  EXPECT_NE(graph.status().message().find("line 3"), std::string::npos) << graph.status().message();
  EXPECT_NE(graph.status().message().find("astrology"), std::string::npos);
  {
    std::ofstream out(path);
    out << "python\tnumpy\t\tno source\n";
  }
  EXPECT_FALSE(SkillGraph::Load(path, Skills()).ok());
  std::remove(path.c_str());
}

TEST(SkillGraphTest, StagesPutEveryPrerequisiteFirstAndSkipWhatIsKnown) {
  SkillGraph graph = Shipped();
  std::vector<std::string> goals = {"kubeflow", "llm-fine-tuning", "pytorch", "spark", "rag"};
  auto stages = graph.Stages(goals, {});
  ExpectPrerequisitesFirst(graph, stages, {});
  std::set<std::string> planned;
  for (const auto& stage : stages) planned.insert(stage.begin(), stage.end());
  for (const auto& goal : goals) EXPECT_TRUE(planned.count(goal)) << goal;
  EXPECT_TRUE(planned.count("docker")) << "kubeflow needs kubernetes, which needs docker";
  // What is known is neither planned again nor are its own prerequisites asked for.
  std::vector<std::string> known = graph.WithPrerequisites({"kubernetes", "pytorch"});
  auto shorter = graph.Stages(goals, known);
  ExpectPrerequisitesFirst(graph, shorter, known);
  for (const auto& stage : shorter) {
    for (const auto& skill : stage) {
      EXPECT_NE(skill, "docker");
      EXPECT_NE(skill, "numpy");
      EXPECT_NE(skill, "pytorch");
    }
  }
}

TEST(SkillGraphTest, StagesTakeTheMostValuableChainsFirstAndHoldAtMostTheirShare) {
  auto graph = SkillGraph::FromEdges({{"python", "numpy", "s", ""}, {"numpy", "pandas", "s", ""}});
  ASSERT_TRUE(graph.ok());
  // pandas is worth most: its chain comes first, sql (worth less) joins the first stage with room.
  auto stages = graph->Stages({"pandas", "sql"}, {});
  ASSERT_EQ(stages.size(), 3u);
  EXPECT_EQ(stages[0], (std::vector<std::string>{"python", "sql"}));
  EXPECT_EQ(stages[1], (std::vector<std::string>{"numpy"}));
  EXPECT_EQ(stages[2], (std::vector<std::string>{"pandas"}));
  // One skill a stage: pandas's chain before sql.
  auto narrow = graph->Stages({"pandas", "sql"}, {}, 1);
  EXPECT_EQ(narrow, (std::vector<std::vector<std::string>>{{"python"}, {"numpy"}, {"pandas"}, {"sql"}}));
  EXPECT_EQ(graph->Stages({"pandas"}, {"numpy"}), (std::vector<std::vector<std::string>>{{"pandas"}}));
  // Many independent goals are spread over stages of four, in the goals' order.
  auto wide = graph->Stages({"a", "b", "c", "d", "e", "f"}, {});
  EXPECT_EQ(wide, (std::vector<std::vector<std::string>>{{"a", "b", "c", "d"}, {"e", "f"}}));
}

}  // namespace
}  // namespace jobscope::career
