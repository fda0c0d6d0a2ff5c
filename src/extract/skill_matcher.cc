// Skill matching: a word dictionary for the surface forms that begin with a word byte (nearly all) and one
// vectorscan literal database for the rest, the cue phrases and the other readers' signs; then the rules a
// dictionary needs to be trusted: word boundaries, case for short names, context for names that are also everyday
// words, and longest-match-wins for overlapping forms ("machine learning engineer" vs "machine learning").
#include <algorithm>
#include <array>
#include <optional>

#include <hs/hs.h>

#include "base/strings.h"
#include "extract/extract.h"
#include "extract/internal/coordination.h"
#include "extract/internal/cue_phrases.h"
#include "extract/internal/pattern_cache.h"
#include "extract/internal/requirement_sections.h"
#include "extract/internal/text_signs.h"
#include "extract/internal/verb_objects.h"
#include "extract/internal/word_dictionary.h"

namespace jobscope::extract {
namespace {

struct Hit {
  uint32_t begin;
  uint32_t end;
  uint32_t form;
};

bool IsWordChar(unsigned char c) { return IsSkillWordByte(c); }

// An ambiguous form counts only with a plain skill within this many bytes on the same line.
constexpr uint32_t kContextWindow = 120;

bool BoundaryOk(std::string_view text, const Hit& hit, std::string_view form) {
  unsigned char before = hit.begin > 0 ? static_cast<unsigned char>(text[hit.begin - 1]) : ' ';
  unsigned char after = hit.end < text.size() ? static_cast<unsigned char>(text[hit.end]) : ' ';
  unsigned char first = static_cast<unsigned char>(form.front());
  unsigned char last = static_cast<unsigned char>(form.back());
  if (IsWordChar(first) && IsWordChar(before)) return false;
  if (IsWordChar(last) && IsWordChar(after)) return false;
  // "C" must not be the start of "C++" or "C#"; "R" must not be "R&D"; "Go-to" is not Go.
  if (IsWordChar(last) && (after == '+' || after == '#')) return false;
  if (form.size() <= 2) {
    unsigned char after2 = hit.end + 1 < text.size() ? static_cast<unsigned char>(text[hit.end + 1]) : ' ';
    if (after == '&' || after == '\'' || ((after == '-' || after == '.') && IsWordChar(after2))) return false;
    if (before == '&' || before == '\'' || before == '-' || before == '.' || before == '$') return false;
  }
  return true;
}

// "Full Stack Developer", "DevOps Engineer", "Data Science team": a field named as part of a role or team
// is the job's name, not a skill asked for. Tools and languages stay ("Java Developer" wants Java).
bool NamesARole(std::string_view text, const Hit& hit, taxonomy::Category category) {
  using taxonomy::Category;
  if (category != Category::kKnowledge && category != Category::kMlConcept && category != Category::kDataSkill &&
      category != Category::kMethod && category != Category::kDomain && category != Category::kMath) {
    return false;
  }
  static constexpr std::string_view kRoleNouns[] = {"engineer",   "developer",  "architect", "scientist", "analyst",
                                                    "consultant", "specialist", "team",      "lead",      "manager"};
  size_t pos = hit.end;
  if (pos >= text.size() || text[pos] != ' ') return false;
  ++pos;
  for (std::string_view noun : kRoleNouns) {
    if (StartsWithIgnoreCase(text.substr(pos), noun)) {
      size_t after = pos + noun.size();
      if (after < text.size() && text[after] == 's') ++after;
      if (after >= text.size() || !IsWordChar(static_cast<unsigned char>(text[after]))) return true;
    }
  }
  return false;
}

// "M.S. in Statistics, Computer Science or a related field", "a Computer Science degree": subjects of a
// degree are education, not skills asked for (tests/gold/README.md, "Calls made while labelling"). A hit
// counts as a subject when, on its line, a degree word is followed by "in" and only a list of subjects lies
// between that and the hit; or when "degree" follows the hit directly. "Job Segment:" lines are an ATS's
// category tags, not the job's requirements.
constexpr std::string_view kDegreeWords[] = {"degree", "bachelor",  "master",  "phd",      "ph.d",  "b.s",  "m.s",
                                             "bs/ms",  "ms/phd",    "msc",     "bsc",      "b.sc",  "m.sc", "b.tech",
                                             "m.tech", "doctorate", "diploma", "majoring", "major", "b.a",  "bs",
                                             "ms",     "ba",        "ma",      "mba",      "beng",  "meng"};

// Whether the line [begin, end) of `text` names a degree or is an ATS's "Job Segment:" line, asked once per
// line: most lines name neither, and the per-skill search below cost a tenth of understanding a posting.
struct DegreeLine {
  size_t begin = std::string_view::npos;
  size_t end = 0;                           // the line's '\n' or the text's end
  std::optional<bool> job_segment, degree;  // worked out when first asked
};

// ASCII letters and digits, as IsAsciiAlnum says, as a table.
constexpr auto kAlnumByte = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return table;
}();

// Whether the degree word `length` bytes long found at `at` is a degree cue of its line: read as the line's
// words are (runs of letters, digits and '.' that start with a letter or digit), it begins a word, and a
// short one ends there or at a '.' ("BS", "B.S.", not "bson"). Every degree word has neither a line break nor
// a '/' in it (those with a '/' are only looked for before a subject, below), so this does not depend on
// where the line begins.
bool IsDegreeCue(std::string_view text, size_t at, size_t length) {
  auto byte = [&](size_t pos) { return static_cast<unsigned char>(text[pos]); };
  if (at > 0 && kAlnumByte[byte(at - 1)]) return false;
  size_t before = at;
  while (before > 0 && byte(before - 1) == '.') --before;
  if (before > 0 && before < at && kAlnumByte[byte(before - 1)]) return false;  // "x.bs" is one word
  size_t end = at + length;
  return length > 4 || end >= text.size() || !kAlnumByte[byte(end)];
}

// Whether [begin, end) holds one of the sorted places.
bool AnyIn(const std::vector<uint32_t>& places, size_t begin, size_t end) {
  auto it = std::lower_bound(places.begin(), places.end(), begin);
  return it != places.end() && *it < end;
}

// The degree cues and "job segment" labels of a text, found in the skill scan: the lines of nearly every
// posting hold a field of study, and reading each such line word by word for a degree word had cost a tenth
// of understanding a posting.
struct DegreePlaces {
  std::vector<uint32_t> cues;          // where a degree cue begins (IsDegreeCue)
  std::vector<uint32_t> job_segments;  // where "job segment" begins, any case
};

// Fields of study are knowledge, methods or domains; a language or a product is never a degree's subject.
bool CanBeASubject(taxonomy::Category category) {
  using taxonomy::Category;
  return category == Category::kKnowledge || category == Category::kMlConcept || category == Category::kDataSkill ||
         category == Category::kMethod || category == Category::kDomain || category == Category::kMath;
}

bool NamesADegreeSubject(std::string_view text, const Hit& hit, taxonomy::Category category, DegreeLine& line,
                         const DegreePlaces& places) {
  // Hits come in text order: a hit no further than the end of the line of the one before is on that line (no
  // line break lies between them), and its line's start need not be searched for again (a long line had made
  // that search cost as much as the rest of the filters).
  size_t line_begin;
  if (line.begin != std::string_view::npos && hit.begin >= line.begin && hit.begin <= line.end) {
    line_begin = line.begin;
  } else {
    line_begin = text.rfind('\n', hit.begin == 0 ? 0 : hit.begin - 1);
    line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
    if (hit.begin == 0) line_begin = 0;
  }
  if (line.begin != line_begin) {
    size_t line_end = text.find('\n', hit.begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    line = DegreeLine{line_begin, line_end};
  }
  constexpr size_t kJobSegment = std::string_view("job segment").size();
  if (!line.job_segment) line.job_segment = AnyIn(places.job_segments, line.begin, line.end);
  if (*line.job_segment) {
    size_t window_begin = std::max<size_t>(line_begin, hit.begin > 200 ? hit.begin - 200 : 0);
    if (hit.begin >= window_begin + kJobSegment &&
        AnyIn(places.job_segments, window_begin, hit.begin - kJobSegment + 1)) {
      return true;
    }
  }
  if (!CanBeASubject(category)) return false;
  std::string_view rest = text.substr(hit.end);
  for (std::string_view tail : {" degree", " or related degree", " or a related degree", " degrees", " major"}) {
    if (StartsWithIgnoreCase(rest, tail)) return true;
  }
  if (!line.degree) line.degree = AnyIn(places.cues, line.begin, line.end);
  if (!*line.degree) return false;
  size_t window_begin = std::max<size_t>(line_begin, hit.begin > 200 ? hit.begin - 200 : 0);
  std::string before = AsciiLower(text.substr(window_begin, hit.begin - window_begin));
  size_t cue_end = std::string::npos;
  for (std::string_view word : kDegreeWords) {
    for (size_t at = before.find(word); at != std::string::npos; at = before.find(word, at + 1)) {
      bool left = at == 0 || !IsAsciiAlnum(static_cast<unsigned char>(before[at - 1]));
      size_t next = at + word.size();
      bool right = word.size() > 4 || next >= before.size() || !IsAsciiAlnum(static_cast<unsigned char>(before[next]));
      if (!left || !right) continue;
      if (cue_end == std::string::npos || at + word.size() > cue_end) cue_end = at + word.size();
    }
  }
  if (cue_end == std::string::npos) return false;
  // The subject list starts at the first " in " after the degree word ("degree (BS/MS) in", "PhD. in").
  size_t in = before.find(" in ", cue_end);
  if (in == std::string::npos || in - cue_end > 30) return false;
  std::string_view between = std::string_view(before).substr(cue_end);
  // A list of subjects: no clause of its own in between ("... in CS and 3+ years of experience with Python").
  static constexpr std::string_view kClauseWords[] = {
      "experience", "year",    "with",   "skill",     "knowledge", "using", "proficien", "familiar",
      "background", "ability", "strong", "including", "plus",      ". ",    ";",         ":"};
  for (std::string_view word : kClauseWords) {
    if (between.find(word) != std::string_view::npos) return false;
  }
  return between.size() <= 160;
}

// Names that are also places: "Java" is an island ("East Java", "Java, Indonesia", "the Java Sea").
struct PlaceContext {
  std::string_view skill_id;
  std::array<std::string_view, 3> words_before;  // lowercase, the word right before
  std::array<std::string_view, 4> words_after;   // lowercase, the word right after (past ", ")
};
constexpr PlaceContext kPlaceContexts[] = {
    {"java", {"east", "west", "central"}, {"island", "sea", "indonesia", "bali"}},
};

std::string_view WordBefore(std::string_view text, size_t begin) {
  size_t end = begin;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ',')) --end;
  size_t start = end;
  while (start > 0 && IsAsciiAlnum(static_cast<unsigned char>(text[start - 1]))) --start;
  return text.substr(start, end - start);
}

