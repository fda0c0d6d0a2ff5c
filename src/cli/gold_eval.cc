// `jobscope eval --gold DIR`: the understanding gold set's figures for dev and test, with confusion matrices,
// the most frequent skill misses and false skills, and the pay strings read wrong. `--export-inputs FILE`
// writes the gold items as JSON Lines for any build's `understand --jsonl`, and `--predictions FILE` scores
// such output, so an older build can be measured by the same scorer.
#include "cli/internal/gold_eval.h"

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "cli/internal/commands.h"
#include "cli/internal/format.h"
#include "report/report.h"

namespace jobscope::cli::internal {
namespace {

nlohmann::json RawToJson(const RawPosting& raw) {
  nlohmann::json out = {{"title", raw.title},
                        {"company", raw.company},
                        {"location", raw.location},
                        {"description", raw.description},
                        {"source", raw.source}};
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
  };
  put("employment_type", raw.employment_type);
  put("experience_level", raw.experience_level);
  put("work_type", raw.work_type);
  put("salary", raw.salary_text);
  put("salary_currency", raw.salary_currency);
  put("salary_interval", raw.salary_interval);
  put("skills", raw.skills_text);
  if (raw.salary_min) out["salary_min"] = *raw.salary_min;
  if (raw.salary_max) out["salary_max"] = *raw.salary_max;
  if (raw.is_remote) out["is_remote"] = *raw.is_remote;
  return out;
}

// The fields the scorer reads from a posting object of `understand --jsonl`.
Understanding UnderstandingFromJson(const nlohmann::json& in) {
  Understanding u;
  auto text = [&](const char* key) {
    return in.contains(key) && in[key].is_string() ? in[key].get<std::string>() : "";
  };
  u.role = ParseRole(text("role")).value_or(Role::kOther);
  u.level = ParseLevel(text("level")).value_or(Level::kUnknown);
  u.remote = ParseRemoteMode(text("remote")).value_or(RemoteMode::kUnknown);
  u.location.country = text("country");
  if (in.contains("skills") && in["skills"].is_array()) {
    for (const auto& skill : in["skills"]) {
      if (skill.contains("id") && skill["id"].is_string())
        u.skills.push_back({skill["id"].get<std::string>(), "", 0, 0, {}});
    }
  }
  if (in.contains("salary") && in["salary"].is_object()) {
    const auto& pay = in["salary"];
    if (pay.contains("min") && pay["min"].is_number()) u.salary.min = pay["min"].get<double>();
    if (pay.contains("max") && pay["max"].is_number()) u.salary.max = pay["max"].get<double>();
    if (pay.contains("currency") && pay["currency"].is_string()) u.salary.currency = pay["currency"].get<std::string>();
    if (pay.contains("period") && pay["period"].is_string()) {
      u.salary.period = ParseSalaryPeriod(pay["period"].get<std::string>()).value_or(SalaryPeriod::kUnknown);
    }
    u.salary.currency_unknown =
        pay.contains("currency_unknown") && pay["currency_unknown"].is_boolean() && pay["currency_unknown"].get<bool>();
  }
  return u;
}

nlohmann::json ScoresJson(const report::GoldScores& s) {
  nlohmann::json pay_errors = nlohmann::json::array();
  for (const auto& error : s.pay_errors)
    pay_errors.push_back({{"text", error.text}, {"expected", error.expected}, {"got", error.got}});
  return {{"postings", s.postings},
          {"level_accuracy", s.level_accuracy},
          {"role_accuracy", s.role_accuracy},
          {"role_macro_f1", s.role_macro_f1},
          {"remote_accuracy", s.remote_accuracy},
          {"skill_postings", s.skill_postings},
          {"skills_gold", s.skills_gold},
          {"skill_recall", s.skill_recall},
          {"skill_precision", s.skill_precision},
          {"pay_strings", s.pay_strings},
          {"pay_exact", s.pay_exact},
          {"country_known", s.country_known},
          {"country_accuracy", s.country_accuracy},
          {"role_confusion", s.role_confusion},
          {"level_confusion", s.level_confusion},
          {"top_missed_skills", s.top_missed_skills},
          {"top_false_skills", s.top_false_skills},
          {"pay_errors", pay_errors}};
}

}  // namespace

