// e2e 2 — exactly-once under crashes. A numbered feed (PAXSCREEN_E2E_RECORDS, default 200 000,
// over 4 partitions, every 997th record one the echo processor dead-letters) is produced in
// advance with an idempotent producer. `paxscreen run` (processor echo, exactly_once, 2 workers)
// then consumes it and is killed with SIGKILL PAXSCREEN_E2E_KILLS (default 5) times at random
// points of its progress (each run after committing a random 4-15 % of the feed more, checked
// through the group's committed offsets, plus a random 0-40 ms) and once more at a random moment of its start-up, each
// time restarted with the same transactional id. At the end a read_committed reader of the
// output and DLQ topics must see every input exactly once, in input order per partition.
//
//   ctest --preset release -R e2e_exactly_once_crashes    (seed: PAXSCREEN_E2E_SEED)
#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "tests/e2e/e2e_service.h"

namespace paxscreen::e2e {
namespace {

constexpr int kPartitions = 4;
constexpr char kName[] = "e2e_exactly_once_crashes";

double Seconds(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

int Run(const BrokerLocation& broker, const std::string& work) {
  const std::string& bootstrap = broker.bootstrap;
  const int64_t records = EnvInt("PAXSCREEN_E2E_RECORDS", 200000);
  const int kills = static_cast<int>(EnvInt("PAXSCREEN_E2E_KILLS", 5));
  const uint64_t seed = static_cast<uint64_t>(
      EnvInt("PAXSCREEN_E2E_SEED", std::chrono::system_clock::now().time_since_epoch().count() % 1000000007));
  std::mt19937_64 rng(seed);
  std::printf("%s: %lld records, %d kills at random progress + 1 during start-up, seed %llu\n",
              kName, static_cast<long long>(records), kills, static_cast<unsigned long long>(seed));

  Feed feed{UniqueName("eoc-in"), kPartitions, (records + kPartitions - 1) / kPartitions, 997};
  const std::string out = UniqueName("eoc-out"), dlq = UniqueName("eoc-dlq");
  const std::string group = UniqueName("eoc-group"), txn = UniqueName("eoc-txn");
  CreateTopics(bootstrap, {{feed.topic, kPartitions}, {out, kPartitions}, {dlq, 1}});
  auto t0 = Clock::now();
  ProduceFeed(bootstrap, feed);
  std::printf("  feed: %lld records produced in %.1f s\n", static_cast<long long>(feed.total()),
              Seconds(t0));

  const std::string config = work + "/service.conf";
  // Small transactions (at most 2,000 records) so that a kill lands within a few per cent of
  // the point it aims at: with the default 20,000 a fast run commits the rest of the feed in
  // the few milliseconds between reaching a kill point and the kill.
  auto keys = EchoConfig(bootstrap, feed.topic, out, dlq, group, txn);
  keys["service.commit_records"] = "2000";
  WriteConfig(config, keys);
  Probe probe(bootstrap);
  const int64_t total = feed.total();

  // Kill points: random steps of the feed; one start-up kill slot.
  std::uniform_real_distribution<double> frac(0.04, 0.15);
  std::vector<double> points;
  for (int i = 0; i < kills; ++i) points.push_back(frac(rng));
  const int startup_slot = std::uniform_int_distribution<int>(0, kills)(rng);
  // The start-up kill falls in the first second: connecting, joining the group, the first
  // transactions (later, a fast run has already screened most of the feed).
  std::uniform_int_distribution<int> extra_ms(0, 40), startup_ms(0, 1000);

  t0 = Clock::now();
  int failures = 0;
  int run = 0;
  for (int k = 0; k <= kills; ++k) {
    if (k == startup_slot) {
      auto svc = StartService(config, {}, work + "/run" + std::to_string(run++) + ".log");
      int ms = startup_ms(rng);
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));  // a random moment, by design
      bool alive = svc->Running();
      svc->Kill9();
      std::printf("  kill -9 %d ms after start (%s), committed %lld/%lld\n", ms,
                  alive ? "running" : "HAD EXITED", static_cast<long long>(probe.CommittedTotal(group, feed.topic, kPartitions)),
                  static_cast<long long>(total));
      if (!alive) {
        std::printf("  FAIL the service exited by itself:\n%s", Tail(svc->log_path()).c_str());
        ++failures;
      }
    }
    if (k == kills) break;
    // Each run is killed after committing a random 4-15 % of the feed beyond where it started
    // (at most 75 % over 5 kills), so every kill lands mid-stream.
    int64_t before = -1;
    WaitFor([&] { return (before = probe.CommittedTotal(group, feed.topic, kPartitions)) >= 0; },
            std::chrono::seconds(60));
    if (before >= total) {
      std::printf("  FAIL the feed was finished before kill %d: not a mid-stream crash "
                  "(use more records: PAXSCREEN_E2E_RECORDS)\n", k + 1);
      return 1;
    }
    // The step never takes more than an even share of what is left, so every later kill still
    // lands before the end of the feed (an early start-up kill may already have seen most of it).
    const int64_t step = std::min<int64_t>(
        std::max<int64_t>(1, static_cast<int64_t>(points[k] * static_cast<double>(total))),
        std::max<int64_t>(1, (total - before) / (kills - k + 1)));
    const int64_t target = before + step;
    auto svc = StartService(config, {}, work + "/run" + std::to_string(run++) + ".log");
    int64_t committed = 0;
    bool reached = WaitFor(
        [&] {
          committed = probe.CommittedTotal(group, feed.topic, kPartitions);
          return committed >= target || !svc->Running();
        },
        std::chrono::seconds(180), std::chrono::milliseconds(20));
    if (!svc->Running() || !reached) {
      std::printf("  FAIL run %d: %s before reaching %lld committed (at %lld):\n%s", run - 1,
                  svc->Running() ? "timed out" : "service exited", static_cast<long long>(target),
                  static_cast<long long>(committed), Tail(svc->log_path()).c_str());
      return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(extra_ms(rng)));  // random moment
    svc->Kill9();
    int64_t at_kill = probe.CommittedTotal(group, feed.topic, kPartitions);
    std::printf("  kill -9 after +%.0f%% of the feed: committed %lld -> %lld/%lld (%.1f s)\n",
                100 * points[k], static_cast<long long>(before), static_cast<long long>(at_kill), static_cast<long long>(total), Seconds(t0));
    if (at_kill >= total) {
      std::printf("  FAIL the feed was finished before kill %d: not a mid-stream crash "
                  "(use more records: PAXSCREEN_E2E_RECORDS)\n", k + 1);
      ++failures;
    }
  }

