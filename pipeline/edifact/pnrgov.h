// PNRGOV (IATA PNRGOV EDIFACT, versions 10 to 13.1) → one model::PassengerRecord per traveller
// per flight segment, with the booking reference.
//
//   absl::StatusOr<DecodeResult> r = DecodePnrgov(text);
//   for (const auto& rec : r->records) Print(rec.pnr.locator, rec.flight.number);
#pragma once

#include <string_view>

#include "absl/status/statusor.h"
#include "pipeline/edifact/decode.h"

namespace paxscreen::edifact {

// Group structure followed (PNRGOV message implementation guide):
//   TVL before the first SRC: the flight the push is for (used when a PNR lists no segment).
//   SRC starts a PNR; its first RCI gives the record locator.
//   Group 2 — TIF: a traveller (surname, given name, type, reference; "IN" = infant, recorded as a passenger), with its
//   SSR DOCS (document type/issuer/number/nationality/birth/sex/expiry). An infant's DOCS
//   (sex MI/FI) under the adult goes to the next infant TIF of the same PNR.
//   Group 5 — TVL: a flight segment of the itinerary; TIF after TRI (check-in) is not a new
//   traveller; a TVL without airports (seat/class continuation) is not a segment.
//   MSG (non-air segments), ABI/SAC (history) and LTS end the itinerary part: their TVL and
//   TIF are skipped.
// record_id = "PNR-<locator>-<traveller>-<segment>-<carrier><number>-<date>".
// Cost: linear in the input.
absl::StatusOr<DecodeResult> DecodePnrgov(std::string_view input);

}  // namespace paxscreen::edifact