int RunGoldEval(Context& context, const GoldEvalArgs& args) {
  auto gold = report::LoadGoldSet(args.gold_dir, args.shared_data);
  if (!gold.ok()) return ReportError(gold.status());
  if (!args.export_inputs.empty()) {
    std::ofstream out(args.export_inputs);
    for (const auto& item : gold->postings) out << RawToJson(item.posting).dump() << "\n";
    for (const auto& item : gold->pay) out << RawToJson(item.posting).dump() << "\n";
    out.flush();
    if (!out) return ReportError(IoError("cannot write " + args.export_inputs));
    return kExitOk;
  }
  auto understander = context.MakeUnderstander();  // also loads the taxonomy gold skills are linked with
  if (!understander.ok()) return ReportError(understander.status());
  std::vector<Understanding> postings;
  std::vector<Salary> pay;
  if (!args.predictions.empty()) {
    std::ifstream in(args.predictions);
    if (!in) return ReportError(IoError("cannot open " + args.predictions));
    std::string line;
    std::vector<Understanding> all;
    while (std::getline(in, line)) {
      auto parsed = nlohmann::json::parse(line, nullptr, false);
      if (parsed.is_discarded())
        return ReportError(ParseError(args.predictions + ": line " + std::to_string(all.size() + 1) + " is not JSON"));
      all.push_back(UnderstandingFromJson(parsed));
    }
    if (all.size() != gold->postings.size() + gold->pay.size()) {
      return ReportError(ParseError(args.predictions + ": " + std::to_string(all.size()) + " lines, expected " +
                                    std::to_string(gold->postings.size() + gold->pay.size())));
    }
    postings.assign(all.begin(), all.begin() + static_cast<long>(gold->postings.size()));
    for (size_t idx = gold->postings.size(); idx < all.size(); ++idx) pay.push_back(all[idx].salary);
  } else {
    if (args.tagger) {
      Status tagger = (*understander)->UseTagger(context.DataPath("models/skill_tagger.bin"));
      if (!tagger.ok()) return ReportError(tagger);
    }
    for (const auto& item : gold->postings) postings.push_back((*understander)->Understand(item.posting).understood);
    for (const auto& item : gold->pay) pay.push_back((*understander)->Understand(item.posting).understood.salary);
  }
  report::GoldScores dev = report::ScoreGold(*gold, postings, pay, *context.taxonomy, "dev");
  report::GoldScores test = report::ScoreGold(*gold, postings, pay, *context.taxonomy, "test");
  if (context.json) {
    std::printf("%s\n", nlohmann::json({{"dev", ScoresJson(dev)}, {"test", ScoresJson(test)}}).dump().c_str());
    return kExitOk;
  }
  std::printf("understanding gold set (%s): %lld + %lld postings, %lld + %lld pay strings (dev + test)\n",
              args.gold_dir.c_str(), static_cast<long long>(dev.postings), static_cast<long long>(test.postings),
              static_cast<long long>(dev.pay_strings), static_cast<long long>(test.pay_strings));
  std::printf("%-34s %8s %8s\n", "", "dev", "test");
  auto row = [](const char* name, double a, double b) { std::printf("%-34s %8.3f %8.3f\n", name, a, b); };
  row("level accuracy", dev.level_accuracy, test.level_accuracy);
  row("role accuracy", dev.role_accuracy, test.role_accuracy);
  row("role macro-F1", dev.role_macro_f1, test.role_macro_f1);
  row("technical-skill recall", dev.skill_recall, test.skill_recall);
  row("technical-skill precision", dev.skill_precision, test.skill_precision);
  row("pay strings exactly right", dev.pay_exact, test.pay_exact);
  row("country known (postings with a place)", dev.country_known, test.country_known);
  row("country right (labelled country)", dev.country_accuracy, test.country_accuracy);
  row("work mode right", dev.remote_accuracy, test.remote_accuracy);
  const report::GoldScores& shown = args.details == "test" ? test : dev;
  std::printf("\n[details: %s]\n", args.details == "test" ? "test" : "dev");
  std::vector<std::string> roles, levels = {"intern", "entry", "mid", "senior", "lead", "exec", "unknown"};
  for (Role role : AllRoles()) roles.emplace_back(RoleName(role));
  PrintMatrix("roles", roles, shown.role_confusion);
  PrintMatrix("levels", levels, shown.level_confusion);
  std::printf("most frequent missed skills:");
  for (const auto& [name, count] : shown.top_missed_skills)
    std::printf(" %s (%lld);", name.c_str(), static_cast<long long>(count));
  std::printf("\nmost frequent false skills:");
  for (const auto& [name, count] : shown.top_false_skills)
    std::printf(" %s (%lld);", name.c_str(), static_cast<long long>(count));
  std::printf("\nroles read wrong: %zu\n", shown.role_errors.size());
  for (const auto& error : shown.role_errors) {
    std::printf("  gold %-26s got %-26s %s\n", error.expected.c_str(), error.got.c_str(), error.text.c_str());
  }
  std::printf("levels read wrong: %zu\n", shown.level_errors.size());
  for (const auto& error : shown.level_errors) {
    std::printf("  gold %-26s got %-40s %s\n", error.expected.c_str(), error.got.c_str(), error.text.c_str());
  }
  std::printf("pay strings read wrong: %zu\n", shown.pay_errors.size());
  for (const auto& error : shown.pay_errors) {
    std::printf("  expected %-28s got %-28s %s\n", error.expected.c_str(), error.got.c_str(), error.text.c_str());
  }
  return kExitOk;
}

}  // namespace jobscope::cli::internal
