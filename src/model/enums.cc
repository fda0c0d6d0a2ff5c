#include "model/enums.h"

#include <array>
#include <utility>

namespace jobscope {
namespace {

template <typename E, size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<Role, 13> kRoleNames = {{
    {Role::kMlEngineer, "ml_engineer"},
    {Role::kDeepLearningEngineer, "deep_learning_engineer"},
    {Role::kNlpEngineer, "nlp_engineer"},
    {Role::kComputerVisionEngineer, "computer_vision_engineer"},
    {Role::kResearchScientist, "research_scientist"},
    {Role::kDataScientist, "data_scientist"},
    {Role::kDataEngineer, "data_engineer"},
    {Role::kMlopsEngineer, "mlops_engineer"},
    {Role::kAiArchitect, "ai_architect"},
    {Role::kAiProductManager, "ai_product_manager"},
    {Role::kDataAnalyst, "data_analyst"},
    {Role::kSoftwareEngineer, "software_engineer"},
    {Role::kOther, "other"},
}};
constexpr NameTable<Level, 7> kLevelNames = {{
    {Level::kUnknown, "unknown"},
    {Level::kIntern, "intern"},
    {Level::kEntry, "entry"},
    {Level::kMid, "mid"},
    {Level::kSenior, "senior"},
    {Level::kLead, "lead"},
    {Level::kExecutive, "executive"},
}};
constexpr NameTable<RemoteMode, 4> kRemoteNames = {{
    {RemoteMode::kUnknown, "unknown"},
    {RemoteMode::kOnSite, "on_site"},
    {RemoteMode::kHybrid, "hybrid"},
    {RemoteMode::kRemote, "remote"},
}};
constexpr NameTable<EmploymentType, 7> kEmploymentNames = {{
    {EmploymentType::kUnknown, "unknown"},
    {EmploymentType::kFullTime, "full_time"},
    {EmploymentType::kPartTime, "part_time"},
    {EmploymentType::kContract, "contract"},
    {EmploymentType::kTemporary, "temporary"},
    {EmploymentType::kInternship, "internship"},
    {EmploymentType::kVolunteer, "volunteer"},
}};
constexpr NameTable<SalaryPeriod, 8> kPeriodNames = {{
    {SalaryPeriod::kUnknown, "unknown"},
    {SalaryPeriod::kHour, "hour"},
    {SalaryPeriod::kDay, "day"},
    {SalaryPeriod::kWeek, "week"},
    {SalaryPeriod::kMonth, "month"},
    {SalaryPeriod::kYear, "year"},
    {SalaryPeriod::kTwoWeeks, "two_weeks"},
    {SalaryPeriod::kHalfMonth, "half_month"},
}};
constexpr NameTable<SalarySource, 4> kSourceNames = {{
    {SalarySource::kNone, "none"},
    {SalarySource::kStructured, "structured"},
    {SalarySource::kPostingText, "posting_text"},
    {SalarySource::kEstimate, "estimate"},
}};
constexpr NameTable<Requirement, 3> kRequirementNames = {{
    {Requirement::kUnstated, "unstated"},
    {Requirement::kRequired, "required"},
    {Requirement::kNiceToHave, "nice_to_have"},
}};

template <typename E, size_t N>
std::string_view NameOf(const NameTable<E, N>& table, E value) {
  for (const auto& [key, name] : table) {
    if (key == value) return name;
  }
  return "unknown";
}

template <typename E, size_t N>
std::optional<E> ParseName(const NameTable<E, N>& table, std::string_view name) {
  for (const auto& [key, entry] : table) {
    if (entry == name) return key;
  }
  return std::nullopt;
}

constexpr std::array<Role, 13> kAllRoles = [] {
  std::array<Role, 13> roles{};
  for (size_t idx = 0; idx < kRoleNames.size(); ++idx) roles[idx] = kRoleNames[idx].first;
  return roles;
}();
constexpr std::array<Level, 6> kAllLevels = {Level::kIntern, Level::kEntry, Level::kMid,
                                             Level::kSenior, Level::kLead,  Level::kExecutive};

}  // namespace

std::string_view RoleName(Role role) { return NameOf(kRoleNames, role); }
std::string_view LevelName(Level level) { return NameOf(kLevelNames, level); }
std::string_view RemoteModeName(RemoteMode mode) { return NameOf(kRemoteNames, mode); }
std::string_view EmploymentTypeName(EmploymentType type) { return NameOf(kEmploymentNames, type); }
std::string_view SalaryPeriodName(SalaryPeriod period) { return NameOf(kPeriodNames, period); }
std::string_view SalarySourceName(SalarySource source) { return NameOf(kSourceNames, source); }
std::string_view RequirementName(Requirement requirement) { return NameOf(kRequirementNames, requirement); }

std::optional<Role> ParseRole(std::string_view name) { return ParseName(kRoleNames, name); }
std::optional<Level> ParseLevel(std::string_view name) { return ParseName(kLevelNames, name); }
std::optional<RemoteMode> ParseRemoteMode(std::string_view name) { return ParseName(kRemoteNames, name); }
std::optional<EmploymentType> ParseEmploymentType(std::string_view name) { return ParseName(kEmploymentNames, name); }
std::optional<SalaryPeriod> ParseSalaryPeriod(std::string_view name) { return ParseName(kPeriodNames, name); }
std::optional<SalarySource> ParseSalarySource(std::string_view name) { return ParseName(kSourceNames, name); }
std::optional<Requirement> ParseRequirement(std::string_view name) { return ParseName(kRequirementNames, name); }

std::span<const Role> AllRoles() { return kAllRoles; }
std::span<const Level> AllLevels() { return kAllLevels; }

}  // namespace jobscope
