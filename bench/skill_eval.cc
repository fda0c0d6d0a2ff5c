// Skill-span evaluation against gold BIO annotations: SkillSpan (CoNLL "token<TAB>skill-BIO<TAB>knowledge-BIO")
// and the Green et al. gold set ("token TAG"). Sentences are rebuilt by joining tokens with spaces, the
// taxonomy matcher runs on them, and its spans are compared with the gold spans of the chosen kind:
//   exact:   a predicted span is right when its tokens are exactly a gold span (seqeval span-F1);
//   partial: a predicted span is right when it overlaps a gold span; a gold span is found when overlapped.
//
// usage: jobscope_skill_eval [--data-dir DIR] --format skillspan|green --kind knowledge|skill|both|Skill
//                            [--errors N] [--json] FILE...
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "extract/extract.h"
#include "taxonomy/taxonomy.h"

namespace {

using jobscope::extract::SkillMatcher;

struct Sentence {
  std::vector<std::string> tokens;
  std::vector<std::vector<std::string>> tags;  // per tag column, per token
};

std::vector<Sentence> ReadConll(const std::string& path, bool tab_separated) {
  std::ifstream in(path);
  std::vector<Sentence> sentences;
  Sentence current;
  std::string line;
  auto flush = [&] {
    if (!current.tokens.empty()) sentences.push_back(std::move(current));
    current = Sentence();
  };
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    std::vector<std::string> cols;
    if (tab_separated) {
      std::stringstream stream(line);
      std::string col;
      while (std::getline(stream, col, '\t')) cols.push_back(col);
    } else {
      std::stringstream stream(line);
      std::string col;
      while (stream >> col) cols.push_back(col);
    }
    if (cols.size() < 2) continue;
    current.tokens.push_back(cols[0]);
    if (current.tags.size() < cols.size() - 1) current.tags.resize(cols.size() - 1);
    for (size_t idx = 1; idx < cols.size(); ++idx) current.tags[idx - 1].push_back(cols[idx]);
  }
  flush();
  return sentences;
}

using Span = std::pair<size_t, size_t>;  // token range [first, last]
// A span and its layer (SkillSpan: 0 skill, 1 knowledge; Green: 0). Spans match only within a layer, as
// SkillSpan's evaluation (GermEval's nereval, strict) counts the skill and knowledge layers together.
using LayeredSpan = std::pair<Span, int>;

std::vector<Span> GoldSpans(const std::vector<std::string>& tags, const std::string& label) {
  std::vector<Span> spans;
  size_t start = 0;
  bool open = false;
  for (size_t idx = 0; idx <= tags.size(); ++idx) {
    std::string tag = idx < tags.size() ? tags[idx] : "O";
    bool begins = tag.starts_with("B") && (label.empty() || tag.ends_with(label));
    bool inside = tag.starts_with("I") && (label.empty() || tag.ends_with(label));
    if (open && !inside) {
      spans.push_back({start, idx - 1});
      open = false;
    }
    if (begins || (inside && !open)) {
      start = idx;
      open = true;
    }
  }
  return spans;
}

