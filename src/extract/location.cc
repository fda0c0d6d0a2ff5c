// Locations as job boards write them: "New York, NY", "Richardson, TX, United States", "London, England,
// United Kingdom", "San Francisco Bay Area", "Remote", "United States".
#include <array>

#include "base/strings.h"
#include "extract/extract.h"

namespace jobscope::extract {
namespace {

struct Region {
  std::string_view code;
  std::string_view name;
};
constexpr std::array<Region, 64> kUsAndCaRegions = {{
    {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"}, {"CA", "California"},
    {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"}, {"DC", "District of Columbia"},
    {"FL", "Florida"}, {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois"},
    {"IN", "Indiana"}, {"IA", "Iowa"}, {"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"},
    {"ME", "Maine"}, {"MD", "Maryland"}, {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"},
    {"MS", "Mississippi"}, {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
    {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
    {"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"},
    {"PA", "Pennsylvania"}, {"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"},
    {"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"},
    {"WA", "Washington"}, {"WV", "West Virginia"}, {"WI", "Wisconsin"}, {"WY", "Wyoming"},
    {"PR", "Puerto Rico"},
    // Canada: codes distinct from the US ones.
    {"ON", "Ontario"}, {"QC", "Quebec"}, {"BC", "British Columbia"}, {"AB", "Alberta"}, {"MB", "Manitoba"},
    {"SK", "Saskatchewan"}, {"NS", "Nova Scotia"}, {"NB", "New Brunswick"}, {"NL", "Newfoundland and Labrador"},
    {"PE", "Prince Edward Island"}, {"YT", "Yukon"}, {"NT", "Northwest Territories"},
}};
constexpr size_t kFirstCanadian = 52;

struct Country {
  std::string_view code;
  std::string_view name;
};
constexpr std::array<Country, 52> kCountries = {{
    {"US", "United States"}, {"US", "USA"}, {"US", "United States of America"}, {"US", "U.S."},
    {"GB", "United Kingdom"}, {"GB", "UK"}, {"GB", "England"}, {"GB", "Scotland"}, {"GB", "Wales"},
    {"CA", "Canada"}, {"DE", "Germany"}, {"FR", "France"}, {"NL", "Netherlands"}, {"ES", "Spain"},
    {"IT", "Italy"}, {"IE", "Ireland"}, {"CH", "Switzerland"}, {"SE", "Sweden"}, {"NO", "Norway"},
    {"DK", "Denmark"}, {"FI", "Finland"}, {"PL", "Poland"}, {"PT", "Portugal"}, {"AT", "Austria"},
    {"BE", "Belgium"}, {"IN", "India"}, {"CN", "China"}, {"JP", "Japan"}, {"SG", "Singapore"},
    {"AU", "Australia"}, {"NZ", "New Zealand"}, {"BR", "Brazil"}, {"MX", "Mexico"}, {"IL", "Israel"},
    {"AE", "United Arab Emirates"}, {"ZA", "South Africa"}, {"KR", "South Korea"}, {"HK", "Hong Kong"},
    {"TW", "Taiwan"}, {"CZ", "Czech Republic"}, {"RO", "Romania"}, {"HU", "Hungary"}, {"GR", "Greece"},
    {"TR", "Turkey"}, {"AR", "Argentina"}, {"CO", "Colombia"}, {"CL", "Chile"}, {"PH", "Philippines"},
    {"NG", "Nigeria"}, {"EG", "Egypt"}, {"PK", "Pakistan"}, {"MU", "Mauritius"},
}};

struct Metro {
  std::string_view name;  // as boards write it
  std::string_view city;
  std::string_view region;
};
constexpr std::array<Metro, 8> kMetros = {{
    {"San Francisco Bay Area", "San Francisco", "CA"}, {"Greater Seattle Area", "Seattle", "WA"},
    {"New York City Metropolitan Area", "New York", "NY"}, {"Greater Boston", "Boston", "MA"},
    {"Los Angeles Metropolitan Area", "Los Angeles", "CA"}, {"Washington DC-Baltimore Area", "Washington", "DC"},
    {"Greater Chicago Area", "Chicago", "IL"}, {"Dallas-Fort Worth Metroplex", "Dallas", "TX"},
}};

const Region* FindRegion(std::string_view part, size_t* index) {
  for (size_t idx = 0; idx < kUsAndCaRegions.size(); ++idx) {
    const Region& region = kUsAndCaRegions[idx];
    if (part == region.code || EqualsIgnoreCase(part, region.name)) {
      *index = idx;
      return &region;
    }
  }
  return nullptr;
}

const Country* FindCountry(std::string_view part) {
  for (const Country& country : kCountries) {
    if (EqualsIgnoreCase(part, country.name)) return &country;
  }
  return nullptr;
}

bool IsRemoteWord(std::string_view part) {
  return EqualsIgnoreCase(part, "remote") || EqualsIgnoreCase(part, "anywhere") ||
         EqualsIgnoreCase(part, "work from home") || EqualsIgnoreCase(part, "hybrid") ||
         EqualsIgnoreCase(part, "hybrid remote");
}

}  // namespace

Location ParseLocation(std::string_view text) {
  Location location;
  std::vector<std::string_view> parts;
  for (std::string_view part : SplitOn(text, ',')) {
    part = TrimAscii(part);
    // "Austin, TX (Remote)", "Remote - US": drop the remote note, keep the place.
    size_t paren = part.find(" (");
    if (paren != std::string_view::npos) part = TrimAscii(part.substr(0, paren));
    if (part.starts_with("Remote - ") || part.starts_with("Remote in ")) part = TrimAscii(part.substr(9));
    if (!part.empty() && !IsRemoteWord(part)) parts.push_back(part);
  }
  for (const Metro& metro : kMetros) {
    if (!parts.empty() && EqualsIgnoreCase(parts[0], metro.name)) {
      location.city = std::string(metro.city);
      location.region = std::string(metro.region);
      location.country = "US";
      return location;
    }
  }
  if (parts.empty()) return location;
  // Work from the end: country, then region, then city.
  size_t last = parts.size();
  if (const Country* country = FindCountry(parts[last - 1])) {
    location.country = std::string(country->code);
    --last;
  }
  if (last > 0) {
    size_t region_index = 0;
    if (const Region* region = FindRegion(parts[last - 1], &region_index)) {
      bool canadian = region_index >= kFirstCanadian;
      if (location.country.empty() || location.country == (canadian ? "CA" : "US")) {
        location.region = std::string(region->code);
        if (location.country.empty()) location.country = canadian ? "CA" : "US";
        --last;
      }
    } else if (!location.country.empty() && last >= 2) {
      location.region = std::string(parts[last - 1]);  // "London, England, United Kingdom"
      --last;
    }
  }
  if (last > 0) location.city = std::string(parts[0]);
  if (location.city == location.region) location.city.clear();
  return location;
}

}  // namespace jobscope::extract
