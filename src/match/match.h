// File: match.h
//
// The match stage: reads a résumé into a Profile (PDF, DOCX, plain text, JSON Resume) and scores profiles
// against postings with a breakdown a person can read: required and nice-to-have skills covered (each skill
// weighted by how specific it is in the market), role, level, years, place and pay. The market's postings
// are held in a MatchIndex (skill -> postings lists and a compact record per posting), so one profile ranks
// a whole market at once; the same scorer ranks a folder of résumés for one posting. Deterministic: the same
// inputs give the same scores and the same order. A résumé is read in memory and never stored here.
//
// Thread-safety: ReadResume and MatchIndex's queries are safe on many threads once the index is built; a
// ProfileBuilder owns a SkillMatcher (vectorscan scratch), so it serves one thread at a time.
//
// Example:
//   JS_ASSIGN_OR_RETURN(ResumeDocument document, ReadResume("cv.pdf"));
//   JS_ASSIGN_OR_RETURN(auto builder, ProfileBuilder::Create(taxonomy));
//   Profile profile = builder->Build(document);
//   JS_ASSIGN_OR_RETURN(auto market, MatchIndex::Build(*store));
//   std::vector<Match> top = market->TopMatches(profile, {}, 20);
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "extract/extract.h"
#include "index/index.h"
#include "model/model.h"
#include "store/store.h"
#include "taxonomy/taxonomy.h"

namespace jobscope::match {

// ---- reading a résumé ------------------------------------------------------------------------------------

enum class ResumeFormat { kText, kPdf, kDocx, kJsonResume };
std::string_view ResumeFormatName(ResumeFormat format);

// A JSON Resume's structured parts (jsonresume.org schema), kept beside the text made from them.
struct ResumeJob {
  std::string title, company;
  std::string start, end;  // "YYYY-MM" (or "YYYY"); end empty while current
  std::string text;        // summary and highlights
};
struct ResumeEducation {
  std::string degree, field, institution;
};

struct ResumeDocument {
  std::string name;  // the file as given, for messages
  ResumeFormat format = ResumeFormat::kText;
  std::string text;  // UTF-8 plain text in reading order
  // Filled from a JSON Resume only; other formats are read from `text`.
  std::vector<ResumeJob> jobs;
  std::vector<ResumeEducation> education;
  std::vector<std::string> listed_skills;  // skills[].name and keywords, certificates, project keywords
  std::string location;                    // "City, Region, CC"
  std::vector<std::string> links;
};

// Reads a résumé file, by its content (not its name): PDF, DOCX, JSON Resume, else text (UTF-8, or
// Windows-1252 decoded; text whose UTF-8 was once decoded as Windows-1252 is repaired). Errors name the file
// and the reason: kNotFound, kIoError, kParseError ("corrupt PDF", "encrypted PDF", "no text layer: scanned
// PDF?", "not a Word document", "invalid JSON"), kInvalidArgument ("empty résumé").
StatusOr<ResumeDocument> ReadResume(const std::string& path);
// The same for bytes already in memory (an upload); `name` is used in messages.
StatusOr<ResumeDocument> ReadResumeBytes(std::string_view bytes, const std::string& name);

// Text in reading order from a PDF: each page's text flows column by column, so a two-column layout
// reads as the left column and then the right. Errors as ReadResume's for PDFs.
StatusOr<std::string> PdfText(std::string_view bytes, const std::string& name);
// Paragraph text of a DOCX (word/document.xml), tables cell by cell. Errors as ReadResume's for DOCX.
StatusOr<std::string> DocxText(std::string_view bytes, const std::string& name);
// A JSON Resume document. Errors: kParseError naming the file and the field.
StatusOr<ResumeDocument> ParseJsonResume(std::string_view bytes, const std::string& name);

// Text whose UTF-8 was decoded as Windows-1252 and encoded again ("NaÃ¯ve", "â€¢") put back as it was;
// text without such runs is returned unchanged.
std::string RepairMojibake(std::string_view text);

// ---- the profile ----------------------------------------------------------------------------------------

struct ProfileSkill {
  std::string skill_id;
  std::string name;
  std::string evidence;  // the résumé's sentence that shows it
  double years = 0;      // from the jobs that name it, or stated beside it ("Python - 24 months")
};

struct ProfileJob {
  std::string title, company;
  std::string start, end;  // "YYYY-MM"; end "present" while current
  double years = 0;
  Role role = Role::kOther;
};

struct Profile {
  std::string source;  // the file
  ResumeFormat format = ResumeFormat::kText;
  std::string text_digest;           // of the résumé's text: the same résumé, the same digest
  std::vector<ProfileSkill> skills;  // text order of first mention
  std::vector<ProfileJob> jobs;      // as listed
  double total_years = 0;            // jobs' time with overlaps counted once, or the years the résumé states
  std::map<std::string, double> years_by_role;  // role name -> years
  Role role = Role::kOther;                     // the current (or main) job's kind of work
  std::string role_evidence;
  bool role_from_title = false;  // a title named the specialisation; else the market may decide it
  Level level = Level::kUnknown;
  std::string level_evidence;
  std::string degree;  // highest: "phd", "master", "bachelor", "diploma", or ""
  std::string degree_field;
  Location location;
  std::vector<std::string> links;
  std::vector<std::pair<uint32_t, float>> words;  // the résumé's words, as PostingFacts::words
  // What the person asks for, when stated (flags or the résumé): annual USD and work mode.
  std::optional<double> desired_salary_usd;
  bool wants_remote = false;

