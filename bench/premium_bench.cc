// `salary premiums` time against the number of paid postings (Google Benchmark). The store holds N unique
// paid postings made from the real ones jobscope understands in ../shared/data (role, level, country and pay
// of one real paid posting, skills drawn from two, each kept with probability 0.6), so cells and skill
// frequencies are the market's and no two postings repeat. N = 1,000, 10,000, 100,000.
#include <filesystem>
#include <random>
#include <set>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include "classify/classify.h"
#include "ingest/ingest.h"
#include "salary/salary.h"

namespace jobscope {
namespace {

std::vector<Posting>& RealPaid() {
  static std::vector<Posting>* postings = [] {
    auto taxonomy = taxonomy::Taxonomy::Load(JOBSCOPE_SOURCE_DATA_DIR "/taxonomy/skills.tsv");
    auto rates = extract::CurrencyRates::Load(JOBSCOPE_SOURCE_DATA_DIR "/currency_rates.tsv");
    if (!taxonomy.ok() || !rates.ok()) std::exit(1);
    static taxonomy::Taxonomy kept_taxonomy = std::move(*taxonomy);
    static extract::CurrencyRates kept_rates = std::move(*rates);
    auto understander = std::move(classify::Understander::Create(kept_taxonomy, kept_rates)).value();
    auto* made = new std::vector<Posting>();
    for (const char* file : {"/linkedin-aiml-jobs/ai_ml_jobs_linkedin_original.csv",
                             "/glassdoor-ds-jobs/glassdoor_jobs.csv", "/linkedin-aiml-jobs/data_science_job.csv"}) {
      auto reader = ingest::OpenReader(std::string(JOBSCOPE_SHARED_DATA_DIR) + file, {});
      if (!reader.ok()) std::exit(1);
      ingest::SourceRecord record;
      while ((*reader)->Next(record)) {
        if (!record.posting) continue;
        Posting posting = understander->Understand(*record.posting);
        if (posting.understood.salary.annual_mid_usd()) made->push_back(std::move(posting));
      }
    }
    return made;
  }();
  return *postings;
}

void BM_SkillPremiums(benchmark::State& state) {
  const std::vector<Posting>& real = RealPaid();
  size_t count = static_cast<size_t>(state.range(0));
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("premium_bench_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  auto store = std::move(store::OpenSqliteStore(path.string())).value();
  auto run = std::move(store->BeginRun({"bench"})).value();
  std::mt19937_64 random(7);
  for (size_t i = 0; i < count; ++i) {
    Posting posting = real[random() % real.size()];
    const Posting& other = real[random() % real.size()];
    posting.id = "b" + std::to_string(i);
    posting.duplicate_of.clear();
    std::vector<SkillMention> skills;
    std::set<std::string> seen;
    const std::vector<SkillMention> own = posting.understood.skills;
    for (const std::vector<SkillMention>* source : {&own, &other.understood.skills}) {
      for (const SkillMention& mention : *source) {
        if (random() % 10 < 6 && seen.insert(mention.skill_id).second) skills.push_back(mention);
      }
    }
    posting.understood.skills = std::move(skills);
    if (!store->PutPosting(posting, run).ok()) std::exit(1);
  }
  if (!store->Flush().ok()) std::exit(1);
  size_t skills = 0;
  for (auto _ : state) {
    auto premiums = salary::SkillPremiums(*store, 20);
    skills = premiums.ok() ? premiums->size() : 0;
    benchmark::DoNotOptimize(premiums);
  }
  state.counters["paid_postings"] = static_cast<double>(count);
  state.counters["skills"] = static_cast<double>(skills);
  store.reset();
  std::filesystem::remove(path);
}
BENCHMARK(BM_SkillPremiums)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace jobscope

BENCHMARK_MAIN();
