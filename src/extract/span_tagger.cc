// The skill-span tagger: an averaged structured perceptron (Collins 2002) over hashed features, with
// first-order transitions between BILOU states and Viterbi decoding; training decodes with a cost on wrong
// states and takes passive-aggressive steps (Crammer et al. 2006). Features of token i: its lowercase form,
// shape, 3- and 4-letter prefix and suffix, capitalisation, digits, the words around it (i-2..i+2), its
// place in the sentence, whether the taxonomy dictionary places it at the start or inside of a skill (and
// of which category), and what unlabelled text says of it and its neighbours (word classes and the
// binarised word vector).
#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <numeric>
#include <random>
#include <span>
#include <unordered_map>

#include "base/hash.h"
#include "base/strings.h"
#include "base/weight_file.h"
#include "extract/extract.h"

namespace jobscope::extract {
namespace {

constexpr uint32_t kFeatureBits = 20;
constexpr uint32_t kFeatureSlots = 1u << kFeatureBits;
constexpr uint32_t kFormatVersion = 4;  // 2: BILOU states, word classes; 3: sentence cues; 4: voice

std::string Shape(std::string_view word) {
  std::string shape;
  for (char c : word) {
    char kind = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') ? 'x' : (c >= '0' && c <= '9') ? 'd' : c;
    if (shape.empty() || shape.back() != kind) shape += kind;  // collapse runs: "PyTorch" -> "XxXx"
  }
  return shape;
}

// Inside, the tagger decodes BILOU states (Ratinov and Roth 2009): a span's last token and a one-token span
// get states of their own, which sharpens its boundaries. Outside it speaks BIO tags.
// States: 0 O; skill 1 B, 2 I, 3 L, 4 U; knowledge 5 B, 6 I, 7 L, 8 U.
constexpr int kStates = 9;
constexpr int kStart = kStates;  // the "previous state" of the first token

bool Continues(int state) { return state % 4 == 2 || state % 4 == 3; }  // I or L
bool IsOpen(int state) { return state % 4 == 1 || state % 4 == 2; }     // B or I: the span goes on
int KindOf(int state) { return state == 0 ? 0 : state <= 4 ? 1 : 2; }

bool Allowed(int previous, int state) {
  bool previous_open = previous != kStart && IsOpen(previous);
  if (state != 0 && Continues(state)) return previous_open && KindOf(previous) == KindOf(state);
  return !previous_open;
}

// BIO tags (0 O, 1 B-skill, 2 I-skill, 3 B-knowledge, 4 I-knowledge) as states, and back.
std::vector<int> StatesOf(const std::vector<int>& tags) {
  std::vector<int> states(tags.size(), 0);
  for (const TaggedSpan& span : SpanTagger::SpansOf(tags)) {
    const int base = span.kind == TaggedSpan::Kind::kSkill ? 1 : 5;
    if (span.first_token == span.last_token) {
      states[span.first_token] = base + 3;
      continue;
    }
    states[span.first_token] = base;
    for (size_t idx = span.first_token + 1; idx < span.last_token; ++idx) states[idx] = base + 1;
    states[span.last_token] = base + 2;
  }
  return states;
}

std::vector<int> TagsOf(const std::vector<int>& states) {
  std::vector<int> tags(states.size(), 0);
  for (size_t idx = 0; idx < states.size(); ++idx) {
    const int state = states[idx];
    if (state == 0) continue;
    const int begin_tag = KindOf(state) == 1 ? 1 : 3;
    tags[idx] = Continues(state) ? begin_tag + 1 : begin_tag;
  }
  return tags;
}

}  // namespace

std::vector<std::pair<uint32_t, uint32_t>> TokenizeForTagging(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> tokens;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  auto is_edge_punct = [](char c) { return std::string_view(",.;:!?()[]{}\"'*•").find(c) != std::string_view::npos; };
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && is_space(text[pos])) ++pos;
    size_t begin = pos;
    while (pos < text.size() && !is_space(text[pos])) ++pos;
    size_t end = pos;
    std::vector<std::pair<uint32_t, uint32_t>> trailing;
    while (begin < end && is_edge_punct(text[begin])) {
      tokens.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + 1)});
      ++begin;
    }
    while (end > begin && is_edge_punct(text[end - 1])) {
      trailing.push_back({static_cast<uint32_t>(end - 1), static_cast<uint32_t>(end)});
      --end;
    }
    if (end > begin) tokens.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    tokens.insert(tokens.end(), trailing.rbegin(), trailing.rend());
  }
  return tokens;
}

