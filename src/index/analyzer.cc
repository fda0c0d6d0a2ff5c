// Text analysis for the index: words, ASCII case folding, Snowball English stemming. The stemmer is not
// thread-safe, so each thread keeps its own.
#include <memory>
#include <string>
#include <unordered_map>

#include <libstemmer.h>

#include "index/index.h"
#include "index/internal/words.h"

namespace jobscope::index {
namespace internal {
namespace {

// A stemmer with a memo of the words it has stemmed: job postings reuse a small vocabulary, and a hash
// lookup is several times cheaper than the Snowball algorithm.
struct Stemmer {
  Stemmer() : handle(sb_stemmer_new("english", nullptr)) {}
  ~Stemmer() { sb_stemmer_delete(handle); }
  const std::string& Stem(const std::string& word) {
    auto it = memo.find(word);
    if (it != memo.end()) return it->second;
    if (memo.size() > 500000) memo.clear();  // bounded memory on unbounded vocabularies
    const sb_symbol* stemmed =
        sb_stemmer_stem(handle, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    std::string result =
        stemmed ? std::string(reinterpret_cast<const char*>(stemmed), static_cast<size_t>(sb_stemmer_length(handle)))
                : word;
    return memo.emplace(word, std::move(result)).first->second;
  }
  sb_stemmer* handle;
  std::unordered_map<std::string, std::string> memo;
};

}  // namespace

std::string TermOfWord(std::string_view word) {
  thread_local Stemmer stemmer;
  bool alphabetic = word.size() > 3;
  for (char c : word) alphabetic = alphabetic && c >= 'a' && c <= 'z';
  if (!alphabetic) return std::string(word);
  const std::string& stem = stemmer.Stem(std::string(word));
  // A word that stems to a stop term without being one ("willing" -> "will", "being" -> "be") keeps its own
  // form: its positions are kept, so a phrase holding it is checked.
  if (IsStopTerm(stem) && !IsStopTerm(word)) return std::string(word);
  return stem;
}

// A snapshot does not say which terms had no positions: changing this list changes the snapshot format
// (kFormatVersion in snapshot.cc).
bool IsStopTerm(std::string_view term) {
  static constexpr std::string_view kStopTerms[] = {
      // Not "or": "OR" is operations research (and the operating room).
      "a",  "an", "and", "are", "as",   "at",  "be",    "by",   "for", "from", "has",  "have", "in",  "is",
      "of", "on", "our", "s",   "that", "the", "their", "this", "to",  "we",   "will", "with", "you", "your"};
  for (std::string_view stop : kStopTerms) {
    if (term == stop) return true;
  }
  return false;
}

}  // namespace internal

std::vector<std::string> AnalyzeText(std::string_view text) {
  std::vector<std::string> terms;
  internal::ForEachWord(text, [&](std::string_view word) { terms.push_back(internal::TermOfWord(word)); });
  return terms;
}

}  // namespace jobscope::index
