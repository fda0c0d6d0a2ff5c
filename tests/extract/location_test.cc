// ParseLocation on the shapes boards write, and DetectRemote on fields and description text.
#include <gtest/gtest.h>

#include "extract/extract.h"

namespace jobscope::extract {
namespace {

std::string CountryOf(std::string_view text) { return ParseLocation(text).country; }

TEST(CountryCode, TwoLettersAreACodeAndLongerNamesAreLookedUp) {
  EXPECT_EQ(CountryCode("de"), "DE");  // Germany, not Delaware
  EXPECT_EQ(CountryCode("CA"), "CA");
  EXPECT_EQ(CountryCode("Germany"), "DE");
  EXPECT_EQ(CountryCode("United States"), "US");
  EXPECT_EQ(CountryCode("Atlantis"), "");
}

TEST(ParseLocation, CitiesAloneResolveToTheirCountry) {
  EXPECT_EQ(CountryOf("New York City"), "US");
  EXPECT_EQ(CountryOf("NYC"), "US");
  EXPECT_EQ(CountryOf("London"), "GB");
  EXPECT_EQ(CountryOf("Bangkok"), "TH");
  EXPECT_EQ(CountryOf("Bangalore"), "IN");
  EXPECT_EQ(CountryOf("Bengaluru"), "IN");
  EXPECT_EQ(CountryOf("Singapore"), "SG");
  EXPECT_EQ(CountryOf("Toronto"), "CA");
  EXPECT_EQ(CountryOf("Berlin"), "DE");
  EXPECT_EQ(CountryOf("bangalore"), "IN");  // case does not matter for names
}

TEST(LocationStatedIn, ALabelledPlaceNearTheStart) {
  Location stated = LocationStatedIn("Data Scientist Location Sandy, UT Start Date Jan 22, 2020 Apply Now");
  EXPECT_EQ(stated.country, "US");
  EXPECT_EQ(stated.region, "UT");
  EXPECT_EQ(LocationStatedIn("About us\nJob Location: London\nWhat you will do").country, "GB");
  // Not a label, no place after it, or too far down to be a header field.
  EXPECT_EQ(LocationStatedIn("We relocation-proof our teams in Paris.").country, "");
  EXPECT_EQ(LocationStatedIn("Location: flexible").country, "");
  EXPECT_EQ(LocationStatedIn(std::string(2500, 'x') + " Location: Berlin, Germany").country, "");
}

TEST(ParseLocation, CanonicalNameAndRegionForAKnownCity) {
  Location nyc = ParseLocation("NYC");
  EXPECT_EQ(nyc.city, "New York");
  EXPECT_EQ(nyc.region, "NY");
  Location bangalore = ParseLocation("Bangalore, India");
  EXPECT_EQ(bangalore.city, "Bengaluru");
  EXPECT_EQ(bangalore.country, "IN");
}

TEST(ParseLocation, MetroShapes) {
  EXPECT_EQ(CountryOf("Greater Seattle Area"), "US");
  EXPECT_EQ(ParseLocation("Greater Seattle Area").city, "Seattle");
  EXPECT_EQ(CountryOf("San Francisco Bay Area"), "US");
  EXPECT_EQ(CountryOf("Atlanta Metropolitan Area"), "US");
  EXPECT_EQ(CountryOf("Dallas-Fort Worth Metroplex"), "US");
  EXPECT_EQ(CountryOf("Greater Toronto Area"), "CA");
  EXPECT_EQ(CountryOf("Barcelona Area"), "ES");
}

TEST(ParseLocation, CountryNamedLast) {
  EXPECT_EQ(CountryOf("Bangkok, Thailand"), "TH");
  EXPECT_EQ(CountryOf("Milton Keynes, United Kingdom"), "GB");
  EXPECT_EQ(CountryOf("Eb\u00e8ne, Mauritius"), "MU");
  EXPECT_EQ(CountryOf("Kadik\u00f6y / Istanbul, Istanbul, T\u00fcrkiye"), "TR");
  EXPECT_EQ(CountryOf("Seoul, Seoul, Korea, Republic of"), "KR");
  EXPECT_EQ(CountryOf("Smallville, Ruritania, Peru"), "PE");  // unknown town and region, known country
}

TEST(ParseLocation, IsoCodes) {
  EXPECT_EQ(CountryOf("London, GB"), "GB");
  EXPECT_EQ(CountryOf("Bangkok, TH"), "TH");
  EXPECT_EQ(CountryOf("Tokyo, JPN"), "JP");
  EXPECT_EQ(CountryOf("Budapest, HUN"), "HU");
  EXPECT_EQ(CountryOf("Sao Paulo, Sao Paulo, BRA"), "BR");
  EXPECT_EQ(CountryOf("BR S\u00e3o Paulo, S\u00e3o Paulo, Brazil"), "BR");
  EXPECT_EQ(CountryOf("PT Porto, Portugal"), "PT");
}

TEST(ParseLocation, RemoteNotesAroundAPlace) {
  EXPECT_EQ(CountryOf("United States - Remote"), "US");
  EXPECT_EQ(CountryOf("Remote - US"), "US");
  EXPECT_EQ(CountryOf("Remote (Canada)"), "CA");
  EXPECT_EQ(CountryOf("IN-Remote"), "IN");
  EXPECT_EQ(CountryOf("Remote-CAN"), "CA");
  EXPECT_EQ(CountryOf("Colombia Remote"), "CO");
  EXPECT_EQ(CountryOf("Remote in Philippines"), "PH");
  EXPECT_EQ(CountryOf("Anywhere in the US"), "US");
  EXPECT_EQ(CountryOf("Remote- U.S. Based"), "US");
  EXPECT_EQ(CountryOf("London, England, United Kingdom - Remote"), "GB");
  EXPECT_EQ(CountryOf("Remote"), "");
  EXPECT_EQ(CountryOf("Remote job"), "");
  EXPECT_EQ(CountryOf("Remote - North America"), "");
  EXPECT_EQ(CountryOf("EMEA"), "");
}

TEST(ParseLocation, AmbiguousNamesPreferTheMostPopulousUnlessARegionSaysOtherwise) {
  EXPECT_EQ(CountryOf("London"), "GB");
  EXPECT_EQ(CountryOf("London, ON"), "CA");
  EXPECT_EQ(CountryOf("London, Ontario"), "CA");
  EXPECT_EQ(CountryOf("London, Canada"), "CA");
  EXPECT_EQ(CountryOf("Paris"), "FR");
  EXPECT_EQ(CountryOf("Paris, TX"), "US");
  EXPECT_EQ(CountryOf("Cambridge, MA"), "US");
  EXPECT_EQ(CountryOf("Cambridge, England"), "GB");
  EXPECT_EQ(CountryOf("Melbourne, FL"), "US");
  EXPECT_EQ(CountryOf("Melbourne, Victoria"), "AU");
  EXPECT_EQ(CountryOf("San Marino, CA"), "US");
  EXPECT_EQ(CountryOf("Tbilisi, Georgia"), "GE");
  EXPECT_EQ(CountryOf("Atlanta, Georgia"), "US");
  EXPECT_EQ(CountryOf("Georgia, United States"), "US");
}

TEST(ParseLocation, CodesThatAreBothAStateAndACountry) {
  EXPECT_EQ(CountryOf("Pune, IN"), "IN");
  EXPECT_EQ(CountryOf("Boston, IN"), "US");
  EXPECT_EQ(CountryOf("Stuttgart, DE"), "DE");
  EXPECT_EQ(CountryOf("Wilmington, DE"), "US");
  EXPECT_EQ(CountryOf("Dublin, CA"), "US");
  EXPECT_EQ(CountryOf("Amsterdam, NL"), "NL");
  EXPECT_EQ(CountryOf("Remote, CA, United States"), "US");
  EXPECT_EQ(CountryOf("CA - San Francisco HQ"), "US");
  EXPECT_EQ(CountryOf("Remote, OR, United States"), "US");
  EXPECT_EQ(ParseLocation("Portland, OR").region, "OR");
}

TEST(ParseLocation, SeveralPlacesTakeTheFirst) {
  EXPECT_EQ(CountryOf("Toronto, Palo Alto, San Francisco, London"), "CA");
  EXPECT_EQ(CountryOf("Seattle, WA; San Francisco, CA"), "US");
  EXPECT_EQ(CountryOf("Lisbon, Portugal or London, United Kingdom"), "PT");
  EXPECT_EQ(CountryOf("Remote OR Portland, OR/Boston, MA"), "US");
  EXPECT_EQ(CountryOf("IN-Bengaluru, IN-Hyderabad, IN-Remote"), "IN");
  EXPECT_EQ(CountryOf("Ho Chi Minh City, Ho Chi Minh \u2026"), "VN");  // a value cut off by the board
}

TEST(ParseLocation, AccentsAndNativeNames) {
  EXPECT_EQ(CountryOf("Montr\u00e9al, QC"), "CA");
  EXPECT_EQ(ParseLocation("Montr\u00e9al").city, "Montreal");
  EXPECT_EQ(CountryOf("Krak\u00f3w"), "PL");
  EXPECT_EQ(CountryOf("Wroc\u0142aw"), "PL");
  EXPECT_EQ(CountryOf("Bogot\u00e1"), "CO");
  EXPECT_EQ(CountryOf("M\u00fcnchen"), "DE");
  EXPECT_EQ(CountryOf("Timi\u0219oara"), "RO");
}

TEST(ParseLocation, CityRegionCountryAsWritten) {
  Location location = ParseLocation("Richardson, TX, United States");
  EXPECT_EQ(location.city, "Richardson");
  EXPECT_EQ(location.region, "TX");
  EXPECT_EQ(location.country, "US");
  Location dc = ParseLocation("Washington, DC");
  EXPECT_EQ(dc.city, "Washington");
  EXPECT_EQ(dc.region, "DC");
  Location state = ParseLocation("Texas, United States");
  EXPECT_EQ(state.city, "");
  EXPECT_EQ(state.region, "TX");
  Location uk = ParseLocation("London, England, United Kingdom");
  EXPECT_EQ(uk.region, "England");
}

}  // namespace
}  // namespace jobscope::extract

