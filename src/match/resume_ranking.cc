// Ranking a folder of résumés for one posting, as a recruiter shortlists.
#include <algorithm>
#include <filesystem>

#include "match/match.h"

namespace jobscope::match {

StatusOr<std::vector<std::string>> ResumeFiles(const std::string& folder) {
  std::error_code error;
  if (!std::filesystem::exists(folder, error)) return NotFound(folder + ": no such folder");
  if (!std::filesystem::is_directory(folder, error))
    return InvalidArgument(folder + ": not a folder (give a folder of résumés)");
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.' || !entry.is_regular_file(error)) continue;
    files.push_back(entry.path().string());
  }
  if (error) return IoError(folder + ": cannot list (" + error.message() + ")");
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<RankedResume> RankResumes(const PostingFacts& posting, const std::vector<std::string>& paths,
                                      const ProfileBuilder& builder, const MatchIndex* market, const std::string& today,
                                      const std::function<void(size_t done)>& progress) {
  const SkillWeights uniform;
  const SkillWeights& weights = market ? market->weights() : uniform;
  std::vector<RankedResume> ranked;
  ranked.reserve(paths.size());
  for (const std::string& path : paths) {
    RankedResume entry;
    entry.path = path;
    auto document = ReadResume(path);
    if (!document.ok()) {
      entry.error = document.status();
    } else {
      entry.profile = builder.Build(*document, today);
      if (market) market->CompleteProfile(entry.profile);
      entry.match = ScoreMatch(entry.profile, posting, weights);
    }
    ranked.push_back(std::move(entry));
    if (progress) progress(ranked.size());
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const RankedResume& a, const RankedResume& b) {
    if (a.error.ok() != b.error.ok()) return a.error.ok();
    if (a.match.score != b.match.score) return a.match.score > b.match.score;
    return a.path < b.path;
  });
  return ranked;
}

}  // namespace jobscope::match