std::string_view WordAfter(std::string_view text, size_t end) {
  size_t start = end;
  while (start < text.size() && (text[start] == ' ' || text[start] == ',')) ++start;
  size_t stop = start;
  while (stop < text.size() && IsAsciiAlnum(static_cast<unsigned char>(text[stop]))) ++stop;
  return text.substr(start, stop - start);
}

bool NamesAPlace(std::string_view text, const Hit& hit, std::string_view skill_id) {
  for (const PlaceContext& place : kPlaceContexts) {
    if (place.skill_id != skill_id) continue;
    std::string before = AsciiLower(WordBefore(text, hit.begin));
    std::string after = AsciiLower(WordAfter(text, hit.end));
    return std::find(place.words_after.begin(), place.words_after.end(), after) != place.words_after.end() ||
           std::find(place.words_before.begin(), place.words_before.end(), before) != place.words_before.end();
  }
  return false;
}

bool CaseOk(std::string_view text, const Hit& hit, const taxonomy::SurfaceForm& form) {
  if (!form.rule.case_sensitive) return true;
  return text.substr(hit.begin, hit.end - hit.begin) == form.text;
}

enum class SignKind : uint8_t { kWorkMode, kYear, kPay, kDegree, kJobSegment, kJoint, kVerb };

// The degree words without a '/' (IsDegreeCue), and the ATS label.
constexpr auto kDegreeSigns = [] {
  std::array<internal::SignWord, std::size(kDegreeWords) - 2> signs{};
  size_t next = 0;
  for (std::string_view word : kDegreeWords) {
    if (word.find('/') == std::string_view::npos) signs[next++] = {word, true};
  }
  return signs;
}();
constexpr internal::SignWord kJobSegmentSign[] = {{"job segment", true}};

int OnMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int /*flags*/,
            void* context) {
  auto* hits = static_cast<std::vector<Hit>*>(context);
  hits->push_back({0, static_cast<uint32_t>(to), id});
  return 0;
}

// Singular and plural of a form's last word: "code review" is also met as "code reviews", "ML pipelines" as
// "ML pipeline", "statistical analysis" as "statistical analyses". Only caseless forms of several words whose
// last word is four letters or more, of the curated layer: a name ("Spark", "Go") or a short word is left as
// written, and so are the O*NET and ESCO layers, whose plural forms are often the only sense ("joint
// ventures", "tobacco products": the singular is everyday English). The form is scanned for without the
// ending that varies, and a hit counts when one of its endings follows.
enum class Endings : uint8_t { kAsWritten, kNoneOrS, kSOrNone, kNoneOrEs, kIsOrEs, kYOrIes };
constexpr std::string_view kEndingChoices[][2] = {{"", ""},   {"", "s"},    {"s", ""},
                                                  {"", "es"}, {"is", "es"}, {"y", "ies"}};

struct InflectedForm {
  size_t scanned_length;
  Endings endings;
};

InflectedForm Inflect(const taxonomy::SurfaceForm& form, const taxonomy::Skill& skill) {
  const std::string_view text = form.text;
  const size_t space = text.rfind(' ');
  const bool curated = skill.source.find("curated") != std::string::npos;
  if (!curated || form.rule.case_sensitive || form.rule.ambiguous || space == std::string_view::npos)
    return {text.size(), Endings::kAsWritten};
  const std::string_view last = text.substr(space + 1);
  if (text.find(' ') < 3) return {text.size(), Endings::kAsWritten};  // "or tools": its first word is English
  auto letter = [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
  if (last.size() < 4 || !std::all_of(last.begin(), last.end(), letter)) return {text.size(), Endings::kAsWritten};
  auto ends = [&](std::string_view tail) {
    return last.size() >= tail.size() && EqualsIgnoreCase(last.substr(last.size() - tail.size()), tail);
  };
  if (ends("ss") || ends("ch") || ends("sh") || ends("x") || ends("z")) return {text.size(), Endings::kNoneOrEs};
  // A product's name keeps its number ("AWS Step Functions", "Protocol Buffers": "the next step function" is
  // not the product); a concept's is grammar ("data structures", "a data structure").
  const bool is_concept = CanBeASubject(skill.category);
  if (ends("s") && !ends("is"))
    return is_concept ? InflectedForm{text.size() - 1, Endings::kSOrNone}
                      : InflectedForm{text.size(), Endings::kAsWritten};
  if (!is_concept) return {text.size(), Endings::kNoneOrS};
  if (ends("is")) return {text.size() - 2, Endings::kIsOrEs};
  const char before_y = last[last.size() - 2];
  if (ends("y") && std::string_view("aeiouAEIOU").find(before_y) == std::string_view::npos)
    return {text.size() - 1, Endings::kYOrIes};
  return {text.size(), Endings::kNoneOrS};
}

// Where the hit ends with the first of its form's endings that follows it and ends a word; 0 when none does.
uint32_t EndWithEnding(std::string_view text, uint32_t end, Endings endings) {
  for (std::string_view ending : kEndingChoices[static_cast<size_t>(endings)]) {
    if (end + ending.size() > text.size() || !StartsWithIgnoreCase(text.substr(end), ending)) continue;
    const size_t after = end + ending.size();
    if (after < text.size() && IsWordChar(static_cast<unsigned char>(text[after]))) continue;
    return static_cast<uint32_t>(after);
  }
  return 0;
}

// The forms read across a coordination: curated concepts of exactly two words, in any case. Products keep
// their names whole ("Google and Azure Cloud" is not Google Cloud).
bool CoordinatesAcross(const taxonomy::SurfaceForm& form, const taxonomy::Skill& skill) {
  const std::string_view text = form.text;
  const size_t space = text.find(' ');
  return skill.source.find("curated") != std::string::npos && !form.rule.case_sensitive && !form.rule.ambiguous &&
         CanBeASubject(skill.category) && space != std::string_view::npos && space > 0 &&
         text.find(' ', space + 1) == std::string_view::npos && space + 1 < text.size();
}

int CountMatch(unsigned int, unsigned long long, unsigned long long, unsigned int, void* context) {
  ++*static_cast<size_t*>(context);
  return 0;
}

}  // namespace

