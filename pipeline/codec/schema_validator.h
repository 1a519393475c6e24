// JSON Schema (draft-04) validation of paxscreen records against the schemas in schemas/,
// which are compiled into the binary (library paxscreen_schemas). Every failure names the
// record id, the JSON pointer of the failing value, the keyword that failed with what it
// expected, and the schema pointer — e.g.
//   record "R1": /passenger/sex: "enum" failed, expected one of ["M","F","X","U"], got "Q"
//   (schema #/properties/passenger/properties/sex)
//
//   PAX_RETURN_IF_ERROR(ValidateJson(Schema::kPassengerRecord, line, "line 12"));
//   absl::Status s = ValidateJson(Schema::kWatchlistEntry, doc, entry_id);
#pragma once

#include <string_view>

#include "absl/status/status.h"
#include "rapidjson/document.h"

namespace paxscreen::codec {

enum class Schema { kPassengerRecord, kWatchlistEntry, kMatchEvent };

// "passenger_record", "watchlist_entry", "match_event".
std::string_view SchemaName(Schema schema);

// Validates a parsed document. OK, or InvalidArgument with the message described above.
// The compiled schemas are built once (thread-safe) and shared; each call uses its own
// validator, so calls may run concurrently.
absl::Status ValidateJson(Schema schema, const rapidjson::Value& doc, std::string_view record_id);

// Parses `json` first; a syntax error is reported with its byte offset.
absl::Status ValidateJson(Schema schema, std::string_view json, std::string_view record_id);

// Validates against a schema given as text (for tests and user-supplied schemas). A schema
// that is not JSON gives InvalidArgument naming the schema.
absl::Status ValidateJsonWithSchema(std::string_view schema_json, const rapidjson::Value& doc,
                                    std::string_view record_id);

}  // namespace paxscreen::codec
