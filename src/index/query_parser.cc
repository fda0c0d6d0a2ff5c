// The query language people type: words, "quoted phrases", +required, -excluded, and `word*` for every word
// that begins so. While someone is typing (`typing`), the last word is a prefix too, unless the text ends in a
// space or a closing quote; a finished query matches whole words, so it does not reward run-together ones.
#include "base/strings.h"
#include "index/index.h"

namespace jobscope::index {

StatusOr<Query> ParseQuery(std::string_view text, bool typing) {
  Query query;
  size_t pos = 0;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (pos < text.size()) {
    while (pos < text.size() && is_space(text[pos])) ++pos;
    if (pos >= text.size()) break;
    QueryClause clause;
    size_t clause_start = pos;
    if (text[pos] == '+' || text[pos] == '-') {
      clause.kind = text[pos] == '+' ? QueryClause::Kind::kMust : QueryClause::Kind::kMustNot;
      ++pos;
      if (pos >= text.size() || is_space(text[pos])) {
        return InvalidArgument("'" + std::string(1, text[clause_start]) + "' at character " +
                               std::to_string(clause_start + 1) + " must be followed by a word or a \"phrase\"");
      }
    }
    if (text[pos] == '"') {
      size_t close = text.find('"', pos + 1);
      if (close == std::string_view::npos) {
        return InvalidArgument("unclosed quote at character " + std::to_string(pos + 1));
      }
      std::string_view inside = text.substr(pos + 1, close - pos - 1);
      for (std::string_view word : SplitOn(inside, ' ')) {
        word = TrimAscii(word);
        if (!word.empty()) clause.words.push_back(AsciiLower(word));
      }
      if (clause.words.empty()) return InvalidArgument("empty phrase at character " + std::to_string(pos + 1));
      clause.phrase = clause.words.size() > 1;
      pos = close + 1;
    } else {
      size_t end = pos;
      while (end < text.size() && !is_space(text[end])) ++end;
      std::string_view word = text.substr(pos, end - pos);
      if (word.find('"') != std::string_view::npos) {
        return InvalidArgument("a quote inside a word at character " + std::to_string(pos + word.find('"') + 1));
      }
      bool starred = word.size() > 1 && word.back() == '*';
      if (starred) word.remove_suffix(1);
      clause.words.push_back(AsciiLower(word));
      pos = end;
      clause.prefix = clause.kind != QueryClause::Kind::kMustNot && (starred || (typing && pos >= text.size()));
    }
    query.clauses.push_back(std::move(clause));
  }
  return query;
}

}  // namespace jobscope::index
