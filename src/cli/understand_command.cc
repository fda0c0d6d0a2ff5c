#include <cstdio>
#include <iostream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "cli/internal/commands.h"
#include "ingest/ingest.h"
#include "json/json.h"

namespace jobscope::cli::internal {
namespace {

struct UnderstandOptions {
  std::string title, company, location;
  bool jsonl = false;
  bool no_tagger = false;
};

void PrintHuman(const Posting& posting) {
  const Understanding& u = posting.understood;
  std::printf("role: %s\nlevel: %s\n", std::string(RoleName(u.role)).c_str(), std::string(LevelName(u.level)).c_str());
  if (u.years_experience_min) std::printf("years of experience: %d+\n", *u.years_experience_min);
  std::printf("remote: %s\nemployment: %s\n", std::string(RemoteModeName(u.remote)).c_str(),
              std::string(EmploymentTypeName(u.employment_type)).c_str());
  if (!u.location.city.empty() || !u.location.country.empty()) {
    std::printf("location: %s, %s, %s\n", u.location.city.c_str(), u.location.region.c_str(),
                u.location.country.c_str());
  }
  if (u.salary.has_amount()) {
    std::printf("salary: %s -> %s per %s", u.salary.text.c_str(), u.salary.currency.c_str(),
                std::string(SalaryPeriodName(u.salary.period)).c_str());
    if (u.salary.annual_min_usd || u.salary.annual_max_usd) {
      std::printf(" (annual USD %.0f - %.0f)", u.salary.annual_min_usd.value_or(0),
                  u.salary.annual_max_usd.value_or(0));
    }
    std::printf("\n");
  }
  if (!u.candidate_skills.empty()) {
    std::printf("candidate new skills:");
    for (const std::string& candidate : u.candidate_skills) std::printf(" \"%s\"", candidate.c_str());
    std::printf("\n");
  }
  std::printf("skills (%zu):\n", u.skills.size());
  for (const SkillMention& skill : u.skills) {
    std::printf("  %-28s %-13s [%u,%u) \"%s\"\n", skill.name.c_str(),
                std::string(RequirementName(skill.requirement)).c_str(), skill.begin, skill.end,
                posting.raw.description.substr(skill.begin, skill.end - skill.begin).c_str());
  }
}

int RunUnderstand(Context& context, const UnderstandOptions& options) {
  auto understander = context.MakeUnderstander();
  if (!understander.ok()) return ReportError(understander.status());
  if (!options.no_tagger) {
    Status tagger = (*understander)->UseTagger(context.DataPath("models/skill_tagger.bin"));
    if (!tagger.ok()) return ReportError(tagger);
  }
  if (options.jsonl) {
    std::string line;
    int64_t line_no = 0;
    bool any_failed = false;
    while (std::getline(std::cin, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto raw = ingest::PostingFromJson(line);
      if (!raw.ok()) {
        any_failed = true;
        std::fprintf(stderr, "jobscope: stdin line %lld: %s\n", static_cast<long long>(line_no),
                     raw.status().message().c_str());
        std::printf("%s\n", json::Dump(nlohmann::json({{"line", line_no}, {"error", raw.status().message()}})).c_str());
        continue;
      }
      Posting posting = (*understander)->Understand(std::move(raw).value());
      std::printf("%s\n", json::Dump(json::PostingToJson(posting, false, &*context.taxonomy)).c_str());
    }
    return any_failed ? kExitFailed : kExitOk;
  }
  RawPosting raw;
  raw.source = "stdin";
  raw.title = options.title;
  raw.company = options.company;
  raw.location = options.location;
  raw.description.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  // Nothing to read is a mistake of the call (a missing redirect), not a posting about nothing.
  bool blank = raw.description.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank && TrimAscii(raw.title).empty()) {
    return ReportError(
        InvalidArgument("understand: no posting on standard input and no --title (pipe a description "
                        "in, e.g. jobscope understand --title T < posting.txt)"));
  }
  Posting posting = (*understander)->Understand(std::move(raw));
  if (context.json) {
    std::printf("%s\n", json::PostingToJson(posting, false, &*context.taxonomy)
                            .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                            .c_str());
  } else {
    PrintHuman(posting);
  }
  return kExitOk;
}

}  // namespace

void AddUnderstandCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command =
      app.add_subcommand("understand", "Understand a posting's text read from stdin (skills, salary, level, role...)");
  auto options = std::make_shared<UnderstandOptions>();
  command->add_option("--title", options->title, "The posting's title");
  command->add_option("--company", options->company, "The posting's company");
  command->add_option("--location", options->location, "The posting's location, e.g. \"New York, NY\"");
  command->add_flag(
      "--jsonl", options->jsonl,
      "Batch: read JSON Lines {title, description, company, location} and write one understood posting per line");
  command->add_flag("--no-tagger", options->no_tagger, "Dictionary skills only (skip the trained span tagger)");
  command->add_flag("--json", context.json, "Machine-readable output (fields in docs/CLI.md)");
  command->callback([&context, &exit_code, options] { exit_code = RunUnderstand(context, *options); });
}

}  // namespace jobscope::cli::internal
