// The places ParseLocation knows, written from general knowledge as text tables that location.cc parses once
// into hash maps. Compiled in rather than read from data/ because ParseLocation is a pure function of one
// string (called by the understander and the salary command with no data directory at hand).
//
// Countries: "A2|A3|name|variant|..." (ISO 3166-1; names as boards write them, including native ones).
// Regions:   "CC|CODE|name|variant|..." (US states and Canadian provinces with their postal codes; the
//            first-level divisions of other countries that boards print, with no code).
// Cities:    "CC|REGION|place|place=alias=alias|..." A place matched by an alias is reported by its first name
//            (Bangalore as Bengaluru, NYC as New York); a name listed in several
//            countries resolves to the line written first unless a region or country beside it says
//            otherwise, so the most populous place of a name comes first ("London" GB before London, ON).
//            Every capital, the large metros, and the tech and job hubs boards name most.
#pragma once

#include <string_view>

namespace jobscope::extract::internal {

inline constexpr std::string_view kGazetteerCountries = R"(
AF|AFG|Afghanistan
AX|ALA|Aland Islands
AL|ALB|Albania
DZ|DZA|Algeria
AS|ASM|American Samoa
AD|AND|Andorra
AO|AGO|Angola
AI|AIA|Anguilla
AQ|ATA|Antarctica
AG|ATG|Antigua and Barbuda
AR|ARG|Argentina
AM|ARM|Armenia
AW|ABW|Aruba
AU|AUS|Australia
AT|AUT|Austria|Osterreich
AZ|AZE|Azerbaijan
BS|BHS|Bahamas|The Bahamas
BH|BHR|Bahrain
BD|BGD|Bangladesh
BB|BRB|Barbados
BY|BLR|Belarus
BE|BEL|Belgium|Belgique|Belgie
BZ|BLZ|Belize
BJ|BEN|Benin
BM|BMU|Bermuda
BT|BTN|Bhutan
BO|BOL|Bolivia
BA|BIH|Bosnia and Herzegovina|Bosnia|Bosnia & Herzegovina
BW|BWA|Botswana
BR|BRA|Brazil|Brasil
BN|BRN|Brunei|Brunei Darussalam
BG|BGR|Bulgaria
BF|BFA|Burkina Faso
BI|BDI|Burundi
CV|CPV|Cabo Verde|Cape Verde
KH|KHM|Cambodia
CM|CMR|Cameroon
CA|CAN|Canada
KY|CYM|Cayman Islands
CF|CAF|Central African Republic
TD|TCD|Chad
CL|CHL|Chile
CN|CHN|China|People's Republic of China|PRC|Mainland China
CO|COL|Colombia
KM|COM|Comoros
CG|COG|Republic of the Congo|Congo
CD|COD|Democratic Republic of the Congo|DR Congo|DRC
CR|CRI|Costa Rica
CI|CIV|Cote d'Ivoire|Ivory Coast
HR|HRV|Croatia|Hrvatska
CU|CUB|Cuba
CW|CUW|Curacao
CY|CYP|Cyprus
CZ|CZE|Czech Republic|Czechia
DK|DNK|Denmark|Danmark
DJ|DJI|Djibouti
DM|DMA|Dominica
DO|DOM|Dominican Republic
EC|ECU|Ecuador
EG|EGY|Egypt
SV|SLV|El Salvador
GQ|GNQ|Equatorial Guinea
ER|ERI|Eritrea
EE|EST|Estonia|Eesti
SZ|SWZ|Eswatini|Swaziland
ET|ETH|Ethiopia
FO|FRO|Faroe Islands
FJ|FJI|Fiji
FI|FIN|Finland|Suomi
FR|FRA|France
GF|GUF|French Guiana
PF|PYF|French Polynesia
GA|GAB|Gabon
GM|GMB|Gambia|The Gambia
GE|GEO|Republic of Georgia
DE|DEU|Germany|Deutschland
GH|GHA|Ghana
GI|GIB|Gibraltar
GR|GRC|Greece|Hellas
GL|GRL|Greenland
GD|GRD|Grenada
GP|GLP|Guadeloupe
GU|GUM|Guam
GT|GTM|Guatemala
GG|GGY|Guernsey
GN|GIN|Guinea
GW|GNB|Guinea-Bissau
GY|GUY|Guyana
HT|HTI|Haiti
HN|HND|Honduras
HK|HKG|Hong Kong|Hong Kong SAR|Hongkong
HU|HUN|Hungary|Magyarorszag
IS|ISL|Iceland
IN|IND|India|Bharat
ID|IDN|Indonesia
IR|IRN|Iran
IQ|IRQ|Iraq
IE|IRL|Ireland|Republic of Ireland|Eire
IM|IMN|Isle of Man
IL|ISR|Israel
IT|ITA|Italy|Italia
JM|JAM|Jamaica
JP|JPN|Japan
JE|JEY|Jersey
JO|JOR|Jordan
KZ|KAZ|Kazakhstan
KE|KEN|Kenya
KI|KIR|Kiribati
KP|PRK|North Korea
KR|KOR|South Korea|Korea|Republic of Korea|Korea, Republic of|Korea Republic of
XK|XKX|Kosovo
KW|KWT|Kuwait
KG|KGZ|Kyrgyzstan
LA|LAO|Laos|Lao PDR
LV|LVA|Latvia|Latvija
LB|LBN|Lebanon
LS|LSO|Lesotho
LR|LBR|Liberia
LY|LBY|Libya
LI|LIE|Liechtenstein
LT|LTU|Lithuania|Lietuva
LU|LUX|Luxembourg
MO|MAC|Macau|Macao
MG|MDG|Madagascar
MW|MWI|Malawi
MY|MYS|Malaysia
MV|MDV|Maldives
ML|MLI|Mali
MT|MLT|Malta
MH|MHL|Marshall Islands
MQ|MTQ|Martinique
MR|MRT|Mauritania
MU|MUS|Mauritius
YT|MYT|Mayotte
MX|MEX|Mexico|Mexique
FM|FSM|Micronesia
MD|MDA|Moldova
MC|MCO|Monaco
MN|MNG|Mongolia
ME|MNE|Montenegro
MA|MAR|Morocco|Maroc
MZ|MOZ|Mozambique
MM|MMR|Myanmar|Burma
NA|NAM|Namibia
NR|NRU|Nauru
NP|NPL|Nepal
NL|NLD|Netherlands|The Netherlands|Holland|Nederland
NC|NCL|New Caledonia
NZ|NZL|New Zealand|Aotearoa
NI|NIC|Nicaragua
NE|NER|Niger
NG|NGA|Nigeria
MK|MKD|North Macedonia|Macedonia
NO|NOR|Norway|Norge
OM|OMN|Oman
PK|PAK|Pakistan
PW|PLW|Palau
PS|PSE|Palestine|Palestinian Territories
PA|PAN|Panama
PG|PNG|Papua New Guinea
PY|PRY|Paraguay
PE|PER|Peru
PH|PHL|Philippines|The Philippines
PL|POL|Poland|Polska
PT|PRT|Portugal
PR|PRI|Puerto Rico
QA|QAT|Qatar
RE|REU|Reunion
RO|ROU|Romania
RU|RUS|Russia|Russian Federation
RW|RWA|Rwanda
KN|KNA|Saint Kitts and Nevis
LC|LCA|Saint Lucia
VC|VCT|Saint Vincent and the Grenadines
WS|WSM|Samoa
SM|SMR|San Marino
ST|STP|Sao Tome and Principe
SA|SAU|Saudi Arabia|KSA|Kingdom of Saudi Arabia
SN|SEN|Senegal
RS|SRB|Serbia|Srbija
SC|SYC|Seychelles
SL|SLE|Sierra Leone
SG|SGP|Singapore
SK|SVK|Slovakia|Slovak Republic
SI|SVN|Slovenia|Slovenija
SB|SLB|Solomon Islands
SO|SOM|Somalia
ZA|ZAF|South Africa|RSA
SS|SSD|South Sudan
ES|ESP|Spain|Espana
LK|LKA|Sri Lanka
SD|SDN|Sudan
SR|SUR|Suriname
SE|SWE|Sweden|Sverige
CH|CHE|Switzerland|Schweiz|Suisse|Svizzera
SY|SYR|Syria
TW|TWN|Taiwan|Republic of China
TJ|TJK|Tajikistan
TZ|TZA|Tanzania
TH|THA|Thailand
TL|TLS|Timor-Leste|East Timor
TG|TGO|Togo
TO|TON|Tonga
TT|TTO|Trinidad and Tobago|Trinidad
TN|TUN|Tunisia
TR|TUR|Turkey|Turkiye
TM|TKM|Turkmenistan
UG|UGA|Uganda
UA|UKR|Ukraine
AE|ARE|United Arab Emirates|UAE|U.A.E.|Emirates
GB|GBR|United Kingdom|UK|U.K.|Great Britain|Britain
US|USA|United States|United States of America|U.S.|U.S.A.|America|Estados Unidos|Etats-Unis
UY|URY|Uruguay
UZ|UZB|Uzbekistan
VU|VUT|Vanuatu
VE|VEN|Venezuela
VN|VNM|Vietnam|Viet Nam
VG|VGB|British Virgin Islands
VI|VIR|US Virgin Islands|U.S. Virgin Islands
YE|YEM|Yemen
ZM|ZMB|Zambia
ZW|ZWE|Zimbabwe
)";