namespace jobscope::extract {
namespace {

RemoteMode ModeOf(std::string_view description, std::string_view location = "",
                  std::string_view title = "ML Engineer") {
  RawPosting raw;
  raw.title = std::string(title);
  raw.location = std::string(location);
  raw.description = std::string(description);
  return DetectRemote(raw, {});
}

TEST(DetectRemote, FieldsFirst) {
  EXPECT_EQ(ModeOf("", "Austin, TX (Remote)"), RemoteMode::kRemote);
  EXPECT_EQ(ModeOf("", "New York City - Hybrid"), RemoteMode::kHybrid);
  EXPECT_EQ(ModeOf("", "", "Data Engineer 5 - Contract (Remote)"), RemoteMode::kRemote);
  EXPECT_EQ(ModeOf("", "", "Remote Sensing Scientist"), RemoteMode::kUnknown);  // a field, not a way of working
  RawPosting raw;
  raw.is_remote = true;
  EXPECT_EQ(DetectRemote(raw, {}), RemoteMode::kRemote);
}

TEST(DetectRemote, StatementsInTheDescription) {
  EXPECT_EQ(ModeOf("About us.\nThis role is remote.\nRequirements: Python."), RemoteMode::kRemote);
  EXPECT_EQ(ModeOf("We are a fully remote team building search."), RemoteMode::kRemote);
  EXPECT_EQ(ModeOf("Acme is a remote-first company."), RemoteMode::kRemote);
  EXPECT_EQ(ModeOf("You can work from home anywhere in the US."), RemoteMode::kRemote);
  EXPECT_EQ(ModeOf("Location: Remote"), RemoteMode::kRemote);
  EXPECT_EQ(ModeOf("This position is hybrid (3 days in office)."), RemoteMode::kHybrid);
  EXPECT_EQ(ModeOf("Employees are required to come in office 3x a week."), RemoteMode::kHybrid);
  EXPECT_EQ(ModeOf("Location: Rutherford, NJ - Hybrid"), RemoteMode::kHybrid);
  EXPECT_EQ(ModeOf("Location: Austin, TX\nOn-site"), RemoteMode::kOnSite);
  EXPECT_EQ(ModeOf("This role is onsite in Austin."), RemoteMode::kOnSite);
  EXPECT_EQ(ModeOf("The team works in-office 5 days."), RemoteMode::kOnSite);
  EXPECT_EQ(ModeOf("This is not a remote position."), RemoteMode::kOnSite);
  EXPECT_EQ(ModeOf("Location: 1 Week Onsite, 3 Weeks Remote - Boston, MA"), RemoteMode::kHybrid);
}

TEST(DetectRemote, BoilerplateDoesNotDecide) {
  const char* perks =
      "Benefits:\n* Competitive salary\n* Remote work flexibility\n* Home office stipend\n* Onsite gym\n";
  EXPECT_EQ(ModeOf(perks), RemoteMode::kUnknown);
  EXPECT_EQ(ModeOf(std::string("This role is on-site in Austin, TX.\n") + perks), RemoteMode::kOnSite);
  EXPECT_EQ(ModeOf("For roles that are available to be filled remotely, base salary is localized."),
            RemoteMode::kUnknown);
  EXPECT_EQ(ModeOf("Experience with remote sensing and remote teams."), RemoteMode::kUnknown);
  EXPECT_EQ(ModeOf("We build hybrid search and hybrid cloud systems."), RemoteMode::kUnknown);
  EXPECT_EQ(ModeOf("Three in-office lunches per week."), RemoteMode::kUnknown);
  EXPECT_EQ(ModeOf("We prevent bias from gaining a foothold in our office."), RemoteMode::kUnknown);
}

TEST(DetectRemote, StrongerStatementsWin) {
  // A permission is weaker than the terms.
  EXPECT_EQ(ModeOf("We are open to remote arrangements in exceptional cases. We hire for in-person roles only."),
            RemoteMode::kOnSite);
  // A remote-first company with a hybrid model is hybrid.
  EXPECT_EQ(ModeOf("We offer a remote-first hybrid working model."), RemoteMode::kHybrid);
  // A conditional about another role does not count.
  EXPECT_EQ(ModeOf("This research role requires being onsite in San Francisco. If you're remote, see our other role."),
            RemoteMode::kOnSite);
}

}  // namespace
}  // namespace jobscope::extract
