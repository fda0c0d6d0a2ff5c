// File: extract.h
//
// The extract stage: reads facts out of one posting's text. Skills (the taxonomy's surface forms matched with
// vectorscan, word boundaries, case rules and context disambiguation, and whether each is required or a
// plus), salary (ranges, currencies, periods, annualised USD; funding and bonuses are not pay), seniority
// cues and years of experience, location, remote mode and employment type. Nothing here touches storage.
//
// Thread-safety: SkillMatcher holds vectorscan scratch space, so one instance serves one thread at a time;
// Clone() gives another thread its own. Everything else is a pure function or an immutable table.
//
// Example:
//   JS_ASSIGN_OR_RETURN(auto matcher, SkillMatcher::Create(taxonomy));
//   std::vector<SkillMention> skills = matcher->Find("Must have: Python, PyTorch. Nice to have: CUDA.");
//   SalaryParse pay = ParseSalaryText("$120K-$150K", rates);   // 120000..150000 USD per year
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "model/model.h"
#include "taxonomy/taxonomy.h"

struct hs_database;
struct hs_scratch;
namespace jobscope::extract::internal {
class CoordinationForms;
class WordDictionary;
}  // namespace jobscope::extract::internal

namespace jobscope::extract {

// ---- skills and cue phrases ------------------------------------------------------------------------------

// Phrases found beside the skills that say what a line asks for and on what terms the job is done.
enum class Cue { kNice, kRequired, kNeutral, kRemote, kHybrid, kOnSite, kFullTime, kContract, kPartTime };

struct CueHit {
  uint32_t begin = 0;
  uint32_t end = 0;
  Cue cue = Cue::kNeutral;
};

// Where the description's other readers should look, found in the same pass as the skills (each list's
// words beside its reader, extract/internal/text_signs.h): byte offsets into the scanned text, ascending, each
// place once. A reader given these visits only those places; its answer is the same as without them.
struct TextSigns {
  struct Span {
    uint32_t begin = 0, end = 0;
  };
  std::vector<uint32_t> work_mode;  // where a work-mode anchor begins ("remote", "Hybrid", "on-site", ...)
  std::vector<uint32_t> years;      // where "year" begins, in any case
  std::vector<Span> pay;            // currency signs and codes, words for base pay (by begin)
};

// What one scan of a text finds: skills (text order, non-overlapping, with requirement), cue phrases
// (text order) and the signs the other readers look for.
struct TextScan {
  std::vector<SkillMention> skills;
  std::vector<CueHit> cues;
  TextSigns signs;
};

class SkillMatcher {
 public:
  // Puts every surface form of `taxonomy` into a word dictionary (a form that begins a word) or a vectorscan
  // literal database (the rest, with the cue phrases and signs). The taxonomy must outlive the matcher. Errors:
  // kInternal if vectorscan refuses the patterns.
  static StatusOr<std::unique_ptr<SkillMatcher>> Create(const taxonomy::Taxonomy& taxonomy);
  ~SkillMatcher();
  SkillMatcher(const SkillMatcher&) = delete;
  SkillMatcher& operator=(const SkillMatcher&) = delete;

  // A matcher sharing the compiled database, with its own scratch space, for another thread.
  StatusOr<std::unique_ptr<SkillMatcher>> Clone() const;

  // Skills and cue phrases in `text`, in one pass of each dictionary. Skills are non-overlapping (the longest form
  // wins), with byte offsets into `text` and whether the posting requires each or calls it a plus.
  TextScan Scan(std::string_view text) const;
  // The skills of Scan().
  std::vector<SkillMention> Find(std::string_view text) const { return Scan(text).skills; }

  // The raw scans alone (the word dictionary's hits at word starts and vectorscan's hits, before boundaries
  // and context): the speed floor Find() is measured against. Returns the number of hits.
  size_t ScanOnly(std::string_view text) const;

  const taxonomy::Taxonomy& taxonomy() const { return *taxonomy_; }

