#include "pipeline/codec/passenger_json.h"

#include <catch2/catch.hpp>
#include <string>

namespace paxscreen::codec {
namespace {

model::PassengerRecord Sample() {
  model::PassengerRecord r;
  r.record_id = "API-1-MSG1-QQ827-2014-07-10-1";
  r.source = "API";
  r.flight.carrier = "QQ";
  r.flight.number = "827";
  r.flight.departure.airport = "JFK";
  r.flight.departure.scheduled = "2014-07-10T20:00";
  r.flight.arrival.airport = "CDG";
  r.flight.arrival.scheduled = "2014-07-11T06:30";
  r.legs = {r.flight, r.flight};
  r.passenger.surname = "O\"NEIL";
  r.passenger.given_names = "PAT";
  r.passenger.date_of_birth = "1960-06-06";
  r.passenger.sex = std::string(1, 'F');  // GCC 12 -Wrestrict false positive on "F"
  r.passenger.nationality = "ESP";
  r.passenger.documents.push_back({"P", "TRQWE99800", "ESP", "2019-09-16"});
  r.pnr.locator = "GJIO3RT";
  r.traveller_type = "crew";
  r.warnings = {"segment 3 'DTM': something"};
  return r;
}

TEST_CASE("encode then decode gives the same record") {
  model::PassengerRecord r = Sample();
  std::string json = EncodePassengerRecord(r);
  CHECK(json.find('\n') == std::string::npos);
  CHECK(json.find("\"departure\":{\"airport\":\"JFK\",\"scheduled\":\"2014-07-10T20:00\"}") !=
        std::string::npos);
  auto back = DecodePassengerRecord(json, "line 1");
  REQUIRE(back.ok());
  CHECK(back->record_id == r.record_id);
  CHECK(back->source == "API");
  CHECK(back->flight.arrival.scheduled == r.flight.arrival.scheduled);
  CHECK(back->legs.size() == 2);
  CHECK(back->passenger.surname == "O\"NEIL");
  CHECK(back->passenger.documents.size() == 1);
  CHECK(back->passenger.documents[0].expiry == "2019-09-16");
  CHECK(back->pnr.locator == "GJIO3RT");
  CHECK(back->traveller_type == "crew");
  CHECK(back->warnings == r.warnings);
  CHECK(EncodePassengerRecord(*back) == json);
}

TEST_CASE("empty fields are left out") {
  model::PassengerRecord r;
  r.record_id = "x";
  r.passenger.full_name = "A B";
  CHECK(EncodePassengerRecord(r) == R"({"record_id":"x","passenger":{"full_name":"A B"}})");
}

TEST_CASE("NDJSON: bad optional fields are warnings, missing id or name are errors") {
  std::string text =
      R"({"record_id":"r1","passenger":{"surname":"A","date_of_birth":"1969-7-16","sex":"male","nationality":"GB","documents":[{"type":"P"},{"number":"X1","expiry":"2030-02-30"}]},"extra":{"kept":true}})"
      "\n\n"
      R"({"passenger":{"surname":"B"}})"
      "\n"
      R"({"record_id":"r3","passenger":{"given_names":"ONLY"}})"
      "\n"
      R"({"record_id":"r4","source":"API","passenger":{"full_name":"C D","date_of_birth":"1969-07","sex":"m"}})"
      "\n"
      "{not json\n";
  NdjsonResult r = DecodePassengerRecordsNdjson(text);
  REQUIRE(r.records.size() == 2);
  const auto& r1 = r.records[0];
  CHECK(r1.record_id == "r1");
  CHECK(r1.passenger.surname == "A");
  CHECK(r1.passenger.date_of_birth.empty());
  CHECK(r1.passenger.sex.empty());
  CHECK(r1.passenger.nationality.empty());
  REQUIRE(r1.passenger.documents.size() == 1);
  CHECK(r1.passenger.documents[0].number == "X1");
  CHECK(r1.passenger.documents[0].expiry.empty());
  CHECK(r1.warnings.size() == 5);
  CHECK(r1.warnings[0].find("date_of_birth") != std::string::npos);
  const auto& r4 = r.records[1];
  CHECK(r4.passenger.date_of_birth == "1969-07");
  CHECK(r4.passenger.sex == "M");
  CHECK(r4.warnings.empty());

  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].line == 3);
  CHECK(r.errors[0].message.find("record_id") != std::string::npos);
  CHECK(r.errors[1].line == 4);
  CHECK(r.errors[1].record_id == "r3");
  CHECK(r.errors[1].message.find("r3") != std::string::npos);
  CHECK(r.errors[1].message.find("surname") != std::string::npos);
  CHECK(r.errors[2].line == 6);
  CHECK(r.errors[2].message.find("invalid JSON") != std::string::npos);
}

TEST_CASE("wrong types for optional fields do not reject the record") {
  auto r = DecodePassengerRecord(
      R"({"record_id":"r","flight":"LH400","passenger":{"surname":"A","sex":1}})", "line 1");
  REQUIRE(r.ok());
  CHECK(r->warnings.size() == 2);
  CHECK_FALSE(DecodePassengerRecord("[1,2]", "line 1").ok());
  CHECK_FALSE(DecodePassengerRecord(R"({"record_id":7,"passenger":{"surname":"A"}})", "l").ok());
}

}  // namespace
}  // namespace paxscreen::codec
