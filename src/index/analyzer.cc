// Text analysis for the index: words, ASCII case folding, Snowball English stemming. The stemmer is not
// thread-safe, so each thread keeps its own.
#include <libstemmer.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "index/index.h"

namespace jobscope::index {
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
    const sb_symbol* stemmed = sb_stemmer_stem(handle, reinterpret_cast<const sb_symbol*>(word.data()),
                                               static_cast<int>(word.size()));
    std::string result = stemmed ? std::string(reinterpret_cast<const char*>(stemmed),
                                               static_cast<size_t>(sb_stemmer_length(handle)))
                                 : word;
    return memo.emplace(word, std::move(result)).first->second;
  }
  sb_stemmer* handle;
  std::unordered_map<std::string, std::string> memo;
};

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

std::vector<std::string> AnalyzeText(std::string_view text) {
  thread_local Stemmer stemmer;
  std::vector<std::string> terms;
  std::string word;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && !IsWordByte(static_cast<unsigned char>(text[pos]))) ++pos;
    word.clear();
    bool alphabetic = true;
    while (pos < text.size() && IsWordByte(static_cast<unsigned char>(text[pos]))) {
      char c = text[pos++];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      alphabetic = alphabetic && c >= 'a' && c <= 'z';
      word += c;
    }
    // "c++", "c#", "f#": the symbols are part of the name.
    while (pos < text.size() && (text[pos] == '+' || text[pos] == '#') && word.size() <= 2) word += text[pos++];
    if (word.empty()) continue;
    if (alphabetic && word.size() > 3) {
      terms.push_back(stemmer.Stem(word));
    } else {
      terms.push_back(word);
    }
  }
  return terms;
}

}  // namespace jobscope::index
