// JSON Resume (jsonresume.org schema v1): the structured parts kept, and a text made of them in the order a
// person would read the résumé, so skills and evidence are found as in any other résumé.
#include <nlohmann/json.hpp>

#include "match/match.h"

namespace jobscope::match {
namespace {

using nlohmann::json;

std::string StringAt(const json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// Appends a string field, or the strings of an array field, each on a line of its own.
void AppendLines(const json& object, const char* key, std::string& text, const char* prefix = "") {
  if (!object.is_object()) return;
  auto it = object.find(key);
  if (it == object.end()) return;
  if (it->is_string() && !it->get<std::string>().empty()) {
    text += prefix + it->get<std::string>() + "\n";
  } else if (it->is_array()) {
    for (const auto& item : *it) {
      if (item.is_string()) text += std::string(prefix) + item.get<std::string>() + "\n";
    }
  }
}

Status ExpectArray(const json& root, const char* key, const std::string& name) {
  auto it = root.find(key);
  if (it != root.end() && !it->is_array() && !it->is_null()) {
    return ParseError(name + ": JSON Resume field '" + key + "' must be an array");
  }
  return Status::Ok();
}

const json& ArrayAt(const json& root, const char* key) {
  static const json kEmpty = json::array();
  auto it = root.find(key);
  return it != root.end() && it->is_array() ? *it : kEmpty;
}

}  // namespace

StatusOr<ResumeDocument> ParseJsonResume(std::string_view bytes, const std::string& name) {
  json root = json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (root.is_discarded()) return ParseError(name + ": invalid JSON");
  if (!root.is_object()) return ParseError(name + ": a JSON Resume is an object with basics, work, skills, ...");
  for (const char* key : {"work", "volunteer", "education", "skills", "certificates", "projects", "awards"}) {
    JS_RETURN_IF_ERROR(ExpectArray(root, key, name));
  }
  ResumeDocument document;
  document.name = name;
  document.format = ResumeFormat::kJsonResume;
  std::string& text = document.text;
  // A reference, not a copy: copying a json value recurses as deep as it nests, and an upload's nesting is
  // the sender's to choose.
  static const json kNoBasics = json::object();
  const auto basics_at = root.find("basics");
  const json& basics = basics_at != root.end() ? *basics_at : kNoBasics;
  AppendLines(basics, "label", text);
  AppendLines(basics, "summary", text);
  if (basics.is_object() && basics.contains("location") && basics["location"].is_object()) {
    const json& location = basics["location"];
    for (const char* key : {"city", "region", "countryCode"}) {
      std::string part = StringAt(location, key);
      if (part.empty()) continue;
      if (!document.location.empty()) document.location += ", ";
      document.location += part;
    }
  }
  if (!StringAt(basics, "url").empty()) document.links.push_back(StringAt(basics, "url"));
  if (basics.is_object()) {
    for (const auto& profile : ArrayAt(basics, "profiles")) {
      if (!StringAt(profile, "url").empty()) document.links.push_back(StringAt(profile, "url"));
    }
  }
  for (const char* section : {"work", "volunteer"}) {
    for (const auto& job : ArrayAt(root, section)) {
      ResumeJob entry;
      entry.title = StringAt(job, "position");
      entry.company = StringAt(job, section == std::string("work") ? "name" : "organization");
      entry.start = StringAt(job, "startDate").substr(0, 7);
      entry.end = StringAt(job, "endDate").substr(0, 7);
      AppendLines(job, "summary", entry.text);
      AppendLines(job, "highlights", entry.text, "- ");
      text += "\n" + entry.title + (entry.company.empty() ? "" : " - " + entry.company) + "\n" + entry.text;
      document.jobs.push_back(std::move(entry));
    }
  }
  for (const auto& school : ArrayAt(root, "education")) {
    ResumeEducation entry{StringAt(school, "studyType"), StringAt(school, "area"), StringAt(school, "institution")};
    text += "\n" + entry.degree + " " + entry.field + " - " + entry.institution + "\n";
    AppendLines(school, "courses", text, "- ");
    document.education.push_back(std::move(entry));
  }
  for (const auto& skill : ArrayAt(root, "skills")) {
    std::string line = StringAt(skill, "name");
    if (!line.empty()) document.listed_skills.push_back(line);
    for (const auto& keyword : ArrayAt(skill, "keywords")) {
      if (!keyword.is_string()) continue;
      document.listed_skills.push_back(keyword.get<std::string>());
      line += (line.empty() ? "" : ", ") + keyword.get<std::string>();
    }
    if (!line.empty()) text += "\nSkills: " + line + "\n";
  }
  for (const auto& certificate : ArrayAt(root, "certificates")) {
    std::string line = StringAt(certificate, "name");
    if (line.empty()) continue;
    document.listed_skills.push_back(line);
    text += "\nCertificate: " + line +
            (StringAt(certificate, "issuer").empty() ? "" : " (" + StringAt(certificate, "issuer") + ")") + "\n";
  }
  for (const auto& project : ArrayAt(root, "projects")) {
    text += "\nProject: " + StringAt(project, "name") + "\n";
    AppendLines(project, "description", text);
    AppendLines(project, "highlights", text, "- ");
    for (const auto& keyword : ArrayAt(project, "keywords")) {
      if (keyword.is_string()) document.listed_skills.push_back(keyword.get<std::string>());
    }
    AppendLines(project, "keywords", text, "Uses: ");
    if (!StringAt(project, "url").empty()) document.links.push_back(StringAt(project, "url"));
  }
  return document;
}

}  // namespace jobscope::match
