// The skill-span tagger: an averaged structured perceptron (Collins 2002) over hashed features, with
// first-order tag transitions and Viterbi decoding. Features of token i: its lowercase form, shape, 3- and
// 4-letter prefix and suffix, capitalisation, digits, the words around it (i-2..i+2), and whether the
// taxonomy dictionary places it at the start or inside of a skill (and of which category).
#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <numeric>
#include <random>

#include "base/hash.h"
#include "base/strings.h"
#include "base/weight_file.h"
#include "extract/extract.h"

namespace jobscope::extract {
namespace {

constexpr int kTags = SpanTagger::kTags;
constexpr uint32_t kFeatureBits = 20;
constexpr uint32_t kFeatureSlots = 1u << kFeatureBits;
constexpr uint32_t kFormatVersion = 1;

std::string Shape(std::string_view word) {
  std::string shape;
  for (char c : word) {
    char kind = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') ? 'x' : (c >= '0' && c <= '9') ? 'd' : c;
    if (shape.empty() || shape.back() != kind) shape += kind;  // collapse runs: "PyTorch" -> "XxXx"
  }
  return shape;
}

// Allowed transitions: I-k only after B-k or I-k.
bool Allowed(int previous, int tag) {
  if (tag == 2) return previous == 1 || previous == 2;
  if (tag == 4) return previous == 3 || previous == 4;
  return true;
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

struct SpanTagger::Impl {
  const SkillMatcher* dictionary = nullptr;
  std::vector<float> weights;      // kFeatureSlots x kTags
  std::array<float, (kTags + 1) * kTags> transitions{};  // previous tag (kTags = start) x tag

  // Hashed feature slots for every token of a sentence.
  std::vector<std::vector<uint32_t>> Features(const std::vector<std::string>& tokens) const {
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
    std::vector<std::vector<uint32_t>> features(tokens.size());
    auto slot = [](std::string_view key) { return static_cast<uint32_t>(StableHash64(key) & (kFeatureSlots - 1)); };
    auto word_at = [&](long idx) -> std::string_view {
      if (idx < 0) return "<s>";
      if (idx >= static_cast<long>(tokens.size())) return "</s>";
      return lower[static_cast<size_t>(idx)];
    };
    for (size_t idx = 0; idx < tokens.size(); ++idx) {
      const std::string& word = tokens[idx];
      const std::string& low = lower[idx];
      auto& out = features[idx];
      long i = static_cast<long>(idx);
      out.push_back(slot("bias"));
      out.push_back(slot("w=" + low));
      out.push_back(slot("shape=" + Shape(word)));
      out.push_back(slot("p3=" + low.substr(0, 3)));
      out.push_back(slot("s3=" + (low.size() > 3 ? low.substr(low.size() - 3) : low)));
      out.push_back(slot("p4=" + low.substr(0, 4)));
      out.push_back(slot("s4=" + (low.size() > 4 ? low.substr(low.size() - 4) : low)));
      out.push_back(slot("w-1=" + std::string(word_at(i - 1))));
      out.push_back(slot("w+1=" + std::string(word_at(i + 1))));
      out.push_back(slot("w-2=" + std::string(word_at(i - 2))));
      out.push_back(slot("w+2=" + std::string(word_at(i + 2))));
      out.push_back(slot("w-1w=" + std::string(word_at(i - 1)) + "|" + low));
      out.push_back(slot("ww+1=" + low + "|" + std::string(word_at(i + 1))));
      out.push_back(slot("dict=" + dict[idx]));
      out.push_back(slot("dict-1=" + (idx > 0 ? dict[idx - 1] : std::string("<s>"))));
      out.push_back(slot("dict+1=" + (idx + 1 < tokens.size() ? dict[idx + 1] : std::string("</s>"))));
      out.push_back(slot("dictw=" + dict[idx] + "|" + Shape(word)));
      bool upper = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
      out.push_back(slot(std::string("cap=") + (upper ? "1" : "0") + (idx == 0 ? "first" : "")));
    }
    return features;
  }

  std::vector<int> Viterbi(const std::vector<std::vector<uint32_t>>& features, const std::vector<float>& w,
                           const std::array<float, (kTags + 1) * kTags>& trans) const {
    size_t n = features.size();
    if (n == 0) return {};
    std::vector<std::array<float, kTags>> best(n);
    std::vector<std::array<int, kTags>> back(n);
    auto emission = [&](size_t idx, int tag) {
      float score = 0;
      for (uint32_t feature : features[idx]) score += w[feature * kTags + static_cast<uint32_t>(tag)];
      return score;
    };
    for (int tag = 0; tag < kTags; ++tag) {
      best[0][tag] = Allowed(-1, tag) && tag != 2 && tag != 4 ? trans[kTags * kTags + tag] + emission(0, tag) : -1e30f;
      back[0][tag] = -1;
    }
    for (size_t idx = 1; idx < n; ++idx) {
      for (int tag = 0; tag < kTags; ++tag) {
        float e = emission(idx, tag);
        best[idx][tag] = -1e30f;
        for (int previous = 0; previous < kTags; ++previous) {
          if (!Allowed(previous, tag)) continue;
          float score = best[idx - 1][previous] + trans[previous * kTags + tag] + e;
          if (score > best[idx][tag]) {
            best[idx][tag] = score;
            back[idx][tag] = previous;
          }
        }
      }
    }
    std::vector<int> tags(n);
    tags[n - 1] = static_cast<int>(std::max_element(best[n - 1].begin(), best[n - 1].end()) - best[n - 1].begin());
    for (size_t idx = n - 1; idx > 0; --idx) tags[idx - 1] = back[idx][tags[idx]];
    return tags;
  }
};

SpanTagger::~SpanTagger() = default;

std::unique_ptr<SpanTagger> SpanTagger::Train(const std::vector<TaggedSentence>& sentences, const SkillMatcher* dictionary,
                                              const TaggerTrainOptions& options) {
  auto tagger = std::unique_ptr<SpanTagger>(new SpanTagger());
  tagger->impl_ = std::make_unique<Impl>();
  Impl& impl = *tagger->impl_;
  impl.dictionary = dictionary;
  impl.weights.assign(static_cast<size_t>(kFeatureSlots) * kTags, 0.0f);
  // Averaging by the lazy trick: keep sum of (update * time) and average = w - totals / time.
  std::vector<float> timed(impl.weights.size(), 0.0f);
  std::array<float, (kTags + 1) * kTags> trans_timed{};
  std::vector<std::vector<std::vector<uint32_t>>> features;
  features.reserve(sentences.size());
  for (const TaggedSentence& sentence : sentences) features.push_back(impl.Features(sentence.tokens));
  std::vector<size_t> order(sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  float time = 1;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t index : order) {
      const auto& gold = sentences[index].tags;
      std::vector<int> guess = impl.Viterbi(features[index], impl.weights, impl.transitions);
      if (guess != gold) {
        auto update = [&](const std::vector<int>& tags, float sign) {
          int previous = kTags;
          for (size_t idx = 0; idx < tags.size(); ++idx) {
            for (uint32_t feature : features[index][idx]) {
              size_t at = static_cast<size_t>(feature) * kTags + static_cast<size_t>(tags[idx]);
              impl.weights[at] += sign;
              timed[at] += sign * time;
            }
            size_t t = static_cast<size_t>(previous * kTags + tags[idx]);
            impl.transitions[t] += sign;
            trans_timed[t] += sign * time;
            previous = tags[idx];
          }
        };
        update(gold, 1.0f);
        update(guess, -1.0f);
      }
      ++time;
    }
  }
  for (size_t at = 0; at < impl.weights.size(); ++at) impl.weights[at] -= timed[at] / time;
  for (size_t at = 0; at < impl.transitions.size(); ++at) impl.transitions[at] -= trans_timed[at] / time;
  return tagger;
}

std::vector<int> SpanTagger::Tag(const std::vector<std::string>& tokens) const {
  return impl_->Viterbi(impl_->Features(tokens), impl_->weights, impl_->transitions);
}

std::vector<TaggedSpan> SpanTagger::SpansOf(const std::vector<int>& tags) {
  std::vector<TaggedSpan> spans;
  for (size_t idx = 0; idx < tags.size(); ++idx) {
    int tag = tags[idx];
    if (tag == 0) continue;
    bool begins = tag == 1 || tag == 3 || idx == 0 || tags[idx - 1] == 0 ||
                  (tag == 2 && tags[idx - 1] > 2) || (tag == 4 && tags[idx - 1] < 3);
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
  auto offsets = TokenizeForTagging(text);
  std::vector<std::string> tokens;
  for (const auto& [begin, end] : offsets) tokens.emplace_back(text.substr(begin, end - begin));
  std::vector<TaggedSpan> spans = SpansOf(Tag(tokens));
  for (TaggedSpan& span : spans) {
    span.begin = offsets[span.first_token].first;
    span.end = offsets[span.last_token].second;
  }
  return spans;
}

namespace {
WeightFileHeader TaggerFileHeader() { return {"JSTAGGER", kFormatVersion, kFeatureBits, static_cast<uint32_t>(kTags)}; }
}  // namespace

Status SpanTagger::Save(const std::string& path) const {
  return WriteWeightFile(path, TaggerFileHeader(), impl_->weights, impl_->transitions);
}

StatusOr<std::unique_ptr<SpanTagger>> SpanTagger::Load(const std::string& path, const SkillMatcher* dictionary) {
  auto tagger = std::unique_ptr<SpanTagger>(new SpanTagger());
  tagger->impl_ = std::make_unique<Impl>();
  tagger->impl_->dictionary = dictionary;
  JS_RETURN_IF_ERROR(ReadWeightFile(path, TaggerFileHeader(), tagger->impl_->weights, tagger->impl_->transitions));
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
    if (cols.size() != 3) return ParseError(path + " line " + std::to_string(line_no) + ": expected token, skill tag, knowledge tag");
    current.tokens.emplace_back(cols[0]);
    current.tags.push_back(tag_of(cols[1], cols[2]));
  }
  flush();
  return sentences;
}

}  // namespace jobscope::extract
