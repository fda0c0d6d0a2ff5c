// File: career.h
//
// The career stage: where a person can go from a role and level, what to learn on the way, and what it pays.
// Two graphs, both shipped in data/career/:
//   - the career graph: nodes are role x level (entry, mid, senior, lead) with the market's skill demand and
//     pay; edges are moves of four kinds (advancement, lateral advancement, similar role, lateral transition)
//     drawn from the field's ladder, O*NET's Related Occupations mapped onto our roles, and the skill overlap
//     of the roles' postings. Each edge carries the skills the target asks for that the source's postings
//     rarely do, and the median pay change with its interval and sample sizes. `BuildCareerGraph` makes it
//     from postings and pay records; every figure keeps its sample size, and one backed by fewer than
//     kThinRecords records is marked thin.
//   - the skill graph: curated learning prerequisites (Python -> NumPy -> scikit-learn ...), each with a
//     source, checked acyclic when loaded; it orders a learning plan into stages.
// `PlanCareer` puts both to work for one person: next roles with fit, pay and demand; for a target, the
// missing skills by demand and pay premium in a prerequisite-respecting plan; for a newcomer, how to start.
//
// Example:
//   JS_ASSIGN_OR_RETURN(CareerGraph graph, CareerGraph::Load(data + "/career/graph.json"));
//   JS_ASSIGN_OR_RETURN(SkillGraph skills, SkillGraph::Load(data + "/career/skill_prerequisites.tsv", taxonomy));
//   CareerPlan plan = PlanCareer(person, graph, skills, market);
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "match/match.h"
#include "model/model.h"
#include "salary/salary.h"
#include "taxonomy/taxonomy.h"

namespace jobscope::career {

// A figure from fewer records than this is marked thin.
inline constexpr int64_t kThinRecords = 30;

// The ladder's four rungs; interns count as entry and executives as lead.
inline constexpr Level kLadder[] = {Level::kEntry, Level::kMid, Level::kSenior, Level::kLead};
// The rung a level sits on (kUnknown stays kUnknown).
Level LadderLevel(Level level);
// The next rung up, or nullopt at lead.
std::optional<Level> NextLevel(Level level);

// The roles the graph has nodes for: the AI specialisations and the data, MLOps, architect and product roles
// around them, and software engineering as the common way in.
const std::vector<Role>& CareerRoles();

// ---- the skill graph ---------------------------------------------------------------------------------------

struct Prerequisite {
  std::string before, after;  // skill ids: learn `before` first
  std::string source;         // where the dependency is documented
  std::string why;
};

class SkillGraph {
 public:
  // Reads data/career/skill_prerequisites.tsv. Errors: kIoError; kParseError naming the line when a skill
  // is not in the taxonomy, a line is malformed, or the edges make a cycle (the cycle is named).
  static StatusOr<SkillGraph> Load(const std::string& path, const taxonomy::Taxonomy& taxonomy);
  static StatusOr<SkillGraph> FromEdges(std::vector<Prerequisite> edges);

  const std::vector<Prerequisite>& edges() const { return edges_; }
  // The skill's taxonomy name (as loaded), else its id.
  std::string Name(std::string_view skill_id) const;
  // `known` and everything they need first: whoever knows a skill knows what it is built on.
  std::vector<std::string> WithPrerequisites(const std::vector<std::string>& known) const;
  // The direct prerequisites of a skill, in file order.
  std::vector<std::string> Before(std::string_view skill_id) const;
  // `goals` (most valuable first) plus every prerequisite (transitively) not in `known`, in stages: each
  // stage needs only what earlier stages and `known` hold, and takes at most `per_stage` skills (0: no
  // limit), those of the most valuable goals' chains first.
  std::vector<std::vector<std::string>> Stages(const std::vector<std::string>& goals,
                                               const std::vector<std::string>& known, size_t per_stage = 4) const;

