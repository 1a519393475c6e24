#include "pipeline/edifact/paxlst.h"

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "pipeline/edifact/envelope.h"
#include "pipeline/edifact/fields.h"

namespace paxscreen::edifact {
namespace {

struct Leg {
  model::Flight flight;
  bool border_crossing = false;  // had LOC 125 or 87
};

struct Traveller {
  model::PassengerRecord record;
  size_t segment = 0;
  bool bad = false;
};

std::string_view TravellerType(std::string_view qualifier) {
  if (qualifier == "FL") return "passenger";
  if (qualifier == "FM") return "crew";
  if (qualifier == "DDU") return "in_transit";
  if (qualifier == "DDT") return "crew";  // crew in transit: the schema has no separate value
  return "";
}

// Splits a TDT journey identifier such as "UA0989" into carrier and number.
void SetFlightNumber(std::string_view journey, std::string_view carrier, model::Flight* f) {
  journey = Trim(journey);
  carrier = Trim(carrier);
  if (!carrier.empty() && journey.substr(0, carrier.size()) == carrier &&
      journey.size() > carrier.size()) {
    f->carrier = std::string(carrier);
    f->number = std::string(journey.substr(carrier.size()));
    return;
  }
  if (carrier.empty() && journey.size() > 2) {
    f->carrier = std::string(journey.substr(0, 2));
    f->number = std::string(journey.substr(2));
    return;
  }
  f->carrier = std::string(carrier);
  f->number = std::string(journey);
}

class PaxlstHandler : public MessageHandler {
 public:
  explicit PaxlstHandler(DecodeResult* result) : result_(result) {}

  void Begin(const Envelope& envelope) override {
    env_ = envelope;
    legs_.clear();
    travellers_.clear();
    declared_count_.reset();
  }

  absl::Status OnSegment(const Segment& seg) override {
    std::string_view tag = seg.tag();
    if (tag == "NAD") return OnNad(seg);
    if (tag == "CNT") return OnCnt(seg);
    if (travellers_.empty()) {
      if (tag == "TDT") {
        legs_.emplace_back();
        SetFlightNumber(seg.Text(1, 0), seg.Text(4, 0), &legs_.back().flight);
      } else if (tag == "LOC" && !legs_.empty()) {
        OnFlightLoc(seg);
      } else if (tag == "DTM" && !legs_.empty()) {
        OnFlightDtm(seg);
      }
      return absl::OkStatus();
    }
    Traveller& t = travellers_.back();
    if (t.bad) return absl::OkStatus();
    model::Passenger& p = t.record.passenger;
    std::string q = TrimCopy(seg.Text(0, 0));
    if (tag == "ATT" && q == "2") {
      std::string raw = TrimCopy(seg.Text(2, 0));
      p.sex = SexCode(raw);
      if (p.sex.empty() && !raw.empty()) Warn(t, seg, "ATT sex code is not M, F, U or X");
    } else if (tag == "DTM") {
      std::string value = seg.Text(0, 1);
      std::string format = TrimCopy(seg.Text(0, 2));
      if (q == "329") {
        p.date_of_birth = DateFromDtm(value, format, env_.reference_year, true);
        if (p.date_of_birth.empty()) Warn(t, seg, "DTM 329 date of birth is not a valid date");
      } else if (q == "36" && !p.documents.empty()) {
        p.documents.back().expiry = DateFromDtm(value, format, env_.reference_year, false);
        if (p.documents.back().expiry.empty()) Warn(t, seg, "DTM 36 expiry is not a valid date");
      }
    } else if (tag == "NAT") {
      std::string nationality = TrimCopy(seg.Text(1, 0));
      if (Alpha3(nationality)) {
        p.nationality = std::move(nationality);
      } else if (!nationality.empty()) {
        Warn(t, seg, "NAT nationality is not an ISO 3166-1 alpha-3 code; ignored");
      }
    } else if (tag == "DOC") {
      model::Document d;
      d.type = TrimCopy(seg.Text(0, 0));
      d.number = TrimCopy(seg.Text(1, 0));
      if (d.number.empty()) {
        Warn(t, seg, "DOC has no document number; document ignored");
      } else {
        p.documents.push_back(std::move(d));
      }
    } else if (tag == "LOC" && q == "91" && !p.documents.empty()) {
      p.documents.back().issuing_state = TrimCopy(seg.Text(1, 0));
    } else if (tag == "RFF" && TrimCopy(seg.Text(0, 0)) == "AVF") {
      t.record.pnr.locator = TrimCopy(seg.Text(0, 1));
    }
    return absl::OkStatus();
  }