std::vector<std::pair<size_t, size_t>> TaggingSentences(std::string_view text,
                                                        const std::vector<std::pair<uint32_t, uint32_t>>& tokens) {
  constexpr size_t kMaxSentence = 80;
  std::vector<std::pair<size_t, size_t>> sentences;
  size_t first = 0;
  for (size_t idx = 0; idx < tokens.size(); ++idx) {
    const std::string_view token = text.substr(tokens[idx].first, tokens[idx].second - tokens[idx].first);
    const bool final_mark = token == "." || token == "!" || token == "?";
    const bool line_break = idx + 1 < tokens.size() &&
                            text.substr(tokens[idx].second, tokens[idx + 1].first - tokens[idx].second).find('\n') !=
                                std::string_view::npos;
    if (final_mark || line_break || idx + 1 - first == kMaxSentence || idx + 1 == tokens.size()) {
      sentences.push_back({first, idx + 1});
      first = idx + 1;
    }
  }
  return sentences;
}

namespace {

uint32_t FeatureSlot(std::string_view key) { return static_cast<uint32_t>(StableHash64(key) & (kFeatureSlots - 1)); }

// The slots of "dimension d is high" and "dimension d is low", made once.
std::array<uint32_t, WordClusters::kMaxDimensions> BitSlots(char sign) {
  std::array<uint32_t, WordClusters::kMaxDimensions> slots{};
  for (int d = 0; d < WordClusters::kMaxDimensions; ++d)
    slots[d] = FeatureSlot(std::string("e") + sign + std::to_string(d));
  return slots;
}
const std::array<uint32_t, WordClusters::kMaxDimensions> kHighBit = BitSlots('+');
const std::array<uint32_t, WordClusters::kMaxDimensions> kLowBit = BitSlots('-');

}  // namespace

using StateScores = std::array<float, kStates>;  // one score per decoder state

namespace {
// Adds the weight rows of `slots` (a feature's states are adjacent) to `scores`, in order.
void AddRows(const std::vector<float>& weights, std::span<const uint32_t> slots, StateScores& scores) {
  for (uint32_t feature : slots) {
    const float* row = weights.data() + static_cast<size_t>(feature) * kStates;
    for (int state = 0; state < kStates; ++state) scores[state] += row[state];
  }
}
}  // namespace

// A sentence's feature slots, token after token, in one array (one allocation, not one per token).
struct SentenceFeatures {
  std::vector<uint32_t> slots;
  std::vector<uint32_t> ends;    // token t's slots are [ends[t - 1], ends[t])
  std::vector<uint32_t> shared;  // the sentence's own slots, features of every token
  // When tagging: each token's summed scores for the features its word carries wherever it stands, which
  // `slots` then leave out. Empty when training.
  std::vector<StateScores> word_scores;
  size_t size() const { return ends.size(); }
  std::span<const uint32_t> operator[](size_t token) const {
    return {slots.data() + (token ? ends[token - 1] : 0), slots.data() + ends[token]};
  }
};

