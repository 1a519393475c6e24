// Watchlist container, stats, format detection, loader, country table, text helpers.
#include "matcher/watchlist/watchlist.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "matcher/base/env.h"
#include "matcher/watchlist/countries.h"
#include "matcher/watchlist/loader.h"
#include "matcher/watchlist/ofac_csv.h"
#include "matcher/watchlist/ofac_remarks.h"
#include "matcher/watchlist/un_xml.h"
#include "matcher/watchlist/text.h"

namespace paxscreen::watchlist {
namespace {

model::WatchlistEntry Entry(std::string id, std::string name) {
  model::WatchlistEntry e;
  e.entry_id = std::move(id);
  e.list = "NATIONAL";
  e.category = "individual";
  e.names.push_back({.full = std::move(name), .script = "Latn"});
  return e;
}

TEST_CASE("Watchlist applies upserts and deletes by id") {
  Watchlist wl;
  CHECK_FALSE(wl.Apply(Entry("A", "ONE")));
  CHECK_FALSE(wl.Apply(Entry("B", "TWO")));
  CHECK(wl.Apply(Entry("A", "UNO")));
  REQUIRE(wl.size() == 2);
  CHECK(wl.Find("A")->names[0].full == "UNO");
  auto del = Entry("A", "");
  del.op = model::EntryOp::kDelete;
  CHECK(wl.Apply(del));
  CHECK(wl.Find("A") == nullptr);
  CHECK(wl.Find("B")->names[0].full == "TWO");
  CHECK_FALSE(wl.Apply(del));
  CHECK(wl.size() == 1);
}

TEST_CASE("ComputeStats counts kinds, DOB kinds, mapped nationalities") {
  auto e = Entry("A", "X");
  e.names.push_back({.full = "Y", .script = "Arab", .kind = model::NameKind::kWeakAlias});
  e.dates_of_birth = {{1960, 1, 2, 0, false}, {1960, 0, 0, 0, true}, {1960, 0, 0, 1965, false},
                      {1961, 5, 0, 0, false}};
  e.nationalities = {"EGY", "former Soviet Union"};
  e.documents = {{"passport", "1", "EGY"}};
  WatchlistStats s = ComputeStats({e});
  CHECK(s.entries == 1);
  CHECK(s.names == 2);
  CHECK(s.weak_alias == 1);
  CHECK(s.scripts["Arab"] == 1);
  CHECK(s.dob_exact == 1);
  CHECK(s.dob_year == 1);
  CHECK(s.dob_range == 1);
  CHECK(s.dob_year_month == 1);
  CHECK(s.dob_approximate == 1);
  CHECK(s.nationalities_mapped == 1);
  CHECK(s.unmapped_nationalities["former Soviet Union"] == 1);
  CHECK(s.document_types["passport"] == 1);
}

TEST_CASE("Country names map to alpha-3") {
  CHECK(CountryToAlpha3("Iran (Islamic Republic of)") == "IRN");
  CHECK(CountryToAlpha3("Korea, North") == "PRK");
  CHECK(CountryToAlpha3("Democratic People's Republic of Korea") == "PRK");
  CHECK(CountryToAlpha3("Türkiye") == "TUR");
  CHECK(CountryToAlpha3("  united   KINGDOM ") == "GBR");
  CHECK(CountryToAlpha3("Congo, Democratic Republic of the") == "COD");
  CHECK(CountryToAlpha3("Congo") == "COG");
  CHECK(CountryToAlpha3("deu") == "DEU");
  CHECK(CountryToAlpha3("Atlantis").empty());
  CHECK(CountryToAlpha3("").empty());
}

TEST_CASE("Text helpers: scripts, dates, UTF-8 repair") {
  CHECK(DetectScript("AIMAN") == "Latn");
  CHECK(DetectScript("BOZIZÉ") == "Latn");
  CHECK(DetectScript("حكمت مزبان") == "Arab");
  CHECK(DetectScript("Сергей") == "Cyrl");
  CHECK(DetectScript("金正恩") == "Hani");
  CHECK(DetectScript("김정은") == "Hang");
  CHECK(DetectScript("12 - 34") == "Zyyy");
  CHECK(ParseDobText("11 Apr. 1963")->day == 11);
  CHECK(ParseDobText("Apr 1963")->month == 4);
  CHECK(ParseDobText("circa 1960")->approximate);
  CHECK(ParseDobText("1965-1969")->year_to == 1969);
  CHECK(ParseDobText("01 Jan 1960 to 31 Dec 1962")->year_to == 1962);
  CHECK_FALSE(ParseDobText("30-35 years old"));
  CHECK_FALSE(ParseDobText("31 Feb 1960"));
  CHECK_FALSE(ParseDobText("1970 to 1960"));
  CHECK(ParseIsoDate("2000-02-29"));
  CHECK_FALSE(ParseIsoDate("1900-02-29"));
  CHECK(ToUtf8("caf\xE9") == "caf\xC3\xA9");
  CHECK(ToUtf8("caf\xC3\xA9") == "caf\xC3\xA9");
  CHECK_FALSE(IsValidUtf8("\xC0\x80"));     // overlong
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  CHECK(CollapseSpaces("  A \n\t B ") == "A B");
}

TEST_CASE("DetectFormat and LoadWatchlists route each file") {
  CHECK(DetectFormat("x.xml", "<?xml version=\"1.0\"?><CONSOLIDATED_LIST>") == WatchlistFormat::kUnXml);
  CHECK(DetectFormat("list", "\xEF\xBB\xBF<CONSOLIDATED_LIST>") == WatchlistFormat::kUnXml);
  CHECK(DetectFormat("a/sdn.csv", "") == WatchlistFormat::kOfacCsv);
  CHECK(DetectFormat("a/other.csv", "1,\"A\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n") ==
        WatchlistFormat::kOfacCsv);
  CHECK(DetectFormat("a/ALT.CSV", "") == WatchlistFormat::kOfacAuxiliary);
  CHECK(DetectFormat("w.txt", "  {\"entry_id\":1}") == WatchlistFormat::kNdjson);
  CHECK(DetectFormat("w.bin", "\x01\x02") == WatchlistFormat::kUnknown);

  const auto dir = std::filesystem::temp_directory_path() / "paxscreen_wl_loader_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "sdn.csv") << "5,\"A, B\",\"individual\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";
  std::ofstream(dir / "alt.csv") << "5,1,\"aka\",\"C, D\",-0- \n";
  std::ofstream(dir / "w.ndjson") << "{}\n";
  std::ofstream(dir / "junk.bin") << "\x01\x02";
  auto results = LoadWatchlists({(dir / "sdn.csv").string(), (dir / "alt.csv").string(),
                                 (dir / "w.ndjson").string(), (dir / "junk.bin").string(),
                                 (dir / "missing.xml").string()});
  REQUIRE(results.size() == 4);  // alt.csv goes with its sdn.csv
  CHECK(results[0].status.ok());
  REQUIRE(results[0].entries.size() == 1);
  CHECK(results[0].entries[0].names.size() == 2);
  CHECK(results[1].status.code() == absl::StatusCode::kUnimplemented);  // no NDJSON reader
  CHECK_FALSE(results[2].status.ok());
  CHECK(results[3].status.code() == absl::StatusCode::kNotFound);

  LoadOptions opts;
  int calls = 0;
  opts.ndjson_reader = [&](const std::string& p) {
    ++calls;
    ImportResult r;
    r.source = p;
    return r;
  };
  auto folder = LoadWatchlists({dir.string(), (dir / "w.ndjson").string()}, opts);
  REQUIRE(folder.size() == 2);
  CHECK(folder[0].entries.size() == 1);
  CHECK(calls == 1);
  auto lone_alt = LoadWatchlists({(dir / "alt.csv").string()});
  REQUIRE(lone_alt.size() == 1);
  CHECK_FALSE(lone_alt[0].status.ok());
  std::filesystem::remove_all(dir);
}

TEST_CASE("importers survive random and truncated input") {
  // Fixed-seed generator over an alphabet rich in the characters the parsers react to.
  uint64_t state = 20261123;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  };
  const std::string alphabet = "\",;'()-0123456789 aAkK.\n\r<>/DOB Passport a.k.a. \xC3\xA9\xFF";
  const std::string seed_csv =
      "1,\"A, B\",\"individual\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1 Jan 1960; "
      "Passport 12 (Iraq); a.k.a. 'C, D'.\"\n";
  const std::string seed_xml =
      "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>A</FIRST_NAME><REFERENCE_NUMBER>"
      "X.1</REFERENCE_NUMBER><INDIVIDUAL_DATE_OF_BIRTH><DATE>1960-01-01</DATE>"
      "</INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
  size_t entries = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string junk;
    const size_t len = next() % 200;
    for (size_t k = 0; k < len; ++k) junk.push_back(alphabet[next() % alphabet.size()]);
    ParseOfacRemarks(junk);
    entries += ImportOfacCsv(seed_csv.substr(0, next() % seed_csv.size()) + junk, junk, junk)
                   .entries.size();
    entries += ImportUnXml(seed_xml.substr(0, next() % seed_xml.size()) + junk).entries.size();
    ParseDobText(junk);
  }
  // Some truncations keep a whole record, so the loop did parse real entries, not only junk.
  CHECK(entries > 0);
}

}  // namespace
}  // namespace paxscreen::watchlist
