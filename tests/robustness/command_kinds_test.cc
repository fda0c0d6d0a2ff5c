// Robustness, commands: each kind of bad or unusual store, option, output or résumé that the other commands
// meet, one case each: the exit code (0 success, 1 failed run, 2 usage error), a message that names what was
// wrong, and stores that read commands leave byte for byte as they were. The table is in docs/RELIABILITY.md.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "match/test_documents.h"
#include "robustness/sandbox.h"

namespace jobscope::robustness {
namespace {

using nlohmann::json;

const char kJobs[] =
    "title,company,location,description,salary,date_posted\n"
    "ML Engineer,Acme,\"Berlin, Germany\",Python and scikit-learn models.,$100K-$200K,2024-03-01\n"
    "Data Engineer,Beta,\"Austin, TX\",Python and Java pipelines.,$150K-$160K,2024-04-01\n"
    "Data Scientist,Gamma,\"Paris, France\",Python statistics.,$50/hour,2024-05-01\n"
    "Data Analyst,Delta,\"Boston, MA\",Python and SQL dashboards.,,2024-06-01\n";

// A store with the four postings above.
void Fill(Sandbox& s) {
  json summary = s.Ingest({s.Write("jobs.csv", kJobs)});
  ASSERT_EQ(summary["counts"]["stored"], 4);
}

// The store file and its write-ahead log, as bytes.
std::string StoreBytes(const std::string& db) { return ReadAll(db) + "|" + ReadAll(db + "-wal"); }

// Compares stores by their bytes without printing them.
#define EXPECT_SAME_BYTES(before, after) EXPECT_TRUE((before) == (after)) << "the store's bytes changed"

int SearchTotal(Sandbox& s, std::vector<std::string> args) {
  args.insert(args.begin(), {"search", "--json", "--db", s.db()});
  Result result = s.Run(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.exit_code == 0 ? json::parse(result.out)["total"].get<int>() : -1;
}

// `args` is a usage error (exit 2) whose message holds `message`.
void ExpectUsageError(Sandbox& s, const std::vector<std::string>& args, const std::string& message) {
  Result result = s.Run(args);
  EXPECT_EQ(result.exit_code, 2) << args.back() << ": " << result.err;
  EXPECT_TRUE(Contains(result.err, message)) << result.err;
}

const char kResume[] =
    "Jane Doe\nData Engineer\nExperience\nJan 2018 - Present: Data Engineer at Acme. Python, Spark, Airflow and SQL.\n";

void ExpectProfileFails(Sandbox& s, const std::string& path, int exit_code, const std::string& reason) {
  Result result = s.Run({"profile", path});
  EXPECT_EQ(result.exit_code, exit_code) << result.err;
  EXPECT_TRUE(Contains(result.err, path + ": " + reason)) << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
}

const std::vector<Case>& CommandCases() {
  static const std::vector<Case> cases = {
      // ---- output and stores ----
      {"StdoutClosed",
       [](Sandbox& s) {
         if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
         Fill(s);
         for (const char* command : {"stats", "postings", "quarantine"}) {
           Result result = s.Run({command, "--db", s.db()}, {.stdout_path = "/dev/full"});
           EXPECT_EQ(result.exit_code, 1) << command;
           EXPECT_TRUE(Contains(result.err, "cannot write the output: No space left on device")) << result.err;
         }
       }},
      {"ReadCommandsOnMissingStore",
       [](Sandbox& s) {
         std::string typo = s.Path("typo.db");
         for (std::vector<std::string> command : std::vector<std::vector<std::string>>{
                  {"stats"}, {"postings"}, {"quarantine"}, {"skills"}, {"search", "python"}, {"salary", "premiums"}}) {
           command.insert(command.end(), {"--db", typo});
           Result result = s.Run(command);
           EXPECT_EQ(result.exit_code, 2) << command[0];
           EXPECT_TRUE(Contains(result.err, "no store at " + typo)) << result.err;
         }
         EXPECT_FALSE(std::filesystem::exists(typo));
         EXPECT_FALSE(std::filesystem::exists(typo + "-wal"));
       }},
      {"TwoWritersAtOnce",
       [](Sandbox& s) {
         // Two ingests into one store at the same moment: a file each and one in common; 500 postings of the
         // second are the first's jobs again (same title, company and city, another text): linked, whichever
         // writer stored the job first.
         auto rows = [](const std::string& title, int count, const std::string& text) {
           std::string csv;
           for (int n = 0; n < count; ++n) {
             csv += title + " " + std::to_string(n) + ",Acme " + std::to_string(n) + ",\"Austin, TX\"," + text + " " +
                    std::to_string(n) + ".\n";
           }
           return csv;
         };
         const std::string header = "title,company,location,description\n";
         std::string first = s.Write("first.csv", header + rows("Data Engineer", 2500, "Python pipelines"));
         std::string second = s.Write("second.csv", header + rows("ML Engineer", 2500, "PyTorch models") +
                                                        rows("Data Engineer", 500, "Kafka streams and Go services"));
         std::string shared = s.Write("shared.csv", header + rows("Platform Engineer", 2500, "Kubernetes"));
         auto ingest = [&](const std::string& a, const std::string& b) {
           return ShellQuote(JOBSCOPE_BINARY) + " ingest --json --db " + ShellQuote(s.db()) + " " + ShellQuote(a) +
                  " " + ShellQuote(b) + " >" + ShellQuote(a + ".out") + " 2>&1";
         };
         std::string both = "(" + ingest(first, shared) + ") & (" + ingest(second, shared) + ") & wait";
         ASSERT_EQ(std::system(("bash -c " + ShellQuote(both)).c_str()), 0);
         int64_t stored = 0, duplicates = 0;
         for (const std::string& out : {first + ".out", second + ".out"}) {
           json summary = json::parse(ReadAll(out));
           for (const json& file : summary["files"]) EXPECT_FALSE(file.contains("error")) << ReadAll(out);
           Sandbox::ExpectNothingLost(summary);
           stored += summary["counts"]["stored"].get<int64_t>();
           duplicates += summary["counts"]["duplicates"].get<int64_t>();
         }
         EXPECT_EQ(stored, 8000);  // the shared file's postings once, by one writer or the other
         EXPECT_EQ(duplicates, 500);
         json stats = s.Lines({"stats"}).at(0);
         EXPECT_EQ(stats["postings"], 7500);
         EXPECT_EQ(stats["duplicates"], 500);
       }},
      {"SqlInTheSearchBox",
       [](Sandbox& s) {
         s.Ingest({s.Write("a.csv", "title,company\nML Engineer,Acme\nData Engineer,Beta\n")});
         std::string before = StoreBytes(s.db());
         for (const std::string& query : {std::string("'; DROP TABLE postings; --"), std::string("x' OR '1'='1"),
                                          std::string("engineer; DELETE FROM postings")}) {
           Result result = s.Run({"search", query, "--db", s.db(), "--json"});
           EXPECT_EQ(result.exit_code, 0) << query << ": " << result.err;
         }
         Result unclosed = s.Run({"search", "\" OR 1=1 --", "--db", s.db()});
         EXPECT_EQ(unclosed.exit_code, 2);  // an unclosed quote is a syntax error, named
         EXPECT_EQ(s.Postings().size(), 2u);
         EXPECT_SAME_BYTES(StoreBytes(s.db()), before);
       }},
      {"ForeignSqliteFileRefused",
       [](Sandbox& s) {
         std::string foreign = s.Path("notes.db");
         ASSERT_EQ(std::system(("sqlite3 " + ShellQuote(foreign) +
                                " 'CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1);'")
                                   .c_str()),
                   0);
         std::string before = StoreBytes(foreign);
         for (const std::vector<std::string>& command :
              std::vector<std::vector<std::string>>{{"stats", "--db", foreign},
                                                    {"search", "x", "--db", foreign},
                                                    {"token", "create", "--db", foreign},
                                                    {"ingest", "--db", foreign, s.Write("a.csv", "title\nX\n")}}) {
           Result result = s.Run(command);
           EXPECT_EQ(result.exit_code, 2) << command[0];
           EXPECT_TRUE(Contains(result.err, "not a jobscope store")) << result.err;
         }
         EXPECT_SAME_BYTES(StoreBytes(foreign), before);
       }},
      {"NotSqliteAtAll",
       [](Sandbox& s) {
         std::string junk = s.Write("junk.db", std::string(4096, 'x') + "this is no database");
         std::string before = ReadAll(junk);
         for (const std::vector<std::string>& command : std::vector<std::vector<std::string>>{
                  {"stats", "--db", junk}, {"ingest", "--db", junk, s.Write("a.csv", "title\nX\n")}}) {
           Result result = s.Run(command);
           EXPECT_EQ(result.exit_code, 1) << command[0];
           EXPECT_TRUE(Contains(result.err, "junk.db: sqlite: file is not a database")) << result.err;
         }
         EXPECT_SAME_BYTES(ReadAll(junk), before);
       }},
      {"ZeroByteStoreFile",
       [](Sandbox& s) {
         // What an ingest killed before it made its schema leaves: readers say there is no store yet, an
         // ingest makes one in it.
         std::string empty = s.Write("empty.db", "");
         Result read = s.Run({"stats", "--db", empty});
         EXPECT_EQ(read.exit_code, 2);
         EXPECT_TRUE(Contains(read.err, "holds no store yet")) << read.err;
         EXPECT_EQ(std::filesystem::file_size(empty), 0u);
         Result made = s.Run({"ingest", "--db", empty, s.Write("a.csv", "title\nML Engineer\n")});
         EXPECT_EQ(made.exit_code, 0) << made.err;
         EXPECT_EQ(s.Run({"stats", "--db", empty}).exit_code, 0);
       }},
      {"ReadOnlyStore",
       [](Sandbox& s) {
         Fill(s);
         // A copy on a read-only folder; root ignores permissions, so the commands then run as nobody.
         std::string folder = s.Path("readonly");
         std::filesystem::create_directories(folder);
         std::string copy = folder + "/store.db";
         std::filesystem::copy_file(s.db(), copy);
         std::filesystem::permissions(copy, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                                std::filesystem::perms::others_read);
         std::filesystem::permissions(folder,
                                      std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                                          std::filesystem::perms::others_read | std::filesystem::perms::others_exec |
                                          std::filesystem::perms::group_read | std::filesystem::perms::group_exec);
         Io io;
         if (::geteuid() == 0) {
           if (std::system("command -v setpriv >/dev/null") != 0) GTEST_SKIP() << "root without setpriv";
           io.prefix = "env -u JOBSCOPE_DATA setpriv --reuid=65534 --regid=65534 --clear-groups ";
           // nobody may not reach the build's folders (a clone in a private temporary folder): it runs a copy
           // laid out as installed, which finds its data beside it.
           std::filesystem::path installed = s.Path("installed");
           std::filesystem::create_directories(installed / "bin");
           std::filesystem::create_directories(installed / "share" / "jobscope");
           std::filesystem::copy_file(JOBSCOPE_BINARY, installed / "bin" / "jobscope");
           std::filesystem::copy(JOBSCOPE_SOURCE_DATA_DIR, installed / "share" / "jobscope" / "data",
                                 std::filesystem::copy_options::recursive);
           ASSERT_EQ(std::system(("chmod a+rx " + ShellQuote(s.Path("")) + " && chmod -R a+rX " +
                                  ShellQuote(installed.string()))
                                     .c_str()),
                     0);
           io.binary = (installed / "bin" / "jobscope").string();
         }
         std::string before = ReadAll(copy);
         for (const std::vector<std::string>& command : std::vector<std::vector<std::string>>{
                  {"stats", "--json"}, {"postings"}, {"quarantine"}, {"skills"}, {"search", "python", "--json"}}) {
           std::vector<std::string> args = command;
           args.insert(args.end(), {"--db", copy});
           Result result = s.Run(args, io);
           EXPECT_EQ(result.exit_code, 0) << command[0] << ": " << result.err;
           if (command[0] == "stats") {
             EXPECT_EQ(json::parse(result.out)["postings"], 4);
           }
           if (command[0] == "search") {
             EXPECT_EQ(json::parse(result.out)["total"], 4);
           }
         }
         EXPECT_SAME_BYTES(ReadAll(copy), before);
         EXPECT_FALSE(std::filesystem::exists(copy + "-wal"));
       }},
      {"ReadCommandsLeaveTheStoreUnchanged",
       [](Sandbox& s) {
         Fill(s);
         std::string before = StoreBytes(s.db());
         for (const std::vector<std::string>& command : std::vector<std::vector<std::string>>{
                  {"stats"}, {"postings"}, {"quarantine"}, {"skills"}, {"search", "python"}, {"salary", "premiums"}}) {
           std::vector<std::string> args = command;
           args.insert(args.end(), {"--db", s.db()});
           EXPECT_EQ(s.Run(args).exit_code, 0) << command[0];
         }
         EXPECT_SAME_BYTES(StoreBytes(s.db()), before);
       }},

      // ---- options ----
      {"DatesMustBeRealDates",
       [](Sandbox& s) {
         Fill(s);
         ExpectUsageError(s, {"search", "python", "--db", s.db(), "--from", "2024-13-01"},
                          "'2024-13-01' is not a date (YYYY-MM-DD)");
         ExpectUsageError(s, {"search", "python", "--db", s.db(), "--to", "2024-02-30"}, "'2024-02-30' is not a date");
         ExpectUsageError(s, {"search", "python", "--db", s.db(), "--from", "yesterday"}, "'yesterday' is not a date");
         EXPECT_EQ(SearchTotal(s, {"python", "--from", "2024-04-01", "--to", "2024-05-31"}), 2);
       }},
      {"CountsMustBePositive",
       [](Sandbox& s) {
         Fill(s);
         ExpectUsageError(s, {"stats", "--db", s.db(), "--top", "0"}, "--top");
         ExpectUsageError(s, {"skills", "--db", s.db(), "--top", "-2"}, "--top");
         ExpectUsageError(s, {"postings", "--db", s.db(), "--limit", "-1"}, "--limit");
         ExpectUsageError(s, {"search", "x", "--db", s.db(), "--per-page", "-1"}, "--per-page");
         ExpectUsageError(s, {"search", "x", "--db", s.db(), "--page", "0"}, "--page");
         ExpectUsageError(s, {"stats", "--db", s.db(), "--top", "notanumber"}, "--top");
       }},
      {"SkillByIdNameOrAlias",
       [](Sandbox& s) {
         Fill(s);
         for (const char* skill :
              {"scikit-learn", "Scikit-Learn", "sklearn", "SKLEARN", "sql", "SQL", "Structured Query Language"}) {
           EXPECT_EQ(SearchTotal(s, {"python", "--skill", skill}), 1) << skill;
         }
         ExpectUsageError(s, {"search", "python", "--db", s.db(), "--skill", "no-such-skill"}, "no-such-skill");
       }},
      {"CountryInAnyCaseOrIsoCode",
       [](Sandbox& s) {
         Fill(s);
         for (const char* country : {"FR", "fr", "Fr", "France", "fRaNcE"})
           EXPECT_EQ(SearchTotal(s, {"python", "--country", country}), 1) << country;
         for (const char* country : {"US", "us", "United States"})
           EXPECT_EQ(SearchTotal(s, {"python", "--country", country}), 2) << country;
         ExpectUsageError(s, {"search", "python", "--db", s.db(), "--country", "Atlantis"}, "Atlantis");
       }},
      {"QueryStartingWithDash",
       [](Sandbox& s) {
         Fill(s);
         EXPECT_EQ(SearchTotal(s, {"-java python"}), 3);
         EXPECT_EQ(SearchTotal(s, {"-java", "python"}), 3);
         ExpectUsageError(s, {"search", "--db", s.db(), "--rol", "ml_engineer"},
                          "--rol");  // a mistyped option stays one
       }},
      {"SearchSyntaxError",
       [](Sandbox& s) {
         Fill(s);
         ExpectUsageError(s, {"search", "--db", s.db(), "\"unclosed phrase"}, "unclosed quote at character");
       }},
      {"SortBySalaryMatchesTheShownFigure",
       [](Sandbox& s) {
         Fill(s);
         Result result = s.Run({"search", "python", "--sort", "salary", "--json", "--db", s.db()});
         ASSERT_EQ(result.exit_code, 0) << result.err;
         std::vector<double> tops;
         std::vector<std::string> order;
         const json page = json::parse(result.out);
         for (const json& hit : page["hits"]) {
           order.push_back(hit["title"]);
           tops.push_back(hit["salary"].is_null() ? -1.0 : hit["salary"]["annual_max_usd"].get<double>());
         }
         EXPECT_EQ(order, (std::vector<std::string>{"ML Engineer", "Data Engineer", "Data Scientist", "Data Analyst"}));
         EXPECT_TRUE(std::is_sorted(tops.rbegin(), tops.rend())) << json(tops).dump();
         // The text form shows each hit's range, whose top is what it was sorted by.
         Result text = s.Run({"search", "python", "--sort", "salary", "--db", s.db()});
         size_t first = text.out.find("$100k-$200k"), second = text.out.find("$150k-$160k"),
                third = text.out.find("$104k");
         EXPECT_TRUE(first < second && second < third && third != std::string::npos) << text.out;
       }},
      {"UnknownCommandListsTheCommands",
       [](Sandbox& s) {
         Result result = s.Run({"frobnicate"});
         EXPECT_EQ(result.exit_code, 2);
         EXPECT_TRUE(Contains(result.err, "unknown command 'frobnicate'; the commands are: ingest, understand"))
             << result.err;
       }},
      {"UnknownSubcommandListsTheSubcommands",
       [](Sandbox& s) {
         Result salary = s.Run({"salary", "estimat", "--role", "ml_engineer"});
         EXPECT_EQ(salary.exit_code, 2);
         EXPECT_TRUE(Contains(salary.err, "unknown command 'salary estimat'; the commands are: estimate, bands"))
             << salary.err;
         Result token = s.Run({"token", "craete"});
         EXPECT_EQ(token.exit_code, 2);
         EXPECT_TRUE(Contains(token.err, "unknown command 'token craete'; the commands are: create")) << token.err;
       }},
      {"UnderstandWithEmptyStdin",
       [](Sandbox& s) {
         ExpectUsageError(s, {"understand"}, "no posting on standard input");
         std::string blank = s.Write("blank.txt", "  \n\n\t\n");
         Result result = s.Run({"understand"}, {.stdin_path = blank});
         EXPECT_EQ(result.exit_code, 2) << result.err;
         EXPECT_TRUE(result.out.empty());
       }},
      {"UnderstandJsonlBadLineKeepsAlignment",
       [](Sandbox& s) {
         std::string input =
             s.Write("in.jsonl", "{\"title\":\"Data Engineer\"}\n{broken\n{\"title\":\"ML Engineer\"}\n");
         Result result = s.Run({"understand", "--jsonl", "--no-tagger"}, {.stdin_path = input});
         EXPECT_EQ(result.exit_code, 1);
         std::vector<json> rows;
         std::istringstream lines(result.out);
         for (std::string line; std::getline(lines, line);) rows.push_back(json::parse(line));
         ASSERT_EQ(rows.size(), 3u);
         EXPECT_EQ(rows[1]["line"], 2);
         EXPECT_EQ(rows[2]["title"], "ML Engineer");
       }},
      {"SalaryEstimateIsoCountryCodes",
       [](Sandbox& s) {
         for (auto [code, currency] :
              std::vector<std::pair<std::string, std::string>>{{"DE", "EUR"}, {"CA", "CAD"}, {"de", "EUR"}}) {
           Result result = s.Run(
               {"salary", "estimate", "--json", "--role", "ml_engineer", "--level", "senior", "--location", code});
           ASSERT_EQ(result.exit_code, 0) << code << ": " << result.err;
           json estimate = json::parse(result.out);
           std::string upper = code;
           std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
           EXPECT_EQ(estimate["country"], upper) << code;  // CA is Canada, not California
           EXPECT_EQ(estimate["currency"], currency) << code;
         }
       }},
      {"SalaryEstimateUnknownPlace",
       [](Sandbox& s) {
         ExpectUsageError(s, {"salary", "estimate", "--role", "ml_engineer", "--location", "Atlantis"},
                          "cannot tell the country of 'Atlantis'");
       }},
      {"SalaryEstimateUnknownRole",
       [](Sandbox& s) {
         ExpectUsageError(s, {"salary", "estimate", "--role", "astronaut"}, "astronaut");
       }},

      // ---- résumés ----
      {"ProfileEmptyResume", [](Sandbox& s) { ExpectProfileFails(s, s.Write("empty.txt", ""), 2, "empty résumé"); }},
      {"ProfileImageOnlyPdf",
       [](Sandbox& s) {
         ExpectProfileFails(s, s.Write("scan.pdf", match::testing::MakePdf({{"Jane Doe"}}, /*draw_text=*/false)), 1,
                            "no text layer: scanned PDF?");
       }},
      {"ProfileCorruptDocx",
       [](Sandbox& s) {
         ExpectProfileFails(s, s.Write("cv.docx", "PK\x03\x04 not really a zip"), 1, "corrupt Word document");
       }},
      {"ProfileCorruptPdf",
       [](Sandbox& s) {
         ExpectProfileFails(s, s.Write("cv.pdf", "%PDF-1.4\nnothing after the header"), 1, "corrupt PDF");
       }},
      {"ProfileInvalidJson",
       [](Sandbox& s) {
         ExpectProfileFails(s, s.Write("cv.json", "{\"basics\": {\"name\": \"Jane\","), 1, "invalid JSON");
       }},
      {"ProfileDirectory",
       [](Sandbox& s) {
         std::filesystem::create_directories(s.Path("cvs"));
         ExpectProfileFails(s, s.Path("cvs"), 2, "is a directory");
       }},
      {"ProfileMissingFile", [](Sandbox& s) { ExpectProfileFails(s, s.Path("nowhere.pdf"), 1, "no such file"); }},
      {"DuplicateFoundByItsOwnPlaceAndTitle",
       [](Sandbox& s) {
         Fill(s);
         // The Berlin ML Engineer, posted again on another board in Munich under another title: linked.
         json copy = s.Ingest({s.Write("other.csv",
                                       "title,company,location,description,salary,date_posted\n"
                                       "ML Engineer (Zeppelin team),Acme,\"Munich, Germany\","
                                       "Python and scikit-learn models.,$100K-$200K,2024-03-02\n")},
                              {"--source", "otherboard"});
         ASSERT_EQ(copy["counts"]["duplicates"], 1);
         for (const std::vector<std::string>& args : {std::vector<std::string>{"--city", "Munich"}, {"zeppelin"}}) {
           std::vector<std::string> command = {"search", "--json", "--db", s.db()};
           command.insert(command.end(), args.begin(), args.end());
           Result result = s.Run(command);
           ASSERT_EQ(result.exit_code, 0) << result.err;
           json page = json::parse(result.out);
           ASSERT_EQ(page["total"], 1) << args.back();
           ASSERT_EQ(page["hits"].size(), 1u) << args.back();
           EXPECT_EQ(page["hits"][0]["title"], "ML Engineer");
           ASSERT_EQ(page["hits"][0]["also_posted_as"].size(), 1u);
           EXPECT_EQ(page["hits"][0]["also_posted_as"][0]["location"], "Munich, Germany");
         }
         EXPECT_EQ(SearchTotal(s, {"python"}), 4) << "the copy is no posting of its own";
       }},
      {"RankFolderWithOneBadResume",
       [](Sandbox& s) {
         s.Write("cvs/jane.txt", kResume);
         s.Write("cvs/john.docx",
                 match::testing::MakeDocx({"John Roe", "ML Engineer", "2019 - 2023: ML engineer. Python, PyTorch."}));
         s.Write("cvs/broken.docx", "PK\x03\x04 not really a zip");
         s.Write("cvs/.hidden.txt", "");  // hidden files are skipped, not errors
         std::string posting =
             s.Write("posting.txt", "Data Engineer\nPython, Spark and Airflow pipelines; SQL warehouses.\n");
         Result result = s.Run({"rank", posting, "--resumes", s.Path("cvs"), "--json", "--db", s.Path("none.db")});
         EXPECT_EQ(result.exit_code, 1);
         EXPECT_TRUE(Contains(result.err, "broken.docx: corrupt Word document")) << result.err;
         json ranked = json::parse(result.out);
         EXPECT_EQ(ranked["ranked"].size(), 2u);
         ASSERT_EQ(ranked["errors"].size(), 1u);
         EXPECT_TRUE(Contains(ranked["errors"][0]["resume"], "broken.docx"));
         EXPECT_TRUE(Contains(ranked["ranked"][0]["resume"], "jane.txt"));  // the data engineer first
         EXPECT_FALSE(std::filesystem::exists(s.Path("none.db")));
       }},
  };
  return cases;
}

class CommandKind : public testing::TestWithParam<Case> {};

TEST_P(CommandKind, KeepsItsPromise) {
  Sandbox sandbox(GetParam().name);
  GetParam().check(sandbox);
}

INSTANTIATE_TEST_SUITE_P(Robustness, CommandKind, testing::ValuesIn(CommandCases()), CaseName);

}  // namespace
}  // namespace jobscope::robustness
