// `paxscreen replay --config FILE --from TIME --to TIME [--only-entries-since VERSION|TIME]`:
// re-screens a past window of the input topics into processor.replay.topic.
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "pipeline/cli/command.h"
#include "pipeline/screening/replay.h"
#include "pipeline/service/config.h"
#include "pipeline/service/log.h"

ABSL_DECLARE_FLAG(std::string, config);  // defined by `run` (run_cmd.cc)
ABSL_FLAG(std::string, from, "", "window start (inclusive): RFC 3339 (2026-11-23T00:00:00Z) or epoch ms");
ABSL_FLAG(std::string, to, "", "window end (exclusive): RFC 3339 or epoch ms; default now");
ABSL_FLAG(std::string, only_entries_since, "",
          "retro-screening: only entries added since TIME (publish time on the watchlist topic) "
          "or not in / changed since older list file(s) VERSION=FILE[,FILE]");
ABSL_FLAG(std::string, window, "index",
          "how to find the window: index (the broker's time index) or scan (read the whole "
          "topic and filter by timestamp; for brokers without offsets-for-times)");

namespace {

std::atomic<bool> g_replay_stop{false};
void OnReplaySignal(int) { g_replay_stop.store(true); }

constexpr char kUsage[] =
    "Usage: paxscreen replay --config FILE --from TIME [--to TIME]\n"
    "                        [--only-entries-since TIME|FILE[,FILE]] [--window index|scan]\n"
    "                        [key=value ...]\n"
    "\n"
    "Re-screens the records of the input topics (input.topics) whose timestamps fall in\n"
    "[from, to) with the screening processor and the watchlist of the config, and produces the\n"
    "match events to processor.replay.topic (event ids are deterministic: replaying twice\n"
    "gives the same ids). Dead letters are counted, not produced; no offsets are committed.\n"
    "--only-entries-since screens against only the entries published on the watchlist topic at\n"
    "or after TIME, or (given list files) entries absent from or changed since those files.\n"
    "Prints a summary. Exit status: 0 done; 1 Kafka or watchlist error; 2 usage error.";

int RunReplayCmd(std::vector<std::string> overrides) {
  namespace svc = paxscreen::service;
  namespace scr = paxscreen::screening;
  const std::string path = absl::GetFlag(FLAGS_config);
  if (path.empty() || absl::GetFlag(FLAGS_from).empty()) {
    std::fprintf(stderr, "paxscreen replay: --config and --from are required\n\n%s\n", kUsage);
    return 2;
  }
  auto cfg = svc::LoadConfigFile(path);
  absl::Status s = cfg.ok() ? svc::ApplyOverrides(&*cfg, overrides) : cfg.status();
  if (!s.ok()) {
    std::fprintf(stderr, "paxscreen replay: %s\n", std::string(s.message()).c_str());
    return 2;
  }
  scr::ReplayOptions o;
  auto from = scr::ParseReplayTime(absl::GetFlag(FLAGS_from));
  auto to = absl::GetFlag(FLAGS_to).empty()
                ? absl::StatusOr<int64_t>(absl::ToUnixMillis(absl::Now()))
                : scr::ParseReplayTime(absl::GetFlag(FLAGS_to));
  if (!from.ok() || !to.ok()) {
    std::fprintf(stderr, "paxscreen replay: --from/--to: %s\n",
                 std::string((!from.ok() ? from.status() : to.status()).message()).c_str());
    return 2;
  }
  o.from_ms = *from;
  o.to_ms = *to;
  const std::string window = absl::GetFlag(FLAGS_window);
  if (window == "scan") o.window = scr::ReplayWindow::kScan;
  else if (window != "index") {
    std::fprintf(stderr, "paxscreen replay: --window must be index or scan\n");
    return 2;
  }
  o.only_entries_since = absl::GetFlag(FLAGS_only_entries_since);
  o.stop = &g_replay_stop;
  if (auto level = svc::ParseLogLevel(cfg->log_level); level.ok()) svc::SetLogLevel(*level);
  std::signal(SIGINT, OnReplaySignal);
  std::signal(SIGTERM, OnReplaySignal);
  auto summary = scr::RunReplay(*cfg, o);
  if (!summary.ok()) {
    std::fprintf(stderr, "paxscreen replay: %s\n", std::string(summary.status().message()).c_str());
    return summary.status().code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
  }
  std::printf("replayed %llu records (%llu travellers) against %zu entries (%s): %llu events to "
              "%s, %llu suppressed, %llu dead letters, %.2f s\n",
              static_cast<unsigned long long>(summary->records),
              static_cast<unsigned long long>(summary->travellers), summary->entries,
              summary->watchlist_version.c_str(), static_cast<unsigned long long>(summary->hits),
              cfg->ProcessorOption("replay.topic").c_str(),
              static_cast<unsigned long long>(summary->suppressed),
              static_cast<unsigned long long>(summary->dead_letters), summary->seconds);
  return 0;
}

}  // namespace

PAXSCREEN_COMMAND_WITH_SHARED_FLAGS("replay", "Re-screen a past time window of the input topic",
                                    kUsage, RunReplayCmd, "config");