 private:
  SkillMatcher() = default;
  const taxonomy::Taxonomy* taxonomy_ = nullptr;
  std::shared_ptr<hs_database> database_;
  hs_scratch* scratch_ = nullptr;
  std::vector<uint32_t> form_lengths_;  // of each pattern as scanned for (a form's without its number ending)
  std::vector<uint8_t> form_endings_;   // by form: which singular and plural endings may follow the pattern
  std::vector<uint8_t> sign_kinds_;     // by pattern id past the forms and the cue phrases
  // The forms that begin with a word byte, found by the word they begin with; vectorscan scans for the rest
  // (".NET"), the cue phrases and the other readers' signs.
  std::shared_ptr<const internal::WordDictionary> words_;
  // The concepts of two words that may be read across "and" / "or" ("model training and deployment").
  std::shared_ptr<const internal::CoordinationForms> coordination_forms_;
  // Methods read from a verb and its object ("deploy scalable ML models"): the pattern id of the first verb,
  // and by rule a form of the rule's skill (kNoForm when the taxonomy lacks it).
  static constexpr uint32_t kNoForm = UINT32_MAX;
  uint32_t first_verb_pattern_ = 0;
  std::vector<uint32_t> verb_object_forms_;
};

// Whether the line `line` (a heading or a sentence) says its skills are required, a plus, or neither;
// `section` is what the enclosing heading said. Exposed for tests.
Requirement RequirementOfLine(std::string_view line, Requirement section, bool* is_heading);

// ---- salary ---------------------------------------------------------------------------------------------

// Rates to USD, dated (data/currency_rates.tsv).
class CurrencyRates {
 public:
  // Errors: kIoError, kParseError (line named).
  static StatusOr<CurrencyRates> Load(const std::string& path);
  static CurrencyRates FromMap(std::map<std::string, double> usd_per_unit, std::string as_of);
  // USD per one unit of `currency` (ISO code); nullopt for an unknown currency.
  std::optional<double> UsdPerUnit(std::string_view currency) const;
  const std::string& as_of() const { return as_of_; }