// US states, DC and territories, then Canadian provinces and territories, then other countries' divisions.
inline constexpr std::string_view kGazetteerRegions = R"(
US|AL|Alabama
US|AK|Alaska
US|AZ|Arizona
US|AR|Arkansas
US|CA|California|Calif
US|CO|Colorado
US|CT|Connecticut
US|DE|Delaware
US|DC|District of Columbia
US|FL|Florida
US|GA|Georgia
US|HI|Hawaii
US|ID|Idaho
US|IL|Illinois
US|IN|Indiana
US|IA|Iowa
US|KS|Kansas
US|KY|Kentucky
US|LA|Louisiana
US|ME|Maine
US|MD|Maryland
US|MA|Massachusetts
US|MI|Michigan
US|MN|Minnesota
US|MS|Mississippi
US|MO|Missouri
US|MT|Montana
US|NE|Nebraska
US|NV|Nevada
US|NH|New Hampshire
US|NJ|New Jersey
US|NM|New Mexico
US|NY|New York|New York State
US|NC|North Carolina
US|ND|North Dakota
US|OH|Ohio
US|OK|Oklahoma
US|OR|Oregon
US|PA|Pennsylvania
US|RI|Rhode Island
US|SC|South Carolina
US|SD|South Dakota
US|TN|Tennessee
US|TX|Texas
US|UT|Utah
US|VT|Vermont
US|VA|Virginia
US|WA|Washington|Washington State
US|WV|West Virginia
US|WI|Wisconsin
US|WY|Wyoming
CA|ON|Ontario
CA|QC|Quebec
CA|BC|British Columbia
CA|AB|Alberta
CA|MB|Manitoba
CA|SK|Saskatchewan
CA|NS|Nova Scotia
CA|NB|New Brunswick
CA|NL|Newfoundland and Labrador|Newfoundland
CA|PE|Prince Edward Island
CA|YT|Yukon
CA|NT|Northwest Territories
CA|NU|Nunavut
GB||England|Scotland|Wales|Northern Ireland|Greater London|Greater Manchester|West Midlands
IN||Karnataka|Maharashtra|Telangana|Tamil Nadu|Kerala|Gujarat|Rajasthan|Uttar Pradesh|West Bengal|Haryana|Punjab|Andhra Pradesh|Madhya Pradesh|Odisha|Bihar|Delhi NCR|NCR|National Capital Region|Goa
AU||New South Wales|NSW|Victoria|VIC|Queensland|QLD|Western Australia|South Australia|Tasmania|Australian Capital Territory|ACT|Northern Territory
DE||Bavaria|Bayern|Baden-Wurttemberg|Baden Wuerttemberg|Hesse|Hessen|North Rhine-Westphalia|Nordrhein-Westfalen|Lower Saxony|Niedersachsen|Saxony|Sachsen
FR||Ile-de-France|Auvergne-Rhone-Alpes|Provence-Alpes-Cote d'Azur|Occitanie|Nouvelle-Aquitaine|Hauts-de-France|Brittany|Bretagne|Pays de la Loire|Grand Est|Loire-Atlantique
ES||Catalonia|Catalunya|Cataluna|Andalusia|Andalucia|Community of Madrid|Comunidad de Madrid|Valencian Community|Basque Country
NL||North Holland|Noord-Holland|South Holland|Zuid-Holland|North Brabant|Noord-Brabant|Gelderland
IT||Lombardy|Lombardia|Lazio|Piedmont|Piemonte|Veneto|Emilia-Romagna|Tuscany|Toscana|Metropolitan City of Milan
PL||Masovian Voivodeship|Mazowieckie|Lesser Poland Voivodeship|Malopolskie|Lower Silesian Voivodeship|Pomeranian Voivodeship
BR||State of Sao Paulo|Sao Paulo State|State of Rio de Janeiro|Minas Gerais|Parana|Santa Catarina|Rio Grande do Sul
MX||Nuevo Leon|Jalisco|Estado de Mexico|Baja California
CN||Guangdong|Zhejiang|Jiangsu|Sichuan
AE||Abu Dhabi Emirate|Dubai Emirate
IL||Tel Aviv District|Central District|Haifa District|Jerusalem District
GR||Attica|Attiki|Central Macedonia
SE||Stockholm County|Vastra Gotaland County|Skane County
ZA||Gauteng|Western Cape|KwaZulu-Natal
PH||Metro Manila
EG||Cairo Governorate|Giza Governorate|Alexandria Governorate
CH||Zurich Canton|Canton of Zurich|Vaud|Geneva Canton|Ticino
)";

