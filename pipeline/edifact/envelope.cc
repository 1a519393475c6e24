#include "pipeline/edifact/envelope.h"

#include "absl/strings/str_cat.h"
#include "pipeline/edifact/fields.h"

namespace paxscreen::edifact {

std::string Where(const Segment& segment) {
  return absl::StrCat("segment ", segment.number(), " '", SafeTag(segment.tag()), "'");
}

absl::Status WalkMessages(std::string_view input, std::string_view type, MessageHandler& handler,
                          DecodeResult* result) {
  Tokenizer tokenizer(input);
  Envelope envelope;
  envelope.reference_year = CurrentYear();
  bool in_message = false;
  Segment last;
  for (Segment seg; tokenizer.Next(&seg);) {
    last = seg;
    std::string_view tag = seg.tag();
    if (tag == "UNB") {
      std::string date = seg.Text(3, 0);
      std::string iso = DateFromDtm(date, "101", CurrentYear(), true);
      if (!iso.empty()) envelope.reference_year = std::stoi(iso.substr(0, 4));
      envelope.interchange_ref = IdPart(seg.Text(4, 0));
      continue;
    }
    if (tag == "UNH") {
      if (in_message) {
        return absl::InvalidArgumentError(
            absl::StrCat(Where(seg), ": new message while the message from UNH at segment ",
                         envelope.unh_segment, " has no UNT"));
      }
      std::string found = TrimCopy(seg.Text(1, 0));
      if (found != type) {
        return absl::InvalidArgumentError(absl::StrCat(
            Where(seg), ": message type '", SafeTag(found), "', expected ",
            absl::string_view(type.data(), type.size())));
      }
      in_message = true;
      envelope.message_ref = IdPart(seg.Text(0, 0));
      envelope.unh_segment = seg.number();
      envelope.message_index = ++result->messages;
      handler.Begin(envelope);
      continue;
    }
    if (tag == "UNT") {
      if (!in_message) {
        return absl::InvalidArgumentError(absl::StrCat(Where(seg), ": UNT without UNH"));
      }
      handler.End(seg);
      in_message = false;
      continue;
    }
    if (tag == "UNG" || tag == "UNE" || tag == "UNZ") {
      if (in_message) {
        return absl::InvalidArgumentError(absl::StrCat(
            Where(seg), ": the message from UNH at segment ", envelope.unh_segment,
            " has no UNT"));
      }
      continue;
    }
    if (!in_message) {
      return absl::InvalidArgumentError(
          absl::StrCat(Where(seg), ": segment outside a message (no UNH before it)"));
    }
    absl::Status s = handler.OnSegment(seg);
    if (!s.ok()) return s;
  }
  for (const auto& w : tokenizer.warnings()) result->warnings.push_back(w);
  if (!tokenizer.status().ok()) return tokenizer.status();
  if (in_message) {
    return absl::InvalidArgumentError(absl::StrCat(
        "input truncated: the message from UNH at segment ", envelope.unh_segment,
        " has no UNT (last segment ", last.number(), " '", SafeTag(last.tag()), "')"));
  }
  if (result->messages == 0) {
    return absl::InvalidArgumentError("no UNH message header found: not an EDIFACT message");
  }
  return absl::OkStatus();
}

}  // namespace paxscreen::edifact
