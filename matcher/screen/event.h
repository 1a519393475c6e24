// Turning a screening hit into a match event: the deterministic event id, the evidence, and
// how much passenger data the event may carry.
//
//   EventContext ctx{.watchlist_version = "v42", .screened_at = NowRfc3339()};
//   model::MatchEvent ev = ToEvent(match, record, problems, ctx);
#pragma once

#include <string>
#include <vector>

#include "matcher/model/match_event.h"
#include "matcher/model/passenger_record.h"
#include "matcher/model/watchlist_entry.h"
#include "matcher/screen/screener.h"

namespace paxscreen::screen {

// The version of the matching logic, written into every event.
inline constexpr char kMatcherVersion[] = "paxscreen-matcher/0.1";

struct EventContext {
  std::string watchlist_version;
  std::string screened_at;  // RFC 3339 UTC
  int64_t latency_us = 0;
  bool include_passenger_tokens = false;  // personal data in events: off unless configured
};

// Same record, entry and watchlist version -> same id (a replay is idempotent): the
// 128-bit XXH3 of the three, as 32 hex digits.
std::string EventId(const std::string& record_id, const std::string& entry_id,
                    const std::string& watchlist_version);

model::MatchEvent ToEvent(const Match& match, const model::PassengerRecord& record,
                          const std::vector<std::string>& record_problems,
                          const EventContext& context);

// A content version of a watchlist: "wl-" and 16 hex digits of XXH3 over every entry's id,
// names, dates of birth and documents, in entry_id order. Equal lists give equal versions.
std::string WatchlistVersion(const std::vector<model::WatchlistEntry>& entries);

// Current UTC time in RFC 3339 with microseconds ("2026-11-23T18:45:00.123456Z").
std::string NowRfc3339();

}  // namespace paxscreen::screen
