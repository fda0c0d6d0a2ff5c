// Résumé matching speed (Google Benchmark).
//
// BM_MatchMarket: one résumé ranked against a market of N unique postings, top 20, one thread. The market
// is made from the real postings of ../shared/data (LinkedIn AI/ML, Glassdoor, data-science listings, as
// jobscope understands them): each synthetic posting takes its role, level, years, place and work mode from
// one real posting and its skills from two (each skill kept with probability 0.6), so no two postings are
// copies and the skill distribution is the market's. N = $JOBSCOPE_MATCH_POSTINGS (default 1,000,000).
// The résumés are the distinct data, Python, Hadoop, ETL, Java, database and DevOps résumés of
// resumes-updated, taken in turn. Reports the median and 99th percentile per résumé.
//
// BM_RankResumes: 500 text résumé files (the 166 distinct résumés, written three times and more; each is read
// and parsed anew) ranked for one posting, parsing included.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include <benchmark/benchmark.h>

#include "classify/classify.h"
#include "ingest/ingest.h"
#include "match/match.h"
#include "text/text.h"

namespace jobscope {
namespace {
using match::PostingFacts;

struct Setup {
  taxonomy::Taxonomy taxonomy;
  extract::CurrencyRates rates;
  std::vector<match::PostingFacts> real;
  std::vector<match::Profile> profiles;
  std::vector<std::string> resume_texts;
  std::unique_ptr<match::ProfileBuilder> builder;
};

Setup& GetSetup() {
  static Setup* setup = [] {
    auto taxonomy = taxonomy::Taxonomy::Load(JOBSCOPE_SOURCE_DATA_DIR "/taxonomy/skills.tsv");
    auto rates = extract::CurrencyRates::Load(JOBSCOPE_SOURCE_DATA_DIR "/currency_rates.tsv");
    if (!taxonomy.ok() || !rates.ok()) std::exit(1);
    auto* made = new Setup{std::move(taxonomy).value(), std::move(rates).value(), {}, {}, {}, nullptr};
    auto understander = std::move(classify::Understander::Create(made->taxonomy, made->rates)).value();
    for (const char* file : {"/linkedin-aiml-jobs/ai_ml_jobs_linkedin_original.csv",
                             "/glassdoor-ds-jobs/glassdoor_jobs.csv", "/linkedin-aiml-jobs/data_science_job.csv"}) {
      auto reader = ingest::OpenReader(std::string(JOBSCOPE_SHARED_DATA_DIR) + file, {});
      if (!reader.ok()) std::exit(1);
      ingest::SourceRecord record;
      while ((*reader)->Next(record)) {
        if (record.posting)
          made->real.push_back(match::FactsOf(understander->Understand(*record.posting), &made->taxonomy));
      }
    }
    made->builder = std::move(match::ProfileBuilder::Create(made->taxonomy)).value();
    auto table =
        text::ReadCsvTable(std::string(JOBSCOPE_SHARED_DATA_DIR) + "/resumes-updated/UpdatedResumeDataSet.csv");
    if (!table.ok()) std::exit(1);
    const std::set<std::string> wanted = {"Data Science",   "Python Developer", "Hadoop",         "ETL Developer",
                                          "Java Developer", "Database",         "DevOps Engineer"};
    std::set<std::string> seen;
    for (const auto& row : table->rows) {
      if (!seen.insert(row[1]).second) continue;
      made->resume_texts.push_back(row[1]);
      if (!wanted.count(row[0])) continue;
      made->profiles.push_back(made->builder->Build(std::move(match::ReadResumeBytes(row[1], "résumé")).value()));
    }
    return made;
  }();
  return *setup;
}

std::vector<PostingFacts> SyntheticMarket(const std::vector<PostingFacts>& real, size_t count) {
  std::mt19937_64 random(42);
  std::vector<PostingFacts> market;
  market.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const PostingFacts& a = real[random() % real.size()];
    const PostingFacts& b = real[random() % real.size()];
    PostingFacts posting = a;
    posting.id = "s" + std::to_string(i);
    posting.skills.clear();
    std::set<std::string> taken;
    for (const PostingFacts* source : {&a, &b}) {
      for (const auto& skill : source->skills) {
        if (random() % 10 < 6 && taken.insert(skill.skill_id).second) posting.skills.push_back(skill);
      }
    }
    market.push_back(std::move(posting));
  }
  return market;
}

void BM_MatchMarket(benchmark::State& state) {
  Setup& setup = GetSetup();
  const char* wanted = std::getenv("JOBSCOPE_MATCH_POSTINGS");
  size_t count = wanted ? std::strtoull(wanted, nullptr, 10) : 1000000;
  static std::unique_ptr<match::MatchIndex> index;
  static size_t built = 0;
  if (!index || built != count) {
    index = match::MatchIndex::FromPostings(SyntheticMarket(setup.real, count));  // moved in
    built = count;
  }
  std::vector<double> milliseconds;
  size_t next = 0;
  for (auto _ : state) {
    const match::Profile& profile = setup.profiles[next++ % setup.profiles.size()];
    auto start = std::chrono::steady_clock::now();
    auto top = index->TopMatches(profile, {}, 20);
    milliseconds.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    benchmark::DoNotOptimize(top);
  }
  std::sort(milliseconds.begin(), milliseconds.end());
  state.counters["postings"] = static_cast<double>(count);
  state.counters["resumes"] = static_cast<double>(setup.profiles.size());
  state.counters["p50_ms"] = milliseconds[milliseconds.size() / 2];
  state.counters["p99_ms"] = milliseconds[std::min(milliseconds.size() - 1, milliseconds.size() * 99 / 100)];
}
BENCHMARK(BM_MatchMarket)->Unit(benchmark::kMillisecond)->Iterations(200);

void BM_RankResumes(benchmark::State& state) {
  Setup& setup = GetSetup();
  std::filesystem::path folder = std::filesystem::temp_directory_path() / "jobscope_rank_bench";
  std::filesystem::create_directories(folder);
  std::vector<std::string> paths;
  for (size_t i = 0; i < 500; ++i) {
    std::string path = (folder / ("r" + std::to_string(i) + ".txt")).string();
    std::ofstream(path) << setup.resume_texts[i % setup.resume_texts.size()];
    paths.push_back(path);
  }
  auto index = match::MatchIndex::FromPostings(setup.real);
  const PostingFacts& posting = setup.real[0];
  for (auto _ : state) {
    auto ranked = match::RankResumes(posting, paths, *setup.builder, index.get(), "");
    benchmark::DoNotOptimize(ranked);
  }
  state.counters["resumes"] = 500;
  std::filesystem::remove_all(folder);
}
BENCHMARK(BM_RankResumes)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace jobscope

BENCHMARK_MAIN();
