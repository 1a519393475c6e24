// OFAC SDN CSV importer: remarks parsing, alt/add joins, malformed rows, and counts on the
// real files checked against independent row counts.
#include "matcher/watchlist/ofac_csv.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "matcher/base/env.h"
#include "matcher/watchlist/csv.h"
#include "matcher/watchlist/loader.h"
#include "matcher/watchlist/ofac_remarks.h"

namespace paxscreen::watchlist {
namespace {

TEST_CASE("OFAC remarks: DOBs, passports, nationality, gender, weak aliases") {
  RemarkFacts f = ParseOfacRemarks(
      "DOB 19 Jun 1951; alt. DOB circa 1950; DOB 1960 to 1962; POB Giza, Egypt; "
      "Passport 1084010 (Egypt); alt. Passport 19820215; Diplomatic Passport A123 (Korea, North) "
      "expires 01 Jan 2020; National ID No. 99-1 (Colombia); Cedula No. 123456 (Colombia); "
      "nationality Egypt; alt. citizen Cote d'Ivoire; Gender Female; a.k.a. 'ABU MOHAMMED'; "
      "a.k.a. 'O'BRIEN, Jo; Jr'; Linked To: SOMETHING; DOB soon.");
  REQUIRE(f.dates_of_birth.size() == 3);
  CHECK(f.dates_of_birth[0].day == 19);
  CHECK(f.dates_of_birth[0].month == 6);
  CHECK(f.dates_of_birth[1].approximate);
  CHECK(f.dates_of_birth[2].year_to == 1962);
  REQUIRE(f.documents.size() == 5);
  CHECK(f.documents[0].number == "1084010");
  CHECK(f.documents[0].issuing_state == "EGY");
  CHECK(f.documents[1].issuing_state.empty());
  CHECK(f.documents[2].issuing_state == "PRK");
  CHECK(f.documents[2].number == "A123");
  CHECK(f.documents[3].type == "national_id");
  CHECK(f.documents[4].number == "123456");
  CHECK(f.nationalities == std::vector<std::string>{"EGY", "CIV"});
  CHECK(f.sex == "F");
  CHECK(f.weak_aliases == std::vector<std::string>{"ABU MOHAMMED", "O'BRIEN, Jo; Jr"});
  CHECK(f.unreadable == std::vector<std::string>{"DOB"});
}

TEST_CASE("OFAC CSV: names, alt.csv aliases, add.csv countries, -0- nulls") {
  const std::string sdn =
      "2676,\"AL ZAWAHIRI, Dr. Ayman\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
      "\"DOB 19 Jun 1951; Passport 1084010 (Egypt); a.k.a. 'ABU FATMA'.\"\r\n"
      "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
      "\x1a";
  const std::string alt = "2676,1,\"aka\",\"AL-ZAWAHIRI, Ayman\",-0- \r\n"
                          "306,2,\"fka\",\"BNC\",-0- \r\n";
  const std::string add = "2676,1,-0- ,-0- ,\"Egypt\",-0- \r\n306,2,-0- ,\"Havana\",\"Cuba\",-0- \r\n";
  ImportResult r = ImportOfacCsv(sdn, alt, add);
  REQUIRE(r.status.ok());
  REQUIRE(r.entries.size() == 2);
  CHECK(r.issues.empty());
  const auto& z = r.entries[0];
  CHECK(z.entry_id == "OFAC-SDN:2676");
  CHECK(z.category == "individual");
  REQUIRE(z.names.size() == 3);
  CHECK(z.names[0].surname == "AL ZAWAHIRI");
  CHECK(z.names[0].given_names == "Dr. Ayman");
  CHECK(z.names[1].kind == model::NameKind::kWeakAlias);
  CHECK(z.names[1].full == "ABU FATMA");
  CHECK(z.names[2].kind == model::NameKind::kAlias);
  CHECK(z.names[2].surname == "AL-ZAWAHIRI");
  CHECK(z.documents.size() == 1);
  CHECK(z.address_countries == std::vector<std::string>{"EGY"});
  CHECK(z.nationalities.empty());  // an address is not a nationality
  const auto& b = r.entries[1];
  CHECK(b.category == "entity");
  CHECK(b.names[0].surname.empty());
  CHECK(b.names[1].full == "BNC");
  CHECK(b.address_countries == std::vector<std::string>{"CUB"});
}

TEST_CASE("OFAC CSV: malformed rows are skipped and named, Latin-1 is repaired") {
  const std::string sdn =
      "abc,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
      "7,\"SHORT ROW\",-0- \n"
      "8,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
      "9,\"P\xC9REZ, Jos\xE9\",\"individual\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
      "9,\"DUPLICATE\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
      "10,\"UNTERMINATED,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";
  ImportResult r = ImportOfacCsv(sdn, "99,1,\"aka\",\"NOBODY\",-0- \n1,2\n", "");
  REQUIRE(r.status.ok());
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].names[0].full == "P\xC3\x89REZ, Jos\xC3\xA9");
  CHECK(r.skipped_entries() == 5);
  CHECK(r.issues[0].where == "sdn.csv:1");
  CHECK(r.issues[0].field == "ent_num");
  CHECK(r.issues[2].field == "SDN_Name");
  CHECK(r.issues[2].where.find("OFAC-SDN:8") == 0);
  CHECK(r.dropped_fields() == 2);  // alt row for an unknown entry, alt row with 2 columns
  CHECK_FALSE(ImportOfacCsv("hello\nworld\n", "", "").status.ok());
}

