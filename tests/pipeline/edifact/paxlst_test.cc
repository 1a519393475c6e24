#include "pipeline/edifact/paxlst.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "absl/strings/str_cat.h"
#include "pipeline/edifact/decode.h"

namespace paxscreen::edifact {
namespace {

constexpr char kHead[] =
    "UNA:+.? '\nUNB+UNOA:4+AIR1+DHS+140202:0600+000123++APIS'\n"
    "UNG+PAXLST+AIR1+DHS+140202:0600+1+UN+D:05B'\nUNH+MSG1+PAXLST:D:05B:UN:IATA'\nBGM+745'\n"
    "NAD+MS+++OPS DESK'\nTDT+20+QQ877+++QQ'\nLOC+92+MIA'\nDTM+189:1407101500:201'\n"
    "LOC+92+IAD'\nDTM+232:1407101755:201'\nTDT+20+QQ827+++QQ'\nLOC+125+JFK'\n"
    "DTM+189:1407102000:201'\nLOC+87+CDG'\nDTM+232:1407110630:201'\n";

std::string Traveller(std::string_view qualifier, std::string_view name, std::string_view extra) {
  return absl::StrCat("NAD+", absl::string_view(qualifier.data(), qualifier.size()), "+++",
                      absl::string_view(name.data(), name.size()),
                      "'\nATT+2++F'\nDTM+329:600606'\nNAT+2+ESP'\nRFF+AVF:GJIO3RT'\n"
                      "DOC+P:110:111+TRQWE99800'\nDTM+36:190916'\nLOC+91+ESP'\n",
                      absl::string_view(extra.data(), extra.size()));
}

std::string Tail(int count) {
  return absl::StrCat("CNT+42:", count, "'\nUNT+40+MSG1'\nUNE+1+1'\nUNZ+1+000123'\n");
}

TEST_CASE("PAXLST: traveller fields, flight legs and record id") {
  std::string msg = absl::StrCat(kHead, Traveller("FL", "LANG:KRISTIN:ANNE", ""),
                                 Traveller("FM", "O?'NEIL:PAT", ""),
                                 Traveller("DDU", "TRANSIT:TOM", ""), Tail(3));
  auto r = DecodePaxlst(msg);
  REQUIRE(r.ok());
  REQUIRE(r->records.size() == 3);
  CHECK(r->errors.empty());
  CHECK(r->warnings.empty());
  const auto& a = r->records[0];
  CHECK(a.source == "API");
  CHECK(a.traveller_type == "passenger");
  CHECK(a.passenger.surname == "LANG");
  CHECK(a.passenger.given_names == "KRISTIN ANNE");
  CHECK(a.passenger.sex == "F");
  CHECK(a.passenger.date_of_birth == "1960-06-06");
  CHECK(a.passenger.nationality == "ESP");
  REQUIRE(a.passenger.documents.size() == 1);
  CHECK(a.passenger.documents[0].type == "P");
  CHECK(a.passenger.documents[0].number == "TRQWE99800");
  CHECK(a.passenger.documents[0].issuing_state == "ESP");
  CHECK(a.passenger.documents[0].expiry == "2019-09-16");
  CHECK(a.pnr.locator == "GJIO3RT");
  // The leg with LOC 125/87 is the flight that crosses the border.
  CHECK(a.flight.carrier == "QQ");
  CHECK(a.flight.number == "827");
  CHECK(a.flight.departure.airport == "JFK");
  CHECK(a.flight.departure.scheduled == "2014-07-10T20:00");
  CHECK(a.flight.arrival.airport == "CDG");
  CHECK(a.flight.arrival.scheduled == "2014-07-11T06:30");
  REQUIRE(a.legs.size() == 2);
  CHECK(a.legs[0].departure.airport == "MIA");
  CHECK(a.legs[0].arrival.airport == "IAD");
  CHECK(a.record_id == "API-000123-MSG1-QQ827-2014-07-10-1");
  CHECK(r->records[1].passenger.surname == "O'NEIL");
  CHECK(r->records[1].traveller_type == "crew");
  CHECK(r->records[2].traveller_type == "in_transit");
  CHECK(r->records[1].record_id != a.record_id);
}

TEST_CASE("PAXLST: a traveller without surname is one error, the others decode") {
  std::string msg = absl::StrCat(kHead, Traveller("FL", "GOOD:ONE", ""),
                                 Traveller("FL", ":NOSURNAME", ""), Traveller("FL", "GOOD:TWO", ""),
                                 Tail(3));
  auto r = DecodePaxlst(msg);
  REQUIRE(r.ok());
  REQUIRE(r->records.size() == 2);
  CHECK(r->records[0].passenger.given_names == "ONE");
  CHECK(r->records[1].passenger.given_names == "TWO");
  REQUIRE(r->errors.size() == 1);
  CHECK(r->errors[0].traveller == 2);
  CHECK(r->errors[0].tag == "NAD");
  CHECK(r->errors[0].segment > 16);
  CHECK(r->errors[0].message.find("surname") != std::string::npos);
  CHECK(r->errors[0].message.find("NOSURNAME") == std::string::npos);  // no personal data
}

TEST_CASE("PAXLST: bad optional fields are warnings on the record") {
  std::string msg = absl::StrCat(
      kHead, "NAD+FL+++ODD:ONE'\nATT+2++Q'\nDTM+329:601306'\nDOC+P'\n", Tail(1));
  auto r = DecodePaxlst(msg);
  REQUIRE(r.ok());
  REQUIRE(r->records.size() == 1);
  const auto& rec = r->records[0];
  CHECK(rec.passenger.sex.empty());
  CHECK(rec.passenger.date_of_birth.empty());
  CHECK(rec.passenger.documents.empty());
  CHECK(rec.warnings.size() == 3);
}

TEST_CASE("PAXLST: CNT mismatch is a warning and never drops travellers") {
  std::string msg = absl::StrCat(kHead, Traveller("FL", "A:B", ""), Traveller("FL", "C:D", ""),
                                 Tail(7));
  auto r = DecodePaxlst(msg);
  REQUIRE(r.ok());
  CHECK(r->records.size() == 2);
  REQUIRE(r->warnings.size() == 1);
  CHECK(r->warnings[0].find("CNT declares 7") != std::string::npos);
}

TEST_CASE("PAXLST: malformed messages name the segment number and tag") {
  std::string good = absl::StrCat(kHead, Traveller("FL", "A:B", ""), Tail(1));
  SECTION("truncated in the middle of a traveller") {
    auto r = DecodePaxlst(good.substr(0, good.find("DOC+P") + 5));
    REQUIRE_FALSE(r.ok());
    CHECK(std::string(r.status().message()).find("'DOC'") != std::string::npos);
    CHECK(std::string(r.status().message()).find("truncated") != std::string::npos);
  }
  SECTION("cut after a complete segment: no UNT") {
    auto r = DecodePaxlst(good.substr(0, good.find("CNT")));
    REQUIRE_FALSE(r.ok());
    CHECK(std::string(r.status().message()).find("no UNT") != std::string::npos);
  }
  SECTION("a PNRGOV is not a PAXLST") {
    auto r = DecodePaxlst("UNH+1+PNRGOV:13:1:IA'UNT+2+1'");
    REQUIRE_FALSE(r.ok());
    CHECK(std::string(r.status().message()).find("segment 1 'UNH'") != std::string::npos);
  }
  SECTION("segment before UNH") {
    auto r = DecodePaxlst("UNB+X'NAD+FL+++A'");
    REQUIRE_FALSE(r.ok());
    CHECK(std::string(r.status().message()).find("segment 2 'NAD'") != std::string::npos);
  }
  SECTION("empty input") { CHECK_FALSE(DecodePaxlst("").ok()); }
}

TEST_CASE("PAXLST: a 10 MB message decodes in one pass") {
  std::string msg = kHead;
  int n = 0;
  while (msg.size() < 10u * 1024 * 1024) {
    msg += Traveller("FL", absl::StrCat("SURNAME", n, ":GIVEN"), "");
    ++n;
  }
  msg += Tail(n);
  auto start = std::chrono::steady_clock::now();
  auto r = DecodePaxlst(msg);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.ok());
  CHECK(static_cast<int>(r->records.size()) == n);
  CHECK(r->warnings.empty());
  CHECK(r->records.back().passenger.surname == absl::StrCat("SURNAME", n - 1));
  CHECK(seconds < 10.0);
}

TEST_CASE("format detection") {
  CHECK(DetectFormat(absl::StrCat(kHead, Tail(0))) == MessageFormat::kPaxlst);
  CHECK(DetectFormat("UNA:-.? *UNB-IATA:1*UNH-1-PNRGOV:13:1:IA*") == MessageFormat::kPnrgov);
  CHECK(DetectFormat("  {\"record_id\":\"1\"}\n") == MessageFormat::kNdjson);
  CHECK(DetectFormat("hello") == MessageFormat::kUnknown);
  CHECK(DetectFormat("") == MessageFormat::kUnknown);
  auto r = DecodeEdifact(absl::StrCat(kHead, Traveller("FL", "A:B", ""), Tail(1)));
  REQUIRE(r.ok());
  CHECK(r->records.size() == 1);
}

}  // namespace
}  // namespace paxscreen::edifact