StatusOr<std::unique_ptr<SkillMatcher>> SkillMatcher::Create(const taxonomy::Taxonomy& taxonomy) {
  const auto& forms = taxonomy.surface_forms();
  if (forms.empty()) return InvalidArgument("taxonomy has no surface forms");
  std::vector<const char*> expressions;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  std::vector<size_t> lengths;
  auto matcher = std::unique_ptr<SkillMatcher>(new SkillMatcher());
  matcher->taxonomy_ = &taxonomy;
  auto coordination = std::make_shared<internal::CoordinationForms>();
  for (uint32_t idx = 0; idx < forms.size(); ++idx) {
    if (CoordinatesAcross(forms[idx], taxonomy.skills()[forms[idx].skill_index])) {
      coordination->Add(forms[idx].text, idx);
    }
  }
  matcher->coordination_forms_ = std::move(coordination);
  auto words = std::make_shared<internal::WordDictionary>();
  for (uint32_t idx = 0; idx < forms.size(); ++idx) {
    const InflectedForm inflected = Inflect(forms[idx], taxonomy.skills()[forms[idx].skill_index]);
    matcher->form_lengths_.push_back(static_cast<uint32_t>(inflected.scanned_length));
    matcher->form_endings_.push_back(static_cast<uint8_t>(inflected.endings));
    // A form that begins with a word byte can only count where a word begins (BoundaryOk): the word
    // dictionary finds it there. One letter ("R", "C") is a word of its own: a literal scan would report
    // every r and c inside words.
    if (IsWordChar(static_cast<unsigned char>(forms[idx].text[0]))) {
      words->Add(std::string_view(forms[idx].text).substr(0, inflected.scanned_length), idx,
                 !forms[idx].rule.case_sensitive);
      continue;
    }
    expressions.push_back(forms[idx].text.data());
    lengths.push_back(inflected.scanned_length);
    flags.push_back(forms[idx].rule.case_sensitive ? 0 : HS_FLAG_CASELESS);
    ids.push_back(idx);
  }
  words->Seal();
  matcher->words_ = std::move(words);
  // The cue phrases ride along in the same scan, with ids after the forms.
  for (const internal::CuePhrase& cue : internal::CuePhrases()) {
    expressions.push_back(cue.text.data());
    lengths.push_back(cue.text.size());
    flags.push_back(HS_FLAG_CASELESS);
    ids.push_back(static_cast<unsigned>(matcher->form_lengths_.size()));
    matcher->form_lengths_.push_back(static_cast<uint32_t>(cue.text.size()));
  }
  // Then the other readers' signs and the degree filter's words, with their kinds.
  auto add_signs = [&](std::span<const internal::SignWord> words, SignKind kind) {
    for (const internal::SignWord& word : words) {
      expressions.push_back(word.text.data());
      lengths.push_back(word.text.size());
      flags.push_back(word.caseless ? HS_FLAG_CASELESS : 0);
      ids.push_back(static_cast<unsigned>(matcher->form_lengths_.size()));
      matcher->form_lengths_.push_back(static_cast<uint32_t>(word.text.size()));
      matcher->sign_kinds_.push_back(static_cast<uint8_t>(kind));
    }
  };
  add_signs(internal::WorkModeSigns(), SignKind::kWorkMode);
  add_signs(internal::YearSigns(), SignKind::kYear);
  add_signs(internal::PaySigns(), SignKind::kPay);
  add_signs(kDegreeSigns, SignKind::kDegree);
  add_signs(kJobSegmentSign, SignKind::kJobSegment);
  add_signs(internal::CoordinationSigns(), SignKind::kJoint);
  matcher->first_verb_pattern_ = static_cast<uint32_t>(matcher->form_lengths_.size());
  add_signs(internal::VerbSigns(), SignKind::kVerb);
  for (std::string_view id : internal::VerbObjectSkillIds()) {
    uint32_t form = kNoForm;
    if (const taxonomy::Skill* skill = taxonomy.FindById(id)) {
      const auto skill_index = static_cast<uint32_t>(skill - taxonomy.skills().data());
      for (uint32_t idx = 0; idx < forms.size() && form == kNoForm; ++idx) {
        if (forms[idx].skill_index == skill_index) form = idx;
      }
    }
    matcher->verb_object_forms_.push_back(form);
  }
  std::string error;
  hs_database_t* database = internal::CompileLiteralsCached({expressions, flags, ids, lengths}, &error);
  if (!database) return Internal("vectorscan could not compile the skill dictionary: " + error);
  matcher->database_ = std::shared_ptr<hs_database>(database, [](hs_database* db) { hs_free_database(db); });
  if (hs_alloc_scratch(database, &matcher->scratch_) != HS_SUCCESS) {
    return Internal("vectorscan could not allocate scratch space");
  }
  return matcher;
}

