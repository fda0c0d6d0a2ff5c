// What a posting is mainly about, read from its words (DESIGN.md, "Roles"): a generic title ("Machine
// Learning Engineer", "AI Engineer", "Software Engineer, ML") says only that the job builds models; the
// description says whether they are language models, vision models, the platform that serves models, or
// neural networks themselves. A lab scientist's posting talks of assays and patients, a data scientist's of
// models and SQL.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "base/word_bits.h"
#include "classify/classify.h"
#include "text/text.h"

namespace jobscope::classify {
namespace {

// Chosen on the gold set's dev half (mentions 2-6 x dominance 1.5-3: role accuracy 0.765-0.808): a
// specialisation needs this many mentions, and this many times those of any other focus.
constexpr int kMinFocusMentions = 4;
constexpr double kFocusDominance = 2;

// A data scientist's posting that is mostly reporting or mostly pipelines, with little modelling, is an
// analyst's or a data engineer's job.
constexpr int kMinDataWorkMentions = 4;
constexpr int kDataWorkDominance = 2;

using namespace focus;
using Focus = focus::Kind;
static_assert(kModelling + 1 == kFocusKinds);

// The hash of a lowercase phrase of one word or two joined by one space, as CountFocus hashes the text's.
uint64_t PhraseHash(std::string_view phrase) {
  auto word = [](std::string_view text) {
    std::string padded = std::string(text) + std::string(kWordHashPadding, '\0');
    return HashWord(padded.data(), text.size());
  };
  const size_t space = phrase.find(' ');
  if (space == std::string_view::npos) return word(phrase);
  return HashPair(word(phrase.substr(0, space)), word(phrase.substr(space + 1)));
}

using FocusTable = std::vector<std::pair<std::string_view, Focus>>;

// Words and two-word phrases of the lowercased description, each a vote for one focus; a phrase listed twice
// ("machine learning": data work and modelling) votes for both.
const FocusTable& FocusPhrases() {
  static const auto* words = new FocusTable{
      // text and language
      {"nlp", kLanguage},
      {"llm", kLanguage},
      {"llms", kLanguage},
      {"language models", kLanguage},
      {"language model", kLanguage},
      {"natural language", kLanguage},
      {"rag", kLanguage},
      {"genai", kLanguage},
      {"generative ai", kLanguage},
      {"gen ai", kLanguage},
      {"prompt", kLanguage},
      {"prompts", kLanguage},
      {"chatbot", kLanguage},
      {"chatbots", kLanguage},
      {"conversational", kLanguage},
      {"langchain", kLanguage},
      {"llamaindex", kLanguage},
      {"gpt", kLanguage},
      {"openai", kLanguage},
      {"retrieval", kLanguage},
      {"embeddings", kLanguage},
      {"agents", kLanguage},
      {"agentic", kLanguage},
      {"text", kLanguage},
      {"speech", kLanguage},
      {"transcription", kLanguage},
      {"summarization", kLanguage},
      {"copilot", kLanguage},
      {"vector database", kLanguage},
      {"hugging face", kLanguage},
      {"huggingface", kLanguage},
      {"fine tuning", kLanguage},
      {"finetuning", kLanguage},
      {"fine tune", kLanguage},
      {"semantic search", kLanguage},
      {"ner", kLanguage},
      {"pinecone", kLanguage},
      {"milvus", kLanguage},
      {"weaviate", kLanguage},
      {"agent", kLanguage},
      {"open ai", kLanguage},
      {"pre trained", kLanguage},
      {"anthropic", kLanguage},
      {"claude", kLanguage},
      {"llama", kLanguage},
      {"mistral", kLanguage},
      {"sentiment", kLanguage},
      {"tokenization", kLanguage},
      {"nlu", kLanguage},
      // images and video
      {"computer vision", kVision},
      {"image", kVision},
      {"images", kVision},
      {"video", kVision},
      {"perception", kVision},
      {"object detection", kVision},
      {"segmentation", kVision},
      {"opencv", kVision},
      {"lidar", kVision},
      {"camera", kVision},
      {"cameras", kVision},
      {"imaging", kVision},
      {"visual", kVision},
      {"3d", kVision},
      {"point cloud", kVision},
      {"diffusion", kVision},
      {"pixel", kVision},
      // the platform that trains and serves models
      {"mlops", kPlatform},
      {"ml platform", kPlatform},
      {"infrastructure", kPlatform},
      {"serving", kPlatform},
      {"kubernetes", kPlatform},
      {"kubeflow", kPlatform},
      {"mlflow", kPlatform},
      {"ci cd", kPlatform},
      {"observability", kPlatform},
      {"terraform", kPlatform},
      {"devops", kPlatform},
      {"orchestration", kPlatform},
      {"ml infrastructure", kPlatform},
      {"workloads", kPlatform},
      {"containers", kPlatform},
      {"alerting", kPlatform},
      {"model serving", kPlatform},
      {"feature store", kPlatform},
      // neural networks themselves
      {"deep learning", kNetworks},
      {"neural network", kNetworks},
      {"neural networks", kNetworks},
      {"cuda", kNetworks},
      {"gpu", kNetworks},
      {"gpus", kNetworks},
      {"distributed training", kNetworks},
      {"architectures", kNetworks},
      {"kernels", kNetworks},
      {"triton", kNetworks},
      {"quantization", kNetworks},
      {"foundation models", kNetworks},
      {"pretraining", kNetworks},
      {"pre training", kNetworks},
      // models over tabular and behavioural data: the generic ML engineer
      {"recommendation", kTabular},
      {"recommendations", kTabular},
      {"recommender", kTabular},
      {"ranking", kTabular},
      {"personalization", kTabular},
      {"forecasting", kTabular},
      {"fraud", kTabular},
      {"risk", kTabular},
      {"tabular", kTabular},
      {"xgboost", kTabular},
      {"churn", kTabular},
      {"pricing", kTabular},
      {"ads", kTabular},
      {"anomaly detection", kTabular},
      {"predictive", kTabular},
      // the bench: lab science
      {"laboratory", kLab},
      {"lab", kLab},
      {"assay", kLab},
      {"assays", kLab},
      {"clinical", kLab},
      {"patients", kLab},
      {"patient", kLab},
      {"specimens", kLab},
      {"cell", kLab},
      {"cells", kLab},
      {"protein", kLab},
      {"proteins", kLab},
      {"chemistry", kLab},
      {"molecular", kLab},
      {"biology", kLab},
      {"immunology", kLab},
      {"pharmacology", kLab},
      {"gmp", kLab},
      {"wet lab", kLab},
      {"antibody", kLab},
      {"antibodies", kLab},
      {"in vivo", kLab},
      {"in vitro", kLab},
      {"pharmacovigilance", kLab},
      // data work
      {"python", kData},
      {"sql", kData},
      {"machine learning", kData},
      {"statistics", kData},
      {"statistical", kData},
      {"modeling", kData},
      {"modelling", kData},
      {"analytics", kData},
      {"r", kData},
      {"data science", kData},
      {"regression", kData},
      {"algorithms", kData},
      // reporting and BI: the analyst's work
      {"dashboard", kReporting},
      {"dashboards", kReporting},
      {"reporting", kReporting},
      {"reports", kReporting},
      {"tableau", kReporting},
      {"power bi", kReporting},
      {"excel", kReporting},
      {"kpi", kReporting},
      {"kpis", kReporting},
      {"business intelligence", kReporting},
      {"looker", kReporting},
      {"ad hoc", kReporting},
      // pipelines and warehouses: the data engineer's work
      {"pipeline", kPipelines},
      {"pipelines", kPipelines},
      {"etl", kPipelines},
      {"elt", kPipelines},
      {"data warehouse", kPipelines},
      {"warehousing", kPipelines},
      {"airflow", kPipelines},
      {"kafka", kPipelines},
      {"dbt", kPipelines},
      {"ingestion", kPipelines},
      {"data lake", kPipelines},
      {"data modeling", kPipelines},
      {"data quality", kPipelines},
      {"lineage", kPipelines},
      {"schemas", kPipelines},
      // statistical and predictive models: the data scientist's work
      {"machine learning", kModelling},
      {"model", kModelling},
      {"models", kModelling},
      {"modeling", kModelling},
      {"modelling", kModelling},
      {"predictive", kModelling},
      {"statistical", kModelling},
      {"forecasting", kModelling},
      {"experiment", kModelling},
      {"experiments", kModelling},
      {"a b", kModelling},
      {"causal", kModelling},
      {"classification", kModelling},
      {"clustering", kModelling},
  };
  return *words;
}

}  // namespace

// The phrases by the hash of their word (HashWord) or their two words (HashPair), in an open-addressing
// table: a description's words are hashed from a lowercase copy as they are found, without a string per word
// (this counting runs on most postings and had cost a fifth of understanding one).
class FocusHashTable {
 public:
  FocusHashTable() {
    for (const auto& [phrase, focus] : FocusPhrases()) {
      uint64_t hash = PhraseHash(phrase);
      size_t slot = Slot(hash);
      while (keys_[slot] != 0) slot = (slot + 1) & kMask;
      keys_[slot] = hash;
      values_[slot] = focus;
    }
  }
  // Counts every focus the phrase stands for: "machine learning" is data work and modelling alike.
  void CountInto(uint64_t hash, FocusCounts& counts) const {
    for (size_t slot = Slot(hash); keys_[slot] != 0; slot = (slot + 1) & kMask) {
      if (keys_[slot] == hash) ++counts[values_[slot]];
    }
  }

