// `jobscope eval`: each model's metrics on its named split, with confusion matrices.
#include <chrono>
#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "base/tsv.h"
#include "classify/classify.h"
#include "cli/internal/commands.h"
#include "cli/internal/format.h"
#include "cli/internal/gold_eval.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "text/text.h"

namespace jobscope::cli::internal {
namespace {

struct EvalArgs {
  std::string shared_data = "../shared/data";
};

struct SpanScore {
  size_t gold = 0, predicted = 0, correct = 0;
  double Precision() const { return predicted ? static_cast<double>(correct) / static_cast<double>(predicted) : 0; }
  double Recall() const { return gold ? static_cast<double>(correct) / static_cast<double>(gold) : 0; }
  double F1() const { return Precision() + Recall() > 0 ? 2 * Precision() * Recall() / (Precision() + Recall()) : 0; }
  nlohmann::json Json() const {
    return {{"precision", Precision()}, {"recall", Recall()}, {"f1", F1()}, {"gold", gold}, {"predicted", predicted}};
  }
};

int RunEval(Context& context, const EvalArgs& args) {
  nlohmann::json report;
  // 1. Skill-span tagger on the SkillSpan test split.
  auto understander = context.MakeUnderstander();
  if (!understander.ok()) return ReportError(understander.status());
  auto matcher = extract::SkillMatcher::Create(*context.taxonomy);
  if (!matcher.ok()) return ReportError(matcher.status());
  auto tagger = extract::SpanTagger::Load(context.DataPath("models/skill_tagger.bin"), matcher->get());
  if (!tagger.ok()) return ReportError(tagger.status());
  std::vector<extract::TaggedSentence> test;
  for (const char* file : {"skillspan_house_test.conll", "skillspan_tech_test.conll"}) {
    auto sentences = extract::ReadSkillSpanConll(args.shared_data + "/skillspan/data/conll/" + file);
    if (!sentences.ok()) return ReportError(sentences.status());
    test.insert(test.end(), sentences->begin(), sentences->end());
  }
  SpanScore knowledge, skill, both;
  std::vector<std::vector<int64_t>> tag_confusion(5, std::vector<int64_t>(5, 0));
  size_t tokens = 0;
  double tagging_seconds = 0;
  for (const auto& sentence : test) {
    auto started = std::chrono::steady_clock::now();
    std::vector<int> tags = (*tagger)->Tag(sentence.tokens);
    tagging_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    tokens += sentence.tokens.size();
    for (size_t idx = 0; idx < tags.size(); ++idx) ++tag_confusion[sentence.tags[idx]][tags[idx]];
    using Kind = extract::TaggedSpan::Kind;
    auto collect = [](const std::vector<int>& sequence, Kind kind) {
      std::set<std::pair<size_t, size_t>> spans;
      for (const auto& span : extract::SpanTagger::SpansOf(sequence)) {
        if (span.kind == kind) spans.insert({span.first_token, span.last_token});
      }
      return spans;
    };
    auto add = [&](SpanScore& score, Kind kind) {
      auto gold = collect(sentence.tags, kind), found = collect(tags, kind);
      score.gold += gold.size();
      score.predicted += found.size();
      for (const auto& span : found) score.correct += gold.count(span);
    };
    add(knowledge, Kind::kKnowledge);
    add(skill, Kind::kSkill);
  }
  // Both kinds together, each span matched within its own kind, as SkillSpan's evaluation counts them.
  both.gold = knowledge.gold + skill.gold;
  both.predicted = knowledge.predicted + skill.predicted;
  both.correct = knowledge.correct + skill.correct;
  report["skill_tagger"] = {{"split", "SkillSpan test"},
                            {"knowledge", knowledge.Json()},
                            {"skill", skill.Json()},
                            {"both", both.Json()},
                            {"tokens_per_second", tokens / tagging_seconds},
                            {"token_confusion", tag_confusion}};

  // 2. Role classifier: 5-fold cross-validation on the shippable weak labels.
  auto role_model = classify::RoleClassifier::Load(context.DataPath("models/role_model.bin"));
  if (!role_model.ok()) return ReportError(role_model.status());

  if (context.json) {
    std::printf("%s\n", report.dump().c_str());
    return kExitOk;
  }
  std::printf("skill-span tagger, SkillSpan test (%zu sentences, %zu tokens, %.0f tokens/s on one core):\n",
              test.size(), tokens, tokens / tagging_seconds);
  for (const auto& [name, score] :
       {std::pair{"knowledge", knowledge}, std::pair{"skill", skill}, std::pair{"both", both}}) {
    std::printf("  %-10s exact span P %.3f  R %.3f  F1 %.3f\n", name, score.Precision(), score.Recall(), score.F1());
  }
  PrintMatrix("token tags", {"O", "B-skill", "I-skill", "B-know", "I-know"}, tag_confusion);
  std::printf("\nrole classifier: see `jobscope train` for its 5-fold cross-validation\n");
  return kExitOk;
}

}  // namespace

void AddEvalCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("eval",
                                     "Each model's metrics on its named split, with confusion matrices; "
                                     "with --gold, understanding scored on the gold set");
  auto args = std::make_shared<EvalArgs>();
  auto gold = std::make_shared<GoldEvalArgs>();
  auto match_gold = std::make_shared<MatchGoldEvalArgs>();
  command->add_option("--shared-data", args->shared_data, "Folder holding skillspan/ and linkedin-aiml-jobs/")
      ->capture_default_str();
  command->add_option("--gold", gold->gold_dir, "Score understanding on the gold set in this folder (tests/gold)");
  command->add_option("--export-inputs", gold->export_inputs, "With --gold: write its items as JSON Lines and stop");
  command->add_option("--predictions", gold->predictions, "With --gold: score this `understand --jsonl` output");
  command->add_flag("--tagger", gold->tagger, "With --gold: understand with the span tagger too");
  command->add_option("--details", gold->details, "With --gold: the half whose matrices and errors are listed")
      ->check(CLI::IsMember({"dev", "test"}))
      ->capture_default_str();
  command->add_option(
      "--match-gold", match_gold->gold_dir,
      "Score résumé matching (NDCG@10, MAP, beside TF-IDF and Jaccard) on this gold set (tests/gold/match)");
  command->add_flag("--rankings", match_gold->list_rankings,
                    "With --match-gold: list each résumé's postings in jobscope's order");
  command->add_flag("--json", context.json, "Machine-readable output");
  command->callback([&context, &exit_code, args, gold, match_gold] {
    if (!match_gold->gold_dir.empty()) {
      match_gold->shared_data = args->shared_data;
      match_gold->details = gold->details;
      exit_code = RunMatchGoldEval(context, *match_gold);
    } else if (!gold->gold_dir.empty()) {
      gold->shared_data = args->shared_data;
      exit_code = RunGoldEval(context, *gold);
    } else {
      exit_code = RunEval(context, *args);
    }
  });
}

}  // namespace jobscope::cli::internal
