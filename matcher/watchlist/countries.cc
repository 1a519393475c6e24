#include "matcher/watchlist/countries.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace paxscreen::watchlist {
namespace {

struct CountryName {
  const char* name;
  const char* alpha3;
};

// ISO 3166-1 short names, the UN's formal names (UN consolidated list) and the OFAC SDN
// spellings ("Korea, North", "Burma", "Congo, Democratic Republic of the"). Several names
// may share a code. Keys are written already in CountryKey() form or are normalized at load.
constexpr CountryName kCountries[] = {
    {"Afghanistan", "AFG"}, {"Aland Islands", "ALA"}, {"Albania", "ALB"}, {"Algeria", "DZA"},
    {"American Samoa", "ASM"}, {"Andorra", "AND"}, {"Angola", "AGO"}, {"Anguilla", "AIA"},
    {"Antarctica", "ATA"}, {"Antigua and Barbuda", "ATG"}, {"Argentina", "ARG"},
    {"Armenia", "ARM"}, {"Aruba", "ABW"}, {"Australia", "AUS"}, {"Austria", "AUT"},
    {"Azerbaijan", "AZE"}, {"Bahamas", "BHS"}, {"Bahamas, The", "BHS"}, {"The Bahamas", "BHS"},
    {"Bahrain", "BHR"}, {"Bangladesh", "BGD"}, {"Barbados", "BRB"}, {"Belarus", "BLR"},
    {"Belgium", "BEL"}, {"Belize", "BLZ"}, {"Benin", "BEN"}, {"Bermuda", "BMU"},
    {"Bhutan", "BTN"}, {"Bolivia", "BOL"}, {"Bolivia (Plurinational State of)", "BOL"},
    {"Bonaire, Sint Eustatius and Saba", "BES"}, {"Bosnia and Herzegovina", "BIH"},
    {"Bosnia-Herzegovina", "BIH"}, {"Botswana", "BWA"}, {"Brazil", "BRA"},
    {"British Virgin Islands", "VGB"}, {"Virgin Islands, British", "VGB"},
    {"Brunei", "BRN"}, {"Brunei Darussalam", "BRN"}, {"Bulgaria", "BGR"},
    {"Burkina Faso", "BFA"}, {"Burma", "MMR"}, {"Myanmar", "MMR"}, {"Burundi", "BDI"},
    {"Cabo Verde", "CPV"}, {"Cape Verde", "CPV"}, {"Cambodia", "KHM"}, {"Cameroon", "CMR"},
    {"Canada", "CAN"}, {"Cayman Islands", "CYM"}, {"Central African Republic", "CAF"},
    {"Chad", "TCD"}, {"Chile", "CHL"}, {"China", "CHN"}, {"People's Republic of China", "CHN"},
    {"Colombia", "COL"}, {"Comoros", "COM"}, {"Congo", "COG"}, {"Republic of the Congo", "COG"},
    {"Congo, Republic of the", "COG"}, {"Democratic Republic of the Congo", "COD"},
    {"Congo, Democratic Republic of the", "COD"}, {"Cook Islands", "COK"},
    {"Costa Rica", "CRI"}, {"Cote d Ivoire", "CIV"}, {"Côte d'Ivoire", "CIV"},
    {"Ivory Coast", "CIV"}, {"Croatia", "HRV"}, {"Cuba", "CUB"}, {"Curacao", "CUW"},
    {"Curaçao", "CUW"}, {"Cyprus", "CYP"}, {"Czech Republic", "CZE"}, {"Czechia", "CZE"},
    {"Denmark", "DNK"}, {"Djibouti", "DJI"}, {"Dominica", "DMA"},
    {"Dominican Republic", "DOM"}, {"Ecuador", "ECU"}, {"Egypt", "EGY"},
    {"El Salvador", "SLV"}, {"Equatorial Guinea", "GNQ"}, {"Eritrea", "ERI"},
    {"Estonia", "EST"}, {"Eswatini", "SWZ"}, {"Swaziland", "SWZ"}, {"Ethiopia", "ETH"},
    {"Falkland Islands", "FLK"}, {"Faroe Islands", "FRO"}, {"Fiji", "FJI"}, {"Finland", "FIN"},
    {"France", "FRA"}, {"French Guiana", "GUF"}, {"French Polynesia", "PYF"}, {"Gabon", "GAB"},
    {"Gambia", "GMB"}, {"The Gambia", "GMB"}, {"Gambia, The", "GMB"}, {"Georgia", "GEO"},
    {"Germany", "DEU"}, {"Ghana", "GHA"}, {"Gibraltar", "GIB"}, {"Greece", "GRC"},
    {"Greenland", "GRL"}, {"Grenada", "GRD"}, {"Guadeloupe", "GLP"}, {"Guam", "GUM"},
    {"Guatemala", "GTM"}, {"Guernsey", "GGY"}, {"Guinea", "GIN"}, {"Guinea-Bissau", "GNB"},
    {"Guyana", "GUY"}, {"Haiti", "HTI"}, {"Holy See", "VAT"}, {"Vatican City", "VAT"},
    {"Honduras", "HND"}, {"Hong Kong", "HKG"},
    {"China, Hong Kong Special Administrative Region", "HKG"}, {"Hungary", "HUN"},
    {"Iceland", "ISL"}, {"India", "IND"}, {"Indonesia", "IDN"}, {"Iran", "IRN"},
    {"Iran (Islamic Republic of)", "IRN"}, {"Islamic Republic of Iran", "IRN"},
    {"Iraq", "IRQ"}, {"Ireland", "IRL"}, {"Isle of Man", "IMN"}, {"Israel", "ISR"},
    {"Italy", "ITA"}, {"Jamaica", "JAM"}, {"Japan", "JPN"}, {"Jersey", "JEY"},
    {"Jordan", "JOR"}, {"Kazakhstan", "KAZ"}, {"Kenya", "KEN"}, {"Kiribati", "KIR"},
    {"Korea, North", "PRK"}, {"North Korea", "PRK"},
    {"Democratic People's Republic of Korea", "PRK"}, {"Korea, South", "KOR"},
    {"South Korea", "KOR"}, {"Republic of Korea", "KOR"}, {"Kosovo", "RKS"},
    {"Kuwait", "KWT"}, {"Kyrgyzstan", "KGZ"}, {"Laos", "LAO"},
    {"Lao People's Democratic Republic", "LAO"}, {"Latvia", "LVA"}, {"Lebanon", "LBN"},
    {"Lesotho", "LSO"}, {"Liberia", "LBR"}, {"Libya", "LBY"}, {"Libyan Arab Jamahiriya", "LBY"},
    {"Liechtenstein", "LIE"}, {"Lithuania", "LTU"}, {"Luxembourg", "LUX"}, {"Macau", "MAC"},
    {"Macao", "MAC"}, {"Madagascar", "MDG"}, {"Malawi", "MWI"}, {"Malaysia", "MYS"},
    {"Maldives", "MDV"}, {"Mali", "MLI"}, {"Malta", "MLT"}, {"Marshall Islands", "MHL"},
    {"Martinique", "MTQ"}, {"Mauritania", "MRT"}, {"Mauritius", "MUS"}, {"Mayotte", "MYT"},
    {"Mexico", "MEX"}, {"Micronesia", "FSM"}, {"Micronesia, Federated States of", "FSM"},
    {"Moldova", "MDA"}, {"Republic of Moldova", "MDA"}, {"Monaco", "MCO"},
    {"Mongolia", "MNG"}, {"Montenegro", "MNE"}, {"Montserrat", "MSR"}, {"Morocco", "MAR"},
    {"Mozambique", "MOZ"}, {"Namibia", "NAM"}, {"Nauru", "NRU"}, {"Nepal", "NPL"},
    {"Netherlands", "NLD"}, {"Netherlands (Kingdom of the)", "NLD"},
    {"Netherlands Antilles", "ANT"}, {"New Caledonia", "NCL"}, {"New Zealand", "NZL"},
    {"Nicaragua", "NIC"}, {"Niger", "NER"}, {"Nigeria", "NGA"}, {"North Macedonia", "MKD"},
    {"Macedonia", "MKD"}, {"Macedonia, The Former Yugoslav Republic of", "MKD"},
    {"The former Yugoslav Republic of Macedonia", "MKD"}, {"Norway", "NOR"}, {"Oman", "OMN"},
    {"Pakistan", "PAK"}, {"Palau", "PLW"}, {"State of Palestine", "PSE"},
    {"Palestine", "PSE"}, {"Palestinian", "PSE"}, {"West Bank", "PSE"}, {"Gaza", "PSE"},
    {"Panama", "PAN"}, {"Papua New Guinea", "PNG"}, {"Paraguay", "PRY"}, {"Peru", "PER"},
    {"Philippines", "PHL"}, {"Poland", "POL"}, {"Portugal", "PRT"}, {"Puerto Rico", "PRI"},
    {"Qatar", "QAT"}, {"Reunion", "REU"}, {"Romania", "ROU"}, {"Russia", "RUS"},
    {"Russian Federation", "RUS"}, {"Rwanda", "RWA"}, {"Saint Kitts and Nevis", "KNA"},
    {"Saint Lucia", "LCA"}, {"Saint Vincent and the Grenadines", "VCT"}, {"Samoa", "WSM"},
    {"San Marino", "SMR"}, {"Sao Tome and Principe", "STP"}, {"Saudi Arabia", "SAU"},
    {"Senegal", "SEN"}, {"Serbia", "SRB"}, {"Serbia and Montenegro", "SCG"},
    {"Seychelles", "SYC"}, {"Sierra Leone", "SLE"}, {"Singapore", "SGP"},
    {"Sint Maarten", "SXM"}, {"Slovakia", "SVK"}, {"Slovenia", "SVN"},
    {"Solomon Islands", "SLB"}, {"Somalia", "SOM"}, {"South Africa", "ZAF"},
    {"South Sudan", "SSD"}, {"Spain", "ESP"}, {"Sri Lanka", "LKA"}, {"Sudan", "SDN"},
    {"Suriname", "SUR"}, {"Sweden", "SWE"}, {"Switzerland", "CHE"}, {"Syria", "SYR"},
    {"Syrian Arab Republic", "SYR"}, {"Taiwan", "TWN"}, {"Tajikistan", "TJK"},
    {"Tanzania", "TZA"}, {"United Republic of Tanzania", "TZA"}, {"Thailand", "THA"},
    {"Timor-Leste", "TLS"}, {"East Timor", "TLS"}, {"Togo", "TGO"}, {"Tonga", "TON"},
    {"Trinidad and Tobago", "TTO"}, {"Tunisia", "TUN"}, {"Turkey", "TUR"},
    {"Türkiye", "TUR"}, {"Turkiye", "TUR"}, {"Turkmenistan", "TKM"},
    {"Turks and Caicos Islands", "TCA"}, {"Tuvalu", "TUV"}, {"Uganda", "UGA"},
    {"Ukraine", "UKR"}, {"United Arab Emirates", "ARE"}, {"United Kingdom", "GBR"},
    {"United Kingdom of Great Britain and Northern Ireland", "GBR"},
    {"Great Britain", "GBR"}, {"United States", "USA"}, {"United States of America", "USA"},
    {"U.S.A.", "USA"}, {"Uruguay", "URY"}, {"Uzbekistan", "UZB"}, {"Vanuatu", "VUT"},
    {"Venezuela", "VEN"}, {"Venezuela (Bolivarian Republic of)", "VEN"},
    {"Vietnam", "VNM"}, {"Viet Nam", "VNM"}, {"Western Sahara", "ESH"}, {"Yemen", "YEM"},
    {"Zambia", "ZMB"}, {"Zimbabwe", "ZWE"},
};

struct Table {
  absl::flat_hash_map<std::string, std::string_view> by_key;
  absl::flat_hash_set<std::string_view> codes;
};

const Table& GetTable() {
  static const Table* table = [] {
    auto* t = new Table();
    for (const CountryName& c : kCountries) {
      t->by_key.emplace(CountryKey(c.name), std::string_view(c.alpha3));
      t->codes.insert(std::string_view(c.alpha3));
    }
    return t;
  }();
  return *table;
}

}  // namespace

std::string CountryKey(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  bool pending_space = false;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                      (c >= 'A' && c <= 'Z');
    if (!keep) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
  }
  return key;
}

std::string_view CountryToAlpha3(std::string_view name) {
  const Table& t = GetTable();
  if (name.size() == 3) {
    std::string upper(name);
    for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    auto it = t.codes.find(std::string_view(upper));
    if (it != t.codes.end()) return *it;
  }
  auto it = t.by_key.find(CountryKey(name));
  return it == t.by_key.end() ? std::string_view() : it->second;
}

bool IsKnownAlpha3(std::string_view code) { return GetTable().codes.contains(code); }

}  // namespace paxscreen::watchlist
