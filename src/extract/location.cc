// Locations as job boards write them: "New York, NY", "Richardson, TX, United States", "London, England,
// United Kingdom", "San Francisco Bay Area", "Bangkok, TH", "Remote - US", "IN-Remote", "Tokyo, JPN",
// "BR São Paulo, Brazil", "Seattle, WA; San Francisco, CA". The text is cut into segments, each segment named
// by the gazetteer (internal/gazetteer.h) as a country, a region or a city, and the country decided by the
// strongest evidence: a named country, then a region (a US state code after a city wins over the city:
// "Paris, TX"), then the city's most populous namesake.
#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/strings.h"
#include "extract/extract.h"
#include "extract/internal/gazetteer.h"

namespace jobscope::extract {
namespace {

using internal::kGazetteerCities;
using internal::kGazetteerCountries;
using internal::kGazetteerRegions;

// ---- keys: how names are compared ------------------------------------------------------------------------

// U+00C0..U+017F without their marks (lowercase comes after), so "Montréal", "Kraków", "Türkiye" and
// "Timișoara" meet the ASCII names in the gazetteer.
constexpr std::string_view kLatin1Folded = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
constexpr std::string_view kLatinAFolded =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUu"
    "UuUuUuUuWwYyYZzZzZzs";

// Appends the key form of `word`: accents folded, ASCII lowercase, dots and apostrophes dropped ("St." and
// "St" meet, "Ra'anana" and "Raanana").
void AppendKey(std::string_view word, std::string& key) {
  for (size_t idx = 0; idx < word.size(); ++idx) {
    unsigned char c = static_cast<unsigned char>(word[idx]);
    if (c < 0x80) {
      if (c == '.' || c == '\'' || c == '*' || c == '"') continue;
      key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      continue;
    }
    if (idx + 1 < word.size() && c >= 0xC3 && c <= 0xC5) {
      unsigned code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(word[idx + 1]) & 0x3Fu);
      char folded = code >= 0xC0 && code < 0x100    ? kLatin1Folded[code - 0xC0]
                    : code >= 0x100 && code < 0x180 ? kLatinAFolded[code - 0x100]
                                                    : 0;
      if (folded) {
        key.push_back(folded >= 'A' && folded <= 'Z' ? static_cast<char>(folded - 'A' + 'a') : folded);
        ++idx;
        continue;
      }
    }
    if (c == 0xC8 && idx + 1 < word.size()) {  // Romanian ș ț (U+0218..U+021B)
      unsigned char next = static_cast<unsigned char>(word[idx + 1]);
      if (next >= 0x98 && next <= 0x9B) {
        key.push_back(next <= 0x99 ? 's' : 't');
        ++idx;
        continue;
      }
    }
    if (c == 0xE2 && idx + 2 < word.size() && word[idx + 1] == '\x80' && word[idx + 2] == '\x99') {
      idx += 2;  // ’ as an apostrophe
      continue;
    }
    key.push_back(static_cast<char>(c));
  }
}

bool IsWordBreak(char c) { return c == ' ' || c == '-' || c == '\t' || c == '_'; }

// The key of a whole name: words joined by one space ("Tel Aviv-Yafo" -> "tel aviv yafo").
std::string KeyOf(std::string_view name) {
  std::string key;
  size_t start = 0;
  for (size_t idx = 0; idx <= name.size(); ++idx) {
    if (idx < name.size() && !IsWordBreak(name[idx])) continue;
    if (idx > start) {
      size_t before = key.size();
      if (!key.empty()) key.push_back(' ');
      AppendKey(name.substr(start, idx - start), key);
      if (key.size() == before + 1) key.pop_back();  // the word was all punctuation
    }
    start = idx + 1;
  }
  return key;
}

// ---- the gazetteer, parsed once ----------------------------------------------------------------------------

struct RegionEntry {
  std::string_view country;
  std::string_view code;  // US/CA postal code, else empty
};
struct CityEntry {
  std::string_view country;
  std::string_view region;
  std::string_view name;  // the place's first name, reported for an alias
};

struct Gazetteer {
  std::unordered_map<std::string, std::string_view> country_names;  // key -> alpha-2
  std::unordered_map<std::string, std::string_view> country_codes;  // "GB", "UK", "GBR" -> alpha-2
  std::unordered_map<std::string, RegionEntry> region_names;        // key -> region
  std::unordered_map<std::string, RegionEntry> region_codes;        // "TX", "ON" -> region
  std::unordered_map<std::string, std::vector<CityEntry>> cities;   // key -> namesakes, most populous first
};

std::vector<std::string_view> Fields(std::string_view line, char sep) {
  std::vector<std::string_view> fields;
  for (std::string_view field : SplitOn(line, sep)) fields.push_back(TrimAscii(field));
  return fields;
}

Gazetteer BuildGazetteer() {
  Gazetteer g;
  for (std::string_view line : SplitOn(kGazetteerCountries, '\n')) {
    std::vector<std::string_view> f = Fields(line, '|');
    if (f.size() < 3) continue;
    g.country_codes.emplace(std::string(f[0]), f[0]);
    g.country_codes.emplace(std::string(f[1]), f[0]);
    for (size_t idx = 2; idx < f.size(); ++idx) g.country_names.emplace(KeyOf(f[idx]), f[0]);
  }
  g.country_codes.emplace("UK", "GB");
  for (std::string_view line : SplitOn(kGazetteerRegions, '\n')) {
    std::vector<std::string_view> f = Fields(line, '|');
    if (f.size() < 3) continue;
    RegionEntry entry{f[0], f[1]};
    if (!f[1].empty()) g.region_codes.emplace(std::string(f[1]), entry);
    for (size_t idx = 2; idx < f.size(); ++idx) g.region_names.emplace(KeyOf(f[idx]), entry);
  }
  for (std::string_view line : SplitOn(kGazetteerCities, '\n')) {
    std::vector<std::string_view> f = Fields(line, '|');
    if (f.size() < 3) continue;
    for (size_t idx = 2; idx < f.size(); ++idx) {
      std::vector<std::string_view> names = Fields(f[idx], '=');
      for (std::string_view name : names) g.cities[KeyOf(name)].push_back({f[0], f[1], names[0]});
    }
  }
  return g;
}

const Gazetteer& Places() {
  static const Gazetteer gazetteer = BuildGazetteer();
  return gazetteer;
}

// ---- segments -----------------------------------------------------------------------------------------------

// Words around a place that say how or where the work is done rather than where the place is.
bool IsFillerWord(std::string_view key) {
  static constexpr std::string_view kFillers[] = {
      "remote", "remotely",    "hybrid",   "onsite",    "on",       "site",         "office",   "in",       "the",
      "from",   "within",      "to",       "open",      "work",     "home",         "wfh",      "anywhere", "worldwide",
      "global", "globally",    "job",      "jobs",      "hq",       "headquarters", "based",    "only",     "fully",
      "100%",   "telecommute", "flexible", "preferred", "location", "locations",    "multiple", "various",  "position",
      "first",  "friendly",    "possible", "option",    "optional", "available"};
  for (std::string_view filler : kFillers) {
    if (key == filler) return true;
  }
  return false;
}

bool IsAllCaps(std::string_view word) {
  bool letter = false;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    letter = letter || (c >= 'A' && c <= 'Z');
  }
  return letter;
}

