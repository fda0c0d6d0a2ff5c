#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <random>

#include <gtest/gtest.h>
#include <unistd.h>

#include "salary/salary.h"

namespace jobscope::salary {
namespace {

// Pay that depends on level and country, with log-normal noise: a world the model can learn.
std::vector<SalaryRecord> Synthetic(size_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0.0, 0.25);
  const Level levels[] = {Level::kEntry, Level::kMid, Level::kSenior, Level::kExecutive};
  const char* countries[] = {"US", "US", "US", "GB", "DE"};
  std::vector<SalaryRecord> records;
  for (size_t idx = 0; idx < count; ++idx) {
    SalaryRecord record;
    record.level = levels[rng() % 4];
    record.country = countries[rng() % 5];
    record.role = (rng() % 2) ? Role::kMlEngineer : Role::kDataAnalyst;
    record.year = 2023 + static_cast<int>(rng() % 3);
    record.company_size = 1;
    double base = 60000 * (1 + 0.35 * static_cast<int>(record.level)) * (record.country == "US" ? 1.5 : 1.0) *
                  (record.role == Role::kMlEngineer ? 1.2 : 1.0);
    record.salary_usd = base * std::exp(noise(rng));
    records.push_back(record);
  }
  return records;
}

TrainOptions Quick() {
  TrainOptions options;
  options.rounds = 60;
  options.learning_rate = 0.2;
  return options;
}

TEST(SalaryModel, LearnsTheStructureWithOrderedQuantiles) {
  auto model = SalaryModel::Train(Synthetic(4000, 1), Quick());
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  SalaryQuery senior{Role::kMlEngineer, Level::kSenior, "US", 0, 1, 2025, ""};
  SalaryQuery entry{Role::kMlEngineer, Level::kEntry, "US", 0, 1, 2025, ""};
  auto high = (*model)->Estimate(senior);
  auto low = (*model)->Estimate(entry);
  ASSERT_TRUE(high.ok() && low.ok());
  EXPECT_LT(high->p10, high->p50);
  EXPECT_LT(high->p50, high->p90);
  EXPECT_GT(high->p50, low->p50 * 1.3);
  double truth = 60000 * (1 + 0.35 * static_cast<int>(Level::kSenior)) * 1.5 * 1.2;
  EXPECT_NEAR(high->p50 / truth, 1.0, 0.12);  // the median of a log-normal is its base
  EXPECT_GT(high->comparable_records, 0);
  ASSERT_FALSE(high->factors.empty());
}

TEST(SalaryModel, ConformalIntervalCoversAboutEightyPercent) {
  auto model = SalaryModel::Train(Synthetic(5000, 2), Quick());
  ASSERT_TRUE(model.ok());
  std::vector<SalaryRecord> fresh = Synthetic(3000, 3);
  auto predictions = (*model)->Predict(fresh, true);
  ASSERT_TRUE(predictions.ok());
  size_t covered = 0;
  for (size_t row = 0; row < fresh.size(); ++row) {
    covered += fresh[row].salary_usd >= (*predictions)[row][0] && fresh[row].salary_usd <= (*predictions)[row][2];
  }
  double coverage = static_cast<double>(covered) / static_cast<double>(fresh.size());
  EXPECT_GT(coverage, 0.76);
  EXPECT_LT(coverage, 0.85);
}

// Markets whose pay spreads differ: each market's own rows are covered about 80% of the time, not just the
// rows overall (margins are calibrated per group), and the wide market gets the wide interval.
TEST(SalaryModel, EachMarketIsCoveredAboutEightyPercent) {
  auto make = [](size_t count, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<SalaryRecord> records;
    for (size_t idx = 0; idx < count; ++idx) {
      SalaryRecord record;
      record.level = Level::kSenior;
      record.role = Role::kMlEngineer;
      record.country = (rng() % 2) ? "US" : "PL";
      record.year = 2025;
      record.company_size = 1;
      double spread = record.country == "US" ? 0.45 : 0.1;
      record.salary_usd = 100000 * std::exp(spread * noise(rng));
      records.push_back(record);
    }
    return records;
  };
  auto model = SalaryModel::Train(make(6000, 7), Quick());
  ASSERT_TRUE(model.ok());
  std::vector<SalaryRecord> fresh = make(6000, 8);
  auto predictions = (*model)->Predict(fresh, true);
  ASSERT_TRUE(predictions.ok());
  std::map<std::string, std::pair<int, int>> covered;  // country -> (covered, rows)
  std::map<std::string, double> width;
  for (size_t row = 0; row < fresh.size(); ++row) {
    const auto& p = (*predictions)[row];
    auto& [hits, rows] = covered[fresh[row].country];
    hits += fresh[row].salary_usd >= p[0] && fresh[row].salary_usd <= p[2];
    ++rows;
    width[fresh[row].country] = p[2] - p[0];
  }
  for (const auto& [country, counts] : covered) {
    double coverage = static_cast<double>(counts.first) / counts.second;
    EXPECT_GT(coverage, 0.75) << country;
    EXPECT_LT(coverage, 0.85) << country;
  }
  EXPECT_GT(width["US"], 3 * width["PL"]);
  EXPECT_TRUE((*model)->conformal_margins().count("c:US"));
}

// Survey rows know no skills or metro; postings do, and there CUDA pays 30% more and San Francisco 40%.
// The model learns both from the postings, and a query that names neither is priced as a survey row.
TEST(SalaryModel, LearnsMetroAndSkillsFromPostingsBesideTheSurvey) {
  std::vector<SalaryRecord> records = Synthetic(4000, 9);
  std::mt19937_64 rng(10);
  std::normal_distribution<double> noise(0.0, 0.1);
  for (int idx = 0; idx < 1200; ++idx) {
    SalaryRecord posting;
    posting.from_posting = true;
    posting.level = Level::kSenior;
    posting.role = Role::kMlEngineer;
    posting.country = "US";
    posting.year = 2025;
    bool cuda = rng() % 2, san_francisco = rng() % 2;
    posting.metro = san_francisco ? "San Francisco|US" : "Austin|US";
    posting.skills_known = true;
    posting.skills = cuda ? std::vector<std::string>{"cuda", "python"} : std::vector<std::string>{"python"};
    posting.salary_usd = 150000 * (cuda ? 1.3 : 1.0) * (san_francisco ? 1.4 : 1.0) * std::exp(noise(rng));
    records.push_back(posting);
  }
  auto model = SalaryModel::Train(records, Quick());
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  auto estimate = [&](std::string metro, std::vector<std::string> skills) {
    SalaryQuery query{Role::kMlEngineer, Level::kSenior, "US", 0, 1, 2025, "", std::move(metro), std::move(skills)};
    auto result = (*model)->Estimate(query);
    EXPECT_TRUE(result.ok());
    return *result;
  };
  SalaryEstimate plain = estimate("Austin|US", {"python"});
  SalaryEstimate with_cuda = estimate("Austin|US", {"cuda", "python"});
  SalaryEstimate in_sf = estimate("San Francisco|US", {"python"});
  EXPECT_NEAR(with_cuda.p50 / plain.p50, 1.3, 0.1);
  EXPECT_NEAR(in_sf.p50 / plain.p50, 1.4, 0.1);
  auto named = [](const SalaryEstimate& e, const std::string& name) {
    return std::any_of(e.factors.begin(), e.factors.end(), [&](const SalaryFactor& f) { return f.name == name; });
  };
  EXPECT_TRUE(named(with_cuda, "skills"));
  EXPECT_TRUE(named(in_sf, "metro"));
  EXPECT_TRUE((*model)->conformal_margins().count("posting all"));
  std::string dir =
      (std::filesystem::temp_directory_path() / ("salary_postings_" + std::to_string(::getpid()))).string();
  ASSERT_TRUE((*model)->Save(dir).ok());
  auto loaded = SalaryModel::Load(dir);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  SalaryQuery sf_cuda{Role::kMlEngineer, Level::kSenior, "US", 0, 1, 2025, "", "San Francisco|US", {"cuda"}};
  EXPECT_NEAR((*loaded)->Estimate(sf_cuda)->p90, (*model)->Estimate(sf_cuda)->p90,
              1e-6 * (*model)->Estimate(sf_cuda)->p90);
  std::filesystem::remove_all(dir);

  TrainOptions survey_only = Quick();
  survey_only.posting_features = false;
  auto plain_model = SalaryModel::Train(records, survey_only);
  ASSERT_TRUE(plain_model.ok());
  SalaryQuery cuda_query{Role::kMlEngineer, Level::kSenior, "US", 0, 1, 2025, "", "Austin|US", {"cuda"}};
  SalaryQuery python_query{Role::kMlEngineer, Level::kSenior, "US", 0, 1, 2025, "", "Austin|US", {"python"}};
  EXPECT_DOUBLE_EQ((*plain_model)->Estimate(cuda_query)->p50, (*plain_model)->Estimate(python_query)->p50);
}

TEST(SalaryModel, TrainingIsDeterministicAndSavedModelsPredictTheSame) {
  std::vector<SalaryRecord> records = Synthetic(2000, 4);
  auto first = SalaryModel::Train(records, Quick());
  auto second = SalaryModel::Train(records, Quick());
  ASSERT_TRUE(first.ok() && second.ok());
  std::vector<SalaryRecord> probe = Synthetic(50, 5);
  auto a = (*first)->Predict(probe, true);
  auto b = (*second)->Predict(probe, true);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);

