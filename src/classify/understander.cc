#include <algorithm>

#include "classify/classify.h"
#include "text/text.h"

namespace jobscope::classify {

StatusOr<std::unique_ptr<Understander>> Understander::Create(const taxonomy::Taxonomy& taxonomy,
                                                             const extract::CurrencyRates& rates) {
  auto understander = std::unique_ptr<Understander>(new Understander());
  JS_ASSIGN_OR_RETURN(understander->matcher_, extract::SkillMatcher::Create(taxonomy));
  understander->rates_ = &rates;
  return understander;
}

StatusOr<std::unique_ptr<Understander>> Understander::Clone() const {
  auto copy = std::unique_ptr<Understander>(new Understander());
  JS_ASSIGN_OR_RETURN(copy->matcher_, matcher_->Clone());
  copy->rates_ = rates_;
  if (tagger_) JS_RETURN_IF_ERROR(copy->UseTagger(tagger_path_));
  copy->role_model_ = role_model_;
  return copy;
}

Status Understander::UseRoleModel(const std::string& role_model_path) {
  JS_ASSIGN_OR_RETURN(std::unique_ptr<RoleClassifier> role, RoleClassifier::Load(role_model_path));
  role_model_ = std::move(role);
  return Status::Ok();
}

namespace {

// Below this, the role model's choice for a title the rules cannot place gives way to what the description
// talks about most.
constexpr double kRoleModelMinProbability = 0.5;
constexpr size_t kPredictionCacheLimit = 100000;

}  // namespace

// Postings repeat titles far more than they repeat anything else, and the role model reads only the title,
// so its answers are remembered; the memo is dropped when it grows large.
const RolePrediction& Understander::CachedRolePrediction(std::string_view title) const {
  if (role_cache_.size() > kPredictionCacheLimit) role_cache_.clear();
  auto [it, inserted] = role_cache_.try_emplace(std::string(title));
  if (inserted) it->second = role_model_->Predict(title, "");
  return it->second;
}

void Understander::DecideRole(std::string_view title, std::string_view plain, Understanding& out) const {
  // The title rules are precise when they fire, and cheap: the model is asked only when they do not.
  if (std::optional<RoleDecision> decided = DecideRoleByRules(title, plain)) {
    out.role = decided->role;
    out.role_evidence = {decided->evidence};
    return;
  }
  if (role_model_) {
    // The shipped model learned from titles alone (the shippable sources have no descriptions), so the
    // description would add nothing but time.
    const RolePrediction& prediction = CachedRolePrediction(title);
    if (prediction.probabilities.front().second >= kRoleModelMinProbability) {
      out.role = prediction.role;
      out.role_probability = prediction.probabilities.front().second;
      for (const auto& [feature, weight] : prediction.top_features) out.role_evidence.push_back(feature);
      return;
    }
  }
  out.role = GuessRole(title, plain);
  out.role_evidence = {"description"};
}

Status Understander::UseTagger(const std::string& model_path) {
  JS_ASSIGN_OR_RETURN(tagger_matcher_, matcher_->Clone());
  JS_ASSIGN_OR_RETURN(tagger_, extract::SpanTagger::Load(model_path, tagger_matcher_.get()));
  tagger_path_ = model_path;
  return Status::Ok();
}

namespace {
// A candidate new skill names something: not punctuation or a number, not an everyday lowercase word alone
// ("building", "design"); a phrase ("feature stores") or a name ("BentoML", "PhD") qualifies.
bool IsCandidateSkill(std::string_view surface) {
  if (surface.size() < 2 || surface.size() > 60) return false;
  bool letters = false, capital = false, space = false;
  for (char c : surface) {
    letters = letters || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    capital = capital || (c >= 'A' && c <= 'Z');
    space = space || c == ' ';
  }
  return letters && (space || capital);
}
}  // namespace

void Understander::AddTaggedSkills(std::string_view text, Understanding& out) const {
  const taxonomy::Taxonomy& taxonomy = matcher_->taxonomy();
  for (const extract::TaggedSpan& span : tagger_->FindSpans(text)) {
    bool covered = false;
    for (const SkillMention& known : out.skills) {
      covered = covered || (known.begin < span.end && span.begin < known.end);
    }
    if (covered) continue;
    std::string_view surface = text.substr(span.begin, span.end - span.begin);
    if (const taxonomy::Skill* skill = taxonomy.FindByForm(surface)) {
      out.skills.push_back({skill->id, skill->name, span.begin, span.end, Requirement::kUnstated});
    } else if (IsCandidateSkill(surface)) {
      out.candidate_skills.emplace_back(surface);
    }
  }
  std::sort(out.skills.begin(), out.skills.end(),
            [](const SkillMention& a, const SkillMention& b) { return a.begin < b.begin; });
}

Posting Understander::Understand(RawPosting raw) const {
  Posting posting;
  // The id is taken from the posting as given; then markup, if any, is stripped and the original kept.
  posting.id = extract::StablePostingId(raw);
  if (text::LooksLikeMarkup(raw.description)) {
    std::string stripped = text::StripMarkup(raw.description);
    raw.description_original = std::move(raw.description);
    raw.description = std::move(stripped);
  }
  const std::string& plain = raw.description;  // skill spans refer to this text
  Understanding& out = posting.understood;
  extract::TextScan scan = matcher_->Scan(plain);
  out.skills = std::move(scan.skills);
  if (tagger_) AddTaggedSkills(plain, out);
  if (!raw.skills_text.empty()) {  // a source's own skill list: add what the text did not already name
    for (SkillMention& listed : matcher_->Find(raw.skills_text)) {
      bool known = false;
      for (const SkillMention& found : out.skills) known = known || found.skill_id == listed.skill_id;
      if (known) continue;
      listed.begin = listed.end = 0;  // not in the description
      listed.requirement = Requirement::kRequired;
      out.skills.push_back(std::move(listed));
    }
  }
  // Pay: structured amounts, then the salary field, then the description.
  if (raw.salary_min || raw.salary_max) {
    out.salary = extract::SalaryFromAmounts(raw.salary_min, raw.salary_max, raw.salary_currency, raw.salary_interval,
                                            *rates_, raw.salary_text);
  } else if (!raw.salary_text.empty()) {
    extract::SalaryHints hints;
    hints.default_currency = raw.salary_currency;
    extract::SalaryParse parse = extract::ParseSalaryText(raw.salary_text, *rates_, hints);
    if (parse.salary) out.salary = std::move(*parse.salary);
  }
  if (!out.salary.has_amount()) {
    if (auto found = extract::FindSalaryInText(plain, *rates_, &scan.signs)) out.salary = std::move(*found);
  }
  extract::SeniorityCues cues = extract::FindSeniorityCues(raw.title, plain, &scan.signs);
  out.seniority_cues = cues.cues;
  if (!raw.experience_level.empty()) out.seniority_cues.push_back("source:" + raw.experience_level);
  out.years_experience_min = cues.years_min;
  out.location = extract::ParseLocation(raw.location);
  if (raw.location.empty()) out.location = extract::LocationStatedIn(plain);
  // Pay that names no currency is in the currency of the country the job is in ("90-130k annual" in Utah).
  if (out.salary.has_amount() && out.salary.currency.empty() && !out.location.country.empty()) {
    out.salary.currency = extract::CurrencyOfCountry(out.location.country);
    extract::Annualise(out.salary, *rates_);
  }
  out.remote = extract::DetectRemote(raw, scan.cues, &scan.signs);
  out.employment_type = extract::DetectEmploymentType(raw, scan.cues);
  LevelDecision level = DecideLevel(cues, raw.experience_level, out.employment_type);
  out.level = level.level;
  out.level_probability = level.stated ? 1 : 0;
  out.level_evidence = {std::move(level.evidence)};
  DecideRole(raw.title, plain, out);
  out.duplicate_key = extract::DuplicateKey(raw, out.location);
  out.text_fingerprint = text::SimHash(plain);
  posting.raw = std::move(raw);
  return posting;
}

}  // namespace jobscope::classify
