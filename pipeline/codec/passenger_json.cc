#include "pipeline/codec/passenger_json.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <utility>

#include "absl/strings/str_cat.h"

namespace paxscreen::codec {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

absl::string_view Sv(std::string_view s) { return absl::string_view(s.data(), s.size()); }

void Field(Writer& w, const char* key, const std::string& value) {
  if (value.empty()) return;
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void WritePoint(Writer& w, const char* key, const model::FlightPoint& p) {
  if (p.airport.empty() && p.scheduled.empty()) return;
  w.Key(key);
  w.StartObject();
  Field(w, "airport", p.airport);
  Field(w, "scheduled", p.scheduled);
  w.EndObject();
}

bool EmptyFlight(const model::Flight& f) {
  return f.carrier.empty() && f.number.empty() && f.departure.airport.empty() &&
         f.departure.scheduled.empty() && f.arrival.airport.empty() && f.arrival.scheduled.empty();
}

void WriteFlight(Writer& w, const model::Flight& f) {
  w.StartObject();
  Field(w, "carrier", f.carrier);
  Field(w, "number", f.number);
  WritePoint(w, "departure", f.departure);
  WritePoint(w, "arrival", f.arrival);
  w.EndObject();
}

// ---- decoding helpers ----

bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// YYYY-MM-DD, YYYY-MM or YYYY with a real calendar date.
bool ValidPartialDate(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!Digits(s.substr(0, 4))) return false;
  int year = std::stoi(std::string(s.substr(0, 4)));
  if (year < 1800 || year > 2200) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !Digits(s.substr(5, 2))) return false;
  int month = std::stoi(std::string(s.substr(5, 2)));
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !Digits(s.substr(8, 2))) return false;
  int day = std::stoi(std::string(s.substr(8, 2)));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day < 1 || day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

bool Alpha3(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// Reads optional string fields, collecting a warning for each one of the wrong type.
class Reader {
 public:
  explicit Reader(std::vector<std::string>* warnings) : warnings_(warnings) {}

  std::string String(const rapidjson::Value& obj, const char* key, const std::string& path) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || it->value.IsNull()) return "";
    if (!it->value.IsString()) {
      warnings_->push_back(absl::StrCat(path, key, ": not a string; ignored"));
      return "";
    }
    return std::string(it->value.GetString(), it->value.GetStringLength());
  }

  const rapidjson::Value* Object(const rapidjson::Value& obj, const char* key,
                                 const std::string& path) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || it->value.IsNull()) return nullptr;
    if (!it->value.IsObject()) {
      warnings_->push_back(absl::StrCat(path, key, ": not an object; ignored"));
      return nullptr;
    }
    return &it->value;
  }

  const rapidjson::Value* Array(const rapidjson::Value& obj, const char* key,
                                const std::string& path) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || it->value.IsNull()) return nullptr;
    if (!it->value.IsArray()) {
      warnings_->push_back(absl::StrCat(path, key, ": not an array; ignored"));
      return nullptr;
    }
    return &it->value;
  }

  model::Flight Flight(const rapidjson::Value& v, const std::string& path) {
    model::Flight f;
    f.carrier = String(v, "carrier", path);
    f.number = String(v, "number", path);
    for (auto [key, point] : {std::pair{"departure", &f.departure}, {"arrival", &f.arrival}}) {
      std::string sub = absl::StrCat(path, key, ".");
      if (const rapidjson::Value* p = Object(v, key, path)) {
        point->airport = String(*p, "airport", sub);
        point->scheduled = String(*p, "scheduled", sub);
      }
    }
    return f;
  }

  void Warn(std::string w) { warnings_->push_back(std::move(w)); }

 private:
  std::vector<std::string>* warnings_;
};

void DecodePassenger(const rapidjson::Value& v, Reader& in, model::Passenger* p) {
  const std::string path = "passenger.";
  p->surname = in.String(v, "surname", path);
  p->given_names = in.String(v, "given_names", path);
  p->full_name = in.String(v, "full_name", path);
  std::string dob = in.String(v, "date_of_birth", path);
  if (!dob.empty() && !ValidPartialDate(dob)) {
    in.Warn("passenger.date_of_birth: not YYYY-MM-DD, YYYY-MM or YYYY; ignored");
  } else {
    p->date_of_birth = dob;
  }
  std::string sex = in.String(v, "sex", path);
  if (sex.size() == 1 && sex[0] >= 'a' && sex[0] <= 'z') sex[0] = static_cast<char>(sex[0] - 32);
  if (!sex.empty() && sex != "M" && sex != "F" && sex != "X" && sex != "U") {
    in.Warn("passenger.sex: not M, F, X or U; ignored");
  } else {
    p->sex = sex;
  }
  std::string nationality = in.String(v, "nationality", path);
  if (!nationality.empty() && !Alpha3(nationality)) {
    in.Warn("passenger.nationality: not an ISO 3166-1 alpha-3 code; ignored");
  } else {
    p->nationality = nationality;
  }
  if (const rapidjson::Value* docs = in.Array(v, "documents", path)) {
    for (rapidjson::SizeType i = 0; i < docs->Size(); ++i) {
      std::string dpath = absl::StrCat("passenger.documents[", i, "].");
      const rapidjson::Value& d = (*docs)[i];
      if (!d.IsObject()) {
        in.Warn(absl::StrCat(dpath, ": not an object; ignored"));
        continue;
      }
      model::Document doc;
      doc.type = in.String(d, "type", dpath);
      doc.number = in.String(d, "number", dpath);
      doc.issuing_state = in.String(d, "issuing_state", dpath);
      doc.expiry = in.String(d, "expiry", dpath);
      if (doc.number.empty()) {
        in.Warn(absl::StrCat(dpath, "number: missing; document ignored"));
        continue;
      }
      if (!doc.expiry.empty() && !ValidPartialDate(doc.expiry)) {
        in.Warn(absl::StrCat(dpath, "expiry: not a date; ignored"));
        doc.expiry.clear();
      }
      p->documents.push_back(std::move(doc));
    }
  }
}

}  // namespace

