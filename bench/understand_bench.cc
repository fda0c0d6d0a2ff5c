// Understanding throughput on one core, over the real LinkedIn and Glassdoor descriptions (read from
// ../shared/data at start), or over a JSON Lines corpus named by $JOBSCOPE_BENCH_CORPUS (for example the
// 200,000-posting corpus of bench/make_corpus.py). Scenarios:
//   BM_ScanOnly             the bare scans of the same bytes: word dictionary and vectorscan (the floor)
//   BM_SkillFind            + word boundaries, case and context rules, requirement sections
//   BM_Understand           the whole understanding of a posting (markup, skills, salary, seniority,
//                           location, work mode, role, level, ids, SimHash)
//   BM_FindSpans            the shipped skill-span tagger over each description, sentence by sentence
//                           (what `ingest --tagger` adds); also reports tokens/s
// Each reports bytes/s and items/s (postings/s); docs/BENCHMARKS.md takes the ratios from one run.
#include <cstdio>
#include <cstdlib>

#include <benchmark/benchmark.h>

#include "classify/classify.h"
#include "ingest/ingest.h"

namespace {

using namespace jobscope;

struct Corpus {
  std::vector<RawPosting> postings;
  size_t bytes = 0;
};

const Corpus& RealPostings() {
  static const Corpus corpus = [] {
    Corpus loaded;
    const char* shared = std::getenv("JOBSCOPE_SHARED_DATA");
    const char* corpus_file = std::getenv("JOBSCOPE_BENCH_CORPUS");
    std::string dir = shared ? shared : JOBSCOPE_SHARED_DATA_DIR;
    std::vector<std::string> files = {dir + "/linkedin-aiml-jobs/ai_ml_jobs_linkedin_original.csv",
                                      dir + "/glassdoor-ds-jobs/glassdoor_jobs.csv"};
    if (corpus_file && *corpus_file) files = {corpus_file};
    for (const std::string& file : files) {
      auto reader = ingest::OpenReader(file, {});
      if (!reader.ok()) {
        std::fprintf(stderr, "cannot read %s: %s\n", file.c_str(), reader.status().message().c_str());
        std::exit(1);
      }
      ingest::SourceRecord record;
      while ((*reader)->Next(record)) {
        if (!record.posting) continue;
        loaded.bytes += record.posting->description.size();
        loaded.postings.push_back(std::move(*record.posting));
      }
    }
    std::fprintf(stderr, "corpus: %zu postings, %.1f MB of descriptions\n", loaded.postings.size(), loaded.bytes / 1e6);
    return loaded;
  }();
  return corpus;
}

struct Engine {
  taxonomy::Taxonomy taxonomy;
  extract::CurrencyRates rates;
  std::unique_ptr<classify::Understander> understander;
  std::unique_ptr<extract::SkillMatcher> matcher;
  std::unique_ptr<extract::SpanTagger> tagger;
};

Engine& GetEngine() {
  static Engine* engine = [] {
    auto taxonomy = taxonomy::Taxonomy::Load(JOBSCOPE_SOURCE_DATA_DIR "/taxonomy/skills.tsv");
    auto rates = extract::CurrencyRates::Load(JOBSCOPE_SOURCE_DATA_DIR "/currency_rates.tsv");
    if (!taxonomy.ok() || !rates.ok()) std::exit(1);
    auto* made = new Engine{std::move(taxonomy).value(), std::move(rates).value(), nullptr, nullptr};
    made->understander = std::move(classify::Understander::Create(made->taxonomy, made->rates)).value();
    made->matcher = std::move(extract::SkillMatcher::Create(made->taxonomy)).value();
    auto tagger = extract::SpanTagger::Load(JOBSCOPE_SOURCE_DATA_DIR "/models/skill_tagger.bin", made->matcher.get());
    if (!tagger.ok()) std::exit(1);
    made->tagger = std::move(tagger).value();
    return made;
  }();
  return *engine;
}

void BM_ScanOnly(benchmark::State& state) {
  const Corpus& corpus = RealPostings();
  Engine& engine = GetEngine();
  size_t hits = 0;
  for (auto _ : state) {
    for (const RawPosting& posting : corpus.postings) hits += engine.matcher->ScanOnly(posting.description);
  }
  benchmark::DoNotOptimize(hits);
  state.counters["hits/posting"] =
      static_cast<double>(hits) / static_cast<double>(state.iterations() * corpus.postings.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.postings.size()));
}
BENCHMARK(BM_ScanOnly)->Unit(benchmark::kMillisecond);

void BM_SkillFind(benchmark::State& state) {
  const Corpus& corpus = RealPostings();
  Engine& engine = GetEngine();
  size_t found = 0;
  for (auto _ : state) {
    for (const RawPosting& posting : corpus.postings) found += engine.matcher->Find(posting.description).size();
  }
  benchmark::DoNotOptimize(found);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.postings.size()));
}
BENCHMARK(BM_SkillFind)->Unit(benchmark::kMillisecond);

void BM_Understand(benchmark::State& state) {
  const Corpus& corpus = RealPostings();
  Engine& engine = GetEngine();
  size_t skills = 0;
  for (auto _ : state) {
    for (const RawPosting& posting : corpus.postings) {
      skills += engine.understander->Understand(posting).understood.skills.size();
    }
  }
  benchmark::DoNotOptimize(skills);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.postings.size()));
}
BENCHMARK(BM_Understand)->Unit(benchmark::kMillisecond);

void BM_FindSpans(benchmark::State& state) {
  const Corpus& corpus = RealPostings();
  Engine& engine = GetEngine();
  size_t tokens = 0;
  for (const RawPosting& posting : corpus.postings) tokens += extract::TokenizeForTagging(posting.description).size();
  size_t spans = 0;
  for (auto _ : state) {
    for (const RawPosting& posting : corpus.postings) spans += engine.tagger->FindSpans(posting.description).size();
  }
  benchmark::DoNotOptimize(spans);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.postings.size()));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_FindSpans)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
