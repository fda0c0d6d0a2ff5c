#include "extract/internal/verb_objects.h"

#include <algorithm>
#include <array>
#include <string>

#include "base/strings.h"

namespace jobscope::extract::internal {
namespace {

struct Rule {
  std::string_view skill_id;
  std::span<const std::string_view> verbs;
  std::span<const std::string_view> objects;
};

constexpr std::string_view kModels[] = {"model", "models"};
constexpr std::string_view kModelsOrAlgorithms[] = {"model", "models", "algorithm", "algorithms"};
constexpr std::string_view kLanguageModels[] = {"model", "models", "llm", "llms"};
constexpr std::string_view kData[] = {"data", "dataset", "datasets"};
constexpr std::string_view kFindings[] = {"data", "results", "insights", "findings"};
constexpr std::string_view kExperiments[] = {"experiment", "experiments"};
constexpr std::string_view kHyperparameters[] = {"hyperparameter", "hyperparameters", "hyper-parameters"};
constexpr std::string_view kCode[] = {"code", "pull", "PRs"};  // "pull" only in "pull request(s)"

constexpr std::string_view kDeploy[] = {"deploy",         "deploys",       "deploying",       "deployed",
                                        "productionize",  "productionise", "productionizing", "productionising",
                                        "productionized", "productionised"};
constexpr std::string_view kTrain[] = {"train", "trains", "trained", "retrain", "retrains", "retraining", "retrained"};
constexpr std::string_view kEvaluate[] = {"evaluate",  "evaluates", "evaluating",
                                          "evaluated", "benchmark", "benchmarking"};
constexpr std::string_view kValidate[] = {"validate", "validates", "validating", "validated"};
constexpr std::string_view kMonitor[] = {"monitor", "monitors", "monitoring", "monitored"};
constexpr std::string_view kSelect[] = {"select", "selects", "selecting", "choose", "choosing"};
constexpr std::string_view kFineTune[] = {"fine-tune", "fine-tunes", "fine-tuning", "fine-tuned",
                                          "finetune",  "finetuning", "fine tune",   "fine tuning"};
// "clean" is as often an adjective ("access to clean data"): bare, it counts only before these words.
constexpr std::string_view kCleanVerbs[] = {"clean", "cleans"};
constexpr std::string_view kAfterCleanVerb[] = {"the", "up", "our", "their", "your", "raw", "messy", "all"};
constexpr std::string_view kClean[] = {"clean",     "cleans",     "cleaning",    "cleanse",
                                       "cleansing", "wrangle",    "wrangling",   "scrub",
                                       "scrubbing", "preprocess", "pre-process", "preprocessing"};
constexpr std::string_view kVisualize[] = {"visualize", "visualizing", "visualise", "visualising", "visualizes"};
constexpr std::string_view kLabel[] = {"label", "labeling", "labelling", "annotate", "annotating"};
constexpr std::string_view kExperiment[] = {"design",  "designing",  "run",     "running",
                                            "conduct", "conducting", "execute", "executing"};
constexpr std::string_view kReview[] = {"review", "reviews", "reviewing", "reviewed"};
constexpr std::string_view kServe[] = {"serve", "serves", "serving", "served"};
constexpr std::string_view kTune[] = {"tune", "tuning", "optimize", "optimizing", "optimise", "optimising"};

// "training" alone is left out of kTrain: "training data", "training programs" name no training of models,
// and "training models" is spelt out in the taxonomy.
constexpr Rule kRules[] = {
    {"model-deployment", kDeploy, kModels},
    {"model-training", kTrain, kModelsOrAlgorithms},
    {"model-evaluation", kEvaluate, kModels},
    {"model-validation", kValidate, kModels},
    {"model-monitoring", kMonitor, kModels},
    {"model-selection", kSelect, kModelsOrAlgorithms},
    {"llm-fine-tuning", kFineTune, kLanguageModels},
    {"data-cleaning", kClean, kData},
    {"data-visualization", kVisualize, kFindings},
    {"data-labeling", kLabel, kData},
    {"experimentation", kExperiment, kExperiments},
    {"hyperparameter-tuning", kTune, kHyperparameters},
    {"code-review", kReview, kCode},
    {"model-serving", kServe, kModels},
};

constexpr auto kSkillIds = [] {
  std::array<std::string_view, std::size(kRules)> ids{};
  for (size_t rule = 0; rule < ids.size(); ++rule) ids[rule] = kRules[rule].skill_id;
  return ids;
}();

// Words that end a verb's reach: its object is not past a preposition, a relative word or a verb of being.
constexpr std::string_view kCoordinators[] = {"and", "or", "&", "and/or"};

constexpr std::string_view kBreaks[] = {"to",   "for",  "on",   "in",    "with",  "of",    "by",     "from",
                                        "at",   "into", "onto", "about", "that",  "which", "who",    "as",
                                        "than", "is",   "are",  "be",    "using", "via",   "across", "per"};

constexpr size_t kMaxWordsBetween = 3;

// Every verb once, and the rules each starts.
struct VerbTable {
  std::vector<SignWord> signs;
  std::vector<std::vector<uint32_t>> rules;
};

const VerbTable& Verbs() {
  static const auto* table = [] {
    auto* made = new VerbTable();
    for (uint32_t rule = 0; rule < std::size(kRules); ++rule) {
      for (std::string_view verb : kRules[rule].verbs) {
        auto it = std::find_if(made->signs.begin(), made->signs.end(),
                               [&](const SignWord& sign) { return sign.text == verb; });
        if (it == made->signs.end()) {
          made->signs.push_back({verb, true});
          made->rules.emplace_back();
          it = made->signs.end() - 1;
        }
        made->rules[static_cast<size_t>(it - made->signs.begin())].push_back(rule);
      }
    }
    return made;
  }();
  return *table;
}

bool IsOneOf(std::string_view word, std::span<const std::string_view> list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view item) { return EqualsIgnoreCase(item, word); });
}

}  // namespace