struct Word {
  std::string_view text;  // as written
  std::string key;
};

std::vector<Word> WordsOf(std::string_view segment) {
  std::vector<Word> words;
  size_t start = 0;
  for (size_t idx = 0; idx <= segment.size(); ++idx) {
    if (idx < segment.size() && !IsWordBreak(segment[idx])) continue;
    if (idx > start) {
      Word word{segment.substr(start, idx - start), {}};
      AppendKey(word.text, word.key);
      if (!word.key.empty()) words.push_back(std::move(word));
    }
    start = idx + 1;
  }
  return words;
}

// What a segment names.
enum class Kind { kUnknown, kCountry, kRegion, kCity };

struct Item {
  Kind kind = Kind::kUnknown;
  std::string_view country;  // kCountry, kRegion
  RegionEntry region;        // kRegion
  // kRegion that may instead mean a country: a code that is also a country's ("IN", "DE", "CA") or the name
  // "Georgia". `alone_is_country`: with no other place beside it, it is the country ("IN-Remote").
  std::string_view other_country;
  bool alone_is_country = false;
  const std::vector<CityEntry>* cities = nullptr;  // kCity
  std::string text;                                // as written, fillers dropped
};

// Areas that span countries name none: "Remote - North America", "EMEA", "Eastern Europe".
bool IsAreaWithoutCountry(const std::vector<Word>& words, size_t first, size_t last) {
  static constexpr std::string_view kAreas[] = {"europe",
                                                "european union",
                                                "eu",
                                                "emea",
                                                "apac",
                                                "latam",
                                                "north america",
                                                "south america",
                                                "latin america",
                                                "central america",
                                                "asia",
                                                "asia pacific",
                                                "eastern europe",
                                                "western europe",
                                                "central europe",
                                                "northern europe",
                                                "southern europe",
                                                "nordics",
                                                "africa",
                                                "middle east",
                                                "americas",
                                                "international",
                                                "us and canada",
                                                "us canada",
                                                "dach",
                                                "benelux",
                                                "uk and europe",
                                                "uk europe"};
  std::string key;
  for (size_t idx = first; idx < last; ++idx) {
    if (!key.empty()) key.push_back(' ');
    key += words[idx].key;
  }
  for (std::string_view area : kAreas) {
    if (key == area) return true;
  }
  return false;
}

