// An estimate asked for in words: the role and level from the title, the country and metro from the place,
// skills by name, and errors that name the field.
#include <gtest/gtest.h>

#include "salary/salary.h"

namespace jobscope::salary {
namespace {

const taxonomy::Taxonomy& Skills() {
  static const taxonomy::Taxonomy taxonomy =
      taxonomy::Taxonomy::Load(std::string(JOBSCOPE_SOURCE_DATA_DIR) + "/taxonomy/skills.tsv").value();
  return taxonomy;
}

TEST(EstimateRequest, TheTitleGivesRoleAndLevelUnlessTheyAreNamed) {
  EstimateRequest request;
  request.title = "Senior Machine Learning Engineer";
  request.location = "Berlin, Germany";
  auto query = UnderstandEstimateRequest(request, nullptr);
  ASSERT_TRUE(query.ok()) << query.status().ToString();
  EXPECT_EQ(query->role, Role::kMlEngineer);
  EXPECT_EQ(query->level, Level::kSenior);
  EXPECT_EQ(query->country, "DE");
  EXPECT_EQ(query->metro, MetroKey("Berlin", "DE"));
  EXPECT_EQ(query->title, request.title);

  request.level = "mid";  // asked for: the title does not override it
  request.role = "data_scientist";
  query = UnderstandEstimateRequest(request, nullptr);
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->level, Level::kMid);
  EXPECT_EQ(query->role, Role::kDataScientist);
}

TEST(EstimateRequest, ACountryCodeOrNameAndSkillsByAlias) {
  EstimateRequest request;
  request.role = "ml_engineer";
  request.location = "gb";
  request.skills = {"sklearn", " PyTorch ", ""};
  request.company_size = "L";
  request.remote = true;
  auto query = UnderstandEstimateRequest(request, &Skills());
  ASSERT_TRUE(query.ok()) << query.status().ToString();
  EXPECT_EQ(query->country, "GB");
  EXPECT_TRUE(query->metro.empty());
  EXPECT_EQ(query->skills.size(), 2u);
  EXPECT_EQ(query->company_size, 2);
  EXPECT_EQ(query->remote_ratio, 100);
  EXPECT_EQ(query->level, Level::kMid);
}

TEST(EstimateRequest, ErrorsNameTheFieldToFix) {
  auto refused = [](EstimateRequest request) {
    auto query = UnderstandEstimateRequest(request, &Skills());
    EXPECT_EQ(query.status().code(), StatusCode::kInvalidArgument);
    return query.status().message();
  };
  EXPECT_EQ(refused({}).rfind("give a title or a role", 0), 0u);
  EXPECT_EQ(refused({.role = "astronaut"}).rfind("role:", 0), 0u);
  EXPECT_EQ(refused({.role = "ml_engineer", .level = "guru"}).rfind("level:", 0), 0u);
  EXPECT_EQ(refused({.role = "ml_engineer", .location = "Atlantis"}).rfind("location:", 0), 0u);
  EXPECT_EQ(refused({.role = "ml_engineer", .company_size = "XL"}).rfind("company_size:", 0), 0u);
  EXPECT_EQ(refused({.role = "ml_engineer", .skills = {"cobol+++"}}).rfind("skills:", 0), 0u);
}

TEST(EstimateRequest, CurrencyOfCountry) {
  EXPECT_EQ(extract::CurrencyOfCountry("DE"), "EUR");
  EXPECT_EQ(extract::CurrencyOfCountry("GB"), "GBP");
  EXPECT_EQ(extract::CurrencyOfCountry("XX"), "");
  EXPECT_EQ(CompanySizeCode("S"), 0);
  EXPECT_EQ(CompanySizeCode("?"), -1);
}

}  // namespace
}  // namespace jobscope::salary