  bool HasSkill(std::string_view skill_id) const;
};

// What a person asks for beside the résumé (CLI flags, API parameters).
struct Wishes {
  std::string location;              // where they are, when the résumé does not say ("Austin, TX")
  std::optional<double> salary_usd;  // annual pay asked for
  bool remote = false;               // wants remote work
};
// Puts the wishes into the profile: the place read as postings' places are, the pay and the work mode.
void ApplyWishes(const Wishes& wishes, Profile& profile);

// The month of the clock, "YYYY-MM" (UTC): what "Present" in a résumé means.
std::string CurrentMonth();

// Builds profiles from résumé documents with the taxonomy's dictionary and the posting classifiers.
class ProfileBuilder {
 public:
  // The taxonomy must outlive the builder. Errors: those of SkillMatcher::Create.
  static StatusOr<std::unique_ptr<ProfileBuilder>> Create(const taxonomy::Taxonomy& taxonomy);
  ~ProfileBuilder();
  // `today` ("YYYY-MM") closes jobs that run to the present; empty: the latest month the résumé names (what a
  // measurement that must not drift with the calendar passes).
  Profile Build(const ResumeDocument& document, const std::string& today = "") const;

 private:
  ProfileBuilder() = default;
  std::unique_ptr<extract::SkillMatcher> matcher_;
  const taxonomy::Taxonomy* taxonomy_ = nullptr;
};

// ---- scoring --------------------------------------------------------------------------------------------

// What the scorer needs of one posting.
struct PostingFacts {
  std::string id, title, company;
  Role role = Role::kOther;
  Level level = Level::kUnknown;
  std::optional<int> years_min;
  std::string country, region, city;
  RemoteMode remote = RemoteMode::kUnknown;
  EmploymentType employment_type = EmploymentType::kUnknown;
  std::string date_posted;
  std::optional<double> salary_min_usd, salary_max_usd;
  struct Skill {
    std::string skill_id, name;
    bool required = true;   // asked for, or named without saying (counted as asked); false: a plus
    bool technical = true;  // false for soft skills, spoken languages and the like (they weigh less)
    // How much the posting is about the skill, a factor on its weight: 1 + 0.5 ln(times named), + 2 when the
    // title names it; in steps of 1/8, at most kMaxEmphasis.
    float emphasis = 1;
  };
  std::vector<Skill> skills;  // each skill once
  // The title's and description's words: (word hash, 1 + ln count), sorted by hash. A market keeps only each
  // posting's 64 heaviest.
  std::vector<std::pair<uint32_t, float>> words;
};
inline constexpr float kMaxEmphasis = 1 + 31.0f / 8;
// `taxonomy` (may be null) tells technical skills from the rest.
PostingFacts FactsOf(const Posting& posting, const taxonomy::Taxonomy* taxonomy = nullptr);

// One readable part of a score.
struct ScorePart {
  std::string name;  // "required_skills", "nice_skills", "role", "level", "years", "location", "wording", "pay"
  double points = 0;
  double max_points = 0;
  std::string detail;  // "7 of 9 asked skills (by weight 81%)", "data_scientist vs ml_engineer: adjacent"
};

struct MatchedSkill {
  std::string skill_id, name;
  bool required = true;
  std::string evidence;  // the résumé's sentence
};
struct MissingSkill {
  std::string skill_id, name;
  bool required = true;
  double points = 0;  // what having it would add
};

struct Match {
  std::string posting_id;
  std::string title, company;
  double score = 0;  // 0..100, the sum of the parts' points (pay can only take away)
  std::vector<ScorePart> parts;
  std::vector<MatchedSkill> matched;
  std::vector<MissingSkill> missing;  // most points first
  std::string verdict;                // one line
};

// How specific each skill is in the market: w = 1 + ln((N + 1) / (df + 1)), so a skill every posting
// names weighs about 1 and a rare one several times more; a skill that is not technical (communication,
// English) weighs a quarter of that, since résumés rarely claim what every posting asks. Unknown skills weigh
// as the rarest.
class SkillWeights {
 public:
  static constexpr double kNonTechnicalFactor = 0.25;
  SkillWeights() = default;
  SkillWeights(std::map<std::string, int64_t> postings_per_skill, int64_t postings,
               const std::set<std::string>& non_technical = {},
               const std::unordered_map<uint32_t, int64_t>& postings_per_word = {});
  double Weight(std::string_view skill_id) const;
  // A posting's skill: its weight times how much the posting is about it.
  double Weight(const PostingFacts::Skill& skill) const { return Weight(skill.skill_id) * skill.emphasis; }
  int64_t postings() const { return postings_; }
  // Words weigh by idf the same way (1 + ln((N + 1) / (df + 1))); without a market every word weighs 1.
  const std::unordered_map<uint32_t, float>& word_idf() const { return word_idf_; }
  float default_word_idf() const { return default_word_idf_; }