 private:
  std::vector<Prerequisite> edges_;
  std::map<std::string, std::vector<std::string>, std::less<>> before_;
  std::map<std::string, std::string, std::less<>> names_;
};

// ---- the career graph --------------------------------------------------------------------------------------

enum class MoveKind { kAdvancement, kLateralAdvancement, kSimilarRole, kLateralTransition };
std::string_view MoveKindName(MoveKind kind);

struct PayFigure {
  double p10 = 0, p50 = 0, p90 = 0;  // annual USD
  int64_t records = 0;
  bool thin() const { return records < kThinRecords; }
};

struct SkillDemand {
  std::string skill_id, name;
  double share = 0;  // of the node's postings that ask for it
  int64_t postings = 0;
};

struct CareerNode {
  Role role = Role::kOther;
  Level level = Level::kEntry;
  int64_t postings = 0;             // postings of this role and level the graph was built from
  bool skills_pooled = false;       // too few postings: the demand is the role's across all levels
  std::vector<SkillDemand> skills;  // most asked first
  PayFigure pay;                    // US pay
  std::string Key() const;          // "ml_engineer:mid"
};

struct GapSkill {
  std::string skill_id, name;
  double target_share = 0, source_share = 0;
};

struct PayChange {
  double median = 0, low = 0, high = 0;  // target minus source median, with a 90% bootstrap interval
  int64_t source_records = 0, target_records = 0;
  bool thin() const { return source_records < kThinRecords || target_records < kThinRecords; }
};

struct CareerEdge {
  std::string from, to;  // node keys
  MoveKind kind = MoveKind::kAdvancement;
  std::vector<std::string> evidence;  // "ladder", "onet", "market"
  double skill_overlap = 0;           // cosine of the two roles' skill demand
  std::vector<GapSkill> gap;          // what the target asks and the source rarely does, largest first
  PayChange pay;
};

struct SkillPremiumFigure {
  double premium_usd = 0, ci_low = 0, ci_high = 0;
  int64_t postings = 0;
};

class CareerGraph {
 public:
  // Errors: kIoError, kParseError naming the file and the field.
  static StatusOr<CareerGraph> Load(const std::string& path);
  static StatusOr<CareerGraph> FromJson(std::string_view text, const std::string& name);
  Status Save(const std::string& path) const;
  std::string ToJson() const;

  const CareerNode* Node(Role role, Level level) const;
  const CareerNode* Node(std::string_view key) const;
  // The moves out of a node, in the graph's order (by kind, then target).
  std::vector<const CareerEdge*> EdgesFrom(std::string_view key) const;
  // The moves into a node.
  std::vector<const CareerEdge*> EdgesTo(std::string_view key) const;
  const SkillPremiumFigure* Premium(std::string_view skill_id) const;