struct Counts {
  size_t predicted = 0, gold = 0, exact_tp = 0, partial_pred_tp = 0, partial_gold_tp = 0;
};

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Skill-span evaluation of the taxonomy matcher"};
  std::string data_dir = JOBSCOPE_SOURCE_DATA_DIR;
  std::string format = "skillspan";
  std::string kind = "knowledge";
  size_t errors = 0;
  bool json = false;
  std::string tagger_path;
  std::vector<std::string> files;
  app.add_option("--data-dir", data_dir);
  app.add_option("--format", format)->check(CLI::IsMember({"skillspan", "green"}));
  app.add_option("--kind", kind, "knowledge, skill or both (SkillSpan); Skill, Occupation, ... (Green)");
  app.add_option("--errors", errors, "List the N most frequent false positives and misses");
  app.add_flag("--json", json);
  app.add_option("--tagger", tagger_path,
                 "Score the trained span tagger (data/models/skill_tagger.bin) instead of the dictionary");
  app.add_option("files", files)->required();
  CLI11_PARSE(app, argc, argv);

  auto taxonomy = jobscope::taxonomy::Taxonomy::Load(data_dir + "/taxonomy/skills.tsv");
  if (!taxonomy.ok()) {
    std::fprintf(stderr, "%s\n", taxonomy.status().message().c_str());
    return 1;
  }
  auto matcher = SkillMatcher::Create(*taxonomy);
  if (!matcher.ok()) {
    std::fprintf(stderr, "%s\n", matcher.status().message().c_str());
    return 1;
  }
  std::unique_ptr<jobscope::extract::SpanTagger> tagger;
  if (!tagger_path.empty()) {
    auto loaded = jobscope::extract::SpanTagger::Load(tagger_path, matcher->get());
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
      return 1;
    }
    tagger = std::move(loaded).value();
  }
  Counts counts;
  size_t sentences_seen = 0, tokens_seen = 0;
  std::map<std::string, int> false_positives, misses;
  for (const std::string& file : files) {
    for (const Sentence& sentence : ReadConll(file, format == "skillspan")) {
      ++sentences_seen;
      tokens_seen += sentence.tokens.size();
      std::set<LayeredSpan> gold;
      if (format == "skillspan") {
        if (kind == "skill" || kind == "both")
          for (Span s : GoldSpans(sentence.tags[0], "")) gold.insert({s, 0});
        if (kind == "knowledge" || kind == "both")
          for (Span s : GoldSpans(sentence.tags[1], "")) gold.insert({s, 1});
      } else {
        for (Span s : GoldSpans(sentence.tags[0], kind)) gold.insert({s, 0});
      }
      std::string text;
      std::vector<size_t> token_of_byte;
      for (size_t idx = 0; idx < sentence.tokens.size(); ++idx) {
        if (idx) {
          text += ' ';
          token_of_byte.push_back(idx);
        }
        text += sentence.tokens[idx];
        token_of_byte.insert(token_of_byte.end(), sentence.tokens[idx].size(), idx);
      }
      std::set<LayeredSpan> predicted;
      if (tagger) {
        for (const auto& span : jobscope::extract::SpanTagger::SpansOf(tagger->Tag(sentence.tokens))) {
          bool knowledge = span.kind == jobscope::extract::TaggedSpan::Kind::kKnowledge;
          if (format == "skillspan" && ((kind == "knowledge" && !knowledge) || (kind == "skill" && knowledge)))
            continue;
          predicted.insert({{span.first_token, span.last_token}, format == "skillspan" && knowledge ? 1 : 0});
        }
      }
      for (const auto& mention : tagger ? std::vector<jobscope::SkillMention>() : (*matcher)->Find(text)) {
        // SkillSpan's knowledge spans are hard skills; its skill spans are competences, where the
        // taxonomy's soft skills belong.
        const auto* skill = taxonomy->FindById(mention.skill_id);
        bool soft = skill && skill->category == jobscope::taxonomy::Category::kSoftSkill;
        if (format == "skillspan" && ((kind == "knowledge" && soft) || (kind == "skill" && !soft))) continue;
        predicted.insert(
            {{token_of_byte[mention.begin], token_of_byte[mention.end - 1]}, format == "skillspan" && !soft ? 1 : 0});
      }
      auto span_text = [&](Span span) {
        std::string out;
        for (size_t idx = span.first; idx <= span.second; ++idx)
          out += (idx > span.first ? " " : "") + sentence.tokens[idx];
        return out;
      };
      auto overlaps = [](const LayeredSpan& a, const LayeredSpan& b) {
        return a.second == b.second && a.first.first <= b.first.second && b.first.first <= a.first.second;
      };
      counts.predicted += predicted.size();
      counts.gold += gold.size();
      for (const LayeredSpan& span : predicted) {
        if (gold.count(span)) ++counts.exact_tp;
        bool any = std::any_of(gold.begin(), gold.end(), [&](const LayeredSpan& g) { return overlaps(span, g); });
        if (any) ++counts.partial_pred_tp;
        if (!gold.count(span)) ++false_positives[span_text(span.first)];
      }
      for (const LayeredSpan& span : gold) {
        if (std::any_of(predicted.begin(), predicted.end(), [&](const LayeredSpan& p) { return overlaps(span, p); }))
          ++counts.partial_gold_tp;
        if (!predicted.count(span)) ++misses[span_text(span.first)];
      }
    }
  }
  auto ratio = [](size_t a, size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  double exact_p = ratio(counts.exact_tp, counts.predicted), exact_r = ratio(counts.exact_tp, counts.gold);
  double partial_p = ratio(counts.partial_pred_tp, counts.predicted),
         partial_r = ratio(counts.partial_gold_tp, counts.gold);
  if (json) {
    nlohmann::json out = {
        {"kind", kind},
        {"sentences", sentences_seen},
        {"tokens", tokens_seen},
        {"gold_spans", counts.gold},
        {"predicted_spans", counts.predicted},
        {"exact", {{"precision", exact_p}, {"recall", exact_r}, {"f1", F1(exact_p, exact_r)}}},
        {"partial", {{"precision", partial_p}, {"recall", partial_r}, {"f1", F1(partial_p, partial_r)}}}};
    std::printf("%s\n", out.dump().c_str());
  } else {
    std::printf("%s spans: %zu sentences, %zu gold, %zu predicted\n", kind.c_str(), sentences_seen, counts.gold,
                counts.predicted);
    std::printf("  exact:   P %.3f  R %.3f  F1 %.3f\n", exact_p, exact_r, F1(exact_p, exact_r));
    std::printf("  partial: P %.3f  R %.3f  F1 %.3f\n", partial_p, partial_r, F1(partial_p, partial_r));
  }
  auto top = [&](const std::map<std::string, int>& counts_by_text, const char* heading) {
    std::vector<std::pair<int, std::string>> rows;
    for (const auto& [text, count] : counts_by_text) rows.push_back({count, text});
    std::sort(rows.rbegin(), rows.rend());
    std::printf("%s\n", heading);
    for (size_t idx = 0; idx < std::min(errors, rows.size()); ++idx)
      std::printf("  %4d  %s\n", rows[idx].first, rows[idx].second.c_str());
  };
  if (errors > 0) {
    top(false_positives, "most frequent false positives (predicted, not gold):");
    top(misses, "most frequent misses (gold, not predicted exactly):");
  }
  return 0;
}
