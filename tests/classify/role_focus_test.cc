#include <string>

#include <gtest/gtest.h>

#include "classify/classify.h"

namespace jobscope::classify {
namespace {

TEST(CountFocus, WordsAndTwoWordPhrasesInAnyCase) {
  EXPECT_EQ(CountFocus("NLP, nlp and Nlp")[focus::kLanguage], 3);
  EXPECT_EQ(CountFocus("Natural Language understanding")[focus::kLanguage], 1);
  // A phrase is read across punctuation, as the words follow each other.
  EXPECT_EQ(CountFocus("computer. Vision")[focus::kVision], 1);
  // Not across a word longer than 40 bytes, and not inside words.
  EXPECT_EQ(CountFocus("computer " + std::string(41, 'x') + " vision")[focus::kVision], 0);
  EXPECT_EQ(CountFocus("nlpx xnlp")[focus::kLanguage], 0);
  // A phrase that stands for two kinds of work counts for both.
  const FocusCounts machine_learning = CountFocus("machine learning");
  EXPECT_EQ(machine_learning[focus::kData], 1);
  EXPECT_EQ(machine_learning[focus::kModelling], 1);
  // Underscores separate words here.
  EXPECT_EQ(CountFocus("llm_agents")[focus::kLanguage], 2);
}

// The counts do not depend on where the words fall in the 64-byte blocks the text is read in.
TEST(CountFocus, TheSameWherePhrasesFallAgainstBlocks) {
  const std::string sentence =
      "We fine tune large language models and build RAG agents; computer vision, deep learning on GPUs, "
      "Kubernetes serving, dashboards and ETL pipelines with SQL.";
  const FocusCounts expected = CountFocus(sentence);
  EXPECT_GT(expected[focus::kLanguage], 3);
  for (size_t pad = 0; pad < 140; ++pad) {
    EXPECT_EQ(CountFocus(std::string(pad, ' ') + sentence), expected) << pad;
    EXPECT_EQ(CountFocus(std::string(pad, '-') + sentence + std::string(pad % 7, '.')), expected) << pad;
  }
}

}  // namespace
}  // namespace jobscope::classify
