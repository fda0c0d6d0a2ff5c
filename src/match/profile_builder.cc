// A résumé's text (or JSON Resume parts) into a Profile: skills with evidence, jobs with dates and years,
// role and level through the posting classifiers, education, place and links.
#include <algorithm>
#include <cmath>
#include <ctime>
#include <set>

#include "base/hash.h"
#include "classify/classify.h"
#include "match/internal/resume_sections.h"
#include "match/internal/word_vector.h"
#include "match/match.h"
#include "text/text.h"

namespace jobscope::match {
namespace {

using internal::DateRange;

struct JobSpan {
  ProfileJob job;
  size_t begin = 0, end = 0;  // the bytes of text describing the job
  int start_month = 0, end_month = 0;
};

// The parts of a title line: "Hadoop Developer - Tata Consultancy Services" -> title, company.
std::pair<std::string, std::string> SplitTitleLine(std::string_view line) {
  std::string text(line);
  for (std::string_view separator : {" - ", " | ", " at ", " @ ", ", "}) {
    size_t at = text.find(separator);
    if (at == std::string::npos) continue;
    std::string left = text.substr(0, at), right = text.substr(at + separator.size());
    if (internal::LooksLikeJobTitle(left)) return {left, right};
    if (internal::LooksLikeJobTitle(right)) return {right, left};
  }
  return {internal::LooksLikeJobTitle(text) ? text : "", ""};
}

// Leading separators, en dashes among them, and trailing ones. The en dash is stripped whole: stripping its
// bytes one by one also cut the first bytes off other characters (U+2018 '‘' begins E2 80), leaving invalid
// UTF-8.
std::string Trim(std::string_view text) {
  static constexpr std::string_view kEnDash = "\xE2\x80\x93";
  for (;;) {
    if (!text.empty() && std::string_view(" \t\r-|,:()").find(text.front()) != std::string_view::npos)
      text.remove_prefix(1);
    else if (text.starts_with(kEnDash))
      text.remove_prefix(kEnDash.size());
    else
      break;
  }
  size_t last = text.find_last_not_of(" \t\r-|,:(");
  if (last == std::string_view::npos) return "";
  return std::string(text.substr(0, last + 1));
}

// The title (and company) of the job a date range dates: on its line, else the lines just above or below.
std::pair<std::string, std::string> TitleNear(std::string_view text, const DateRange& range) {
  std::string_view line = internal::LineAt(text, range.begin);
  size_t line_begin = static_cast<size_t>(line.data() - text.data());
  std::string rest = std::string(line.substr(0, range.begin - line_begin)) + " | " +
                     std::string(line.substr(std::min(line.size(), range.end - line_begin)));
  std::string cleaned = Trim(rest);
  while (cleaned.find("|  |") != std::string::npos) cleaned.erase(cleaned.find("|  |"), 3);
  auto [title, company] = SplitTitleLine(Trim(cleaned));
  if (!title.empty()) return {Trim(title), Trim(company)};
  // Up to two lines above, then one below.
  size_t above = line_begin;
  for (int step = 0; step < 2 && above > 0; ++step) {
    std::string_view previous = internal::LineAt(text, above - 1);
    above = static_cast<size_t>(previous.data() - text.data());
    if (Trim(previous).empty()) {
      --step;
      if (above == 0) break;
      continue;
    }
    auto [t, c] = SplitTitleLine(Trim(previous));
    if (!t.empty()) return {Trim(t), Trim(c)};
  }
  size_t below = line_begin + line.size() + 1;
  if (below < text.size()) {
    auto [t, c] = SplitTitleLine(Trim(internal::LineAt(text, below)));
    if (!t.empty()) return {Trim(t), Trim(c)};
  }
  return {"", ""};
}

Role RoleOfJob(std::string_view title, std::string_view text) {
  if (auto decided = classify::DecideRoleByRules(title, text)) return decided->role;
  return classify::GuessRole(title, text);
}

// Months covered by the union of [start, end) intervals.
int UnionMonths(std::vector<std::pair<int, int>> intervals) {
  std::sort(intervals.begin(), intervals.end());
  int total = 0, covered_to = INT32_MIN;
  for (auto [start, end] : intervals) {
    start = std::max(start, covered_to);
    if (end > start) {
      total += end - start;
      covered_to = end;
    }
  }
  return total;
}

std::vector<JobSpan> JobsFromText(std::string_view text, const std::vector<DateRange>& ranges, int today) {
  std::vector<JobSpan> jobs;
  for (const DateRange& range : ranges) {
    std::string_view line = internal::LineAt(text, range.begin);
    if (internal::IsEducationLine(line)) continue;
    auto [title, company] = TitleNear(text, range);
    if (title.empty() || internal::IsEducationLine(title)) continue;
    JobSpan span;
    span.job.title = title;
    span.job.company = company;
    span.start_month = range.start_month;
    span.end_month = range.end_month.value_or(today);
    if (span.end_month < span.start_month || span.end_month - span.start_month > 50 * 12) continue;
    span.job.start = internal::MonthText(range.start_month);
    span.job.end = range.end_month ? internal::MonthText(*range.end_month) : "present";
    // Year-only ranges ("2014 - 2017") count whole years; a job that starts and ends in one month counts one.
    span.job.years = std::max(1, span.end_month - span.start_month) / 12.0;
    span.begin = static_cast<size_t>(line.data() - text.data());
    jobs.push_back(std::move(span));
  }
  for (size_t i = 0; i < jobs.size(); ++i) jobs[i].end = i + 1 < jobs.size() ? jobs[i + 1].begin : text.size();
  return jobs;
}

// The latest month the text's date ranges name, as a stand-in for "today" when the caller gives none.
int LatestMonth(const std::vector<DateRange>& ranges) {
  int latest = 0;
  for (const auto& range : ranges) latest = std::max(latest, range.end_month.value_or(range.start_month));
  return latest;
}

void AddLinks(std::string_view text, std::vector<std::string>& links) {
  for (std::string_view marker : {"https://", "http://", "www.", "linkedin.com/", "github.com/"}) {
    size_t at = 0;
    while ((at = text.find(marker, at)) != std::string_view::npos) {
      size_t begin = at;
      while (begin > 0 && !std::isspace(static_cast<unsigned char>(text[begin - 1])) && text[begin - 1] != '(' &&
             text[begin - 1] != ':' && text[begin - 1] != ',')
        --begin;
      size_t end = at;
      while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != ')' &&
             text[end] != ',' && text[end] != '|')
        ++end;
      std::string link(text.substr(begin, end - begin));
      while (!link.empty() && (link.back() == '.' || link.back() == ';')) link.pop_back();
      bool covered = std::any_of(links.begin(), links.end(), [&](const std::string& seen) {
        return seen.find(link) != std::string::npos || link.find(seen) != std::string::npos;
      });
      if (!covered && link.size() > marker.size() + 2 && link.find('@') == std::string::npos) links.push_back(link);
      at = end;
    }
  }
}

Location LocationFromText(std::string_view text) {
  for (std::string_view label :
       {"Location:", "Location -", "Address:", "Address -", "Current location:", "Based in", "Residence:", "City:"}) {
    size_t at = text.find(label);
    if (at == std::string_view::npos) continue;
    std::string_view rest = internal::LineAt(text, at + label.size());
    size_t from = at + label.size() - static_cast<size_t>(rest.data() - text.data());
    Location location = extract::ParseLocation(Trim(rest.substr(std::min(from, rest.size()))));
    if (!location.country.empty() || !location.city.empty()) return location;
  }
  return {};
}

// The kind of work a résumé shows. A title that names a specialisation decides (a résumé's text is not a
// posting's, so the posting rules' reading of the description is not used); a developer or engineer title,
// or none, leaves the role open for the market to decide (MatchIndex::CompleteProfile), with what the text
// is mainly about as the answer when there is no market.
void RoleOfResume(const std::string& title, std::string_view text, Profile& profile) {
  std::optional<Role> from_title = classify::RoleFromTitle(title);
  if (from_title && *from_title != Role::kSoftwareEngineer) {
    profile.role = *from_title;
    profile.role_evidence = "title '" + title + "'";
    profile.role_from_title = true;
    return;
  }
  classify::FocusCounts counts = classify::CountFocus(text);
  std::optional<Role> from_text = classify::SpecialisationFromCounts(counts);
  if (!from_text) from_text = classify::DataWorkFromCounts(counts);
  if (!from_text && counts[classify::focus::kModelling] + counts[classify::focus::kTabular] >= 4) {
    from_text = Role::kDataScientist;  // modelling words (models, regression, classification) throughout
  }
  if (from_text) {
    profile.role = *from_text;
    profile.role_evidence =
        (title.empty() ? std::string("no title") : "title '" + title + "'") + "; what the text is mostly about";
    return;
  }
  profile.role = from_title.value_or(classify::GuessRole(title, ""));
  profile.role_evidence = title.empty() ? "no title found" : "title '" + title + "'";
}

}  // namespace

