// File: taxonomy.h
//
// The taxonomy stage: the skills jobscope knows (id, preferred name, category, aliases, source, demand flags),
// loaded from data/taxonomy/skills.tsv, and the tool that builds that file from O*NET Technology Skills, ESCO
// skill labels and the curated AI/ML layer (data/taxonomy/curated.tsv). A loaded Taxonomy is immutable and
// safe to share between threads.
//
// Example:
//   JS_ASSIGN_OR_RETURN(Taxonomy taxonomy, Taxonomy::Load(DataDir() + "/taxonomy/skills.tsv"));
//   const Skill* torch = taxonomy.FindByForm("pytorch");   // -> {id "pytorch", name "PyTorch", ...}
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace jobscope::taxonomy {

enum class Category {
  kLanguage,
  kFramework,
  kLibrary,
  kTool,
  kPlatform,
  kCloud,
  kDatabase,
  kMath,
  kMlConcept,
  kDataSkill,
  kKnowledge,
  kSoftSkill,
  kSpokenLanguage,
  kCertification,
  kSoftware,
  kMethod,
  kDomain,
};
std::string_view CategoryName(Category category);

// What kind of skill a category is, in the coarse terms a posting's reader uses: `language`, `framework`,
// `tool`, `platform`, `database`, `method`, `knowledge` (the technical types), and `soft`,
// `spoken_language`, `certification`, `domain` (a field or industry, such as "artificial intelligence").
std::string_view SkillType(Category category);
// True for the technical types: what a market summary counts as skills.
bool IsTechnicalType(std::string_view type);
std::optional<Category> ParseCategory(std::string_view name);

// How a surface form may be matched in text.
struct FormRule {
  bool case_sensitive = false;  // "R", "Go", "C": only as written
  bool ambiguous = false;       // also a common word or place ("Spark", "Java", "Excel"): needs skill context
};

struct SurfaceForm {
  std::string text;  // as matched (exact case when case_sensitive, else lowercase)
  uint32_t skill_index = 0;
  FormRule rule;
};

struct Alias {
  std::string text;
  FormRule rule;
};

struct Skill {
  std::string id;    // stable slug: "pytorch", "onet-tableau", "esco-computer-science"
  std::string name;  // preferred name
  Category category = Category::kSoftware;
  std::string source;      // "curated", "onet", "esco", or joined with '+'
  bool hot = false;        // O*NET Hot Technology
  bool in_demand = false;  // O*NET In Demand
  std::vector<Alias> aliases;
  FormRule rule;  // how the preferred name itself may match
};

class Taxonomy {
 public:
  // Reads the generated skills table. Errors: kIoError (unreadable), kParseError (row and field named).
  static StatusOr<Taxonomy> Load(const std::string& path);
  // Builds from in-memory skills (tests, the builder).
  static Taxonomy FromSkills(std::vector<Skill> skills);

  const std::vector<Skill>& skills() const { return skills_; }
  const std::vector<SurfaceForm>& surface_forms() const { return forms_; }
  const Skill* FindById(std::string_view id) const;
  // Looks a name or alias up by its key (FormKey). nullptr if unknown.
  const Skill* FindByForm(std::string_view form) const;
  // A skill as a person names it: its id, its name or any alias ("sklearn", "Scikit-Learn"). nullptr if none.
  const Skill* Find(std::string_view id_name_or_alias) const;

 private:
  void Index();
  std::vector<Skill> skills_;
  std::vector<SurfaceForm> forms_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, uint32_t> by_form_;
};

// The key two surface forms share when they name the same thing: case-folded, whitespace collapsed;
// punctuation is kept, because "C", "C++" and "C#" are different skills.
std::string FormKey(std::string_view form);

// Paths of the public sources the builder reads.
struct BuildSources {
  std::string onet_technology_skills;  // O*NET "Technology Skills.txt"
  std::string esco_skill_labels;       // one ESCO preferred label per line
  std::string esco_collections_dir;    // ESCO *SkillsCollection_en.csv (alt labels, skill types)
  std::string curated;                 // data/taxonomy/curated.tsv
  // A list of everyday English words, one per line (Debian's wamerican: /usr/share/dict/words). A
  // one-word O*NET or ESCO name that is an everyday word ("Shape", "Training", "energy") is either
  // matched only as written and near other skills (O*NET products) or left out (ESCO knowledge).
  std::string english_words = "/usr/share/dict/words";
};

struct BuildReport {
  size_t curated = 0, onet = 0, esco = 0, merged = 0, skipped = 0, total = 0, forms = 0;
};

// Builds the skills table from the sources. Deterministic: same inputs, same bytes out.
StatusOr<BuildReport> BuildTaxonomy(const BuildSources& sources, const std::string& out_path);

// Alias text with its rule prefix ("=" case-sensitive, "?" ambiguous), as stored in the TSV.
Alias DecodeAlias(std::string_view encoded);
std::string EncodeAlias(const Alias& alias);

// Writes skills as the TSV that Load() reads.
Status WriteTaxonomy(const std::vector<Skill>& skills, const std::string& out_path, std::string_view header_note);

}  // namespace jobscope::taxonomy
