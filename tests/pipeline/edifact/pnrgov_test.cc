#include "pipeline/edifact/pnrgov.h"
#include "pipeline/edifact/paxlst.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "absl/strings/str_cat.h"

namespace paxscreen::edifact {
namespace {

// Two PNRs: the first with an adult + infant on two segments and history after ABI, the second
// with no flight segment of its own (falls back to the message's TVL).
constexpr char kMessage[] =
    "UNA:+.?*'\nUNB+IATA:1+DL++101209:2100+020A07'\nUNH+1+PNRGOV:13:1:IA+F6C2C268'\n"
    "MSG+:22'\nORG+DL:ATL+52519950'\nTVL+121210:0915::1230+LHR+JFK+DL+324'\nEQN+2'\n"
    "SRC'\nRCI+DL:MFN4TI'\n"
    "TIF+SMITH+ANNE MRS:A:1'\nSSR+DOCS:HK::DL:::::/P/GBR/123456789/GBR/12JUL64/F/23AUG19/SMITH/"
    "ANNE'\nSSR+DOCS:HK::DL:::::/P/GBR/987654/GBR/10AUG09/FI/21DEC19/SMITH/BABY'\n"
    "TIF+SMITH+BABY:IN:2'\n"
    "TVL+121210:0915::1230+LHR+JFK+DL+324:B'\nRPI+2+HK'\nTRI++108:::1'\nTIF+SMITH+ANNE MRS:A:1'\n"
    "TVL+121210:2200:131210:0130+JFK+YVR+DL+330:B'\n"
    "TVL+++++303:Y'\n"
    "ABI+1+:LHRRR+LON++DL'\nSAC+++X'\nTIF+HISTORY+PERSON:A:9'\nTVL+101210:0915+LHR+CDG+DL+1'\n"
    "SRC'\nRCI+1A:23456'\nTIF+WAYNE+JOHN:A:1'\nTIF+:X+NONAME:A:2'\n"
    "UNT+30+1'\nUNZ+1+020A07'\n";

TEST_CASE("PNRGOV: one record per traveller per flight segment") {
  auto r = DecodePnrgov(kMessage);
  REQUIRE(r.ok());
  // PNR 1: 2 travellers x 2 segments; PNR 2: 1 good traveller x the message's flight.
  REQUIRE(r->records.size() == 5);
  REQUIRE(r->errors.size() == 1);
  CHECK(r->errors[0].tag == "TIF");
  CHECK(r->errors[0].message.find("NONAME") == std::string::npos);

  const auto& adult = r->records[0];
  CHECK(adult.source == "PNR");
  CHECK(adult.pnr.locator == "MFN4TI");
  CHECK(adult.passenger.surname == "SMITH");
  CHECK(adult.passenger.given_names == "ANNE");  // title removed
  CHECK(adult.passenger.date_of_birth == "1964-07-12");
  CHECK(adult.passenger.sex == "F");
  CHECK(adult.passenger.nationality == "GBR");
  REQUIRE(adult.passenger.documents.size() == 1);
  CHECK(adult.passenger.documents[0].number == "123456789");
  CHECK(adult.passenger.documents[0].expiry == "2019-08-23");
  CHECK(adult.flight.carrier == "DL");
  CHECK(adult.flight.number == "324");
  CHECK(adult.flight.departure.airport == "LHR");
  CHECK(adult.flight.departure.scheduled == "2010-12-12T09:15");
  CHECK(adult.flight.arrival.scheduled == "2010-12-12T12:30");
  CHECK(adult.legs.size() == 2);
  CHECK(adult.record_id == "PNR-MFN4TI-1-1-DL324-2010-12-12");

  const auto& second_leg = r->records[1];
  CHECK(second_leg.flight.number == "330");
  CHECK(second_leg.flight.arrival.scheduled == "2010-12-13T01:30");
  CHECK(second_leg.record_id != adult.record_id);

  const auto& infant = r->records[2];
  CHECK(infant.traveller_type == "passenger");
  CHECK(infant.passenger.given_names == "BABY");
  CHECK(infant.passenger.date_of_birth == "2009-08-10");
  REQUIRE(infant.passenger.documents.size() == 1);
  CHECK(infant.passenger.documents[0].number == "987654");

  const auto& wayne = r->records[4];
  CHECK(wayne.pnr.locator == "23456");
  CHECK(wayne.flight.number == "324");  // the message's TVL
  CHECK(wayne.warnings.size() == 1);
  for (const auto& rec : r->records) CHECK(rec.passenger.surname != "HISTORY");
}

TEST_CASE("PNRGOV: record ids are unique and deterministic") {
  auto a = DecodePnrgov(kMessage);
  auto b = DecodePnrgov(kMessage);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  for (size_t i = 0; i < a->records.size(); ++i) {
    CHECK(a->records[i].record_id == b->records[i].record_id);
    for (size_t j = i + 1; j < a->records.size(); ++j) {
      CHECK(a->records[i].record_id != a->records[j].record_id);
    }
  }
}

TEST_CASE("PNRGOV: other separators, one line, release character") {
  std::string msg =
      "UNA:-.? *UNB-IATA:1-DL--200223:1410-1*UNH-1-PNRGOV:13:1:IA-1*MSG-:22*"
      "TVL-230220:1010:1422-JFK-MBJ-DL-441*EQN-1*SRC*RCI-DL:BGXFR4*TIF-SMITH?-JONES-ANN:A:1*"
      "IFT-4:28::YY-CTCE A?*B//X.COM*UNT-10-1*UNZ-1-1*";
  auto r = DecodePnrgov(msg);
  REQUIRE(r.ok());
  REQUIRE(r->records.size() == 1);
  CHECK(r->records[0].passenger.surname == "SMITH-JONES");
  CHECK(r->records[0].flight.arrival.scheduled == "2020-02-23T14:22");
}

TEST_CASE("PNRGOV: truncated and malformed input") {
  std::string msg = kMessage;
  auto cut = DecodePnrgov(msg.substr(0, msg.find("TVL+121210:2200") + 8));
  REQUIRE_FALSE(cut.ok());
  CHECK(std::string(cut.status().message()).find("'TVL'") != std::string::npos);
  CHECK_FALSE(DecodePnrgov("UNH+1+PAXLST'UNT+1+1'").ok());
  CHECK_FALSE(DecodePnrgov("garbage").ok());
}

}  // namespace
}  // namespace paxscreen::edifact

namespace paxscreen::edifact {
namespace {

// Regression (tokenizer fuzzer timeout): a segment with a huge number of elements or
// components must cost linear time, not one scan per element.
TEST_CASE("PNRGOV/PAXLST: huge TIF or NAD segments stay linear") {
  std::string tif = "UNH+1+PNRGOV:13:1:IA'SRC'RCI+XX:ABC'TIF+SMITH";
  for (int i = 0; i < 200000; ++i) tif += "+A:A:1";
  tif += "'UNT+5+1'";
  auto start = std::chrono::steady_clock::now();
  auto r = DecodePnrgov(tif);
  REQUIRE(r.ok());
  CHECK(r->records.size() == 99);
  CHECK(r->warnings.size() == 1);

  std::string nad = "UNH+1+PAXLST:D:05B:UN:IATA'NAD+FL+++SMITH";
  for (int i = 0; i < 200000; ++i) nad += ":A";
  nad += "'UNT+3+1'";
  auto p = DecodePaxlst(nad);
  REQUIRE(p.ok());
  CHECK(p->records.size() == 1);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 5.0);
}

}  // namespace
}  // namespace paxscreen::edifact
