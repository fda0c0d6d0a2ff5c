// The understanding gold set (tests/gold): loads the labelled postings and pay strings with their rows read
// from the shared data, and scores what understanding says about them. The selection's checksums guard
// against a data file that changed under the labels.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "base/hash.h"
#include "base/strings.h"
#include "base/tsv.h"
#include "ingest/ingest.h"
#include "report/report.h"
#include "text/text.h"

namespace jobscope::report {
namespace {

std::optional<double> ParseAmount(std::string_view text) {
  text = TrimAscii(text);
  if (text.empty()) return std::nullopt;
  double value = 0;
  if (!ParseDouble(text, value)) return std::nullopt;
  return value;
}

// Every labelled file's rows, as ingest reads them, by row number.
class RowCache {
 public:
  explicit RowCache(std::string shared_data) : shared_data_(std::move(shared_data)) {}
  StatusOr<const std::map<int64_t, ingest::SourceRecord>*> Rows(const std::string& file) {
    auto found = files_.find(file);
    if (found != files_.end()) return &found->second;
    JS_ASSIGN_OR_RETURN(auto reader, ingest::OpenReader(shared_data_ + "/" + file, {}));
    std::map<int64_t, ingest::SourceRecord> rows;
    ingest::SourceRecord record;
    while (reader->Next(record)) rows[record.row] = std::move(record);
    return &files_.emplace(file, std::move(rows)).first->second;
  }

