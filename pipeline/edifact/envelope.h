// The service-segment frame shared by the PAXLST and PNRGOV decoders (internal): walks UNB/UNG/
// UNH..UNT/UNE/UNZ, checks nesting and the message type, and hands every message's segments to
// a MessageHandler.
//
//   class MyHandler : public MessageHandler { ... };
//   PAX_RETURN_IF_ERROR(WalkMessages(text, "PAXLST", handler, &result));
#pragma once

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "pipeline/edifact/decode.h"
#include "pipeline/edifact/tokenizer.h"

namespace paxscreen::edifact {

// What the envelope says about the current message.
struct Envelope {
  int reference_year = 0;        // from the UNB preparation date, else the current year
  std::string interchange_ref;   // UNB control reference (0020), id-safe
  std::string message_ref;       // UNH message reference (0062), id-safe
  size_t unh_segment = 0;        // segment number of the UNH
  size_t message_index = 0;      // 1-based message count in the input
};

// Receives one message at a time. Implementations write into the DecodeResult they hold.
class MessageHandler {
 public:
  virtual ~MessageHandler() = default;
  virtual void Begin(const Envelope& envelope) = 0;
  // A segment between UNH and UNT (both excluded). An error rejects the whole input.
  virtual absl::Status OnSegment(const Segment& segment) = 0;
  virtual void End(const Segment& unt) = 0;
};

// Walks every message of `input`; `type` is the UNH message type expected ("PAXLST"). Tokenizer
// warnings are appended to result->warnings and result->messages is counted.
absl::Status WalkMessages(std::string_view input, std::string_view type, MessageHandler& handler,
                          DecodeResult* result);

// "segment 12 'NAD'" — the prefix of every error message.
std::string Where(const Segment& segment);

}  // namespace paxscreen::edifact