namespace {

// Words that say a sentence states requirements, or describes the employer; and other frequent words
// whose presence tells sentences apart.
constexpr std::string_view kRequirementCues[] = {
    "you",          "your",      "experience",  "experienced", "knowledge",      "skills",        "ability",
    "able",         "familiar",  "familiarity", "proficiency", "proficient",     "understanding", "required",
    "requirements", "preferred", "must",        "should",      "qualifications", "degree",        "background",
    "plus",         "ideally",   "bonus"};
constexpr std::string_view kEmployerCues[] = {"we", "our", "us", "offer", "offers", "company", "join"};
constexpr std::string_view kOtherCues[] = {"skill",  "candidate", "strong",  "good",    "excellent",   "will",
                                           "team",   "have",      "are",     "is",      "responsible", "working",
                                           "within", "years",     "looking", "position"};

bool HasAny(const std::vector<std::string>& lower, std::span<const std::string_view> cues) {
  return std::any_of(lower.begin(), lower.end(),
                     [&](const std::string& word) { return std::find(cues.begin(), cues.end(), word) != cues.end(); });
}

// Features every token of a sentence shares: which cue words it holds, its first word and its length.
// SkillSpan's annotators mark skills the candidate should bring, so the same word ("Hadoop") is a span in
// one sentence and not in the next.
std::vector<uint32_t> SentenceSlots(const std::vector<std::string>& lower) {
  std::vector<uint32_t> slots;
  std::string key;
  auto add = [&](std::string_view name, std::string_view value) {
    key.assign(name);
    key += value;
    slots.push_back(FeatureSlot(key));
  };
  if (!lower.empty()) add("s0=", lower[0]);
  const size_t n = lower.size();
  add("slen=", n <= 3 ? "a" : n <= 7 ? "b" : n <= 15 ? "c" : n <= 30 ? "d" : "e");
  using Cues = std::span<const std::string_view>;
  for (Cues cues : {Cues(kRequirementCues), Cues(kEmployerCues), Cues(kOtherCues)}) {
    for (std::string_view cue : cues) {
      if (std::find(lower.begin(), lower.end(), cue) != lower.end()) add("cue=", cue);
    }
  }
  return slots;
}

// Whom the sentence speaks of: "R" when it states requirements, "E" when it describes the employer, both,
// or "-". Paired with each token's word class and dictionary mark, it lets a tool name count as a span in
// one voice and not in the other.
std::string_view SentenceVoice(const std::vector<std::string>& lower) {
  const bool requirement = HasAny(lower, kRequirementCues), employer = HasAny(lower, kEmployerCues);
  return requirement ? (employer ? "RE" : "R") : (employer ? "E" : "-");
}

}  // namespace

struct SpanTagger::Impl {
  const SkillMatcher* dictionary = nullptr;
  WordClusters classes;
  std::vector<float> weights;                                // kFeatureSlots x kStates
  std::array<float, (kStates + 1) * kStates> transitions{};  // previous state (kStart) x state
  // Tagging sums the features of a word's own (spelling, shape, affixes, classes, vector) once per word
  // as written, not once per occurrence: postings repeat their words. Emptied when full.
  static constexpr size_t kMaxCachedWords = 1 << 16;
  mutable std::unordered_map<std::string, StateScores> word_scores;