  std::vector<CareerNode> nodes;
  std::vector<CareerEdge> edges;
  // Each role across all rungs (level kUnknown): the market's view of the specialisation.
  std::vector<CareerNode> roles;
  // US pay per rung over all the graph's roles.
  std::map<std::string, PayFigure> rung_pay;
  std::map<std::string, SkillPremiumFigure, std::less<>> premiums;  // by skill id
  std::map<std::string, std::string> sources;  // what each kind of figure was made from ("postings", "pay", ...)
};

// A move curated from the field's own description of its ladder (data/career/ladder.tsv).
struct LadderMove {
  Role from_role = Role::kOther, to_role = Role::kOther;
  std::optional<Level> from_level;  // nullopt: every rung
  int level_step = 0;               // 0 same rung, 1 the next one
  std::string source;
};
// Errors: kIoError, kParseError naming the line.
StatusOr<std::vector<LadderMove>> LoadLadderMoves(const std::string& path);

// An O*NET occupation mapped onto our roles (data/career/onet_roles.tsv).
struct OnetRole {
  std::string code, title;
  std::vector<Role> roles;
};
StatusOr<std::vector<OnetRole>> LoadOnetRoles(const std::string& path);
// O*NET's Related Occupations: code -> related codes by Index (the first is the closest). Errors: kIoError.
StatusOr<std::map<std::string, std::vector<std::string>>> LoadRelatedOccupations(const std::string& path);
// O*NET's Occupation Data: code -> title. Errors: kIoError.
StatusOr<std::map<std::string, std::string>> LoadOccupationTitles(const std::string& path);

struct GraphInputs {
  std::vector<match::PostingFacts> postings;  // understood postings (linked duplicates left out by the caller)
  std::vector<salary::SalaryRecord> pay;      // survey rows and postings with pay
  std::vector<salary::SkillPremium> premiums;
  std::vector<LadderMove> ladder;
  std::vector<OnetRole> onet_roles;
  std::map<std::string, std::vector<std::string>> related;  // O*NET Related Occupations
  std::map<std::string, std::string> sources;
};
// Roles whose postings' skill demand has at least this cosine are similar roles; at least kTransitionOverlap,
// a lateral transition is open between them.
inline constexpr double kSimilarOverlap = 0.85;
inline constexpr double kTransitionOverlap = 0.7;
// Builds the graph: nodes from the postings and pay, edges from the ladder, O*NET (its top 10 related
// occupations between mapped roles) and the skill overlap of the roles. Deterministic.
CareerGraph BuildCareerGraph(const GraphInputs& inputs);

// How far the graph agrees with O*NET's Related Occupations: for every mapped occupation, its top 10 related
// occupations that map to another of our roles, and whether the graph links the two roles (at any level)
// with edges of the given evidence.
struct OnetAgreementRow {
  std::string code, title;
  int related_mapped = 0, linked = 0, related_outside = 0;
  std::vector<std::string> missed;  // "15-2041.00 Statisticians -> data_analyst"
};
struct OnetAgreement {
  std::vector<OnetAgreementRow> rows;
  int related_mapped = 0, linked = 0, related_outside = 0;
  double share() const { return related_mapped ? static_cast<double>(linked) / related_mapped : 0; }
};
// `evidence_allowed`: only edges with one of these evidence kinds count ("ladder", "market"); empty: all.
OnetAgreement MeasureOnetAgreement(const CareerGraph& graph, const std::vector<OnetRole>& onet_roles,
                                   const std::map<std::string, std::vector<std::string>>& related,
                                   const std::map<std::string, std::string>& titles,
                                   const std::vector<std::string>& evidence_allowed);

// How a specialisation's postings stand against the skills the field's own description lists (Python, R,
// Java, TensorFlow, Keras, PyTorch, scikit-learn, linear algebra, calculus, probability, statistics, Hadoop,
// Spark, AWS, GCP, Azure): which are in its top 10 by demand and which are not.
struct FieldSkillCheck {
  Role role = Role::kOther;
  int64_t postings = 0;
  std::vector<SkillDemand> top10;
  std::vector<std::string> confirmed, not_in_top10;  // the field's names for the skills
};
// One per role of the graph, in the graph's order.
std::vector<FieldSkillCheck> CheckFieldSkills(const CareerGraph& graph);

// ---- a person's plan ---------------------------------------------------------------------------------------

// Who the plan is for: a profile from a résumé, or skills, a role and a level given by hand.
struct Person {
  match::Profile profile;
  bool newcomer = false;  // no role to start from: show how to start in each specialisation
};

// A person described by hand (CLI flags, API parameters).
struct PersonSpec {
  std::vector<std::string> skills;  // taxonomy ids, names or aliases
  std::string role, level;          // names; may be empty
  bool start = false;               // asks for the newcomer's guide
};
// Errors: kInvalidArgument naming the field ("skills: 'x' is not in the taxonomy", "role: unknown role ...").
// Nothing given at all, or `start`, is a newcomer.
StatusOr<Person> PersonFromSpec(const PersonSpec& spec, const taxonomy::Taxonomy& taxonomy);

// What the planner may read beyond the graphs; every part may be null.
struct PlanSources {
  const match::MatchIndex* market = nullptr;  // stored postings: the matcher's fit, counts, what each stage unlocks
  const salary::SalaryModel* pay_model = nullptr;  // pay at the person's place
  std::string country = "US";                      // for the pay model
  std::string metro;
};

// Sets the country and metro pay is estimated for from a place as people write it ("Austin, TX", "Germany",
// "DE"), the way salary estimates read it. Errors: kInvalidArgument ("location: cannot tell the country ...").
Status SetPlace(const std::string& location, PlanSources& sources);

struct PayAt {
  double p10 = 0, p50 = 0, p90 = 0;
  int64_t records = 0;  // comparable records behind the figure
  std::string source;   // "salary model (survey + postings), US" or "career graph: N US pay records"
  bool thin() const { return records < kThinRecords; }
};

struct NextRole {
  std::string key;
  Role role = Role::kOther;
  Level level = Level::kEntry;
  MoveKind kind = MoveKind::kAdvancement;
  std::vector<std::string> evidence;
  double fit = 0;            // the matcher's score 0..100 (median of the best postings there)
  int64_t fit_postings = 0;  // postings the fit is the median over
  std::string fit_source;
  PayAt pay_now, pay_there;
  PayChange pay_change;  // from the graph (US)
  int64_t postings = 0;  // stored postings that want it (or the graph's count)
  std::string postings_source;
  std::vector<GapSkill> gap;  // of the edge, without what the person has
};

struct PlannedSkill {
  std::string skill_id, name;
  double demand = 0;  // share of the target's postings asking for it
  int64_t demand_postings = 0;
  std::optional<SkillPremiumFigure> premium;
  double value = 0;                // demand x (1 + premium / target pay), what ranks the gap
  bool prerequisite_only = false;  // not asked much by the target, but needed first for a skill that is
};

struct PlanStage {
  int number = 1;
  std::vector<PlannedSkill> skills;
  int64_t unlocks = 0;         // target postings whose asked technical skills you would hold at least 60% of after
                               // this stage and not before
  int64_t unlocked_total = 0;  // after this stage in all
  std::vector<std::string> example_postings;  // ids
};

struct TargetPlan {
  std::string key;
  Role role = Role::kOther;
  Level level = Level::kEntry;
  int64_t target_postings = 0;
  bool skills_pooled = false;
  std::vector<PlannedSkill> missing;  // ranked by value
  std::vector<PlanStage> stages;
  int64_t postings_considered = 0;  // stored target postings the unlock counts are over
  int64_t unlocked_now = 0;
  PayAt pay_there;
};

struct StartGuide {
  Role role = Role::kOther;
  std::vector<std::vector<std::string>> first_skills;       // stages of skill ids
  std::vector<std::vector<std::string>> first_skill_names;  // as `first_skills`
  std::vector<std::string> first_roles;  // entry node keys that lead into the role, its own entry first
  std::vector<int64_t> first_role_postings;
  PayAt entry_pay;
};

struct CareerPlan {
  std::string current;  // node key, "" for a newcomer
  std::string note;     // why a person with a résumé or skills got the newcomer's guide, else ""
  Role role = Role::kOther;
  Level level = Level::kUnknown;
  std::string level_source;
  std::vector<NextRole> next;  // by kind, then fit
  std::optional<TargetPlan> target;
  std::vector<StartGuide> start;  // for a newcomer
};

// The plan. `target` (optional) names ROLE or ROLE:LEVEL; without a level, the person's own role means its
// next rung up and another role the person's rung (a newcomer's: entry). A person whose role is none of
// CareerRoles() gets the newcomer's guide. A role the profile leaves open (kOther, no title naming one) is
// decided by `sources.market` when there is one, as matching decides it.
// Errors: kInvalidArgument for an unknown target or a role the graph has no node for.
StatusOr<CareerPlan> PlanCareer(const Person& person, const std::string& target, const CareerGraph& graph,
                                const SkillGraph& skills, const PlanSources& sources);

// Reads "ml_engineer" or "ml_engineer:senior". Errors: kInvalidArgument naming what is unknown.
StatusOr<std::pair<Role, std::optional<Level>>> ParseNodeName(std::string_view text);

}  // namespace jobscope::career
