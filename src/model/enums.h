// File: enums.h
//
// Closed vocabularies of the domain (DESIGN.md, "Domain conventions"). Each has a stable snake_case name
// used in storage and JSON; Parse* accepts exactly those names.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace jobscope {

enum class Role {
  kMlEngineer,
  kDeepLearningEngineer,
  kNlpEngineer,
  kComputerVisionEngineer,
  kResearchScientist,
  kDataScientist,
  kDataEngineer,
  kMlopsEngineer,
  kAiArchitect,
  kAiProductManager,
  kDataAnalyst,
  kSoftwareEngineer,
  kOther,
};

enum class Level { kUnknown, kIntern, kEntry, kMid, kSenior, kLead, kExecutive };

enum class RemoteMode { kUnknown, kOnSite, kHybrid, kRemote };

enum class EmploymentType { kUnknown, kFullTime, kPartTime, kContract, kTemporary, kInternship, kVolunteer };

// kTwoWeeks: every two weeks ("bi-weekly", "fortnightly"); kHalfMonth: twice a month ("semi-monthly").
enum class SalaryPeriod { kUnknown, kHour, kDay, kWeek, kMonth, kYear, kTwoWeeks, kHalfMonth };

// Where a salary figure came from.
enum class SalarySource { kNone, kStructured, kPostingText, kEstimate };

// Whether a skill is asked for as a must or as a plus.
enum class Requirement { kUnstated, kRequired, kNiceToHave };

std::string_view RoleName(Role role);
std::string_view LevelName(Level level);
std::string_view RemoteModeName(RemoteMode mode);
std::string_view EmploymentTypeName(EmploymentType type);
std::string_view SalaryPeriodName(SalaryPeriod period);
std::string_view SalarySourceName(SalarySource source);
std::string_view RequirementName(Requirement requirement);

std::optional<Role> ParseRole(std::string_view name);
std::optional<Level> ParseLevel(std::string_view name);
std::optional<RemoteMode> ParseRemoteMode(std::string_view name);
std::optional<EmploymentType> ParseEmploymentType(std::string_view name);
std::optional<SalaryPeriod> ParseSalaryPeriod(std::string_view name);
std::optional<SalarySource> ParseSalarySource(std::string_view name);
std::optional<Requirement> ParseRequirement(std::string_view name);

std::span<const Role> AllRoles();
std::span<const Level> AllLevels();

}  // namespace jobscope
