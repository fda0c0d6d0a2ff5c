#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "base/tsv.h"
#include "classify/classify.h"
#include "cli/internal/commands.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "salary/salary.h"
#include "text/text.h"

namespace jobscope::cli::internal {
namespace {

struct TrainArgs {
  std::string shared_data = "../shared/data";
  std::string out;  // default: data/models
  int epochs = extract::TaggerTrainOptions{}.epochs;
};

// Unlabelled text for the tagger's word classes, only from sources that may ship: SkillSpan's train split
// (MIT), O*NET task statements and occupation descriptions, ESCO occupation descriptions and skill names
// (CC BY 4.0). Task statements and skill names are written much as postings ask for skills ("develop
// machine learning models", "manage musical staff").
StatusOr<std::vector<std::string>> WordClassTexts(const std::string& shared,
                                                  const std::vector<extract::TaggedSentence>& train) {
  std::vector<std::string> texts;
  for (const auto& sentence : train) {
    std::string text;
    for (const std::string& token : sentence.tokens) (text += token) += ' ';
    texts.push_back(std::move(text));
  }
  auto column = [&](const std::string& path, size_t field) {
    return ForEachTsvRow(path, [&](const TsvRow& row) -> Status {
      if (row.fields.size() > field) texts.emplace_back(row.fields[field]);
      return Status::Ok();
    });
  };
  JS_RETURN_IF_ERROR(column(shared + "/onet/Task Statements.txt", 2));
  JS_RETURN_IF_ERROR(column(shared + "/onet/Occupation Data.txt", 2));
  JS_ASSIGN_OR_RETURN(text::CsvTable occupations, text::ReadCsvTable(shared + "/esco/occupations_en.csv"));
  auto description = std::find(occupations.header.begin(), occupations.header.end(), "description");
  if (description == occupations.header.end())
    return ParseError(shared + "/esco/occupations_en.csv: no description column");
  const size_t at = static_cast<size_t>(description - occupations.header.begin());
  for (const auto& row : occupations.rows) {
    if (row.size() > at) texts.push_back(row[at]);
  }
  std::ifstream skills(shared + "/decorte-esco-skillext/data/skills_en_label.txt");
  if (!skills) return IoError("cannot read " + shared + "/decorte-esco-skillext/data/skills_en_label.txt");
  for (std::string line; std::getline(skills, line);) texts.push_back(std::move(line));
  return texts;
}

int RunTrain(Context& context, const TrainArgs& args) {
  std::string out_dir = args.out.empty() ? context.DataPath("models") : args.out;
  std::error_code error;
  std::filesystem::create_directories(out_dir, error);
  if (error) return ReportError(IoError("cannot create " + out_dir + ": " + error.message()));
  // The tagger's dictionary features come from the shipped taxonomy.
  auto understander = context.MakeUnderstander(/*with_models=*/false);  // loads the taxonomy
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
  auto class_texts = WordClassTexts(args.shared_data, train);
  if (!class_texts.ok()) return ReportError(class_texts.status());
  extract::WordClusters classes = extract::WordClusters::Learn(*class_texts, {});
  const size_t classed_words = classes.size();
  double class_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  started = std::chrono::steady_clock::now();  // the tagger's own training time, as before word classes
  extract::TaggerTrainOptions options;
  options.epochs = args.epochs;
  auto tagger = extract::SpanTagger::Train(train, matcher->get(), options, std::move(classes));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::string path = out_dir + "/skill_tagger.bin";
  Status saved = tagger->Save(path);
  if (!saved.ok()) return ReportError(saved);

  // Role model, from sources that may ship: the aijobs.net survey's titles (CC0) labelled by the title
  // rules, and O*NET alternate titles (CC BY 4.0) labelled by their occupation.
  std::vector<classify::RoleExample> roles;
  auto survey = salary::LoadSurvey(args.shared_data + "/aijobs-salaries/salaries.csv");
  if (!survey.ok()) return ReportError(survey.status());
  std::set<std::string> distinct_titles;  // one example per title: repeats would leak across CV folds
  for (const auto& record : survey->records) distinct_titles.insert(record.title);
  std::vector<std::pair<std::string, std::string>> titles;
  for (const std::string& title : distinct_titles) titles.push_back({title, ""});
  roles = classify::WeakRoleLabels(titles);
  static const std::map<std::string, Role> kOccupations = {
      {"15-2051.00", Role::kDataScientist},     {"15-2041.00", Role::kDataScientist},
      {"15-2051.01", Role::kDataAnalyst},       {"15-2031.00", Role::kDataAnalyst},
      {"15-1221.00", Role::kResearchScientist}, {"15-1252.00", Role::kSoftwareEngineer},
      {"15-1243.00", Role::kDataEngineer},      {"15-1243.01", Role::kDataEngineer},
      {"15-1299.08", Role::kAiArchitect}};
  size_t onet_titles = 0;
  Status onet = ForEachTsvRow(args.shared_data + "/onet/Alternate Titles.txt", [&](const TsvRow& row) -> Status {
    if (row.fields.size() < 2) return Status::Ok();
    auto it = kOccupations.find(std::string(row.fields[0]));
    if (it == kOccupations.end()) return Status::Ok();
    roles.push_back({std::string(row.fields[1]), "", it->second});
    ++onet_titles;
    return Status::Ok();
  });
  if (!onet.ok()) return ReportError(onet);
  classify::RoleTrainOptions role_options;
  classify::RoleCrossValidation cv = classify::CrossValidateRoles(roles, 5, role_options);
  auto role_model = classify::RoleClassifier::Train(roles, role_options);
  std::string role_path = out_dir + "/role_model.bin";
  saved = role_model->Save(role_path);
  if (!saved.ok()) return ReportError(saved);

  if (context.json) {
    nlohmann::json per_role = nlohmann::json::object();
    for (const auto& [role, pr] : cv.per_role) per_role[role] = {{"precision", pr.first}, {"recall", pr.second}};
    std::printf("%s\n", nlohmann::json({{"skill_tagger", path},
                                        {"sentences", train.size()},
                                        {"epochs", args.epochs},
                                        {"classed_words", classed_words},
                                        {"class_texts", class_texts->size()},
                                        {"seconds", seconds},
                                        {"role_model", role_path},
                                        {"role_examples", roles.size()},
                                        {"role_cv_accuracy", cv.accuracy},
                                        {"role_cv_macro_f1", cv.macro_f1},
                                        {"role_cv_per_role", per_role}})
                            .dump()
                            .c_str());
  } else {
    std::printf("word classes: %zu words from %zu texts, %.1fs\n", classed_words, class_texts->size(), class_seconds);
    std::printf("skill tagger: %zu SkillSpan train sentences, %d epochs, %.1fs -> %s\n", train.size(), args.epochs,
                seconds, path.c_str());
    std::printf(
        "role model: %zu weakly labelled titles (%zu from O*NET), 5-fold CV accuracy %.3f, macro-F1 %.3f -> %s\n",
        roles.size(), onet_titles, cv.accuracy, cv.macro_f1, role_path.c_str());
    for (const auto& [role, pr] : cv.per_role) {
      std::printf("  %-26s precision %.3f  recall %.3f\n", role.c_str(), pr.first, pr.second);
    }
  }
  return kExitOk;
}

}  // namespace

void AddTrainCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("train", "Rebuild the trained models from ../shared/data (deterministic)");
  auto args = std::make_shared<TrainArgs>();
  command->add_option("--shared-data", args->shared_data, "Folder holding skillspan/, aijobs-salaries/ and onet/")
      ->capture_default_str();
  command->add_option("--out", args->out, "Model directory (default: data/models)");
  command->add_option("--epochs", args->epochs, "Perceptron epochs for the skill tagger")->capture_default_str();
  command->add_flag("--json", context.json, "Machine-readable output");
  command->callback([&context, &exit_code, args] { exit_code = RunTrain(context, *args); });
}

}  // namespace jobscope::cli::internal
