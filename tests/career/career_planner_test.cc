// Plans for real résumés of three kinds against the shipped graphs: every suggested skill is missing from the
// profile and asked for at the target, plans put prerequisites first, next roles leave from the person's
// node, every figure says where it came from; a newcomer gets a start in every specialisation.
#include <set>

#include <gtest/gtest.h>

#include "career/career.h"
#include "ingest/ingest.h"
#include "text/text.h"

namespace jobscope::career {
namespace {

class CareerPlannerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = taxonomy::Taxonomy::Load(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/taxonomy/skills.tsv");
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    taxonomy_ = new taxonomy::Taxonomy(std::move(*loaded));
    auto graph = CareerGraph::Load(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/career/graph.json");
    ASSERT_TRUE(graph.ok()) << graph.status().message();
    graph_ = new CareerGraph(std::move(*graph));
    auto skills =
        SkillGraph::Load(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/career/skill_prerequisites.tsv", *taxonomy_);
    ASSERT_TRUE(skills.ok()) << skills.status().message();
    skills_ = new SkillGraph(std::move(*skills));
    auto builder = match::ProfileBuilder::Create(*taxonomy_);
    ASSERT_TRUE(builder.ok());
    builder_ = builder->release();
    // The first distinct résumé of each category.
    auto table =
        text::ReadCsvTable(std::string(JOBSCOPE_SHARED_DATA_DIR) + "/resumes-updated/UpdatedResumeDataSet.csv");
    ASSERT_TRUE(table.ok()) << table.status().message();
    for (const auto& row : table->rows) {
      if (row.size() >= 2 && !first_.count(row[0])) first_[row[0]] = row[1];
    }
  }

  static match::Profile ProfileOf(const std::string& category) {
    match::ResumeDocument document;
    document.name = category;
    document.text = first_.at(category);
    return builder_->Build(document, "2026-12");
  }

  static inline taxonomy::Taxonomy* taxonomy_ = nullptr;
  static inline CareerGraph* graph_ = nullptr;
  static inline SkillGraph* skills_ = nullptr;
  static inline match::ProfileBuilder* builder_ = nullptr;
  static inline std::map<std::string, std::string> first_;
};

void ExpectSourced(const PayAt& pay) {
  EXPECT_FALSE(pay.source.empty());
  EXPECT_GT(pay.p50, 0);
  EXPECT_LE(pay.p10, pay.p50);
  EXPECT_LE(pay.p50, pay.p90);
  EXPECT_EQ(pay.thin(), pay.records < kThinRecords);
}

// The checks every plan with a target must pass.
void ExpectSoundTargetPlan(const match::Profile& profile, const TargetPlan& plan, const CareerGraph& graph,
                           const SkillGraph& skills) {
  std::set<std::string> held;
  for (const auto& skill : profile.skills) held.insert(skill.skill_id);
  const CareerNode* target = graph.Node(plan.key);
  ASSERT_NE(target, nullptr);
  ASSERT_FALSE(plan.missing.empty());
  std::set<std::string> asked;
  for (const auto& skill : target->skills) asked.insert(skill.skill_id);
  for (size_t i = 0; i < plan.missing.size(); ++i) {
    const PlannedSkill& skill = plan.missing[i];
    EXPECT_FALSE(held.count(skill.skill_id)) << skill.skill_id << " is on the résumé";
    EXPECT_TRUE(asked.count(skill.skill_id)) << skill.skill_id << " is not asked for at " << plan.key;
    EXPECT_GT(skill.demand, 0);
    if (i > 0) {
      EXPECT_GE(plan.missing[i - 1].value, skill.value) << "ranked by value";
    }
  }
  // Stages: every prerequisite not held comes in an earlier stage; every missing skill is planned.
  std::set<std::string> ready = held;
  for (const auto& id : skills.WithPrerequisites({held.begin(), held.end()})) ready.insert(id);
  std::set<std::string> planned;
  for (const auto& stage : plan.stages) {
    for (const auto& skill : stage.skills) {
      for (const auto& before : skills.Before(skill.skill_id)) {
        EXPECT_TRUE(ready.count(before)) << before << " must be held or come before " << skill.skill_id;
      }
      EXPECT_FALSE(held.count(skill.skill_id));
      planned.insert(skill.skill_id);
    }
    for (const auto& skill : stage.skills) ready.insert(skill.skill_id);
  }
  for (const auto& skill : plan.missing) EXPECT_TRUE(planned.count(skill.skill_id)) << skill.skill_id;
  ExpectSourced(plan.pay_there);
}

TEST_F(CareerPlannerTest, ThreeRealResumesGetSoundPlans) {
  struct Case {
    std::string category, target;
  };
  for (const Case& c : {Case{"Data Science", "nlp_engineer"}, Case{"ETL Developer", "mlops_engineer"},
                        Case{"Python Developer", "ml_engineer:senior"}}) {
    SCOPED_TRACE(c.category);
    Person person{ProfileOf(c.category), false};
    ASSERT_NE(std::find(CareerRoles().begin(), CareerRoles().end(), person.profile.role), CareerRoles().end())
        << RoleName(person.profile.role);
    auto plan = PlanCareer(person, c.target, *graph_, *skills_, {});
    ASSERT_TRUE(plan.ok()) << plan.status().message();
    ASSERT_FALSE(plan->current.empty());
    ASSERT_FALSE(plan->next.empty());
    for (size_t i = 0; i < plan->next.size(); ++i) {
      const NextRole& next = plan->next[i];
      bool has_edge = false;
      for (const CareerEdge* edge : graph_->EdgesFrom(plan->current)) has_edge |= edge->to == next.key;
      EXPECT_TRUE(has_edge) << plan->current << " -> " << next.key;
      EXPECT_GE(next.fit, 0);
      EXPECT_LE(next.fit, 100);
      EXPECT_FALSE(next.fit_source.empty());
      EXPECT_FALSE(next.postings_source.empty());
      ExpectSourced(next.pay_there);
      for (const auto& skill : next.gap) EXPECT_FALSE(person.profile.HasSkill(skill.skill_id)) << skill.skill_id;
      if (i > 0) {
        EXPECT_LE(plan->next[i - 1].kind, next.kind) << "grouped by kind";
      }
    }
    ASSERT_TRUE(plan->target.has_value());
    ExpectSoundTargetPlan(person.profile, *plan->target, *graph_, *skills_);
  }
}

TEST_F(CareerPlannerTest, UnlockCountsGrowStageByStage) {
  Person person{ProfileOf("Data Science"), false};
  // The stored postings of the target stand in with the graph's skills of the target node.
  std::vector<match::PostingFacts> postings;
  const CareerNode* target = graph_->Node(Role::kNlpEngineer, Level::kEntry);
  ASSERT_NE(target, nullptr);
  for (size_t i = 0; i < 5; ++i) {
    match::PostingFacts facts;
    facts.id = "p" + std::to_string(i);
    facts.role = Role::kNlpEngineer;
    facts.level = Level::kEntry;
    for (size_t k = 0; k <= i && k < target->skills.size(); ++k)
      facts.skills.push_back({target->skills[k].skill_id, "", true, true});
    postings.push_back(facts);
  }
  auto market = match::MatchIndex::FromPostings(postings);
  PlanSources sources;
  sources.market = market.get();
  auto plan = PlanCareer(person, "nlp_engineer:entry", *graph_, *skills_, sources);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  ASSERT_TRUE(plan->target);
  EXPECT_EQ(plan->target->postings_considered, 5);
  int64_t total = plan->target->unlocked_now;
  for (const auto& stage : plan->target->stages) {
    total += stage.unlocks;
    EXPECT_EQ(stage.unlocked_total, total);
    EXPECT_LE(stage.example_postings.size(), static_cast<size_t>(stage.unlocks));
  }
  EXPECT_LE(total, 5);
  EXPECT_GT(total, plan->target->unlocked_now) << "learning the most asked skills reaches more postings";
}

TEST_F(CareerPlannerTest, ANewcomerGetsAStartInEverySpecialisation) {
  Person person;
  person.newcomer = true;
  auto plan = PlanCareer(person, "", *graph_, *skills_, {});
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->current.empty());
  EXPECT_TRUE(plan->next.empty());
  ASSERT_EQ(plan->start.size(), CareerRoles().size());
  for (const auto& guide : plan->start) {
    SCOPED_TRACE(std::string(RoleName(guide.role)));
    ASSERT_FALSE(guide.first_skills.empty());
    ASSERT_FALSE(guide.first_roles.empty());
    // The role's own entry rung comes first when postings ask for it; every way in is an entry rung.
    const CareerNode* entry = graph_->Node(guide.role, Level::kEntry);
    if (entry->postings > 0) {
      EXPECT_EQ(guide.first_roles.front(), entry->Key());
    }
    for (const auto& way : guide.first_roles) EXPECT_EQ(graph_->Node(way)->level, Level::kEntry) << way;
    EXPECT_EQ(guide.first_roles.size(), guide.first_role_postings.size());
    ASSERT_EQ(guide.first_skill_names.size(), guide.first_skills.size());
    ExpectSourced(guide.entry_pay);
    std::set<std::string> earlier;
    for (const auto& stage : guide.first_skills) {
      for (const auto& id : stage) {
        for (const auto& before : skills_->Before(id)) {
          bool planned = false;
          for (const auto& other : guide.first_skills)
            planned |= std::find(other.begin(), other.end(), before) != other.end();
          if (planned) {
            EXPECT_TRUE(earlier.count(before)) << before << " before " << id;
          }
        }
      }
      earlier.insert(stage.begin(), stage.end());
    }
  }
  // A target for a newcomer starts at entry.
  auto targeted = PlanCareer(person, "data_scientist", *graph_, *skills_, {});
  ASSERT_TRUE(targeted.ok());
  ASSERT_TRUE(targeted->target);
  EXPECT_EQ(targeted->target->key, "data_scientist:entry");
}

TEST_F(CareerPlannerTest, SkillsThatPlaceNoRoleGetTheGuideAndSayWhy) {
  auto person = PersonFromSpec({{"excel"}, "", "", false}, *taxonomy_);
  ASSERT_TRUE(person.ok());
  EXPECT_FALSE(person->newcomer);
  auto plan = PlanCareer(*person, "", *graph_, *skills_, {});
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->current.empty());
  EXPECT_FALSE(plan->start.empty());
  EXPECT_NE(plan->note.find("give a role"), std::string::npos) << plan->note;
  auto newcomer = PersonFromSpec({{}, "", "", false}, *taxonomy_);
  ASSERT_TRUE(newcomer.ok());
  EXPECT_TRUE(newcomer->newcomer);
  EXPECT_TRUE(PlanCareer(*newcomer, "", *graph_, *skills_, {})->note.empty());
  EXPECT_EQ(PersonFromSpec({{"astrology"}, "", "", false}, *taxonomy_).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(PersonFromSpec({{}, "ml_engineer", "wizard", false}, *taxonomy_).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(CareerPlannerTest, AnUnknownTargetIsAUsageError) {
  Person person{ProfileOf("Data Science"), false};
  EXPECT_EQ(PlanCareer(person, "astronaut", *graph_, *skills_, {}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(PlanCareer(person, "ml_engineer:grandmaster", *graph_, *skills_, {}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(CareerPlannerTest, TheSameInputsGiveTheSamePlan) {
  Person person{ProfileOf("ETL Developer"), false};
  auto a = PlanCareer(person, "data_engineer:senior", *graph_, *skills_, {});
  auto b = PlanCareer(person, "data_engineer:senior", *graph_, *skills_, {});
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->next.size(), b->next.size());
  for (size_t i = 0; i < a->next.size(); ++i) {
    EXPECT_EQ(a->next[i].key, b->next[i].key);
    EXPECT_EQ(a->next[i].fit, b->next[i].fit);
  }
  ASSERT_EQ(a->target->stages.size(), b->target->stages.size());
}

}  // namespace
}  // namespace jobscope::career