TEST_CASE("OFAC real files: counts match independent row counts", "[data]") {
  const std::string dir = SharedDataDir();
  if (dir.empty()) {
    WARN("../shared/data absent: skipping the real OFAC test");
    return;
  }
  const std::string base = dir + "/watchlists/ofac/";
  ImportResult r = ImportOfacFiles(base + "sdn.csv");
  REQUIRE(r.status.ok());
  auto read = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  // Independent counts: lines that start with a record number, and regex counts in remarks.
  const std::string sdn = read(base + "sdn.csv");
  const std::string alt = read(base + "alt.csv");
  size_t sdn_rows = 0, individuals = 0, remark_akas = 0, vessels = 0;
  {
    CsvReader csv(sdn);
    const std::regex aka("[afn]\\.k\\.a\\. '([^;]*)'(?=;|\\.?$)");
    while (auto row = csv.Next()) {
      if (row->size() != 12) continue;
      ++sdn_rows;
      individuals += (*row)[2] == "individual";
      vessels += (*row)[2] == "vessel";
      const std::string& rem = (*row)[11];
      std::set<std::string> names;  // the importer keeps each weak alias once per entry
      for (auto it = std::sregex_iterator(rem.begin(), rem.end(), aka);
           it != std::sregex_iterator(); ++it) {
        names.insert((*it)[1].str());
      }
      remark_akas += names.size();
    }
  }
  size_t alt_rows = 0;
  for (size_t i = 0; i < alt.size(); ++i) alt_rows += alt[i] == '\n';
  WatchlistStats s = ComputeStats(r.entries);
  CHECK(s.entries == sdn_rows);
  CHECK(s.categories["individual"] == individuals);
  CHECK(s.categories["vessel"] == vessels);
  CHECK(s.primary == sdn_rows);
  CHECK(s.alias == alt_rows);
  CHECK(s.weak_alias == remark_akas);
  CHECK(r.skipped_entries() == 0);
  CHECK(s.dates_of_birth > 4000);
  CHECK(s.documents > 1000);
  CHECK(s.nationalities_mapped > 1900);
  CHECK(s.with_sex > 1400);

  // Spot checks by id.
  const model::WatchlistEntry* e = nullptr;
  for (const auto& x : r.entries) {
    if (x.entry_id == "OFAC-SDN:2676") e = &x;
  }
  REQUIRE(e != nullptr);
  CHECK(e->names[0].surname == "AL ZAWAHIRI");
  REQUIRE(!e->dates_of_birth.empty());
  CHECK(e->dates_of_birth[0].year == 1951);
  CHECK(e->dates_of_birth[0].month == 6);
  CHECK(e->dates_of_birth[0].day == 19);
  REQUIRE(e->documents.size() == 2);
  CHECK(e->documents[0].number == "1084010");
  CHECK(e->documents[0].issuing_state == "EGY");
  INFO("load seconds " << r.load_seconds);
  CHECK(r.load_seconds < 5.0);
}

}  // namespace
}  // namespace paxscreen::watchlist
