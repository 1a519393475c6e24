// The screening processor's own settings: the `processor.*` keys of the service config
// (pipeline/service/config.h passes every `processor.X` key through as option X).
//
//   PAX_ASSIGN_OR_RETURN(ScreeningOptions opts, ScreeningOptionsFromConfig(service_config));
//   opts.watchlist_files = {"un.xml"};  // or processor.watchlist.files = un.xml,sdn.csv
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "matcher/model/watchlist_entry.h"
#include "pipeline/service/config.h"

namespace paxscreen::screening {

// Plain options; defaults documented in pipeline/screening/README.md. Owned by value.
struct ScreeningOptions {
  std::vector<std::string> watchlist_files;  // processor.watchlist.files (comma-separated)
  std::string watchlist_topic;               // processor.watchlist.topic (compacted)
  int apply_interval_ms = 200;               // processor.watchlist.apply_interval_ms
  std::string results_topic;                 // processor.results.topic: one audit record per traveller
  std::string cleared_file;                  // processor.cleared.file: `traveller_key,entry_id` lines
  std::string cleared_topic;                 // processor.cleared.topic (compacted)
  double min_score = -1;                     // processor.min_score; <0: the matcher's thresholds
  int shards = 0;                            // processor.shards; 0: one per hardware thread
  bool passenger_data_in_events = false;     // processor.passenger_data_in_events
  std::string replay_topic;                  // processor.replay.topic (paxscreen replay)
  // Programmatic only (replay --only-entries-since): screen against exactly these entries;
  // watchlist.files and watchlist.topic are then not read.
  std::optional<std::vector<model::WatchlistEntry>> fixed_entries;
};

// Reads the processor.* keys; an unknown processor.* key is an error naming it (a typo must
// not silently run without a watchlist). At least one watchlist source is required.
absl::StatusOr<ScreeningOptions> ScreeningOptionsFromConfig(const service::ServiceConfig& config);

}  // namespace paxscreen::screening