 private:
  std::map<std::string, double, std::less<>> usd_per_unit_;
  std::string as_of_;
};

// The currency a country pays in (ISO 4217 for an ISO 3166-1 alpha-2 code: "DE" -> "EUR"); empty when
// not known here.
std::string CurrencyOfCountry(std::string_view country_code);

struct SalaryParse {
  std::optional<Salary> salary;   // set when the text states pay
  std::string not_salary_reason;  // otherwise why not: "negotiable", "no amount", "funding, not pay", ...
};

struct SalaryHints {
  std::string default_currency;  // used when the text names none (e.g. "USD" for a US source)
  SalaryPeriod default_period = SalaryPeriod::kUnknown;
  SalarySource source = SalarySource::kStructured;
};

// Parses a salary field: "$120K-$150K", "$55 - $65 per hour", "USD 140,000 to 180,000/yr", "£45k",
// "up to $200k", "$120,000+", "Negotiable", "$53K-$91K (Glassdoor est.)".
SalaryParse ParseSalaryText(std::string_view text, const CurrencyRates& rates, const SalaryHints& hints = {});

// Builds a salary from structured amounts (JobSpy, schema.org), annualised and converted.
Salary SalaryFromAmounts(std::optional<double> min, std::optional<double> max, std::string_view currency,
                         std::string_view interval, const CurrencyRates& rates, std::string text);

// Finds a stated pay range in free text (a posting description), ignoring funding rounds, revenue,
// bonuses alone and other money that is not pay. nullopt when the text states none.
// `signs` (optional): the SkillMatcher's scan of `text`; the search then reads only sentences with a sign of pay.
std::optional<Salary> FindSalaryInText(std::string_view text, const CurrencyRates& rates,
                                       const TextSigns* signs = nullptr);

// Fills period-based annual USD figures; used by both parsers. Exposed for property tests.
void Annualise(Salary& salary, const CurrencyRates& rates);
double PeriodsPerYear(SalaryPeriod period);

// True when annual USD pay is outside what any job pays (below $1,000 or above $5M a year): a data error.
bool IsAbsurdAnnualUsd(double annual_usd);

// ---- seniority ------------------------------------------------------------------------------------------

struct SeniorityCues {
  std::optional<Level> title_level;  // what the title says, if anything
  std::vector<std::string> cues;     // "title:senior", "years:5+", "source:Mid-Senior level"
  std::optional<int> years_min;      // smallest "N+ years" asked for
  std::optional<int> years_max;
};

// `signs` (optional): the SkillMatcher's scan of `description`, whose "year" places are then read.
SeniorityCues FindSeniorityCues(std::string_view title, std::string_view description, const TextSigns* signs = nullptr);
// Level named by a source field such as LinkedIn's experienceLevel ("Entry level", "Mid-Senior level").
std::optional<Level> LevelFromSourceField(std::string_view field);

// ---- location, work mode, employment ---------------------------------------------------------------------

Location ParseLocation(std::string_view text);
// The place a description states under a label near its start ("Location: Austin, TX", "Job Location Sandy,
// UT Start Date ..."), for postings whose location field is empty. Empty when no labelled place is found.
Location LocationStatedIn(std::string_view description);
// The ISO 3166-1 alpha-2 code of a country as a person names it: two letters are a code in any case ("de" is
// Germany, not Delaware), anything longer a name ("Germany", "USA"). Empty when it names no country.
std::string CountryCode(std::string_view code_or_name);
// The source's fields decide first (work type, is_remote, location, title), then the description's cues.
// `description_signs` (optional): the SkillMatcher's scan of raw.description, whose anchors are then read.
RemoteMode DetectRemote(const RawPosting& raw, std::span<const CueHit> description_cues,
                        const TextSigns* description_signs = nullptr);
EmploymentType DetectEmploymentType(const RawPosting& raw, std::span<const CueHit> description_cues);

// ---- the skill-span tagger ------------------------------------------------------------------------------

// A span a tagger found: tokens [first, last] and the bytes they cover.
struct TaggedSpan {
  enum class Kind { kSkill, kKnowledge };
  Kind kind = Kind::kKnowledge;
  size_t first_token = 0, last_token = 0;
  uint32_t begin = 0, end = 0;  // byte offsets into the text (FindSpans) or 0
};

// What unlabelled text says about each frequent word (extract/word_clusters.cc): its class at three
// granularities and its binarised vector, so the span tagger generalises from the words it was trained on
// to words used alike.
struct WordClusterOptions {
  size_t min_count = 5;         // rarer words get nothing
  size_t max_words = 40000;     // the most frequent words are described
  size_t context_words = 1000;  // contexts: the most frequent words, 1 and 2 places left and right
  int dimensions = 64;          // of the SVD word vectors (at most 64: the binarised vector is 64 bits)
  std::array<int, 3> granularities = {32, 128, 512};
  int kmeans_iterations = 25;
  uint64_t seed = 29;
};

class WordClusters {
 public:
  static constexpr int kLevels = 3;
  static constexpr int kMaxDimensions = 64;
  struct Word {
    std::array<uint16_t, kLevels> classes{};
    // Each vector dimension binarised (Guo et al. 2014): bit d of `high` when the word's value is at least
    // the mean of the dimension's positive values, of `low` when at most the mean of its negative values.
    uint64_t high = 0, low = 0;
  };
  // Deterministic for the same texts and options.
  static WordClusters Learn(const std::vector<std::string>& texts, const WordClusterOptions& options);
  // Errors: kParseError naming `name`.
  static StatusOr<WordClusters> Parse(std::string_view bytes, const std::string& name);
  std::string Serialize() const;

  // The form words are described under: ASCII-lowercased, digits as '0'.
  static std::string Normalize(std::string_view token);
  // The word's description, or null for a word too rare to have one. `normalized_word` as Normalize makes.
  const Word* Find(std::string_view normalized_word) const;
  size_t size() const { return words_.size(); }
  bool empty() const { return words_.empty(); }

