// `paxscreen demo`: the whole streaming pipeline on an in-process Kafka cluster with the bundled
// synthetic watchlist and a generated feed with planted matches (pipeline/screening/demo.h).
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "pipeline/cli/command.h"
#include "pipeline/screening/demo.h"
#include "pipeline/service/log.h"

ABSL_DECLARE_FLAG(int, workers);  // defined by `run` (run_cmd.cc)
ABSL_FLAG(int, records, 20000, "travellers in the generated feed");
ABSL_FLAG(int, planted, 48, "planted matches (name variants of listed people) among them");
ABSL_FLAG(bool, verbose, false, "also print the (synthetic) passenger name and the listed name with each hit, and the service log");
ABSL_FLAG(bool, quiet, false, "print only the summary");

namespace {

constexpr char kUsage[] =
    "Usage: paxscreen demo [--records N] [--planted N] [--workers N] [--verbose] [--quiet]\n"
    "\n"
    "Starts an in-process Kafka cluster (librdkafka's mock broker), publishes a small synthetic\n"
    "watchlist (invented people, no real list data) to a compacted topic, produces a passenger\n"
    "feed with planted matches (typos, other transliterations, reordered and dropped name\n"
    "tokens, aliases) and two undecodable records, and runs the same service loop and screening\n"
    "processor as `paxscreen run` (exactly-once mode). Prints each hit as it arrives on the\n"
    "match-events topic (record_id, entry_id, score, band) and a summary.\n"
    "\n"
    "Exit status: 0 when every planted match was found; 1 when one was missed; 3 when the\n"
    "pipeline could not run.";

int RunDemo(std::vector<std::string> /*args*/) {
  namespace svc = paxscreen::service;
  svc::SetLogLevel(absl::GetFlag(FLAGS_verbose) ? svc::LogLevel::kInfo : svc::LogLevel::kWarn);
  paxscreen::screening::DemoOptions o;
  o.records = absl::GetFlag(FLAGS_records);
  o.planted = absl::GetFlag(FLAGS_planted);
  o.verbose = absl::GetFlag(FLAGS_verbose);
  o.quiet = absl::GetFlag(FLAGS_quiet);
  if (int w = absl::GetFlag(FLAGS_workers); w > 0) o.workers = w;
  if (o.records < 1 || o.planted < 0) {
    std::fprintf(stderr, "paxscreen demo: --records must be >= 1 and --planted >= 0\n");
    return 2;
  }
  std::fprintf(stdout, "paxscreen demo: in-process Kafka cluster, synthetic watchlist, %d travellers "
               "(%d planted)\n", o.records, o.planted);
  std::fflush(stdout);
  auto summary = paxscreen::screening::RunDemo(o, stdout);
  if (!summary.ok()) {
    std::fprintf(stderr, "paxscreen demo: %s\n", std::string(summary.status().message()).c_str());
    return 3;
  }
  return summary->planted_found == summary->planted ? 0 : 1;
}

}  // namespace

PAXSCREEN_COMMAND_WITH_SHARED_FLAGS("demo",
                                    "The streaming pipeline on an in-process Kafka with a synthetic list",
                                    kUsage, RunDemo, "workers");
