// `paxscreen demo`: the whole streaming pipeline on an in-process Kafka cluster (librdkafka's
// mock): publishes the bundled synthetic watchlist to a compacted topic, produces a generated
// passenger feed with planted matches, runs the same StreamService + ScreeningProcessor as
// `paxscreen run`, prints hits as they arrive on the match-events topic and a summary.
//
//   DemoSummary s = RunDemo({.records = 20000}, stdout).value();
//   return s.planted_found == s.planted ? 0 : 1;
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace paxscreen::screening {

struct DemoOptions {
  int records = 20000;
  int planted = 48;
  int workers = 2;
  bool verbose = false;    // also print the (synthetic) passenger and listed names with each hit
  bool quiet = false;      // no per-hit lines (tests, benchmarks)
  int timeout_ms = 50000;  // the whole run, cluster start to summary
};

struct DemoSummary {
  size_t records = 0;        // travellers produced to the input topic
  size_t screened = 0;       // travellers the processor screened
  size_t results = 0;        // audit records read back from the results topic
  size_t dlq = 0;            // dead letters read back
  size_t hits = 0;           // match events read back
  size_t planted = 0;
  size_t planted_found = 0;
  std::vector<std::string> missed;  // "record_id -> entry_id (variant)"
  double seconds = 0;         // first record screened -> last event read
  double records_per_s = 0;
  std::string watchlist_version;
};

// Runs the demo; prints hit lines (record_id, entry_id, score, band — no passenger names) and
// the summary to `out`. An error means the pipeline could not run or timed out.
absl::StatusOr<DemoSummary> RunDemo(const DemoOptions& options, std::FILE* out);

// The first `"key":` value in a flat JSON text (string unquoted, or the raw number); "" when
// absent. Enough for reading our own events' top-level fields; not a JSON parser.
std::string PeekJsonField(std::string_view json, std::string_view key);

}  // namespace paxscreen::screening
