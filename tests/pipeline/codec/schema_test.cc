// Schema validation: the embedded schemas accept well-formed records and every rejection names
// the record id, the JSON pointer, the keyword with what it expected, and the schema pointer.
#include "pipeline/codec/schema_validator.h"

#include <catch2/catch.hpp>
#include <string>

#include "schemas/embedded_schemas.h"

namespace paxscreen::codec {
namespace {

std::string Message(const absl::Status& s) { return std::string(s.message()); }

TEST_CASE("all three schemas are embedded and compile") {
  CHECK(schemas::EmbeddedSchemaNames().size() == 3);
  for (auto name : {"passenger_record", "watchlist_entry", "match_event"}) {
    INFO(name);
    CHECK(schemas::EmbeddedSchema(name).find("draft-04") != std::string_view::npos);
  }
  CHECK(schemas::EmbeddedSchema("nope").empty());
}

TEST_CASE("passenger records") {
  CHECK(ValidateJson(Schema::kPassengerRecord,
                     R"({"record_id":"R1","source":"API","passenger":{"surname":"QAHTANI",
                        "given_names":"MUHAMMAD","date_of_birth":"1969-07","sex":"M",
                        "nationality":"SAU","documents":[{"type":"P","number":"X1"}]},
                        "flight":{"carrier":"LH","number":"400","departure":{"airport":"FRA"}},
                        "extra":{"kept":true}})",
                     "R1")
            .ok());
  absl::Status bad_sex = ValidateJson(
      Schema::kPassengerRecord, R"({"record_id":"R2","passenger":{"sex":"Q"}})", "R2");
  REQUIRE_FALSE(bad_sex.ok());
  CHECK(Message(bad_sex).find("record \"R2\"") != std::string::npos);
  CHECK(Message(bad_sex).find("/passenger/sex") != std::string::npos);
  CHECK(Message(bad_sex).find("\"enum\"") != std::string::npos);
  CHECK(Message(bad_sex).find("[\"M\",\"F\",\"X\",\"U\"]") != std::string::npos);
  CHECK(Message(bad_sex).find("#/properties/passenger/properties/sex") != std::string::npos);

  absl::Status missing = ValidateJson(Schema::kPassengerRecord, R"({"source":"PNR"})", "line 7");
  REQUIRE_FALSE(missing.ok());
  CHECK(Message(missing).find("record \"line 7\"") != std::string::npos);
  CHECK(Message(missing).find("missing required \"record_id\"") != std::string::npos);

  absl::Status dob = ValidateJson(
      Schema::kPassengerRecord, R"({"record_id":"R3","passenger":{"date_of_birth":"1969-7-16"}})",
      "R3");
  REQUIRE_FALSE(dob.ok());
  CHECK(Message(dob).find("/passenger/date_of_birth") != std::string::npos);
  CHECK(Message(dob).find("\"pattern\"") != std::string::npos);
  CHECK(Message(dob).find("1969-7-16") == std::string::npos);  // values are not echoed

  absl::Status leg = ValidateJson(
      Schema::kPassengerRecord, R"({"record_id":"R4","legs":[{},{"carrier":7}]})", "R4");
  REQUIRE_FALSE(leg.ok());
  CHECK(Message(leg).find("/legs/1/carrier") != std::string::npos);
  CHECK(Message(leg).find("expected type \"string\"") != std::string::npos);

  absl::Status syntax = ValidateJson(Schema::kPassengerRecord, "{\"record_id\":", "R5");
  REQUIRE_FALSE(syntax.ok());
  CHECK(Message(syntax).find("not JSON") != std::string::npos);
}

TEST_CASE("watchlist entries") {
  CHECK(ValidateJson(Schema::kWatchlistEntry,
                     R"({"entry_id":"UN-SC:QDi.006","list":"UN-SC","category":"individual",
                        "names":[{"full":"AIMAN AL-ZAWAHIRI","script":"Latn","kind":"primary"}],
                        "dates_of_birth":["1951-06-19","1950~","1955/1958~"],
                        "documents":[{"type":"passport","number":"1084010","issuing_state":"EGY"}]})",
                     "x")
            .ok());
  CHECK(ValidateJson(Schema::kWatchlistEntry, R"({"entry_id":"A","list":"L","op":"delete"})", "A")
            .ok());
  absl::Status no_names = ValidateJson(Schema::kWatchlistEntry, R"({"entry_id":"A","list":"L"})", "A");
  REQUIRE_FALSE(no_names.ok());
  CHECK(Message(no_names).find("\"anyOf\"") != std::string::npos);
  absl::Status kind = ValidateJson(
      Schema::kWatchlistEntry,
      R"({"entry_id":"B","list":"L","names":[{"full":"X"},{"full":"Y","kind":"nickname"}]})", "B");
  REQUIRE_FALSE(kind.ok());
  CHECK(Message(kind).find("record \"B\": /names/1/kind") != std::string::npos);
  absl::Status dob = ValidateJson(
      Schema::kWatchlistEntry,
      R"({"entry_id":"C","list":"L","names":[{"full":"X"}],"dates_of_birth":["1960-1965"]})", "C");
  REQUIRE_FALSE(dob.ok());
  CHECK(Message(dob).find("/dates_of_birth/0") != std::string::npos);
}

TEST_CASE("match events") {
  CHECK(ValidateJson(Schema::kMatchEvent,
                     R"({"event_id":"e1","record_id":"R1","entry_id":"UN-SC:QDi.006","list":"UN-SC",
                        "score":0.93,"band":"high","matched_name":"X",
                        "evidence":{"features":[{"feature":"name","contribution":0.8,"detail":"exact"}],
                                    "explanation":"x"},
                        "watchlist_version":"wl-1","matcher_version":"m","screened_at":"2026-01-01T10:00:00Z",
                        "latency_us":12})",
                     "e1")
            .ok());
  // The evidence says what fired for every feature.
  CHECK_FALSE(ValidateJson(Schema::kMatchEvent,
                           R"({"event_id":"e1","record_id":"R1","entry_id":"E","list":"L","score":0.9,
                              "band":"high","evidence":{"features":[{"feature":"name","contribution":0.8}]},
                              "watchlist_version":"wl-1","matcher_version":"m",
                              "screened_at":"2026-01-01T10:00:00Z","latency_us":1})",
                           "e1")
                  .ok());
  absl::Status score = ValidateJson(
      Schema::kMatchEvent,
      R"({"event_id":"e2","record_id":"R1","entry_id":"E","list":"L","score":1.5,"band":"high",
          "evidence":{"features":[]},"watchlist_version":"wl-1","matcher_version":"m",
          "screened_at":"2026-01-01T10:00:00Z","latency_us":1})",
      "e2");
  REQUIRE_FALSE(score.ok());
  CHECK(Message(score).find("/score") != std::string::npos);
  CHECK(Message(score).find("\"maximum\"") != std::string::npos);
  CHECK(Message(score).find("expected maximum 1") != std::string::npos);
}

TEST_CASE("a schema given as text") {
  rapidjson::Document doc;
  doc.Parse(R"({"a":"x"})");
  CHECK_FALSE(ValidateJsonWithSchema(R"({"properties":{"a":{"type":"integer"}}})", doc, "r").ok());
  CHECK(ValidateJsonWithSchema(R"({"properties":{"b":{"type":"integer"}}})", doc, "r").ok());
  CHECK(ValidateJsonWithSchema("{not json", doc, "r").code() == absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace paxscreen::codec