 private:
  std::string shared_data_;
  std::map<std::string, std::map<int64_t, ingest::SourceRecord>> files_;
};

StatusOr<const RawPosting*> PostingAt(RowCache& cache, const std::string& file, int64_t row, const std::string& where) {
  JS_ASSIGN_OR_RETURN(auto rows, cache.Rows(file));
  auto found = rows->find(row);
  if (found == rows->end()) return ParseError(where + ": " + file + " has no row " + std::to_string(row));
  if (!found->second.posting) {
    return ParseError(where + ": " + file + " row " + std::to_string(row) + " could not be read (" +
                      found->second.error_reason + ")");
  }
  return &*found->second.posting;
}

// The field a pay string's column fills.
std::string_view PayField(const RawPosting& posting, std::string_view column) {
  if (column == "description" || column == "Job Description") return posting.description;
  return posting.salary_text;
}

}  // namespace

StatusOr<GoldSet> LoadGoldSet(const std::string& gold_dir, const std::string& shared_data) {
  GoldSet gold;
  RowCache cache(shared_data);
  std::map<std::pair<std::string, int64_t>, std::pair<std::string, std::string>> selected;  // -> split, title crc
  JS_RETURN_IF_ERROR(ForEachTsvRow(gold_dir + "/selection/postings.tsv", [&](const TsvRow& row) -> Status {
    if (row.fields.size() != 5) return ParseError(row.where + ": expected 5 fields");
    int64_t number = 0;
    if (!ParseInt64(row.fields[1], number)) return ParseError(row.where + ": row is not a number");
    selected[{std::string(row.fields[0]), number}] = {std::string(row.fields[2]), std::string(row.fields[4])};
    return Status::Ok();
  }));
  std::map<std::pair<std::string, int64_t>, size_t> index;
  JS_RETURN_IF_ERROR(ForEachTsvRow(gold_dir + "/postings.tsv", [&](const TsvRow& row) -> Status {
    if (row.fields.size() != 7) return ParseError(row.where + ": expected 7 fields");
    GoldPosting item;
    item.file = std::string(row.fields[0]);
    if (!ParseInt64(row.fields[1], item.row)) return ParseError(row.where + ": row is not a number");
    auto chosen = selected.find({item.file, item.row});
    if (chosen == selected.end()) return ParseError(row.where + ": not in selection/postings.tsv");
    item.split = chosen->second.first;
    auto role = ParseRole(row.fields[2]);
    auto level = ParseLevel(row.fields[3]);
    auto remote = ParseRemoteMode(row.fields[6]);
    if (!role || !level || !remote) return ParseError(row.where + ": unknown role, level or work mode");
    item.role = *role;
    item.level = *level;
    item.level_basis = std::string(row.fields[4]);
    item.country = std::string(row.fields[5]);
    item.remote = *remote;
    JS_ASSIGN_OR_RETURN(const RawPosting* posting, PostingAt(cache, item.file, item.row, row.where));
    if (Crc32Hex((posting->title)) != chosen->second.second) {
      return ParseError(row.where + ": the title of " + item.file + " row " + std::to_string(item.row) +
                        " is not the one labelled (checksum differs)");
    }
    item.posting = *posting;
    index[{item.file, item.row}] = gold.postings.size();
    gold.postings.push_back(std::move(item));
    return Status::Ok();
  }));
  JS_RETURN_IF_ERROR(ForEachTsvRow(gold_dir + "/skills.tsv", [&](const TsvRow& row) -> Status {
    if (row.fields.size() != 5) return ParseError(row.where + ": expected 5 fields");
    int64_t number = 0;
    if (!ParseInt64(row.fields[1], number)) return ParseError(row.where + ": row is not a number");
    auto found = index.find({std::string(row.fields[0]), number});
    if (found == index.end()) return ParseError(row.where + ": a skill of a posting not in postings.tsv");
    GoldPosting& item = gold.postings[found->second];
    item.skills_labelled = true;
    auto requirement = ParseRequirement(row.fields[4]);
    if (!requirement) return ParseError(row.where + ": unknown requirement");
    item.skills.push_back({std::string(row.fields[2]), std::string(row.fields[3]), *requirement});
    return Status::Ok();
  }));
  std::map<std::tuple<std::string, int64_t, std::string, int64_t>, std::pair<std::string, std::string>> pay_selected;
  JS_RETURN_IF_ERROR(ForEachTsvRow(gold_dir + "/selection/pay.tsv", [&](const TsvRow& row) -> Status {
    if (row.fields.size() != 7) return ParseError(row.where + ": expected 7 fields");
    int64_t number = 0, begin = 0;
    if (!ParseInt64(row.fields[1], number) || !ParseInt64(row.fields[3], begin))
      return ParseError(row.where + ": not a number");
    pay_selected[{std::string(row.fields[0]), number, std::string(row.fields[2]), begin}] = {
        std::string(row.fields[5]), std::string(row.fields[6])};
    return Status::Ok();
  }));
  JS_RETURN_IF_ERROR(ForEachTsvRow(gold_dir + "/pay.tsv", [&](const TsvRow& row) -> Status {
    if (row.fields.size() != 11) return ParseError(row.where + ": expected 11 fields");
    GoldPay item;
    item.file = std::string(row.fields[0]);
    item.column = std::string(row.fields[2]);
    int64_t begin = 0, end = 0;
    if (!ParseInt64(row.fields[1], item.row) || !ParseInt64(row.fields[3], begin) || !ParseInt64(row.fields[4], end)) {
      return ParseError(row.where + ": not a number");
    }
    auto chosen = pay_selected.find({item.file, item.row, item.column, begin});
    if (chosen == pay_selected.end()) return ParseError(row.where + ": not in selection/pay.tsv");
    item.split = chosen->second.first;
    JS_ASSIGN_OR_RETURN(const RawPosting* posting, PostingAt(cache, item.file, item.row, row.where));
    std::string_view field = PayField(*posting, item.column);
    if (begin < 0 || end < begin || static_cast<size_t>(end) > field.size() ||
        Crc32Hex((field.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin)))) !=
            chosen->second.second) {
      return ParseError(row.where + ": the bytes at " + item.file + " row " + std::to_string(item.row) +
                        " are not the ones labelled (checksum differs)");
    }
    item.text = std::string(field.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin)));
    // A field value is understood with the row's other fields (a board's currency); a line of a description
    // with nothing else, as the pay string is judged alone.
    if (item.column == "description" || item.column == "Job Description") {
      item.posting.title = "Job";
      item.posting.source = posting->source;
      item.posting.description = item.text;
    } else {
      item.posting = *posting;
      item.posting.description.clear();
      item.posting.location.clear();
    }
    item.is_pay = row.fields[5] == "pay";
    item.min = ParseAmount(row.fields[6]);
    item.max = ParseAmount(row.fields[7]);
    item.currency = std::string(row.fields[8]);
    item.period = std::string(row.fields[9]);
    item.extras = std::string(row.fields[10]);
    gold.pay.push_back(std::move(item));
    return Status::Ok();
  }));
  return gold;
}

