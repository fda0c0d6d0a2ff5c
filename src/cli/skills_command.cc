#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "cli/internal/commands.h"
#include "report/report.h"

namespace jobscope::cli::internal {
namespace {

// Candidate new skills: spans the tagger found that the taxonomy does not know, counted once per posting.
int RunNewSkills(Context& context, size_t top) {
  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  std::map<std::string, int64_t> counts;
  Status status = (*store)->ForEachPosting([&](const Posting& posting) {
    if (!posting.duplicate_of.empty()) return true;
    std::set<std::string> seen;
    for (const std::string& candidate : posting.understood.candidate_skills) {
      std::string key = AsciiLower(candidate);
      if (seen.insert(key).second) ++counts[key];
    }
    return true;
  });
  if (!status.ok()) return ReportError(status);
  std::vector<std::pair<std::string, int64_t>> rows(counts.begin(), counts.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (rows.size() > top) rows.resize(top);
  for (const auto& [candidate, count] : rows) {
    if (context.json)
      std::printf("%s\n", nlohmann::json({{"candidate", candidate}, {"postings", count}}).dump().c_str());
    else
      std::printf("%7lld  %s\n", static_cast<long long>(count), candidate.c_str());
  }
  if (!context.json && rows.empty()) std::printf("no candidate skills stored (ingest with --tagger to collect them)\n");
  return kExitOk;
}

int RunSkills(Context& context, size_t top) {
  auto store = context.OpenStoreForReading();
  if (!store.ok()) return ReportError(store.status());
  auto taxonomy = context.LoadTaxonomy();
  if (!taxonomy.ok()) return ReportError(taxonomy.status());
  auto summary = report::SummarizeMarket(**store, top, *taxonomy);
  if (!summary.ok()) return ReportError(summary.status());
  for (const auto& skill : summary->top_skills) {
    if (context.json) {
      std::printf(
          "%s\n",
          nlohmann::json(
              {{"id", skill.skill_id}, {"name", skill.name}, {"postings", skill.postings}, {"share", skill.share}})
              .dump()
              .c_str());
    } else {
      std::printf("%7lld  %5.1f%%  %s\n", static_cast<long long>(skill.postings), 100 * skill.share,
                  skill.name.c_str());
    }
  }
  return kExitOk;
}

}  // namespace

void AddSkillsCommand(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("skills", "Skills in demand; with --new, candidate skills the taxonomy lacks");
  auto fresh = std::make_shared<bool>(false);
  auto top = std::make_shared<size_t>(50);
  command->add_flag("--new", *fresh, "Candidate new skills found by the tagger, most frequent first");
  command->add_option("--top", *top, "How many to list")->check(CLI::Range(1, 1000000))->capture_default_str();
  AddStoreOptions(*command, context);
  command->callback([&context, &exit_code, fresh, top] {
    exit_code = *fresh ? RunNewSkills(context, *top) : RunSkills(context, *top);
  });
}

}  // namespace jobscope::cli::internal
