// JSON for model::PassengerRecord (schemas/passenger_record.schema.json, ../shared/DESIGN.md
// "Passenger record"): one-line encoding for NDJSON output and tolerant decoding of NDJSON input.
//
//   std::string line = EncodePassengerRecord(record);               // no trailing newline
//   absl::StatusOr<model::PassengerRecord> r = DecodePassengerRecord(line, "line 3");
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "matcher/model/passenger_record.h"

namespace paxscreen::codec {

// One JSON object on one line. Empty strings, empty objects and empty arrays are left out;
// record_id is always written. Field names follow the contract (flight.departure.scheduled, ...).
std::string EncodePassengerRecord(const model::PassengerRecord& record);

// Decodes one JSON object. Errors (InvalidArgument) name `where` (e.g. "line 3"), the record_id
// when known and the field: invalid JSON, record_id missing or not a string, no usable name
// (neither surname nor full_name). Malformed optional fields (date_of_birth "1969-7-16", sex
// "male", nationality "GB", source "X", a document without number) are dropped and described in
// record.warnings; the record is kept. Unknown fields are ignored.
absl::StatusOr<model::PassengerRecord> DecodePassengerRecord(std::string_view json,
                                                             std::string_view where);

// One rejected NDJSON line; holds no personal data.
struct NdjsonError {
  size_t line = 0;         // 1-based
  std::string record_id;   // when it could be read
  std::string message;
};

struct NdjsonResult {
  std::vector<model::PassengerRecord> records;
  std::vector<NdjsonError> errors;
};

// Decodes newline-delimited JSON records; blank lines are skipped.
NdjsonResult DecodePassengerRecordsNdjson(std::string_view text);

}  // namespace paxscreen::codec
