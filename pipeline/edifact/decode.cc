#include "pipeline/edifact/decode.h"

#include "pipeline/edifact/paxlst.h"
#include "pipeline/edifact/pnrgov.h"
#include "pipeline/edifact/tokenizer.h"

namespace paxscreen::edifact {

MessageFormat DetectFormat(std::string_view input) {
  std::string_view head = input.substr(0, 4096);
  size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos) return MessageFormat::kUnknown;
  if (head[first] == '{') return MessageFormat::kNdjson;
  // Look at UNH (or UNG) segments through the tokenizer so any UNA separators are honoured.
  Tokenizer tokenizer(head);
  for (Segment seg; tokenizer.Next(&seg);) {
    std::string type;
    if (seg.tag() == "UNH") type = seg.Text(1, 0);
    if (seg.tag() == "UNG") type = seg.Text(0, 0);
    if (type == "PAXLST") return MessageFormat::kPaxlst;
    if (type == "PNRGOV") return MessageFormat::kPnrgov;
    if (seg.tag() == "UNH") break;
  }
  // Truncated head or unusual envelope: fall back to the type names themselves.
  size_t pax = head.find("PAXLST");
  size_t pnr = head.find("PNRGOV");
  if (pax < pnr) return MessageFormat::kPaxlst;
  if (pnr < pax) return MessageFormat::kPnrgov;
  return MessageFormat::kUnknown;
}

std::string_view FormatName(MessageFormat format) {
  switch (format) {
    case MessageFormat::kPaxlst:
      return "paxlst";
    case MessageFormat::kPnrgov:
      return "pnrgov";
    case MessageFormat::kNdjson:
      return "ndjson";
    case MessageFormat::kUnknown:
      break;
  }
  return "unknown";
}

absl::StatusOr<DecodeResult> DecodeEdifact(std::string_view input) {
  switch (DetectFormat(input)) {
    case MessageFormat::kPaxlst:
      return DecodePaxlst(input);
    case MessageFormat::kPnrgov:
      return DecodePnrgov(input);
    case MessageFormat::kNdjson:
      return absl::InvalidArgumentError("input is NDJSON, not EDIFACT (use the JSON codec)");
    case MessageFormat::kUnknown:
      break;
  }
  return absl::InvalidArgumentError(
      "not a PAXLST or PNRGOV message: no UNH naming PAXLST or PNRGOV in the first 4 KiB");
}

}  // namespace paxscreen::edifact
