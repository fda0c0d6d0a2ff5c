#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "cli/internal/commands.h"
#include "cli/internal/format.h"
#include "extract/extract.h"
#include "salary/salary.h"

namespace jobscope::cli::internal {
namespace {

constexpr const char* kDefaultSurvey = "../shared/data/aijobs-salaries/salaries.csv";

struct SalaryOptions {
  std::string survey = kDefaultSurvey;
  std::string model_dir;  // default: data/models/salary
  std::string title, role, level = "mid", location = "United States", skills;
  bool remote = false;
  std::string by = "level";
  std::string company_size = "M";
  int64_t min_postings = 20;
  int rounds = 300;
  std::string postings_db;  // train and eval: also learn from this store's postings with pay
};

std::string Dump(const nlohmann::json& json) { return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// The currency a country pays in, for showing an estimate locally.
std::string CurrencyOfCountry(const std::string& country) {
  static const std::map<std::string, std::string> kCurrencies = {
      {"US", "USD"}, {"CA", "CAD"}, {"GB", "GBP"}, {"AU", "AUD"}, {"NZ", "NZD"}, {"IN", "INR"}, {"CH", "CHF"},
      {"PL", "PLN"}, {"BR", "BRL"}, {"JP", "JPY"}, {"SG", "SGD"}, {"SE", "SEK"}, {"NO", "NOK"}, {"DK", "DKK"},
      {"MX", "MXN"}, {"ZA", "ZAR"}, {"HK", "HKD"}, {"IL", "ILS"}, {"CZ", "CZK"}, {"HU", "HUF"}, {"TR", "TRY"},
      {"PH", "PHP"}, {"TH", "THB"}, {"DE", "EUR"}, {"FR", "EUR"}, {"NL", "EUR"}, {"ES", "EUR"}, {"IT", "EUR"},
      {"IE", "EUR"}, {"AT", "EUR"}, {"BE", "EUR"}, {"FI", "EUR"}, {"PT", "EUR"}, {"LT", "EUR"}, {"GR", "EUR"},
      {"EE", "EUR"}, {"LV", "EUR"}, {"SK", "EUR"}, {"SI", "EUR"}, {"LU", "EUR"}};
  auto it = kCurrencies.find(country);
  return it == kCurrencies.end() ? "" : it->second;
}

std::string ModelDir(Context& context, const SalaryOptions& options) {
  return options.model_dir.empty() ? context.DataPath("models/salary") : options.model_dir;
}

// The store's postings with pay, when --db names one; none otherwise.
StatusOr<std::vector<salary::SalaryRecord>> PostingRecords(const SalaryOptions& options) {
  if (options.postings_db.empty()) return std::vector<salary::SalaryRecord>{};
  JS_ASSIGN_OR_RETURN(auto store, store::OpenSqliteStoreForReading(options.postings_db));
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
  nlohmann::json out = {{"model_dir", dir}, {"rows_read", survey->rows_read}, {"duplicates_dropped", survey->duplicates_dropped},
                        {"training_rows", full_time.size()}, {"posting_rows", full_time.size() - survey_rows},
                        {"conformal_margin", std::max(overall.low, overall.high)},
                        {"calibration_groups", margins.size()}};
  if (context.json) {
    std::printf("%s\n", Dump(out).c_str());
  } else {
    std::printf("trained on %zu full-time survey rows (%zu read, %zu repeats dropped) and %zu postings with pay; "
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
      std::printf("\n%s: %zu train rows, %zu test rows, training %.1fs\n", evaluation.split.c_str(), evaluation.train_rows,
                  evaluation.test_rows, evaluation.train_seconds);
      std::printf("  %-56s %10s %9s %9s %12s\n", "method", "P50 MAE", "MdAPE", "coverage", "median width");
    }
    for (const auto& m : evaluation.methods) {
      methods.push_back({{"method", m.method}, {"mae", m.mae}, {"median_ape", m.median_ape},
                         {"coverage", OptionalJson(m.coverage)},
                         {"median_width", OptionalJson(m.median_width)}});
      if (!context.json) {
        std::printf("  %-56s %10.0f %8.1f%% %9s %12s\n", m.method.c_str(), m.mae, 100 * m.median_ape,
                    m.coverage ? (std::to_string(static_cast<int>(*m.coverage * 1000 + 0.5) / 10.0).substr(0, 4) + "%").c_str() : "-",
                    ThousandsUsd(m.median_width).c_str());
      }
    }
    out.push_back({{"split", evaluation.split}, {"train_rows", evaluation.train_rows}, {"test_rows", evaluation.test_rows},
                   {"train_seconds", evaluation.train_seconds}, {"methods", methods}});
  }
  if (context.json) std::printf("%s\n", Dump(out).c_str());
  return kExitOk;
}

int RunEstimate(Context& context, const SalaryOptions& options) {
  salary::SalaryQuery query;
  if (!options.role.empty()) {
    auto role = ParseRole(options.role);
    if (!role) return ReportError(InvalidArgument("--role: unknown role '" + options.role + "'"));
    query.role = *role;
  } else if (!options.title.empty()) {
    query.role = classify::GuessRole(options.title, "");
  } else {
    return ReportError(InvalidArgument("give --title or --role"));
  }
  auto level = ParseLevel(options.level);
  if (!level || *level == Level::kUnknown) return ReportError(InvalidArgument("--level: unknown level '" + options.level + "'"));
  query.level = *level;
  if (!options.title.empty()) {
    extract::SeniorityCues cues = extract::FindSeniorityCues(options.title, "");
    if (cues.title_level && options.level == "mid") query.level = *cues.title_level;  // the title says more
    query.title = options.title;
  }
  Location location = extract::ParseLocation(options.location);
  query.country = !location.country.empty() ? location.country : options.location.size() == 2 ? options.location : "";
  if (query.country.empty()) return ReportError(InvalidArgument("--location: cannot tell the country of '" + options.location + "'"));
  if (!location.city.empty()) query.metro = salary::MetroKey(location.city, query.country);
  std::vector<std::string> unknown_skills;
  if (!options.skills.empty()) {
    auto taxonomy = taxonomy::Taxonomy::Load(context.DataPath("taxonomy/skills.tsv"));
    if (!taxonomy.ok()) return ReportError(taxonomy.status());
    for (std::string_view name : SplitOn(options.skills, ',')) {
      std::string trimmed(TrimAscii(name));
      if (trimmed.empty()) continue;
      const taxonomy::Skill* skill = taxonomy->FindByForm(taxonomy::FormKey(trimmed));
      if (skill) query.skills.push_back(skill->id);
      else unknown_skills.push_back(trimmed);
    }
    if (!unknown_skills.empty()) {
      return ReportError(InvalidArgument("--skills: not in the taxonomy: " + JoinStrings(unknown_skills, ", ")));
    }
  }
  query.remote_ratio = options.remote ? 100 : 0;
  if (options.company_size == "S") query.company_size = 0;
  else if (options.company_size == "M") query.company_size = 1;
  else if (options.company_size == "L") query.company_size = 2;
  else return ReportError(InvalidArgument("--company-size: S, M or L, not '" + options.company_size + "'"));
  auto model = salary::SalaryModel::Load(ModelDir(context, options));
  if (!model.ok()) return ReportError(model.status());
  auto estimate = (*model)->Estimate(query);
  if (!estimate.ok()) return ReportError(estimate.status());
  const bool learnt_skills = std::any_of(estimate->factors.begin(), estimate->factors.end(),
                                         [](const salary::SalaryFactor& f) { return f.name == "skills"; });
  std::string currency = CurrencyOfCountry(query.country);
  std::optional<double> p50_local;
  if (!currency.empty() && currency != "USD") {
    auto rates = extract::CurrencyRates::Load(context.DataPath("currency_rates.tsv"));
    if (rates.ok()) {
      if (auto usd_per_unit = rates->UsdPerUnit(currency)) p50_local = estimate->p50 / *usd_per_unit;
    }
  }
  if (context.json) {
    nlohmann::json factors = nlohmann::json::array();
    for (const auto& factor : estimate->factors) factors.push_back({{"name", factor.name}, {"usd_effect", factor.usd_effect}});
    nlohmann::json out = {{"role", RoleName(query.role)}, {"level", LevelName(query.level)}, {"country", query.country},
                          {"remote", options.remote}, {"p10_usd", estimate->p10}, {"p50_usd", estimate->p50},
                          {"p90_usd", estimate->p90}, {"comparable_records", estimate->comparable_records},
                          {"currency", currency}, {"p50_local", OptionalJson(p50_local)},
                          {"factors", factors}};
    out["metro"] = query.metro.empty() ? nlohmann::json() : nlohmann::json(query.metro);
    out["skills"] = query.skills;
    if (!query.skills.empty() && !learnt_skills) out["skills_note"] = "this model learnt no skills; see `jobscope salary premiums`";
    std::printf("%s\n", Dump(out).c_str());
    return kExitOk;
  }
  std::printf("%s, %s, %s%s: P10 %s  P50 %s  P90 %s (annual USD)\n", std::string(RoleName(query.role)).c_str(),
              std::string(LevelName(query.level)).c_str(), query.country.c_str(), options.remote ? ", remote" : "",
              ThousandsUsd(estimate->p10).c_str(), ThousandsUsd(estimate->p50).c_str(), ThousandsUsd(estimate->p90).c_str());
  if (p50_local) std::printf("P50 in %s: %.0f\n", currency.c_str(), *p50_local);
  std::printf("supported by %lld survey records with the same role, level and country\n",
              static_cast<long long>(estimate->comparable_records));
  std::printf("what moved it (vs. the model's baseline):\n");
  for (const auto& factor : estimate->factors) {
    std::printf("  %-12s %+9.0f USD\n", factor.name.c_str(), factor.usd_effect);
  }
  if (!query.skills.empty() && !learnt_skills) {
    std::printf("skills: this model learnt none (train it with `--db` on postings with pay); see `jobscope salary premiums`\n");
  }
  return kExitOk;
}

int RunBands(Context& context, const SalaryOptions& options) {
  auto survey = salary::LoadSurvey(options.survey);
  if (!survey.ok()) return ReportError(survey.status());
  auto bands = salary::PayBands(survey->records, options.by);
  if (!bands.ok()) return ReportError(bands.status());
  if (context.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& band : *bands) {
      out.push_back({{"key", band.key}, {"records", band.records}, {"p25_usd", band.p25}, {"p50_usd", band.p50},
                     {"p75_usd", band.p75}, {"quoted", band.quoted}});
    }
    std::printf("%s\n", Dump(out).c_str());
    return kExitOk;
  }
  std::printf("annual USD pay by %s (full-time survey rows, repeats dropped)\n", options.by.c_str());
  std::printf("  %-26s %8s %8s %8s %8s   %s\n", options.by.c_str(), "records", "p25", "median", "p75", "commonly quoted");
  for (const auto& band : *bands) {
    std::printf("  %-26s %8lld %8s %8s %8s   %s\n", band.key.c_str(), static_cast<long long>(band.records),
                ThousandsUsd(band.p25).c_str(), ThousandsUsd(band.p50).c_str(), ThousandsUsd(band.p75).c_str(), band.quoted.c_str());
  }
  return kExitOk;
}

int RunPremiums(Context& context, const SalaryOptions& options) {
  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  auto premiums = salary::SkillPremiums(**store, options.min_postings);
  if (!premiums.ok()) return ReportError(premiums.status());
  if (context.json) {
    for (const auto& premium : *premiums) {
      std::printf("%s\n", Dump({{"id", premium.skill_id}, {"name", premium.name}, {"postings_with", premium.postings_with},
                                {"premium_usd", premium.premium_usd}, {"ci_low_usd", premium.ci_low},
                                {"ci_high_usd", premium.ci_high}}).c_str());
    }
    return kExitOk;
  }
  std::printf("pay difference with the skill, at fixed role x level x country (postings with pay, 95%% bootstrap interval)\n");
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
  estimate->add_option("--level", options->level, "intern, entry, mid, senior, lead or executive")->capture_default_str();
  estimate->add_option("--location", options->location, "A place: \"Berlin, Germany\", \"New York, NY\", or a country code")
      ->capture_default_str();
  estimate->add_flag("--remote", options->remote, "Fully remote");
  estimate->add_option("--company-size", options->company_size, "S, M or L")->capture_default_str();
  estimate->add_option("--skills", options->skills, "Comma-separated skills (count when the model learnt skills from postings)");
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

  auto* premiums = command->add_subcommand("premiums", "Pay difference associated with each skill, from stored postings");
  premiums->add_option("--min-postings", options->min_postings, "Skills asked for by at least this many postings with pay")
      ->capture_default_str();
  AddStoreOptions(*premiums, context);
  premiums->callback([&context, &exit_code, options] { exit_code = RunPremiums(context, *options); });
}

}  // namespace jobscope::cli::internal