  // Hashed feature slots for every token of a sentence. With `cached_words`, each word's own features go
  // into `word_scores` as summed scores instead of into the slots (tagging); without, every feature is a
  // slot (training).
  SentenceFeatures Features(const std::vector<std::string>& tokens, bool cached_words = false) const {
    std::vector<std::string> lower(tokens.size());
    for (size_t idx = 0; idx < tokens.size(); ++idx) lower[idx] = AsciiLower(tokens[idx]);
    // Dictionary: where the taxonomy's matches fall in the sentence.
    std::vector<std::string> dict(tokens.size(), "O");
    if (dictionary) {
      std::string text;
      std::vector<size_t> token_of_byte;
      for (size_t idx = 0; idx < tokens.size(); ++idx) {
        if (idx) {
          text += ' ';
          token_of_byte.push_back(idx);
        }
        text += tokens[idx];
        token_of_byte.insert(token_of_byte.end(), tokens[idx].size(), idx);
      }
      for (const SkillMention& mention : dictionary->Find(text)) {
        size_t first = token_of_byte[mention.begin], last = token_of_byte[mention.end - 1];
        const auto* skill = dictionary->taxonomy().FindById(mention.skill_id);
        std::string category = skill ? std::string(taxonomy::CategoryName(skill->category)) : "";
        for (size_t idx = first; idx <= last; ++idx) dict[idx] = (idx == first ? "B-" : "I-") + category;
      }
    }
    // Word classes: each token's description, and its class at each level as text ("-" for a word too rare).
    std::vector<const WordClusters::Word*> described(tokens.size());
    std::array<std::vector<std::string>, WordClusters::kLevels> class_names;
    for (size_t idx = 0; idx < tokens.size(); ++idx) {
      described[idx] = classes.Find(WordClusters::Normalize(tokens[idx]));
      for (int level = 0; level < WordClusters::kLevels; ++level) {
        class_names[level].push_back(described[idx] ? std::to_string(described[idx]->classes[level]) : "-");
      }
    }
    // A per-token value at `idx`, or the sentence-boundary marks outside the sentence.
    auto at = [&](const std::vector<std::string>& values, long idx) -> std::string_view {
      if (idx < 0) return "<s>";
      if (idx >= static_cast<long>(tokens.size())) return "</s>";
      return values[static_cast<size_t>(idx)];
    };
    auto class_at = [&](long idx, int level) { return at(class_names[level], idx); };
    auto word_at = [&](long idx) { return at(lower, idx); };
    auto dict_at = [&](long idx) { return at(dict, idx); };
    SentenceFeatures features;
    features.slots.reserve(tokens.size() * 64);
    features.ends.reserve(tokens.size());
    std::vector<uint32_t>& out = features.slots;
    std::vector<uint32_t> own;  // a word's own slots, while tagging a word not yet cached
    if (cached_words) features.word_scores.resize(tokens.size());
    std::string key;  // one buffer for every feature's name
    // Sentence features, like the other features that came with word classes, only with them.
    if (!classes.empty()) features.shared = SentenceSlots(lower);
    const std::string_view voice = classes.empty() ? "" : SentenceVoice(lower);
    for (size_t idx = 0; idx < tokens.size(); ++idx) {
      if (idx > 0) features.ends.push_back(static_cast<uint32_t>(out.size()));
      const std::string& word = tokens[idx];
      const std::string_view low = lower[idx];
      const std::string shape = Shape(word);
      auto add_to = [&](std::vector<uint32_t>& to, std::initializer_list<std::string_view> parts) {
        key.clear();
        for (std::string_view part : parts) key += part;
        to.push_back(FeatureSlot(key));
      };
      auto add = [&](std::initializer_list<std::string_view> parts) { add_to(out, parts); };
      // The word's own features are made unless a tagging pass has its scores already.
      const StateScores* known = nullptr;
      if (cached_words) {
        auto found = word_scores.find(word);
        if (found != word_scores.end()) known = &found->second;
        own.clear();
      }
      std::vector<uint32_t>& own_out = cached_words ? own : out;
      auto add_own = [&](std::initializer_list<std::string_view> parts) {
        if (!known) add_to(own_out, parts);
      };
      long i = static_cast<long>(idx);
      add_own({"bias"});
      add_own({"w=", low});
      add_own({"shape=", shape});
      add_own({"p3=", low.substr(0, 3)});
      add_own({"s3=", low.size() > 3 ? low.substr(low.size() - 3) : low});
      add_own({"p4=", low.substr(0, 4)});
      add_own({"s4=", low.size() > 4 ? low.substr(low.size() - 4) : low});
      add({"w-1=", word_at(i - 1)});
      add({"w+1=", word_at(i + 1)});
      add({"w-2=", word_at(i - 2)});
      add({"w+2=", word_at(i + 2)});
      add({"w-1w=", word_at(i - 1), "|", low});
      add({"ww+1=", low, "|", word_at(i + 1)});
      add({"dict=", dict_at(i)});
      add({"dict-1=", dict_at(i - 1)});
      add({"dict+1=", dict_at(i + 1)});
      add({"dictw=", dict_at(i), "|", shape});
      bool upper = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
      add({"cap=", upper ? "1" : "0", idx == 0 ? "first" : ""});
      auto finish_word = [&] {
        if (!cached_words) return;
        if (!known) {
          StateScores sum{};
          AddRows(weights, own, sum);
          if (word_scores.size() >= kMaxCachedWords) word_scores.clear();
          known = &word_scores.emplace(word, sum).first->second;
        }
        features.word_scores[idx] = *known;
      };
      if (classes.empty()) {
        finish_word();
        continue;
      }
      // Where in the sentence, alone and with the word's class: requirement lists open with the skill.
      const std::string_view place = idx == 0 ? "0" : idx == 1 ? "1" : idx == 2 ? "2" : "3+";
      add({"pos=", place});
      add({"pos|c1=", place, "|", class_at(i, 1)});
      add({"end=", idx + 1 == tokens.size() ? "1" : "0", "|", class_at(i, 1)});
      static constexpr std::string_view kLevelName[] = {"c0", "c1", "c2"};
      for (int level = 0; level < WordClusters::kLevels; ++level) {
        add_own({kLevelName[level], "=", class_at(i, level)});
        add({kLevelName[level], "-1=", class_at(i - 1, level)});
        add({kLevelName[level], "+1=", class_at(i + 1, level)});
      }
      add({"c1-2=", class_at(i - 2, 1)});
      add({"c1+2=", class_at(i + 2, 1)});
      add({"voice|c1=", voice, "|", class_at(i, 1)});
      add({"voice|dict=", voice, "|", dict_at(i)});
      add({"c1-1c=", class_at(i - 1, 1), "|", class_at(i, 1)});
      add({"c1c+1=", class_at(i, 1), "|", class_at(i + 1, 1)});
      // The word's binarised vector, one feature per marked dimension.
      const WordClusters::Word* described_word = described[idx];
      if (described_word && !known) {
        for (int d = 0; d < WordClusters::kMaxDimensions; ++d) {
          if (described_word->high >> d & 1) own_out.push_back(kHighBit[d]);
          if (described_word->low >> d & 1) own_out.push_back(kLowBit[d]);
        }
      }
      finish_word();
    }
    if (!tokens.empty()) features.ends.push_back(static_cast<uint32_t>(out.size()));
    return features;
  }

