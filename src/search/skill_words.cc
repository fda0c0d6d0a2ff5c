// What the taxonomy says about the words people search for. A skill whose name is also everyday English
// ("Excel", "Go", "R", "Spark", "Rust") is matched by the curated taxonomy only as written, with its capital. Stemmed,
// "excel" is also "excellence" and "excellent"; lowercased, "go" and "r" are in every other sentence. Such a word,
// searched for alone, counts only in postings that name the skill. And a skill's spellings that differ by a plural "s"
// ("LLM", "LLMs") count as one word.
#include <algorithm>
#include <map>
#include <set>

#include "base/strings.h"
#include "search/search.h"

namespace jobscope::search {
namespace {

// A form the index reads as one word: letters and digits, and the symbols that stay part of a word ("c++").
bool IsOneWord(std::string_view form) {
  if (form.empty()) return false;
  return std::all_of(form.begin(), form.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '#'; });
}

// "Excel", "Spark", "R": a proper name that only its capital tells from the everyday word, which is why the
// taxonomy matches it only as written. Forms with more capitals ("LLM", "LLMs", "PyTorch") are not words of
// everyday English.
bool IsCapitalisedName(std::string_view form) {
  return !form.empty() && form[0] >= 'A' && form[0] <= 'Z' &&
         std::none_of(form.begin() + 1, form.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

SkillWords::SkillWords(const taxonomy::Taxonomy& taxonomy) {
  const auto& skills = taxonomy.skills();
  std::map<std::string, std::set<uint32_t>> skills_of_word;
  std::map<uint32_t, std::set<std::string>> words_of_skill;
  std::set<std::string> everyday;
  for (const taxonomy::SurfaceForm& form : taxonomy.surface_forms()) {
    std::string word = AsciiLower(form.text);
    if (!IsOneWord(word)) continue;
    skills_of_word[word].insert(form.skill_index);
    words_of_skill[form.skill_index].insert(word);
    // Only the curated layer's: the O*NET and ESCO long tail holds names like "Google" (a database product)
    // and "Source" (a game engine) that a searcher means as words.
    bool curated = skills[form.skill_index].source.find("curated") != std::string::npos;
    if (curated && form.rule.case_sensitive && IsCapitalisedName(form.text)) everyday.insert(word);
  }
  for (const auto& [word, owners] : skills_of_word) {
    if (owners.size() != 1) continue;  // a word of two skills says neither
    uint32_t skill = *owners.begin();
    Entry entry;
    if (everyday.count(word)) entry.skill = skills[skill].id;
    for (const std::string& other : words_of_skill[skill]) {
      if (other == word + "s" || word == other + "s") entry.variants.push_back(other);
    }
    if (!entry.skill.empty() || !entry.variants.empty()) words_.emplace(word, std::move(entry));
  }
}

void SkillWords::Apply(index::Query& query) const {
  for (index::QueryClause& clause : query.clauses) {
    // A prefix is still being typed: "exc" may become "excellent" as well as "excel".
    if (clause.phrase || clause.prefix || clause.words.size() != 1) continue;
    auto found = words_.find(clause.words[0]);
    if (found == words_.end()) continue;
    clause.skill = found->second.skill;
    clause.variants = found->second.variants;
  }
}

}  // namespace jobscope::search
