#include "taxonomy/taxonomy.h"

#include <array>
#include <fstream>
#include <utility>

#include "base/strings.h"
#include "base/tsv.h"
#include "text/text.h"

namespace jobscope::taxonomy {
namespace {

constexpr std::array<std::pair<Category, std::string_view>, 17> kCategoryNames = {{
    {Category::kLanguage, "language"},
    {Category::kFramework, "framework"},
    {Category::kLibrary, "library"},
    {Category::kTool, "tool"},
    {Category::kPlatform, "platform"},
    {Category::kCloud, "cloud"},
    {Category::kDatabase, "database"},
    {Category::kMath, "math"},
    {Category::kMlConcept, "ml_concept"},
    {Category::kDataSkill, "data_skill"},
    {Category::kKnowledge, "knowledge"},
    {Category::kSoftSkill, "soft_skill"},
    {Category::kSpokenLanguage, "spoken_language"},
    {Category::kCertification, "certification"},
    {Category::kSoftware, "software"},
    {Category::kMethod, "method"},
    {Category::kDomain, "domain"},
}};

FormRule ParseFlags(std::string_view flags) {
  FormRule rule;
  for (std::string_view flag : SplitOn(flags, ',')) {
    flag = TrimAscii(flag);
    if (flag == "case") rule.case_sensitive = true;
    if (flag == "ambiguous") rule.ambiguous = true;
  }
  return rule;
}

}  // namespace

// Aliases are written with their rule as a prefix: "=" case-sensitive, "?" ambiguous ("=?Go").
Alias DecodeAlias(std::string_view encoded) {
  Alias alias;
  while (!encoded.empty() && (encoded[0] == '=' || encoded[0] == '?')) {
    if (encoded[0] == '=') alias.rule.case_sensitive = true;
    if (encoded[0] == '?') alias.rule.ambiguous = true;
    encoded.remove_prefix(1);
  }
  alias.text = std::string(encoded);
  return alias;
}

std::string EncodeAlias(const Alias& alias) {
  std::string out;
  if (alias.rule.case_sensitive) out += '=';
  if (alias.rule.ambiguous) out += '?';
  return out + alias.text;
}

namespace {

std::string FlagsText(const FormRule& rule) {
  std::vector<std::string> flags;
  if (rule.case_sensitive) flags.emplace_back("case");
  if (rule.ambiguous) flags.emplace_back("ambiguous");
  return JoinStrings(flags, ",");
}

}  // namespace

std::string FormKey(std::string_view form) {
  std::string folded = text::FoldCase(TrimAscii(form));
  std::string key;
  key.reserve(folded.size());
  for (char c : folded) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += c;
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

std::string_view CategoryName(Category category) {
  for (const auto& [key, name] : kCategoryNames) {
    if (key == category) return name;
  }
  return "software";
}

std::string_view SkillType(Category category) {
  switch (category) {
    case Category::kLanguage:
      return "language";
    case Category::kFramework:
    case Category::kLibrary:
      return "framework";
    case Category::kTool:
    case Category::kSoftware:
      return "tool";
    case Category::kPlatform:
    case Category::kCloud:
      return "platform";
    case Category::kDatabase:
      return "database";
    case Category::kDataSkill:
    case Category::kMethod:
      return "method";
    case Category::kMath:
    case Category::kMlConcept:
    case Category::kKnowledge:
      return "knowledge";
    case Category::kSoftSkill:
      return "soft";
    case Category::kSpokenLanguage:
      return "spoken_language";
    case Category::kCertification:
      return "certification";
    case Category::kDomain:
      return "domain";
  }
  return "tool";
}

bool IsTechnicalType(std::string_view type) {
  return type == "language" || type == "framework" || type == "tool" || type == "platform" || type == "database" ||
         type == "method" || type == "knowledge";
}

std::optional<Category> ParseCategory(std::string_view name) {
  for (const auto& [key, entry] : kCategoryNames) {
    if (entry == name) return key;
  }
  return std::nullopt;
}

StatusOr<Taxonomy> Taxonomy::Load(const std::string& path) {
  std::vector<Skill> skills;
  JS_RETURN_IF_ERROR(ForEachTsvRow(path, [&](const TsvRow& row) -> Status {
    const auto& cols = row.fields;
    if (cols.size() != 8) {
      return ParseError(row.where + ": expected 8 tab-separated fields, got " + std::to_string(cols.size()));
    }
    if (cols[0] == "id") return Status::Ok();  // header row
    Skill skill;
    skill.id = std::string(cols[0]);
    skill.name = std::string(cols[1]);
    auto category = ParseCategory(cols[2]);
    if (!category) return ParseError(row.where + ", field category: unknown '" + std::string(cols[2]) + "'");
    skill.category = *category;
    skill.source = std::string(cols[3]);
    skill.hot = cols[4] == "1";
    skill.in_demand = cols[5] == "1";
    if (!cols[6].empty()) {
      for (std::string_view alias : SplitOn(cols[6], '|')) skill.aliases.push_back(DecodeAlias(alias));
    }
    skill.rule = ParseFlags(cols[7]);
    if (skill.id.empty() || skill.name.empty()) return ParseError(row.where + ": empty id or name");
    skills.push_back(std::move(skill));
    return Status::Ok();
  }));
  return FromSkills(std::move(skills));
}

Taxonomy Taxonomy::FromSkills(std::vector<Skill> skills) {
  Taxonomy taxonomy;
  taxonomy.skills_ = std::move(skills);
  taxonomy.Index();
  return taxonomy;
}

void Taxonomy::Index() {
  for (uint32_t idx = 0; idx < skills_.size(); ++idx) {
    const Skill& skill = skills_[idx];
    by_id_.emplace(skill.id, idx);
    auto add_form = [&](const std::string& form, const FormRule& rule) {
      by_form_.emplace(FormKey(form), idx);  // first (curated) entry wins
      SurfaceForm surface;
      surface.text = rule.case_sensitive ? form : text::FoldCase(form);
      surface.skill_index = idx;
      surface.rule = rule;
      forms_.push_back(std::move(surface));
    };
    add_form(skill.name, skill.rule);
    for (const Alias& alias : skill.aliases) add_form(alias.text, alias.rule);
  }
}

const Skill* Taxonomy::FindById(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &skills_[it->second];
}

const Skill* Taxonomy::Find(std::string_view id_name_or_alias) const {
  const Skill* skill = FindById(id_name_or_alias);
  return skill ? skill : FindByForm(id_name_or_alias);
}

const Skill* Taxonomy::FindByForm(std::string_view form) const {
  auto it = by_form_.find(FormKey(form));
  return it == by_form_.end() ? nullptr : &skills_[it->second];
}

static std::string EncodedAliases(const Skill& skill) {
  std::vector<std::string> encoded;
  for (const Alias& alias : skill.aliases) encoded.push_back(EncodeAlias(alias));
  return JoinStrings(encoded, "|");
}

Status WriteTaxonomy(const std::vector<Skill>& skills, const std::string& out_path, std::string_view header_note) {
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  if (!out) return IoError("cannot write " + out_path);
  out << "# " << header_note << "\n";
  out << "id\tname\tcategory\tsource\thot\tin_demand\taliases\tflags\n";
  for (const Skill& skill : skills) {
    out << skill.id << '\t' << skill.name << '\t' << CategoryName(skill.category) << '\t' << skill.source << '\t'
        << (skill.hot ? 1 : 0) << '\t' << (skill.in_demand ? 1 : 0) << '\t' << EncodedAliases(skill) << '\t'
        << FlagsText(skill.rule) << '\n';
  }
  out.flush();
  if (!out) return IoError("write failed: " + out_path);
  return Status::Ok();
}

}  // namespace jobscope::taxonomy