 private:
  std::unordered_map<uint64_t, Word> words_;  // by the word's StableHash64
};

// One training sentence: tokens and their tags (0 O, 1 B-skill, 2 I-skill, 3 B-knowledge, 4 I-knowledge).
struct TaggedSentence {
  std::vector<std::string> tokens;
  std::vector<int> tags;
};

struct TaggerTrainOptions {
  int epochs = 40;  // chosen on the SkillSpan dev split (25: 0.448, 40: 0.454, 60: 0.453)
  uint64_t seed = 13;
  // The cost of each wrongly labelled token: training decodes with it added to every wrong state
  // (loss-augmented decoding) and steps by the passive-aggressive rule (Crammer et al. 2006) towards a
  // margin of that cost. 1 was best on dev (0.5: 0.444, 0.75: 0.448, 1.25: 0.452, 2: 0.432).
  float cost = 1.0f;
};

// A linear-chain sequence tagger (averaged structured perceptron with passive-aggressive steps, Viterbi
// decoding) over word, shape, affix, context, position, taxonomy-dictionary and word-class features. Learns skill and
// knowledge spans the way SkillSpan annotates them, beyond what the dictionary holds. Thread-safety: Tag() uses the
// dictionary matcher's scratch space and keeps each word's summed scores: one thread at a time.
class SpanTagger {
 public:
  static constexpr int kTags = 5;
  ~SpanTagger();
  // `dictionary` (may be null) supplies the dictionary features; it must outlive the tagger.
  // `classes` (may be empty) supply word-class features; the tagger keeps them and saves them with itself.
  static std::unique_ptr<SpanTagger> Train(const std::vector<TaggedSentence>& sentences, const SkillMatcher* dictionary,
                                           const TaggerTrainOptions& options, WordClusters classes = {});
  // Errors: kIoError, kParseError (wrong format or version).
  static StatusOr<std::unique_ptr<SpanTagger>> Load(const std::string& path, const SkillMatcher* dictionary);
  Status Save(const std::string& path) const;

  std::vector<int> Tag(const std::vector<std::string>& tokens) const;
  // Tokenizes `text` (words, with punctuation split off) and returns the spans the tagger finds in it.
  std::vector<TaggedSpan> FindSpans(std::string_view text) const;
  // The spans a tag sequence describes (an I without a B starts a span).
  static std::vector<TaggedSpan> SpansOf(const std::vector<int>& tags);

 private:
  SpanTagger() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads a SkillSpan CoNLL file (token, skill BIO, knowledge BIO). Errors: kIoError, kParseError (line named).
StatusOr<std::vector<TaggedSentence>> ReadSkillSpanConll(const std::string& path);

// Splits text into tokens as SkillSpan does: whitespace-separated words with leading and trailing
// punctuation split off; each token with its byte offsets.
std::vector<std::pair<uint32_t, uint32_t>> TokenizeForTagging(std::string_view text);

// The sentences the tagger reads `tokens` (from TokenizeForTagging) in, as [first, last) token ranges: one
// ends at a sentence-final mark, a line break or 80 tokens. The tagger was trained on sentences, and its
// position and sentence features mean nothing over a whole posting.
std::vector<std::pair<size_t, size_t>> TaggingSentences(std::string_view text,
                                                        const std::vector<std::pair<uint32_t, uint32_t>>& tokens);

// ---- identity -------------------------------------------------------------------------------------------

// A posting's id, stable across re-ingests: the source's own id or URL when given, else a hash of the
// normalised title, company, location and text (DESIGN.md). 16 hex digits.
std::string StablePostingId(const RawPosting& raw);
// Equal for postings of the same job on different boards: normalised title + company + city.
std::string DuplicateKey(const RawPosting& raw, const Location& location);

}  // namespace jobscope::extract
