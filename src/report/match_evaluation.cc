// The résumé-matching gold set (tests/gold/match): loading it, ranking each résumé's graded postings with
// jobscope and two baselines, and the ranking metrics.
#include <algorithm>
#include <cmath>

#include "base/hash.h"
#include "base/tsv.h"
#include "ingest/ingest.h"
#include "match/match.h"
#include "report/report.h"
#include "text/text.h"

namespace jobscope::report {
namespace {

std::vector<int> GradesInOrder(const std::vector<double>& scores, const std::vector<int>& grades) {
  std::vector<size_t> order(scores.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Ties keep the postings' listed order, so a ranker that cannot tell postings apart gains nothing.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  std::vector<int> ranked;
  for (size_t i : order) ranked.push_back(grades[i]);
  return ranked;
}

void Add(RankingQuality& quality, const std::vector<int>& ranked) {
  if (std::any_of(ranked.begin(), ranked.end(), [](int g) { return g > 0; })) {
    quality.ndcg_at_10 += NdcgAtK(ranked, 10);
    ++quality.ndcg_queries;
  }
  if (std::any_of(ranked.begin(), ranked.end(), [](int g) { return g >= 2; })) {
    quality.map += AveragePrecision(ranked, 2);
    ++quality.map_queries;
  }
}

void Finish(RankingQuality& quality) {
  if (quality.ndcg_queries) quality.ndcg_at_10 /= static_cast<double>(quality.ndcg_queries);
  if (quality.map_queries) quality.map /= static_cast<double>(quality.map_queries);
}

}  // namespace

double NdcgAtK(const std::vector<int>& ranked_grades, size_t k) {
  const auto dcg = [k](const std::vector<int>& grades) {
    double sum = 0;
    for (size_t i = 0; i < std::min(k, grades.size()); ++i) sum += (std::pow(2.0, grades[i]) - 1) / std::log2(i + 2.0);
    return sum;
  };
  std::vector<int> ideal = ranked_grades;
  std::sort(ideal.begin(), ideal.end(), std::greater<>());
  double best = dcg(ideal);
  return best > 0 ? dcg(ranked_grades) / best : 0;
}

double AveragePrecision(const std::vector<int>& ranked_grades, int relevant) {
  double hits = 0, sum = 0;
  for (size_t i = 0; i < ranked_grades.size(); ++i) {
    if (ranked_grades[i] >= relevant) {
      ++hits;
      sum += hits / static_cast<double>(i + 1);
    }
  }
  return hits ? sum / hits : 0;
}

StatusOr<MatchGoldSet> LoadMatchGoldSet(const std::string& gold_dir, const std::string& shared_data) {
  MatchGoldSet gold;
  std::map<std::string, std::map<int64_t, ingest::SourceRecord>> files;
  std::map<std::pair<std::string, int64_t>, size_t> posting_index;
  std::optional<text::CsvTable> resumes;
  JS_RETURN_IF_ERROR(ForEachTsvRow(gold_dir + "/selection.tsv", [&](const TsvRow& row) -> Status {
    if (row.fields.size() < 5) return ParseError(row.where + ": expected kind, file, row, split, crc32");
    std::string kind(row.fields[0]), file(row.fields[1]);
    int64_t number = std::stoll(std::string(row.fields[2]));
    if (kind == "resume") {
      if (!resumes) {
        JS_ASSIGN_OR_RETURN(resumes, text::ReadCsvTable(shared_data + "/" + file));
      }
      auto column = std::find(resumes->header.begin(), resumes->header.end(), "Resume");
      if (column == resumes->header.end()) return ParseError(file + ": no Resume column");
      if (number < 1 || static_cast<size_t>(number) > resumes->rows.size())
        return ParseError(row.where + ": no such row");
      std::string text = resumes->rows[number - 1][column - resumes->header.begin()];
      if (Crc32Hex(text) != row.fields[4])
        return ParseError(row.where + ": the résumé changed under its grades (checksum)");
      gold.resumes.push_back({number, std::string(row.fields[3]), std::move(text)});
      return Status::Ok();
    }
    auto found = files.find(file);
    if (found == files.end()) {
      JS_ASSIGN_OR_RETURN(auto reader, ingest::OpenReader(shared_data + "/" + file, {}));
      std::map<int64_t, ingest::SourceRecord> rows;
      ingest::SourceRecord record;
      while (reader->Next(record)) {
        if (record.posting) gold.market.push_back(*record.posting);
        rows[record.row] = std::move(record);
      }
      found = files.emplace(file, std::move(rows)).first;
    }
    auto record = found->second.find(number);
    if (record == found->second.end() || !record->second.posting)
      return ParseError(row.where + ": " + file + " row unreadable");
    posting_index[{file, number}] = gold.postings.size();
    gold.postings.push_back({file, number, *record->second.posting});
    return Status::Ok();
  }));
  JS_RETURN_IF_ERROR(ForEachTsvRow(gold_dir + "/grades.tsv", [&](const TsvRow& row) -> Status {
    if (row.fields.size() < 4) return ParseError(row.where + ": expected resume_row, posting_file, posting_row, grade");
    auto index = posting_index.find({std::string(row.fields[1]), std::stoll(std::string(row.fields[2]))});
    if (index == posting_index.end()) return ParseError(row.where + ": a posting not in selection.tsv");
    int grade = std::stoi(std::string(row.fields[3]));
    if (grade < 0 || grade > 3) return ParseError(row.where + ": grade must be 0-3");
    gold.grades[{std::stoll(std::string(row.fields[0])), index->second}] = grade;
    return Status::Ok();
  }));
  return gold;
}

MatchGoldScores ScoreMatchGold(const MatchGoldSet& gold, const taxonomy::Taxonomy& taxonomy,
                               const std::function<Posting(RawPosting)>& understand, const std::string& split) {
  MatchGoldScores scores;
  scores.split = split;
  // The market the skills are weighed in: every posting of the graded postings' files.
  std::vector<match::PostingFacts> market;
  for (const RawPosting& raw : gold.market) market.push_back(match::FactsOf(understand(raw), &taxonomy));
  std::unique_ptr<match::MatchIndex> index = match::MatchIndex::FromPostings(market);
  std::vector<match::PostingFacts> postings;
  std::vector<std::string> posting_texts;
  for (const MatchGoldPosting& entry : gold.postings) {
    postings.push_back(match::FactsOf(understand(entry.posting), &taxonomy));
    posting_texts.push_back(entry.posting.title + "\n" + entry.posting.description);
  }
  std::vector<std::string> corpus = posting_texts;
  for (const auto& resume : gold.resumes) corpus.push_back(resume.text);
  match::TfIdfSimilarity tfidf(corpus);
  auto builder = match::ProfileBuilder::Create(taxonomy);
  if (!builder.ok()) return scores;
  for (const MatchGoldResume& resume : gold.resumes) {
    if (split != "all" && resume.split != split) continue;
    auto document = match::ReadResumeBytes(resume.text, "résumé row " + std::to_string(resume.row));
    if (!document.ok()) continue;
    match::Profile profile = (*builder)->Build(*document);
    index->CompleteProfile(profile);
    std::vector<std::string> profile_skills;
    for (const auto& skill : profile.skills) profile_skills.push_back(skill.skill_id);
    std::vector<int> grades;
    std::vector<double> ours, text, jaccard;
    for (size_t i = 0; i < postings.size(); ++i) {
      auto grade = gold.grades.find({resume.row, i});
      if (grade == gold.grades.end()) continue;
      grades.push_back(grade->second);
      ours.push_back(match::ScoreMatch(profile, postings[i], index->weights()).score);
      text.push_back(tfidf.Similarity(document->text, posting_texts[i]));
      std::vector<std::string> posting_skills;
      for (const auto& skill : postings[i].skills) posting_skills.push_back(skill.skill_id);
      jaccard.push_back(match::SkillJaccard(profile_skills, posting_skills));
    }
    auto ranked_ours = GradesInOrder(ours, grades), ranked_text = GradesInOrder(text, grades),
         ranked_jaccard = GradesInOrder(jaccard, grades);
    Add(scores.jobscope, ranked_ours);
    Add(scores.tfidf, ranked_text);
    Add(scores.jaccard, ranked_jaccard);
    bool graded = std::any_of(grades.begin(), grades.end(), [](int g) { return g > 0; });
    MatchGoldScores::PerResume entry{resume.row,
                                     std::string(RoleName(profile.role)),
                                     std::string(LevelName(profile.level)),
                                     NdcgAtK(ranked_ours, 10),
                                     NdcgAtK(ranked_text, 10),
                                     NdcgAtK(ranked_jaccard, 10),
                                     graded,
                                     {}};
    std::vector<size_t> graded_postings;
    for (size_t i = 0; i < postings.size(); ++i) {
      if (gold.grades.count({resume.row, i})) graded_postings.push_back(i);
    }
    for (size_t k = 0; k < graded_postings.size(); ++k) {
      const MatchGoldPosting& posting = gold.postings[graded_postings[k]];
      entry.ranking.push_back(
          {posting.file + " " + std::to_string(posting.row), posting.posting.title, ours[k], grades[k]});
    }
    std::stable_sort(entry.ranking.begin(), entry.ranking.end(),
                     [](const auto& a, const auto& b) { return a.score > b.score; });
    scores.resumes.push_back(std::move(entry));
  }
  Finish(scores.jobscope);
  Finish(scores.tfidf);
  Finish(scores.jaccard);
  return scores;
}

}  // namespace jobscope::report
