// A match event: the in-memory form of schemas/match_event.schema.json (see
// ../shared/DESIGN.md, "Match event"). The screener produces them; codecs write them.
//
//   model::MatchEvent ev = screen::ToEvent(match, record, context);
//   std::string json = codec::EncodeMatchEvent(ev);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace paxscreen::model {

struct EvidenceFeature {
  std::string feature;  // "name", "date_of_birth", "sex", "nationality", "document"
  double contribution = 0;
  std::string detail;   // what fired: "exact", "conflict", "phonetic:dmetaphone,osa" ...
};

// One paired token of the name alignment. `query_token` is the passenger's token and is
// personal data: it is filled only when the operator asked for passenger data in events.
struct EvidenceTokenPair {
  std::string query_token;
  std::string candidate_token;  // the watchlist's token
  std::string method;
  double score = 0;
};

// Owned by value; no thread-safety of its own.
struct MatchEvent {
  std::string event_id;  // deterministic: record, entry and watchlist version
  std::string record_id;
  std::string entry_id;
  std::string list;
  double score = 0;
  std::string band;  // "high", "medium", "low"
  std::string matched_name;
  std::string matched_name_kind;  // "primary", "alias", "weak_alias"
  double name_score = 0;
  std::vector<EvidenceFeature> features;
  std::vector<EvidenceTokenPair> token_pairs;
  int unmatched_query_tokens = 0;
  std::vector<std::string> unmatched_candidate_tokens;
  std::vector<std::string> record_problems;  // malformed optional fields of the record
  std::string explanation;
  std::string watchlist_version;
  std::string matcher_version;
  std::string screened_at;  // RFC 3339 UTC
  int64_t latency_us = 0;
};

}  // namespace paxscreen::model