 private:
  std::map<std::string, double, std::less<>> weights_;
  std::unordered_map<uint32_t, float> word_idf_;
  float default_word_idf_ = 1;
  int64_t postings_ = 0;
};

// Scores one profile against one posting.
Match ScoreMatch(const Profile& profile, const PostingFacts& posting, const SkillWeights& weights);

// How close two roles are as work, 0..1 (1 for the same role): what a move between them asks.
double RoleSimilarity(Role a, Role b);
// How many steps deeper into machine learning a job's role is than a person's (0 when it is not deeper): a
// data analyst is not shortlisted for data science as a data scientist is for analysis.
int MlDepthStepsUp(Role person, Role job);
// The role part's share, 0..1: the roles' similarity, less a share for each step deeper the job is.
double RoleFit(Role person, Role job);

// ---- the market ------------------------------------------------------------------------------------------

// The postings a profile is ranked against: per skill the postings that name it, and per posting a compact
// record of what the scorer reads. Linked duplicates are left out.
class MatchIndex {
 public:
  ~MatchIndex();
  // Errors: those of the store.
  // `taxonomy` (may be null) tells technical skills from the rest.
  static StatusOr<std::unique_ptr<MatchIndex>> Build(store::Store& store, const taxonomy::Taxonomy* taxonomy);
  static std::unique_ptr<MatchIndex> FromPostings(std::vector<PostingFacts> postings);

  // The `limit` best postings for `profile` among those passing `filters` (as search reads them): every
  // posting naming at least one of the profile's skills is scored in full. Ties go to the smaller posting id.
  std::vector<Match> TopMatches(const Profile& profile, const index::Filters& filters, size_t limit) const;
  // Decides a role the résumé's titles leave open (no title, or a generic developer or engineer title) by
  // the market: the role whose postings' skills the profile's skills are most typical of.
  void CompleteProfile(Profile& profile) const;
  // The posting's facts, or nullopt.
  std::optional<PostingFacts> Facts(std::string_view posting_id) const;
  // Every posting's facts, in the index's order.
  void ForEachPosting(const std::function<void(const PostingFacts&)>& visit) const;
  const SkillWeights& weights() const { return weights_; }
  size_t size() const;

 private:
  MatchIndex();
  struct Impl;
  std::unique_ptr<Impl> impl_;
  SkillWeights weights_;
};

// ---- résumés for one posting ------------------------------------------------------------------------------

struct RankedResume {
  std::string path;
  Status error;  // a résumé that cannot be read is listed with the reason, never stops the others
  Profile profile;
  Match match;
};
// Reads, profiles and scores each résumé against `posting`; best first (ties by path), unreadable ones last.
// With a `market` (may be null) skills weigh as there and open roles are decided by it; without, skills
// weigh alike. `progress` (may be empty) is called after each résumé with the count done.
// `today` as ProfileBuilder::Build takes it.
std::vector<RankedResume> RankResumes(const PostingFacts& posting, const std::vector<std::string>& paths,
                                      const ProfileBuilder& builder, const MatchIndex* market, const std::string& today,
                                      const std::function<void(size_t done)>& progress = {});
// The files of a folder a résumé may be in (not hidden, not folders), sorted by name. Errors: kNotFound,
// kInvalidArgument when `folder` is no folder.
StatusOr<std::vector<std::string>> ResumeFiles(const std::string& folder);

// ---- baselines for measuring ------------------------------------------------------------------------------

// Cosine of TF-IDF word vectors (idf over `corpus`), the usual text-similarity baseline.
class TfIdfSimilarity {
 public:
  explicit TfIdfSimilarity(const std::vector<std::string>& corpus);
  double Similarity(std::string_view a, std::string_view b) const;

 private:
  std::unordered_map<uint32_t, float> idf_;  // by word hash
  float default_idf_ = 1;
};
// |A ∩ B| / |A ∪ B| of two skill-id sets.
double SkillJaccard(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace jobscope::match