  std::string dir = (std::filesystem::temp_directory_path() / ("salary_model_" + std::to_string(::getpid()))).string();
  ASSERT_TRUE((*first)->Save(dir).ok());
  auto loaded = SalaryModel::Load(dir);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  auto c = (*loaded)->Predict(probe, true);
  ASSERT_TRUE(c.ok());
  for (size_t row = 0; row < probe.size(); ++row) {
    for (int q = 0; q < 3; ++q) EXPECT_NEAR((*c)[row][q], (*a)[row][q], 1e-6 * (*a)[row][q]);
  }
  ASSERT_EQ((*loaded)->conformal_margins().size(), (*first)->conformal_margins().size());
  for (const auto& [group, margins] : (*first)->conformal_margins()) {
    const ConformalMargins& read = (*loaded)->conformal_margins().at(group);
    EXPECT_DOUBLE_EQ(read.low, margins.low) << group;
    EXPECT_DOUBLE_EQ(read.high, margins.high) << group;
    EXPECT_EQ(read.rows, margins.rows) << group;
  }
  std::filesystem::remove_all(dir);
}

TEST(SalaryModel, RefusesTooFewRowsAndMissingFiles) {
  EXPECT_EQ(SalaryModel::Train(Synthetic(10, 6), Quick()).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SalaryModel::Load("/nonexistent/model").status().code(), StatusCode::kIoError);
}