  void End(const Segment& unt) override {
    const Leg* main = nullptr;
    for (const auto& leg : legs_) {
      if (leg.border_crossing && main == nullptr) main = &leg;
    }
    if (main == nullptr && !legs_.empty()) main = &legs_.front();
    std::vector<std::string> message_warnings;
    if (legs_.empty()) message_warnings.push_back("no TDT flight in the message");
    for (size_t i = 0; i < travellers_.size(); ++i) {
      Traveller& t = travellers_[i];
      if (t.bad) continue;
      model::PassengerRecord& r = t.record;
      if (main != nullptr) r.flight = main->flight;
      if (legs_.size() > 1) {
        for (const auto& leg : legs_) r.legs.push_back(leg.flight);
      }
      std::string date = r.flight.departure.scheduled.substr(0, 10);
      r.record_id = absl::StrCat("API-", env_.interchange_ref, "-", env_.message_ref, "-",
                                 IdPart(r.flight.carrier), IdPart(r.flight.number), "-",
                                 IdPart(date), "-", i + 1);
      for (const auto& w : message_warnings) r.warnings.push_back(w);
      result_->records.push_back(std::move(r));
    }
    if (declared_count_.has_value() && *declared_count_ != travellers_.size()) {
      result_->warnings.push_back(absl::StrCat(
          "message ", env_.message_index, " (UNH at segment ", env_.unh_segment,
          "): CNT declares ", *declared_count_, " travellers, the message carries ",
          travellers_.size()));
    }
    (void)unt;
  }

 private:
  void Warn(Traveller& t, const Segment& seg, std::string_view what) {
    t.record.warnings.push_back(
        absl::StrCat(Where(seg), ": ", absl::string_view(what.data(), what.size())));
  }

  absl::Status OnNad(const Segment& seg) {
    std::string qualifier = TrimCopy(seg.Text(0, 0));
    std::string_view type = TravellerType(qualifier);
    if (type.empty()) return absl::OkStatus();  // NAD+MS (reporting party) and others
    Traveller t;
    t.segment = seg.number();
    t.record.source = "API";
    t.record.traveller_type = std::string(type);
    model::Passenger& p = t.record.passenger;
    p.surname = TrimCopy(seg.Text(3, 0));
    std::string given;
    std::vector<std::string_view> parts = seg.SplitComponents(seg.RawElement(3));
    for (size_t c = 1; c < parts.size(); ++c) {
      std::string part = TrimCopy(seg.Unescape(parts[c]));
      if (part.empty()) continue;
      if (!given.empty()) given += " ";
      given += part;
    }
    p.given_names = std::move(given);
    if (p.surname.empty()) {
      t.bad = true;
      result_->errors.push_back(DecodeError{
          travellers_.size() + 1, seg.number(), "NAD",
          absl::StrCat("message ", env_.message_index, ", traveller ", travellers_.size() + 1,
                       ": ", Where(seg), " has no surname (element 4, component 1)")});
    }
    travellers_.push_back(std::move(t));
    return absl::OkStatus();
  }

  absl::Status OnCnt(const Segment& seg) {
    std::string q = TrimCopy(seg.Text(0, 0));
    if (q != "41" && q != "42") return absl::OkStatus();
    // "CNT+42:2" per the guidelines; one sample writes "CNT+41+8".
    std::string count = TrimCopy(seg.Text(0, 1));
    if (count.empty()) count = TrimCopy(seg.Text(1, 0));
    size_t n = 0;
    bool ok = !count.empty() && count.size() < 9;
    for (char c : count) {
      if (c < '0' || c > '9') {
        ok = false;
        break;
      }
      n = n * 10 + static_cast<size_t>(c - '0');
    }
    if (!ok) {
      result_->warnings.push_back(absl::StrCat(Where(seg), ": control count is not a number"));
      return absl::OkStatus();
    }
    declared_count_ = declared_count_.value_or(0) + n;
    return absl::OkStatus();
  }

  void OnFlightLoc(const Segment& seg) {
    Leg& leg = legs_.back();
    std::string q = TrimCopy(seg.Text(0, 0));
    std::string airport = TrimCopy(seg.Text(1, 0));
    model::FlightPoint* point = nullptr;
    if (q == "125") {
      point = &leg.flight.departure;
      leg.border_crossing = true;
    } else if (q == "87") {
      point = &leg.flight.arrival;
      leg.border_crossing = true;
    } else if (q == "92") {
      point = leg.flight.departure.airport.empty() ? &leg.flight.departure : &leg.flight.arrival;
    }
    if (point != nullptr) point->airport = airport;
  }

  void OnFlightDtm(const Segment& seg) {
    Leg& leg = legs_.back();
    std::string q = TrimCopy(seg.Text(0, 0));
    std::string when =
        DateTimeFromDtm(seg.Text(0, 1), TrimCopy(seg.Text(0, 2)), env_.reference_year);
    if (q == "189") {
      leg.flight.departure.scheduled = when;
    } else if (q == "232") {
      leg.flight.arrival.scheduled = when;
    }
    if (when.empty() && (q == "189" || q == "232")) {
      result_->warnings.push_back(absl::StrCat(Where(seg), ": flight date/time is not valid"));
    }
  }

  DecodeResult* result_;
  Envelope env_;
  std::vector<Leg> legs_;
  std::vector<Traveller> travellers_;
  std::optional<size_t> declared_count_;
};

}  // namespace

absl::StatusOr<DecodeResult> DecodePaxlst(std::string_view input) {
  DecodeResult result;
  PaxlstHandler handler(&result);
  absl::Status s = WalkMessages(input, "PAXLST", handler, &result);
  if (!s.ok()) return s;
  return result;
}

}  // namespace paxscreen::edifact
