#include "pipeline/edifact/pnrgov.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "pipeline/edifact/envelope.h"
#include "pipeline/edifact/fields.h"

namespace paxscreen::edifact {
namespace {

enum class Section { kHeader, kTravellers, kItinerary, kOther };

struct Traveller {
  model::PassengerRecord record;
  std::string reference;  // TIF traveller reference number
  bool infant = false;
  bool has_docs = false;
};

struct Pnr {
  std::string locator;
  size_t src_segment = 0;
  Section section = Section::kHeader;
  std::vector<Traveller> travellers;
  std::vector<model::Flight> segments;
  std::vector<model::Document> pending_infant_docs;
  std::vector<std::string> infant_dobs;
  std::vector<std::string> infant_sexes;
};

// Parses the free text of SSR DOCS: "/P/GBR/123456789/GBR/12JUL64/M/23AUG19/SMITH/JOHN".
struct Docs {
  model::Document document;
  std::string nationality;
  std::string date_of_birth;
  std::string sex;
  bool infant = false;
  bool dob_invalid = false;
};

Docs ParseDocs(std::string_view text, int reference_year) {
  Docs d;
  text = Trim(text);
  if (!text.empty() && text.front() == '/') text.remove_prefix(1);
  std::vector<std::string> f = absl::StrSplit(absl::string_view(text.data(), text.size()), '/');
  f.resize(std::max<size_t>(f.size(), 7));
  d.document.type = TrimCopy(f[0]);
  d.document.issuing_state = TrimCopy(f[1]);
  d.document.number = TrimCopy(f[2]);
  d.nationality = TrimCopy(f[3]);
  std::string dob = TrimCopy(f[4]);
  if (!dob.empty()) {
    d.date_of_birth = DateFromDdmonyy(dob, reference_year, true);
    d.dob_invalid = d.date_of_birth.empty();
  }
  std::string sex = TrimCopy(f[5]);
  d.sex = SexCode(sex);
  d.infant = sex == "MI" || sex == "FI";
  std::string expiry = TrimCopy(f[6]);
  if (!expiry.empty()) d.document.expiry = DateFromDdmonyy(expiry, reference_year, false);
  return d;
}

class PnrgovHandler : public MessageHandler {
 public:
  explicit PnrgovHandler(DecodeResult* result) : result_(result) {}

  void Begin(const Envelope& envelope) override {
    env_ = envelope;
    pushed_flight_ = model::Flight();
    in_pnr_ = false;
  }

  absl::Status OnSegment(const Segment& seg) override {
    std::string_view tag = seg.tag();
    if (tag == "SRC") {
      FinishPnr();
      pnr_ = Pnr();
      pnr_.src_segment = seg.number();
      in_pnr_ = true;
      return absl::OkStatus();
    }
    if (!in_pnr_) {
      if (tag == "TVL") pushed_flight_ = ParseTvl(seg);
      return absl::OkStatus();
    }
    if (tag == "RCI") {
      if (pnr_.locator.empty()) pnr_.locator = TrimCopy(seg.Text(0, 1));
    } else if (tag == "TIF") {
      if (pnr_.section == Section::kHeader || pnr_.section == Section::kTravellers) {
        pnr_.section = Section::kTravellers;
        OnTif(seg);
      }
    } else if (tag == "SSR") {
      if (TrimCopy(seg.Text(0, 0)) == "DOCS" && pnr_.section == Section::kTravellers &&
          !pnr_.travellers.empty()) {
        OnDocs(seg);
      }
    } else if (tag == "TVL") {
      if (pnr_.section != Section::kOther) {
        pnr_.section = Section::kItinerary;
        model::Flight f = ParseTvl(seg);
        if (!f.departure.airport.empty() || !f.arrival.airport.empty()) {
          pnr_.segments.push_back(std::move(f));
        }
      }
    } else if (tag == "MSG" || tag == "ABI" || tag == "SAC" || tag == "LTS") {
      pnr_.section = Section::kOther;
    }
    return absl::OkStatus();
  }

  void End(const Segment&) override { FinishPnr(); }

 private:
  model::Flight ParseTvl(const Segment& seg) {
    model::Flight f;
    std::string dep_date = seg.Text(0, 0);
    std::string dep_time = seg.Text(0, 1);
    std::string arr_date = seg.Text(0, 2);
    std::string arr_time = seg.Text(0, 3);
    // One sender writes "DDMMYY:HHMM:HHMM" (arrival time in the arrival-date slot).
    if (Trim(arr_date).size() == 4 && Trim(arr_time).empty()) {
      arr_time = arr_date;
      arr_date = dep_date;
    }
    // "DDMMYY:HHMM::HHMM": arrival on the departure date as far as the message says.
    if (Trim(arr_date).empty() && !Trim(arr_time).empty()) arr_date = dep_date;
    f.departure.scheduled = DateTimeFromDdmmyy(dep_date, dep_time, env_.reference_year);
    f.arrival.scheduled = DateTimeFromDdmmyy(arr_date, arr_time, env_.reference_year);
    f.departure.airport = TrimCopy(seg.Text(1, 0));
    f.arrival.airport = TrimCopy(seg.Text(2, 0));
    f.carrier = TrimCopy(seg.Text(3, 0));
    f.number = TrimCopy(seg.Text(4, 0));
    return f;
  }