  // The best state sequence; with `gold`, the best once `cost` is added to every state that is not gold's
  // (training's loss-augmented decoding).
  std::vector<int> Viterbi(const SentenceFeatures& features, const std::vector<float>& w,
                           const std::array<float, (kStates + 1) * kStates>& trans,
                           const std::vector<int>* gold = nullptr, float cost = 0) const {
    size_t n = features.size();
    if (n == 0) return {};
    constexpr float kImpossible = -1e30f;
    std::vector<std::array<float, kStates>> best(n);
    std::vector<std::array<int, kStates>> back(n);
    // Each token's score for every state, one pass over its features (a feature's states are adjacent),
    // starting from what the sentence's shared features give every token.
    StateScores shared{};
    AddRows(w, features.shared, shared);
    std::vector<std::array<float, kStates>> emissions(n);
    const size_t all_slots = features.slots.size();
    constexpr size_t kPrefetchAhead = 8;
    for (size_t idx = 0; idx < n; ++idx) {
      std::array<float, kStates>& scores = emissions[idx];
      scores = shared;
      if (!features.word_scores.empty()) {
        for (int state = 0; state < kStates; ++state) scores[state] += features.word_scores[idx][state];
      }
      // The rows lie scattered over a table far larger than the cache: ask for the row a few features
      // ahead (into the next token's) while adding this one.
      const size_t first = idx ? features.ends[idx - 1] : 0, last = features.ends[idx];
      for (size_t k = first; k < last; ++k) {
        if (k + kPrefetchAhead < all_slots) {
          const float* ahead = w.data() + static_cast<size_t>(features.slots[k + kPrefetchAhead]) * kStates;
          __builtin_prefetch(ahead);
          __builtin_prefetch(ahead + kStates - 1);
        }
        const float* row = w.data() + static_cast<size_t>(features.slots[k]) * kStates;
        for (int state = 0; state < kStates; ++state) scores[state] += row[state];
      }
      if (gold) {
        for (int state = 0; state < kStates; ++state) scores[state] += state == (*gold)[idx] ? 0.0f : cost;
      }
    }
    for (int state = 0; state < kStates; ++state) {
      best[0][state] = Allowed(kStart, state) ? trans[kStart * kStates + state] + emissions[0][state] : kImpossible;
      back[0][state] = -1;
    }
    for (size_t idx = 1; idx < n; ++idx) {
      for (int state = 0; state < kStates; ++state) {
        float e = emissions[idx][state];
        best[idx][state] = kImpossible;
        for (int previous = 0; previous < kStates; ++previous) {
          if (!Allowed(previous, state) || best[idx - 1][previous] == kImpossible) continue;
          float score = best[idx - 1][previous] + trans[previous * kStates + state] + e;
          if (score > best[idx][state]) {
            best[idx][state] = score;
            back[idx][state] = previous;
          }
        }
      }
    }
    // A span may not be left open at the end.
    for (int state = 0; state < kStates; ++state) {
      if (IsOpen(state)) best[n - 1][state] = kImpossible;
    }
    std::vector<int> states(n);
    states[n - 1] = static_cast<int>(std::max_element(best[n - 1].begin(), best[n - 1].end()) - best[n - 1].begin());
    for (size_t idx = n - 1; idx > 0; --idx) states[idx - 1] = back[idx][states[idx]];
    return states;
  }
};

