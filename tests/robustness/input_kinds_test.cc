// Robustness, inputs: each kind of bad or unusual posting file that `jobscope ingest` meets, one case each.
// Every case checks the exit code, that the message or the quarantine record names the input, row and field,
// that the good records around the bad one were kept, and that read = stored + already present + quarantined
// (Sandbox::Ingest). The table of kinds is in docs/RELIABILITY.md.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "robustness/sandbox.h"

namespace jobscope::robustness {
namespace {

using nlohmann::json;
using Titles = std::vector<std::string>;

// The one quarantine record of `row` (fails the test when there is none).
json RecordOfRow(const Sandbox& sandbox, int64_t row) {
  for (const json& record : sandbox.Quarantine()) {
    if (record["row"] == row) return record;
  }
  ADD_FAILURE() << "no quarantine record for row " << row;
  return json::object();
}

std::string Utf16(const std::string& ascii_or_latin, bool big_endian, bool bom) {
  // The inputs below are UTF-8; each code point here is below U+0800, so this small decoder is enough.
  std::string out;
  auto put = [&](unsigned unit) {
    char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
    out += big_endian ? high : low;
    out += big_endian ? low : high;
  };
  if (bom) put(0xFEFF);
  for (size_t i = 0; i < ascii_or_latin.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(ascii_or_latin[i]);
    if (c < 0x80)
      put(c);
    else
      put(((c & 0x1F) << 6) | (static_cast<unsigned char>(ascii_or_latin[++i]) & 0x3F));
  }
  return out;
}

void CheckUtf16(Sandbox& sandbox, bool big_endian, bool bom) {
  std::string csv = sandbox.Write(
      "utf16.csv",
      Utf16("title,company,location\nMLé Engineer,Acme,Zürich\nData Engineer,Beta,Austin\n", big_endian, bom));
  json summary = sandbox.Ingest({csv});
  EXPECT_EQ(summary["counts"]["stored"], 2);
  EXPECT_EQ(sandbox.Titles(), (Titles{"Data Engineer", "MLé Engineer"}));
  for (const json& posting : sandbox.Postings()) {
    if (posting["company"] == "Acme") {
      EXPECT_EQ(posting["location"], "Zürich");
    }
  }
}

// A pay field that cannot be used: the posting is stored without pay and the quarantine table says why.
void CheckPayDropped(Sandbox& sandbox, const std::string& min, const std::string& max, const std::string& currency,
                     const std::string& field, const std::string& reason) {
  std::string csv = sandbox.Write("pay.csv",
                                  "title,company,salary_min,salary_max,salary_currency,salary_interval\n"
                                  "Pay Engineer,Acme," +
                                      min + "," + max + "," + currency +
                                      ",yearly\n"
                                      "Good Engineer,Beta,100000,120000,USD,yearly\n");
  json summary = sandbox.Ingest({csv});
  EXPECT_EQ(summary["counts"]["stored"], 2);
  EXPECT_EQ(summary["counts"]["quarantined"], 0);
  EXPECT_EQ(summary["pay_dropped"], 1);
  for (const json& posting : sandbox.Postings()) {
    if (posting["title"] == "Pay Engineer") {
      EXPECT_TRUE(posting["salary"].is_null()) << posting["salary"].dump();
    }
    if (posting["title"] == "Good Engineer") {
      EXPECT_EQ(posting["salary"]["annual_max_usd"], 120000.0);
    }
  }
  json note = RecordOfRow(sandbox, 1);
  EXPECT_EQ(note["input"], csv);
  EXPECT_EQ(note["field"], field);
  EXPECT_TRUE(Contains(note["reason"], "pay dropped, posting kept")) << note.dump();
  EXPECT_TRUE(Contains(note["reason"], reason)) << note.dump();
}

const std::vector<Case>& InputCases() {
  static const std::vector<Case> cases = {
      // ---- CSV ----
      {"CsvCrOnlyLineEnds",
       [](Sandbox& s) {
         std::string csv =
             s.Write("cr.csv", "title,company,location\rML Engineer,Acme,Boston\rData Engineer,Beta,Austin\r");
         EXPECT_EQ(s.Ingest({csv})["counts"]["stored"], 2);
         EXPECT_EQ(s.Titles(), (Titles{"Data Engineer", "ML Engineer"}));
       }},
      {"CsvCrlfLineEnds",
       [](Sandbox& s) {
         std::string csv = s.Write("crlf.csv", "title,company\r\nML Engineer,Acme\r\nData Engineer,Beta\r\n");
         EXPECT_EQ(s.Ingest({csv})["counts"]["stored"], 2);
         EXPECT_EQ(s.Titles(), (Titles{"Data Engineer", "ML Engineer"}));  // no stray \r kept
       }},
      {"CsvUtf16LeWithBom", [](Sandbox& s) { CheckUtf16(s, false, true); }},
      {"CsvUtf16LeWithoutBom", [](Sandbox& s) { CheckUtf16(s, false, false); }},
      {"CsvUtf16BeWithBom", [](Sandbox& s) { CheckUtf16(s, true, true); }},
      {"CsvUtf16BeWithoutBom", [](Sandbox& s) { CheckUtf16(s, true, false); }},
      {"CsvTabSeparatedDotCsv",
       [](Sandbox& s) {
         std::string csv = s.Write("tabs.csv", "title\tcompany\tlocation\nML Engineer\tAcme, Inc.\tBoston\n");
         EXPECT_EQ(s.Ingest({csv})["counts"]["stored"], 1);
         EXPECT_EQ(s.Postings().at(0)["company"], "Acme, Inc.");
       }},
      {"CsvSemicolonSeparated",
       [](Sandbox& s) {
         std::string csv = s.Write("semi.csv", "title;company;location\nML Engineer;Acme, Inc.;Boston, MA\n");
         EXPECT_EQ(s.Ingest({csv})["counts"]["stored"], 1);
         json posting = s.Postings().at(0);
         EXPECT_EQ(posting["company"], "Acme, Inc.");
         EXPECT_EQ(posting["location"], "Boston, MA");
       }},
      {"CsvDuplicateHeaderIsAnError",
       [](Sandbox& s) {
         std::string csv = s.Write("dup.csv", "title,company,title\nML Engineer,Acme,Senior ML Engineer\n");
         Result result = s.Run({"ingest", "--db", s.db(), csv});
         EXPECT_EQ(result.exit_code, 2);
         EXPECT_TRUE(Contains(result.err, "columns 1 and 3 are both named 'title'")) << result.err;
         EXPECT_TRUE(Contains(result.err, "--map 'title#N=FIELD'")) << result.err;
       }},
      {"CsvDuplicateHeaderChosenWithMap",
       [](Sandbox& s) {
         std::string csv = s.Write("dup.csv", "title,company,title\nML Engineer,Acme,Senior ML Engineer\n");
         EXPECT_EQ(s.Ingest({csv}, {"--map", "title#2=title"})["counts"]["stored"], 1);
         EXPECT_EQ(s.Titles(), (Titles{"Senior ML Engineer"}));
       }},
      {"CsvDuplicateHeaderNobodyReads",
       [](Sandbox& s) {
         std::string csv = s.Write("dup.csv", "title,notes,notes\nML Engineer,a,b\n");
         EXPECT_EQ(s.Ingest({csv})["counts"]["stored"], 1);  // two unread columns with one name are no ambiguity
       }},
      {"CsvQuoteLeftOpen",
       [](Sandbox& s) {
         std::string csv = s.Write("open.csv",
                                   "title,company\nBefore Engineer,Acme\n\"Open Engineer,Acme\n"
                                   "After Engineer,Beta\nLast Engineer,Gamma\n");
         json summary = s.Ingest({csv});
         EXPECT_EQ(summary["counts"]["quarantined"], 1);
         EXPECT_EQ(s.Titles(), (Titles{"After Engineer", "Before Engineer", "Last Engineer"}));
         json record = RecordOfRow(s, 2);
         EXPECT_EQ(record["input"], csv);
         EXPECT_TRUE(Contains(record["reason"], "never closed")) << record.dump();
       }},
      {"CsvRowWithTooManyFields",
       [](Sandbox& s) {
         std::string csv =
             s.Write("many.csv", "title,company\nGood Engineer,Acme\nWide Engineer,Acme,extra\nNext Engineer,Beta\n");
         EXPECT_EQ(s.Ingest({csv})["counts"]["quarantined"], 1);
         EXPECT_EQ(s.Titles(), (Titles{"Good Engineer", "Next Engineer"}));
         EXPECT_TRUE(Contains(RecordOfRow(s, 2)["reason"], "expected 2 fields, found 3 (line 3)"));
       }},
      {"CsvRowWithTooFewFields",
       [](Sandbox& s) {
         std::string csv =
             s.Write("few.csv",
                     "title,company,location\nGood Engineer,Acme,Boston\nShort Engineer\nNext Engineer,Beta,Austin\n");
         EXPECT_EQ(s.Ingest({csv})["counts"]["quarantined"], 1);
         EXPECT_EQ(s.Titles(), (Titles{"Good Engineer", "Next Engineer"}));
         EXPECT_TRUE(Contains(RecordOfRow(s, 2)["reason"], "expected 3 fields, found 1"));
       }},
      {"CsvEmptyFile",
       [](Sandbox& s) {
         std::string empty = s.Write("empty.csv", "");
         std::string good = s.Write("good.csv", "title\nML Engineer\n");
         json summary = s.Ingest({empty, good}, {}, 1);
         EXPECT_TRUE(Contains(summary["files"][0]["error"], "empty.csv: no header row")) << summary.dump();
         EXPECT_EQ(summary["files"][1]["counts"]["stored"], 1);
       }},
      {"CsvHeaderOnly",
       [](Sandbox& s) {
         json summary = s.Ingest({s.Write("header.csv", "title,company\n")});
         EXPECT_EQ(summary["counts"]["read"], 0);
         EXPECT_FALSE(summary["files"][0].contains("error"));
         EXPECT_EQ(s.Run({"stats", "--db", s.db()}).exit_code, 0);  // an empty store reads
       }},
      {"CsvUtf8ByteOrderMark",
       [](Sandbox& s) {
         json summary = s.Ingest({s.Write("bom.csv", "\xEF\xBB\xBFtitle,company\nML Engineer,Acme\n")});
         EXPECT_EQ(summary["counts"]["stored"], 1);  // "title" is still the title column
         EXPECT_EQ(s.Titles(), (Titles{"ML Engineer"}));
       }},
      {"CsvNulByte",
       [](Sandbox& s) {
         static const char kBytes[] = "title,company\nNul\0Engineer,Acme\nNext Engineer,Beta\n";
         std::string csv = s.Write("nul.csv", std::string(kBytes, sizeof kBytes - 1));
         EXPECT_EQ(s.Ingest({csv})["counts"]["stored"], 2);
         Titles titles = s.Titles();
         ASSERT_EQ(titles.size(), 2u);
         EXPECT_EQ(titles[0], "Next Engineer");
         EXPECT_EQ(titles[1], std::string("Nul\0Engineer", 12));  // kept whole, not cut at the NUL
       }},
      {"CsvTenMegabyteField",
       [](Sandbox& s) {
         std::string description;
         while (description.size() < 10'000'000) description += "Python and SQL pipelines. ";
         std::string csv = s.Write("big.csv", "title,company,description\nBig Engineer,Acme,\"" + description +
                                                  "\"\nSmall Engineer,Beta,Spark\n");
         EXPECT_EQ(s.Ingest({csv})["counts"]["stored"], 2);
         bool found = false;
         for (const json& posting : s.Lines({"postings", "--description"})) {
           if (posting["title"] != "Big Engineer") continue;
           found = true;
           EXPECT_EQ(posting["description"].get<std::string>().size(), description.size());
         }
         EXPECT_TRUE(found);
       }},
      {"CsvHundredMegabyteField",
       [](Sandbox& s) {
         std::string description;
         description.reserve(100'000'100);
         while (description.size() < 100'000'000) description += "Python and SQL pipelines. ";
         std::string csv = s.Write("huge.csv", "title,company,description\nHuge Engineer,Acme,\"" + description +
                                                   "\n\"\"quoted\"\", and a comma\"\nSmall Engineer,Beta,Spark\n");
         description.clear();
         description.shrink_to_fit();
         // Past the 32 MiB a record may hold: one record set aside with the reason, read to its end, and the
         // records around it read as they are.
         json summary = s.Ingest({csv});
         EXPECT_EQ(summary["counts"]["read"], 2);
         EXPECT_EQ(summary["counts"]["stored"], 1);
         EXPECT_EQ(summary["counts"]["quarantined"], 1);
         EXPECT_EQ(s.Titles(), (std::vector<std::string>{"Small Engineer"}));
         std::vector<json> set_aside = s.Quarantine();
         ASSERT_EQ(set_aside.size(), 1u);
         EXPECT_TRUE(Contains(set_aside[0]["reason"], "record longer than 32 MiB")) << set_aside[0].dump();
         EXPECT_EQ(set_aside[0]["row"], 1);
       }},
      {"CsvWindows1252",
       [](Sandbox& s) {
         // "Senior Engineer – Café" and "Société Générale" as Excel saves them: 0x96 is the en dash.
         std::string csv =
             s.Write("cp1252.csv", "title,company\nSenior Engineer \x96 Caf\xE9,Soci\xE9t\xE9 G\xE9n\xE9rale\n");
         json summary = s.Ingest({csv});
         EXPECT_EQ(summary["counts"]["stored"], 1);
         EXPECT_EQ(summary["transcoded"], 1);
         json posting = s.Postings().at(0);
         EXPECT_EQ(posting["title"], "Senior Engineer – Café");
         EXPECT_EQ(posting["company"], "Société Générale");
       }},
      {"CsvBlankLines",
       [](Sandbox& s) {
         json summary =
             s.Ingest({s.Write("blank.csv", "title,company\n\nML Engineer,Acme\n\n\nData Engineer,Beta\n\n")});
         EXPECT_EQ(summary["counts"]["read"], 2);  // blank lines are no records
         EXPECT_EQ(summary["counts"]["stored"], 2);
       }},
      {"CsvNewlinesInsideQuotes",
       [](Sandbox& s) {
         std::string csv =
             s.Write("multi.csv",
                     "title,company,description\nML Engineer,Acme,\"Line one.\nLine two, with a comma.\"\n"
                     "Data Engineer,Beta,Short.\n");
         EXPECT_EQ(s.Ingest({csv})["counts"]["stored"], 2);
         for (const json& posting : s.Lines({"postings", "--description"})) {
           if (posting["title"] == "ML Engineer") {
             EXPECT_EQ(posting["description"], "Line one.\nLine two, with a comma.");
           }
         }
       }},
      {"CsvMissingTitle",
       [](Sandbox& s) {
         std::string csv = s.Write("notitle.csv", "title,company\nML Engineer,Acme\n  ,Beta\nData Engineer,Gamma\n");
         EXPECT_EQ(s.Ingest({csv})["counts"]["quarantined"], 1);
         json record = RecordOfRow(s, 2);
         EXPECT_EQ(record["field"], "title");
         EXPECT_EQ(record["reason"], "missing title");
         EXPECT_EQ(s.Titles(), (Titles{"Data Engineer", "ML Engineer"}));
       }},
      {"CsvNotABoolean",
       [](Sandbox& s) {
         std::string csv = s.Write("remote.csv", "title,is_remote\nML Engineer,maybe\nData Engineer,true\n");
         EXPECT_EQ(s.Ingest({csv})["counts"]["quarantined"], 1);
         json record = RecordOfRow(s, 1);
         EXPECT_EQ(record["field"], "is_remote");
         EXPECT_TRUE(Contains(record["reason"], "not a boolean: 'maybe'"));
       }},
      {"CsvSameRowTwice",
       [](Sandbox& s) {
         json summary = s.Ingest({s.Write("twice.csv", "title,company\nML Engineer,Acme\nML Engineer,Acme\n")});
         EXPECT_EQ(summary["counts"]["stored"], 1);
         EXPECT_EQ(summary["counts"]["already_present"], 1);
         EXPECT_EQ(s.Postings().size(), 1u);
       }},
      {"CsvReingestAddsNothing",
       [](Sandbox& s) {
         std::string csv = s.Write("jobs.csv", "title,company\nML Engineer,Acme\n,Beta\nData Engineer,Gamma\n");
         s.Ingest({csv});
         json again = s.Ingest({csv});
         EXPECT_EQ(again["counts"]["stored"], 0);
         EXPECT_EQ(again["counts"]["already_present"], 2);
         EXPECT_EQ(s.Postings().size(), 2u);
         EXPECT_EQ(s.Quarantine().size(), 1u);  // the same bad row is kept once, not once per run
       }},
      {"TsvFile",
       [](Sandbox& s) {
         json summary = s.Ingest({s.Write("jobs.tsv", "title\tcompany\nML Engineer\tAcme, Inc.\n")});
         EXPECT_EQ(summary["counts"]["stored"], 1);
         EXPECT_EQ(s.Postings().at(0)["company"], "Acme, Inc.");
       }},
      {"CsvMapNamesNoColumn",
       [](Sandbox& s) {
         std::string csv = s.Write("jobs.csv", "name,firm\nML Engineer,Acme\n");
         Result result = s.Run({"ingest", "--db", s.db(), "--map", "job_title=title", csv});
         EXPECT_EQ(result.exit_code, 2);
         EXPECT_TRUE(Contains(result.err, "has no column 'job_title'")) << result.err;
       }},
      {"CsvMapNamesNoField",
       [](Sandbox& s) {
         std::string csv = s.Write("jobs.csv", "name,firm\nML Engineer,Acme\n");
         Result result = s.Run({"ingest", "--db", s.db(), "--map", "name=job_name", csv});
         EXPECT_EQ(result.exit_code, 2);
         EXPECT_TRUE(Contains(result.err, "unknown field 'job_name'")) << result.err;
       }},

      // ---- JSON Lines ----
      {"JsonlBadLineAmongGood",
       [](Sandbox& s) {
         std::string jsonl = s.Write(
             "jobs.jsonl", "{\"title\":\"Data Engineer\"}\n{\"title\": \"Broken\n{\"title\":\"ML Engineer\"}\n");
         EXPECT_EQ(s.Ingest({jsonl})["counts"]["quarantined"], 1);
         EXPECT_EQ(s.Titles(), (Titles{"Data Engineer", "ML Engineer"}));
         json record = RecordOfRow(s, 2);
         EXPECT_EQ(record["input"], jsonl);
         EXPECT_TRUE(Contains(record["reason"], "invalid JSON")) << record.dump();
       }},
      {"JsonlNotAnObject",
       [](Sandbox& s) {
         std::string jsonl = s.Write("jobs.jsonl", "[1,2]\n\"a string\"\n42\n{\"title\":\"ML Engineer\"}\n");
         EXPECT_EQ(s.Ingest({jsonl})["counts"]["quarantined"], 3);
         for (int row = 1; row <= 3; ++row) EXPECT_EQ(RecordOfRow(s, row)["reason"], "expected a JSON object");
         EXPECT_EQ(s.Titles(), (Titles{"ML Engineer"}));
       }},
      {"JsonlHugeNumbers",
       [](Sandbox& s) {
         // Valid JSON whose numbers no double or 64-bit integer holds: the postings are kept, the pay dropped.
         std::string jsonl =
             s.Write("jobs.jsonl",
                     "{\"title\":\"ML Engineer\",\"salary_min\":1e400,\"salary_max\":2e400}\n"
                     "{\"title\":\"Data Engineer\",\"source_id\":123456789012345678901234567890}\n"
                     "{\"title\":\"Small "
                     "Engineer\",\"salary_min\":100000,\"salary_max\":120000,\"salary_currency\":\"USD\"}\n");
         json summary = s.Ingest({jsonl});
         EXPECT_EQ(summary["counts"]["stored"], 3);
         EXPECT_EQ(summary["pay_dropped"], 1);
         json note = RecordOfRow(s, 1);
         EXPECT_EQ(note["field"], "salary_min");
         EXPECT_TRUE(Contains(note["reason"], "pay dropped, posting kept")) << note.dump();
         for (const json& posting : s.Postings()) {
           if (posting["title"] == "ML Engineer") {
             EXPECT_TRUE(posting["salary"].is_null());
           }
           if (posting["title"] == "Small Engineer") {
             EXPECT_EQ(posting["salary"]["max"], 120000.0);
           }
         }
       }},
      {"JsonlDeepNesting",
       [](Sandbox& s) {
         std::string deep = "{\"title\":\"Deep\",\"x\":" + std::string(5000, '[') + std::string(5000, ']') + "}";
         std::string jsonl = s.Write("deep.jsonl", deep + "\n{\"title\":\"After Deep\"}\n");
         EXPECT_EQ(s.Ingest({jsonl})["counts"]["quarantined"], 1);
         EXPECT_TRUE(Contains(RecordOfRow(s, 1)["reason"], "too deep"));
         EXPECT_EQ(s.Titles(), (Titles{"After Deep"}));
       }},
      {"JsonlInvalidUtf8",
       [](Sandbox& s) {
         std::string jsonl = s.Write(
             "bad.jsonl",
             "{\"title\":\"Good Engineer\"}\n{\"title\":\"Bad \xFF\xFE Engineer\"}\n{\"title\":\"Next Engineer\"}\n");
         EXPECT_EQ(s.Ingest({jsonl})["counts"]["quarantined"], 1);
         EXPECT_TRUE(Contains(RecordOfRow(s, 2)["reason"], "not valid UTF-8"));
         EXPECT_EQ(s.Titles(), (Titles{"Good Engineer", "Next Engineer"}));
       }},
      {"JsonlBlankLinesKeepLineNumbers",
       [](Sandbox& s) {
         std::string jsonl = s.Write("gaps.jsonl", "\n{\"title\":\"ML Engineer\"}\n\n   \n{\"title\":\"\"}\n");
         json summary = s.Ingest({jsonl});
         EXPECT_EQ(summary["counts"]["read"], 2);
         EXPECT_EQ(RecordOfRow(s, 5)["reason"], "missing title");  // the row is the file's line
       }},
      {"JsonlNotAJobPosting",
       [](Sandbox& s) {
         std::string jsonl = s.Write(
             "types.jsonl",
             "{\"@type\":\"Organization\",\"title\":\"Acme\"}\n{\"@type\":\"JobPosting\",\"title\":\"ML Engineer\"}\n");
         EXPECT_EQ(s.Ingest({jsonl})["counts"]["quarantined"], 1);
         EXPECT_TRUE(Contains(RecordOfRow(s, 1)["reason"], "'Organization' is not a JobPosting"));
       }},

      // ---- JSON-LD and HTML ----
      {"HtmlUnclosedScript",
       [](Sandbox& s) {
         std::string html =
             s.Write("page.html",
                     "<html><head><script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Lost\"\n"
                     "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Found "
                     "Engineer\"}</script></head></html>\n");
         json summary = s.Ingest({html});
         EXPECT_EQ(summary["counts"]["quarantined"], 1);
         EXPECT_EQ(s.Titles(), (Titles{"Found Engineer"}));
         json record = RecordOfRow(s, 1);
         EXPECT_TRUE(Contains(record["reason"], "unclosed <script> block at byte")) << record.dump();
         EXPECT_TRUE(Contains(record["reason"], "no </script> before the next <script>")) << record.dump();
       }},
      {"HtmlSeveralJobPostings",
       [](Sandbox& s) {
         std::string html =
             s.Write("page.html",
                     "<html><script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"First "
                     "Engineer\"}</script>\n"
                     "<SCRIPT TYPE=\"application/ld+json\">[{\"@type\":\"JobPosting\",\"title\":\"Second Engineer\"},"
                     "{\"@type\":\"JobPosting\",\"title\":\"Third Engineer\"}]</SCRIPT></html>\n");
         EXPECT_EQ(s.Ingest({html})["counts"]["stored"], 3);
         EXPECT_EQ(s.Titles(), (Titles{"First Engineer", "Second Engineer", "Third Engineer"}));
       }},
      {"JsonLdGraph",
       [](Sandbox& s) {
         std::string doc = s.Write(
             "graph.jsonld", R"({"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Acme"},)"
                             R"({"@type":"JobPosting","title":"Graph Engineer","hiringOrganization":{"name":"Acme"}},)"
                             R"({"@type":["JobPosting"],"title":"Graph Two"}]})");
         json summary = s.Ingest({doc});
         EXPECT_EQ(summary["counts"]["read"], 2);  // the Organization is no posting
         EXPECT_EQ(s.Titles(), (Titles{"Graph Engineer", "Graph Two"}));
       }},
      {"JsonEmptyArray",
       [](Sandbox& s) {
         json summary = s.Ingest({s.Write("none.json", "[]")});
         EXPECT_EQ(summary["counts"]["read"], 0);
         EXPECT_FALSE(summary["files"][0].contains("error"));
       }},

      // ---- structured pay ----
      {"PayNegative",
       [](Sandbox& s) { CheckPayDropped(s, "-5000", "-1000", "USD", "salary_min", "not a pay amount: '-5000'"); }},
      {"PayNotANumber",
       [](Sandbox& s) { CheckPayDropped(s, "lots", "more", "USD", "salary_min", "not a number: 'lots'"); }},
      {"PayAbsurd",
       [](Sandbox& s) {
         CheckPayDropped(s, "900000000000", "990000000000", "USD", "salary",
                         "absurd salary: '900000000000 to 990000000000 USD' is 945000000000 USD a year");
       }},
      {"PayAbsurdInUnknownCurrency",
       [](Sandbox& s) { CheckPayDropped(s, "1e308", "1e308", "XYZ", "salary", "a year in XYZ"); }},
      {"PayNaNText",
       [](Sandbox& s) { CheckPayDropped(s, "NaN", "nan", "USD", "salary_min", "not a pay amount: 'NaN'"); }},
      {"PayInfinityText",
       [](Sandbox& s) { CheckPayDropped(s, "Infinity", "-inf", "USD", "salary_min", "not a pay amount: 'Infinity'"); }},
      {"PayJsonLdBaseSalaryNegative",
       [](Sandbox& s) {
         std::string doc = s.Write(
             "pay.jsonld",
             R"({"@type":"JobPosting","title":"Graph Engineer","baseSalary":{"@type":"MonetaryAmount",)"
             R"("currency":"USD","value":{"@type":"QuantitativeValue","minValue":-5,"maxValue":"abc","unitText":"YEAR"}}})");
         json summary = s.Ingest({doc});
         EXPECT_EQ(summary["counts"]["stored"], 1);
         EXPECT_EQ(summary["pay_dropped"], 1);
         EXPECT_TRUE(s.Postings().at(0)["salary"].is_null());
         json note = RecordOfRow(s, 1);
         EXPECT_EQ(note["field"], "baseSalary.value.minValue");
         EXPECT_TRUE(Contains(note["reason"], "not a pay amount: '-5'")) << note.dump();
       }},

      // ---- inputs that cannot be read ----
      {"UnreadableInputNamedFirst",
       [](Sandbox& s) {
         std::string good = s.Write("good.csv", "title\nML Engineer\n");
         std::string missing = s.Path("missing.jsonl");
         Result result = s.Run({"ingest", "--db", s.db(), missing, good});
         EXPECT_EQ(result.exit_code, 1);
         EXPECT_TRUE(Contains(result.err, missing + ": not read: cannot open")) << result.err;
         EXPECT_TRUE(Contains(result.err, "1 of 2 inputs could not be read")) << result.err;
         EXPECT_EQ(s.Titles(), (Titles{"ML Engineer"}));
       }},
      {"DirectoryAsInput",
       [](Sandbox& s) {
         std::string good = s.Write("good.csv", "title\nML Engineer\n");
         for (const char* name : {"folder.csv", "folder.json", "folder"}) {
           std::filesystem::create_directories(s.Path(name));
           json summary = s.Ingest({s.Path(name), good}, {}, 1);
           ASSERT_EQ(summary["files"].size(), 2u) << name;
           EXPECT_TRUE(Contains(summary["files"][0].value("error", ""), "is a directory")) << summary.dump();
           EXPECT_EQ(summary["files"][0]["counts"]["read"], 0);
         }
         EXPECT_EQ(s.Titles(), (Titles{"ML Engineer"}));
       }},
      {"UnknownInputFormat",
       [](Sandbox& s) {
         Result result = s.Run({"ingest", "--db", s.db(), s.Write("jobs.xlsx", "PK")});
         EXPECT_EQ(result.exit_code, 2);
         EXPECT_TRUE(Contains(result.err, "jobs.xlsx: unknown input format (expected .csv")) << result.err;
       }},
  };
  return cases;
}

class InputKind : public testing::TestWithParam<Case> {};

TEST_P(InputKind, KeepsItsPromise) {
  Sandbox sandbox(GetParam().name);
  GetParam().check(sandbox);
}

INSTANTIATE_TEST_SUITE_P(Robustness, InputKind, testing::ValuesIn(InputCases()), CaseName);

}  // namespace
}  // namespace jobscope::robustness
