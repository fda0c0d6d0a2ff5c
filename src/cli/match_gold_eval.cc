#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/internal/gold_eval.h"
#include "report/report.h"

namespace jobscope::cli::internal {
namespace {

nlohmann::json QualityJson(const report::RankingQuality& quality) {
  return {{"ndcg_at_10", quality.ndcg_at_10},
          {"map", quality.map},
          {"ndcg_resumes", quality.ndcg_queries},
          {"map_resumes", quality.map_queries}};
}

}  // namespace

int RunMatchGoldEval(Context& context, const MatchGoldEvalArgs& args) {
  auto understander = context.MakeUnderstander();
  if (!understander.ok()) return ReportError(understander.status());
  auto gold = report::LoadMatchGoldSet(args.gold_dir, args.shared_data);
  if (!gold.ok()) return ReportError(gold.status());
  const auto understand = [&](RawPosting raw) { return (*understander)->Understand(std::move(raw)); };
  nlohmann::json out = nlohmann::json::object();
  for (const std::string split : {"dev", "test"}) {
    report::MatchGoldScores scores = report::ScoreMatchGold(*gold, *context.taxonomy, understand, split);
    if (context.json) {
      nlohmann::json resumes = nlohmann::json::array();
      for (const auto& r : scores.resumes) {
        resumes.push_back({{"row", r.row},
                           {"role", r.role},
                           {"level", r.level},
                           {"graded", r.graded},
                           {"ndcg_at_10", r.ndcg_jobscope},
                           {"ndcg_at_10_tfidf", r.ndcg_tfidf},
                           {"ndcg_at_10_jaccard", r.ndcg_jaccard}});
      }
      out[split] = {{"jobscope", QualityJson(scores.jobscope)},
                    {"tfidf", QualityJson(scores.tfidf)},
                    {"jaccard", QualityJson(scores.jaccard)},
                    {"resumes", resumes}};
      continue;
    }
    std::printf("%s half: NDCG@10 over %lld résumés with a graded posting, MAP (grade >= 2) over %lld\n", split.c_str(),
                static_cast<long long>(scores.jobscope.ndcg_queries),
                static_cast<long long>(scores.jobscope.map_queries));
    for (const auto& [name, quality] :
         {std::pair{"jobscope", &scores.jobscope}, std::pair{"tf-idf cosine", &scores.tfidf},
          std::pair{"skill Jaccard", &scores.jaccard}}) {
      std::printf("  %-14s NDCG@10 %.3f   MAP %.3f\n", name, quality->ndcg_at_10, quality->map);
    }
    if (split == args.details) {
      std::printf("  per résumé (row, role, level: NDCG@10 jobscope / tf-idf / jaccard):\n");
      for (const auto& r : scores.resumes) {
        std::printf(
            "    %4lld %-24s %-7s %s\n", static_cast<long long>(r.row), r.role.c_str(), r.level.c_str(),
            r.graded ? (std::to_string(r.ndcg_jobscope).substr(0, 5) + " / " +
                        std::to_string(r.ndcg_tfidf).substr(0, 5) + " / " + std::to_string(r.ndcg_jaccard).substr(0, 5))
                           .c_str()
                     : "every grade 0: not counted");
        if (args.list_rankings) {
          for (const auto& ranked : r.ranking) {
            std::printf("         %5.1f  grade %d  %s  %s\n", ranked.score, ranked.grade, ranked.posting.c_str(),
                        ranked.title.c_str());
          }
        }
      }
    }
  }
  if (context.json) std::printf("%s\n", out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return kExitOk;
}

}  // namespace jobscope::cli::internal