SpanTagger::~SpanTagger() = default;

std::unique_ptr<SpanTagger> SpanTagger::Train(const std::vector<TaggedSentence>& sentences,
                                              const SkillMatcher* dictionary, const TaggerTrainOptions& options,
                                              WordClusters classes) {
  auto tagger = std::unique_ptr<SpanTagger>(new SpanTagger());
  tagger->impl_ = std::make_unique<Impl>();
  Impl& impl = *tagger->impl_;
  impl.dictionary = dictionary;
  impl.classes = std::move(classes);
  impl.weights.assign(static_cast<size_t>(kFeatureSlots) * kStates, 0.0f);
  // Averaging by the lazy trick: keep sum of (update * time) and average = w - totals / time.
  std::vector<float> timed(impl.weights.size(), 0.0f);
  std::array<float, (kStates + 1) * kStates> trans_timed{};
  std::vector<SentenceFeatures> features;
  features.reserve(sentences.size());
  std::vector<std::vector<int>> gold_states;
  for (const TaggedSentence& sentence : sentences) {
    features.push_back(impl.Features(sentence.tokens));
    gold_states.push_back(StatesOf(sentence.tags));
  }
  std::vector<size_t> order(sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  float time = 1;
  // Feature differences between the gold and the guessed sequence: (weight index, count), summed.
  std::vector<std::pair<size_t, float>> differences, transition_differences;
  auto collect = [&](const SentenceFeatures& sentence, const std::vector<int>& states, float sign) {
    int previous = kStart;
    for (size_t idx = 0; idx < states.size(); ++idx) {
      for (uint32_t feature : sentence[idx]) {
        differences.push_back({static_cast<size_t>(feature) * kStates + static_cast<size_t>(states[idx]), sign});
      }
      for (uint32_t feature : sentence.shared) {
        differences.push_back({static_cast<size_t>(feature) * kStates + static_cast<size_t>(states[idx]), sign});
      }
      transition_differences.push_back({static_cast<size_t>(previous * kStates + states[idx]), sign});
      previous = states[idx];
    }
  };
  auto merge = [](std::vector<std::pair<size_t, float>>& entries) {
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    size_t kept = 0;
    for (const auto& entry : entries) {
      if (kept && entries[kept - 1].first == entry.first) {
        entries[kept - 1].second += entry.second;
      } else {
        entries[kept++] = entry;
      }
    }
    entries.resize(kept);
  };
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t index : order) {
      const std::vector<int>& gold = gold_states[index];
      std::vector<int> guess = impl.Viterbi(features[index], impl.weights, impl.transitions, &gold, options.cost);
      ++time;
      if (guess == gold) continue;
      differences.clear();
      transition_differences.clear();
      collect(features[index], gold, 1.0f);
      collect(features[index], guess, -1.0f);
      merge(differences);
      merge(transition_differences);
      // The passive-aggressive step: just far enough for gold to beat the guess by its cost.
      float loss = 0, margin = 0, norm = 0;
      for (size_t idx = 0; idx < gold.size(); ++idx) loss += gold[idx] != guess[idx] ? options.cost : 0.0f;
      for (const auto& [at, count] : differences) {
        margin += count * impl.weights[at];
        norm += count * count;
      }
      for (const auto& [at, count] : transition_differences) {
        margin += count * impl.transitions[at];
        norm += count * count;
      }
      if (norm == 0 || loss <= margin) continue;
      const float step = std::min(1.0f, (loss - margin) / norm);
      for (const auto& [at, count] : differences) {
        impl.weights[at] += step * count;
        timed[at] += step * count * time;
      }
      for (const auto& [at, count] : transition_differences) {
        impl.transitions[at] += step * count;
        trans_timed[at] += step * count * time;
      }
    }
  }
  for (size_t at = 0; at < impl.weights.size(); ++at) impl.weights[at] -= timed[at] / time;
  for (size_t at = 0; at < impl.transitions.size(); ++at) impl.transitions[at] -= trans_timed[at] / time;
  return tagger;
}

