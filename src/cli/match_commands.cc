// `profile`, `match`, `rank` and `gap`: résumés in, explained matches out. A résumé is read in memory and
// never stored.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "cli/internal/commands.h"
#include "cli/internal/filter_options.h"
#include "cli/internal/progress_bar.h"
#include "ingest/ingest.h"
#include "json/json.h"
#include "match/match.h"
#include "text/text.h"

namespace jobscope::cli::internal {
namespace {

using json::MatchToJson;
using json::ProfileToJson;

void AddWishOptions(CLI::App& command, match::Wishes& args) {
  command
      .add_option("--want-salary", args.salary_usd, "The annual USD pay you ask for (postings paying less lose points)")
      ->check(CLI::Range(1.0, 1e8));
  command.add_flag("--want-remote", args.remote, "You want remote work (on-site postings lose location points)");
  command.add_option("--location", args.location, "Where you are, when the résumé does not say (e.g. \"Austin, TX\")");
}

void Print(const nlohmann::json& value) { std::printf("%s\n", json::Dump(value).c_str()); }

void PrintMatch(const match::Match& match, bool with_evidence) {
  std::printf("%6.1f  %s  %s | %s\n        %s\n", match.score, match.posting_id.c_str(), match.title.c_str(),
              match.company.c_str(), match.verdict.c_str());
  for (const auto& part : match.parts) {
    std::printf("        %-16s %5.1f / %-3.0f %s\n", part.name.c_str(), part.points, part.max_points,
                part.detail.c_str());
  }
  if (!match.matched.empty()) {
    std::printf("        has:");
    for (const auto& skill : match.matched) std::printf(" %s%s", skill.name.c_str(), skill.required ? "" : " (plus)");
    std::printf("\n");
    if (with_evidence) {
      for (const auto& skill : match.matched)
        std::printf("          %s: \"%s\"\n", skill.name.c_str(), skill.evidence.c_str());
    }
  }
  if (!match.missing.empty()) {
    std::printf("        add:");
    size_t shown = 0;
    for (const auto& skill : match.missing) {
      if (shown++ == 8) break;
      std::printf(" %s (+%.1f)", skill.name.c_str(), skill.points);
    }
    std::printf("\n");
  }
}

int RunProfile(Context& context, const std::string& path, bool save) {
  auto profile = LoadResumeProfile(context, path, {});
  if (!profile.ok()) return ReportError(profile.status());
  if (save) {
    // Only on request, and only the profile: the résumé's text stays out of the store.
    auto store = context.OpenStore();
    if (!store.ok()) return ReportError(store.status());
    store::SavedProfile saved{profile->text_digest, path,
                              ProfileToJson(*profile).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                              ""};
    Status put = (*store)->PutSavedProfile(saved);
    if (!put.ok()) return ReportError(put);
    std::fprintf(stderr, "jobscope: profile %s saved in %s\n", saved.id.c_str(),
                 store::StoreDisplayName(context.db_path).c_str());
  }
  if (context.json) {
    Print(ProfileToJson(*profile));
    return kExitOk;
  }
  const match::Profile& p = *profile;
  std::printf("%s (%s)\n", p.source.c_str(), std::string(match::ResumeFormatName(p.format)).c_str());
  std::printf("role:   %s  (%s)\n", std::string(RoleName(p.role)).c_str(), p.role_evidence.c_str());
  std::printf("level:  %s  (%s)\n", std::string(LevelName(p.level)).c_str(), p.level_evidence.c_str());
  std::printf("years:  %.1f in all\n", p.total_years);
  for (const auto& [role, years] : p.years_by_role) std::printf("        %.1f as %s\n", years, role.c_str());
  if (!p.degree.empty())
    std::printf("degree: %s%s\n", p.degree.c_str(), p.degree_field.empty() ? "" : (" in " + p.degree_field).c_str());
  if (!p.location.country.empty() || !p.location.city.empty()) {
    std::printf("place:  %s %s %s\n", p.location.city.c_str(), p.location.region.c_str(), p.location.country.c_str());
  }
  std::printf("jobs (%zu):\n", p.jobs.size());
  for (const auto& job : p.jobs) {
    std::printf("  %s .. %s  %s%s  [%s]\n", job.start.c_str(), job.end.c_str(), job.title.c_str(),
                job.company.empty() ? "" : (" - " + job.company).c_str(), std::string(RoleName(job.role)).c_str());
  }
  std::printf("skills (%zu):\n", p.skills.size());
  for (const auto& skill : p.skills) {
    std::printf("  %-28s %4.1fy  \"%s\"\n", skill.name.c_str(), skill.years, skill.evidence.substr(0, 100).c_str());
  }
  for (const auto& link : p.links) std::printf("link:   %s\n", link.c_str());
  return kExitOk;
}

StatusOr<std::unique_ptr<match::MatchIndex>> OpenMarket(Context& context) {
  JS_ASSIGN_OR_RETURN(auto store, context.OpenStoreForReading());
  JS_ASSIGN_OR_RETURN(const taxonomy::Taxonomy* taxonomy, context.LoadTaxonomy());
  return match::MatchIndex::Build(*store, taxonomy);
}

struct MatchArgs {
  std::string resume;
  size_t top = 10;
  search::FilterSpec filters;
  match::Wishes wishes;
  bool evidence = false;
};

int RunMatch(Context& context, const MatchArgs& args) {
  auto profile = LoadResumeProfile(context, args.resume, args.wishes);
  if (!profile.ok()) return ReportError(profile.status());
  auto taxonomy = context.LoadTaxonomy();
  if (!taxonomy.ok()) return ReportError(taxonomy.status());
  auto filters = search::ResolveFilters(args.filters, **taxonomy);
  if (!filters.ok()) return ReportError(filters.status());
  auto market = OpenMarket(context);
  if (!market.ok()) return ReportError(market.status());
  (*market)->CompleteProfile(*profile);
  std::vector<match::Match> matches = (*market)->TopMatches(*profile, *filters, args.top);
  if (context.json) {
    Print(json::MatchesToJson(args.resume, (*market)->size(), *profile, matches));
    return kExitOk;
  }
  std::printf("%s: %s, %s, %.1f years, %zu skills; best of %zu postings:\n\n", args.resume.c_str(),
              std::string(RoleName(profile->role)).c_str(), std::string(LevelName(profile->level)).c_str(),
              profile->total_years, profile->skills.size(), (*market)->size());
  for (const auto& m : matches) {
    PrintMatch(m, args.evidence);
    std::printf("\n");
  }
  return kExitOk;
}

// A posting named by its stored id, or a file: one JSON posting object, or text whose first line is the title.
StatusOr<match::PostingFacts> LoadPosting(Context& context, const std::string& named, const match::MatchIndex* market) {
  if (market) {
    if (auto facts = market->Facts(named)) return *facts;
  }
  std::error_code error;
  if (!std::filesystem::is_regular_file(named, error)) {
    return NotFound(named + ": no stored posting has this id" + std::string(market ? "" : " (no --db store)") +
                    " and no file has this name");
  }
  std::ifstream in(named, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string text = bytes.str();
  RawPosting raw;
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '{') {
    JS_ASSIGN_OR_RETURN(raw, ingest::PostingFromJson(text));
  } else {
    size_t line_end = text.find('\n', first == std::string::npos ? 0 : first);
    raw.title = TrimAscii(text.substr(first == std::string::npos ? 0 : first,
                                      line_end == std::string::npos ? std::string::npos : line_end - first));
    raw.description = line_end == std::string::npos ? "" : text.substr(line_end + 1);
  }
  raw.source = "file";
  if (TrimAscii(raw.title).empty() && TrimAscii(raw.description).empty())
    return InvalidArgument(named + ": empty posting");
  JS_ASSIGN_OR_RETURN(auto understander, context.MakeUnderstander());
  match::PostingFacts facts = match::FactsOf(understander->Understand(std::move(raw)), &*context.taxonomy);
  facts.id = named;
  return facts;
}

// The market when a store is there to read; a posting file can be ranked without one (then every skill weighs
// the same).
std::unique_ptr<match::MatchIndex> MarketIfAny(Context& context, bool required, Status& status) {
  if (!required && !store::StoreMayExist(context.db_path)) return nullptr;
  auto market = OpenMarket(context);
  if (market.ok()) return std::move(*market);
  if (required || market.status().code() != StatusCode::kNotFound) status = market.status();
  return nullptr;
}

struct RankArgs {
  std::string posting, folder, csv;
  size_t top = 0;
};

int RunRank(Context& context, const RankArgs& args) {
  Status status;
  auto market = MarketIfAny(context, false, status);
  if (!status.ok()) return ReportError(status);
  auto posting = LoadPosting(context, args.posting, market.get());
  if (!posting.ok()) return ReportError(posting.status());
  auto files = match::ResumeFiles(args.folder);
  if (!files.ok()) return ReportError(files.status());
  auto taxonomy = context.LoadTaxonomy();
  if (!taxonomy.ok()) return ReportError(taxonomy.status());
  auto builder = match::ProfileBuilder::Create(**taxonomy);
  if (!builder.ok()) return ReportError(builder.status());
  ProgressBar bar(StderrIsTerminal() && !context.json);
  int64_t total = static_cast<int64_t>(files->size());
  auto ranked = match::RankResumes(*posting, *files, **builder, market.get(), match::CurrentMonth(), [&](size_t done) {
    bar.Update({static_cast<int64_t>(done), total, static_cast<int64_t>(done)});
  });
  size_t shown = args.top ? std::min(args.top, ranked.size()) : ranked.size();
  size_t failed = 0;
  for (const auto& entry : ranked) {
    if (!entry.error.ok()) {
      ++failed;
      std::fprintf(stderr, "jobscope: %s\n", entry.error.message().c_str());
    }
  }
  if (!args.csv.empty()) {
    std::ofstream out(args.csv, std::ios::binary);
    out << "rank,resume,score,verdict,role,level,years,matched_skills,missing_skills\n";
    size_t rank = 0;
    for (const auto& entry : ranked) {
      if (!entry.error.ok() || rank == shown) continue;
      std::string has, lacks;
      for (const auto& s : entry.match.matched) has += (has.empty() ? "" : "; ") + s.name;
      for (const auto& s : entry.match.missing) lacks += (lacks.empty() ? "" : "; ") + s.name;
      char score[32];
      std::snprintf(score, sizeof score, "%.2f", entry.match.score);
      char years[32];
      std::snprintf(years, sizeof years, "%.1f", entry.profile.total_years);
      out << text::FormatCsvRecord({std::to_string(++rank), entry.path, score, entry.match.verdict,
                                    std::string(RoleName(entry.profile.role)),
                                    std::string(LevelName(entry.profile.level)), years, has, lacks})
          << '\n';
    }
    out.flush();
    if (!out) return ReportError(IoError(args.csv + ": cannot write the shortlist"));
  }
  if (context.json) {
    nlohmann::json list = nlohmann::json::array(), errors = nlohmann::json::array();
    size_t rank = 0;
    for (const auto& entry : ranked) {
      if (!entry.error.ok()) {
        errors.push_back({{"resume", entry.path}, {"error", entry.error.message()}});
      } else if (rank++ < shown) {
        nlohmann::json item = MatchToJson(entry.match);
        item["resume"] = entry.path;
        item["role"] = RoleName(entry.profile.role);
        item["level"] = LevelName(entry.profile.level);
        item["total_years"] = entry.profile.total_years;
        list.push_back(std::move(item));
      }
    }
    Print({{"posting_id", posting->id},
           {"title", posting->title},
           {"resumes", files->size()},
           {"ranked", list},
           {"errors", errors}});
  } else {
    std::printf("%s | %s: %zu résumés\n\n", posting->title.c_str(), posting->id.c_str(), files->size());
    size_t rank = 0;
    for (const auto& entry : ranked) {
      if (!entry.error.ok() || rank++ >= shown) continue;
      std::printf("%3zu. %6.1f  %s  (%s, %s, %.1f years)\n      %s\n", rank, entry.match.score, entry.path.c_str(),
                  std::string(RoleName(entry.profile.role)).c_str(),
                  std::string(LevelName(entry.profile.level)).c_str(), entry.profile.total_years,
                  entry.match.verdict.c_str());
    }
  }
  return failed ? kExitFailed : kExitOk;
}

struct GapArgs {
  std::string resume, posting;
  match::Wishes wishes;
};

int RunGap(Context& context, const GapArgs& args) {
  auto profile = LoadResumeProfile(context, args.resume, args.wishes);
  if (!profile.ok()) return ReportError(profile.status());
  Status status;
  auto market = MarketIfAny(context, false, status);
  if (!status.ok()) return ReportError(status);
  auto posting = LoadPosting(context, args.posting, market.get());
  if (!posting.ok()) return ReportError(posting.status());
  match::SkillWeights uniform;
  const match::SkillWeights& weights = market ? market->weights() : uniform;
  if (market) market->CompleteProfile(*profile);
  match::Match result = match::ScoreMatch(*profile, *posting, weights);
  if (context.json) {
    Print(json::GapToJson(args.resume, result));
    return kExitOk;
  }
  PrintMatch(result, true);
  if (!result.missing.empty()) {
    std::printf("\nWhat each missing skill is worth here (points it would add to %.1f):\n", result.score);
    for (const auto& skill : result.missing) {
      std::printf("  +%5.1f  %-30s %s\n", skill.points, skill.name.c_str(), skill.required ? "asked" : "a plus");
    }
  }
  return kExitOk;
}

}  // namespace

StatusOr<match::Profile> LoadResumeProfile(Context& context, const std::string& path, const match::Wishes& wishes) {
  JS_ASSIGN_OR_RETURN(match::ResumeDocument document, match::ReadResume(path));
  JS_ASSIGN_OR_RETURN(const taxonomy::Taxonomy* taxonomy, context.LoadTaxonomy());
  JS_ASSIGN_OR_RETURN(auto builder, match::ProfileBuilder::Create(*taxonomy));
  match::Profile profile = builder->Build(document, match::CurrentMonth());
  match::ApplyWishes(wishes, profile);
  return profile;
}

void AddMatchCommands(CLI::App& app, Context& context, int& exit_code) {
  {
    auto* command = app.add_subcommand(
        "profile",
        "Read a résumé (PDF, DOCX, text, JSON Resume) into a profile: skills with evidence, jobs, years, role, level");
    auto path = std::make_shared<std::string>();
    auto save = std::make_shared<bool>(false);
    command->add_option("resume", *path, "The résumé file")->required();
    command->add_flag("--save", *save,
                      "Keep the profile (not the résumé) in the store given by --db; nothing is kept without it");
    command->add_option("--db", context.db_path, "the store: an SQLite file or a postgresql:// URI (with --save)")
        ->capture_default_str();
    command->add_flag("--json", context.json, "Print JSON (fields in docs/CLI.md)");
    command->callback([&context, &exit_code, path, save] { exit_code = RunProfile(context, *path, *save); });
  }
  {
    auto* command = app.add_subcommand("match", "Rank the stored postings for a résumé, each score explained");
    auto args = std::make_shared<MatchArgs>();
    command->add_option("resume", args->resume, "The résumé file")->required();
    command->add_option("--top", args->top, "How many postings to show")
        ->check(CLI::Range(size_t{1}, size_t{100000}))
        ->capture_default_str();
    command->add_flag("--evidence", args->evidence, "Show the résumé sentence behind each matched skill");
    AddFilterOptions(*command, args->filters);
    AddWishOptions(*command, args->wishes);
    AddStoreOptions(*command, context);
    command->callback([&context, &exit_code, args] { exit_code = RunMatch(context, *args); });
  }
  {
    auto* command =
        app.add_subcommand("rank", "Rank a folder of résumés for one posting (a stored id or a posting file)");
    auto args = std::make_shared<RankArgs>();
    command
        ->add_option("posting", args->posting,
                     "A stored posting id, or a file: a JSON posting, or text with the title on its first line")
        ->required();
    command->add_option("--resumes", args->folder, "The folder of résumés")->required();
    command->add_option("--csv", args->csv, "Also write the shortlist as CSV to this file");
    command->add_option("--top", args->top, "Show only the best N (default: all)");
    AddStoreOptions(*command, context);
    command->callback([&context, &exit_code, args] { exit_code = RunRank(context, *args); });
  }
  {
    auto* command =
        app.add_subcommand("gap", "What a résumé lacks for one posting, and what each missing skill is worth");
    auto args = std::make_shared<GapArgs>();
    command->add_option("resume", args->resume, "The résumé file")->required();
    command->add_option("posting", args->posting, "A stored posting id, or a posting file")->required();
    AddWishOptions(*command, args->wishes);
    AddStoreOptions(*command, context);
    command->callback([&context, &exit_code, args] { exit_code = RunGap(context, *args); });
  }
}

}  // namespace jobscope::cli::internal