  void OnTif(const Segment& seg) {
    std::string surname = TrimCopy(seg.Text(0, 0));
    std::vector<std::string_view> elements = seg.RawElements();
    elements.resize(std::max<size_t>(elements.size(), 2));
    // One TIF normally names one traveller; older senders repeat element 2 per traveller.
    // A PNR holds at most 99 travellers: more is garbage, and capping keeps the cost linear.
    if (elements.size() > 100) {
      result_->warnings.push_back(absl::StrCat(Where(seg), ": more than 99 names; rest ignored"));
      elements.resize(100);
    }
    for (size_t e = 1; e < elements.size(); ++e) {
      std::vector<std::string_view> parts = seg.SplitComponents(elements[e]);
      parts.resize(std::max<size_t>(parts.size(), 3));
      Traveller t;
      t.record.source = "PNR";
      t.record.passenger.surname = surname;
      t.record.passenger.given_names = StripTitle(seg.Unescape(parts[0]));
      std::string type = TrimCopy(seg.Unescape(parts[1]));
      t.infant = type == "IN" || type == "INF";
      t.record.traveller_type = "passenger";  // infants too: the schema has no infant value
      t.reference = TrimCopy(seg.Unescape(parts[2]));
      size_t index = ++travellers_seen_;
      if (surname.empty()) {
        result_->errors.push_back(DecodeError{
            index, seg.number(), "TIF",
            absl::StrCat("PNR from SRC at segment ", pnr_.src_segment, ", traveller ", index,
                         ": ", Where(seg), " has no surname (element 1, component 1)")});
        continue;
      }
      if (t.infant && !pnr_.pending_infant_docs.empty()) {
        AttachDocs(t, 0);
      }
      pnr_.travellers.push_back(std::move(t));
    }
  }

  void AttachDocs(Traveller& t, size_t i) {
    t.record.passenger.documents.push_back(pnr_.pending_infant_docs[i]);
    if (t.record.passenger.date_of_birth.empty()) {
      t.record.passenger.date_of_birth = pnr_.infant_dobs[i];
    }
    if (t.record.passenger.sex.empty()) t.record.passenger.sex = pnr_.infant_sexes[i];
    t.has_docs = true;
    pnr_.pending_infant_docs.erase(pnr_.pending_infant_docs.begin() + i);
    pnr_.infant_dobs.erase(pnr_.infant_dobs.begin() + i);
    pnr_.infant_sexes.erase(pnr_.infant_sexes.begin() + i);
  }

  void OnDocs(const Segment& seg) {
    Traveller& t = pnr_.travellers.back();
    Docs d = ParseDocs(seg.TextFrom(0, 8), env_.reference_year);
    if (d.infant && !t.infant) {
      pnr_.pending_infant_docs.push_back(d.document);
      pnr_.infant_dobs.push_back(d.date_of_birth);
      pnr_.infant_sexes.push_back(d.sex);
      return;
    }
    model::Passenger& p = t.record.passenger;
    if (d.dob_invalid) {
      t.record.warnings.push_back(absl::StrCat(Where(seg), ": SSR DOCS date of birth is not valid"));
    }
    if (p.date_of_birth.empty()) p.date_of_birth = d.date_of_birth;
    if (p.sex.empty()) p.sex = d.sex;
    if (p.nationality.empty() && Alpha3(d.nationality)) p.nationality = d.nationality;
    if (!d.nationality.empty() && !Alpha3(d.nationality)) {
      t.record.warnings.push_back(absl::StrCat(
          Where(seg), ": SSR DOCS nationality is not an ISO 3166-1 alpha-3 code; ignored"));
    }
    if (!d.document.number.empty()) {
      bool duplicate = false;
      for (const auto& doc : p.documents) duplicate = duplicate || doc.number == d.document.number;
      if (!duplicate) p.documents.push_back(std::move(d.document));
    }
    t.has_docs = true;
  }

  void FinishPnr() {
    if (!in_pnr_) return;
    in_pnr_ = false;
    std::vector<model::Flight> segments = pnr_.segments;
    std::vector<std::string> warnings;
    if (segments.empty()) {
      segments.push_back(pushed_flight_);
      warnings.push_back("PNR lists no flight segment; using the flight of the message (TVL)");
    }
    if (pnr_.locator.empty()) warnings.push_back("PNR has no record locator (RCI)");
    if (!pnr_.pending_infant_docs.empty()) {
      result_->warnings.push_back(absl::StrCat("PNR from SRC at segment ", pnr_.src_segment,
                                               ": infant SSR DOCS without an infant TIF"));
    }
    for (size_t i = 0; i < pnr_.travellers.size(); ++i) {
      for (size_t j = 0; j < segments.size(); ++j) {
        model::PassengerRecord r = pnr_.travellers[i].record;
        r.flight = segments[j];
        if (pnr_.segments.size() > 1) r.legs = pnr_.segments;
        r.pnr.locator = pnr_.locator;
        std::string locator = pnr_.locator.empty()
                                  ? absl::StrCat(env_.interchange_ref, "-", env_.message_ref, "-",
                                                 pnr_.src_segment)
                                  : IdPart(pnr_.locator);
        r.record_id = absl::StrCat("PNR-", locator, "-", i + 1, "-", j + 1, "-",
                                   IdPart(r.flight.carrier), IdPart(r.flight.number), "-",
                                   IdPart(r.flight.departure.scheduled.substr(0, 10)));
        for (const auto& w : warnings) r.warnings.push_back(w);
        result_->records.push_back(std::move(r));
      }
    }
  }

  DecodeResult* result_;
  Envelope env_;
  model::Flight pushed_flight_;
  Pnr pnr_;
  bool in_pnr_ = false;
  size_t travellers_seen_ = 0;
};

}  // namespace

absl::StatusOr<DecodeResult> DecodePnrgov(std::string_view input) {
  DecodeResult result;
  PnrgovHandler handler(&result);
  absl::Status s = WalkMessages(input, "PNRGOV", handler, &result);
  if (!s.ok()) return s;
  return result;
}

}  // namespace paxscreen::edifact
