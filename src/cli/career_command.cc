// `career`: where a person can go next, what to learn for a target and what it pays; `career build` makes the
// career graph from a store, the salary survey and O*NET; `career check` measures it.
#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "career/career.h"
#include "cli/internal/commands.h"
#include "cli/internal/format.h"
#include "cli/internal/progress_bar.h"
#include "json/json.h"
#include "model/quoted_bands.h"
#include "salary/salary.h"

namespace jobscope::cli::internal {
namespace {

struct CareerArgs {
  std::string resume;
  std::string skills, role, level;
  std::string target;
  std::string location = "United States";
  bool start = false;
  // build and check
  std::string survey = kDefaultSurvey;
  std::string onet = kDefaultOnet;
  std::string out;
  std::string graph;  // default: data/career/graph.json
};

std::string GraphPath(const Context& context, const CareerArgs& args) {
  return args.graph.empty() ? context.DataPath("career/graph.json") : args.graph;
}

std::string Usd(double usd) { return ThousandsUsd(usd); }

std::string Thin(int64_t records) { return records < career::kThinRecords ? " (thin)" : ""; }

// The stored postings as the scorer reads them, linked duplicates left out.
StatusOr<std::vector<match::PostingFacts>> StoredFacts(store::Store& store, const taxonomy::Taxonomy& taxonomy) {
  std::vector<match::PostingFacts> facts;
  JS_RETURN_IF_ERROR(store.ForEachPosting([&](const Posting& posting) {
    if (posting.duplicate_of.empty()) facts.push_back(match::FactsOf(posting, &taxonomy));
    return true;
  }));
  return facts;
}

// The person: a résumé's profile, or skills, role and level by hand; nothing at all is a newcomer.
StatusOr<career::Person> PersonFrom(Context& context, const CareerArgs& args, const taxonomy::Taxonomy& taxonomy) {
  if (args.resume.empty()) {
    career::PersonSpec spec;
    for (std::string_view name : SplitOn(args.skills, ',')) spec.skills.emplace_back(name);
    spec.role = args.role;
    spec.level = args.level;
    spec.start = args.start;
    auto person = career::PersonFromSpec(spec, taxonomy);
    if (!person.ok()) return InvalidArgument("--" + person.status().message());
    return person;
  }
  career::Person person;
  JS_ASSIGN_OR_RETURN(person.profile, LoadResumeProfile(context, args.resume, {}));
  person.newcomer = args.start;
  return person;
}

void PrintPay(const char* label, const career::PayAt& pay) {
  std::printf("%s P10 %s  P50 %s  P90 %s  [%s%s]", label, Usd(pay.p10).c_str(), Usd(pay.p50).c_str(),
              Usd(pay.p90).c_str(), pay.source.c_str(), pay.thin() ? ", thin" : "");
}

void PrintPlan(const career::CareerPlan& plan) {
  if (!plan.current.empty()) {
    std::printf("now: %s  (level: %s)\n\n", plan.current.c_str(), plan.level_source.c_str());
    std::printf("next roles:\n");
    std::string kind;
    for (const auto& move : plan.next) {
      if (kind != career::MoveKindName(move.kind)) {
        kind = std::string(career::MoveKindName(move.kind));
        std::printf("  %s:\n", kind.c_str());
      }
      std::string evidence;
      for (const auto& each : move.evidence) evidence += (evidence.empty() ? "" : "+") + each;
      std::printf(
          "    %-34s fit %5.1f  %5lld postings%s  pay %s -> %s  change in records %+.0fk [%+.0fk, %+.0fk]%s  via %s\n",
          move.key.c_str(), move.fit, static_cast<long long>(move.postings), Thin(move.postings).c_str(),
          Usd(move.pay_now.p50).c_str(), Usd(move.pay_there.p50).c_str(), move.pay_change.median / 1000,
          move.pay_change.low / 1000, move.pay_change.high / 1000, move.pay_change.thin() ? ", thin" : "",
          evidence.c_str());
      if (!move.gap.empty()) {
        std::printf("      learn:");
        for (const auto& skill : move.gap)
          std::printf(" %s (%.0f%% vs %.0f%%)", skill.name.c_str(), 100 * skill.target_share, 100 * skill.source_share);
        std::printf("\n");
      }
    }
    if (!plan.next.empty()) {
      std::printf("  fit: %s; pay: %s; pay change: the career graph's US records, 90%% interval\n",
                  plan.next.front().fit_source.c_str(), plan.next.front().pay_there.source.c_str());
    }
  }
  if (plan.target) {
    const career::TargetPlan& target = *plan.target;
    std::printf("\ntarget: %s  (%lld postings in the graph%s%s)\n", target.key.c_str(),
                static_cast<long long>(target.target_postings), Thin(target.target_postings).c_str(),
                target.skills_pooled ? "; skill demand is the role's at all levels" : "");
    PrintPay("  pay there:", target.pay_there);
    std::printf("\n  missing skills by demand x pay premium:\n");
    for (const auto& skill : target.missing) {
      std::printf("    %-30s asked by %4.0f%% (%lld postings)", skill.name.c_str(), 100 * skill.demand,
                  static_cast<long long>(skill.demand_postings));
      if (skill.premium) {
        std::printf("  premium %+.0fk [%+.0fk, %+.0fk] over %lld postings%s", skill.premium->premium_usd / 1000,
                    skill.premium->ci_low / 1000, skill.premium->ci_high / 1000,
                    static_cast<long long>(skill.premium->postings), Thin(skill.premium->postings).c_str());
      }
      std::printf("\n");
    }
    std::printf("  learning plan (prerequisites first):\n");
    if (target.postings_considered > 0) {
      std::printf("    now you hold 60%% of the asked skills of %lld of %lld stored %s postings\n",
                  static_cast<long long>(target.unlocked_now), static_cast<long long>(target.postings_considered),
                  target.key.c_str());
    }
    for (const auto& stage : target.stages) {
      std::printf("    stage %d:", stage.number);
      for (const auto& skill : stage.skills)
        std::printf(" %s%s", skill.name.c_str(), skill.prerequisite_only ? " (prerequisite)" : "");
      if (target.postings_considered > 0) {
        std::printf("\n      unlocks %lld more postings (%lld in all)", static_cast<long long>(stage.unlocks),
                    static_cast<long long>(stage.unlocked_total));
        if (!stage.example_postings.empty())
          std::printf(", e.g. %s", JoinStrings(stage.example_postings, ", ").c_str());
      }
      std::printf("\n");
    }
  }
  if (!plan.note.empty()) std::printf("%s\n\n", plan.note.c_str());
  if (!plan.start.empty()) {
    std::printf("how to start, by specialisation:\n");
    for (const auto& guide : plan.start) {
      std::printf("\n  %s\n    first skills:", std::string(RoleName(guide.role)).c_str());
      for (size_t s = 0; s < guide.first_skill_names.size(); ++s) {
        std::printf("%s %s", s ? " ->" : "", JoinStrings(guide.first_skill_names[s], ", ").c_str());
      }
      std::printf("\n    first roles:");
      for (size_t i = 0; i < guide.first_roles.size(); ++i) {
        std::printf(" %s (%lld postings%s)", guide.first_roles[i].c_str(),
                    static_cast<long long>(guide.first_role_postings[i]), Thin(guide.first_role_postings[i]).c_str());
      }
      std::printf("\n");
      PrintPay("    entry pay:", guide.entry_pay);
      std::printf("\n");
    }
  }
}

// The shipped career graph (or --graph) and skill prerequisites, read with the taxonomy.
struct Graphs {
  const taxonomy::Taxonomy* taxonomy = nullptr;
  career::CareerGraph career;
  career::SkillGraph skills;
};
StatusOr<Graphs> LoadGraphs(Context& context, const CareerArgs& args) {
  Graphs graphs;
  JS_ASSIGN_OR_RETURN(graphs.taxonomy, context.LoadTaxonomy());
  JS_ASSIGN_OR_RETURN(graphs.career, career::CareerGraph::Load(GraphPath(context, args)));
  JS_ASSIGN_OR_RETURN(graphs.skills,
                      career::SkillGraph::Load(context.DataPath("career/skill_prerequisites.tsv"), *graphs.taxonomy));
  return graphs;
}

int RunCareer(Context& context, const CareerArgs& args) {
  auto graphs = LoadGraphs(context, args);
  if (!graphs.ok()) return ReportError(graphs.status());
  const taxonomy::Taxonomy* taxonomy = graphs->taxonomy;
  auto person = PersonFrom(context, args, *taxonomy);
  if (!person.ok()) return ReportError(person.status());

  career::PlanSources sources;
  Status place = career::SetPlace(args.location, sources);
  if (!place.ok()) return ReportError(InvalidArgument("--" + place.message()));
  auto model = salary::SalaryModel::Load(context.DataPath("models/salary"));
  if (model.ok()) sources.pay_model = model->get();

  // The store, when there is one: the matcher's fit, live counts and what each stage unlocks.
  std::unique_ptr<match::MatchIndex> market;
  if (store::StoreMayExist(context.db_path)) {
    auto store = context.OpenStoreForReading();
    if (!store.ok()) return ReportError(store.status());
    auto built = match::MatchIndex::Build(**store, taxonomy);
    if (!built.ok()) return ReportError(built.status());
    market = std::move(*built);
    sources.market = market.get();
  }
  auto plan = career::PlanCareer(*person, args.target, graphs->career, graphs->skills, sources);
  if (!plan.ok()) return ReportError(plan.status());
  if (context.json) {
    std::printf("%s\n", json::Dump(json::CareerPlanToJson(*plan)).c_str());
  } else {
    PrintPlan(*plan);
  }
  return kExitOk;
}

int RunBuild(Context& context, const CareerArgs& args) {
  auto taxonomy = context.LoadTaxonomy();
  if (!taxonomy.ok()) return ReportError(taxonomy.status());
  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  career::GraphInputs inputs;
  auto facts = StoredFacts(**store, **taxonomy);
  if (!facts.ok()) return ReportError(facts.status());
  inputs.postings = std::move(*facts);
  auto survey = salary::LoadSurvey(args.survey);
  if (!survey.ok()) return ReportError(survey.status());
  inputs.pay = std::move(survey->records);
  size_t survey_rows = inputs.pay.size();
  auto paid = salary::PostingSalaryRecords(**store);
  if (!paid.ok()) return ReportError(paid.status());
  inputs.pay.insert(inputs.pay.end(), paid->begin(), paid->end());
  ProgressBar bar(StderrIsTerminal() && !context.json);
  auto premiums = salary::SkillPremiums(**store, 20, [&](int64_t done, int64_t total) {
    bar.Update({done, total, done});
  });
  if (!premiums.ok()) return ReportError(premiums.status());
  inputs.premiums = std::move(*premiums);
  auto ladder = career::LoadLadderMoves(context.DataPath("career/ladder.tsv"));
  if (!ladder.ok()) return ReportError(ladder.status());
  inputs.ladder = std::move(*ladder);
  auto onet_roles = career::LoadOnetRoles(context.DataPath("career/onet_roles.tsv"));
  if (!onet_roles.ok()) return ReportError(onet_roles.status());
  inputs.onet_roles = std::move(*onet_roles);
  auto related = career::LoadRelatedOccupations(args.onet + "/Related Occupations.txt");
  if (!related.ok()) return ReportError(related.status());
  inputs.related = std::move(*related);
  inputs.sources = {
      {"postings", std::to_string(inputs.postings.size()) +
                       " stored postings (linked duplicates left out): skill demand and counts"},
      {"pay", std::to_string(survey_rows) + " aijobs.net survey rows (CC0) and " + std::to_string(paid->size()) +
                  " postings with pay; US full-time, 2023 on"},
      {"premiums",
       "pay with minus without each skill at fixed role x level x country, postings with pay, 95% interval"},
      {"onet", "O*NET 29.2 Related Occupations (CC BY 4.0), top 10 by Index, via data/career/onet_roles.tsv"},
      {"ladder", "data/career/ladder.tsv"}};
  career::CareerGraph graph = career::BuildCareerGraph(inputs);
  std::string out = args.out.empty() ? GraphPath(context, args) : args.out;
  Status saved = graph.Save(out);
  if (!saved.ok()) return ReportError(saved);
  if (context.json) {
    std::printf("%s\n", json::Dump({{"out", out},
                                    {"nodes", graph.nodes.size()},
                                    {"edges", graph.edges.size()},
                                    {"postings", inputs.postings.size()},
                                    {"pay_records", inputs.pay.size()}})
                            .c_str());
  } else {
    std::printf("career graph: %zu nodes, %zu edges from %zu postings and %zu pay records -> %s\n", graph.nodes.size(),
                graph.edges.size(), inputs.postings.size(), inputs.pay.size(), out.c_str());
  }
  return kExitOk;
}

int RunCheck(Context& context, const CareerArgs& args) {
  auto graphs = LoadGraphs(context, args);
  if (!graphs.ok()) return ReportError(graphs.status());
  career::CareerGraph* graph = &graphs->career;
  const career::SkillGraph* skill_graph = &graphs->skills;
  auto onet_roles = career::LoadOnetRoles(context.DataPath("career/onet_roles.tsv"));
  if (!onet_roles.ok()) return ReportError(onet_roles.status());
  auto related = career::LoadRelatedOccupations(args.onet + "/Related Occupations.txt");
  if (!related.ok()) return ReportError(related.status());
  auto titles = career::LoadOccupationTitles(args.onet + "/Occupation Data.txt");
  if (!titles.ok()) return ReportError(titles.status());
  career::OnetAgreement all = career::MeasureOnetAgreement(*graph, *onet_roles, *related, *titles, {});
  career::OnetAgreement data_only =
      career::MeasureOnetAgreement(*graph, *onet_roles, *related, *titles, {"ladder", "market"});

  // Which of the field's skills each specialisation's postings confirm (in its top 10 by demand).
  nlohmann::json sanity = nlohmann::json::array();
  for (const career::FieldSkillCheck& check : career::CheckFieldSkills(*graph)) {
    std::vector<std::string> top;
    for (const auto& skill : check.top10) {
      top.push_back(skill.name + " " + std::to_string(static_cast<int>(100 * skill.share + 0.5)) + "%");
    }
    sanity.push_back({{"role", RoleName(check.role)},
                      {"postings", check.postings},
                      {"top10", top},
                      {"confirmed", check.confirmed},
                      {"not_in_top10", check.not_in_top10}});
  }
  nlohmann::json ladder_pay = nlohmann::json::array();
  for (Level rung : career::kLadder) {
    std::string level(LevelName(rung));
    const career::PayFigure& pay = graph->rung_pay[level];
    nlohmann::json by_role = nlohmann::json::object();
    for (Role role : career::CareerRoles()) {
      if (const career::CareerNode* node = graph->Node(role, rung)) {
        by_role[std::string(RoleName(role))] = {{"p10", node->pay.p10},
                                                {"p50", node->pay.p50},
                                                {"p90", node->pay.p90},
                                                {"records", node->pay.records},
                                                {"thin", node->pay.thin()}};
      }
    }
    ladder_pay.push_back({{"level", level},
                          {"p10", pay.p10},
                          {"p50", pay.p50},
                          {"p90", pay.p90},
                          {"records", pay.records},
                          {"quoted", QuotedBandFor(rung) ? std::string(QuotedBandFor(rung)->text) : ""},
                          {"by_role", by_role}});
  }
  auto agreement_json = [](const career::OnetAgreement& agreement) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : agreement.rows) {
      rows.push_back({{"code", row.code},
                      {"title", row.title},
                      {"related_mapped", row.related_mapped},
                      {"linked", row.linked},
                      {"related_outside", row.related_outside},
                      {"missed", row.missed}});
    }
    return nlohmann::json{{"share", agreement.share()},
                          {"linked", agreement.linked},
                          {"related_mapped", agreement.related_mapped},
                          {"related_outside", agreement.related_outside},
                          {"occupations", rows}};
  };
  if (context.json) {
    std::printf("%s\n", json::Dump({{"onet_agreement", agreement_json(all)},
                                    {"onet_agreement_without_onet_edges", agreement_json(data_only)},
                                    {"skill_graph_edges", skill_graph->edges().size()},
                                    {"skill_graph_acyclic", true},
                                    {"sanity", sanity},
                                    {"ladder_pay", ladder_pay}})
                            .c_str());
    return kExitOk;
  }
  std::printf("skill graph: %zu prerequisite edges, no cycle\n\n", skill_graph->edges().size());
  std::printf("O*NET Related Occupations (top 10) that map to another of our roles, linked by the graph:\n");
  std::printf(
      "  all edges: %d of %d (%.2f); edges from the ladder and the market alone: %d of %d (%.2f); %d related "
      "occupations are no role of ours\n",
      all.linked, all.related_mapped, all.share(), data_only.linked, data_only.related_mapped, data_only.share(),
      all.related_outside);
  for (const auto& row : data_only.rows) {
    std::printf("  %s %-45s %d of %d\n", row.code.c_str(), row.title.c_str(), row.linked, row.related_mapped);
    for (const auto& missed : row.missed) std::printf("      not linked by ladder or market: %s\n", missed.c_str());
  }
  std::printf("\nthe field's skills in each specialisation's top 10 by demand:\n");
  for (const auto& row : sanity) {
    std::printf("  %s (%lld postings)\n    top 10: %s\n    confirmed: %s\n    not in top 10: %s\n",
                row["role"].get<std::string>().c_str(), static_cast<long long>(row["postings"].get<int64_t>()),
                JoinStrings(row["top10"].get<std::vector<std::string>>(), ", ").c_str(),
                JoinStrings(row["confirmed"].get<std::vector<std::string>>(), ", ").c_str(),
                JoinStrings(row["not_in_top10"].get<std::vector<std::string>>(), ", ").c_str());
  }
  std::printf("\nthe ladder's US pay (career graph records), beside the commonly quoted bands:\n");
  for (const auto& row : ladder_pay) {
    std::printf("  %-7s P10 %s  P50 %s  P90 %s  (%lld records)  quoted %s\n", row["level"].get<std::string>().c_str(),
                Usd(row["p10"].get<double>()).c_str(), Usd(row["p50"].get<double>()).c_str(),
                Usd(row["p90"].get<double>()).c_str(), static_cast<long long>(row["records"].get<int64_t>()),
                row["quoted"].get<std::string>().c_str());
  }
  return kExitOk;
}

}  // namespace

void AddCareerCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command =
      app.add_subcommand("career", "Next roles, a learning plan for a target and its pay, from market data");
  auto args = std::make_shared<CareerArgs>();
  auto* resume = command->add_option("resume", args->resume,
                                     "A résumé (PDF, DOCX, text, JSON Resume); or give --skills/--role/--level");
  resume->excludes(
      command->add_option("--skills", args->skills, "Comma-separated skills you have (ids, names or aliases)"));
  resume->excludes(command->add_option("--role", args->role, "Your role, e.g. data_scientist"));
  resume->excludes(command->add_option("--level", args->level, "Your level: entry, mid, senior or lead"));
  command->add_option("--target", args->target, "Where you want to go: ROLE or ROLE:LEVEL, e.g. nlp_engineer:senior");
  command->add_option("--location", args->location, "Where you work, for pay (\"Austin, TX\", \"Germany\", \"DE\")")
      ->capture_default_str();
  command->add_flag("--start", args->start,
                    "How to start in each specialisation (also what no résumé, role or skills gives)");
  command->add_option("--graph", args->graph, "The career graph (default: data/career/graph.json)");
  AddStoreOptions(*command, context);
  command->callback([&context, &exit_code, args, command] {
    if (command->get_subcommands().empty()) exit_code = RunCareer(context, *args);
  });

  auto* build = command->add_subcommand("build", "Build the career graph from a store, the salary survey and O*NET");
  build->add_option("--survey", args->survey, "The aijobs.net salary survey CSV")->capture_default_str();
  build->add_option("--onet", args->onet, "O*NET's folder (Related Occupations.txt)")->capture_default_str();
  build->add_option("--out", args->out, "Where to write the graph (default: data/career/graph.json)");
  AddStoreOptions(*build, context);
  build->callback([&context, &exit_code, args] { exit_code = RunBuild(context, *args); });

  auto* check =
      command->add_subcommand("check", "Measure the career graph: O*NET agreement, skills per role, ladder pay");
  check->add_option("--onet", args->onet, "O*NET's folder")->capture_default_str();
  check->add_option("--graph", args->graph, "The career graph (default: data/career/graph.json)");
  check->add_flag("--json", context.json, "Machine-readable output (fields in docs/CLI.md)");
  check->callback([&context, &exit_code, args] { exit_code = RunCheck(context, *args); });
}

}  // namespace jobscope::cli::internal