StatusOr<std::unique_ptr<SkillMatcher>> SkillMatcher::Clone() const {
  auto copy = std::unique_ptr<SkillMatcher>(new SkillMatcher());
  copy->taxonomy_ = taxonomy_;
  copy->database_ = database_;
  copy->form_lengths_ = form_lengths_;
  copy->form_endings_ = form_endings_;
  copy->sign_kinds_ = sign_kinds_;
  copy->coordination_forms_ = coordination_forms_;
  copy->words_ = words_;
  copy->first_verb_pattern_ = first_verb_pattern_;
  copy->verb_object_forms_ = verb_object_forms_;
  if (hs_clone_scratch(scratch_, &copy->scratch_) != HS_SUCCESS) {
    return Internal("vectorscan could not clone scratch space");
  }
  return copy;
}

SkillMatcher::~SkillMatcher() {
  if (scratch_) hs_free_scratch(scratch_);
}

size_t SkillMatcher::ScanOnly(std::string_view text) const {
  size_t count = 0;
  hs_scan(database_.get(), text.data(), static_cast<unsigned>(text.size()), 0, scratch_, CountMatch, &count);
  std::vector<internal::WordDictionary::Match> words;
  words_->Find(text, words);
  return count + words.size();
}

TextScan SkillMatcher::Scan(std::string_view text) const {
  std::vector<Hit> hits;
  hs_scan(database_.get(), text.data(), static_cast<unsigned>(text.size()), 0, scratch_, OnMatch, &hits);
  std::vector<internal::WordDictionary::Match> words;
  words_->Find(text, words);
  for (const auto& word : words) hits.push_back({0, word.end, word.id});
  const auto& forms = taxonomy_->surface_forms();
  const auto cue_table = internal::CuePhrases();
  TextScan scan;
  std::vector<Hit> valid;
  std::vector<CueHit>& cues = scan.cues;
  DegreePlaces degree_places;
  std::vector<uint32_t> joints;  // where " and ", " or ", "/" ... begin
  std::vector<internal::VerbPlace> verbs;
  TextSigns& signs = scan.signs;
  const size_t signs_begin = forms.size() + cue_table.size();
  valid.reserve(hits.size());
  for (Hit hit : hits) {
    hit.begin = hit.end - form_lengths_[hit.form];
    if (hit.form >= signs_begin) {
      switch (static_cast<SignKind>(sign_kinds_[hit.form - signs_begin])) {
        case SignKind::kWorkMode:
          signs.work_mode.push_back(hit.begin);
          break;
        case SignKind::kYear:
          signs.years.push_back(hit.begin);
          break;
        case SignKind::kPay:
          signs.pay.push_back({hit.begin, hit.end});
          break;
        case SignKind::kDegree:
          if (IsDegreeCue(text, hit.begin, hit.end - hit.begin)) degree_places.cues.push_back(hit.begin);
          break;
        case SignKind::kJobSegment:
          degree_places.job_segments.push_back(hit.begin);
          break;
        case SignKind::kJoint:
          joints.push_back(hit.begin);
          break;
        case SignKind::kVerb:
          verbs.push_back({hit.begin, hit.form - first_verb_pattern_});
          break;
      }
      continue;
    }
    if (hit.form >= forms.size()) {
      const internal::CuePhrase& cue = cue_table[hit.form - forms.size()];
      bool left = hit.begin == 0 || !IsWordChar(static_cast<unsigned char>(text[hit.begin - 1]));
      bool right = hit.end >= text.size() || !IsWordChar(static_cast<unsigned char>(text[hit.end]));
      if (left && right) cues.push_back({hit.begin, hit.end, cue.cue});
      continue;
    }
    const taxonomy::SurfaceForm& form = forms[hit.form];
    const auto endings = static_cast<Endings>(form_endings_[hit.form]);
    if (endings != Endings::kAsWritten) {
      hit.end = EndWithEnding(text, hit.end, endings);
      if (hit.end == 0) continue;
    }
    if (!BoundaryOk(text, hit, form.text) || !CaseOk(text, hit, form)) continue;
    valid.push_back(hit);
  }
  // vectorscan reports by end: put each list in order of where its words begin, each place once.
  auto in_order = [](std::vector<uint32_t>& places) {
    std::sort(places.begin(), places.end());
    places.erase(std::unique(places.begin(), places.end()), places.end());
  };
  in_order(signs.work_mode);
  in_order(signs.years);
  in_order(degree_places.cues);
  in_order(degree_places.job_segments);
  in_order(joints);
  std::sort(verbs.begin(), verbs.end(),
            [](const internal::VerbPlace& a, const internal::VerbPlace& b) { return a.begin < b.begin; });
  std::sort(signs.pay.begin(), signs.pay.end(), [](const TextSigns::Span& a, const TextSigns::Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  signs.pay.erase(std::unique(signs.pay.begin(), signs.pay.end(),
                              [](const TextSigns::Span& a, const TextSigns::Span& b) {
                                return a.begin == b.begin && a.end == b.end;
                              }),
                  signs.pay.end());
  // Longest leftmost wins among overlapping forms; then forms that name a role are dropped.
  // Of two forms of one span, one that needs no context wins over one that does (an unambiguous name read
  // here is read here whatever the context), then the first in the taxonomy: never the order of finding.
  std::sort(valid.begin(), valid.end(), [&forms](const Hit& a, const Hit& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    const bool a_ambiguous = forms[a.form].rule.ambiguous, b_ambiguous = forms[b.form].rule.ambiguous;
    if (a_ambiguous != b_ambiguous) return b_ambiguous;
    return a.form < b.form;
  });
  std::vector<Hit> chosen;
  for (const Hit& hit : valid) {
    if (!chosen.empty() && hit.begin < chosen.back().end) continue;
    chosen.push_back(hit);
  }
  DegreeLine degree_line;
  std::erase_if(chosen, [&](const Hit& hit) {
    const taxonomy::Skill& skill = taxonomy_->skills()[forms[hit.form].skill_index];
    return NamesARole(text, hit, skill.category) || NamesAPlace(text, hit, skill.id) ||
           NamesADegreeSubject(text, hit, skill.category, degree_line, degree_places);
  });
  // Ambiguous forms need a plain skill nearby on the same line.
  auto same_line = [&](uint32_t a, uint32_t b) {
    uint32_t lo = std::min(a, b), hi = std::max(a, b);
    return text.substr(lo, hi - lo).find('\n') == std::string_view::npos;
  };
  std::vector<Hit> kept;
  for (size_t idx = 0; idx < chosen.size(); ++idx) {
    const Hit& hit = chosen[idx];
    if (!forms[hit.form].rule.ambiguous) {
      kept.push_back(hit);
      continue;
    }
    bool supported = false;
    for (size_t other = 0; other < chosen.size() && !supported; ++other) {
      const Hit& near = chosen[other];
      if (other == idx || forms[near.form].rule.ambiguous) continue;
      uint32_t gap = near.begin > hit.end ? near.begin - hit.end : (hit.begin > near.end ? hit.begin - near.end : 0);
      supported = gap <= kContextWindow && same_line(hit.begin, near.begin);
    }
    if (supported) kept.push_back(hit);
  }
  // Concepts named once for two words ("model training and deployment"), carried by the word that names
  // them alone, where no other skill was read and the phrase is not a job's or a degree's name.
  const size_t read_whole = kept.size();
  // Whether [begin, end) overlaps one of the first `count` hits kept.
  auto overlaps_kept = [&kept](uint32_t begin, uint32_t end, size_t count) {
    return std::any_of(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(count),
                       [&](const Hit& other) { return other.begin < end && begin < other.end; });
  };
  for (const internal::CoordinatedForm& coordinated : internal::ReadCoordinations(text, joints, *coordination_forms_)) {
    const Hit hit{coordinated.begin, coordinated.end, coordinated.form};
    const bool overlaps = overlaps_kept(hit.begin, hit.end, read_whole);
    const taxonomy::Skill& skill = taxonomy_->skills()[forms[hit.form].skill_index];
    DegreeLine line;
    const Hit phrase{hit.begin, coordinated.phrase_end, hit.form};
    if (overlaps || NamesARole(text, phrase, skill.category) ||
        NamesADegreeSubject(text, hit, skill.category, line, degree_places)) {
      continue;
    }
    kept.push_back(hit);
  }
  // Methods named by a verb and its object ("deploy scalable ML models"), carried by the verb.
  for (const internal::VerbObject& method : internal::ReadVerbObjects(text, verbs)) {
    const uint32_t form = verb_object_forms_[method.rule];
    if (form == kNoForm) continue;
    // Not where any hit so far stands, those read across a coordination too.
    if (!overlaps_kept(method.begin, method.end, kept.size())) kept.push_back({method.begin, method.end, form});
  }
  if (kept.size() > read_whole) {
    std::stable_sort(kept.begin(), kept.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  }
  std::vector<SkillMention>& mentions = scan.skills;
  mentions.reserve(kept.size());
  std::sort(cues.begin(), cues.end(), [](const CueHit& a, const CueHit& b) { return a.begin < b.begin; });
  internal::RequirementTracker requirements(text, cues);
  for (const Hit& hit : kept) {
    const taxonomy::Skill& skill = taxonomy_->skills()[forms[hit.form].skill_index];
    SkillMention mention;
    mention.skill_id = skill.id;
    mention.name = skill.name;
    mention.begin = hit.begin;
    mention.end = hit.end;
    mention.requirement = requirements.At(hit.begin);
    mentions.push_back(std::move(mention));
  }
  return scan;
}

}  // namespace jobscope::extract
