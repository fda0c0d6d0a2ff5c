#include <chrono>
#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli/internal/commands.h"
#include "extract/extract.h"

namespace jobscope::cli::internal {
namespace {

struct TrainArgs {
  std::string shared_data = "../shared/data";
  std::string out;  // default: data/models
  int epochs = extract::TaggerTrainOptions{}.epochs;
};

int RunTrain(Context& context, const TrainArgs& args) {
  std::string out_dir = args.out.empty() ? context.DataPath("models") : args.out;
  std::error_code error;
  std::filesystem::create_directories(out_dir, error);
  if (error) return ReportError(IoError("cannot create " + out_dir + ": " + error.message()));
  // The tagger's dictionary features come from the shipped taxonomy.
  auto understander = context.MakeUnderstander();  // loads the taxonomy
  if (!understander.ok()) return ReportError(understander.status());
  auto matcher = extract::SkillMatcher::Create(*context.taxonomy);
  if (!matcher.ok()) return ReportError(matcher.status());
  std::vector<extract::TaggedSentence> train;
  std::string conll = args.shared_data + "/skillspan/data/conll/";
  for (const char* split : {"skillspan_house_train.conll", "skillspan_tech_train.conll"}) {
    auto sentences = extract::ReadSkillSpanConll(conll + split);
    if (!sentences.ok()) return ReportError(sentences.status());
    train.insert(train.end(), sentences->begin(), sentences->end());
  }
  auto started = std::chrono::steady_clock::now();
  extract::TaggerTrainOptions options;
  options.epochs = args.epochs;
  auto tagger = extract::SpanTagger::Train(train, matcher->get(), options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::string path = out_dir + "/skill_tagger.bin";
  Status saved = tagger->Save(path);
  if (!saved.ok()) return ReportError(saved);
  if (context.json) {
    std::printf("%s\n", nlohmann::json({{"skill_tagger", path}, {"sentences", train.size()}, {"epochs", args.epochs},
                                        {"seconds", seconds}}).dump().c_str());
  } else {
    std::printf("skill tagger: %zu SkillSpan train sentences, %d epochs, %.1fs -> %s\n", train.size(), args.epochs, seconds,
                path.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddTrainCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("train", "Rebuild the trained models from ../shared/data (deterministic)");
  auto args = std::make_shared<TrainArgs>();
  command->add_option("--shared-data", args->shared_data, "Folder holding skillspan/")->capture_default_str();
  command->add_option("--out", args->out, "Model directory (default: data/models)");
  command->add_option("--epochs", args->epochs, "Perceptron epochs for the skill tagger")->capture_default_str();
  command->add_flag("--json", context.json, "Machine-readable output");
  command->callback([&context, &exit_code, args] { exit_code = RunTrain(context, *args); });
}

}  // namespace jobscope::cli::internal