TEST(SalaryModel, ShippedModelOrdersLevels) {
  auto model = SalaryModel::Load(JOBSCOPE_SOURCE_DATA_DIR "/models/salary");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  double previous = 0;
  for (Level level : {Level::kEntry, Level::kMid, Level::kSenior, Level::kExecutive}) {
    auto estimate = (*model)->Estimate({Role::kMlEngineer, level, "US", 0, 1, 0, ""});
    ASSERT_TRUE(estimate.ok());
    EXPECT_GT(estimate->p50, previous) << LevelName(level);
    EXPECT_LT(estimate->p10, estimate->p50);
    EXPECT_LT(estimate->p50, estimate->p90);
    previous = estimate->p50;
  }
}

TEST(PayBands, QuartilesByLevelBesideTheQuotedBands) {
  std::vector<SalaryRecord> records;
  for (int value = 1; value <= 5; ++value) {
    SalaryRecord record;
    record.level = Level::kEntry;
    record.salary_usd = value * 10000.0;
    records.push_back(record);
  }
  SalaryRecord part_time;
  part_time.level = Level::kEntry;
  part_time.full_time = false;
  part_time.salary_usd = 1e6;
  records.push_back(part_time);
  auto bands = PayBands(records, "level");
  ASSERT_TRUE(bands.ok());
  ASSERT_EQ(bands->size(), 1u);
  EXPECT_EQ((*bands)[0].records, 5);
  EXPECT_DOUBLE_EQ((*bands)[0].p50, 30000);
  EXPECT_DOUBLE_EQ((*bands)[0].p25, 20000);
  EXPECT_EQ((*bands)[0].quoted, "$70k-$90k");
  EXPECT_EQ(PayBands(records, "colour").status().code(), StatusCode::kInvalidArgument);
}

TEST(Survey, LoadsDeduplicatedRows) {
  const std::string path = std::string(JOBSCOPE_SHARED_DATA_DIR) + "/aijobs-salaries/salaries.csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared data";
  auto survey = LoadSurvey(path);
  ASSERT_TRUE(survey.ok()) << survey.status().ToString();
  EXPECT_EQ(survey->rows_read, 74301u);
  EXPECT_EQ(survey->records.size(), 34997u);
  EXPECT_EQ(survey->duplicates_dropped, 74301u - 34997u);
  EXPECT_EQ(LoadSurvey("/nonexistent/salaries.csv").status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace jobscope::salary
