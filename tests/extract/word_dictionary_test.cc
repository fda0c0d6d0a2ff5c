#include "extract/internal/word_dictionary.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/strings.h"

namespace jobscope::extract::internal {
namespace {

struct Pattern {
  std::string text;
  bool caseless;
};

// "id@end" for each match, in the order reported.
std::vector<std::string> Found(const WordDictionary& words, std::string_view text) {
  std::vector<WordDictionary::Match> matches;
  words.Find(text, matches);
  std::vector<std::string> found;
  for (const auto& match : matches) found.push_back(std::to_string(match.id) + "@" + std::to_string(match.end));
  return found;
}

WordDictionary Build(const std::vector<Pattern>& patterns) {
  WordDictionary words;
  for (uint32_t id = 0; id < patterns.size(); ++id) words.Add(patterns[id].text, id, patterns[id].caseless);
  words.Seal();
  return words;
}

// What a literal scan of every pattern, kept where a word begins, reports: the reference.
std::vector<std::string> BruteForce(const std::vector<Pattern>& patterns, std::string_view text) {
  std::vector<std::string> found;
  for (size_t begin = 0; begin < text.size(); ++begin) {
    const bool word_start = IsSkillWordByte(static_cast<unsigned char>(text[begin])) &&
                            (begin == 0 || !IsSkillWordByte(static_cast<unsigned char>(text[begin - 1])));
    if (!word_start) continue;
    // The dictionary reports a form only where its first word is the text's whole word; a literal scan
    // reports "spark" in "sparkle" too, which the boundary rules then drop.
    size_t word_end = begin;
    while (word_end < text.size() && IsSkillWordByte(static_cast<unsigned char>(text[word_end]))) ++word_end;
    for (uint32_t id = 0; id < patterns.size(); ++id) {
      const std::string& pattern = patterns[id].text;
      size_t first_word = 0;
      while (first_word < pattern.size() && IsSkillWordByte(static_cast<unsigned char>(pattern[first_word]))) {
        ++first_word;
      }
      if (first_word != word_end - begin || begin + pattern.size() > text.size()) continue;
      std::string_view at = text.substr(begin, pattern.size());
      if (patterns[id].caseless ? EqualsIgnoreCase(at, pattern) : at == pattern) {
        found.push_back(std::to_string(id) + "@" + std::to_string(begin + pattern.size()));
      }
    }
  }
  return found;
}

TEST(WordDictionary, FindsFormsWhereAWordBeginsInAnyCaseOrAsWritten) {
  const std::vector<Pattern> patterns = {{"machine learning", true},
                                         {"machine learning engineer", true},
                                         {"Spark", false},
                                         {"node.js", true},
                                         {"c++", true},
                                         {"data lake", true}};
  const WordDictionary words = Build(patterns);
  using Found_ = std::vector<std::string>;
  // Both forms that begin at one place, in the order added.
  EXPECT_EQ(Found(words, "MACHINE LEARNING Engineer"), (Found_{"0@16", "1@25"}));
  // Not inside a word, not in another case when written with case.
  EXPECT_TRUE(Found(words, "xmachine learning, spark, SPARK").empty());
  EXPECT_EQ(Found(words, "Spark and Node.JS, C++"), (Found_{"2@5", "3@17", "4@22"}));
  // A form running past the text's end is not found; one ending at it is.
  EXPECT_TRUE(Found(words, "data la").empty());
  EXPECT_EQ(Found(words, "a data lake"), Found_{"5@11"});
}

TEST(WordDictionary, WordsAcrossTheSixtyFourByteBlocksAndNonAsciiBytes) {
  const std::vector<Pattern> patterns = {{"kubernetes", true}, {"caf\xc3\xa9 ops", true}};
  const WordDictionary words = Build(patterns);
  for (size_t pad = 55; pad <= 70; ++pad) {
    std::string text = std::string(pad, ' ') + "Kubernetes and caf\xc3\xa9 ops";
    EXPECT_EQ(Found(words, text), BruteForce(patterns, text)) << pad;
    EXPECT_EQ(Found(words, text).size(), 2u) << pad;
  }
  // A word that runs over a block's end is one word: no form begins inside it.
  std::string text = std::string(60, 'x') + "kubernetes";
  EXPECT_TRUE(Found(words, text).empty());
}

// Texts made of the patterns' own words, cut and joined at random, agree with a brute-force scan.
TEST(WordDictionary, AgreesWithABruteForceScanOnRandomTexts) {
  const std::vector<Pattern> patterns = {{"data", true},
                                         {"data lake", true},
                                         {"data lakes", true},
                                         {"data l", true},
                                         {"data-driven", true},
                                         {"Data Studio", false},
                                         {"model", true},
                                         {"model training", true},
                                         {"model trainin", true},
                                         {"ci/cd", true},
                                         {"a/b testing", true},
                                         {"go", false},
                                         {"r&d", true},
                                         {"scikit-learn", true},
                                         {"x", true},
                                         {"long pattern beyond", true},
                                         {"aaaaaaaaaaaaaaaaaa", true},
                                         {"v2_x", true},
                                         {"data@v2", true},
                                         {"c#", true},
                                         {"data science", true},
                                         {"data scienc", true}};
  const WordDictionary words = Build(patterns);
  const std::vector<std::string> pieces = {
      "data",   "Data",  "DATA",     " ",       "  ", "-",  "/",  "lake", "lakes",   "l",      "driven",   "Studio",
      "studio", "model", "training", "trainin", "ci", "cd", "a",  "b",    "testing", "go",     "Go",       "r",
      "&",      "d",     "scikit",   "learn",   "x",  ".",  "\n", "long", "pattern", "beyond", "aaaaaaaa", "\xc3\xa9",
      "_",      "v2",    "@",        "[",       "`",  "{",  "c",  "#",    "science", "scienc", "Science"};
  std::mt19937 random(20261203);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const size_t count = random() % 40;
    for (size_t piece = 0; piece < count; ++piece) text += pieces[random() % pieces.size()];
    ASSERT_EQ(Found(words, text), BruteForce(patterns, text)) << text;
  }
}

}  // namespace
}  // namespace jobscope::extract::internal
