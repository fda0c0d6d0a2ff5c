#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <set>

#include <gtest/gtest.h>
#include <unistd.h>
#include <xxhash.h>

#include "base/strings.h"
#include "index/index.h"
#include "index/internal/words.h"
#include "ingest/ingest.h"
#include "store/store.h"

namespace jobscope::index {
namespace {

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter) word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (!letter && !word.empty()) words.push_back(std::exchange(word, ""));
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

using Fields = std::array<std::vector<std::string>, 3>;  // a posting's terms: title, skills, description

// Whether a posting holds a phrase as the index reads one: its terms one after another within one field,
// except that a stop term (whose positions the index does not keep) may be any word there so long as the
// posting has it somewhere; a phrase with fewer than two other terms only needs all its terms.
bool HoldsPhrase(const Fields& fields, const std::vector<std::string>& terms) {
  auto anywhere = [&](const std::string& term) {
    return std::any_of(fields.begin(), fields.end(), [&](const std::vector<std::string>& field) {
      return std::find(field.begin(), field.end(), term) != field.end();
    });
  };
  if (!std::all_of(terms.begin(), terms.end(), anywhere)) return false;
  std::vector<size_t> checked;
  for (size_t idx = 0; idx < terms.size(); ++idx) {
    if (!internal::IsStopTerm(terms[idx])) checked.push_back(idx);
  }
  if (checked.size() < 2) return true;
  for (const std::vector<std::string>& field : fields) {
    for (size_t start = 0; start + checked.back() - checked.front() < field.size(); ++start) {
      if (std::all_of(checked.begin(), checked.end(),
                      [&](size_t idx) { return field[start + idx - checked.front()] == terms[idx]; }))
        return true;
    }
  }
  return false;
}

// A posting's skills field as the index reads it: each skill once, and a place between two skills that no
// word holds (no phrase runs from one skill name into the next).
std::vector<std::string> SkillTerms(const Posting& posting) {
  std::vector<std::string> terms;
  std::set<std::string> seen;
  for (const SkillMention& mention : posting.understood.skills) {
    if (!seen.insert(mention.skill_id).second) continue;
    for (std::string& term : AnalyzeText(mention.name)) terms.push_back(std::move(term));
    terms.push_back("");
  }
  return terms;
}

Posting Make(const std::string& id, const std::string& title, const std::string& description,
             std::vector<std::string> skills = {}) {
  Posting posting;
  posting.id = id;
  posting.raw.title = title;
  posting.raw.description = description;
  for (const std::string& skill : skills)
    posting.understood.skills.push_back({skill, skill, 0, 0, Requirement::kUnstated});
  return posting;
}

SearchResult Find(const SearchIndex& index, const std::string& text, Filters filters = {}, size_t limit = 10) {
  auto query = ParseQuery(text);
  EXPECT_TRUE(query.ok()) << text;
  SearchRequest request;
  request.query = *query;
  request.filters = std::move(filters);
  request.limit = limit;
  request.facets = true;
  return index.Search(request);
}

std::vector<std::string> Ids(const SearchResult& result) {
  std::vector<std::string> ids;
  for (const Hit& hit : result.hits) ids.push_back(hit.id);
  return ids;
}

class SmallIndex : public testing::Test {
 protected:
  void SetUp() override {
    index_ = SearchIndex::Empty();
    Posting a = Make("a", "Senior NLP Engineer", "Build large language models with PyTorch.", {"pytorch"});
    a.understood.role = Role::kNlpEngineer;
    a.understood.level = Level::kSenior;
    a.understood.remote = RemoteMode::kRemote;
    a.understood.salary.annual_min_usd = 180000;
    a.understood.salary.annual_max_usd = 220000;
    a.raw.date_posted = "2024-05-01";
    a.raw.company = "Acme";
    a.understood.location.country = "US";
    Posting b = Make("b", "Machine Learning Engineer", "Machine learning pipelines in TensorFlow; learning machines.",
                     {"tensorflow"});
    b.understood.role = Role::kMlEngineer;
    b.understood.level = Level::kMid;
    b.understood.salary.annual_min_usd = 120000;
    b.understood.salary.annual_max_usd = 150000;
    b.raw.date_posted = "2024-06-01";
    b.raw.company = "Beta";
    b.understood.location.country = "GB";
    Posting c = Make("c", "Data Scientist Intern", "Learn machine learning; statistics and PyTorch.",
                     {"pytorch", "statistics"});
    c.understood.role = Role::kDataScientist;
    c.understood.level = Level::kIntern;
    c.raw.date_posted = "2024-04-01";
    c.raw.company = "Acme";
    c.understood.location.country = "US";
    for (const Posting& posting : {a, b, c}) index_->Add(posting);
  }
  std::unique_ptr<SearchIndex> index_;
};

TEST_F(SmallIndex, PhrasesRequireTheWordsInOrder) {
  EXPECT_EQ(Ids(Find(*index_, "\"machine learning\" ")), (std::vector<std::string>{"b", "c"}));
  // Stemmed: "learning machines" in b and "Learn machine learning" in c both hold "learn machin".
  EXPECT_EQ(Ids(Find(*index_, "\"learning machine\" ")), (std::vector<std::string>{"b", "c"}));
  EXPECT_TRUE(Find(*index_, "\"pytorch machine\" ").hits.empty());
}

// A stop term's positions are not kept: a phrase steps over it, and asks only that the posting has it.
TEST(StopTermsInPhrases, AreSteppedOver) {
  auto index = SearchIndex::Empty();
  index->Add(Make("of", "Head of Data", "Lead the data team."));
  index->Add(Make("for", "Head for Data", "Lead a team of analysts."));
  index->Add(Make("apart", "Head of Engineering", "Data platform."));
  index->Add(Make("nothing", "Head Data Scientist", "Data and models."));
  std::vector<std::string> head_of_data = Ids(Find(*index, "\"head of data\""));
  std::sort(head_of_data.begin(), head_of_data.end());
  EXPECT_EQ(head_of_data, (std::vector<std::string>{"for", "of"}));
  EXPECT_EQ(Ids(Find(*index, "\"head data\"")), std::vector<std::string>{"nothing"});
  // One word besides stop terms: the posting needs them all, anywhere.
  EXPECT_EQ(Ids(Find(*index, "\"the data\"")), std::vector<std::string>{"of"});
  // A word that would stem to a stop term keeps its own form, and its place in a phrase is checked.
  index->Add(Make("willing", "Engineer", "Willing to relocate."));
  index->Add(Make("will", "Engineer", "We will help you relocate. Talk to us."));
  EXPECT_EQ(Ids(Find(*index, "\"willing to relocate\"")), std::vector<std::string>{"willing"});
}

// A word standing for many terms (a prefix) scores each posting by the best of its terms: the scorer walks
// the common ones side by side and keeps the rare ones in a heap. Every posting's score must be the best of its
// terms' own scores, alone and beside a required word (which makes the search seek), on a market where the
// rare terms share postings and blocks.
TEST(PrefixExpansions, ScoreEachPostingByItsBestTerm) {
  auto index = SearchIndex::Empty();
  std::mt19937 random(11);
  const int kPostings = 3000;
  for (int doc = 0; doc < kPostings; ++doc) {
    std::string text = "dat0 filler";  // dat0 in every posting; dat1-dat3 common; dat4-dat29 rare
    for (int term = 1; term <= 3; ++term) {
      if (random() % (2 * term) == 0) text += " dat" + std::to_string(term);
    }
    for (int term = 4; term < 30; ++term) {
      // Rare terms in runs of nearby postings, so that several meet at one posting.
      if ((doc / 7 + term) % 97 == 0 || random() % 400 == 0) text += " dat" + std::to_string(term);
    }
    for (int repeat = static_cast<int>(random() % 3); repeat > 0; --repeat) text += " dat0";
    if (random() % 9 == 0) text += " zebra";
    if (random() % 300 == 0) text += " yak";  // far apart: a seek passes many rare terms at once
    index->Add(Make("p" + std::to_string(doc), "Posting " + std::to_string(doc % 13), text));
  }
  auto scores_of = [&](const std::string& text) {
    std::map<std::string, double> scores;
    for (const Hit& hit : Find(*index, text, {}, kPostings).hits) scores[hit.id] = hit.score;
    return scores;
  };
  std::map<std::string, double> best;  // the reference: the best of each term's own score
  for (int term = 0; term < 30; ++term) {
    for (const auto& [id, score] : scores_of("dat" + std::to_string(term))) best[id] = std::max(best[id], score);
  }
  auto expect_best = [&](const std::string& query, const std::string& required) {
    const std::map<std::string, double> beside =
        required.empty() ? std::map<std::string, double>{} : scores_of(required);
    std::vector<std::pair<double, std::string>> expected;
    for (const auto& [id, score] : best) {
      if (required.empty()) expected.push_back({score, id});
      if (beside.count(id)) expected.push_back({score + beside.at(id), id});
    }
    const std::map<std::string, double> all = scores_of(query);
    ASSERT_EQ(all.size(), expected.size()) << query;
    for (const auto& [score, id] : expected) EXPECT_NEAR(all.at(id), score, 1e-9) << query << " " << id;
    // The top ten alone, found with the bounds.
    std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    SearchResult top = Find(*index, query);
    ASSERT_EQ(top.hits.size(), std::min<size_t>(10, expected.size())) << query;
    for (size_t rank = 0; rank < top.hits.size(); ++rank)
      EXPECT_NEAR(top.hits[rank].score, expected[rank].first, 1e-9) << query;
  };
  expect_best("dat*", "");
  expect_best("+zebra dat*", "zebra");
  expect_best("+zebra +dat*", "zebra");
  expect_best("+yak dat*", "yak");
}

// A posting's skills are a list, not a sentence: a phrase holds inside one skill name, never across two.
TEST(SkillNamesInPhrases, HoldWithinOneNameOnly) {
  auto index = SearchIndex::Empty();
  index->Add(Make("listed", "Data Engineer", "Build pipelines.", {"Python", "SQL", "machine learning"}));
  index->Add(Make("written", "Data Engineer", "Python SQL skills wanted."));
  EXPECT_EQ(Ids(Find(*index, "\"python sql\"")), std::vector<std::string>{"written"});
  EXPECT_EQ(Ids(Find(*index, "\"sql machine\"")), std::vector<std::string>{});
  EXPECT_EQ(Ids(Find(*index, "\"machine learning\"")), std::vector<std::string>{"listed"});
  std::vector<std::string> both = Ids(Find(*index, "+python +sql"));
  std::sort(both.begin(), both.end());
  EXPECT_EQ(both, (std::vector<std::string>{"listed", "written"}));
}

TEST(StopTerms, AreTheirOwnTerms) {
  for (std::string_view word : {"a", "and", "the", "of", "that", "this", "with", "will", "your", "their", "from"}) {
    EXPECT_TRUE(internal::IsStopTerm(internal::TermOfWord(word))) << word;
  }
  for (std::string_view word : {"it", "us", "or", "data", "go", "r", "c"})
    EXPECT_FALSE(internal::IsStopTerm(word)) << word;
  for (std::string_view word : {"willing", "being", "having", "ours", "yours"}) {
    EXPECT_FALSE(internal::IsStopTerm(internal::TermOfWord(word))) << word;
  }
}

TEST_F(SmallIndex, RequiredAndExcludedTerms) {
  EXPECT_EQ(Ids(Find(*index_, "+pytorch -intern ")), std::vector<std::string>{"a"});
  EXPECT_EQ(Find(*index_, "-pytorch ").total, 1);  // exclusion alone filters everything else
}

TEST_F(SmallIndex, TitleMatchesOutrankDescriptionMatches) {
  EXPECT_EQ(Ids(Find(*index_, "nlp ")).front(), "a");
  auto result = Find(*index_, "scientist statistics ");
  EXPECT_EQ(result.hits.front().id, "c");
}

TEST_F(SmallIndex, PrefixAndTypos) {
  auto prefix = Find(*index_, "tensor*");
  EXPECT_EQ(Ids(prefix), std::vector<std::string>{"b"});
  EXPECT_TRUE(Find(*index_, "tensor").hits.empty());  // a finished word is whole: no "tensor" is indexed
  EXPECT_FALSE(prefix.expanded_terms.empty());
  EXPECT_EQ(Ids(Find(*index_, "tensorflw ")), std::vector<std::string>{"b"});  // one letter missing
  EXPECT_EQ(Ids(Find(*index_, "ptyorch ")).size(), 2u);                        // two letters swapped
  EXPECT_TRUE(Find(*index_, "nlq ").hits.empty());                             // short words need exact spelling
}

TEST_F(SmallIndex, FiltersAndFacets) {
  Filters remote;
  remote.remote = RemoteMode::kRemote;
  EXPECT_EQ(Ids(Find(*index_, "", remote)), std::vector<std::string>{"a"});
  Filters pay;
  pay.min_salary_usd = 200000;  // a's range 180-220k overlaps; b's 120-150k does not; c has none
  EXPECT_EQ(Ids(Find(*index_, "", pay)), std::vector<std::string>{"a"});
  Filters skills;
  skills.skills_all = {"pytorch", "statistics"};
  EXPECT_EQ(Ids(Find(*index_, "", skills)), std::vector<std::string>{"c"});
  Filters any;
  any.skills_any = {"tensorflow", "statistics"};
  EXPECT_EQ(Find(*index_, "", any).total, 2);
  Filters place;
  place.country = "US";
  place.company = "ACME";
  place.posted_from = "2024-04-15";
  EXPECT_EQ(Ids(Find(*index_, "", place)), std::vector<std::string>{"a"});
  Filters nowhere;
  nowhere.city = "Atlantis";
  EXPECT_EQ(Find(*index_, "", nowhere).total, 0);
  auto faceted = Find(*index_, "pytorch ");
  ASSERT_TRUE(faceted.facets.count("company"));
  EXPECT_EQ(faceted.facets["company"][0].value, "acme");
  EXPECT_EQ(faceted.facets["company"][0].count, 2);
  EXPECT_EQ(faceted.facets["skill"][0].value, "pytorch");
}

TEST_F(SmallIndex, SortingAndPages) {
  SearchRequest request;
  request.sort = SortBy::kDate;
  request.limit = 2;
  EXPECT_EQ(Ids(index_->Search(request)), (std::vector<std::string>{"b", "a"}));
  request.offset = 2;
  EXPECT_EQ(Ids(index_->Search(request)), std::vector<std::string>{"c"});
  request.sort = SortBy::kSalary;
  request.offset = 0;
  EXPECT_EQ(Ids(index_->Search(request)), (std::vector<std::string>{"a", "b"}));
}

TEST_F(SmallIndex, MoreLikeThisFindsTheSimilarPostingNotItself) {
  auto similar = index_->MoreLikeThis("b", 2);
  ASSERT_FALSE(similar.hits.empty());
  EXPECT_EQ(similar.hits[0].id, "c");  // machine learning, shared
  for (const Hit& hit : similar.hits) EXPECT_NE(hit.id, "b");
}

TEST(AnalyzeText, UnicodePunctuationSeparatesWordsAsAsciiDoes) {
  // Curly quotes, apostrophe, em dash, bullet, no-break space, ellipsis and a byte-order mark.
  EXPECT_EQ(AnalyzeText("\xEF\xBB\xBFthe \xE2\x80\x9C"
                        "engineer\xE2\x80\x9D team\xE2\x80\x99s\xE2\x80\x94work "
                        "\xE2\x80\xA2\xC2\xA0ml\xE2\x80\xA6"),
            AnalyzeText("the \"engineer\" team's-work * ml..."));
  EXPECT_EQ(AnalyzeText("caf\xC3\xA9 na\xC3\xAFve"), (std::vector<std::string>{"caf\xC3\xA9", "na\xC3\xAFve"}));
}

TEST(ParseQuery, SyntaxErrorsNameTheCharacter) {
  auto unclosed = ParseQuery("nlp \"machine learning");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_EQ(unclosed.status().message(), "unclosed quote at character 5");
  EXPECT_EQ(ParseQuery("+ pytorch").status().message(),
            "'+' at character 1 must be followed by a word or a \"phrase\"");
  EXPECT_FALSE(ParseQuery("a\"b").ok());
  auto query = ParseQuery("+\"deep learning\" -intern pyto", /*typing=*/true);
  ASSERT_TRUE(query.ok());
  ASSERT_EQ(query->clauses.size(), 3u);
  EXPECT_TRUE(query->clauses[0].phrase);
  EXPECT_EQ(query->clauses[1].kind, QueryClause::Kind::kMustNot);
  EXPECT_TRUE(query->clauses[2].prefix);
  EXPECT_FALSE(ParseQuery("pyto ", /*typing=*/true)->clauses[0].prefix);
  // A finished query matches whole words; a trailing * asks for a prefix anywhere.
  EXPECT_FALSE(ParseQuery("nlp pyto")->clauses[1].prefix);
  auto starred = ParseQuery("pyto* nlp");
  ASSERT_TRUE(starred.ok());
  EXPECT_TRUE(starred->clauses[0].prefix);
  EXPECT_EQ(starred->clauses[0].words[0], "pyto");
}

// Brute force: BM25F computed from scratch over every document, top 10 compared with the index's.
// The real postings, `copies` times over (so lists run to many blocks and scores tie across copies).
std::vector<Posting> RealPostings(int copies) {
  const std::string path =
      std::string(JOBSCOPE_SHARED_DATA_DIR) + "/linkedin-aiml-jobs/ai_ml_jobs_linkedin_original.csv";
  std::vector<Posting> postings;
  if (!std::filesystem::exists(path)) return postings;
  for (int copy = 0; copy < copies; ++copy) {
    auto reader = ingest::OpenReader(path, {});
    EXPECT_TRUE(reader.ok());
    ingest::SourceRecord record;
    while ((*reader)->Next(record)) {
      if (!record.posting) continue;
      Posting posting;
      posting.id = std::to_string(postings.size());
      posting.raw = *record.posting;
      postings.push_back(std::move(posting));
    }
  }
  return postings;
}

// Postings that repeat none of each other, as a deduplicated market does: each takes its title and company
// from one real posting and its description from 8-24 sentences of any of them (the shape of
// bench/make_unique_corpus.py). Block score bounds get no help from near-copies side by side.
std::vector<Posting> UniquePostings(size_t count) {
  std::vector<Posting> real = RealPostings(1);
  std::vector<Posting> postings;
  if (real.empty()) return postings;
  std::vector<std::string> sentences;
  for (const Posting& posting : real) {
    const std::string& text = posting.raw.description;
    size_t begin = 0;
    for (size_t pos = 0; pos <= text.size(); ++pos) {
      if (pos < text.size() && text[pos] != '.' && text[pos] != '\n') continue;
      if (pos - begin > 20) sentences.push_back(text.substr(begin, pos - begin + (pos < text.size())));
      begin = pos + 1;
    }
  }
  std::mt19937_64 rng(23);
  for (size_t number = 0; number < count; ++number) {
    Posting posting;
    posting.id = "u" + std::to_string(number);
    const Posting& head = real[rng() % real.size()];
    posting.raw.title = head.raw.title;
    posting.raw.company = real[rng() % real.size()].raw.company;
    for (size_t sentence = 0, n = 8 + rng() % 17; sentence < n; ++sentence)
      posting.raw.description += sentences[rng() % sentences.size()] + " ";
    postings.push_back(std::move(posting));
  }
  return postings;
}

// Top-10 against a brute-force BM25F over every document, for random queries of 1-3 title words, some of
// them required (+) or excluded (-), on copies of the real postings and on unique ones. The index prunes (MaxScore,
// block bounds) or scores its match set directly; either way the ranking must be exactly the exhaustive one. With
// `by_title`, documents are added in title order, as Build adds them: copies side by side, so whole blocks score alike
// and most are passed over by their bounds.
class BruteForceAgreement : public testing::TestWithParam<std::tuple<int, bool>> {};

TEST_P(BruteForceAgreement, TopTenAgreesWithBruteForceBm25fOnRealPostings) {
  const auto [copies, by_title] = GetParam();
  // copies == 0: unique postings, as many as six copies hold.
  std::vector<Posting> postings = copies > 0 ? RealPostings(copies) : UniquePostings(6 * RealPostings(1).size());
  if (postings.empty()) GTEST_SKIP() << "no shared data";
  if (by_title) {
    std::stable_sort(postings.begin(), postings.end(), [](const Posting& a, const Posting& b) {
      return AsciiLower(a.raw.title) < AsciiLower(b.raw.title);
    });
  }
  auto index = SearchIndex::Empty();
  struct Doc {
    std::array<std::map<std::string, int>, 3> tf;
    std::array<double, 3> length{};
  };
  std::vector<Doc> docs;
  std::array<double, 3> total{};
  std::map<std::string, int> df;
  std::vector<std::string> vocabulary;
  for (const Posting& posting : postings) {
    index->Add(posting);
    Doc doc;
    const std::string* fields[3] = {&posting.raw.title, nullptr, &posting.raw.description};
    for (int field : {0, 2}) {
      auto terms = AnalyzeText(*fields[field]);
      doc.length[field] = static_cast<double>(terms.size());
      total[field] += doc.length[field];
      for (const std::string& term : terms) ++doc.tf[field][term];
    }
    std::set<std::string> seen;
    for (int field : {0, 2}) {
      for (const auto& [term, count] : doc.tf[field]) {
        if (seen.insert(term).second) ++df[term];
      }
    }
    docs.push_back(std::move(doc));
    // Query words are sampled from the words people would type (unstemmed), from titles.
    for (const std::string& word : SplitWords(posting.raw.title)) vocabulary.push_back(word);
  }
  const double n = static_cast<double>(docs.size());
  // A clause's score: the best of its terms (a prefix's expansions; one term for a plain word).
  auto score = [&](const Doc& doc, const std::vector<std::vector<std::string>>& clauses) {
    double sum = 0;
    for (const auto& clause_terms : clauses) {
      double best = 0;
      for (const std::string& term : clause_terms) {
        double weighted = 0;
        for (int field = 0; field < 3; ++field) {
          auto it = doc.tf[field].find(term);
          if (it == doc.tf[field].end()) continue;
          double avg = total[field] / n;
          weighted +=
              kBm25f.weights[field] * std::min(it->second, 255) / (1 - kBm25f.b + kBm25f.b * doc.length[field] / avg);
        }
        if (weighted == 0) continue;
        double idf = std::log(1 + (n - df[term] + 0.5) / (df[term] + 0.5));
        best = std::max(best, idf * weighted / (kBm25f.k1 + weighted));
      }
      sum += best;
    }
    return sum;
  };
  std::mt19937_64 rng(11);
  int compared = 0;
  for (int query_idx = 0; query_idx < 200; ++query_idx) {
    std::vector<std::string> words;
    size_t count = 1 + rng() % 3;
    for (size_t word = 0; word < count; ++word) words.push_back(vocabulary[rng() % vocabulary.size()]);
    // Each word an exact clause, the first one in three queries a prefix (cut to half its length, at least 3
    // letters) scored by the best of its expansions; the reference scores the terms the words analyze to and
    // the expansions the index names.
    SearchRequest request;
    std::vector<std::string> terms, required, excluded;
    const bool prefix = query_idx % 3 == 0 && words[0].size() >= 4;
    if (prefix) words[0].resize(std::max<size_t>(3, words[0].size() / 2));
    for (size_t idx = 0; idx < words.size(); ++idx) {
      QueryClause clause;
      clause.words = {words[idx]};
      clause.prefix = prefix && idx == 0;
      uint64_t kind = idx == 0 ? 0 : rng() % 5;  // the first word always scores
      clause.kind = kind == 1   ? QueryClause::Kind::kMust
                    : kind == 2 ? QueryClause::Kind::kMustNot
                                : QueryClause::Kind::kShould;
      request.query.clauses.push_back(clause);
      for (const std::string& term : AnalyzeText(words[idx])) {
        (kind == 2 ? excluded : terms).push_back(term);
        if (kind == 1) required.push_back(term);
      }
    }
    std::vector<std::string> all_terms = terms;
    all_terms.insert(all_terms.end(), excluded.begin(), excluded.end());
    std::sort(all_terms.begin(), all_terms.end());
    all_terms.erase(std::unique(all_terms.begin(), all_terms.end()), all_terms.end());
    if (all_terms.size() != words.size()) continue;  // a word that analyzes to several terms would be a phrase
    request.limit = 10;
    request.facets = true;
    request.facet_fields = {"company", "skill"};
    SearchResult result = index->Search(request);
    std::vector<std::vector<std::string>> scored;  // the positive clauses' terms
    for (const std::string& term : terms) scored.push_back({term});
    if (prefix) {
      if (df.count(scored[0][0]) == 0) scored[0].clear();  // not a word of the index itself
      for (const std::string& expansion : result.expanded_terms) {
        const size_t mark = expansion.find('=');
        if (mark == std::string::npos || expansion.compare(0, words[0].size(), words[0]) != 0) continue;
        if (std::find(scored[0].begin(), scored[0].end(), expansion.substr(mark + 1)) == scored[0].end())
          scored[0].push_back(expansion.substr(mark + 1));
      }
    }
    auto has = [](const Doc& doc, const std::string& term) {
      return std::any_of(doc.tf.begin(), doc.tf.end(), [&](const auto& field) { return field.count(term) > 0; });
    };
    std::vector<std::pair<double, size_t>> reference;
    for (size_t doc = 0; doc < docs.size(); ++doc) {
      if (!std::all_of(required.begin(), required.end(), [&](const std::string& t) { return has(docs[doc], t); }))
        continue;
      if (std::any_of(excluded.begin(), excluded.end(), [&](const std::string& t) { return has(docs[doc], t); }))
        continue;
      double value = score(docs[doc], scored);
      if (value > 0) reference.push_back({value, doc});
    }
    std::sort(reference.begin(), reference.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    ASSERT_EQ(result.total, static_cast<int64_t>(reference.size()))
        << testing::PrintToString(words) << testing::PrintToString(required) << testing::PrintToString(excluded);
    // The company and skill facets: the 20 values with most matches, most first, ties by name. Most
    // companies have too few postings to be kept apart, so this checks the counting that stops at the
    // values' bounds; skills are kept as bitsets, as lists (under 1 in 32 postings) and in the rest.
    auto check_facet = [&](const std::string& facet, auto&& values_of) {
      std::map<std::string, int64_t> per_value;
      for (const auto& [value, doc] : reference) {
        for (const std::string& name : values_of(postings[doc])) ++per_value[name];
      }
      per_value.erase("");
      std::vector<std::pair<std::string, int64_t>> expected(per_value.begin(), per_value.end());
      std::stable_sort(expected.begin(), expected.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      expected.resize(std::min<size_t>(20, expected.size()));
      std::vector<std::pair<std::string, int64_t>> counted;
      for (const FacetValue& value : result.facets[facet]) counted.push_back({value.value, value.count});
      EXPECT_EQ(counted, expected) << facet << " " << testing::PrintToString(words);
    };
    check_facet("company",
                [](const Posting& posting) { return std::set<std::string>{AsciiLower(posting.raw.company)}; });
    check_facet("skill", [](const Posting& posting) {
      std::set<std::string> skills;
      for (const SkillMention& mention : posting.understood.skills) skills.insert(mention.skill_id);
      return skills;
    });
    for (size_t rank = 0; rank < result.hits.size(); ++rank) {
      EXPECT_NEAR(result.hits[rank].score, reference[rank].first, 1e-4 * (1 + reference[rank].first))
          << testing::PrintToString(words) << " rank " << rank;
      if (rank > 0 && reference[rank].first < reference[rank - 1].first - 1e-4) {
        EXPECT_EQ(result.hits[rank].doc, reference[rank].second) << terms[0] << " rank " << rank;
      }
    }
    ++compared;
  }
  EXPECT_GT(compared, 150);
}

// Build reads the store on two threads and in title order; an index built document by document from the
// same postings must answer every query alike: same totals, same scores down the page.
// Copies of the LinkedIn postings: 2 build on one thread, 24 (20,688 postings) in two halves joined.
class SearchIndexBuild : public testing::TestWithParam<int> {};

TEST_P(SearchIndexBuild, FromTheStoreAnswersAsAddingOneByOne) {
  std::vector<Posting> postings = RealPostings(GetParam());
  if (postings.empty()) GTEST_SKIP() << "no shared data";
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("build_" + std::to_string(::getpid()) + "_" + std::to_string(GetParam()) + ".db");
  std::filesystem::remove(path);
  {
    auto store = store::OpenSqliteStore(path.string());
    ASSERT_TRUE(store.ok());
    auto run = (*store)->BeginRun({"linkedin"});
    auto added = SearchIndex::Empty();
    for (const Posting& posting : postings) {
      ASSERT_TRUE((*store)->PutPosting(posting, *run).ok());
      added->Add(posting);
    }
    auto built = SearchIndex::Build(**store, /*include_duplicates=*/true);
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    EXPECT_EQ((*built)->Stats().documents, added->Stats().documents);
    EXPECT_EQ((*built)->Stats().terms, added->Stats().terms);
    // And the built index after a snapshot round trip (a joined list may hold one short block).
    const std::string snapshot = path.string() + ".index";
    ASSERT_TRUE((*built)->SaveSnapshot(snapshot, "s").ok());
    auto reloaded = SearchIndex::LoadSnapshot(snapshot, "s");
    ASSERT_TRUE(reloaded.ok()) << reloaded.status().ToString();
    std::filesystem::remove(snapshot);
    for (const char* text :
         {"machine learning engineer", "data", "\"deep learning\" -intern", "pytho", "nlp research"}) {
      SearchRequest request;
      request.query = *ParseQuery(text);
      request.limit = 20;
      request.facets = true;
      SearchResult b = added->Search(request);
      for (const SearchIndex* index : {built->get(), reloaded->get()}) {
        SearchResult a = index->Search(request);
        ASSERT_EQ(a.total, b.total) << text;
        ASSERT_EQ(a.hits.size(), b.hits.size()) << text;
        for (size_t rank = 0; rank < a.hits.size(); ++rank)
          EXPECT_NEAR(a.hits[rank].score, b.hits[rank].score, 1e-5) << text;
        ASSERT_EQ(a.facets.size(), b.facets.size()) << text;
        for (const auto& [facet, values] : b.facets) {
          std::map<std::string, int64_t> want, got;
          for (const auto& value : values) want[value.value] = value.count;
          for (const auto& value : a.facets.at(facet)) got[value.value] = value.count;
          EXPECT_EQ(got, want) << text << " " << facet;
        }
      }
    }
  }
  std::filesystem::remove(path);
}

INSTANTIATE_TEST_SUITE_P(Copies, SearchIndexBuild, testing::Values(2, 24));

// A posting found through its linked duplicate ranks by its own words too, a phrase among them, though
// phrases beside required words are looked for only where the rest matches.
TEST(PhraseAmongRequiredWords, APostingFoundThroughItsDuplicateKeepsItsOwnPhraseScore) {
  auto index = SearchIndex::Empty();
  index->Add(Make("c", "Machine Learning Engineer", "Models in Go."));
  index->Add(Make("other", "Data Analyst", "Reports in python and SQL."));
  index->Add(Make("third", "Backend Engineer", "Services in Java."));
  Posting duplicate = Make("s", "ML Engineer", "Models in python.");
  duplicate.duplicate_of = "c";
  ASSERT_TRUE(index->AddDuplicate(duplicate));
  const SearchResult phrase_alone = Find(*index, "\"machine learning\"");
  ASSERT_EQ(Ids(phrase_alone), std::vector<std::string>{"c"});
  const SearchResult both = Find(*index, "+python \"machine learning\"");
  ASSERT_EQ(Ids(both), (std::vector<std::string>{"c", "other"}));
  EXPECT_GE(both.hits[0].score, phrase_alone.hits[0].score - 1e-9);
}

// A phrase beside required words or filters is looked for only in the documents matching the rest; an
// or-query's phrase everywhere. The two ways must agree: |P and C| = |P| + |C| - |P or C|, with P a phrase's
// documents and C a word's, for phrases of adjacent title words of the real postings.
TEST(PhraseAmongRequiredWords, AgreesWithThePhraseLookedForEverywhere) {
  std::vector<Posting> postings = RealPostings(2);
  if (postings.empty()) GTEST_SKIP() << "no shared data";
  auto index = SearchIndex::Empty();
  std::vector<std::string> phrases, words;
  for (const Posting& posting : postings) {
    index->Add(posting);
    std::vector<std::string> title = SplitWords(posting.raw.title);
    for (size_t idx = 0; idx + 1 < title.size() && phrases.size() < 400; idx += 3)
      phrases.push_back("\"" + title[idx] + " " + title[idx + 1] + "\"");
    if (!title.empty()) words.push_back(title.back());
  }
  auto total = [&](const std::string& text, const std::string& company = "") {
    SearchRequest request;
    request.query = *ParseQuery(text);
    request.filters.company = company;
    request.limit = 5;
    return index->Search(request).total;
  };
  std::mt19937_64 rng(5);
  int nonempty = 0;
  for (int round = 0; round < 60; ++round) {
    const std::string phrase = phrases[rng() % phrases.size()], word = words[rng() % words.size()];
    const int64_t both = total("+" + phrase + " +" + word);
    EXPECT_EQ(both, total(phrase) + total(word) - total(phrase + " " + word)) << phrase << " " << word;
    EXPECT_EQ(total("+" + word + " -" + phrase), total(word) - both) << phrase << " " << word;
    EXPECT_EQ(total("+" + word + " " + phrase), total(word)) << phrase << " " << word;  // it only scores
    const std::string company = postings[rng() % postings.size()].raw.company;
    EXPECT_EQ(total("+" + phrase, company), total(phrase, company)) << phrase << " at " << company;
    nonempty += both > 0;
  }
  EXPECT_GT(nonempty, 10);
}

// The commonest title phrases of common words keep their documents as sets, read instead of positions. A
// phrase answered from its set, and one of three words narrowed by the sets of its pairs, find exactly the
// postings whose title, skills or description hold the words one after the other, also for postings added
// after the sets were made (they are extended, not made again, until the index doubles).
TEST(KeptPhrases, FindWhatTheWordsInOrderFind) {
  std::vector<Posting> postings = RealPostings(1);
  if (postings.empty()) GTEST_SKIP() << "no shared data";
  auto index = SearchIndex::Empty();
  // And the same index saved with its sets when they were made, loaded, and added to as the first.
  std::unique_ptr<SearchIndex> loaded;
  const std::string snapshot =
      (std::filesystem::temp_directory_path() / ("kept_" + std::to_string(::getpid()) + ".index")).string();
  std::vector<Fields> fields;
  std::map<std::vector<std::string>, int> title_phrases;  // two and three title words in a row
  const size_t first_part = postings.size() * 3 / 5, saved_at = postings.size() * 4 / 5;
  for (const Posting& posting : postings) {
    if (fields.size() == first_part) {
      ASSERT_GT(index->Stats().kept_phrases, 5u);  // the sets are made here
    }
    if (fields.size() == saved_at) {
      ASSERT_TRUE(index->SaveSnapshot(snapshot, "kept").ok());
      auto read = SearchIndex::LoadSnapshot(snapshot, "kept");
      std::filesystem::remove(snapshot);
      ASSERT_TRUE(read.ok()) << read.status().ToString();
      loaded = std::move(*read);
      EXPECT_EQ(loaded->Stats().kept_phrases, index->Stats().kept_phrases);
      EXPECT_EQ(loaded->Stats().phrases_chosen_at, first_part);  // the saved sets, not chosen again
      EXPECT_EQ(index->Stats().phrases_chosen_at, first_part);
    }
    index->Add(posting);
    if (loaded) loaded->Add(posting);
    fields.push_back({AnalyzeText(posting.raw.title), SkillTerms(posting), AnalyzeText(posting.raw.description)});
    const std::vector<std::string> words = SplitWords(posting.raw.title);
    for (size_t idx = 0; idx + 1 < words.size(); ++idx) {
      ++title_phrases[{words[idx], words[idx + 1]}];
      if (idx + 2 < words.size()) ++title_phrases[{words[idx], words[idx + 1], words[idx + 2]}];
    }
  }
  ASSERT_GT(index->Stats().kept_phrases, 5u);
  std::vector<std::pair<int, std::vector<std::string>>> commonest;
  for (const auto& [words, count] : title_phrases) commonest.push_back({count, words});
  std::sort(commonest.begin(), commonest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  int checked_two = 0, checked_three = 0;
  for (const auto& [count, words] : commonest) {
    if ((words.size() == 2 ? checked_two : checked_three) >= 40) continue;
    std::string text;
    for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
    const std::vector<std::string> terms = AnalyzeText(text);
    if (terms.size() != words.size()) continue;
    std::vector<std::string> expected;
    for (size_t doc = 0; doc < postings.size(); ++doc) {
      if (HoldsPhrase(fields[doc], terms)) expected.push_back(postings[doc].id);
    }
    std::sort(expected.begin(), expected.end());
    for (const SearchIndex* searched : {index.get(), loaded.get()}) {
      SearchResult result = Find(*searched, "\"" + text + "\"", {}, postings.size());
      std::vector<std::string> found = Ids(result);
      std::sort(found.begin(), found.end());
      EXPECT_EQ(result.total, static_cast<int64_t>(expected.size())) << text;
      EXPECT_EQ(found, expected) << text;
    }
    ++(words.size() == 2 ? checked_two : checked_three);
  }
  EXPECT_EQ(checked_two, 40);
  EXPECT_GT(checked_three, 20);
}

// A kept phrase is matched by its set and ranked by its words' scorers within it, with their block bounds:
// its documents must score what the phrase scores, the sum of its words' scores, and no other document may
// take a phrase score, alone, beside another word or required beside one; an excluded phrase takes its
// documents away, and a page sorted by date scores by the phrase alone. The reference: every document of
// `+a +b` and of the other word, scored in full, kept to those that hold the phrase (read from the texts).
class KeptPhraseRanking : public testing::TestWithParam<int> {};

TEST_P(KeptPhraseRanking, RankAsTheirWordsInTheirDocuments) {
  // 0: unique postings, as many as six copies hold.
  std::vector<Posting> postings =
      GetParam() > 0 ? RealPostings(GetParam()) : UniquePostings(6 * RealPostings(1).size());
  if (postings.empty()) GTEST_SKIP() << "no shared data";
  auto index = SearchIndex::Empty();
  std::vector<Fields> fields;
  std::map<std::vector<std::string>, int> title_pairs;
  for (const Posting& posting : postings) {
    index->Add(posting);
    fields.push_back({AnalyzeText(posting.raw.title), SkillTerms(posting), AnalyzeText(posting.raw.description)});
    const std::vector<std::string> words = SplitWords(posting.raw.title);
    for (size_t idx = 0; idx + 1 < words.size(); ++idx) ++title_pairs[{words[idx], words[idx + 1]}];
  }
  ASSERT_GT(index->Stats().kept_phrases, 5u);
  std::vector<std::pair<int, std::vector<std::string>>> commonest;
  for (const auto& [words, count] : title_pairs) commonest.push_back({count, words});
  std::sort(commonest.begin(), commonest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  // Every match of a query with its score, by document.
  auto all_scores = [&](const std::string& text) {
    std::map<uint32_t, double> scores;
    for (const Hit& hit : Find(*index, text, {}, postings.size()).hits) scores[hit.doc] = hit.score;
    return scores;
  };
  auto top_ten = [](const std::map<uint32_t, double>& scores) {
    std::vector<std::pair<double, uint32_t>> ranked;
    for (const auto& [doc, score] : scores) ranked.push_back({score, doc});
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (ranked.size() > 10) ranked.resize(10);
    return ranked;
  };
  auto expect_ranked = [&](const std::string& text, const std::map<uint32_t, double>& reference) {
    SearchResult result = Find(*index, text);
    EXPECT_EQ(result.total, static_cast<int64_t>(reference.size())) << text;
    std::vector<std::pair<double, uint32_t>> got;
    for (const Hit& hit : result.hits) got.push_back({hit.score, hit.doc});
    EXPECT_EQ(got, top_ten(reference)) << text;
  };
  int checked = 0;
  for (const auto& [count, words] : commonest) {
    if (checked == 12) break;
    const std::string text = words[0] + " " + words[1];
    const std::vector<std::string> terms = AnalyzeText(text);
    // Only pairs of two words whose positions are kept are kept as sets.
    if (terms.size() != 2 || internal::IsStopTerm(terms[0]) || internal::IsStopTerm(terms[1])) continue;
    std::set<uint32_t> holding;  // documents are numbered in the order they were added
    for (size_t doc = 0; doc < postings.size(); ++doc) {
      if (std::any_of(fields[doc].begin(), fields[doc].end(), [&](const std::vector<std::string>& field) {
            return std::search(field.begin(), field.end(), terms.begin(), terms.end()) != field.end();
          }))
        holding.insert(static_cast<uint32_t>(doc));
    }
    std::map<uint32_t, double> phrase;  // the phrase's documents with the sum of its words' scores
    for (const auto& [doc, score] : all_scores("+" + terms[0] + " +" + terms[1])) {
      if (holding.count(doc)) phrase[doc] = score;
    }
    ASSERT_EQ(phrase.size(), holding.size()) << text;
    expect_ranked("\"" + text + "\"", phrase);
    for (const std::string other : {"python", "remote"}) {
      const std::map<uint32_t, double> word = all_scores(other);
      std::map<uint32_t, double> either = word, both;
      for (const auto& [doc, score] : phrase) {
        either[doc] += score;  // exact: scores sit on a 2^-32 grid
        if (word.count(doc)) both[doc] = score + word.at(doc);
      }
      expect_ranked("\"" + text + "\" " + other, either);
      expect_ranked("+\"" + text + "\" +" + other, both);
      EXPECT_EQ(Find(*index, "+" + other + " -\"" + text + "\"").total, static_cast<int64_t>(word.size() - both.size()))
          << text << " without";
    }
    // Sorted by date, the page's postings are scored by the phrase alone.
    SearchRequest by_date;
    by_date.query = *ParseQuery("\"" + text + "\"");
    by_date.sort = SortBy::kDate;
    by_date.limit = 20;
    SearchResult dated = index->Search(by_date);
    EXPECT_EQ(dated.total, static_cast<int64_t>(phrase.size())) << text;
    for (const Hit& hit : dated.hits) {
      ASSERT_TRUE(phrase.count(hit.doc)) << text;
      EXPECT_EQ(hit.score, phrase.at(hit.doc)) << text;
    }
    ++checked;
  }
  EXPECT_EQ(checked, 12);
}

// One copy of the real postings, six, and as many unique postings.
INSTANTIATE_TEST_SUITE_P(Copies, KeptPhraseRanking, testing::Values(1, 6, 0));

INSTANTIATE_TEST_SUITE_P(Copies, BruteForceAgreement, testing::Combine(testing::Values(0, 1, 6), testing::Bool()));

}  // namespace
}  // namespace jobscope::index

namespace jobscope::index {
namespace {

// An empty index saved and loaded takes postings afterwards as a new one does (its phrases chosen then).
TEST(Snapshots, OfAnEmptyIndexTakeWhatIsAddedLater) {
  std::vector<Posting> postings = RealPostings(1);
  if (postings.empty()) GTEST_SKIP() << "no shared data";
  const std::string path =
      (std::filesystem::temp_directory_path() / ("empty_" + std::to_string(::getpid()) + ".index")).string();
  ASSERT_TRUE(SearchIndex::Empty()->SaveSnapshot(path, "e").ok());
  auto loaded = SearchIndex::LoadSnapshot(path, "e");
  std::filesystem::remove(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  auto fresh = SearchIndex::Empty();
  for (const Posting& posting : postings) {
    (*loaded)->Add(posting);
    fresh->Add(posting);
  }
  EXPECT_EQ((*loaded)->Stats().kept_phrases, fresh->Stats().kept_phrases);
  for (const char* query : {"\"machine learning\"", "\"data scientist\" python", "engineer"}) {
    SearchResult a = Find(**loaded, query), b = Find(*fresh, query);
    EXPECT_GT(b.total, 0) << query;
    EXPECT_EQ(a.total, b.total) << query;
    EXPECT_EQ(Ids(a), Ids(b)) << query;
  }
}

TEST_F(SmallIndex, SnapshotsRoundTripAndKnowTheirStamp) {
  std::string path =
      (std::filesystem::temp_directory_path() / ("snapshot_" + std::to_string(::getpid()) + ".index")).string();
  ASSERT_TRUE(index_->SaveSnapshot(path, "stamp-1").ok());
  auto loaded = SearchIndex::LoadSnapshot(path, "stamp-1");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  for (const char* query : {"\"machine learning\" ", "pytorch -intern ", "tensor", "tensorflw ", ""}) {
    auto original = Find(*index_, query), restored = Find(**loaded, query);
    EXPECT_EQ(Ids(original), Ids(restored)) << query;
    EXPECT_EQ(original.total, restored.total) << query;
    EXPECT_EQ(original.facets.size(), restored.facets.size()) << query;
    for (size_t idx = 0; idx < original.hits.size(); ++idx)
      EXPECT_FLOAT_EQ(original.hits[idx].score, restored.hits[idx].score);
  }
  EXPECT_EQ(SearchIndex::LoadSnapshot(path, "stamp-2").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(SearchIndex::LoadSnapshot(path + ".missing", "stamp-1").status().code(), StatusCode::kNotFound);
  {  // one flipped bit anywhere in the body: the checksum catches it
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(static_cast<std::streamoff>(std::filesystem::file_size(path) * 2 / 3));
    char byte = 0;
    file.read(&byte, 1);
    file.seekp(static_cast<std::streamoff>(std::filesystem::file_size(path) * 2 / 3));
    byte ^= 0x10;
    file.write(&byte, 1);
  }
  EXPECT_EQ(SearchIndex::LoadSnapshot(path, "stamp-1").status().code(), StatusCode::kParseError);
  std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
  EXPECT_EQ(SearchIndex::LoadSnapshot(path, "stamp-1").status().code(), StatusCode::kParseError);
  std::filesystem::remove(path);
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteFileBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A term's document set saved with a document past the last (its bytes otherwise sound, the checksum made
// again) fails the load: a match set would count that document and a search read it.
TEST(Snapshots, RejectATermSetNamingADocumentPastTheLast) {
  auto index = SearchIndex::Empty();
  for (int doc = 0; doc < 200; ++doc) index->Add(Make("p" + std::to_string(doc), "engineer", "builds models"));
  const std::string path =
      (std::filesystem::temp_directory_path() / ("sets_" + std::to_string(::getpid()) + ".index")).string();
  ASSERT_TRUE(index->SaveSnapshot(path, "stamp").ok());
  std::string saved = FileBytes(path);
  ASSERT_TRUE(SearchIndex::LoadSnapshot(path, "stamp").ok());
  // Every term is in all 200 documents, so each keeps a set of four words: three full, then 8 bits.
  const uint64_t words[] = {4, ~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}, 0xFF};
  const std::string set(reinterpret_cast<const char*>(words), sizeof words);
  const size_t at = saved.find(set);
  ASSERT_NE(at, std::string::npos);
  const uint64_t past_the_last = 0x1FF;  // document 200
  std::memcpy(saved.data() + at + sizeof words - 8, &past_the_last, 8);
  const uint64_t checksum = XXH3_64bits(saved.data(), saved.size() - 8);
  std::memcpy(saved.data() + saved.size() - 8, &checksum, 8);
  WriteFileBytes(path, saved);
  EXPECT_EQ(SearchIndex::LoadSnapshot(path, "stamp").status().code(), StatusCode::kParseError);
  std::filesystem::remove(path);
}

// A count in a corrupt snapshot (of terms, of a string's bytes, of an array's items) larger than the file
// could hold fails the load as corrupt; nothing is made that size first.
TEST_F(SmallIndex, SnapshotCountsBeyondTheFileFailTheLoad) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("counts_" + std::to_string(::getpid()) + ".index")).string();
  ASSERT_TRUE(index_->SaveSnapshot(path, "stamp").ok());
  std::string saved = FileBytes(path);
  auto read_u64 = [&](size_t at) {
    uint64_t value = 0;
    std::memcpy(&value, saved.data() + at, sizeof value);
    return value;
  };
  // The layout: magic (8), format (4), the stamp's length (8) and bytes, the count of terms (8), then the
  // first term's length and bytes and the length of its first array (its blocks).
  const size_t terms_at = 8 + 4 + 8 + 5;
  ASSERT_EQ(read_u64(terms_at - 13), 5u);  // the stamp's length, so the offsets are right
  ASSERT_GT(read_u64(terms_at), 0u);
  const size_t first_term_at = terms_at + 8;
  const size_t blocks_at = first_term_at + 8 + read_u64(first_term_at);
  for (size_t at : {terms_at, first_term_at, blocks_at}) {
    for (uint64_t count : {uint64_t{1} << 34, uint64_t{1} << 40, ~uint64_t{0}}) {
      std::string corrupt = saved;
      std::memcpy(corrupt.data() + at, &count, sizeof count);
      WriteFileBytes(path, corrupt);
      auto loaded = SearchIndex::LoadSnapshot(path, "stamp");
      EXPECT_EQ(loaded.status().code(), StatusCode::kParseError) << "count " << count << " at byte " << at;
    }
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace jobscope::index
