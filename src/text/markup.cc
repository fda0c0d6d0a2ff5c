// HTML and markdown stripping. Job boards hand out descriptions as HTML (schema.org) or markdown (JobSpy);
// extractors want plain text with line structure kept, because sections ("Requirements", "Nice to have")
// are lines.
#include <array>
#include <cstring>

#include "base/strings.h"
#include "text/text.h"

namespace jobscope::text {
namespace {

struct Entity {
  std::string_view name;
  std::string_view text;
};
constexpr std::array<Entity, 16> kEntities = {{
    {"amp", "&"},
    {"lt", "<"},
    {"gt", ">"},
    {"quot", "\""},
    {"apos", "'"},
    {"nbsp", " "},
    {"ndash", "-"},
    {"mdash", "-"},
    {"rsquo", "'"},
    {"lsquo", "'"},
    {"rdquo", "\""},
    {"ldquo", "\""},
    {"bull", "*"},
    {"hellip", "..."},
    {"pound", "\xC2\xA3"},
    {"euro", "\xE2\x82\xAC"},
}};

// Decodes the entity starting at text[pos] == '&'. Returns bytes consumed, 0 if not an entity.
size_t DecodeEntity(std::string_view text, size_t pos, std::string& out) {
  size_t semi = text.find(';', pos);
  if (semi == std::string_view::npos || semi - pos > 10 || semi == pos + 1) return 0;
  std::string_view name = text.substr(pos + 1, semi - pos - 1);
  if (name[0] == '#') {
    uint32_t cp = 0;
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    size_t digits_from = hex ? 2 : 1;
    if (digits_from >= name.size()) return 0;
    for (size_t idx = digits_from; idx < name.size(); ++idx) {
      char c = name[idx];
      uint32_t digit;
      if (c >= '0' && c <= '9')
        digit = static_cast<uint32_t>(c - '0');
      else if (hex && c >= 'a' && c <= 'f')
        digit = static_cast<uint32_t>(c - 'a' + 10);
      else if (hex && c >= 'A' && c <= 'F')
        digit = static_cast<uint32_t>(c - 'A' + 10);
      else
        return 0;
      cp = cp * (hex ? 16 : 10) + digit;
      if (cp > 0x10FFFF) return 0;
    }
    AppendUtf8(out, cp);
    return semi - pos + 1;
  }
  for (const Entity& entity : kEntities) {
    if (entity.name == name) {
      out += entity.text;
      return semi - pos + 1;
    }
  }
  return 0;
}

bool IsBlockTag(std::string_view tag_name) {
  static constexpr std::array<std::string_view, 18> kBlock = {"p",  "br",    "div",     "li", "ul",      "ol",
                                                              "h1", "h2",    "h3",      "h4", "h5",      "h6",
                                                              "tr", "table", "section", "hr", "article", "header"};
  std::string lower = AsciiLower(tag_name);
  for (std::string_view block : kBlock) {
    if (lower == block) return true;
  }
  return false;
}

void AppendBreak(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.back() != '\n') out += '\n';
}

}  // namespace

bool LooksLikeMarkup(std::string_view text) {
  // Each trigger byte is looked for with memchr (vectorised), and only its hits are examined.
  auto at = [&](size_t pos) { return pos + 1 < text.size() ? text[pos + 1] : '\0'; };
  for (char trigger : {'<', '&', '\\', '*'}) {
    for (size_t pos = text.find(trigger); pos != std::string_view::npos; pos = text.find(trigger, pos + 1)) {
      char next = at(pos);
      switch (trigger) {
        case '<':
          if (IsAsciiAlnum(static_cast<unsigned char>(next)) || next == '/' || next == '!') return true;
          break;
        case '&': {
          std::string scratch;
          if ((next == '#' || IsAsciiAlnum(static_cast<unsigned char>(next))) && DecodeEntity(text, pos, scratch) > 0) {
            return true;
          }
          break;
        }
        case '\\':
          if (next != '\0' && std::strchr("-*_#.!()[]+", next) != nullptr) return true;
          break;
        default:
          if (next == '*') return true;
      }
    }
  }
  return false;
}

std::string StripMarkup(std::string_view text) {
  if (!LooksLikeMarkup(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    char c = text[pos];
    if (c == '<') {
      if (text.substr(pos, 4) == "<!--") {
        size_t close = text.find("-->", pos + 4);
        pos = close == std::string_view::npos ? text.size() : close + 3;
        continue;
      }
      size_t close = text.find('>', pos + 1);
      size_t name_from = pos + 1 + (pos + 1 < text.size() && text[pos + 1] == '/' ? 1 : 0);
      bool is_tag = close != std::string_view::npos && name_from < text.size() &&
                    (IsAsciiAlnum(static_cast<unsigned char>(text[name_from])) || text[name_from] == '!');
      if (!is_tag) {
        out += c;
        ++pos;
        continue;
      }
      size_t name_end = name_from;
      while (name_end < close && IsAsciiAlnum(static_cast<unsigned char>(text[name_end]))) ++name_end;
      std::string_view tag_name = text.substr(name_from, name_end - name_from);
      std::string lower = AsciiLower(tag_name);
      if (lower == "script" || lower == "style") {  // their content is not text
        std::string closing = "</" + lower;
        size_t end = FindIgnoreCase(text, closing, close);
        size_t end_close = end == std::string_view::npos ? std::string_view::npos : text.find('>', end);
        pos = end_close == std::string_view::npos ? text.size() : end_close + 1;
        continue;
      }
      if (IsBlockTag(tag_name)) {
        AppendBreak(out);
        if (lower == "li" && text[pos + 1] != '/') out += "* ";
      } else if (!out.empty() && out.back() != ' ' && out.back() != '\n') {
        // Inline tags separate words only if the source had whitespace; keep words intact.
      }
      pos = close + 1;
      continue;
    }
    if (c == '&') {
      size_t used = DecodeEntity(text, pos, out);
      if (used > 0) {
        pos += used;
        continue;
      }
    }
    if (c == '\\' && pos + 1 < text.size() && std::strchr("-*_#.!()[]+`", text[pos + 1]) != nullptr) {
      out += text[pos + 1];
      pos += 2;
      continue;
    }
    if (c == '*' && pos + 1 < text.size() && text[pos + 1] == '*') {  // markdown bold
      pos += 2;
      continue;
    }
    out += c;
    ++pos;
  }
  return out;
}

}  // namespace jobscope::text
