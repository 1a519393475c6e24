// PAXLST (UN/EDIFACT passenger list, IATA/WCO API guidelines D02B, D05B and later) → one
// model::PassengerRecord per traveller, with the flight and its legs.
//
//   absl::StatusOr<DecodeResult> r = DecodePaxlst(text);
//   // r->records: one per NAD+FL/FM/DDU/DDT; r->errors: travellers that could not be decoded
#pragma once

#include <string_view>

#include "absl/status/statusor.h"
#include "pipeline/edifact/decode.h"

namespace paxscreen::edifact {

// Segments used (the rest are skipped):
//   TDT (journey id, carrier) with LOC 125/87/92 and DTM 189/232 → the flight legs; the leg with
//   LOC 125/87 is the record's flight, else the first leg.
//   NAD+FL passenger, +FM crew, +DDU in transit, +DDT crew in transit → a new traveller; its
//   ATT 2 (sex), DTM 329 (birth), NAT 2, RFF AVF (booking reference), DOC with DTM 36 (expiry)
//   and LOC 91 (issuing state).
//   CNT 41/42: control count; a mismatch is a warning, never a reason to drop travellers.
// Errors: a malformed message is an InvalidArgument status naming the segment; a traveller
// without a usable name becomes one DecodeError and the others are still decoded.
// Cost: linear in the input; one allocation per decoded field.
absl::StatusOr<DecodeResult> DecodePaxlst(std::string_view input);

}  // namespace paxscreen::edifact
