#include "taxonomy/internal/esco_verbs.h"

#include <algorithm>
#include <array>

namespace jobscope::taxonomy::internal {
namespace {
// Sorted, for binary search.
constexpr auto kVerbs = [] {
  std::array<std::string_view, 275> verbs = {
      "act",         "adapt",       "add",         "address",    "adhere",       "adjust",      "administer",
      "advise",      "advocate",    "align",       "allocate",   "analyse",      "analyze",     "answer",
      "anticipate",  "apply",       "appraise",    "approve",    "arrange",      "assemble",    "assess",
      "assign",      "assist",      "attach",      "attend",     "audit",        "balance",     "bend",
      "bind",        "blend",       "book",        "breed",      "brief",        "build",       "calculate",
      "calibrate",   "care",        "carry",       "cast",       "catalogue",    "challenge",   "change",
      "check",       "choose",      "classify",    "clean",      "clear",        "close",       "coach",
      "coat",        "collaborate", "collect",     "combine",    "communicate",  "compare",     "compile",
      "complete",    "comply",      "compose",     "conduct",    "configure",    "connect",     "conserve",
      "consider",    "construct",   "consult",     "contribute", "control",      "convert",     "cook",
      "cooperate",   "coordinate",  "cope",        "correct",    "counsel",      "create",      "cultivate",
      "cut",         "deal",        "decide",      "define",     "deliver",      "demonstrate", "deploy",
      "design",      "detect",      "determine",   "develop",    "diagnose",     "direct",      "disassemble",
      "dispose",     "distribute",  "document",    "draft",      "draw",         "dress",       "drive",
      "edit",        "educate",     "embed",       "emboss",     "employ",       "empower",     "enable",
      "encourage",   "enforce",     "engage",      "ensure",     "enter",        "establish",   "estimate",
      "evaluate",    "examine",     "execute",     "exercise",   "explain",      "facilitate",  "feed",
      "fill",        "finish",      "fit",         "fix",        "follow",       "forecast",    "foster",
      "gather",      "generate",    "give",        "grade",      "guide",        "handle",      "harvest",
      "help",        "hire",        "identify",    "implement",  "improve",      "inform",      "insert",
      "inspect",     "install",     "instruct",    "integrate",  "interact",     "interpret",   "interview",
      "investigate", "issue",       "keep",        "label",      "lay",          "lead",        "liaise",
      "lift",        "listen",      "load",        "locate",     "log",          "maintain",    "make",
      "manage",      "manipulate",  "manufacture", "mark",       "match",        "measure",     "meet",
      "mentor",      "merge",       "mix",         "moderate",   "modify",       "monitor",     "motivate",
      "mount",       "move",        "negotiate",   "notify",     "observe",      "obtain",      "offer",
      "operate",     "order",       "organise",    "organize",   "oversee",      "pack",        "paint",
      "participate", "perform",     "place",       "plan",       "polish",       "position",    "practise",
      "prepare",     "prescribe",   "present",     "preserve",   "prevent",      "price",       "prioritise",
      "process",     "procure",     "produce",     "program",    "promote",      "protect",     "provide",
      "purchase",    "read",        "receive",     "recognise",  "recommend",    "record",      "recruit",
      "reduce",      "refer",       "regulate",    "remove",     "repair",       "replace",     "report",
      "represent",   "research",    "resolve",     "respond",    "restore",      "review",      "run",
      "schedule",    "screen",      "secure",      "select",     "sell",         "send",        "serve",
      "set",         "shape",       "show",        "solve",      "sort",         "speak",       "specify",
      "stay",        "store",       "study",       "supervise",  "supply",       "support",     "take",
      "teach",       "tend",        "test",        "think",      "track",        "trade",       "train",
      "transfer",    "translate",   "transport",   "treat",      "troubleshoot", "undertake",   "understand",
      "update",      "use",         "utilise",     "validate",   "verify",       "wash",        "weigh",
      "work",        "write"};
  std::sort(verbs.begin(), verbs.end());
  return verbs;
}();
}  // namespace

bool IsEscoCompetenceVerb(std::string_view lowercase_word) {
  return std::binary_search(kVerbs.begin(), kVerbs.end(), lowercase_word);
}

}  // namespace jobscope::taxonomy::internal
