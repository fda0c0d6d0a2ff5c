// Times single queries on a saved index, `Search` alone (no store, no page): the fastest and the median of
// --runs runs each. For comparing two builds of the index code on the same snapshot, run alternately, since
// this virtual machine's speed drifts by half from one minute to the next (docs/BENCHMARKS.md).
//
// usage: query_times --snapshot FILE [--runs 8] [--facets] QUERY...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "index/index.h"

int main(int argc, char** argv) {
  using namespace jobscope;
  CLI::App app{"Time queries on a saved search index"};
  std::string snapshot;
  size_t runs = 8;
  bool facets = false;
  std::vector<std::string> queries;
  app.add_option("--snapshot", snapshot, "an index snapshot, e.g. bench/out/unique1m.bench.index")->required();
  app.add_option("--runs", runs, "runs of each query");
  app.add_flag("--facets", facets, "count the facets too");
  app.add_option("queries", queries, "queries, in the search syntax")->required();
  CLI11_PARSE(app, argc, argv);
  auto index = index::SearchIndex::LoadSnapshot(snapshot, [](const std::string&) { return true; });
  if (!index.ok()) {
    std::fprintf(stderr, "query_times: %s: %s\n", snapshot.c_str(), index.status().message().c_str());
    return 1;
  }
  for (const std::string& text : queries) {
    auto query = index::ParseQuery(text);
    if (!query.ok()) {
      std::fprintf(stderr, "query_times: %s: %s\n", text.c_str(), query.status().message().c_str());
      return 2;
    }
    index::SearchRequest request;
    request.query = *query;
    request.limit = 10;
    request.facets = facets;
    std::vector<double> ms;
    size_t total = 0;
    for (size_t run = 0; run < std::max<size_t>(runs, 1); ++run) {
      const auto started = std::chrono::steady_clock::now();
      total = (*index)->Search(request).total;
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%s\t%zu matches\tmin %.2f ms\tmedian %.2f ms\n", text.c_str(), total, ms.front(), ms[ms.size() / 2]);
  }
  return 0;
}
