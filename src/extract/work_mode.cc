// Remote / hybrid / on-site and employment type, from the source's own fields first, then what the
// description says about this job, read sentence by sentence.
#include <algorithm>
#include <array>

#include "base/strings.h"
#include "extract/extract.h"
#include "extract/internal/text_signs.h"

namespace jobscope::extract {
namespace {

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool Contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

bool ContainsAny(std::string_view text, std::span<const std::string_view> parts) {
  return std::any_of(parts.begin(), parts.end(), [&](std::string_view part) { return Contains(text, part); });
}

// The word after position `pos` (lowercase text), skipping one '-' or spaces: "remote-first" -> "first".
std::string_view NextWord(std::string_view lower, size_t pos) {
  while (pos < lower.size() && (lower[pos] == ' ' || lower[pos] == '-')) ++pos;
  size_t end = pos;
  while (end < lower.size() && IsLetter(lower[end])) ++end;
  return lower.substr(pos, end - pos);
}

bool IsOneOf(std::string_view word, std::span<const std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// "remote" naming a thing rather than a way of working: "remote sensing", "remote teams", "remote access".
constexpr std::string_view kRemoteThings[] = {
    "sensing",    "sensor",      "sensors",    "team",      "teams",       "teammates",     "colleagues", "employees",
    "workers",    "workforce",   "monitoring", "access",    "control",     "controlled",    "desktop",    "server",
    "servers",    "device",      "devices",    "patient",   "patients",    "support",       "procedure",  "procedures",
    "operation",  "operations",  "operated",   "pilot",     "pilots",      "vehicle",       "vehicles",   "sites",
    "areas",      "communities", "learning",   "health",    "care",        "collaboration", "culture",    "meetings",
    "interviews", "interview",   "onboarding", "cameras",   "diagnostics", "execution",     "management", "locations",
    "regions",    "offices",     "hires",      "staff",     "presence",    "presences",     "piloted",    "operated",
    "controlled", "accessible",  "accessed",   "monitored", "managed",     "parts",         "part",       "corners",
    "villages",   "island",      "islands",    "rural",     "terrain",     "field"};
// "the most remote parts", "very remote areas".
constexpr std::string_view kRemoteDegree[] = {"most", "more", "very", "extremely", "even", "relatively"};

// "hybrid" naming a technique: "hybrid cloud", "hybrid search", "hybrid models".
constexpr std::string_view kHybridThings[] = {"cloud",
                                              "clouds",
                                              "search",
                                              "retrieval",
                                              "architecture",
                                              "architectures",
                                              "approach",
                                              "approaches",
                                              "system",
                                              "systems",
                                              "algorithm",
                                              "algorithms",
                                              "quantum",
                                              "vehicle",
                                              "vehicles",
                                              "ai",
                                              "ml",
                                              "modeling",
                                              "modelling",
                                              "models",
                                              "methods",
                                              "methodologies",
                                              "solutions",
                                              "data",
                                              "databases",
                                              "apps",
                                              "app",
                                              "mobile",
                                              "integration",
                                              "infrastructure",
                                              "environments",
                                              "deployments",
                                              "networks",
                                              "recommender",
                                              "recommendation",
                                              "rag",
                                              "pipelines",
                                              "simulation",
                                              "techniques",
                                              "storage",
                                              "it",
                                              "modalities",
                                              "modality",
                                              "materials",
                                              "molecules",
                                              "assays",
                                              "cells",
                                              "electric",
                                              "powertrain",
                                              "engine",
                                              "engines",
                                              "seeds",
                                              "vigor",
                                              "composites",
                                              "imaging"};

// "on-site" states the terms when it ends the phrase or is followed by where and how ("onsite in Austin",
// "on-site position", "onsite, 5 days"); before another noun it names an amenity or an event ("onsite gym",
// "onsite flu shots", "onsite collaboration sessions", "onsite recruiters").
constexpr std::string_view kOnSiteTermsNext[] = {
    "at",     "in",      "position",    "positions",   "role",   "roles", "job",     "opportunity", "only",
    "basis",  "work",    "working",     "from",        "with",   "every", "daily",   "five",        "each",
    "monday", "mondays", "requirement", "presence",    "and",    "or",    "is",      "for",         "to",
    "days",   "day",     "schedule",    "environment", "hybrid", "team",  "contract"};
constexpr std::string_view kOnSiteTermsBefore[] = {"work",  "working",   "be",      "being",    "is",
                                                   "are",   "fully",     "100%",    "required", "located",
                                                   "based", "primarily", "entirely"};

std::string_view PreviousWord(std::string_view lower, size_t pos) {
  while (pos > 0 && lower[pos - 1] == ' ') --pos;
  size_t begin = pos;
  while (begin > 0 && lower[begin - 1] != ' ' && lower[begin - 1] != '\n') --begin;
  return lower.substr(begin, pos - begin);
}

bool IsWordStart(std::string_view lower, size_t pos) { return pos == 0 || !IsLetter(lower[pos - 1]); }

// Each "remote" at a word start that is not followed by a thing it names.
template <typename Visit>
void ForEachRemoteWord(std::string_view lower, Visit visit) {
  for (size_t pos = lower.find("remote"); pos != std::string_view::npos; pos = lower.find("remote", pos + 6)) {
    if (!IsWordStart(lower, pos)) continue;
    size_t end = pos + 6;
    if (lower.substr(end, 2) == "ly") end += 2;
    if (end < lower.size() && IsLetter(lower[end])) continue;
    std::string_view previous = PreviousWord(lower, pos);
    bool fully = previous == "fully" || previous == "100%" || previous == "completely" || previous == "entirely";
    if (!fully && (IsOneOf(NextWord(lower, end), kRemoteThings) || IsOneOf(previous, kRemoteDegree))) continue;
    visit(pos, end);
  }
}

bool HasRemoteWord(std::string_view lower) {
  bool found = false;
  ForEachRemoteWord(lower, [&](size_t, size_t) { found = true; });
  return found;
}

std::optional<RemoteMode> RemoteFromWords(std::string_view text) {
  std::string lower = AsciiLower(text);
  if (lower.find("hybrid") != std::string::npos) return RemoteMode::kHybrid;
  // "Remote Sensing Scientist" names a field, not a way of working.
  if (HasRemoteWord(lower) || lower.find("work from home") != std::string::npos ||
      lower.find("telecommute") != std::string::npos) {
    return RemoteMode::kRemote;
  }
  if (lower.find("on-site") != std::string::npos || lower.find("onsite") != std::string::npos ||
      lower.find("on site") != std::string::npos || lower.find("in office") != std::string::npos ||
      lower.find("in-office") != std::string::npos) {
    return RemoteMode::kOnSite;
  }
  return std::nullopt;
}

// ---- the description ------------------------------------------------------------------------------------

// What one sentence says about how this job is done. Strength 2: it states the job's terms ("This role is
// remote", "hybrid, 3 days in office", "onsite in Austin"); 1: it allows or leans ("open to remote",
// "spend most of the week in the office").
struct Claim {
  RemoteMode mode = RemoteMode::kUnknown;
  int strength = 0;
};

// Sentences that talk about work mode but not as this job's terms: perks, pay notes, conditionals, EEO text.
constexpr std::string_view kNotTheTerms[] = {"stipend",
                                             "allowance",
                                             "reimburs",
                                             "lunch",
                                             "meals",
                                             "snack",
                                             "catered",
                                             "gym",
                                             "perk",
                                             "discount",
                                             "flexibility",
                                             "for roles that",
                                             "for remote roles",
                                             "if you're",
                                             "if you are",
                                             "if the role",
                                             "if this role",
                                             "pay range",
                                             "salary range",
                                             "base pay",
                                             "localized",
                                             "equal opportunity",
                                             "accommodation",
                                             "client site",
                                             "customer site",
                                             "customer's site",
                                             "client's site",
                                             "other roles",
                                             "our other",
                                             "stipends",
                                             "budget",
                                             "office 365",
                                             "office suite",
                                             "microsoft office",
                                             "ms office",
                                             "flexible work",
                                             "flexibly",
                                             "discriminat",
                                             "harass",
                                             "social events",
                                             "team events",
                                             "company events",
                                             "events onsite",
                                             "events on-site"};

// Words that make a remote statement a permission rather than the terms.
constexpr std::string_view kAllowing[] = {"open to remote", "remote-friendly",     "remote friendly", "remote possible",
                                          "remote option",  "remote is an option", "can be remote",   "could be remote",
                                          "may be remote",  "exceptional",         "considered",      "may be",
                                          "might",          "remote work options", "remote eligible", "remote-eligible",
                                          "occasional"};

constexpr std::string_view kNotRemote[] = {"not remote",         "not a remote",      "no remote",
                                           "non-remote",         "not fully remote",  "not eligible for remote",
                                           "not open to remote", "not a fully remote"};

constexpr std::string_view kOffice[] = {"in-office",       "in office",       "in the office", "into the office",
                                        "to the office",   "at the office",   "in our office", "at our office",
                                        "from our office", "from the office", "onsite",        "on-site",
                                        "on site",         "in-person",       "in person"};

// The office as the job's place, with a verb that says so; "in our office" alone may be EEO text.
constexpr std::string_view kOfficeTerms[] = {
    "fully in-office",         "fully in office",         "in-office role",     "in-office position",
    "in-office job",           "100% in office",          "100% in-office",     "in the office full-time",
    "in the office full time", "in the office every day", "in office every day"};
constexpr std::string_view kOfficeLeaning[] = {
    "work in the office",      "working in the office",  "work from the office",  "work from our office",
    "working from the office", "work in our office",     "work at our office",    "work at the office",
    "work out of our office",  "work out of the office", "in-office work",        "in-office schedule",
    "come into the office",    "come to the office",     "come in to the office", "be in the office",
    "report to the office",    "week in the office",     "in-office presence",    "in office presence",
    "being in the office"};

constexpr std::string_view kHome[] = {"remote", "work from home", "working from home", "wfh", "telecommut"};

// Counts of days or weeks in the office or at home: "3 days a week in office", "in-office 5 days",
// "come in 3x a week", "two Anchor Days", "work from home 5 days every 2 weeks".
std::optional<Claim> DaysClaim(std::string_view unit) {
  static constexpr std::array<std::string_view, 8> kCounts = {"zero", "one",  "two", "three",
                                                              "four", "five", "six", "seven"};
  for (size_t pos = 0; pos < unit.size(); ++pos) {
    if (!IsWordStart(unit, pos) || (pos > 0 && unit[pos - 1] >= '0' && unit[pos - 1] <= '9')) continue;
    int count = -1;
    size_t end = pos;
    if (unit[pos] >= '1' && unit[pos] <= '7' &&
        (pos + 1 == unit.size() || !(unit[pos + 1] >= '0' && unit[pos + 1] <= '9'))) {
      count = unit[pos] - '0';
      end = pos + 1;
    } else {
      for (size_t idx = 1; idx < kCounts.size(); ++idx) {
        if (unit.substr(pos, kCounts[idx].size()) == kCounts[idx] &&
            (pos + kCounts[idx].size() == unit.size() || !IsLetter(unit[pos + kCounts[idx].size()]))) {
          count = static_cast<int>(idx);
          end = pos + kCounts[idx].size();
        }
      }
    }
    if (count < 0) continue;
    // The unit: "days", "x", "times", "anchor days", "weeks", a word or two away.
    std::string_view after = unit.substr(end, 24);
    if (!after.empty() && after[0] != ' ' && after[0] != 'x' && after[0] != '-' && after[0] != '+') continue;  // "6:30"
    bool days = after.starts_with("x ") || after.starts_with("x/") || after == "x" ||
                Contains(after.substr(0, 18), "day") || Contains(after.substr(0, 12), "times") ||
                Contains(after.substr(0, 10), "week");
    if (!days || Contains(after.substr(0, 12), "year") || Contains(after.substr(0, 12), "month")) continue;
    // A count of days is per week unless another period is named ("5 days every 2 weeks").
    bool weekly = !Contains(unit, "every 2 weeks") && !Contains(unit, "every two weeks") &&
                  !Contains(unit, "quarter") && !Contains(unit, "month") && !Contains(after.substr(0, 10), "week");
    bool office = ContainsAny(unit, kOffice);
    bool home = ContainsAny(unit, kHome);
    if (count >= 5 && weekly) {
      if (office) return Claim{RemoteMode::kOnSite, 2};
      if (home) return Claim{RemoteMode::kRemote, 2};
      continue;
    }
    if (office || home) return Claim{RemoteMode::kHybrid, 2};
  }
  return std::nullopt;
}

std::optional<Claim> ClaimOf(std::string_view unit) {
  if (ContainsAny(unit, kNotTheTerms)) return std::nullopt;
  if (ContainsAny(unit, kNotRemote)) return Claim{RemoteMode::kOnSite, 2};
  // "Fully remote and/or hybrid, up to you": remote is on offer, so the job can be done remotely.
  bool either =
      Contains(unit, " or ") || Contains(unit, "and/or") || Contains(unit, "/hybrid") || Contains(unit, "remote/");
  if (either && Contains(unit, "hybrid") && (Contains(unit, "fully remote") || Contains(unit, "100% remote"))) {
    return Claim{RemoteMode::kRemote, 2};
  }
  for (size_t pos = unit.find("hybrid"); pos != std::string_view::npos; pos = unit.find("hybrid", pos + 6)) {
    if (!IsOneOf(NextWord(unit, pos + 6), kHybridThings)) return Claim{RemoteMode::kHybrid, 2};
  }
  if (auto days = DaysClaim(unit)) return days;
  bool remote = HasRemoteWord(unit) || Contains(unit, "work from home") || Contains(unit, "working from home") ||
                Contains(unit, "wfh") || Contains(unit, "telecommut");
  bool on_site = false;
  int on_site_strength = 0;
  for (std::string_view word : {std::string_view("onsite"), std::string_view("on-site"), std::string_view("on site")}) {
    for (size_t pos = unit.find(word); pos != std::string_view::npos; pos = unit.find(word, pos + word.size())) {
      if (!IsWordStart(unit, pos)) continue;
      size_t after = pos + word.size();
      bool ends = after >= unit.size() || (!IsLetter(unit[after]) && unit[after] != ' ' && unit[after] != '-') ||
                  NextWord(unit, after).empty();
      if (!ends && !IsOneOf(NextWord(unit, after), kOnSiteTermsNext) &&
          !IsOneOf(PreviousWord(unit, pos), kOnSiteTermsBefore)) {
        continue;
      }
      on_site = true;
      on_site_strength = 2;
    }
  }
  // In person: "in-person roles only", "an in person company"; not "meet in person" or "in-person events".
  for (std::string_view phrase : {std::string_view("in-person"), std::string_view("in person")}) {
    size_t pos = unit.find(phrase);
    if (pos == std::string_view::npos) continue;
    std::string_view next = NextWord(unit, pos + phrase.size());
    if (next == "role" || next == "roles" || next == "position" || next == "company" || next == "job" ||
        next == "work" || next == "only") {
      on_site = true;
      on_site_strength = 2;
    }
  }
  if (!on_site && ContainsAny(unit, kOfficeTerms)) {
    on_site = true;
    on_site_strength = 2;
  } else if (!on_site && ContainsAny(unit, kOfficeLeaning)) {
    on_site = true;  // "spend the majority of the week in the office"
    on_site_strength = 1;
  }
  if (remote && on_site) {
    // "1 week onsite, 3 weeks remote" is hybrid; "either in-person or remote" leaves it open.
    if (Contains(unit, " or ")) return std::nullopt;
    return Claim{RemoteMode::kHybrid, 2};
  }
  if (remote) return Claim{RemoteMode::kRemote, ContainsAny(unit, kAllowing) ? 1 : 2};
  if (on_site) return Claim{RemoteMode::kOnSite, on_site_strength};
  return std::nullopt;
}

// The sentence or line around `pos`.
std::pair<size_t, size_t> UnitAround(std::string_view text, size_t pos) {
  auto is_end = [&](size_t idx) {
    char c = text[idx];
    if (c == '\n') return true;
    return (c == '.' || c == '!' || c == '?') &&
           (idx + 1 == text.size() || text[idx + 1] == ' ' || text[idx + 1] == '\n');
  };
  size_t begin = pos;
  while (begin > 0 && pos - begin < 400 && !is_end(begin - 1)) --begin;
  size_t end = pos;
  while (end < text.size() && end - pos < 400 && !is_end(end)) ++end;
  return {begin, end};
}

// Where the description mentions where work is done. Every ingested posting is read, so the text is
// scanned once for the anchors' first three letters instead of a find per anchor, and only the sentences
// around hits are lowercased.
constexpr std::string_view kAnchors[] = {"remote",  "hybrid",     "onsite",         "on-site",
                                         "on site", "office",     "work from home", "working from home",
                                         "wfh",     "telecommut", "in-person",      "in person"};

// Three bytes, case folded, hashed into 4096 bits: "on " and "in " are frequent, "rem", "hyb", "on-" much
// less so, and a two-byte filter let through enough to double the cost.
constexpr unsigned TripleKey(unsigned char a, unsigned char b, unsigned char c) {
  return (((a | 0x20u) * 961u) + ((b | 0x20u) * 31u) + (c | 0x20u)) & 4095u;
}

constexpr std::array<uint64_t, 64> kAnchorTriples = [] {
  std::array<uint64_t, 64> triples{};
  for (std::string_view anchor : kAnchors) {
    unsigned key = TripleKey(static_cast<unsigned char>(anchor[0]), static_cast<unsigned char>(anchor[1]),
                             static_cast<unsigned char>(anchor[2]));
    triples[key >> 6] |= uint64_t{1} << (key & 63);
  }
  return triples;
}();

constexpr auto kAnchorSigns = [] {
  std::array<internal::SignWord, std::size(kAnchors)> signs{};
  for (size_t idx = 0; idx < signs.size(); ++idx) signs[idx] = {kAnchors[idx], true};
  return signs;
}();

std::vector<size_t> AnchorHits(std::string_view text) {
  std::vector<size_t> hits;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t pos = 0; pos + 3 <= text.size(); ++pos) {
    unsigned key = TripleKey(bytes[pos], bytes[pos + 1], bytes[pos + 2]);
    if (!(kAnchorTriples[key >> 6] >> (key & 63) & 1)) continue;
    for (std::string_view anchor : kAnchors) {
      if ((bytes[pos] | 0x20) == static_cast<unsigned char>(anchor[0]) &&
          StartsWithIgnoreCase(text.substr(pos), anchor)) {
        hits.push_back(pos);
        break;
      }
    }
  }
  return hits;
}

// What the description says about this job's work mode. The strongest statements decide; among equals,
// hybrid (a "remote-first hybrid model" is hybrid, and hybrid text names both the office and home), else the
// first in the text. `hits`: where the anchors begin, ascending.
template <typename Places>
RemoteMode WorkModeFromText(std::string_view text, const Places& hits) {
  std::string unit;
  Claim best;
  bool hybrid_at_best = false;
  size_t done = 0;
  for (size_t hit : hits) {
    if (hit < done) continue;
    auto [begin, end] = UnitAround(text, hit);
    done = end;
    AsciiLowerInto(text.substr(begin, end - begin), unit);
    std::optional<Claim> claim = ClaimOf(unit);
    if (!claim) continue;
    if (claim->strength > best.strength) {
      best = *claim;
      hybrid_at_best = claim->mode == RemoteMode::kHybrid;
    } else if (claim->strength == best.strength) {
      hybrid_at_best = hybrid_at_best || claim->mode == RemoteMode::kHybrid;
    }
  }
  if (best.strength == 0) return RemoteMode::kUnknown;
  return hybrid_at_best ? RemoteMode::kHybrid : best.mode;
}

}  // namespace

namespace internal {
std::span<const SignWord> WorkModeSigns() { return kAnchorSigns; }
}  // namespace internal

// The description is read sentence by sentence (WorkModeFromText) rather than by its first cue phrase: a
// perk ("remote work stipend"), a pay note ("for roles that are available to be filled remotely") or
// another role's terms must not decide. The cue phrases remain for a caller that passes cues without text.
RemoteMode DetectRemote(const RawPosting& raw, std::span<const CueHit> description_cues,
                        const TextSigns* description_signs) {
  if (auto mode = RemoteFromWords(raw.work_type)) return *mode;
  if (raw.is_remote.has_value()) return *raw.is_remote ? RemoteMode::kRemote : RemoteMode::kOnSite;
  if (auto mode = RemoteFromWords(raw.location)) return *mode;
  if (auto mode = RemoteFromWords(raw.title)) return *mode;
  if (!raw.description.empty()) {
    // The skill scan found the anchors already; the byte-by-byte search is for callers without it.
    if (description_signs) return WorkModeFromText(raw.description, description_signs->work_mode);
    return WorkModeFromText(raw.description, AnchorHits(raw.description));
  }
  for (const CueHit& hit : description_cues) {
    if (hit.cue == Cue::kRemote) return RemoteMode::kRemote;
    if (hit.cue == Cue::kHybrid) return RemoteMode::kHybrid;
    if (hit.cue == Cue::kOnSite) return RemoteMode::kOnSite;
  }
  return RemoteMode::kUnknown;
}

EmploymentType DetectEmploymentType(const RawPosting& raw, std::span<const CueHit> description_cues) {
  auto from_words = [](std::string_view text) -> std::optional<EmploymentType> {
    std::string lower = AsciiLower(text);
    auto has = [&](std::string_view word) { return lower.find(word) != std::string::npos; };
    if (has("intern")) return EmploymentType::kInternship;
    if (has("part-time") || has("part time") || has("parttime") || has("part_time")) return EmploymentType::kPartTime;
    if (has("contract") || has("freelance") || has("contractor")) return EmploymentType::kContract;
    if (has("temporary") || has("temp ")) return EmploymentType::kTemporary;
    if (has("volunteer")) return EmploymentType::kVolunteer;
    if (has("full-time") || has("full time") || has("fulltime") || has("full_time") || has("permanent")) {
      return EmploymentType::kFullTime;
    }
    return std::nullopt;
  };
  if (auto type = from_words(raw.employment_type)) return *type;
  if (auto type = from_words(raw.title)) {
    if (*type == EmploymentType::kInternship || *type == EmploymentType::kContract) return *type;
  }
  for (const CueHit& hit : description_cues) {
    if (hit.cue == Cue::kFullTime) return EmploymentType::kFullTime;
    if (hit.cue == Cue::kContract) return EmploymentType::kContract;
    if (hit.cue == Cue::kPartTime) return EmploymentType::kPartTime;
  }
  return EmploymentType::kUnknown;
}

}  // namespace jobscope::extract