// Names one run of words (a whole segment or part of one).
bool Classify(const std::vector<Word>& words, size_t first, size_t last, Item& item) {
  const Gazetteer& g = Places();
  if (first >= last) return false;
  std::string key;
  for (size_t idx = first; idx < last; ++idx) {
    if (!key.empty()) key.push_back(' ');
    key += words[idx].key;
  }
  // Codes count only as written in capitals: "IN", "ON" and "OR" are codes, "in", "on" and "or" words.
  if (last - first == 1 && IsAllCaps(words[first].text)) {
    std::string code = words[first].key;
    for (char& c : code) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (code.size() == 2) {
      auto region = g.region_codes.find(code);
      if (region != g.region_codes.end()) {
        item.kind = Kind::kRegion;
        item.region = region->second;
        item.country = region->second.country;
        if (auto country = g.country_codes.find(code); country != g.country_codes.end()) {
          item.other_country = country->second;
          item.alone_is_country = true;
        }
        return true;
      }
    }
    if (code.size() == 2 || code.size() == 3) {
      auto country = g.country_codes.find(code);
      if (country != g.country_codes.end()) {
        item.kind = Kind::kCountry;
        item.country = country->second;
        return true;
      }
    }
  }
  if (auto country = g.country_names.find(key); country != g.country_names.end()) {
    item.kind = Kind::kCountry;
    item.country = country->second;
    return true;
  }
  if (auto region = g.region_names.find(key); region != g.region_names.end()) {
    item.kind = Kind::kRegion;
    item.region = region->second;
    item.country = region->second.country;
    if (key == "georgia") item.other_country = "GE";
    return true;
  }
  if (auto city = g.cities.find(key); city != g.cities.end()) {
    item.kind = Kind::kCity;
    item.cities = &city->second;
    return true;
  }
  // Metro shapes: "Greater Seattle Area", "Atlanta Metropolitan Area", "San Diego County", "Dallas-Fort
  // Worth Metroplex".
  size_t metro_first = first, metro_last = last;
  if (metro_last - metro_first > 1 && words[metro_first].key == "greater") ++metro_first;
  static constexpr std::string_view kMetroTails[] = {"area",   "metropolitan", "metro", "metroplex",
                                                     "region", "county",       "city",  "bay"};
  for (bool trimmed = true; trimmed && metro_last - metro_first > 1;) {
    trimmed = false;
    for (std::string_view tail : kMetroTails) {
      if (words[metro_last - 1].key == tail) {
        --metro_last;
        trimmed = true;
        break;
      }
    }
  }
  if (metro_first != first || metro_last != last) return Classify(words, metro_first, metro_last, item);
  return false;
}

// Cuts `text` into segments at the separators boards use between places.
std::vector<std::string_view> Segments(std::string_view text) {
  std::vector<std::string_view> segments;
  size_t start = 0;
  auto cut = [&](size_t end, size_t next) {
    if (end > start) segments.push_back(text.substr(start, end - start));
    start = next;
  };
  for (size_t idx = 0; idx < text.size(); ++idx) {
    char c = text[idx];
    if (c == ',' || c == ';' || c == '|' || c == '/' || c == '(' || c == ')' || c == '[' || c == ']' || c == ':' ||
        c == '&' || c == '+' || c == '\n' || c == '\r') {
      cut(idx, idx + 1);
    } else if (c == ' ' && idx + 2 < text.size() && text[idx + 1] == '-' && text[idx + 2] == ' ') {
      cut(idx, idx + 3);  // "Remote - US"; a bare hyphen joins names ("Tel Aviv-Yafo")
      idx += 2;
    } else if (c == '\xE2' && idx + 2 < text.size() && text[idx + 1] == '\x80' &&
               (text[idx + 2] == '\x93' || text[idx + 2] == '\x94' || text[idx + 2] == '\xA6')) {
      cut(idx, idx + 3);  // en dash, em dash, and the "…" of a cut-off value
      idx += 2;
    }
  }
  cut(text.size(), text.size());
  return segments;
}

