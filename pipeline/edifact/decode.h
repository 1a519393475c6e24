// Decoding EDIFACT passenger messages into model::PassengerRecord: the result type shared by
// the PAXLST and PNRGOV decoders, format detection, and one entry point that picks the decoder.
//
//   absl::StatusOr<DecodeResult> r = DecodeEdifact(text);   // PAXLST or PNRGOV, detected
//   if (r.ok()) for (const auto& rec : r->records) Screen(rec);  // r->errors go to the DLQ
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "matcher/model/passenger_record.h"

namespace paxscreen::edifact {

// One traveller that could not be decoded (the others of the message still are): the entry a
// dead-letter queue keeps. Holds no personal data.
struct DecodeError {
  size_t traveller = 0;  // 1-based traveller index within its message (PNR: within the input)
  size_t segment = 0;    // 1-based segment number (see Segment::number)
  std::string tag;       // the segment's tag, e.g. "NAD"
  std::string message;   // what is wrong, naming the field
};

// Everything decoded from one input. Owned by value.
struct DecodeResult {
  std::vector<model::PassengerRecord> records;
  std::vector<DecodeError> errors;
  std::vector<std::string> warnings;  // message-level, e.g. a CNT count that does not match
  size_t messages = 0;                // UNH..UNT messages seen
};

enum class MessageFormat { kUnknown, kPaxlst, kPnrgov, kNdjson };

// Looks at the first bytes only: '{' → NDJSON; otherwise the message type named in UNH (or UNG)
// → PAXLST / PNRGOV. Cost: a scan of at most the first 4 KiB.
MessageFormat DetectFormat(std::string_view input);
std::string_view FormatName(MessageFormat format);  // "paxlst", "pnrgov", "ndjson", "unknown"

// Decodes a PAXLST or PNRGOV input (detected). A malformed message (bad tag, truncation, no UNH,
// wrong message type) is an InvalidArgument error naming the segment number and tag.
absl::StatusOr<DecodeResult> DecodeEdifact(std::string_view input);

}  // namespace paxscreen::edifact
