// Regression: the taxonomy once keyed forms by NormalizeKey, which drops punctuation, so "C", "C++" and
// "C#" collided and the curated layer refused to build. Forms are keyed by FormKey, which keeps symbols.
#include <gtest/gtest.h>

#include "taxonomy/taxonomy.h"

namespace jobscope::taxonomy {
namespace {

TEST(Regress, SymbolsKeepSkillsApart) {
  EXPECT_NE(FormKey("C"), FormKey("C++"));
  EXPECT_NE(FormKey("C++"), FormKey("C#"));
  EXPECT_EQ(FormKey("  Scikit   Learn "), FormKey("scikit learn"));
  auto taxonomy = Taxonomy::Load(JOBSCOPE_SOURCE_DATA_DIR "/taxonomy/skills.tsv");
  ASSERT_TRUE(taxonomy.ok());
  EXPECT_EQ(taxonomy->FindByForm("C")->id, "c");
  EXPECT_EQ(taxonomy->FindByForm("C++")->id, "cpp");
  EXPECT_EQ(taxonomy->FindByForm("C#")->id, "csharp");
}

TEST(Regress, AllCapitalWordsOfOnetNamesAreNotAliases) {
  // "Fire Simulation Technique FIRST" once gave the alias "FIRST", matched in "first-class".
  auto taxonomy = Taxonomy::Load(JOBSCOPE_SOURCE_DATA_DIR "/taxonomy/skills.tsv");
  ASSERT_TRUE(taxonomy.ok());
  EXPECT_EQ(taxonomy->FindByForm("first"), nullptr);
  EXPECT_EQ(taxonomy->FindByForm("engineer"), nullptr);
  // "basic" the word is not the language: the acronym alias is case-sensitive or not there at all.
  if (const Skill* basic = taxonomy->FindByForm("basic")) {
    for (const Alias& alias : basic->aliases) {
      if (FormKey(alias.text) == "basic") {
        EXPECT_TRUE(alias.rule.case_sensitive) << basic->id;
      }
    }
    if (FormKey(basic->name) == "basic") {
      EXPECT_TRUE(basic->rule.case_sensitive) << basic->id;
    }
  }
}

}  // namespace
}  // namespace jobscope::taxonomy
