// JSON for model::MatchEvent (schemas/match_event.schema.json, ../shared/DESIGN.md
// "Match event"): one object per line, for NDJSON files and Kafka record values.
//
//   std::string line = EncodeMatchEvent(event);   // no trailing newline
#pragma once

#include <cstddef>
#include <string>

#include "matcher/model/match_event.h"

namespace paxscreen::codec {

// Every contract field is written (arrays may be empty); scores are rounded to 4 decimals.
std::string EncodeMatchEvent(const model::MatchEvent& event);

// A record that could not be screened, for the dead-letter file: where it came from, why,
// and the input verbatim (the DLQ is data, not a log).
struct DeadLetter {
  std::string source;     // file name, or "stdin"
  size_t line = 0;        // 1-based line (NDJSON) or 0
  size_t traveller = 0;   // 1-based traveller index in an EDIFACT message, or 0
  size_t segment = 0;     // EDIFACT segment number, or 0
  std::string record_id;  // when known
  std::string error_class;  // "decode", "validation", "no_usable_name"
  std::string reason;
  std::string raw;        // the NDJSON line, or empty for EDIFACT travellers
};
std::string EncodeDeadLetter(const DeadLetter& dead);

}  // namespace paxscreen::codec