std::span<const SignWord> VerbSigns() { return Verbs().signs; }

std::span<const std::string_view> VerbObjectSkillIds() { return kSkillIds; }

std::vector<VerbObject> ReadVerbObjects(std::string_view text, std::span<const VerbPlace> verbs) {
  std::vector<VerbObject> found;
  const VerbTable& table = Verbs();
  auto word_byte = [&](size_t pos) {
    return pos < text.size() && IsSkillWordByte(static_cast<unsigned char>(text[pos]));
  };
  // The word at `pos` (letters, digits, '-' and '/'), or an empty view.
  auto word_at = [&](size_t pos) {
    size_t word_end = pos;
    while (word_byte(word_end) || (word_end < text.size() && (text[word_end] == '-' || text[word_end] == '/'))) {
      ++word_end;
    }
    return text.substr(pos, word_end - pos);  // pos is at most the text's size
  };
  // The word after the one ending at `end`, past one or more spaces; empty if something else comes first.
  auto next_word = [&](size_t end) {
    if (end >= text.size() || text[end] != ' ') return std::string_view();
    while (end < text.size() && text[end] == ' ') ++end;
    return word_at(end);
  };
  for (const VerbPlace& place : verbs) {
    const std::string_view verb = table.signs[place.verb].text;
    const uint32_t end = place.begin + static_cast<uint32_t>(verb.size());
    if ((place.begin > 0 && (word_byte(place.begin - 1) || text[place.begin - 1] == '-')) || word_byte(end) ||
        (end < text.size() && text[end] == '-')) {
      continue;  // inside a word: "retrained" holds "train", "fine-tune" holds "tune"
    }
    if (IsOneOf(verb, kCleanVerbs) && !IsOneOf(next_word(end), kAfterCleanVerb)) continue;
    size_t pos = end;
    bool matched = false;
    bool after_coordinator = false;
    for (size_t words = 0; words <= kMaxWordsBetween && !matched; ++words) {
      std::string_view word = next_word(pos);  // punctuation or a line break ends the clause
      if (word.empty()) break;
      // Past "and" only another verb keeps the object shared: "train and deploy models", not "train analysts
      // and deploy models".
      if (after_coordinator && !std::any_of(table.signs.begin(), table.signs.end(),
                                            [&](const SignWord& sign) { return EqualsIgnoreCase(sign.text, word); })) {
        break;
      }
      after_coordinator = IsOneOf(word, kCoordinators);
      if (after_coordinator && words > 0) break;  // "train analysts and ...": the verb has its object already
      const size_t word_begin = static_cast<size_t>(word.data() - text.data());
      for (uint32_t rule : table.rules[place.verb]) {
        if (!IsOneOf(word, kRules[rule].objects)) continue;
        const std::string_view following = next_word(word_begin + word.size());
        if (EqualsIgnoreCase(word, "code") && EqualsIgnoreCase(following, "of")) continue;  // "Code of Conduct"
        if (EqualsIgnoreCase(word, "pull") && !StartsWithIgnoreCase(following, "request")) continue;
        found.push_back({rule, place.begin, end});
        matched = true;
        break;
      }
      if (IsOneOf(word, kBreaks)) break;
      pos = word_begin + word.size();
    }
  }
  return found;
}

}  // namespace jobscope::extract::internal
