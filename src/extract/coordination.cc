#include "extract/internal/coordination.h"

#include <algorithm>
#include <array>

#include "base/strings.h"

namespace jobscope::extract::internal {
namespace {

struct Word {
  uint32_t begin = 0, end = 0;
  bool found() const { return end > begin; }
};

// The word (letters, digits and inner hyphens: "front-end") that ends at `end`, or none.
Word WordEndingAt(std::string_view text, uint32_t end) {
  uint32_t begin = end;
  while (begin > 0 && (IsSkillWordByte(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '-')) --begin;
  while (begin < end && text[begin] == '-') ++begin;
  return {begin, end};
}

// The word ending just before `pos` (after one space), or none.
Word WordBefore(std::string_view text, uint32_t pos) {
  if (pos < 2 || text[pos - 1] != ' ') return {};
  return WordEndingAt(text, pos - 1);
}

// The word starting at `pos`, or none.
Word WordAt(std::string_view text, uint32_t pos) {
  uint32_t end = pos;
  while (end < text.size() && (IsSkillWordByte(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
  while (end > pos && text[end - 1] == '-') --end;
  if (end == pos || !IsSkillWordByte(static_cast<unsigned char>(text[pos]))) return {};
  return {pos, end};
}

// The list item before a word that follows ", " ("analytics, visualization"), or none.
Word ListItemBefore(std::string_view text, uint32_t pos) {
  if (pos < 3 || text[pos - 1] != ' ' || text[pos - 2] != ',') return {};
  return WordEndingAt(text, pos - 2);
}

// The word after `word`, one space on, or none.
Word WordAfter(std::string_view text, Word word) {
  if (word.end + 1 >= text.size() || text[word.end] != ' ') return {};
  return WordAt(text, word.end + 1);
}

// The longest list read for a shared modifier: "data collection, cleaning, labeling and governance".
constexpr size_t kMaxListItems = 6;

// The coordinators, each with a space on both sides except "/", which stands between the words.
constexpr SignWord kJointSigns[] = {{" and ", true}, {" or ", true}, {" & ", true}, {" and/or ", true}, {"/", true}};

}  // namespace

std::span<const SignWord> CoordinationSigns() { return kJointSigns; }

void CoordinationForms::Add(std::string_view lowercase_text, uint32_t form) {
  forms_.emplace(std::string(lowercase_text), form);
  const size_t space = lowercase_text.rfind(' ');
  if (space != std::string_view::npos) last_words_.emplace(std::string(lowercase_text.substr(space + 1)), 0);
}

std::optional<uint32_t> CoordinationForms::Find(std::string_view first, std::string_view second) const {
  // Called for every word beside every coordinator: no allocation once the buffers have grown.
  thread_local std::string word, singular, key;
  AsciiLowerInto(second, word);
  auto find_with = [&](std::string_view last) -> std::optional<uint32_t> {
    if (!last_words_.contains(last)) return std::nullopt;
    AsciiLowerInto(first, key);
    key += ' ';
    key += last;
    if (auto it = forms_.find(key); it != forms_.end()) return it->second;
    return std::nullopt;
  };
  if (auto form = find_with(word)) return form;
  // The plural of the shared word, each reading tried: "databases" -> "database", "analyses" -> "analysis",
  // "studies" -> "study".
  const std::string_view plural = word;
  if (plural.size() > 3 && plural.ends_with('s') && !plural.ends_with("ss")) {
    if (auto form = find_with(plural.substr(0, plural.size() - 1))) return form;
  }
  if (plural.size() > 4 && plural.ends_with("ses")) {
    singular.assign(plural.substr(0, plural.size() - 2)).append("is");
    if (auto form = find_with(singular)) return form;
  }
  if (plural.size() > 4 && plural.ends_with("ies")) {
    singular.assign(plural.substr(0, plural.size() - 3)).append("y");
    if (auto form = find_with(singular)) return form;
  }
  return std::nullopt;
}

std::vector<CoordinatedForm> ReadCoordinations(std::string_view text, std::span<const uint32_t> joints,
                                               const CoordinationForms& forms) {
  std::vector<CoordinatedForm> found;
  if (forms.empty()) return found;
  auto view = [&](Word word) { return text.substr(word.begin, word.end - word.begin); };
  uint32_t passed = 0;  // the end of the last coordinator read: "and/or" holds a "/"
  for (uint32_t at : joints) {
    if (at < passed) continue;
    Word left, right;
    if (text[at] == '/') {
      uint32_t begin = at;
      while (begin > 0 && IsSkillWordByte(static_cast<unsigned char>(text[begin - 1]))) --begin;
      left = {begin, at};
      right = WordAt(text, at + 1);
      passed = at + 1;
    } else {  // " and ", " or ", " & ", " and/or ": the sign begins at the space before the word
      const size_t space = text.find(' ', at + 1);
      if (space == std::string_view::npos) continue;
      left = WordBefore(text, at + 1);
      right = WordAt(text, static_cast<uint32_t>(space + 1));
      passed = static_cast<uint32_t>(space);
    }
    if (!left.found() || !right.found()) continue;
    // A shared head: "machine and deep learning" -> "machine learning".
    if (Word head = WordAfter(text, right); head.found()) {
      if (auto form = forms.Find(view(left), view(head))) found.push_back({*form, left.begin, left.end, head.end});
    }
    // A shared modifier: "model training and deployment" -> "model deployment"; in a list of single words,
    // the first one's: "data analytics, visualization and governance" -> "data visualization", "data
    // governance".
    std::array<Word, kMaxListItems> items = {left};  // read for every coordinator: no allocation
    size_t item_count = 1;
    while (item_count < kMaxListItems) {
      Word before = ListItemBefore(text, items[item_count - 1].begin);
      if (!before.found()) break;
      items[item_count++] = before;
    }
    if (Word modifier = WordBefore(text, items[item_count - 1].begin); modifier.found()) {
      if (auto form = forms.Find(view(modifier), view(right))) {
        found.push_back({*form, right.begin, right.end, right.end});
      }
      for (size_t item = 0; item + 1 < item_count; ++item) {  // the list's middle items
        if (auto form = forms.Find(view(modifier), view(items[item]))) {
          found.push_back({*form, items[item].begin, items[item].end, items[item].end});
        }
      }
    }
  }
  std::sort(found.begin(), found.end(),
            [](const CoordinatedForm& a, const CoordinatedForm& b) { return a.begin < b.begin; });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const CoordinatedForm& a, const CoordinatedForm& b) {
                            return a.begin == b.begin && a.form == b.form;
                          }),
              found.end());
  return found;
}

}  // namespace jobscope::extract::internal
