// `jobscope eval --gold`: the understanding gold set's figures (cli/gold_eval.cc).
#pragma once

#include <string>

#include "cli/internal/context.h"

namespace jobscope::cli::internal {

struct GoldEvalArgs {
  std::string gold_dir;
  std::string shared_data;
  std::string export_inputs;  // write the gold items as JSON Lines and stop
  std::string predictions;    // score this `understand --jsonl` output instead of understanding here
  bool tagger = false;        // understand with the span tagger too (ingest's `--tagger`)
  std::string details = "dev";  // which half the confusion matrices and error lists are shown for
};

int RunGoldEval(Context& context, const GoldEvalArgs& args);

}  // namespace jobscope::cli::internal
