// Builds data/taxonomy/skills.tsv from three layers, in order of authority:
//   1. the curated AI/ML layer (data/taxonomy/curated.tsv): clean ids, categories and the aliases people
//      write ("sklearn", "k8s", "LLMs"), plus `!stop` lines naming forms the other layers must not add;
//   2. O*NET Technology Skills: products and languages with Hot Technology / In Demand flags;
//   3. ESCO skill labels that name knowledge (noun phrases); competence labels ("manage budgets") are
//      phrased as instructions and almost never occur verbatim in postings, so they are left out. ESCO's
//      knowledge spans every occupation ("company policies", "social sciences", "customer service"): an
//      entry only ESCO names is typed `domain` (a field, not a technical skill) unless its qualifier says
//      it is a language or a product; technical fields come from the curated layer, which ESCO merges into.
// A later layer's entry whose name or alias is already known merges into the earlier entry.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "base/strings.h"
#include "base/tsv.h"
#include "taxonomy/internal/esco_verbs.h"
#include "taxonomy/taxonomy.h"
#include "text/text.h"

namespace jobscope::taxonomy {
namespace {

struct Layered {
  std::vector<Skill> skills;
  std::map<std::string, uint32_t> by_key;  // FormKey(form) -> skill index
  std::set<std::string> stopped;           // FormKey(form) the generated layers may not add
  std::set<std::string> ids;
  std::set<std::string> everyday_words;  // lowercase
};

std::string Slug(std::string_view text) {
  std::string key = text::NormalizeKey(text);
  for (char& c : key) {
    if (c == ' ') c = '-';
  }
  return key;
}

bool IsUpperToken(std::string_view token) {
  bool has_letter = false;
  for (char c : token) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') has_letter = true;
  }
  return has_letter;
}

bool IsEverydayWord(const Layered& layered, std::string_view form) {
  if (form.find(' ') != std::string_view::npos) return false;
  return layered.everyday_words.count(AsciiLower(form)) > 0;
}

// "Structured query language SQL": the last word is an acronym of the words before it.
bool IsTrailingAcronym(const std::vector<std::string>& words) {
  if (words.size() < 2) return false;
  const std::string& last = words.back();
  if (last.size() < 2 || last.size() > 6 || !IsUpperToken(last)) return false;
  if (words.size() - 1 < last.size()) return false;
  size_t first_word = words.size() - 1 - last.size();
  for (size_t idx = 0; idx < last.size(); ++idx) {
    char initial = words[first_word + idx][0];
    if (initial >= 'a' && initial <= 'z') initial = static_cast<char>(initial - 'a' + 'A');
    if (initial != last[idx]) return false;
  }
  return true;
}

bool HasInnerCapitalOrDigit(std::string_view token) {
  for (size_t idx = 1; idx < token.size(); ++idx) {
    if ((token[idx] >= 'A' && token[idx] <= 'Z') || (token[idx] >= '0' && token[idx] <= '9')) return true;
  }
  return false;
}

// Short or all-capital forms are matched as written; one- and two-letter forms also need context.
FormRule AutoRule(std::string_view form) {
  FormRule rule;
  if (form.size() <= 2) {
    rule.case_sensitive = true;
    rule.ambiguous = true;
  } else if (form.size() <= 6 && IsUpperToken(form)) {  // "BASIC", "FIELDS": acronyms, not words
    rule.case_sensitive = true;
  }
  return rule;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  std::string word;
  while (in >> word) words.push_back(word);
  return words;
}

// Curated aliases may spell variants with braces, one group or more: "deploy{,ing} {ML ,}models" stands for
// "deploy models", "deploy ML models", "deploying models", "deploying ML models". Spaces left doubled by an
// empty choice are collapsed.
std::vector<std::string> ExpandBraces(std::string_view text) {
  size_t open = text.find('{');
  size_t close = open == std::string_view::npos ? open : text.find('}', open);
  if (close == std::string_view::npos) {
    std::vector<std::string> words = SplitWords(text);
    return {JoinStrings(words, " ")};
  }
  std::vector<std::string> out;
  std::string_view head = text.substr(0, open), tail = text.substr(close + 1);
  for (std::string_view choice : SplitOn(text.substr(open + 1, close - open - 1), ',')) {
    std::string joined = std::string(head) + std::string(choice) + std::string(tail);
    for (std::string& expanded : ExpandBraces(joined)) out.push_back(std::move(expanded));
  }
  return out;
}

// Adds `skill` unless one of its forms is known; then merges it into the known entry. Returns true if new.
bool AddOrMerge(Layered& layered, Skill skill, size_t& merged) {
  std::vector<std::string> forms = {skill.name};
  for (const Alias& alias : skill.aliases) forms.push_back(alias.text);
  for (const std::string& form : forms) {
    auto it = layered.by_key.find(FormKey(form));
    if (it == layered.by_key.end()) continue;
    Skill& known = layered.skills[it->second];
    if (known.source.find(skill.source) == std::string::npos) known.source += "+" + skill.source;
    known.hot = known.hot || skill.hot;
    known.in_demand = known.in_demand || skill.in_demand;
    for (const std::string& other : forms) {
      std::string key = FormKey(other);
      if (layered.by_key.count(key) || layered.stopped.count(key)) continue;
      layered.by_key.emplace(key, it->second);
      known.aliases.push_back({other, AutoRule(other)});
    }
    ++merged;
    return false;
  }
  uint32_t index = static_cast<uint32_t>(layered.skills.size());
  for (const std::string& form : forms) layered.by_key.emplace(FormKey(form), index);
  std::string base_id = skill.id;
  for (int suffix = 2; !layered.ids.insert(skill.id).second; ++suffix)
    skill.id = base_id + "-" + std::to_string(suffix);
  layered.skills.push_back(std::move(skill));
  return true;
}

Status ReadCurated(const std::string& path, Layered& layered, BuildReport& report) {
  return ForEachTsvRow(path, [&](const TsvRow& row) -> Status {
    const auto& cols = row.fields;
    if (cols[0] == "!stop") {
      if (cols.size() != 2) return ParseError(row.where + ": !stop takes one form");
      layered.stopped.insert(FormKey(cols[1]));
      return Status::Ok();
    }
    if (cols.size() < 3 || cols.size() > 5)
      return ParseError(row.where + ": expected id, name, category[, aliases[, flags]]");
    Skill skill;
    skill.id = std::string(cols[0]);
    skill.name = std::string(cols[1]);
    auto category = ParseCategory(cols[2]);
    if (!category) return ParseError(row.where + ", field category: unknown '" + std::string(cols[2]) + "'");
    skill.category = *category;
    skill.source = "curated";
    if (cols.size() > 4) {
      skill.rule.case_sensitive = cols[4].find('=') != std::string_view::npos;
      skill.rule.ambiguous = cols[4].find('?') != std::string_view::npos;
    }
    if (cols.size() > 3 && !cols[3].empty()) {
      // A form matched as written differs from one that differs only in case: "Llama" and "LLaMA" both count.
      auto seen_key = [](const std::string& text, const FormRule& rule) {
        return rule.case_sensitive ? "=" + text : FormKey(text);
      };
      std::set<std::string> seen = {seen_key(skill.name, skill.rule)};
      for (std::string_view encoded : SplitOn(cols[3], '|')) {
        Alias alias = DecodeAlias(encoded);
        for (std::string& text : ExpandBraces(alias.text)) {
          if (text.empty() || !seen.insert(seen_key(text, alias.rule)).second) continue;
          skill.aliases.push_back({std::move(text), alias.rule});
        }
      }
    }
    for (const Alias& alias : skill.aliases) {
      if (layered.by_key.count(FormKey(alias.text))) {
        return ParseError(row.where + ": alias '" + alias.text + "' already belongs to another curated skill");
      }
    }
    size_t ignored = 0;
    if (!AddOrMerge(layered, std::move(skill), ignored)) {
      return ParseError(row.where + ": name repeats an earlier curated skill");
    }
    ++report.curated;
    return Status::Ok();
  });
}

bool IsLowerWord(std::string_view word) {
  return word.size() >= 3 && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The other number of a phrase's last word, when it is a plain lowercase noun: "data pipelines" <-> "data
// pipeline", "recommender system" <-> "recommender systems", "ontology" <-> "ontologies". Empty when the word
// has no safe other form ("analytics", "analysis", "learning", "series").
std::string OtherNumber(std::string_view word) {
  if (!IsLowerWord(word) || word.ends_with("ing") || word == "series" || word == "species" || word == "data") return "";
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  if (word.ends_with("ies") && word.size() > 4) return std::string(word.substr(0, word.size() - 3)) + "y";
  for (std::string_view ending : {"sses", "xes", "ches", "shes"}) {
    if (word.ends_with(ending)) return std::string(word.substr(0, word.size() - 2));
  }
  if (word.ends_with('s')) {
    for (std::string_view ending : {"ss", "us", "is", "ics", "ous"}) {
      if (word.ends_with(ending)) return "";
    }
    return std::string(word.substr(0, word.size() - 1));
  }
  if (word.ends_with('x') || word.ends_with('z') || word.ends_with("ch") || word.ends_with("sh")) return "";
  if (word.ends_with('y') && !vowel(word[word.size() - 2])) return std::string(word.substr(0, word.size() - 1)) + "ies";
  return std::string(word) + "s";
}

// The spellings a curated phrase also takes in postings, generated so the curated file need not list them:
// the last word in the other number ("vector database" for "vector databases"), a two-word phrase or the
// first pair of a longer one hyphenated as a compound ("data-wrangling", "time-series analysis"), and a
// hyphenated phrase with spaces ("fine tuning"). Forms matched only as written (acronyms) are left alone.
std::vector<std::string> SpellingVariants(std::string_view form) {
  std::vector<std::string> words = SplitWords(form);
  std::vector<std::string> out;
  if (words.size() >= 2) {
    std::string other = OtherNumber(words.back());
    if (!other.empty()) {
      std::vector<std::string> changed = words;
      changed.back() = other;
      out.push_back(JoinStrings(changed, " "));
    }
    if (words.size() <= 3 && IsLowerWord(words[0]) && IsLowerWord(words[1])) {
      std::vector<std::string> joined = {words[0] + "-" + words[1]};
      joined.insert(joined.end(), words.begin() + 2, words.end());
      out.push_back(JoinStrings(joined, " "));
    }
  }
  if (form.find('-') != std::string_view::npos) {
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    std::string spaced(form);
    bool letters_around = true;
    for (size_t at = spaced.find('-'); at != std::string::npos; at = spaced.find('-', at + 1)) {
      letters_around =
          letters_around && at > 0 && at + 1 < spaced.size() && letter(spaced[at - 1]) && letter(spaced[at + 1]);
      spaced[at] = ' ';
    }
    if (letters_around) out.push_back(spaced);
  }
  return out;
}

// Adds the spelling variants of every curated form that no curated form has claimed; run after the curated
// layer so a listed form always wins over a generated one, and before O*NET and ESCO so they merge into it.
void AddSpellingVariants(Layered& layered) {
  for (uint32_t index = 0; index < layered.skills.size(); ++index) {
    Skill& skill = layered.skills[index];
    std::vector<Alias> forms = {{skill.name, skill.rule}};
    forms.insert(forms.end(), skill.aliases.begin(), skill.aliases.end());
    for (const Alias& form : forms) {
      if (form.rule.case_sensitive) continue;
      for (std::string& variant : SpellingVariants(form.text)) {
        std::string key = FormKey(variant);
        if (layered.by_key.count(key) || layered.stopped.count(key)) continue;
        layered.by_key.emplace(key, index);
        skill.aliases.push_back({std::move(variant), form.rule});
      }
    }
  }
}

constexpr std::string_view kVendors[] = {
    "Microsoft ",         "Oracle ", "IBM ",           "Google ",  "Amazon ",          "Apple ",       "Adobe ",
    "Autodesk ",          "SAP ",    "The MathWorks ", "Apache ",  "Atlassian ",       "Salesforce ",  "Cisco ",
    "Red Hat ",           "Intuit ", "Facebook ",      "Meta ",    "Hewlett Packard ", "HP ",          "VMware ",
    "Dassault Systemes ", "Esri ",   "Teradata ",      "Tableau ", "Splunk ",          "Informatica ", "Alteryx "};

Status ReadOnet(const std::string& path, Layered& layered, BuildReport& report) {
  std::ifstream in(path);
  if (!in) return IoError("cannot read O*NET technology skills " + path);
  struct Example {
    bool hot = false, in_demand = false;
    std::string commodity;
  };
  std::map<std::string, Example> examples;  // ordered: deterministic output
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string_view> cols = SplitOn(line, '\t');
    if (cols.size() < 6) continue;
    Example& example = examples[std::string(TrimAscii(cols[1]))];
    example.hot = example.hot || TrimAscii(cols[4]) == "Y";
    example.in_demand = example.in_demand || TrimAscii(cols[5]) == "Y";
    example.commodity = std::string(cols[3]);
  }
  for (const auto& [example_name, example] : examples) {
    std::string name = example_name;
    if (name.ends_with(" software")) {
      std::string stem = name.substr(0, name.size() - 9);
      // "Spreadsheet software", "Web browser software": sentence-case everyday words name a category;
      // "Active Directory software" is a product.
      std::vector<std::string> stem_words = SplitWords(stem);
      bool sentence_case = std::none_of(stem.begin() + 1, stem.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      bool generic = sentence_case && std::all_of(stem_words.begin(), stem_words.end(), [&](const std::string& word) {
                       return layered.everyday_words.count(AsciiLower(word)) > 0;
                     });
      if (generic) {  // "Spreadsheet software": a category, not a skill anyone lists
        ++report.skipped;
        continue;
      }
      name = stem;
    }
    if (layered.stopped.count(FormKey(name))) {
      ++report.skipped;
      continue;
    }
    Skill skill;
    skill.id = "onet-" + Slug(name);
    skill.name = name;
    skill.source = "onet";
    skill.hot = example.hot;
    skill.in_demand = example.in_demand;
    skill.rule = AutoRule(name);
    skill.category =
        FindIgnoreCase(example.commodity, "data base") != std::string::npos ? Category::kDatabase : Category::kSoftware;
    if (IsEverydayWord(layered, name)) skill.rule = {true, true};  // a product called "Shape"
    std::vector<std::string> words = SplitWords(name);
    if (IsTrailingAcronym(words)) skill.aliases.push_back({words.back(), AutoRule(words.back())});
    for (std::string_view vendor : kVendors) {
      if (!name.starts_with(vendor)) continue;
      std::string rest = name.substr(vendor.size());
      std::vector<std::string> rest_words = SplitWords(rest);
      // What is left must name the product, not a field: "MATLAB", "Dynamics 365", not "Business Intelligence".
      bool everyday = std::all_of(rest_words.begin(), rest_words.end(), [&](const std::string& word) {
        return layered.everyday_words.count(AsciiLower(word)) > 0;
      });
      bool distinctive = (rest_words.size() >= 2 && !everyday) ||
                         (rest_words.size() == 1 && (HasInnerCapitalOrDigit(rest) || IsUpperToken(rest)));
      if (distinctive) {
        FormRule rule = IsEverydayWord(layered, rest) ? FormRule{true, true} : AutoRule(rest);
        skill.aliases.push_back({rest, rule});
      }
      break;
    }
    std::erase_if(skill.aliases, [&](const Alias& alias) { return layered.stopped.count(FormKey(alias.text)) > 0; });
    if (AddOrMerge(layered, std::move(skill), report.merged)) ++report.onet;
  }
  return Status::Ok();
}

// ESCO knowledge labels: noun phrases of at most four words, not led by a competence verb.
bool IsKnowledgeLabel(std::string_view label) {
  std::vector<std::string> words = SplitWords(label);
  if (words.empty() || words.size() > 4) return false;
  return !internal::IsEscoCompetenceVerb(AsciiLower(words[0]));
}

Skill EscoSkill(std::string_view label) {
  Skill skill;
  std::string name(TrimAscii(label));
  skill.id = "esco-" + Slug(name);
  skill.name = name;
  skill.source = "esco";
  skill.category = Category::kDomain;
  size_t paren = name.find(" (");
  if (paren != std::string::npos && name.back() == ')') {  // "Python (computer programming)"
    std::string bare = name.substr(0, paren);
    std::string qualifier = name.substr(paren + 2, name.size() - paren - 3);
    if (qualifier == "computer programming") {
      skill.category = Category::kLanguage;
    } else if (qualifier.find("database") != std::string::npos) {  // "Filemaker (database management systems)"
      skill.category = Category::kDatabase;
    } else if (qualifier.find("software") != std::string::npos || qualifier.find("systems") != std::string::npos ||
               qualifier.find("tools") != std::string::npos) {  // "Unity (digital game creation systems)"
      skill.category = Category::kSoftware;
    }
    skill.aliases.push_back({bare, AutoRule(bare)});
  }
  skill.rule = AutoRule(name);
  return skill;
}

Status ReadEsco(const BuildSources& sources, Layered& layered, BuildReport& report) {
  std::ifstream in(sources.esco_skill_labels);
  if (!in) return IoError("cannot read ESCO skill labels " + sources.esco_skill_labels);
  std::vector<std::string> labels;
  std::string line;
  while (std::getline(in, line)) {
    std::string_view label = TrimAscii(line);
    if (!label.empty()) labels.emplace_back(label);
  }
  std::sort(labels.begin(), labels.end());
  for (const std::string& label : labels) {
    if (!IsKnowledgeLabel(label.substr(0, label.find(" (")))) {
      ++report.skipped;
      continue;
    }
    if (IsEverydayWord(layered, label)) {  // "energy", "protein": words, not skills, in a posting
      ++report.skipped;
      continue;
    }
    Skill skill = EscoSkill(label);
    for (Alias& alias : skill.aliases) {
      if (IsEverydayWord(layered, alias.text)) alias.rule = {true, true};
    }
    bool stopped = layered.stopped.count(FormKey(skill.name)) > 0;
    std::erase_if(skill.aliases, [&](const Alias& alias) { return layered.stopped.count(FormKey(alias.text)) > 0; });
    if (stopped && skill.aliases.empty()) {
      ++report.skipped;
      continue;
    }
    if (stopped) {  // keep the entry for linking, but never match the stopped name itself
      skill.rule.ambiguous = true;
      skill.rule.case_sensitive = true;
    }
    if (AddOrMerge(layered, std::move(skill), report.merged)) ++report.esco;
  }
  return Status::Ok();
}

}  // namespace

StatusOr<BuildReport> BuildTaxonomy(const BuildSources& sources, const std::string& out_path) {
  Layered layered;
  BuildReport report;
  std::ifstream words(sources.english_words);
  if (!words)
    return IoError("cannot read the English word list " + sources.english_words + " (Debian package wamerican)");
  std::string word;
  while (std::getline(words, word)) {
    bool lowercase =
        !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (lowercase) layered.everyday_words.insert(word);
  }
  JS_RETURN_IF_ERROR(ReadCurated(sources.curated, layered, report));
  AddSpellingVariants(layered);
  JS_RETURN_IF_ERROR(ReadOnet(sources.onet_technology_skills, layered, report));
  JS_RETURN_IF_ERROR(ReadEsco(sources, layered, report));
  report.total = layered.skills.size();
  for (const Skill& skill : layered.skills) report.forms += 1 + skill.aliases.size();
  JS_RETURN_IF_ERROR(
      WriteTaxonomy(layered.skills, out_path,
                    "generated by `jobscope taxonomy build` from data/taxonomy/curated.tsv, O*NET 29.2 "
                    "Technology Skills (CC BY 4.0) and ESCO v1.1 skill labels (CC BY 4.0); do not edit"));
  return report;
}

}  // namespace jobscope::taxonomy
