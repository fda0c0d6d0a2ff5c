// Search side by side: jobscope's in-memory index, SQLite FTS5 (bm25, GROUP BY facets) and Xapian (BM25,
// ValueCountMatchSpy facets), built from the same store and asked the same queries in the same run.
//
// usage: search_bench --db STORE [--work DIR] [--queries N] [--and-queries N] [--skip-xapian] [--skip-fts5]
//
// The queries (deterministic, seeded) are drawn from the postings' own title words: plain (1-3 words),
// phrase (two adjacent title words), filtered (a role or remote filter), prefix (a word cut short, as typed)
// and faceted (plain + facet counts over role, level, remote and country); and a second set whose words are
// all required (MakeAndQueries). Every engine indexes title,
// skills and description with English stemming and weights 3, 2, 1, and all postings (duplicates too).
// Reports build time, size on disk / in RAM, and latency p50/p99 per engine, with and without facets.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <sched.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <xapian.h>

#include "base/strings.h"
#include "index/index.h"
#include "store/store.h"

namespace {

using namespace jobscope;
using Clock = std::chrono::steady_clock;

struct BenchQuery {
  std::string kind;  // plain, phrase, filtered, prefix, faceted; and, and_phrase (every word required)
  std::vector<std::string> words;
  bool phrase = false, prefix = false, facets = false;
  bool required = false;                 // every word (and the phrase) must match
  std::vector<std::string> phrase_pair;  // with `required`: a phrase of two words, required too
  std::optional<Role> role;
  bool remote = false;
};

struct Doc {
  std::string title, skills, description, role, level, remote, country, company;
};

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

std::string SkillText(const Posting& posting) {
  std::string text;
  for (const SkillMention& skill : posting.understood.skills) text += skill.name + " . ";
  return text;
}

std::vector<std::string> TitleWords(const std::string& title) {
  std::vector<std::string> words;
  std::string word;
  for (char c : title + " ") {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (!word.empty()) {
      if (word.size() >= 3) words.push_back(word);
      word.clear();
    }
  }
  return words;
}

std::vector<BenchQuery> MakeQueries(const std::vector<std::string>& titles, size_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<BenchQuery> queries;
  const char* kinds[] = {"plain", "phrase", "filtered", "prefix", "faceted"};
  while (queries.size() < count) {
    const std::string& title = titles[rng() % titles.size()];
    std::vector<std::string> words = TitleWords(title);
    if (words.size() < 2) continue;
    BenchQuery query;
    query.kind = kinds[queries.size() % 5];
    size_t start = rng() % (words.size() - 1);
    if (query.kind == "phrase") {
      query.words = {words[start], words[start + 1]};
      query.phrase = true;
    } else if (query.kind == "prefix") {
      query.words = {words[start]};
      std::string last = words[start + 1];
      query.words.push_back(last.substr(0, std::max<size_t>(3, last.size() / 2)));
      query.prefix = true;
    } else {
      size_t count_words = 1 + rng() % 3;
      for (size_t idx = 0; idx < count_words && start + idx < words.size(); ++idx)
        query.words.push_back(words[start + idx]);
      if (query.kind == "filtered") {
        if (rng() % 2)
          query.role = (rng() % 2) ? Role::kMlEngineer : Role::kDataScientist;
        else
          query.remote = true;
      }
      query.facets = query.kind == "faceted";
    }
    queries.push_back(query);
  }
  return queries;
}

// Queries whose words are all required, as people narrow a search: "and" 2-3 title words with facets;
// "and_phrase" two adjacent title words as a phrase and one more word of the title, with facets and (every
// other one) a role or remote filter.
std::vector<BenchQuery> MakeAndQueries(const std::vector<std::string>& titles, size_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<BenchQuery> queries;
  while (queries.size() < count) {
    std::vector<std::string> words = TitleWords(titles[rng() % titles.size()]);
    if (words.size() < 3) continue;
    BenchQuery query;
    query.required = true;
    query.facets = true;
    query.kind = queries.size() % 2 ? "and_phrase" : "and";
    size_t start = rng() % (words.size() - 1);
    if (query.kind == "and") {
      size_t count_words = 2 + rng() % 2;
      for (size_t idx = 0; idx < count_words && start + idx < words.size(); ++idx)
        query.words.push_back(words[start + idx]);
    } else {
      query.phrase_pair = {words[start], words[start + 1]};
      size_t other = rng() % (words.size() - 2);
      if (other >= start) other += 2;  // a word outside the phrase
      query.words.push_back(words[other]);
      if (rng() % 2) {
        if (rng() % 2)
          query.role = (rng() % 2) ? Role::kMlEngineer : Role::kDataScientist;
        else
          query.remote = true;
      }
    }
    queries.push_back(query);
  }
  return queries;
}

struct Latencies {
  std::vector<double> plain, faceted;
  std::map<std::string, std::vector<double>> by_kind;
  void Add(const BenchQuery& bench, double ms) {
    if (!bench.required) (bench.facets ? faceted : plain).push_back(ms);  // the and-queries count by kind only
    by_kind[bench.kind].push_back(ms);
    if (std::getenv("BENCH_BY_WORDS")) by_kind[bench.kind + std::to_string(bench.words.size())].push_back(ms);
  }
  static double Percentile(std::vector<double> values, double q) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<size_t>(q * static_cast<double>(values.size())))];
  }
  static nlohmann::json Summary(const std::vector<double>& values) {
    double sum = 0;
    for (double value : values) sum += value;
    return {{"p50_ms", Percentile(values, 0.5)},
            {"p95_ms", Percentile(values, 0.95)},
            {"p99_ms", Percentile(values, 0.99)},
            {"mean_ms", values.empty() ? 0 : sum / static_cast<double>(values.size())},
            {"queries", values.size()}};
  }
  nlohmann::json Json() const {
    nlohmann::json by;
    for (const auto& [kind, values] : by_kind) by[kind] = Summary(values);
    return {{"p50_ms", Percentile(plain, 0.5)},
            {"p99_ms", Percentile(plain, 0.99)},
            {"faceted_p50_ms", Percentile(faceted, 0.5)},
            {"faceted_p99_ms", Percentile(faceted, 0.99)},
            {"queries", plain.size() + faceted.size()},
            {"p50_ms_by_kind", KindMedians()},
            {"plain", Summary(plain)},
            {"faceted", Summary(faceted)},
            {"by_kind", by}};
  }
  nlohmann::json KindMedians() const {
    nlohmann::json medians;
    for (const auto& [kind, values] : by_kind) medians[kind] = Percentile(values, 0.5);
    return medians;
  }
};

