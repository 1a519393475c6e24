#include "pipeline/codec/event_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

namespace paxscreen::codec {
namespace {

using EventWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void Str(EventWriter& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void Num(EventWriter& w, const char* key, double value) {
  w.Key(key);
  w.Double(std::round(value * 10000.0) / 10000.0);
}

}  // namespace

std::string EncodeMatchEvent(const model::MatchEvent& e) {
  rapidjson::StringBuffer buf;
  EventWriter w(buf);
  w.SetMaxDecimalPlaces(4);
  w.StartObject();
  Str(w, "event_id", e.event_id);
  Str(w, "record_id", e.record_id);
  Str(w, "entry_id", e.entry_id);
  Str(w, "list", e.list);
  Num(w, "score", e.score);
  Str(w, "band", e.band);
  Str(w, "matched_name", e.matched_name);
  w.Key("evidence");
  w.StartObject();
  Str(w, "matched_name_kind", e.matched_name_kind);
  Num(w, "name_score", e.name_score);
  w.Key("features");
  w.StartArray();
  for (const auto& f : e.features) {
    w.StartObject();
    Str(w, "feature", f.feature);
    Num(w, "contribution", f.contribution);
    Str(w, "detail", f.detail);
    w.EndObject();
  }
  w.EndArray();
  w.Key("token_pairs");
  w.StartArray();
  for (const auto& p : e.token_pairs) {
    w.StartObject();
    if (!p.query_token.empty()) Str(w, "query_token", p.query_token);
    Str(w, "candidate_token", p.candidate_token);
    Str(w, "method", p.method);
    Num(w, "score", p.score);
    w.EndObject();
  }
  w.EndArray();
  w.Key("unmatched_query_tokens");
  w.Int(e.unmatched_query_tokens);
  w.Key("unmatched_candidate_tokens");
  w.StartArray();
  for (const auto& t : e.unmatched_candidate_tokens) w.String(t.data(), t.size());
  w.EndArray();
  w.Key("record_problems");
  w.StartArray();
  for (const auto& p : e.record_problems) w.String(p.data(), p.size());
  w.EndArray();
  if (!e.explanation.empty()) Str(w, "explanation", e.explanation);
  w.EndObject();
  Str(w, "watchlist_version", e.watchlist_version);
  Str(w, "matcher_version", e.matcher_version);
  Str(w, "screened_at", e.screened_at);
  w.Key("latency_us");
  w.Int64(e.latency_us);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

std::string EncodeDeadLetter(const DeadLetter& d) {
  rapidjson::StringBuffer buf;
  EventWriter w(buf);
  w.StartObject();
  Str(w, "source", d.source);
  if (d.line > 0) {
    w.Key("line");
    w.Uint64(d.line);
  }
  if (d.traveller > 0) {
    w.Key("traveller");
    w.Uint64(d.traveller);
  }
  if (d.segment > 0) {
    w.Key("segment");
    w.Uint64(d.segment);
  }
  if (!d.record_id.empty()) Str(w, "record_id", d.record_id);
  Str(w, "error_class", d.error_class);
  Str(w, "reason", d.reason);
  if (!d.raw.empty()) Str(w, "raw", d.raw);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace paxscreen::codec
