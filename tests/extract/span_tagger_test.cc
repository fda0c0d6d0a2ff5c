#include <filesystem>
#include <random>
#include <set>

#include <gtest/gtest.h>
#include <unistd.h>

#include "base/strings.h"
#include "extract/extract.h"

namespace jobscope::extract {
namespace {

// A toy language: capitalised words after "in" or "with" are knowledge; "lead teams" is a skill.
std::vector<TaggedSentence> Toy() {
  std::vector<TaggedSentence> sentences;
  const char* tools[] = {"Rust", "Haskell", "Kafka", "Docker", "Scala", "Spark", "Flink", "Redis"};
  for (int round = 0; round < 30; ++round) {
    for (const char* tool : tools) {
      sentences.push_back({{"Experience", "with", tool, "and", "lead", "teams", "."}, {0, 0, 3, 0, 1, 2, 0}});
      sentences.push_back({{"Fluent", "in", tool, "."}, {0, 0, 3, 0}});
      sentences.push_back({{"We", "value", "kindness", "."}, {0, 0, 0, 0}});
    }
  }
  return sentences;
}

// Word classes learnt from the sentences' own words, small enough for a toy language.
WordClusters ClassesOf(const std::vector<TaggedSentence>& sentences) {
  std::vector<std::string> texts;
  for (const auto& sentence : sentences) {
    std::string text;
    for (const auto& token : sentence.tokens) text += token + " ";
    texts.push_back(text);
  }
  WordClusterOptions options;
  options.min_count = 2;
  options.dimensions = 8;
  options.granularities = {2, 4, 8};
  return WordClusters::Learn(texts, options);
}

TEST(SpanTagger, LearnsATaggingAndGeneralisesToNewWords) {
  auto tagger = SpanTagger::Train(Toy(), nullptr, {});
  EXPECT_EQ(tagger->Tag({"Experience", "with", "Kafka", "and", "lead", "teams", "."}),
            (std::vector<int>{0, 0, 3, 0, 1, 2, 0}));
  // "Erlang" was never seen: its context and shape decide.
  EXPECT_EQ(tagger->Tag({"Fluent", "in", "Erlang", "."}), (std::vector<int>{0, 0, 3, 0}));
}

TEST(SpanTagger, IsDeterministicAndRoundTrips) {
  auto first = SpanTagger::Train(Toy(), nullptr, {});
  auto second = SpanTagger::Train(Toy(), nullptr, {});
  std::vector<std::string> probe = {"We", "value", "Kafka", "with", "lead", "teams"};
  EXPECT_EQ(first->Tag(probe), second->Tag(probe));
  std::string path =
      (std::filesystem::temp_directory_path() / ("tagger_" + std::to_string(::getpid()) + ".bin")).string();
  ASSERT_TRUE(first->Save(path).ok());
  auto loaded = SpanTagger::Load(path, nullptr);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  for (const auto& sentence : Toy()) EXPECT_EQ((*loaded)->Tag(sentence.tokens), first->Tag(sentence.tokens));
  std::filesystem::remove(path);
  EXPECT_EQ(SpanTagger::Load("/nonexistent/tagger.bin", nullptr).status().code(), StatusCode::kIoError);
}

TEST(SpanTagger, KeepsItsWordClassesThroughSaveAndLoad) {
  WordClusters classes = ClassesOf(Toy());
  ASSERT_FALSE(classes.empty());
  auto tagger = SpanTagger::Train(Toy(), nullptr, {}, classes);
  std::string path =
      (std::filesystem::temp_directory_path() / ("classed_" + std::to_string(::getpid()) + ".bin")).string();
  ASSERT_TRUE(tagger->Save(path).ok());
  auto loaded = SpanTagger::Load(path, nullptr);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  std::vector<std::string> probe = {"Fluent", "in", "Redis", "and", "lead", "teams", "."};
  EXPECT_EQ((*loaded)->Tag(probe), tagger->Tag(probe));
  EXPECT_EQ(tagger->Tag(probe), (std::vector<int>{0, 0, 3, 0, 1, 2, 0}));
  // A model whose word classes were cut short is refused, not half-read.
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 5);
  EXPECT_EQ(SpanTagger::Load(path, nullptr).status().code(), StatusCode::kParseError);
  std::filesystem::remove(path);
}

// Tagging sums a word's own features once and keeps the sum: the tags must not depend on which words a
// tagger has met before, on their case, or on the store of sums having been emptied when full.
TEST(SpanTagger, TagsAlikeWhetherItsWordsAreNewOrKnown) {
  // The toy language, and a tool named after "use" counts only when capitalised.
  std::vector<TaggedSentence> sentences = Toy();
  for (int round = 0; round < 30; ++round) {
    for (const char* tool : {"Kafka", "Spark", "Redis", "Docker"}) {
      std::string lower = AsciiLower(tool);
      sentences.push_back({{"Use", tool, "."}, {0, 3, 0}});
      sentences.push_back({{"Use", lower, "."}, {0, 0, 0}});
    }
  }
  auto tagger = SpanTagger::Train(sentences, nullptr, {}, ClassesOf(sentences));
  std::string path =
      (std::filesystem::temp_directory_path() / ("cached_" + std::to_string(::getpid()) + ".bin")).string();
  ASSERT_TRUE(tagger->Save(path).ok());
  std::vector<std::vector<std::string>> probes = {{"Fluent", "in", "Kafka", "and", "lead", "teams", "."},
                                                  {"fluent", "in", "kafka", "and", "LEAD", "Teams", "."},
                                                  {"Experience", "with", "KAFKA", "."},
                                                  {"Use", "Kafka", "."},
                                                  {"Use", "kafka", "."},
                                                  {"We", "value", "Erlang", "with", "lead", "teams"}};
  // Each probe tagged by a tagger that has met none of its words.
  std::vector<std::vector<int>> fresh;
  for (const auto& probe : probes) {
    auto loaded = SpanTagger::Load(path, nullptr);
    ASSERT_TRUE(loaded.ok());
    fresh.push_back((*loaded)->Tag(probe));
  }
  ASSERT_EQ(fresh[3], (std::vector<int>{0, 3, 0}));
  ASSERT_EQ(fresh[4], (std::vector<int>{0, 0, 0}));
  // The same tagger over all of them, backwards, twice: the second round reads every word's kept sum.
  auto reused = SpanTagger::Load(path, nullptr);
  ASSERT_TRUE(reused.ok());
  for (int round = 0; round < 2; ++round) {
    for (size_t idx = probes.size(); idx-- > 0;) EXPECT_EQ((*reused)->Tag(probes[idx]), fresh[idx]) << "probe " << idx;
  }
  // 70,000 words never seen: more than the tagger keeps, so its store empties and refills.
  std::vector<std::string> flood;
  for (int word = 0; word < 70000; ++word) flood.push_back("w" + std::to_string(word));
  (*reused)->Tag(flood);
  for (size_t idx = 0; idx < probes.size(); ++idx)
    EXPECT_EQ((*reused)->Tag(probes[idx]), fresh[idx]) << "probe " << idx;
  std::filesystem::remove(path);
}

// A posting is tagged sentence by sentence, as the tagger was trained: a span never crosses a line break or
// a full stop.
TEST(SpanTagger, FindsSpansSentenceBySentence) {
  const std::string text = "Experience with Kafka and lead teams.\nFluent in Rust. We value kindness";
  const auto tokens = TokenizeForTagging(text);
  const auto sentences = TaggingSentences(text, tokens);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0], (std::pair<size_t, size_t>{0, 7}));
  EXPECT_EQ(sentences[1], (std::pair<size_t, size_t>{7, 11}));
  EXPECT_EQ(sentences[2], (std::pair<size_t, size_t>{11, 14}));
  // A line break ends a sentence without a full stop; 80 tokens without either end one too.
  EXPECT_EQ(TaggingSentences("Python\nSQL", TokenizeForTagging("Python\nSQL")).size(), 2u);
  std::string long_line;
  for (int word = 0; word < 100; ++word) long_line += "word ";
  EXPECT_EQ(TaggingSentences(long_line, TokenizeForTagging(long_line)).size(), 2u);

  auto tagger = SpanTagger::Train(Toy(), nullptr, {});
  std::vector<TaggedSpan> spans = tagger->FindSpans(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), "Kafka");
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].end - spans[1].begin), "lead teams");
  EXPECT_EQ(text.substr(spans[2].begin, spans[2].end - spans[2].begin), "Rust");
  EXPECT_EQ(spans[2].first_token, 9u);
}

