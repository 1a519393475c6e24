#include "pipeline/cli/shared_flags.h"

#include "absl/flags/flag.h"

ABSL_FLAG(int, threads, 0,
          "worker threads (0: one per hardware thread). Output order follows input order.");
ABSL_FLAG(int, shards, 0,
          "index shards: each query visits every shard, so more shards cost every query more "
          "CPU, while the build runs one thread per shard and updates rebuild only the shards "
          "they touch (0: one per hardware thread; on a machine with many cores and a small "
          "list, a few shards screen faster)");
ABSL_FLAG(std::string, input, "-", "input file, or - for standard input");
ABSL_FLAG(std::string, output, "-", "output file, or - for standard output");
ABSL_FLAG(std::string, format, "auto",
          "input format: auto (detected from the first bytes), ndjson, paxlst or pnrgov");
ABSL_FLAG(double, threshold, -1,
          "score at or above which a pair matches or a hit is reported (default: the command's "
          "own default: compare 0.82 for names; screen the per-list thresholds)");
ABSL_FLAG(bool, json, false, "print JSON for machines instead of the readable table");
