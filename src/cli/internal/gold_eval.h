// `jobscope eval --gold`: the understanding gold set's figures (cli/gold_eval.cc).
#pragma once

#include <string>

#include "cli/internal/context.h"

namespace jobscope::cli::internal {

struct GoldEvalArgs {
  std::string gold_dir;
  std::string shared_data;
  std::string export_inputs;    // write the gold items as JSON Lines and stop
  std::string predictions;      // score this `understand --jsonl` output instead of understanding here
  bool tagger = false;          // understand with the span tagger too (ingest's `--tagger`)
  std::string details = "dev";  // which half the confusion matrices and error lists are shown for
};

int RunGoldEval(Context& context, const GoldEvalArgs& args);

}  // namespace jobscope::cli::internal

namespace jobscope::cli::internal {

// `jobscope eval --match-gold`: ranking quality on the résumé-matching gold set (cli/match_gold_eval.cc).
struct MatchGoldEvalArgs {
  std::string gold_dir;
  std::string shared_data;
  std::string details = "dev";  // the half whose per-résumé figures are listed
  bool list_rankings = false;   // and each résumé's postings in jobscope's order, with their grades
};
int RunMatchGoldEval(Context& context, const MatchGoldEvalArgs& args);

}  // namespace jobscope::cli::internal