std::string EncodePassengerRecord(const model::PassengerRecord& r) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("record_id");
  w.String(r.record_id.data(), static_cast<rapidjson::SizeType>(r.record_id.size()));
  Field(w, "source", r.source);
  if (!EmptyFlight(r.flight)) {
    w.Key("flight");
    WriteFlight(w, r.flight);
  }
  if (!r.legs.empty()) {
    w.Key("legs");
    w.StartArray();
    for (const auto& leg : r.legs) WriteFlight(w, leg);
    w.EndArray();
  }
  const model::Passenger& p = r.passenger;
  w.Key("passenger");
  w.StartObject();
  Field(w, "surname", p.surname);
  Field(w, "given_names", p.given_names);
  Field(w, "full_name", p.full_name);
  Field(w, "date_of_birth", p.date_of_birth);
  Field(w, "sex", p.sex);
  Field(w, "nationality", p.nationality);
  if (!p.documents.empty()) {
    w.Key("documents");
    w.StartArray();
    for (const auto& d : p.documents) {
      w.StartObject();
      Field(w, "type", d.type);
      Field(w, "number", d.number);
      Field(w, "issuing_state", d.issuing_state);
      Field(w, "expiry", d.expiry);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  if (!r.pnr.locator.empty()) {
    w.Key("pnr");
    w.StartObject();
    Field(w, "locator", r.pnr.locator);
    w.EndObject();
  }
  Field(w, "traveller_type", r.traveller_type);
  if (!r.warnings.empty()) {
    w.Key("warnings");
    w.StartArray();
    for (const auto& s : r.warnings) w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    w.EndArray();
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

absl::StatusOr<model::PassengerRecord> DecodePassengerRecord(std::string_view json,
                                                             std::string_view where) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) {
    return absl::InvalidArgumentError(absl::StrCat(
        Sv(where), ": invalid JSON at offset ", doc.GetErrorOffset(), ": ",
        rapidjson::GetParseError_En(doc.GetParseError())));
  }
  if (!doc.IsObject()) {
    return absl::InvalidArgumentError(absl::StrCat(Sv(where), ": not a JSON object"));
  }
  model::PassengerRecord r;
  auto id = doc.FindMember("record_id");
  if (id == doc.MemberEnd() || !id->value.IsString() || id->value.GetStringLength() == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(Sv(where), ": field record_id is missing or not a non-empty string"));
  }
  r.record_id.assign(id->value.GetString(), id->value.GetStringLength());
  const std::string named = absl::StrCat(Sv(where), " (record_id '", r.record_id, "')");
  Reader in(&r.warnings);
  r.source = in.String(doc, "source", "");
  if (!r.source.empty() && r.source != "API" && r.source != "PNR") {
    in.Warn("source: not API or PNR; ignored");
    r.source.clear();
  }
  if (const rapidjson::Value* f = in.Object(doc, "flight", "")) r.flight = in.Flight(*f, "flight.");
  if (const rapidjson::Value* legs = in.Array(doc, "legs", "")) {
    for (rapidjson::SizeType i = 0; i < legs->Size(); ++i) {
      if ((*legs)[i].IsObject()) {
        r.legs.push_back(in.Flight((*legs)[i], absl::StrCat("legs[", i, "].")));
      }
    }
  }
  const rapidjson::Value* passenger = in.Object(doc, "passenger", "");
  if (passenger == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(named, ": field passenger is missing or not an object"));
  }
  DecodePassenger(*passenger, in, &r.passenger);
  if (r.passenger.surname.empty() && r.passenger.full_name.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        named, ": no usable name (passenger.surname or passenger.full_name required)"));
  }
  if (const rapidjson::Value* pnr = in.Object(doc, "pnr", "")) {
    r.pnr.locator = in.String(*pnr, "locator", "pnr.");
  }
  r.traveller_type = in.String(doc, "traveller_type", "");
  if (const rapidjson::Value* warnings = in.Array(doc, "warnings", "")) {
    std::vector<std::string> earlier;
    for (const auto& w : warnings->GetArray()) {
      if (w.IsString()) earlier.emplace_back(w.GetString(), w.GetStringLength());
    }
    r.warnings.insert(r.warnings.begin(), earlier.begin(), earlier.end());
  }
  return r;
}

NdjsonResult DecodePassengerRecordsNdjson(std::string_view text) {
  NdjsonResult out;
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto r = DecodePassengerRecord(line, absl::StrCat("line ", line_no));
    if (r.ok()) {
      out.records.push_back(std::move(*r));
      continue;
    }
    NdjsonError e;
    e.line = line_no;
    e.message = std::string(r.status().message());
    rapidjson::Document doc;
    doc.Parse(line.data(), line.size());
    if (!doc.HasParseError() && doc.IsObject()) {
      auto id = doc.FindMember("record_id");
      if (id != doc.MemberEnd() && id->value.IsString()) {
        e.record_id.assign(id->value.GetString(), id->value.GetStringLength());
      }
    }
    out.errors.push_back(std::move(e));
  }
  return out;
}

}  // namespace paxscreen::codec