void ApplyWishes(const Wishes& wishes, Profile& profile) {
  if (!wishes.location.empty()) profile.location = extract::ParseLocation(wishes.location);
  profile.desired_salary_usd = wishes.salary_usd;
  profile.wants_remote = wishes.remote;
}

std::string CurrentMonth() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return internal::MonthText((utc.tm_year + 1900) * 12 + utc.tm_mon);
}

bool Profile::HasSkill(std::string_view skill_id) const {
  return std::any_of(skills.begin(), skills.end(), [&](const ProfileSkill& s) { return s.skill_id == skill_id; });
}

ProfileBuilder::~ProfileBuilder() = default;

StatusOr<std::unique_ptr<ProfileBuilder>> ProfileBuilder::Create(const taxonomy::Taxonomy& taxonomy) {
  std::unique_ptr<ProfileBuilder> builder(new ProfileBuilder());
  JS_ASSIGN_OR_RETURN(builder->matcher_, extract::SkillMatcher::Create(taxonomy));
  builder->taxonomy_ = &taxonomy;
  return builder;
}

Profile ProfileBuilder::Build(const ResumeDocument& document, const std::string& today_text) const {
  Profile profile;
  profile.source = document.name;
  profile.format = document.format;
  const std::string& text = document.text;
  profile.text_digest = Hex64(StableHash64(text));
  profile.words = internal::CountWords(text);

  // Jobs: a JSON Resume's own, else the dated ranges of the text.
  const std::vector<DateRange> ranges = internal::FindDateRanges(text);
  int today = internal::ParseMonthText(today_text).value_or(LatestMonth(ranges));
  std::vector<JobSpan> jobs;
  if (!document.jobs.empty()) {
    size_t search_from = 0;
    for (const ResumeJob& given : document.jobs) {
      JobSpan span;
      span.job.title = given.title;
      span.job.company = given.company;
      auto start = internal::ParseMonthText(given.start);
      auto end = given.end.empty() ? std::optional<int>(today) : internal::ParseMonthText(given.end);
      if (start && end && *end >= *start) {
        span.start_month = *start;
        span.end_month = *end;
        span.job.start = internal::MonthText(*start);
        span.job.end = given.end.empty() ? "present" : internal::MonthText(*end);
        span.job.years = std::max(1, *end - *start) / 12.0;
      }
      size_t at = given.text.empty() ? std::string::npos : text.find(given.text, search_from);
      span.begin = at == std::string::npos ? text.size() : at;
      span.end = at == std::string::npos ? text.size() : at + given.text.size();
      if (at != std::string::npos) search_from = span.end;
      span.job.role = RoleOfJob(given.title, given.text);
      jobs.push_back(std::move(span));
    }
  } else {
    jobs = JobsFromText(text, ranges, today);
    for (JobSpan& span : jobs)
      span.job.role = RoleOfJob(span.job.title, text.substr(span.begin, span.end - span.begin));
  }

  // Years: the jobs' time with overlaps counted once, or what the résumé states, whichever is more.
  std::vector<std::pair<int, int>> intervals;
  for (const JobSpan& span : jobs) {
    if (span.job.years > 0) intervals.emplace_back(span.start_month, std::max(span.start_month + 1, span.end_month));
  }
  profile.total_years = UnionMonths(intervals) / 12.0;
  if (auto stated = internal::StatedYears(text)) profile.total_years = std::max(profile.total_years, *stated);
  for (const JobSpan& span : jobs) {
    if (span.job.years > 0) profile.years_by_role[std::string(RoleName(span.job.role))] += span.job.years;
  }

  // Skills, each with the sentence that shows it and the years of the jobs that name it.
  extract::TextScan scan = matcher_->Scan(text);
  std::map<std::string, size_t> position;  // skill id -> index in profile.skills
  for (const SkillMention& mention : scan.skills) {
    auto [it, added] = position.try_emplace(mention.skill_id, profile.skills.size());
    if (added) profile.skills.push_back({mention.skill_id, mention.name, internal::SentenceAt(text, mention.begin), 0});
  }
  for (const std::string& listed : document.listed_skills) {
    const taxonomy::Skill* skill = taxonomy_->Find(listed);
    std::vector<SkillMention> found;
    if (skill)
      found.push_back({skill->id, skill->name, 0, 0, Requirement::kUnstated});
    else
      found = matcher_->Find(listed);
    for (const SkillMention& mention : found) {
      auto [it, added] = position.try_emplace(mention.skill_id, profile.skills.size());
      if (added) profile.skills.push_back({mention.skill_id, mention.name, "listed: " + listed, 0});
    }
  }
  for (const JobSpan& span : jobs) {
    if (span.job.years <= 0 || span.begin >= span.end) continue;
    std::set<std::string> named;
    for (const SkillMention& mention : scan.skills) {
      if (mention.begin >= span.begin && mention.begin < span.end) named.insert(mention.skill_id);
    }
    for (const std::string& id : named) profile.skills[position[id]].years += span.job.years;
  }
  for (const auto& stated : internal::FindStatedSkillMonths(text)) {
    // A skills table's longest entry is time the person has worked, whatever the jobs say.
    profile.total_years = std::max(profile.total_years, stated.months / 12.0);
    for (const SkillMention& mention : scan.skills) {
      if (mention.begin < stated.begin || mention.begin >= stated.end) continue;
      ProfileSkill& skill = profile.skills[position[mention.skill_id]];
      skill.years = std::max(skill.years, stated.months / 12.0);
    }
  }
  for (ProfileSkill& skill : profile.skills) {
    if (profile.total_years > 0) skill.years = std::min(skill.years, profile.total_years);
    skill.years = std::round(skill.years * 10) / 10;
  }

  // The current job decides role and level; without dated jobs, the résumé's headline title.
  const JobSpan* current = nullptr;
  for (const JobSpan& span : jobs) {
    if (!current || span.end_month > current->end_month) current = &span;
  }
  std::string title = current ? current->job.title : "";
  if (title.empty()) {
    size_t at = 0;
    while (at < text.size() && at < 4000) {
      std::string_view line = internal::LineAt(text, at);
      std::string trimmed = Trim(line);
      if (!trimmed.empty() && internal::LooksLikeJobTitle(trimmed) && !internal::IsEducationLine(trimmed)) {
        title = SplitTitleLine(trimmed).first;
        break;
      }
      at += line.size() + 1;
    }
  }
  RoleOfResume(title, text, profile);
  extract::SeniorityCues cues = extract::FindSeniorityCues(title, "");
  // An internship or junior title from years ago says nothing of a person with years of work since.
  bool outgrown = cues.title_level && *cues.title_level <= Level::kEntry && profile.total_years >= 2;
  if (cues.title_level && !outgrown) {
    profile.level = *cues.title_level;
    profile.level_evidence = "title says " + std::string(LevelName(profile.level));
  } else if (profile.total_years > 0) {
    profile.level = classify::LevelForYears(static_cast<int>(profile.total_years));
    char years[32];
    std::snprintf(years, sizeof years, "%.1f", profile.total_years);
    profile.level_evidence = std::string(years) + " years of experience";
  } else {
    profile.level = Level::kEntry;
    profile.level_evidence = "no experience dated or stated: entry";
  }

  for (const JobSpan& span : jobs) profile.jobs.push_back(span.job);
  if (!document.education.empty()) {
    for (const ResumeEducation& school : document.education) {
      auto degree = internal::HighestDegree(school.degree + " in " + school.field);
      if (degree && (profile.degree.empty() || degree->level == "phd" ||
                     (degree->level == "master" && profile.degree != "phd"))) {
        profile.degree = degree->level;
        profile.degree_field = school.field;
      }
    }
  } else if (auto degree = internal::HighestDegree(text)) {
    profile.degree = degree->level;
    profile.degree_field = degree->field;
  }
  profile.location = document.location.empty() ? LocationFromText(text) : extract::ParseLocation(document.location);
  profile.links = document.links;
  AddLinks(text, profile.links);
  return profile;
}

}  // namespace jobscope::match