// Names the places in one segment, appending to `items`. A segment that is not one name may be two
// ("BR São Paulo", "MA USA", "Remote OR Portland") or a name among other words ("Central U.S. to").
void NameSegment(std::string_view segment, std::vector<Item>& items) {
  std::vector<Word> words = WordsOf(segment);
  // "or" between places splits them; a lone "OR" is Oregon.
  for (size_t idx = 1; idx + 1 < words.size(); ++idx) {
    if (words[idx].key == "or") {
      size_t cut = static_cast<size_t>(words[idx].text.data() - segment.data());
      NameSegment(segment.substr(0, cut), items);
      NameSegment(segment.substr(cut + words[idx].text.size()), items);
      return;
    }
  }
  size_t first = 0, last = words.size();
  // A filler written as a code stays: "IN-Remote" is India, "Toronto, ON" Ontario.
  auto filler = [&](const Word& word) {
    if (!IsFillerWord(word.key)) return false;
    Item code;
    return !(IsAllCaps(word.text) && Classify(words, static_cast<size_t>(&word - words.data()),
                                              static_cast<size_t>(&word - words.data()) + 1, code));
  };
  while (first < last && filler(words[first])) ++first;
  while (last > first && filler(words[last - 1])) --last;
  if (first == last) return;
  Item item;
  if (IsAreaWithoutCountry(words, first, last)) return;
  auto text_of = [&](size_t from, size_t to) {
    const char* begin = words[from].text.data();
    const char* end = words[to - 1].text.data() + words[to - 1].text.size();
    return std::string(begin, static_cast<size_t>(end - begin));
  };
  if (Classify(words, first, last, item)) {
    item.text = text_of(first, last);
    items.push_back(std::move(item));
    return;
  }
  if (last - first >= 2) {
    // A code or country before or after a place: "BR São Paulo", "IN Delhi", "Cambridge MA", "MA USA".
    Item head, tail;
    if (Classify(words, first, first + 1, head) && head.kind != Kind::kCity) {
      head.text = text_of(first, first + 1);
      Classify(words, first + 1, last, tail);
      tail.text = text_of(first + 1, last);
      items.push_back(std::move(head));
      items.push_back(std::move(tail));
      return;
    }
    head = Item{};
    if (Classify(words, last - 1, last, tail) && tail.kind != Kind::kCity) {
      Classify(words, first, last - 1, head);
      head.text = text_of(first, last - 1);
      tail.text = text_of(last - 1, last);
      items.push_back(std::move(head));
      items.push_back(std::move(tail));
      return;
    }
  }
  item = Item{};
  item.text = text_of(first, last);
  items.push_back(std::move(item));
}

// A country or region named somewhere inside an unknown segment ("Central U.S. to", "Poland or Eastern
// Europe"); longest run of words first. Cities are not looked for inside prose: "Nice", "Reading", "Split".
std::string_view CountryInside(std::string_view segment) {
  std::vector<Word> words = WordsOf(segment);
  for (size_t length = std::min<size_t>(words.size(), 4); length >= 1; --length) {
    for (size_t first = 0; first + length <= words.size(); ++first) {
      if (!(words[first].text[0] >= 'A' && words[first].text[0] <= 'Z')) continue;
      Item item;
      if (!Classify(words, first, first + length, item)) continue;
      bool bare_code = length == 1 && words[first].key.size() <= 2;  // "IN", "OR" inside prose say little
      if (item.kind == Kind::kCountry || (item.kind == Kind::kRegion && !bare_code)) return item.country;
    }
  }
  return {};
}

}  // namespace

std::string CountryCode(std::string_view code_or_name) {
  std::string_view trimmed = TrimAscii(code_or_name);
  if (trimmed.size() == 2 && std::isalpha(static_cast<unsigned char>(trimmed[0])) &&
      std::isalpha(static_cast<unsigned char>(trimmed[1]))) {
    return {static_cast<char>(std::toupper(static_cast<unsigned char>(trimmed[0]))),
            static_cast<char>(std::toupper(static_cast<unsigned char>(trimmed[1])))};
  }
  return ParseLocation(trimmed).country;
}