std::vector<int> SpanTagger::Tag(const std::vector<std::string>& tokens) const {
  return TagsOf(impl_->Viterbi(impl_->Features(tokens, /*cached_words=*/true), impl_->weights, impl_->transitions));
}

std::vector<TaggedSpan> SpanTagger::SpansOf(const std::vector<int>& tags) {
  std::vector<TaggedSpan> spans;
  for (size_t idx = 0; idx < tags.size(); ++idx) {
    int tag = tags[idx];
    if (tag == 0) continue;
    bool begins = tag == 1 || tag == 3 || idx == 0 || tags[idx - 1] == 0 || (tag == 2 && tags[idx - 1] > 2) ||
                  (tag == 4 && tags[idx - 1] < 3);
    if (begins) {
      TaggedSpan span;
      span.kind = tag <= 2 ? TaggedSpan::Kind::kSkill : TaggedSpan::Kind::kKnowledge;
      span.first_token = span.last_token = idx;
      spans.push_back(span);
    } else {
      spans.back().last_token = idx;
    }
  }
  return spans;
}

std::vector<TaggedSpan> SpanTagger::FindSpans(std::string_view text) const {
  const auto offsets = TokenizeForTagging(text);
  std::vector<TaggedSpan> spans;
  std::vector<std::string> tokens;
  for (const auto& [first, last] : TaggingSentences(text, offsets)) {
    tokens.clear();
    for (size_t idx = first; idx < last; ++idx)
      tokens.emplace_back(text.substr(offsets[idx].first, offsets[idx].second - offsets[idx].first));
    for (TaggedSpan span : SpansOf(Tag(tokens))) {
      span.first_token += first;
      span.last_token += first;
      span.begin = offsets[span.first_token].first;
      span.end = offsets[span.last_token].second;
      spans.push_back(span);
    }
  }
  return spans;
}

namespace {
WeightFileHeader TaggerFileHeader() {
  return {"JSTAGGER", kFormatVersion, kFeatureBits, static_cast<uint32_t>(kStates)};
}
}  // namespace

Status SpanTagger::Save(const std::string& path) const {
  return WriteWeightFile(path, TaggerFileHeader(), impl_->weights, impl_->transitions,
                         impl_->classes.empty() ? std::string() : impl_->classes.Serialize());
}

StatusOr<std::unique_ptr<SpanTagger>> SpanTagger::Load(const std::string& path, const SkillMatcher* dictionary) {
  auto tagger = std::unique_ptr<SpanTagger>(new SpanTagger());
  tagger->impl_ = std::make_unique<Impl>();
  tagger->impl_->dictionary = dictionary;
  std::string trailer;
  JS_RETURN_IF_ERROR(
      ReadWeightFile(path, TaggerFileHeader(), tagger->impl_->weights, tagger->impl_->transitions, &trailer));
  if (!trailer.empty()) {
    JS_ASSIGN_OR_RETURN(tagger->impl_->classes, WordClusters::Parse(trailer, path));
  }
  return tagger;
}

}  // namespace jobscope::extract

namespace jobscope::extract {

StatusOr<std::vector<TaggedSentence>> ReadSkillSpanConll(const std::string& path) {
  std::ifstream in(path);
  if (!in) return IoError("cannot read " + path);
  std::vector<TaggedSentence> sentences;
  TaggedSentence current;
  std::string line;
  size_t line_no = 0;
  auto tag_of = [](std::string_view skill, std::string_view knowledge) {
    // Where both columns tag a token, the knowledge span wins (they rarely overlap).
    if (knowledge.starts_with("B")) return 3;
    if (knowledge.starts_with("I")) return 4;
    if (skill.starts_with("B")) return 1;
    if (skill.starts_with("I")) return 2;
    return 0;
  };
  auto flush = [&] {
    if (!current.tokens.empty()) sentences.push_back(std::move(current));
    current = TaggedSentence();
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    std::vector<std::string_view> cols = SplitOn(line, '\t');
    if (cols.size() != 3)
      return ParseError(path + " line " + std::to_string(line_no) + ": expected token, skill tag, knowledge tag");
    current.tokens.emplace_back(cols[0]);
    current.tags.push_back(tag_of(cols[1], cols[2]));
  }
  flush();
  return sentences;
}

}  // namespace jobscope::extract