 private:
  static constexpr size_t kSize = 2048;  // a power of two, over 4x the phrases
  static constexpr size_t kMask = kSize - 1;
  static size_t Slot(uint64_t hash) { return static_cast<size_t>(hash ^ (hash >> 29)) & kMask; }
  std::array<uint64_t, kSize> keys_{};
  std::array<Focus, kSize> values_{};
};

const FocusHashTable& FocusHashes() {
  static const auto* table = new FocusHashTable();
  return *table;
}

// A word longer than this ends a phrase: no phrase is read across it.
constexpr size_t kMaxPhraseWord = 40;

FocusCounts CountFocus(std::string_view description) {
  FocusCounts counts{};
  const auto& table = FocusHashes();
  std::string_view text = description.substr(0, 30000);
  thread_local std::string lowercase;
  lowercase.resize(text.size() + kWordHashPadding);
  char* lower = lowercase.data();
  CopyLowercaseAscii(text.data(), text.size(), lower);
  std::memset(lower + text.size(), 0, kWordHashPadding);
  uint64_t previous = 0;  // the hash of the word before, 0 at the start or after a long word
  ForEachWord(text, Underscore::kSeparates, [&](size_t begin, size_t end) {
    const uint64_t word = HashWord(lower + begin, end - begin);
    table.CountInto(word, counts);
    if (previous != 0) table.CountInto(HashPair(previous, word), counts);
    previous = end - begin <= kMaxPhraseWord ? word : 0;
  });
  return counts;
}

std::optional<Role> SpecialisationFromText(std::string_view description) {
  return SpecialisationFromCounts(CountFocus(description));
}

std::optional<Role> SpecialisationFromCounts(const FocusCounts& counts) {
  constexpr std::array<std::pair<Focus, Role>, 4> kSpecialisations = {{
      {kLanguage, Role::kNlpEngineer},
      {kVision, Role::kComputerVisionEngineer},
      {kPlatform, Role::kMlopsEngineer},
      {kNetworks, Role::kDeepLearningEngineer},
  }};
  Focus best = kTabular;
  int best_count = 0, second = counts[kTabular];
  for (const auto& [focus, role] : kSpecialisations) {
    if (counts[focus] > best_count) {
      second = std::max(second, best_count);
      best = focus;
      best_count = counts[focus];
    } else {
      second = std::max(second, counts[focus]);
    }
  }
  // One specialisation must dominate: enough mentions, and clearly more than any other focus, the generic
  // ML engineer's tabular work included.
  if (best == kTabular || best_count < kMinFocusMentions || best_count < kFocusDominance * static_cast<double>(second))
    return std::nullopt;
  for (const auto& [focus, role] : kSpecialisations) {
    if (focus == best) return role;
  }
  return std::nullopt;
}

std::optional<Role> DataWorkFromCounts(const FocusCounts& counts) {
  int modelling = counts[kModelling];
  if (counts[kReporting] >= kMinDataWorkMentions && counts[kReporting] >= kDataWorkDominance * modelling &&
      counts[kReporting] > counts[kPipelines]) {
    return Role::kDataAnalyst;
  }
  if (counts[kPipelines] >= kMinDataWorkMentions && counts[kPipelines] >= kDataWorkDominance * modelling &&
      counts[kPipelines] > counts[kReporting]) {
    return Role::kDataEngineer;
  }
  return std::nullopt;
}

bool LooksLikeLabScience(const FocusCounts& counts) { return counts[kLab] >= 3 && counts[kLab] > counts[kData]; }

}  // namespace jobscope::classify