// ---- jobscope ----
Latencies RunJobscope(const index::SearchIndex& index, const std::vector<BenchQuery>& queries, int64_t& total_hits) {
  Latencies latencies;
  for (const BenchQuery& bench : queries) {
    index::SearchRequest request;
    if (bench.required) {
      for (const std::string& word : bench.words) {
        index::QueryClause clause;
        clause.words = {word};
        clause.kind = index::QueryClause::Kind::kMust;
        request.query.clauses.push_back(clause);
      }
      if (!bench.phrase_pair.empty()) {
        index::QueryClause clause;
        clause.words = bench.phrase_pair;
        clause.phrase = true;
        clause.kind = index::QueryClause::Kind::kMust;
        request.query.clauses.push_back(clause);
      }
    } else if (bench.phrase) {
      index::QueryClause clause;
      clause.words = bench.words;
      clause.phrase = true;
      request.query.clauses.push_back(clause);
    } else {
      for (size_t idx = 0; idx < bench.words.size(); ++idx) {
        index::QueryClause clause;
        clause.words = {bench.words[idx]};
        clause.prefix = bench.prefix && idx + 1 == bench.words.size();
        request.query.clauses.push_back(clause);
      }
    }
    if (bench.role) request.filters.roles = {*bench.role};
    if (bench.remote) request.filters.remote = RemoteMode::kRemote;
    request.facets = bench.facets;
    request.facet_fields = {"role", "level", "remote", "country"};  // the four the other engines count
    auto started = Clock::now();
    index::SearchResult result = index.Search(request);
    double ms = Seconds(started) * 1000;
    total_hits += result.total;
    latencies.Add(bench, ms);
    if (std::getenv("BENCH_DUMP")) {  // one line a query, to find the slow ones
      std::fprintf(stderr, "%s\t%.3f\t%lld\t%s\n", bench.kind.c_str(), ms, static_cast<long long>(result.total),
                   JoinStrings(bench.words, " ").c_str());
    }
  }
  return latencies;
}

// ---- SQLite FTS5 ----
struct Fts5 {
  sqlite3* db = nullptr;
  sqlite3_stmt* search = nullptr;
  sqlite3_stmt* facet[4] = {};
};

void Exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: %s\n", error);
    std::exit(1);
  }
}

