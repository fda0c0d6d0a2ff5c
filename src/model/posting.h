// File: posting.h
//
// A job posting as read from a source (the fields a user gave, kept verbatim) and what jobscope understood
// from it. `RawPosting` is never modified after ingest, so nothing a user gave is lost; `Understanding` can
// always be recomputed from it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/enums.h"

namespace jobscope {

// Pay as stated and normalised. Amounts are in `currency` per `period`; the annual USD figures are filled
// only when the currency has a known rate (an unknown currency is kept and flagged, never converted 1:1).
struct Salary {
  std::optional<double> min;
  std::optional<double> max;
  std::string currency;  // ISO 4217 code, e.g. "USD"; empty when not stated
  SalaryPeriod period = SalaryPeriod::kUnknown;
  std::optional<double> annual_min_usd;
  std::optional<double> annual_max_usd;
  SalarySource source = SalarySource::kNone;
  std::string text;  // the original text the figure was read from
  bool currency_unknown = false;

  bool has_amount() const { return min.has_value() || max.has_value(); }
  // Midpoint of the annual USD range, or the one bound known.
  std::optional<double> annual_mid_usd() const;
};

// One skill found in a posting: which taxonomy entry, and where (byte offsets into the description).
struct SkillMention {
  std::string skill_id;
  std::string name;  // the taxonomy's preferred name
  uint32_t begin = 0;
  uint32_t end = 0;
  Requirement requirement = Requirement::kUnstated;
};

struct Location {
  std::string city;
  std::string region;   // state or province code/name as written, e.g. "NY"
  std::string country;  // ISO 3166-1 alpha-2 where known, e.g. "US"
};

// The fields of a posting as they came from the source.
struct RawPosting {
  std::string source;     // "linkedin", "glassdoor", "jobspy", "jsonl", "jsonld", ...
  std::string source_id;  // the source's own id, if any
  std::string url;
  std::string title;
  std::string company;
  std::string location;              // as written, e.g. "New York, NY"
  std::string description;           // plain text (markup stripped on understanding; spans point into this)
  std::string description_original;  // the description as given, kept when markup was stripped from it
  std::string date_posted;           // ISO 8601 date where the source gives one
  std::string employment_type;       // as written, e.g. "Full-time"
  std::string experience_level;      // as written by the source, e.g. "Mid-Senior level"
  std::string work_type;             // as written, e.g. "Remote", "Hybrid"
  std::string salary_text;           // as written, e.g. "$53K-$91K (Glassdoor est.)"
  // Structured pay fields (JobSpy min_amount/max_amount/interval/currency, schema.org baseSalary).
  std::optional<double> salary_min;
  std::optional<double> salary_max;
  std::string salary_currency;
  std::string salary_interval;
  std::optional<bool> is_remote;
  std::string skills_text;  // a source's own skill list, e.g. "Python, SQL, Spark"
};

// What was understood about a posting.
struct Understanding {
  std::vector<SkillMention> skills;
  Salary salary;
  Role role = Role::kOther;
  Level level = Level::kUnknown;
  // How sure the classifiers were and why (the title rule or model features; the level evidence combined).
  // Set by understanding; not kept by the store.
  std::optional<double> role_probability;  // when the role model decided or was asked
  std::vector<std::string> role_evidence;
  double level_probability = 0;
  std::vector<std::string> level_evidence;
  std::vector<std::string> seniority_cues;  // e.g. "title:senior", "years:5+"
  std::optional<int> years_experience_min;
  Location location;
  RemoteMode remote = RemoteMode::kUnknown;
  EmploymentType employment_type = EmploymentType::kUnknown;
  std::vector<std::string> candidate_skills;  // spans the tagger found that the taxonomy does not know
  std::string duplicate_key;                  // equal for postings of the same job (normalised title + company + place)
  uint64_t text_fingerprint = 0;              // SimHash of the description, for near-duplicates across sources
};

struct Posting {
  std::string id;  // stable across re-ingests (DESIGN.md)
  RawPosting raw;
  Understanding understood;
  std::string duplicate_of;  // id of an earlier posting this one repeats, if any
};

}  // namespace jobscope
