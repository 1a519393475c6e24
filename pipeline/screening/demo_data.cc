#include "pipeline/screening/demo_data.h"

#include <random>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace paxscreen::screening {
namespace {

// Invented people. Surname, given names, dob (Y, M, D), nationality, sex, optional alias.
struct DemoPerson {
  const char* surname;
  const char* given;
  int year, month, day;
  const char* nationality;
  const char* sex;
  const char* alias;  // full form, or nullptr
  // Another accepted transliteration of the surname and given names, for planted variants.
  const char* alt_surname;
  const char* alt_given;
};

constexpr DemoPerson kPeople[] = {
    {"QARAWANI", "ABDEL HAKIM", 1971, 3, 14, "JOR", "M", "ABU SUHAIL", "KARAWANI", "ABDELHAKIM"},
    {"MARZOUKI", "YOUSSEF TAHAR", 1980, 11, 2, "TUN", "M", nullptr, "MARZUKI", "YUSUF TAHIR"},
    {"BELKHADEM", "NOUREDDINE", 1966, 7, 21, "DZA", "M", "NOUR EL DIN BELKADEM", "BELKADEM", "NUR AD DIN"},
    {"ZUBAYRI", "MUHAMMAD SALIM", 1975, 1, 30, "YEM", "M", nullptr, "ZOUBEIRI", "MOHAMMED SALEM"},
    {"HADDADEEN", "RAMI FAWWAZ", 1988, 5, 9, "SYR", "M", nullptr, "HADDADIN", "RAMI FAWAZ"},
    {"OKONKWO-ADEYEMI", "CHINEDU", 1979, 9, 17, "NGA", "M", nullptr, "OKONKWO ADEYEMI", "CHINEDU"},
    {"VOLKOVSKIY", "ARKADIY PETROVICH", 1962, 4, 4, "RUS", "M", "ARKADI VOLKOVSKI", "WOLKOWSKI", "ARKADIJ PETROWITSCH"},
    {"SHEVCHUKOVA", "OLESYA IGOREVNA", 1985, 12, 12, "UKR", "F", nullptr, "SHEVCHOUKOVA", "OLESIA IGOREVNA"},
    {"KARIMZADEH", "FARHAD", 1970, 6, 1, "IRN", "M", "FARHAD KARIMZADE", "KARIMZADE", "FARHAAD"},
    {"ESFANDIARI", "LEILA MARYAM", 1983, 2, 27, "IRN", "F", nullptr, "ISFANDIYARI", "LAYLA MARIAM"},
    {"NAKASHIMA-ROY", "KENTARO", 1977, 8, 8, "JPN", "M", nullptr, "NAKASIMA ROY", "KENTAROU"},
    {"DRAGOMIRESCU", "VALENTIN COSMIN", 1969, 10, 19, "ROU", "M", nullptr, "DRAGOMIRESKU", "VALENTYN KOSMIN"},
    {"ALTINBASAK", "MEHMET EMIN", 1974, 3, 3, "TUR", "M", "EMIN ALTINBASAK", "ALTYNBASAK", "MEHMED EMIN"},
    {"RAHMANZAI", "GUL AGHA", 1972, 1, 1, "AFG", "M", "GULAGHA RAHMANZAY", "RAHMANZAY", "GOL AGA"},
    {"KOUYATE-SISSOKO", "MARIAM", 1990, 4, 15, "MLI", "F", nullptr, "KUYATE SISOKO", "MARYAM"},
    {"ZHELYAZKOV", "BOYAN DIMITROV", 1968, 5, 25, "BGR", "M", nullptr, "ZHELIAZKOV", "BOJAN DIMITROFF"},
    {"THIBODEAUX", "MARCEL AUGUSTIN", 1965, 9, 9, "FRA", "M", nullptr, "TIBODEAU", "MARCEL AUGUSTINE"},
    {"QUISPEHUAMAN", "ROSALIA", 1987, 7, 7, "PER", "F", nullptr, "QUISPE HUAMAN", "ROSALIA"},
    {"MAKHDOOMI", "SYED IMRAN", 1976, 11, 11, "PAK", "M", "IMRAN MAKHDUMI", "MAKHDUMI", "SAYYID IMRAN"},
    {"ABUKHADRA", "SAMIRA NAWAL", 1984, 6, 30, "LBY", "F", nullptr, "ABU KHADRA", "SAMEERA NAWAAL"},
    {"IBRAGIMOVA", "ZARINA RUSLANOVNA", 1991, 3, 8, "KAZ", "F", nullptr, "IBRAHIMOVA", "ZAREENA RUSLANOVNA"},
    {"MWANGANGI", "JOSPHAT KIPROTICH", 1981, 2, 2, "KEN", "M", nullptr, "MWANGANGY", "JOSEPHAT KIPROTICH"},
    {"TRAN DUY", "KHANH LINH", 1986, 10, 10, "VNM", "F", nullptr, "TRANDUY", "KANH LINH"},
    {"AL-SHAMMARI", "FAISAL MUTLAQ", 1973, 12, 1, "SAU", "M", "ABU MUTLAQ", "ALSHAMARI", "FAYSAL MUTLAK"},
    {"GRZYBOWSKI", "TADEUSZ", 1960, 1, 20, "POL", "M", nullptr, "GRZIBOWSKI", "TADEUS"},
    {"ELHADJI-DIALLO", "OUSMANE", 1978, 8, 18, "SEN", "M", nullptr, "EL HADJI DIALLO", "USMAN"},
    {"PAPADROSOU", "ANASTASIA", 1982, 5, 5, "GRC", "F", nullptr, "PAPADROSU", "ANASTASSIA"},
    {"BAHRAMOV", "RUSTAM ERKINOVICH", 1979, 4, 24, "UZB", "M", nullptr, "BAKHRAMOV", "RUSTAM ERKINOVITCH"},
    {"FERREIRINHA", "JOAO PEDRO", 1970, 2, 14, "BRA", "M", nullptr, "FERREIRINHA", "JOAO PEDRO"},
    {"SOLTANIYEH", "DARIUSH", 1967, 6, 16, "IRN", "M", "DARYUSH SOLTANI", "SULTANIYEH", "DARYOUSH"},
};
constexpr int kPeopleCount = static_cast<int>(sizeof(kPeople) / sizeof(kPeople[0]));

// Background pools: invented-looking but ordinary names, disjoint from the list above.
constexpr const char* kSurnames[] = {
    "ANDERSEN", "BROOKS", "CARVALHO", "DUBOIS", "EKSTROM", "FONTAINE", "GALLAGHER", "HOFFMANN",
    "INGRAM", "JANSSEN", "KOWALCZYK", "LINDQVIST", "MORENO", "NIELSEN", "OLIVEIRA", "PETERSEN",
    "QUINTERO", "RASMUSSEN", "SANTORO", "TANAKA", "UGARTE", "VERMEULEN", "WALLACE", "XAVIER",
    "YAMAMOTO", "ZIMMERMANN", "ABERNATHY", "BLACKWOOD", "CASTELLANO", "DESMOND", "EVERETT",
    "FAIRBANKS", "GRANGER", "HARTLEY", "IVERSEN", "JOHANSSON", "KENNEDY", "LAURENT", "MCALLISTER",
    "NAVARRO", "OSTERGAARD", "PRESCOTT", "ROSSI", "SCHNEIDER", "TREMBLAY", "VALENTI", "WINTERS",
    "BERGSTROM", "CHANDLER", "DALTON", "ELLISON", "FERRARI", "GUERRERO", "HOLLAND", "KRAUSE",
    "LOMBARDI", "MERCER", "NORDIN", "PARKER", "RICHTER", "SULLIVAN", "THORNTON", "WAGNER"};
constexpr const char* kGiven[] = {
    "EMMA", "LIAM", "OLIVIA", "NOAH", "SOFIA", "LUCAS", "CHLOE", "HUGO", "ALICE", "OSCAR",
    "CLARA", "FELIX", "NORA", "MILES", "IRIS", "THEO", "VERA", "JASPER", "LENA", "OTTO",
    "GRACE", "HENRIK", "MAJA", "ELIAS", "INGRID", "MATTEO", "PAULA", "SIMON", "RUTH", "VICTOR",
    "HELEN", "ANTON", "GRETA", "JULIAN", "KAREN", "NIKLAS", "ROSA", "TOBIAS", "WILMA", "BRUNO"};
constexpr const char* kNationalities[] = {"GBR", "DEU", "FRA", "NLD", "SWE", "USA", "CAN",
                                          "ITA", "ESP", "DNK", "NOR", "IRL", "BEL", "AUT"};
constexpr const char* kAirports[] = {"LHR", "FRA", "CDG", "AMS", "IST", "DXB", "JFK", "MAD"};

template <typename T, size_t N>
const T& Pick(const T (&arr)[N], std::mt19937_64& rng) {
  return arr[rng() % N];
}

std::string EntryId(int i) { return absl::StrFormat("DEMO-%03d", i + 1); }

// One character substituted in the middle of the longest token (a keying error).
std::string Typo(std::string s) {
  size_t pos = s.size() / 2;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '-')) ++pos;
  if (pos >= s.size()) return s;
  s[pos] = s[pos] == 'E' ? 'A' : (s[pos] == 'A' ? 'E' : (s[pos] == 'I' ? 'Y' : 'E'));
  return s;
}

