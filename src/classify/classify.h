// File: classify.h
//
// The classify stage: decides a posting's role and level, and composes the whole understanding of a posting
// (extract's facts + these decisions) in one call. This first version decides role from title rules with a
// description fallback, and level from title cues, the source's own field and stated years of experience.
//
// Thread-safety: an Understander owns a SkillMatcher (vectorscan scratch), so it serves one thread at a
// time; Clone() one per thread.
//
// Example:
//   JS_ASSIGN_OR_RETURN(auto understander, Understander::Create(taxonomy, rates));
//   Posting posting = understander->Understand(raw);
//   RoleName(posting.understood.role);   // "nlp_engineer"
#pragma once

#include <array>
#include <map>
#include <memory>
#include <span>
#include <string_view>
#include <unordered_map>

#include "base/status.h"
#include "classify/internal/hashed_softmax.h"
#include "extract/extract.h"
#include "model/model.h"
#include "taxonomy/taxonomy.h"

namespace jobscope::classify {

// Role from the title alone; nullopt when the title names no specialisation (e.g. "Member of Technical Staff").
std::optional<Role> RoleFromTitle(std::string_view title);
// Role from the title, falling back on what the description talks about most.
Role GuessRole(std::string_view title, std::string_view description);

// How often a description uses the words of each kind of work (language, vision, platform, networks, tabular
// ML, lab science, data work, reporting, pipelines, modelling): counted once per posting, read by the rules
// below.
constexpr size_t kFocusKinds = 10;
namespace focus {  // the kinds, in FocusCounts order: counts[focus::kModelling]
enum Kind : size_t {
  kLanguage,
  kVision,
  kPlatform,
  kNetworks,
  kTabular,
  kLab,
  kData,
  kReporting,
  kPipelines,
  kModelling
};
}  // namespace focus
using FocusCounts = std::array<int, kFocusKinds>;
FocusCounts CountFocus(std::string_view description);
// The specialisation a description is mainly about (nlp, computer vision, MLOps or deep learning), when one
// clearly dominates; nullopt for generic ML work (ranking, forecasting, fraud, tabular) or no clear focus.
std::optional<Role> SpecialisationFromCounts(const FocusCounts& counts);
std::optional<Role> SpecialisationFromText(std::string_view description);
// data_analyst or data_engineer when a description is mostly reporting or mostly pipelines with little
// modelling; nullopt otherwise.
std::optional<Role> DataWorkFromCounts(const FocusCounts& counts);
// True when a description talks of bench science (assays, patients, cells) more than of data work.
bool LooksLikeLabScience(const FocusCounts& counts);

// The role of a posting from title and description together (DESIGN.md, "Roles"): the title rules, with a
// generic ML or engineering title specialised by what the description is mainly about, and a bare
// "Scientist" title of a lab posting read as other. nullopt when the title names nothing the rules know.
struct RoleDecision {
  Role role = Role::kOther;
  std::string evidence;  // "title rule", "title rule + description"
};
std::optional<RoleDecision> DecideRoleByRules(std::string_view title, std::string_view description);

// The level the ladder gives for the years of a posting's main experience requirement: 0-2 entry, 3-4 mid,
// 5-7 senior, 8+ lead.
Level LevelForYears(int years);

struct LevelDecision {
  Level level = Level::kMid;
  std::string evidence;  // what decided: "title says senior", "5+ years asked", "no level stated: mid"
  bool stated = true;    // false when nothing stated a level and the default decided
};
// Level by DESIGN.md's order: the title's (or the body's) level word, then the main requirement's years,
// then a source field that states a level specifically (LinkedIn "Entry level", not "Mid-Senior level"),
// then an internship's employment type, else mid.
LevelDecision DecideLevel(const extract::SeniorityCues& cues, std::string_view source_level_field,
                          EmploymentType employment_type = EmploymentType::kUnknown);

// ---- the role classifier --------------------------------------------------------------------------------

// A multinomial logistic regression over hashed word and character n-grams of the title (weighted up) and
// words of the description, trained from weak labels (the title rules above) with SGD and fixed seeds.
struct RoleExample {
  std::string title;
  std::string description;
  Role role = Role::kOther;
};

struct RolePrediction {
  Role role = Role::kOther;
  std::vector<std::pair<Role, double>> probabilities;        // every role, most probable first
  std::vector<std::pair<std::string, double>> top_features;  // what pushed the chosen role up most
};

using RoleTrainOptions = internal::SoftmaxTrainOptions;

class RoleClassifier {
 public:
  ~RoleClassifier();
  static std::unique_ptr<RoleClassifier> Train(const std::vector<RoleExample>& examples,
                                               const RoleTrainOptions& options);
  // Errors: kIoError, kParseError.
  static StatusOr<std::unique_ptr<RoleClassifier>> Load(const std::string& path);
  Status Save(const std::string& path) const;
  RolePrediction Predict(std::string_view title, std::string_view description) const;

 private:
  RoleClassifier() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Weak labels: the title rules' role for each example whose title names one; the rest are dropped.
std::vector<RoleExample> WeakRoleLabels(const std::vector<std::pair<std::string, std::string>>& titles_and_texts);

struct RoleCrossValidation {
  double accuracy = 0;
  double macro_f1 = 0;
  std::map<std::string, std::pair<double, double>> per_role;  // role -> (precision, recall)
  std::vector<std::vector<int64_t>> confusion;                // [gold][predicted], in AllRoles() order
  size_t examples = 0;
};
RoleCrossValidation CrossValidateRoles(const std::vector<RoleExample>& examples, int folds,
                                       const RoleTrainOptions& options);

class Understander {
 public:
  // The taxonomy and rates must outlive the Understander. Errors: those of SkillMatcher::Create.
  static StatusOr<std::unique_ptr<Understander>> Create(const taxonomy::Taxonomy& taxonomy,
                                                        const extract::CurrencyRates& rates);
  StatusOr<std::unique_ptr<Understander>> Clone() const;

  // Adds the trained span tagger: spans it finds beyond the dictionary are linked to the taxonomy by name
  // or alias, or kept as candidate new skills. Errors: those of SpanTagger::Load.
  Status UseTagger(const std::string& model_path);

  // Adds the role classifier (shared with clones; read-only), asked for titles the role rules cannot place.
  // Errors: those of RoleClassifier::Load.
  Status UseRoleModel(const std::string& role_model_path);

  // Understands one posting: strips markup from the description (kept in raw as given), finds skills,
  // salary, seniority, location, work mode, role and level, and computes the stable id and duplicate keys.
  Posting Understand(RawPosting raw) const;

  const extract::CurrencyRates& rates() const { return *rates_; }

 private:
  Understander() = default;
  void AddTaggedSkills(std::string_view text, Understanding& out) const;
  void DecideRole(std::string_view title, std::string_view plain, Understanding& out) const;
  const RolePrediction& CachedRolePrediction(std::string_view title) const;
  std::unique_ptr<extract::SkillMatcher> matcher_;
  std::unique_ptr<extract::SkillMatcher> tagger_matcher_;  // the tagger's own dictionary scratch space
  std::unique_ptr<extract::SpanTagger> tagger_;
  std::string tagger_path_;
  std::shared_ptr<const RoleClassifier> role_model_;
  mutable std::unordered_map<std::string, RolePrediction> role_cache_;  // per instance: one thread each
  const extract::CurrencyRates* rates_ = nullptr;
};

}  // namespace jobscope::classify