std::string FtsQuery(const BenchQuery& bench) {
  auto quote = [](const std::string& word) { return "\"" + word + "\""; };
  if (bench.phrase) return quote(bench.words[0] + " " + bench.words[1]);
  if (bench.required) {  // FTS5 joins terms with AND when no operator is given
    std::string out = bench.phrase_pair.empty() ? "" : quote(bench.phrase_pair[0] + " " + bench.phrase_pair[1]);
    for (const std::string& word : bench.words) out += (out.empty() ? "" : " ") + quote(word);
    return out;
  }
  std::string out;
  for (size_t idx = 0; idx < bench.words.size(); ++idx) {
    if (idx) out += " OR ";
    out += quote(bench.words[idx]);
    if (bench.prefix && idx + 1 == bench.words.size()) out += "*";
  }
  return out;
}

Latencies RunFts5(Fts5& fts, const std::vector<BenchQuery>& queries, int64_t& total_hits) {
  Latencies latencies;
  static const char* kFacets[4] = {"role", "level", "remote", "country"};
  for (const BenchQuery& bench : queries) {
    std::string match = FtsQuery(bench);
    std::string filter = bench.role ? std::string(RoleName(*bench.role)) : "";
    auto started = Clock::now();
    sqlite3_bind_text(fts.search, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(fts.search, 2, filter.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(fts.search, 3, bench.remote ? 1 : 0);
    int rows = 0;
    while (sqlite3_step(fts.search) == SQLITE_ROW) ++rows;
    sqlite3_reset(fts.search);
    if (bench.facets) {
      for (int facet = 0; facet < 4; ++facet) {
        sqlite3_bind_text(fts.facet[facet], 1, match.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(fts.facet[facet]) == SQLITE_ROW) {
          if (facet == 0) total_hits += sqlite3_column_int64(fts.facet[facet], 1);
        }
        sqlite3_reset(fts.facet[facet]);
      }
      (void)kFacets;
    }
    double ms = Seconds(started) * 1000;
    total_hits += rows;
    latencies.Add(bench, ms);
  }
  return latencies;
}

// ---- Xapian ----
Latencies RunXapian(Xapian::Database& db, const std::vector<BenchQuery>& queries, int64_t& total_hits) {
  Latencies latencies;
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem("en"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_database(db);
  for (const BenchQuery& bench : queries) {
    std::string text;
    parser.set_default_op(bench.required ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    if (bench.required) {
      if (!bench.phrase_pair.empty()) text = "\"" + bench.phrase_pair[0] + " " + bench.phrase_pair[1] + "\" ";
      for (const std::string& word : bench.words) text += word + " ";
    } else if (bench.phrase) {
      text = "\"" + bench.words[0] + " " + bench.words[1] + "\"";
    } else {
      for (const std::string& word : bench.words) text += word + " ";
      if (bench.prefix) text.pop_back();
    }
    auto started = Clock::now();
    Xapian::Query query =
        parser.parse_query(text, Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_LOVEHATE |
                                     (bench.prefix ? Xapian::QueryParser::FLAG_PARTIAL : 0));
    if (bench.role)
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query("XR" + std::string(RoleName(*bench.role))));
    if (bench.remote) query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query("XMremote"));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    if (bench.facets) {
      for (Xapian::valueno slot = 0; slot < 4; ++slot) {
        spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
        enquire.add_matchspy(spies.back().get());
      }
    }
    // Exact counts and facets need every match seen, as the other engines do.
    Xapian::MSet mset = enquire.get_mset(0, 10, db.get_doccount());
    double ms = Seconds(started) * 1000;
    total_hits += mset.get_matches_estimated();
    latencies.Add(bench, ms);
  }
  return latencies;
}

size_t DirectorySize(const std::filesystem::path& path) {
  size_t bytes = 0;
  if (std::filesystem::is_regular_file(path)) return std::filesystem::file_size(path);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"search engines side by side"};
  std::string db_path, work = "bench/out/search";
  size_t query_count = 250;
  bool skip_xapian = false, skip_fts5 = false;
  app.add_option("--db", db_path)->required();
  app.add_option("--work", work);
  app.add_option("--queries", query_count);
  size_t and_count = 100;
  app.add_option("--and-queries", and_count, "queries with every word required (and, and_phrase), beside --queries");
  app.add_flag("--skip-xapian", skip_xapian);
  app.add_flag("--skip-fts5", skip_fts5);
  std::string only_kind;
  app.add_option("--only", only_kind, "run only queries of this kind (plain, phrase, filtered, prefix, faceted)");
  std::string snapshot;
  app.add_option("--snapshot", snapshot,
                 "load jobscope's index from this snapshot (made on the first run); "
                 "the build time reported is then the load time");
  CLI11_PARSE(app, argc, argv);
  std::filesystem::create_directories(work);

  auto store = store::OpenSqliteStore(db_path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    return 1;
  }
  nlohmann::json report;
  // jobscope: built from the store.
  long rss_before = PeakRssKb();
  auto started = Clock::now();
  const std::string stamp = "bench:" + db_path;
  auto index = snapshot.empty() ? index::SearchIndex::Build(**store, /*include_duplicates=*/true)
                                : index::SearchIndex::LoadSnapshot(snapshot, stamp);
  if (!index.ok() && !snapshot.empty()) {
    index = index::SearchIndex::Build(**store, /*include_duplicates=*/true);
    if (index.ok()) (void)(*index)->SaveSnapshot(snapshot, stamp);
  }
  if (!index.ok()) return 1;
  double build_seconds = Seconds(started);
  // Builds may use every core (jobscope builds two parts of the store on two threads; FTS5 and Xapian
  // index on one); queries run on one core for every engine.
  cpu_set_t one_core;
  CPU_ZERO(&one_core);
  CPU_SET(0, &one_core);
  sched_setaffinity(0, sizeof one_core, &one_core);
  index::IndexStats stats = (*index)->Stats();
  size_t raw_text = 0;
  std::vector<std::string> titles;
  (void)(*store)->ForEachPosting([&](const Posting& posting) {
    raw_text += posting.raw.title.size() + posting.raw.description.size() + SkillText(posting).size();
    if (titles.size() < 200000) titles.push_back(posting.raw.title);
    return true;
  });
  std::vector<BenchQuery> queries = MakeQueries(titles, query_count, 5);
  for (BenchQuery& query : MakeAndQueries(titles, and_count, 7)) queries.push_back(std::move(query));
  if (!only_kind.empty()) std::erase_if(queries, [&](const BenchQuery& query) { return query.kind != only_kind; });
  report["corpus"] = {{"postings", stats.documents}, {"raw_text_mb", raw_text / 1e6}, {"queries", queries.size()}};
  int64_t hits = 0;
  int64_t warm_hits = 0;  // every engine answers the queries once untimed, so caches are warm for all
  RunJobscope(**index, queries, warm_hits);
  Latencies ours = RunJobscope(**index, queries, hits);
  report["jobscope"] = {{"build_seconds", build_seconds},
                        {"postings_per_s", stats.documents / build_seconds},
                        {"ram_mb", stats.memory_bytes / 1e6},
                        {"ram_vs_raw_text", stats.memory_bytes / static_cast<double>(raw_text)},
                        {"ram_postings_mb", stats.postings_bytes / 1e6},
                        {"ram_positions_mb", stats.positions_bytes / 1e6},
                        {"ram_bitsets_mb", stats.bitset_bytes / 1e6},
                        {"kept_phrases", stats.kept_phrases},
                        {"peak_rss_growth_mb", (PeakRssKb() - rss_before) / 1024.0},
                        {"latency", ours.Json()},
                        {"total_hits", hits}};
  std::printf("%s\n", report.dump().c_str());
  std::fflush(stdout);
  index->reset();

  if (!skip_fts5) {
    std::string path = work + "/fts5.db";
    std::filesystem::remove(path);
    Fts5 fts;
    sqlite3_open(path.c_str(), &fts.db);
    Exec(fts.db,
         "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"
         "CREATE VIRTUAL TABLE fts USING fts5(title, skills, description, tokenize='porter unicode61');"
         "CREATE TABLE meta(id INTEGER PRIMARY KEY, role TEXT, level TEXT, remote TEXT, country TEXT);");
    started = Clock::now();
    Exec(fts.db, "BEGIN");
    sqlite3_stmt* insert_fts = nullptr;
    sqlite3_stmt* insert_meta = nullptr;
    sqlite3_prepare_v2(fts.db, "INSERT INTO fts(rowid, title, skills, description) VALUES (?,?,?,?)", -1, &insert_fts,
                       nullptr);
    sqlite3_prepare_v2(fts.db, "INSERT INTO meta(id, role, level, remote, country) VALUES (?,?,?,?,?)", -1,
                       &insert_meta, nullptr);
    int64_t rowid = 0;
    (void)(*store)->ForEachPosting([&](const Posting& posting) {
      ++rowid;
      std::string skills = SkillText(posting);
      sqlite3_bind_int64(insert_fts, 1, rowid);
      sqlite3_bind_text(insert_fts, 2, posting.raw.title.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(insert_fts, 3, skills.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(insert_fts, 4, posting.raw.description.c_str(), -1, SQLITE_STATIC);
      sqlite3_step(insert_fts);
      sqlite3_reset(insert_fts);
      sqlite3_bind_int64(insert_meta, 1, rowid);
      std::string role(RoleName(posting.understood.role)), level(LevelName(posting.understood.level)),
          remote(RemoteModeName(posting.understood.remote));
      sqlite3_bind_text(insert_meta, 2, role.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert_meta, 3, level.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert_meta, 4, remote.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert_meta, 5, posting.understood.location.country.c_str(), -1, SQLITE_STATIC);
      sqlite3_step(insert_meta);
      sqlite3_reset(insert_meta);
      return true;
    });
    Exec(fts.db, "COMMIT");
    Exec(fts.db, "INSERT INTO fts(fts) VALUES('optimize')");
    double fts_build = Seconds(started);
    sqlite3_finalize(insert_fts);
    sqlite3_finalize(insert_meta);
    sqlite3_prepare_v2(fts.db,
                       "SELECT fts.rowid, bm25(fts, 3.0, 2.0, 1.0) AS score FROM fts JOIN meta ON meta.id = fts.rowid "
                       "WHERE fts MATCH ?1 AND (?2 = '' OR meta.role = ?2) AND (?3 = 0 OR meta.remote = 'remote') "
                       "ORDER BY score LIMIT 10",
                       -1, &fts.search, nullptr);
    const char* facet_columns[4] = {"role", "level", "remote", "country"};
    for (int facet = 0; facet < 4; ++facet) {
      std::string sql = std::string("SELECT meta.") + facet_columns[facet] +
                        ", count(*) FROM fts JOIN meta ON meta.id = fts.rowid WHERE fts MATCH ?1 GROUP BY 1";
      sqlite3_prepare_v2(fts.db, sql.c_str(), -1, &fts.facet[facet], nullptr);
    }
    int64_t fts_hits = 0;
    RunFts5(fts, queries, warm_hits);
    Latencies fts_latency = RunFts5(fts, queries, fts_hits);
    report["fts5"] = {{"build_seconds", fts_build},
                      {"postings_per_s", rowid / fts_build},
                      {"disk_mb", DirectorySize(path) / 1e6},
                      {"latency", fts_latency.Json()}};
    sqlite3_finalize(fts.search);
    for (auto* statement : fts.facet) sqlite3_finalize(statement);
    sqlite3_close(fts.db);
    std::printf("%s\n", report.dump().c_str());
    std::fflush(stdout);
  }

  if (!skip_xapian) {
    std::string path = work + "/xapian";
    std::filesystem::remove_all(path);
    started = Clock::now();
    {
      Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
      Xapian::TermGenerator generator;
      generator.set_stemmer(Xapian::Stem("en"));
      generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
      (void)(*store)->ForEachPosting([&](const Posting& posting) {
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(posting.raw.title, 3);
        generator.increase_termpos();
        generator.index_text(SkillText(posting), 2);
        generator.increase_termpos();
        generator.index_text(posting.raw.description);
        std::string role(RoleName(posting.understood.role)), remote(RemoteModeName(posting.understood.remote));
        doc.add_boolean_term("XR" + role);
        doc.add_boolean_term("XM" + remote);
        doc.add_value(0, role);
        doc.add_value(1, std::string(LevelName(posting.understood.level)));
        doc.add_value(2, remote);
        doc.add_value(3, posting.understood.location.country);
        db.add_document(doc);
        return true;
      });
      db.commit();
    }
    double xapian_build = Seconds(started);
    Xapian::Database db(path);
    int64_t xapian_hits = 0;
    RunXapian(db, queries, warm_hits);
    Latencies xapian_latency = RunXapian(db, queries, xapian_hits);
    report["xapian"] = {{"build_seconds", xapian_build},
                        {"postings_per_s", db.get_doccount() / xapian_build},
                        {"disk_mb", DirectorySize(path) / 1e6},
                        {"latency", xapian_latency.Json()}};
    std::printf("%s\n", report.dump().c_str());
  }
  return 0;
}
