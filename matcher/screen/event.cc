#include "matcher/screen/event.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "matcher/base/xxh3_stream.h"
#include "matcher/watchlist/watchlist.h"
#include "xxhash.h"

namespace paxscreen::screen {

std::string EventId(const std::string& record_id, const std::string& entry_id,
                    const std::string& watchlist_version) {
  std::string key = record_id;
  key.push_back('\x1f');
  key += entry_id;
  key.push_back('\x1f');
  key += watchlist_version;
  XXH128_hash_t h = XXH3_128bits(key.data(), key.size());
  char buf[33];
  std::snprintf(buf, sizeof(buf), "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

model::MatchEvent ToEvent(const Match& match, const model::PassengerRecord& record,
                          const std::vector<std::string>& record_problems,
                          const EventContext& context) {
  model::MatchEvent ev;
  ev.event_id = EventId(record.record_id, match.entry_id, context.watchlist_version);
  ev.record_id = record.record_id;
  ev.entry_id = match.entry_id;
  ev.list = match.list;
  ev.score = match.score.score;
  ev.band = match.score.band;
  ev.matched_name = match.matched_name;
  ev.matched_name_kind = std::string(watchlist::NameKindName(match.matched_kind));
  ev.name_score = match.score.name_score;
  for (const auto& f : match.score.features) {
    ev.features.push_back({f.feature, f.contribution, f.detail});
  }
  for (const auto& p : match.name.pairs) {
    ev.token_pairs.push_back(
        {context.include_passenger_tokens ? p.query_token : "", p.candidate_token, p.method,
         p.score});
  }
  ev.unmatched_query_tokens = static_cast<int>(match.name.unmatched_query.size());
  ev.unmatched_candidate_tokens = match.name.unmatched_candidate;
  ev.record_problems = record_problems;
  if (context.include_passenger_tokens) ev.explanation = match.name.explanation;
  ev.watchlist_version = context.watchlist_version;
  ev.matcher_version = kMatcherVersion;
  ev.screened_at = context.screened_at;
  ev.latency_us = context.latency_us;
  return ev;
}

std::string WatchlistVersion(const std::vector<model::WatchlistEntry>& entries) {
  std::vector<const model::WatchlistEntry*> sorted;
  for (const auto& e : entries) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->entry_id < b->entry_id; });
  Xxh3Stream hash;
  auto add = [&hash](const std::string& s) {
    hash.Update(s);
    hash.Update("\x1f");
  };
  for (const auto* e : sorted) {
    add(e->entry_id);
    add(e->list);
    for (const auto& n : e->names) add(n.full + "|" + n.surname + "|" + n.given_names);
    for (const auto& d : e->dates_of_birth) {
      add(std::to_string(d.year) + "-" + std::to_string(d.month) + "-" + std::to_string(d.day) +
          "-" + std::to_string(d.year_to));
    }
    for (const auto& d : e->documents) add(d.number + "|" + d.issuing_state);
    for (const auto& n : e->nationalities) add(n);
    add(e->sex);
  }
  const uint64_t h = hash.Digest();
  char buf[24];
  std::snprintf(buf, sizeof(buf), "wl-%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string NowRfc3339() {
  auto now = std::chrono::system_clock::now();
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(us / 1000000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<long long>(us % 1000000));
  return buf;
}

}  // namespace paxscreen::screen