  // The last run finishes the feed and stops on SIGTERM.
  auto svc = StartService(config, {}, work + "/run" + std::to_string(run++) + ".log");
  std::vector<int64_t> ends = probe.EndOffsets(feed.topic, kPartitions);
  bool done = WaitFor(
      [&] { return probe.Committed(group, feed.topic, kPartitions) == ends || !svc->Running(); },
      std::chrono::seconds(240), std::chrono::milliseconds(100));
  if (!done || !svc->Running()) {
    std::printf("  FAIL final run: %s; committed %lld/%lld\n%s",
                svc->Running() ? "timed out" : "service exited",
                static_cast<long long>(probe.CommittedTotal(group, feed.topic, kPartitions)),
                static_cast<long long>(total), Tail(svc->log_path()).c_str());
    return 1;
  }
  std::printf("  every input offset committed after %.1f s (%d runs)\n", Seconds(t0), run);
  if (!svc->WaitReady(std::chrono::seconds(30))) {  // SIGTERM only once the handler is set
    std::printf("  FAIL final run never reported ready on /readyz\n%s", Tail(svc->log_path()).c_str());
    ++failures;
  }
  svc->Terminate();
  std::optional<int> code = svc->Wait(std::chrono::seconds(30));
  if (code != 0) {
    std::printf("  FAIL SIGTERM: exit %d\n%s", code.value_or(-1), Tail(svc->log_path()).c_str());
    ++failures;
  }

  auto t1 = Clock::now();
  std::vector<Record> outputs = ReadAll(bootstrap, out, kPartitions, "read_committed",
                                        std::chrono::seconds(120));
  std::vector<Record> dead = ReadAll(bootstrap, dlq, 1, "read_committed", std::chrono::seconds(60));
  AuditReport audit = AuditExactlyOnce(feed, outputs, dead);
  std::printf("  read_committed: %s (read in %.1f s)\n", audit.Summary().c_str(), Seconds(t1));
  if (!audit.ok()) ++failures;
  // Evidence that the kills interrupted open transactions: aborted outputs are in the log, and
  // read_uncommitted shows them.
  size_t uncommitted = ReadAll(bootstrap, out, kPartitions, "read_uncommitted",
                               std::chrono::seconds(120)).size();
  std::printf("  read_uncommitted sees %zu outputs: %lld from aborted transactions\n", uncommitted,
              static_cast<long long>(uncommitted) - audit.outputs);
  std::printf("%s: %s\n", kName, failures == 0 ? "PASS" : "FAIL");
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace paxscreen::e2e

int main() { return paxscreen::e2e::RunServiceTest(paxscreen::e2e::kName, &paxscreen::e2e::Run); }
