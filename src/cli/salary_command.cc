#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "cli/internal/commands.h"
#include "cli/internal/format.h"
#include "cli/internal/progress_bar.h"
#include "extract/extract.h"
#include "json/json.h"
#include "salary/salary.h"

namespace jobscope::cli::internal {
namespace {

struct SalaryOptions {
  std::string survey = kDefaultSurvey;
  std::string model_dir;  // default: data/models/salary
  std::string title, role, level, location = "United States", skills;
  bool remote = false;
  std::string by = "level";
  std::string company_size = "M";
  int64_t min_postings = 20;
  int rounds = 300;
  std::string postings_db;  // train and eval: also learn from this store's postings with pay
};

std::string ModelDir(Context& context, const SalaryOptions& options) {
  return options.model_dir.empty() ? context.DataPath("models/salary") : options.model_dir;
}

// The store's postings with pay, when --db names one; none otherwise.
StatusOr<std::vector<salary::SalaryRecord>> PostingRecords(const SalaryOptions& options) {
  if (options.postings_db.empty()) return std::vector<salary::SalaryRecord>{};
  JS_ASSIGN_OR_RETURN(auto store, store::OpenStoreForReading(options.postings_db));
  return salary::PostingSalaryRecords(*store);
}

int RunTrain(Context& context, const SalaryOptions& options) {
  auto survey = salary::LoadSurvey(options.survey);
  if (!survey.ok()) return ReportError(survey.status());
  std::vector<salary::SalaryRecord> full_time;
  for (const auto& record : survey->records) {
    if (record.full_time) full_time.push_back(record);
  }
  const size_t survey_rows = full_time.size();
  auto postings = PostingRecords(options);
  if (!postings.ok()) return ReportError(postings.status());
  for (const auto& record : *postings) {
    if (record.full_time) full_time.push_back(record);
  }
  salary::TrainOptions train_options;
  train_options.rounds = options.rounds;
  auto model = salary::SalaryModel::Train(full_time, train_options);
  if (!model.ok()) return ReportError(model.status());
  std::string dir = ModelDir(context, options);
  Status saved = (*model)->Save(dir);
  if (!saved.ok()) return ReportError(saved);
  const auto& margins = (*model)->conformal_margins();
  auto all = margins.find("all");
  salary::ConformalMargins overall = all == margins.end() ? salary::ConformalMargins{} : all->second;
  nlohmann::json out = {{"model_dir", dir},
                        {"rows_read", survey->rows_read},
                        {"duplicates_dropped", survey->duplicates_dropped},
                        {"training_rows", full_time.size()},
                        {"posting_rows", full_time.size() - survey_rows},
                        {"conformal_margin", std::max(overall.low, overall.high)},
                        {"calibration_groups", margins.size()}};
  if (context.json) {
    std::printf("%s\n", json::Dump(out).c_str());
  } else {
    std::printf(
        "trained on %zu full-time survey rows (%zu read, %zu repeats dropped) and %zu postings with pay; "
        "conformal margins for %zu groups (all rows: %+.4f below, %+.4f above); saved to %s\n",
        survey_rows, survey->rows_read, survey->duplicates_dropped, full_time.size() - survey_rows, margins.size(),
        overall.low, overall.high, dir.c_str());
  }
  return kExitOk;
}

int RunEval(Context& context, const SalaryOptions& options) {
  auto survey = salary::LoadSurvey(options.survey);
  if (!survey.ok()) return ReportError(survey.status());
  salary::TrainOptions train_options;
  train_options.rounds = options.rounds;
  auto postings = PostingRecords(options);
  if (!postings.ok()) return ReportError(postings.status());
  auto evaluations = salary::EvaluateSalaryModels(survey->records, *postings, train_options);
  if (!evaluations.ok()) return ReportError(evaluations.status());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& evaluation : *evaluations) {
    nlohmann::json methods = nlohmann::json::array();
    if (!context.json) {
      std::printf("\n%s: %zu train rows, %zu test rows, training %.1fs\n", evaluation.split.c_str(),
                  evaluation.train_rows, evaluation.test_rows, evaluation.train_seconds);
      std::printf("  %-56s %10s %9s %9s %12s\n", "method", "P50 MAE", "MdAPE", "coverage", "median width");
    }
    for (const auto& m : evaluation.methods) {
      methods.push_back({{"method", m.method},
                         {"mae", m.mae},
                         {"median_ape", m.median_ape},
                         {"coverage", OptionalJson(m.coverage)},
                         {"median_width", OptionalJson(m.median_width)}});
      if (!context.json) {
        std::printf("  %-56s %10.0f %8.1f%% %9s %12s\n", m.method.c_str(), m.mae, 100 * m.median_ape,
                    m.coverage
                        ? (std::to_string(static_cast<int>(*m.coverage * 1000 + 0.5) / 10.0).substr(0, 4) + "%").c_str()
                        : "-",
                    ThousandsUsd(m.median_width).c_str());
      }
    }
    out.push_back({{"split", evaluation.split},
                   {"train_rows", evaluation.train_rows},
                   {"test_rows", evaluation.test_rows},
                   {"train_seconds", evaluation.train_seconds},
                   {"methods", methods}});
  }
  if (context.json) std::printf("%s\n", json::Dump(out).c_str());
  return kExitOk;
}

int RunEstimate(Context& context, const SalaryOptions& options) {
  salary::EstimateRequest request;
  request.title = options.title;
  request.role = options.role;
  request.level = options.level;
  request.location = options.location;
  request.remote = options.remote;
  request.company_size = options.company_size;
  for (std::string_view name : SplitOn(options.skills, ',')) request.skills.emplace_back(name);
  const taxonomy::Taxonomy* taxonomy = nullptr;
  if (!options.skills.empty()) {
    auto loaded = context.LoadTaxonomy();
    if (!loaded.ok()) return ReportError(loaded.status());
    taxonomy = *loaded;
  }
  auto model = salary::SalaryModel::Load(ModelDir(context, options));
  if (!model.ok()) return ReportError(model.status());
  auto rates = extract::CurrencyRates::Load(context.DataPath("currency_rates.tsv"));
  auto answer = salary::EstimatePay(**model, request, taxonomy, rates.ok() ? &*rates : nullptr);
  if (!answer.ok()) return ReportError(answer.status());
  if (context.json) {
    std::printf("%s\n", json::Dump(json::EstimateToJson(*answer)).c_str());
    return kExitOk;
  }
  const salary::SalaryQuery& query = answer->query;
  const salary::SalaryEstimate& estimate = answer->estimate;
  std::printf("%s, %s, %s%s: P10 %s  P50 %s  P90 %s (annual USD)\n", std::string(RoleName(query.role)).c_str(),
              std::string(LevelName(query.level)).c_str(), query.country.c_str(), options.remote ? ", remote" : "",
              ThousandsUsd(estimate.p10).c_str(), ThousandsUsd(estimate.p50).c_str(),
              ThousandsUsd(estimate.p90).c_str());
  if (estimate.p50_local) std::printf("P50 in %s: %.0f\n", estimate.currency.c_str(), *estimate.p50_local);
  std::printf("supported by %lld survey records with the same role, level and country\n",
              static_cast<long long>(estimate.comparable_records));
  if (!estimate.fallback.empty()) std::printf("%s\n", estimate.fallback.c_str());
  std::printf("what moved it (vs. the model's baseline):\n");
  for (const auto& factor : estimate.factors) {
    std::printf("  %-12s %+9.0f USD\n", factor.name.c_str(), factor.usd_effect);
  }
  if (!query.skills.empty() && !answer->skills_learnt) {
    std::printf(
        "skills: this model learnt none (train it with `--db` on postings with pay); see `jobscope salary premiums`\n");
  }
  return kExitOk;
}

int RunBands(Context& context, const SalaryOptions& options) {
  auto survey = salary::LoadSurvey(options.survey);
  if (!survey.ok()) return ReportError(survey.status());
  auto bands = salary::PayBands(survey->records, options.by);
  if (!bands.ok()) return ReportError(bands.status());
  if (context.json) {
    std::printf("%s\n", json::Dump(json::BandsToJson(*bands)).c_str());
    return kExitOk;
  }
  std::printf("annual USD pay by %s (full-time survey rows, repeats dropped)\n", options.by.c_str());
  std::printf("  %-26s %8s %8s %8s %8s   %s\n", options.by.c_str(), "records", "p25", "median", "p75",
              "commonly quoted");
  for (const auto& band : *bands) {
    std::printf("  %-26s %8lld %8s %8s %8s   %s\n", band.key.c_str(), static_cast<long long>(band.records),
                ThousandsUsd(band.p25).c_str(), ThousandsUsd(band.p50).c_str(), ThousandsUsd(band.p75).c_str(),
                band.quoted.c_str());
  }
  return kExitOk;
}

int RunPremiums(Context& context, const SalaryOptions& options) {
  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  ProgressBar bar(StderrIsTerminal() && !context.json);
  auto premiums = salary::SkillPremiums(**store, options.min_postings, [&](int64_t done, int64_t total) {
    bar.Update({done, total, done});
  });
  if (!premiums.ok()) return ReportError(premiums.status());
  if (context.json) {
    for (const auto& premium : *premiums) {
      std::printf("%s\n", json::Dump({{"id", premium.skill_id},
                                      {"name", premium.name},
                                      {"postings_with", premium.postings_with},
                                      {"premium_usd", premium.premium_usd},
                                      {"ci_low_usd", premium.ci_low},
                                      {"ci_high_usd", premium.ci_high}})
                              .c_str());
    }
    return kExitOk;
  }
  std::printf("pay difference with the skill, at fixed role x level x country (postings with pay, 95%% interval)\n");
  for (const auto& premium : *premiums) {
    std::printf("  %-30s %6lld postings  %+8.0f USD  [%+.0f, %+.0f]\n", premium.name.c_str(),
                static_cast<long long>(premium.postings_with), premium.premium_usd, premium.ci_low, premium.ci_high);
  }
  return kExitOk;
}

}  // namespace

void AddSalaryCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("salary", "Salary estimates with intervals, pay bands and skill premiums");
  command->require_subcommand(1);
  auto options = std::make_shared<SalaryOptions>();
  auto add_survey = [&](CLI::App* sub) {
    sub->add_option("--survey", options->survey, "The aijobs.net salary survey CSV")->capture_default_str();
  };
  auto* estimate = command->add_subcommand("estimate", "P10/P50/P90 annual pay for a role, level and place");
  estimate->add_option("--title", options->title, "A job title (role and level are read from it)");
  estimate->add_option("--role", options->role, "A role name, e.g. ml_engineer");
  estimate->add_option("--level", options->level,
                       "intern, entry, mid, senior, lead or executive (default: the title's, else mid)");
  estimate
      ->add_option("--location", options->location, "A place: \"Berlin, Germany\", \"New York, NY\", or a country code")
      ->capture_default_str();
  estimate->add_flag("--remote", options->remote, "Fully remote");
  estimate->add_option("--company-size", options->company_size, "S, M or L")->capture_default_str();
  estimate->add_option("--skills", options->skills,
                       "Comma-separated skills (count when the model learnt skills from postings)");
  estimate->add_option("--model", options->model_dir, "Model directory (default: data/models/salary)");
  estimate->add_flag("--json", context.json, "Machine-readable output (fields in docs/CLI.md)");
  estimate->callback([&context, &exit_code, options] { exit_code = RunEstimate(context, *options); });

  auto* bands = command->add_subcommand("bands", "Pay quartiles by level, role or country, beside the quoted bands");
  bands->add_option("--by", options->by, "level, role or country")->capture_default_str();
  add_survey(bands);
  bands->add_flag("--json", context.json, "Machine-readable output");
  bands->callback([&context, &exit_code, options] { exit_code = RunBands(context, *options); });

  auto* train = command->add_subcommand("train", "Train the salary model on the survey and save it");
  add_survey(train);
  train->add_option("--out", options->model_dir, "Model directory (default: data/models/salary)");
  train->add_option("--rounds", options->rounds, "Boosting rounds")->capture_default_str();
  train->add_option("--db", options->postings_db, "Also learn from this store's postings with pay (metro and skills)");
  train->add_flag("--json", context.json, "Machine-readable output");
  train->callback([&context, &exit_code, options] { exit_code = RunTrain(context, *options); });

  auto* eval = command->add_subcommand("eval", "Evaluate the model and three baselines on a time and a random split");
  add_survey(eval);
  eval->add_option("--rounds", options->rounds, "Boosting rounds")->capture_default_str();
  eval->add_option("--db", options->postings_db, "Also evaluate on 20% of this store's postings with pay");
  eval->add_flag("--json", context.json, "Machine-readable output");
  eval->callback([&context, &exit_code, options] { exit_code = RunEval(context, *options); });

  auto* premiums =
      command->add_subcommand("premiums", "Pay difference associated with each skill, from stored postings");
  premiums
      ->add_option("--min-postings", options->min_postings, "Skills asked for by at least this many postings with pay")
      ->capture_default_str();
  AddStoreOptions(*premiums, context);
  premiums->callback([&context, &exit_code, options] { exit_code = RunPremiums(context, *options); });
}

}  // namespace jobscope::cli::internal