namespace {

struct Counter {
  int64_t total = 0, right = 0;
  double Share() const { return total ? static_cast<double>(right) / static_cast<double>(total) : 0; }
};

bool SameAmount(std::optional<double> gold, std::optional<double> predicted) {
  if (!gold || !predicted) return gold.has_value() == predicted.has_value();
  return std::fabs(*gold - *predicted) < 0.005 * std::max(1.0, std::fabs(*gold));
}

std::string DescribePay(const Salary& salary) {
  if (!salary.has_amount()) return "no pay";
  auto amount = [](std::optional<double> value) { return value ? FormatDouble(*value) : std::string("-"); };
  return amount(salary.min) + ".." + amount(salary.max) + " " + (salary.currency.empty() ? "?" : salary.currency) +
         "/" + std::string(SalaryPeriodName(salary.period));
}

}  // namespace

GoldScores ScoreGold(const GoldSet& gold, const std::vector<Understanding>& postings, const std::vector<Salary>& pay,
                     const taxonomy::Taxonomy& taxonomy, const std::string& split) {
  GoldScores scores;
  auto roles = AllRoles();
  const std::vector<Level> levels = {Level::kIntern, Level::kEntry,     Level::kMid,    Level::kSenior,
                                     Level::kLead,   Level::kExecutive, Level::kUnknown};
  scores.role_confusion.assign(roles.size(), std::vector<int64_t>(roles.size(), 0));
  scores.level_confusion.assign(levels.size(), std::vector<int64_t>(levels.size(), 0));
  auto role_index = [&](Role role) {
    return static_cast<size_t>(std::find(roles.begin(), roles.end(), role) - roles.begin());
  };
  auto level_index = [&](Level level) {
    return static_cast<size_t>(std::find(levels.begin(), levels.end(), level) - levels.begin());
  };
  Counter role, level, remote, country_known, country_right;
  int64_t skill_gold = 0, skill_predicted = 0, skill_found = 0;
  std::map<std::string, int64_t> misses, false_skills;
  for (size_t idx = 0; idx < gold.postings.size(); ++idx) {
    const GoldPosting& item = gold.postings[idx];
    if (split != "all" && item.split != split) continue;
    const Understanding& u = postings[idx];
    ++scores.postings;
    ++role.total;
    role.right += u.role == item.role;
    ++scores.role_confusion[role_index(item.role)][role_index(u.role)];
    if (u.role != item.role) {
      scores.role_errors.push_back(
          {item.posting.title, std::string(RoleName(item.role)), std::string(RoleName(u.role))});
    }
    if (u.level != item.level) {
      std::string decided = u.level_evidence.empty() ? "" : " (" + u.level_evidence.front() + ")";
      scores.level_errors.push_back({item.posting.title,
                                     std::string(LevelName(item.level)) + " [" + item.level_basis + "]",
                                     std::string(LevelName(u.level)) + decided});
    }
    ++level.total;
    level.right += u.level == item.level;
    ++scores.level_confusion[level_index(item.level)][level_index(u.level)];
    ++remote.total;
    remote.right += u.remote == item.remote;
    if (!TrimAscii(item.posting.location).empty() || !item.country.empty()) {
      ++country_known.total;
      country_known.right += !u.location.country.empty();
    }
    if (!item.country.empty()) {
      ++country_right.total;
      country_right.right += u.location.country == item.country;
    }
    if (!item.skills_labelled) continue;
    ++scores.skill_postings;
    // Gold names are linked to the taxonomy; one that the taxonomy does not know can only be missed.
    std::set<std::string> gold_ids;
    std::map<std::string, std::string> gold_names;
    for (const GoldSkill& skill : item.skills) {
      const taxonomy::Skill* linked = taxonomy.FindByForm(skill.name);
      std::string id = linked ? linked->id : "unlinked:" + text::NormalizeKey(skill.name);
      if (gold_ids.insert(id).second) gold_names[id] = skill.name;
    }
    std::set<std::string> predicted_ids;
    for (const SkillMention& mention : u.skills) {
      const taxonomy::Skill* skill = taxonomy.FindById(mention.skill_id);
      if (skill && !taxonomy::IsTechnicalType(taxonomy::SkillType(skill->category))) continue;
      predicted_ids.insert(mention.skill_id);
    }
    skill_gold += static_cast<int64_t>(gold_ids.size());
    skill_predicted += static_cast<int64_t>(predicted_ids.size());
    for (const std::string& id : gold_ids) {
      if (predicted_ids.count(id))
        ++skill_found;
      else
        ++misses[gold_names[id]];
    }
    for (const std::string& id : predicted_ids) {
      if (gold_ids.count(id)) continue;
      const taxonomy::Skill* skill = taxonomy.FindById(id);
      ++false_skills[skill ? skill->name : id];
    }
  }
  scores.role_accuracy = role.Share();
  scores.level_accuracy = level.Share();
  scores.remote_accuracy = remote.Share();
  scores.country_known = country_known.Share();
  scores.country_accuracy = country_right.Share();
  double f1_sum = 0;
  size_t f1_roles = 0;
  for (size_t r = 0; r < roles.size(); ++r) {
    int64_t tp = scores.role_confusion[r][r], gold_count = 0, predicted_count = 0;
    for (size_t c = 0; c < roles.size(); ++c) {
      gold_count += scores.role_confusion[r][c];
      predicted_count += scores.role_confusion[c][r];
    }
    if (gold_count == 0 && predicted_count == 0) continue;  // a role absent from both says nothing
    double precision = predicted_count ? static_cast<double>(tp) / static_cast<double>(predicted_count) : 0;
    double recall = gold_count ? static_cast<double>(tp) / static_cast<double>(gold_count) : 0;
    f1_sum += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    ++f1_roles;
  }
  scores.role_macro_f1 = f1_roles ? f1_sum / static_cast<double>(f1_roles) : 0;
  scores.skill_recall = skill_gold ? static_cast<double>(skill_found) / static_cast<double>(skill_gold) : 0;
  scores.skill_precision =
      skill_predicted ? static_cast<double>(skill_found) / static_cast<double>(skill_predicted) : 0;
  scores.skills_gold = skill_gold;
  auto top = [](const std::map<std::string, int64_t>& counts) {
    std::vector<std::pair<std::string, int64_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (sorted.size() > 10) sorted.resize(10);
    return sorted;
  };
  scores.top_missed_skills = top(misses);
  scores.top_false_skills = top(false_skills);
  Counter pay_right;
  for (size_t idx = 0; idx < gold.pay.size(); ++idx) {
    const GoldPay& item = gold.pay[idx];
    if (split != "all" && item.split != split) continue;
    const Salary& salary = pay[idx];
    ++pay_right.total;
    bool right = false;
    if (!item.is_pay) {
      right = !salary.has_amount();
    } else if (salary.has_amount()) {
      std::string currency = salary.currency_unknown ? "" : salary.currency;
      right = SameAmount(item.min, salary.min) && SameAmount(item.max, salary.max) && currency == item.currency &&
              item.period == SalaryPeriodName(salary.period);
    }
    pay_right.right += right;
    if (!right) {
      std::string expected = item.is_pay ? (item.min ? FormatDouble(*item.min) : "-") + ".." +
                                               (item.max ? FormatDouble(*item.max) : "-") + " " +
                                               (item.currency.empty() ? "?" : item.currency) + "/" + item.period
                                         : "no pay";
      scores.pay_errors.push_back({item.text.substr(0, 160), expected, DescribePay(salary)});
    }
  }
  scores.pay_strings = pay_right.total;
  scores.pay_exact = pay_right.Share();
  return scores;
}

}  // namespace jobscope::report
