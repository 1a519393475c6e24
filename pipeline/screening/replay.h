// `paxscreen replay`: re-screens a past window [from, to) of the input topics into the replay
// topic (processor.replay.topic), with the same ScreeningProcessor as `run`, then returns a
// summary. Retro-screening: with `only_entries_since`, the records are screened against only
// the watchlist entries added since then.
//
//   ReplayOptions o{.from_ms = t0, .to_ms = t1, .window = ReplayWindow::kScan};
//   PAX_ASSIGN_OR_RETURN(ReplaySummary s, RunReplay(service_config, o));
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "matcher/model/watchlist_entry.h"
#include "pipeline/kafka/types.h"
#include "pipeline/service/config.h"

namespace paxscreen::screening {

enum class ReplayWindow {
  kIndex,  // the broker's time index (offsets-for-times), then read exactly those offsets
  kScan,   // read every partition from its low watermark and keep records by timestamp
           // (brokers without offsets-for-times, e.g. librdkafka's mock; costs the whole retention)
};

struct ReplayOptions {
  int64_t from_ms = 0;
  int64_t to_ms = 0;
  ReplayWindow window = ReplayWindow::kIndex;
  // Empty: the whole current watchlist. A time (RFC 3339 or epoch milliseconds): only the
  // entries whose latest upsert on processor.watchlist.topic has a timestamp >= it. Otherwise
  // a comma-separated list of older watchlist files: only the entries absent from them or
  // changed since (compared by their canonical JSON).
  std::string only_entries_since;
  int ready_timeout_ms = 60000;
  const std::atomic<bool>* stop = nullptr;
};

struct ReplaySummary {
  uint64_t records = 0;      // input records in the window
  uint64_t travellers = 0;   // screened
  uint64_t hits = 0;         // events produced to the replay topic
  uint64_t suppressed = 0;   // cleared pairs
  uint64_t dead_letters = 0; // inputs that could not be (fully) decoded; counted, not produced
  size_t entries = 0;        // watchlist entries screened against
  std::string watchlist_version;
  double seconds = 0;
};

// "2026-11-23T10:00:00Z" (RFC 3339) or epoch milliseconds.
absl::StatusOr<int64_t> ParseReplayTime(const std::string& text);

// Current entries of a watchlist topic read to its end, each with the timestamp of its latest
// upsert (deletes applied). Blocking.
struct TimedEntry {
  model::WatchlistEntry entry;
  int64_t timestamp_ms = -1;
};
absl::StatusOr<std::vector<TimedEntry>> ReadWatchlistTopic(const kafka::Properties& props,
                                                           const std::string& topic);

// Selects the entries for `only_entries_since` (see ReplayOptions) from the configured
// watchlist (files + topic).
absl::StatusOr<std::vector<model::WatchlistEntry>> EntriesSince(
    const service::ServiceConfig& config, const std::string& since);

absl::StatusOr<ReplaySummary> RunReplay(const service::ServiceConfig& config,
                                        const ReplayOptions& options);

}  // namespace paxscreen::screening