inline constexpr std::string_view kGazetteerCities = R"(
US|NY|New York=New York City=NYC=Manhattan=Tri-State Area|Brooklyn|Queens|Bronx|Staten Island|Long Island|White Plains|Yonkers|Buffalo|Rochester|Albany|Syracuse|Ithaca|Utica
US|CA|San Francisco=SF=San Francisco Bay Area=Bay Area=SF Bay Area|Silicon Valley|South San Francisco|Los Angeles|Santa Monica|Culver City|Pasadena|Burbank|Long Beach|El Segundo|Glendale|Calabasas|San Jose|San Diego|Sacramento|Oakland|Berkeley|Palo Alto|Mountain View|Sunnyvale|Santa Clara|Cupertino|Menlo Park|Redwood City|San Mateo|Foster City|Fremont|Milpitas|Los Gatos|Burlingame|Pleasanton|Walnut Creek|Emeryville|San Carlos|Irvine|Costa Mesa|Newport Beach|Orange County|Anaheim|Fresno|Riverside|Santa Barbara|Petaluma|Aliso Viejo|Carlsbad|Campbell|Livermore|Torrance|San Ramon|Hayward|Santa Ana|Thousand Oaks|Playa Vista
US|WA|Seattle|Bellevue|Redmond|Kirkland|Tacoma|Everett|Bothell|Spokane|Olympia
US|MA|Boston|Somerville|Waltham|Needham|Woburn|Lexington|Quincy|Worcester|Framingham|Marlborough|Burlington
US|IL|Chicago=Chicagoland|Naperville|Evanston|Schaumburg|Deerfield|Champaign|Oak Brook|Rosemont
US|TX|Dallas=Dallas-Fort Worth=Dallas-Fort Worth Metroplex=DFW|Fort Worth|Irving|Plano|Frisco|Richardson|Addison|Grapevine|Coppell|Lewisville|Houston|The Woodlands|Sugar Land|Katy|Austin|Round Rock|Cedar Park|San Antonio|El Paso
US|DC|Washington DC=Washington D.C.=Washington DC-Baltimore=DC Metro=DMV
US|VA|Alexandria|Reston|Herndon|McLean|Tysons|Tysons Corner|Fairfax|Falls Church|Chantilly|Ashburn|Sterling|Dulles|Manassas|Richmond|Norfolk|Virginia Beach|Charlottesville|Leesburg|Arlington
US|MD|Baltimore|Bethesda|Rockville|Gaithersburg|Silver Spring|Annapolis|Annapolis Junction|Fort Meade
US|GA|Atlanta|Alpharetta|Marietta|Sandy Springs|Savannah
US|FL|Miami|Fort Lauderdale|Boca Raton|Orlando|Tampa|Jacksonville|Tallahassee|St. Pete|West Palm Beach|Deerfield Beach|Miami Beach
US|CO|Denver|Boulder|Colorado Springs|Englewood|Littleton|Broomfield|Fort Collins
US|AZ|Phoenix|Scottsdale|Tempe|Chandler|Mesa|Tucson
US|PA|Philadelphia=Philly|Pittsburgh|Harrisburg|Allentown|King of Prussia
US|OR|Portland|Beaverton|Hillsboro|Eugene
US|MN|Minneapolis=Minneapolis-St. Paul=Twin Cities|St. Paul=Saint Paul
US|MI|Detroit=Metro Detroit|Ann Arbor|Dearborn|Southfield|Grand Rapids|Lansing
US|OH|Columbus|Cleveland|Cincinnati|Dayton|Akron|Toledo|Wright Patterson AFB|Beavercreek
US|NC|Raleigh=Raleigh-Durham=Research Triangle|Durham|Charlotte|Cary|Morrisville|Chapel Hill|Greensboro|Winston-Salem|Asheville
US|TN|Nashville|Memphis|Knoxville|Chattanooga
US|MO|St. Louis=Saint Louis|Kansas City
US|UT|Salt Lake City|Lehi|Provo|South Jordan|Draper|Ogden
US|NV|Las Vegas|Reno|Henderson
US|NJ|Newark|Jersey City|Princeton|Hoboken|Edison|Iselin|Basking Ridge|Parsippany|Morristown|Trenton
US|CT|Hartford|Stamford|New Haven|Greenwich|Norwalk
US|IN|Indianapolis|Fort Wayne|West Lafayette
US|WI|Milwaukee
US|KY|Louisville
US|LA|New Orleans|Baton Rouge
US|AL|Huntsville|Montgomery
US|OK|Oklahoma City|Tulsa
US|NE|Omaha
US|KS|Wichita|Overland Park|Leawood
US|IA|Des Moines|Cedar Rapids
US|AR|Little Rock|Bentonville
US|NM|Albuquerque|Los Alamos
US|ID|Boise
US|HI|Honolulu
US|AK|Anchorage
US|RI|Providence
CA|ON|Toronto=Greater Toronto=GTA|Mississauga|Markham|Brampton|Oakville|Waterloo|Kitchener|Ottawa|Hamilton
CA|QC|Montreal|Quebec City|Laval|Gatineau
CA|BC|Vancouver|Burnaby|Victoria
CA|AB|Calgary|Edmonton
CA|MB|Winnipeg
CA|SK|Saskatoon|Regina
CA|NS|Halifax
GB||London=City of London|Manchester|Birmingham|Edinburgh|Glasgow|Leeds|Liverpool|Bristol|Cambridge|Oxford|Belfast|Cardiff|Newcastle=Newcastle upon Tyne|Sheffield|Nottingham|Leicester|Southampton|Reading|Milton Keynes|Brighton|Aberdeen|Bath|York|Coventry|Guildford|Slough|Swindon|Basingstoke|Cheltenham|Warrington|Leatherhead|Redditch|Reigate|Cheadle|Uttoxeter|Derby|Exeter|Norwich|Dundee|Stevenage|Crawley|Watford|Luton|Farnborough|Harwell|Culham|Canary Wharf|Bracknell|Sunderland|Plymouth|Ipswich|Chester
IE||Dublin|Cork|Galway|Limerick|Shannon|Waterford
FR||Paris|Marseille|Lyon|Toulouse|Nice|Nantes|Strasbourg|Montpellier|Bordeaux|Lille|Rennes|Grenoble|Sophia Antipolis|Nanterre|Massy|Saint-Herblain|Saint-Mande|Boulogne-Billancourt|Issy-les-Moulineaux|La Defense|Courbevoie|Puteaux|Levallois-Perret|Versailles|Saclay
DE||Berlin|Munich=Munchen=Muenchen|Hamburg|Frankfurt=Frankfurt am Main|Cologne=Koln|Stuttgart|Dusseldorf=Duesseldorf|Leipzig|Dresden|Hannover=Hanover|Nuremberg=Nurnberg|Bremen|Essen|Dortmund|Karlsruhe|Heidelberg|Mannheim|Bonn|Aachen|Darmstadt|Walldorf|Wolfsburg|Ingolstadt|Potsdam|Tubingen|Renningen|Erlangen|Freiburg|Mainz|Regensburg|Gerlingen|Waiblingen|Luneburg|Kusterdingen
NL||Amsterdam|Rotterdam|The Hague=Den Haag|Utrecht|Eindhoven|Delft|Leiden|Groningen|Haarlem|Amstelveen|Rijswijk|Hoofddorp|Maassluis|Nijmegen|Enschede|Tilburg|Breda|Oegstgeest
BE||Brussels=Bruxelles=Brussel|Antwerp=Antwerpen|Ghent=Gent|Leuven|Liege|Mechelen
LU||Luxembourg City
CH||Zurich|Geneva=Geneve|Basel|Bern|Lausanne|Zug|Lugano|Winterthur|Chiasso|Bioggio
AT||Vienna=Wien|Graz|Linz|Salzburg|Innsbruck
ES||Madrid|Barcelona|Valencia|Seville=Sevilla|Malaga|Bilbao|Zaragoza|Palma|Alicante|Las Palmas
PT||Lisbon=Lisboa|Porto|Braga|Coimbra|Aveiro|Ovar|Faro
IT||Rome=Roma|Milan=Milano|Turin=Torino|Naples=Napoli|Florence=Firenze|Bologna|Genoa=Genova|Venice=Venezia|Padua=Padova|Pisa|Trieste|Verona
DK||Copenhagen=Kobenhavn|Aarhus=Arhus|Odense|Aalborg|Ballerup|Kolding
SE||Stockholm|Gothenburg=Goteborg|Malmo|Uppsala|Lund|Linkoping|Solna|Kista
NO||Oslo|Bergen|Trondheim|Stavanger
FI||Helsinki|Espoo|Tampere|Oulu|Turku
IS||Reykjavik
EE||Tallinn|Tartu
LV||Riga
LT||Vilnius|Kaunas
PL||Warsaw=Warszawa|Krakow=Cracow|Wroclaw|Gdansk|Poznan|Lodz|Katowice|Gdynia|Szczecin|Lublin|Torun|Bialystok
CZ||Prague=Praha|Brno|Ostrava
SK||Bratislava|Kosice
HU||Budapest|Debrecen|Szeged
RO||Bucharest=Bucuresti|Cluj-Napoca=Cluj|Iasi|Timisoara|Brasov
BG||Sofia|Plovdiv|Varna
GR||Athens=Athina|Thessaloniki|Patras|Heraklion
CY||Nicosia|Limassol|Larnaca
MT||Valletta|St. Julian's|Sliema
SI||Ljubljana|Maribor
HR||Zagreb|Split|Rijeka
RS||Belgrade=Beograd|Novi Sad
BA||Sarajevo
ME||Podgorica
MK||Skopje
AL||Tirana
XK||Pristina
MD||Chisinau
UA||Kyiv=Kiev|Lviv|Kharkiv|Odesa=Odessa|Dnipro
BY||Minsk
RU||Moscow|Saint Petersburg=St. Petersburg|Novosibirsk|Kazan
GE||Tbilisi
AM||Yerevan
AZ||Baku
TR||Istanbul|Ankara|Izmir|Bursa|Antalya|Kadikoy|Sisli
IL||Tel Aviv=Tel Aviv-Yafo=Tel Aviv-Jaffa|Jerusalem|Haifa|Herzliya|Ra'anana|Petah Tikva|Kfar Saba|Netanya|Rehovot|Beersheba=Be'er Sheva|Ramat Gan|Hod HaSharon|Yokneam
PS||Ramallah
JO||Amman
LB||Beirut
SY||Damascus
IQ||Baghdad|Erbil
IR||Tehran
SA||Riyadh|Jeddah|Dammam|Khobar=Al Khobar|NEOM
AE||Dubai|Abu Dhabi|Sharjah
QA||Doha
BH||Manama
KW||Kuwait City
OM||Muscat
YE||Sanaa
EG||Cairo|New Cairo=New Cairo City|Giza|Maadi|Smart Village
MA||Rabat|Casablanca|Marrakesh|Tangier
TN||Tunis
DZ||Algiers
LY||Tripoli
SD||Khartoum
SS||Juba
NG||Lagos|Abuja|Ibadan|Port Harcourt
GH||Accra|Kumasi
KE||Nairobi|Mombasa
ET||Addis Ababa
TZ||Dar es Salaam|Dodoma
UG||Kampala
RW||Kigali
ZA||Johannesburg|Cape Town|Durban|Pretoria|Sandton|Centurion|Midrand|Stellenbosch|Gqeberha=Port Elizabeth|Bloemfontein|Umhlanga|Brackenfell
ZW||Harare
ZM||Lusaka
BW||Gaborone
NA||Windhoek
MZ||Maputo
AO||Luanda
SN||Dakar
CI||Abidjan|Yamoussoukro
CM||Yaounde|Douala
MU||Port Louis|Ebene=Ebene CyberCity|Quatre Bornes
MG||Antananarivo
SO||Mogadishu
ER||Asmara
CD||Kinshasa
CG||Brazzaville
GA||Libreville
GQ||Malabo
CF||Bangui
TD||N'Djamena
NE||Niamey
ML||Bamako
BF||Ouagadougou
MR||Nouakchott
GM||Banjul
GN||Conakry
GW||Bissau
SL||Freetown
LR||Monrovia
TG||Lome
BJ||Porto-Novo|Cotonou
CV||Praia
ST||Sao Tome
BI||Gitega|Bujumbura
MW||Lilongwe|Blantyre
LS||Maseru
SZ||Mbabane
KM||Moroni
IN||Bengaluru=Bangalore=Bengaluru North=Bengaluru Urban|Mumbai=Bombay|Navi Mumbai|Thane|Delhi|New Delhi|Gurgaon=Gurugram|Noida|Greater Noida|Faridabad|Ghaziabad|Hyderabad|Secunderabad|Chennai=Madras|Pune|Kolkata=Calcutta|Ahmedabad|Jaipur|Indore|Coimbatore|Kochi=Cochin|Thiruvananthapuram=Trivandrum|Chandigarh|Mohali|Lucknow|Nagpur|Bhubaneswar|Visakhapatnam|Vadodara|Surat|Mysore=Mysuru|Mangalore|Kanpur|Patna|Bhopal|Vijayawada|Madurai
PK||Karachi|Lahore|Islamabad|Rawalpindi|Faisalabad|Peshawar
BD||Dhaka|Chittagong
LK||Colombo|Sri Jayawardenepura Kotte|Rajagiriya|Kandy
NP||Kathmandu
BT||Thimphu
MV||Male
AF||Kabul
KZ||Astana|Almaty
UZ||Tashkent
KG||Bishkek
TJ||Dushanbe
TM||Ashgabat
MN||Ulaanbaatar
CN||Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou|Chengdu|Wuhan|Nanjing|Xi'an|Suzhou|Tianjin|Chongqing|Hefei|Xiamen|Dalian|Qingdao
HK||Kowloon|Quarry Bay|Tsim Sha Tsui
TW||Taipei|New Taipei|Hsinchu|Taichung|Tainan|Kaohsiung
JP||Tokyo|Osaka|Yokohama|Kyoto|Nagoya|Fukuoka|Sapporo|Kobe|Kawasaki|Sendai|Tsukuba
KR||Seoul|Busan|Incheon|Pangyo|Seongnam|Daejeon|Daegu|Suwon
KP||Pyongyang
SG||Singapore City|One-North
MY||Kuala Lumpur=KL|Petaling Jaya|Cyberjaya|Putrajaya|Penang|George Town|Batu Kawan|Johor Bahru|Shah Alam|Subang Jaya
TH||Bangkok=Krung Thep|Chiang Mai|Phuket|Pattaya|Nonthaburi|Phra Khanong
VN||Ho Chi Minh City=Ho Chi Minh=HCMC=Saigon|Hanoi=Ha Noi|Da Nang=Da Nang City|Hai Phong|Tan Binh
PH||Manila|Makati|Taguig|Bonifacio Global City=BGC|Quezon City|Pasig|Cebu=Cebu City|Davao|Muntinlupa|Mandaluyong|Alabang
ID||Jakarta|South Jakarta|Bandung|Surabaya|Yogyakarta|Bali|Denpasar|Medan
KH||Phnom Penh
LA||Vientiane
MM||Yangon|Naypyidaw
BN||Bandar Seri Begawan
TL||Dili
AU||Sydney|Melbourne|Brisbane|Perth|Adelaide|Canberra|Gold Coast|Hobart|Darwin|Parramatta|North Sydney|Barangaroo|Malvern East|Macquarie Park|Lyndhurst
NZ||Auckland|Wellington|Christchurch|Dunedin
PG||Port Moresby
FJ||Suva
WS||Apia
TO||Nuku'alofa
VU||Port Vila
SB||Honiara
KI||Tarawa
MH||Majuro
FM||Palikir
PW||Ngerulmud
NR||Yaren
MX||Mexico City=Ciudad de Mexico=CDMX|Monterrey|Guadalajara|Tijuana|Puebla|Queretaro=Santiago de Queretaro|Merida|Leon|Cancun|Ensenada|Aguascalientes|Chihuahua|Hermosillo
GT||Guatemala City
BZ||Belmopan|Belize City
SV||San Salvador
HN||Tegucigalpa
NI||Managua
CR||San Jose Costa Rica|Heredia|Escazu|Cartago|Alajuela
PA||Panama City
CU||Havana
DO||Santo Domingo
JM||Kingston
HT||Port-au-Prince
PR||San Juan
TT||Port of Spain
BS||Nassau
BB||Bridgetown
AG||St. John's
DM||Roseau
GD||St. George's
KN||Basseterre
LC||Castries
VC||Kingstown
CO||Bogota|Medellin|Cali|Barranquilla|Cartagena
VE||Caracas
EC||Quito|Guayaquil
PE||Lima
BO||La Paz|Santa Cruz de la Sierra|Sucre
CL||Santiago=Santiago de Chile|Valparaiso|Concepcion
AR||Buenos Aires|Cordoba|Rosario|Mendoza|La Plata
UY||Montevideo
PY||Asuncion
BR||Sao Paulo|Rio de Janeiro|Brasilia|Belo Horizonte|Curitiba|Porto Alegre|Recife|Florianopolis|Campinas|Salvador|Fortaleza|Manaus|Goiania|Sao Jose dos Campos|Barueri
GY||Georgetown
SR||Paramaribo
AD||Andorra la Vella
LI||Vaduz
)";

}  // namespace jobscope::extract::internal