Location ParseLocation(std::string_view text) {
  Location location;
  std::vector<Item> items;
  for (std::string_view segment : Segments(text)) NameSegment(segment, items);
  if (items.empty()) return location;

  // A code that is both a state's and a country's ("IN", "DE", "CA") is the country when the city beside it
  // lies there ("Pune, IN", "Stuttgart, DE", "Tbilisi, Georgia") or when it stands alone ("IN-Remote");
  // else the state ("Boston, IN", "Dublin, CA").
  for (size_t idx = 0; idx < items.size(); ++idx) {
    Item& item = items[idx];
    if (item.kind != Kind::kRegion || item.other_country.empty()) continue;
    bool country = item.alone_is_country && items.size() == 1;
    const Item* neighbour = idx > 0 ? &items[idx - 1] : idx + 1 < items.size() ? &items[idx + 1] : nullptr;
    if (neighbour && neighbour->kind == Kind::kCity) {
      for (const CityEntry& city : *neighbour->cities) country = country || city.country == item.other_country;
    }
    if (country) {
      item.kind = Kind::kCountry;
      item.country = item.other_country;
    }
  }
  // A country's name just before a state or province is a town named after it: "San Marino, CA",
  // "Lebanon, PA", "Mexico, NY".
  for (size_t idx = 0; idx + 1 < items.size(); ++idx) {
    Item& item = items[idx];
    const Item& next = items[idx + 1];
    bool coded_region = next.kind == Kind::kRegion && !next.region.code.empty();
    if (item.kind == Kind::kCountry && coded_region && item.country != next.country && item.text.size() > 3) {
      item.kind = Kind::kUnknown;
    }
  }

  // The country: a named one, else a region's, else the first city's most populous namesake.
  const Item* named_country = nullptr;
  const Item* region = nullptr;
  const Item* city = nullptr;
  for (const Item& item : items) {
    if (item.kind == Kind::kCountry && !named_country) named_country = &item;
    if (item.kind == Kind::kRegion && !region) region = &item;
    if (item.kind == Kind::kCity && !city) city = &item;
  }
  if (named_country)
    location.country = std::string(named_country->country);
  else if (region)
    location.country = std::string(region->country);
  else if (city)
    location.country = std::string(city->cities->front().country);
  else {
    for (const Item& item : items) {
      std::string_view inside = CountryInside(item.text);
      if (!inside.empty()) {
        location.country = std::string(inside);
        break;
      }
    }
  }

  // City and region, from the first place: "City[, Region][, Country]". A region followed by another
  // region is a city of that name ("New York, NY", "Washington, DC").
  size_t city_at = items.size();
  for (size_t idx = 0; idx < items.size() && city_at == items.size(); ++idx) {
    const Item& item = items[idx];
    bool region_pair = item.kind == Kind::kRegion && idx + 1 < items.size() && items[idx + 1].kind == Kind::kRegion;
    if (item.kind == Kind::kCity || region_pair || (item.kind == Kind::kUnknown && idx == 0)) city_at = idx;
  }
  auto region_text = [](const Item& item) {
    return item.region.code.empty() ? item.text : std::string(item.region.code);
  };
  if (city_at < items.size()) {
    const Item& head = items[city_at];
    const Item* next = city_at + 1 < items.size() ? &items[city_at + 1] : nullptr;
    location.city = head.text;
    if (next && next->kind == Kind::kRegion && next->country == location.country) {
      location.region = region_text(*next);
    } else if (next && next->kind == Kind::kUnknown && city_at + 2 < items.size() &&
               items[city_at + 2].kind == Kind::kCountry) {
      location.region = next->text;  // "Heredia, Heredia Province, Costa Rica"
    }
    if (head.kind == Kind::kCity) {
      for (const CityEntry& entry : *head.cities) {
        if (entry.country != location.country) continue;
        location.city = std::string(entry.name);
        if (location.region.empty()) location.region = std::string(entry.region);
        break;
      }
    }
  } else if (region && region->country == location.country) {
    location.region = region_text(*region);
  }
  if (location.city == location.region) location.city.clear();
  return location;
}

Location LocationStatedIn(std::string_view description) {
  // Only the head of a posting holds its header fields; a "location" further down is prose.
  constexpr size_t kHead = 2000;
  constexpr size_t kValue = 80;
  std::string_view head = description.substr(0, kHead);
  for (size_t at = FindIgnoreCase(head, "location"); at != std::string_view::npos;
       at = FindIgnoreCase(head, "location", at + 1)) {
    bool word_start = at == 0 || !std::isalnum(static_cast<unsigned char>(head[at - 1]));
    size_t pos = at + std::string_view("location").size();
    if (!word_start || pos >= head.size() || (head[pos] != ':' && head[pos] != ' ' && head[pos] != '\t')) continue;
    while (pos < head.size() && (head[pos] == ':' || head[pos] == ' ' || head[pos] == '\t')) ++pos;
    std::string_view value = description.substr(pos, kValue);
    value = value.substr(0, value.find_first_of("\n|;"));
    if (value.empty() || !std::isupper(static_cast<unsigned char>(value[0]))) continue;
    Location location = ParseLocation(value);
    if (!location.country.empty()) return location;
  }
  return {};
}

}  // namespace jobscope::extract