// Decoding keeps spans well formed: an inside tag only continues a span of its own kind.
TEST(SpanTagger, DecodesOnlyWellFormedSpans) {
  auto tagger = SpanTagger::Train(Toy(), nullptr, {});
  const std::vector<std::string> vocabulary = {"Experience", "with", "Kafka", "and",  "lead",
                                               "teams",      ".",    "in",    "Rust", "value"};
  std::mt19937 rng(3);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> tokens(1 + rng() % 12);
    for (auto& token : tokens) token = vocabulary[rng() % vocabulary.size()];
    std::vector<int> tags = tagger->Tag(tokens);
    ASSERT_EQ(tags.size(), tokens.size());
    for (size_t idx = 0; idx < tags.size(); ++idx) {
      if (tags[idx] == 2) {
        EXPECT_TRUE(idx > 0 && (tags[idx - 1] == 1 || tags[idx - 1] == 2));
      }
      if (tags[idx] == 4) {
        EXPECT_TRUE(idx > 0 && (tags[idx - 1] == 3 || tags[idx - 1] == 4));
      }
    }
  }
}

TEST(SpanTagger, SpansOfReadsBioAndRepairsAnOrphanInside) {
  auto spans = SpanTagger::SpansOf({0, 3, 4, 0, 2, 2, 1, 3});
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0].first_token, 1u);
  EXPECT_EQ(spans[0].last_token, 2u);
  EXPECT_EQ(spans[0].kind, TaggedSpan::Kind::kKnowledge);
  EXPECT_EQ(spans[1].first_token, 4u);  // I-skill without B-skill starts a span
  EXPECT_EQ(spans[1].last_token, 5u);
  EXPECT_EQ(spans[2].kind, TaggedSpan::Kind::kSkill);
}