std::string FirstToken(const std::string& s) { return s.substr(0, s.find(' ')); }

}  // namespace

std::vector<model::WatchlistEntry> DemoWatchlist() {
  std::vector<model::WatchlistEntry> out;
  for (int i = 0; i < kPeopleCount; ++i) {
    const DemoPerson& p = kPeople[i];
    model::WatchlistEntry e;
    e.entry_id = EntryId(i);
    e.list = i % 3 == 2 ? "DEMO-B" : "DEMO-A";
    e.category = "individual";
    e.names.push_back({absl::StrCat(p.given, " ", p.surname), p.surname, p.given, "Latn",
                       model::NameKind::kPrimary});
    if (p.alias != nullptr) e.names.push_back({p.alias, "", "", "Latn", model::NameKind::kAlias});
    e.dates_of_birth.push_back({p.year, p.month, p.day, 0, false});
    e.nationalities.push_back(p.nationality);
    e.sex = p.sex;
    out.push_back(std::move(e));
  }
  return out;
}

DemoFeed GenerateDemoFeed(const DemoFeedOptions& options) {
  std::mt19937_64 rng(options.seed);
  DemoFeed feed;
  const int total = std::max(options.records, options.planted);
  feed.records.reserve(total);
  static constexpr const char* kVariants[] = {"exact", "typo", "transliteration", "reordered",
                                              "dropped_token", "alias"};
  // Planted records go to evenly spread positions.
  const int planted = std::min(options.planted, total);
  const int stride = planted > 0 ? total / planted : total + 1;
  int next_planted = 0;
  for (int i = 0; i < total; ++i) {
    model::PassengerRecord r;
    r.record_id = absl::StrFormat("DEMO-REC-%06d", i);
    r.source = "API";
    r.flight.carrier = "XD";
    r.flight.number = absl::StrCat(100 + i % 400);
    r.flight.departure.airport = Pick(kAirports, rng);
    r.flight.departure.scheduled = "2026-11-23T10:15";
    r.flight.arrival.airport = "BRU";
    r.flight.arrival.scheduled = "2026-11-23T13:40";
    auto& pax = r.passenger;
    const bool plant = next_planted < planted && i == next_planted * stride + stride / 2;
    if (plant) {
      const int person = next_planted % kPeopleCount;
      const char* variant = kVariants[(next_planted / kPeopleCount + next_planted) % 6];
      const DemoPerson& p = kPeople[person];
      std::string v = variant;
      if (v == "alias" && p.alias == nullptr) v = "typo";
      if (v == "exact") {
        pax.surname = p.surname;
        pax.given_names = p.given;
      } else if (v == "typo") {
        pax.surname = Typo(p.surname);
        pax.given_names = p.given;
      } else if (v == "transliteration") {
        pax.surname = p.alt_surname;
        pax.given_names = p.alt_given;
      } else if (v == "reordered") {
        pax.full_name = absl::StrCat(p.surname, " ", p.given);  // surname first, unsplit
      } else if (v == "dropped_token") {
        pax.surname = p.surname;
        pax.given_names = FirstToken(p.given);
      } else {  // alias
        pax.full_name = p.alias;
      }
      pax.date_of_birth = absl::StrFormat("%04d-%02d-%02d", p.year, p.month, p.day);
      pax.sex = p.sex;
      pax.nationality = p.nationality;
      feed.planted.push_back({r.record_id, EntryId(person), v});
      ++next_planted;
    } else {
      pax.surname = Pick(kSurnames, rng);
      pax.given_names = Pick(kGiven, rng);
      if (rng() % 3 == 0) absl::StrAppend(&pax.given_names, " ", Pick(kGiven, rng));
      pax.date_of_birth = absl::StrFormat("%04d-%02d-%02d", 1940 + static_cast<int>(rng() % 65),
                                          1 + static_cast<int>(rng() % 12),
                                          1 + static_cast<int>(rng() % 28));
      pax.sex = rng() % 2 == 0 ? "F" : "M";
      pax.nationality = Pick(kNationalities, rng);
    }
    model::Document doc;
    doc.type = "P";
    doc.number = absl::StrFormat("X%08d", static_cast<int>(rng() % 100000000));
    doc.issuing_state = pax.nationality;
    doc.expiry = "2030-01-01";
    pax.documents.push_back(std::move(doc));
    feed.records.push_back(std::move(r));
  }
  return feed;
}

}  // namespace paxscreen::screening
