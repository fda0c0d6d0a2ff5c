// Skill premiums from stored postings with pay: for each skill, the pay of postings that ask for it minus the
// pay of those that do not, compared within the same role x level x country cell (medians, weighted by how
// many postings with the skill each cell holds), with a 95% interval.
//
// Cost: linear in the skill mentions of paid postings. Each cell's pays are sorted once; a skill visits only
// its own postings: the median of the cell without them is found by rank (binary search over the ranks
// removed), and the interval comes from 200 redraws of the postings with the skill in each cell, with the
// median of the rest drawn from its normal approximation (its standard error from order statistics), so
// nothing is redrawn over the whole market for every skill.
#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <unordered_map>

#include "base/statistics.h"
#include "salary/salary.h"

namespace jobscope::salary {
namespace {

constexpr int kDraws = 200;

struct Cell {
  std::vector<double> sorted;  // every paid posting's pay in the cell, ascending
};

struct Mention {
  uint32_t cell;
  uint32_t rank;  // of the posting's pay in its cell's sorted pays
  double pay;
};

// The `m`-th smallest (0-based) of `sorted` once the ranks in `removed` (ascending) are taken out.
double KthRemaining(const std::vector<double>& sorted, const std::vector<uint32_t>& removed, size_t m) {
  size_t low = m, high = sorted.size() - 1;  // the answer's index j satisfies j - removed_up_to(j) == m
  while (low < high) {
    size_t mid = (low + high) / 2;
    size_t gone = static_cast<size_t>(std::upper_bound(removed.begin(), removed.end(), mid) - removed.begin());
    if (mid - gone >= m) {
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  return sorted[low];
}

double MedianRemaining(const std::vector<double>& sorted, const std::vector<uint32_t>& removed) {
  size_t n = sorted.size() - removed.size();
  double upper = KthRemaining(sorted, removed, n / 2);
  return n % 2 ? upper : (KthRemaining(sorted, removed, n / 2 - 1) + upper) / 2;
}

// The standard error of a median of the n values left, from the order statistics 1.96 sqrt(n)/2 ranks either
// side (the distribution-free interval, read as +-1.96 standard errors).
double MedianStandardError(const std::vector<double>& sorted, const std::vector<uint32_t>& removed) {
  size_t n = sorted.size() - removed.size();
  double half = 0.98 * std::sqrt(static_cast<double>(n));
  size_t low = static_cast<size_t>(std::max(0.0, std::floor(n / 2.0 - half)));
  size_t high = static_cast<size_t>(std::min(static_cast<double>(n - 1), std::ceil(n / 2.0 + half)));
  return (KthRemaining(sorted, removed, high) - KthRemaining(sorted, removed, low)) / (2 * 1.96);
}

}  // namespace

StatusOr<std::vector<SkillPremium>> SkillPremiums(store::Store& store, int64_t min_postings,
                                                  const std::function<void(int64_t done, int64_t total)>& progress) {
  std::unordered_map<std::string, uint32_t> cell_numbers;
  std::vector<Cell> cells;
  struct Paid {
    uint32_t cell;
    double pay;
    std::vector<std::string> skills;
  };
  std::vector<Paid> paid;
  std::map<std::string, std::string> names;
  JS_RETURN_IF_ERROR(store.ForEachPosting([&](const Posting& posting) {
    std::optional<double> pay = posting.understood.salary.annual_mid_usd();
    if (!pay || !posting.duplicate_of.empty()) return true;
    const Understanding& u = posting.understood;
    std::string key = std::string(RoleName(u.role)) + "|" + std::string(LevelName(u.level)) + "|" + u.location.country;
    auto [it, added] = cell_numbers.try_emplace(key, static_cast<uint32_t>(cells.size()));
    if (added) cells.emplace_back();
    Paid entry{it->second, *pay, {}};
    for (const SkillMention& mention : u.skills) {
      if (std::find(entry.skills.begin(), entry.skills.end(), mention.skill_id) == entry.skills.end()) {
        entry.skills.push_back(mention.skill_id);
        names.emplace(mention.skill_id, mention.name);
      }
    }
    cells[entry.cell].sorted.push_back(*pay);
    paid.push_back(std::move(entry));
    return true;
  }));
  for (Cell& cell : cells) std::sort(cell.sorted.begin(), cell.sorted.end());
  // Each skill's mentions with the rank of the posting's pay in its cell (equal pays take successive ranks).
  std::map<std::string, std::vector<Mention>> by_skill;
  std::vector<std::map<double, uint32_t>> used(cells.size());  // pay -> ranks handed out so far
  for (const Paid& entry : paid) {
    const std::vector<double>& sorted = cells[entry.cell].sorted;
    uint32_t first = static_cast<uint32_t>(std::lower_bound(sorted.begin(), sorted.end(), entry.pay) - sorted.begin());
    uint32_t rank = first + used[entry.cell][entry.pay]++;
    for (const std::string& skill : entry.skills) by_skill[skill].push_back({entry.cell, rank, entry.pay});
  }
  std::vector<SkillPremium> premiums;
  std::mt19937_64 rng(29);
  std::normal_distribution<double> normal(0.0, 1.0);
  int64_t done = 0, total = static_cast<int64_t>(by_skill.size());
  for (auto& [skill, mentions] : by_skill) {
    if (progress && (++done % 64 == 0 || done == total)) progress(done, total);
    if (static_cast<int64_t>(mentions.size()) < min_postings) continue;
    std::sort(mentions.begin(), mentions.end(),
              [](const Mention& a, const Mention& b) { return a.cell != b.cell ? a.cell < b.cell : a.rank < b.rank; });
    struct Side {
      std::vector<double> with;  // pays of the postings with the skill
      double without_median = 0, without_error = 0;
    };
    std::vector<Side> sides;
    for (size_t i = 0; i < mentions.size();) {
      size_t j = i;
      std::vector<uint32_t> removed;
      Side side;
      while (j < mentions.size() && mentions[j].cell == mentions[i].cell) {
        removed.push_back(mentions[j].rank);
        side.with.push_back(mentions[j].pay);
        ++j;
      }
      const std::vector<double>& sorted = cells[mentions[i].cell].sorted;
      if (removed.size() < sorted.size()) {  // both sides present
        side.without_median = MedianRemaining(sorted, removed);
        side.without_error = MedianStandardError(sorted, removed);
        sides.push_back(std::move(side));
      }
      i = j;
    }
    if (sides.empty()) continue;
    const auto difference = [&](auto&& with_median, auto&& without_median) {
      double weighted = 0, weight = 0;
      for (size_t s = 0; s < sides.size(); ++s) {
        double w = static_cast<double>(sides[s].with.size());
        weighted += w * (with_median(s) - without_median(s));
        weight += w;
      }
      return weighted / weight;
    };
    SkillPremium result;
    result.skill_id = skill;
    result.name = names[skill];
    result.postings_with = static_cast<int64_t>(mentions.size());
    result.premium_usd =
        difference([&](size_t s) { return Median(sides[s].with); }, [&](size_t s) { return sides[s].without_median; });
    std::vector<double> draws;
    std::vector<double> sample;
    for (int draw = 0; draw < kDraws; ++draw) {
      draws.push_back(difference(
          [&](size_t s) {
            const std::vector<double>& with = sides[s].with;
            std::uniform_int_distribution<size_t> pick(0, with.size() - 1);
            sample.clear();
            for (size_t k = 0; k < with.size(); ++k) sample.push_back(with[pick(rng)]);
            return Median(sample);
          },
          [&](size_t s) { return sides[s].without_median + sides[s].without_error * normal(rng); }));
    }
    std::sort(draws.begin(), draws.end());
    result.ci_low = draws[static_cast<size_t>(0.025 * (kDraws - 1))];
    result.ci_high = draws[static_cast<size_t>(0.975 * (kDraws - 1))];
    premiums.push_back(std::move(result));
  }
  std::sort(premiums.begin(), premiums.end(), [](const SkillPremium& a, const SkillPremium& b) {
    return a.premium_usd != b.premium_usd ? a.premium_usd > b.premium_usd : a.skill_id < b.skill_id;
  });
  return premiums;
}

}  // namespace jobscope::salary