TEST(SpanTagger, TokenizesLikeSkillSpan) {
  std::string text = "Python, SQL (and C++).";
  std::vector<std::string> tokens;
  for (const auto& [begin, end] : TokenizeForTagging(text)) tokens.push_back(text.substr(begin, end - begin));
  EXPECT_EQ(tokens, (std::vector<std::string>{"Python", ",", "SQL", "(", "and", "C++", ")", "."}));
}

// A floor on real data that a regression would break: trained on SkillSpan train, knowledge spans on the
// dev split (the figure on test is in docs/BENCHMARKS.md; no test reads the test split).
TEST(SpanTagger, BeatsTheFloorOnSkillSpanDev) {
  const std::string conll = std::string(JOBSCOPE_SHARED_DATA_DIR) + "/skillspan/data/conll/";
  if (!std::filesystem::exists(conll)) GTEST_SKIP() << "no shared data";
  std::vector<TaggedSentence> train, dev;
  for (const char* file : {"skillspan_house_train.conll", "skillspan_tech_train.conll"}) {
    auto sentences = ReadSkillSpanConll(conll + file);
    ASSERT_TRUE(sentences.ok());
    train.insert(train.end(), sentences->begin(), sentences->end());
  }
  for (const char* file : {"skillspan_house_dev.conll", "skillspan_tech_dev.conll"}) {
    auto sentences = ReadSkillSpanConll(conll + file);
    ASSERT_TRUE(sentences.ok());
    dev.insert(dev.end(), sentences->begin(), sentences->end());
  }
  auto tagger = SpanTagger::Train(train, nullptr, {});
  size_t gold = 0, predicted = 0, correct = 0;
  for (const TaggedSentence& sentence : dev) {
    std::set<std::pair<size_t, size_t>> gold_spans, found;
    for (const auto& span : SpanTagger::SpansOf(sentence.tags)) {
      if (span.kind == TaggedSpan::Kind::kKnowledge) gold_spans.insert({span.first_token, span.last_token});
    }
    for (const auto& span : SpanTagger::SpansOf(tagger->Tag(sentence.tokens))) {
      if (span.kind == TaggedSpan::Kind::kKnowledge) found.insert({span.first_token, span.last_token});
    }
    gold += gold_spans.size();
    predicted += found.size();
    for (const auto& span : found) correct += gold_spans.count(span);
  }
  double precision = static_cast<double>(correct) / static_cast<double>(predicted);
  double recall = static_cast<double>(correct) / static_cast<double>(gold);
  double f1 = 2 * precision * recall / (precision + recall);
  EXPECT_GT(f1, 0.35) << "precision " << precision << " recall " << recall;
}

}  // namespace
}  // namespace jobscope::extract
