// e2e 4 — two instances in one consumer group. A and B (echo, exactly_once, different
// transactional ids) join one group on a 4-partition input and split it (2 + 2, eager range
// assignor). Then the feed is produced; at a random point of the progress one of them (chosen at
// random) is killed with SIGKILL. The survivor must take over all 4 partitions once the dead
// member's session expires (6 s) and its open transaction is aborted by the broker
// (transaction.timeout.ms = 10 s here; until then read_committed offset fetches wait on it,
// KIP-447), finish the feed, and stop on SIGTERM with status 0. The read_committed output holds
// every input exactly once.
//
//   ctest --preset release -R e2e_group_takeover  (records: PAXSCREEN_E2E_RECORDS / 2; seed:
//   PAXSCREEN_E2E_SEED)
#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <thread>

#include "tests/e2e/e2e_service.h"

namespace paxscreen::e2e {
namespace {

constexpr int kPartitions = 4;
constexpr char kName[] = "e2e_group_takeover";

int Run(const BrokerLocation& broker, const std::string& work) {
  const std::string& bootstrap = broker.bootstrap;
  const int64_t records = std::max<int64_t>(EnvInt("PAXSCREEN_E2E_RECORDS", 200000) / 2, 8000);
  const uint64_t seed = static_cast<uint64_t>(EnvInt(
      "PAXSCREEN_E2E_SEED", std::chrono::system_clock::now().time_since_epoch().count() % 1000000007));
  std::mt19937_64 rng(seed);
  Feed feed{UniqueName("grp-in"), kPartitions, records / kPartitions, 997};
  const std::string out = UniqueName("grp-out"), dlq = UniqueName("grp-dlq");
  const std::string group = UniqueName("grp-group");
  CreateTopics(bootstrap, {{feed.topic, kPartitions}, {out, kPartitions}, {dlq, 1}});
  Probe probe(bootstrap);
  int failures = 0;

  std::unique_ptr<ServiceProcess> svc[2];
  for (int i = 0; i < 2; ++i) {
    std::string config = work + "/service" + std::to_string(i) + ".conf";
    auto keys = EchoConfig(bootstrap, feed.topic, out, dlq, group, UniqueName("grp-txn"));
    keys["kafka.producer.transaction.timeout.ms"] = "10000";
    WriteConfig(config, keys);
    svc[i] = StartService(config, {}, work + "/instance" + std::to_string(i) + ".log");
  }
  bool split = WaitFor(
      [&] {
        int a = LastAssignment(svc[0]->log_path()), b = LastAssignment(svc[1]->log_path());
        return (a > 0 && b > 0 && a + b == kPartitions) || !svc[0]->Running() || !svc[1]->Running();
      },
      std::chrono::seconds(120), std::chrono::milliseconds(100));
  if (!split || !svc[0]->Running() || !svc[1]->Running()) {
    std::printf("  FAIL the two instances did not split the partitions:\n%s%s",
                Tail(svc[0]->log_path()).c_str(), Tail(svc[1]->log_path()).c_str());
    return 1;
  }
  std::printf("  instances hold %d + %d partitions; producing %lld records (seed %llu)\n",
              LastAssignment(svc[0]->log_path()), LastAssignment(svc[1]->log_path()),
              static_cast<long long>(feed.total()), static_cast<unsigned long long>(seed));
  ProduceFeed(bootstrap, feed);

  const int victim = std::uniform_int_distribution<int>(0, 1)(rng);
  const double point = std::uniform_real_distribution<double>(0.15, 0.5)(rng);
  const int64_t target = static_cast<int64_t>(point * static_cast<double>(feed.total()));
  int64_t committed = 0;
  if (!WaitFor([&] { return (committed = probe.CommittedTotal(group, feed.topic, kPartitions)) >= target; },
               std::chrono::seconds(120), std::chrono::milliseconds(20))) {
    std::printf("  FAIL progress stalled at %lld committed\n", static_cast<long long>(committed));
    return 1;
  }
  svc[victim]->Kill9();
  ServiceProcess& survivor = *svc[1 - victim];
  auto t0 = Clock::now();
  std::printf("  kill -9 instance %d at %lld/%lld committed\n", victim,
              static_cast<long long>(probe.CommittedTotal(group, feed.topic, kPartitions)),
              static_cast<long long>(feed.total()));
  if (!WaitFor([&] { return LastAssignment(survivor.log_path()) == kPartitions || !survivor.Running(); },
               std::chrono::seconds(60), std::chrono::milliseconds(100)) ||
      !survivor.Running()) {
    std::printf("  FAIL the survivor did not take over all partitions:\n%s", Tail(survivor.log_path()).c_str());
    return 1;
  }
  double took_over = std::chrono::duration<double>(Clock::now() - t0).count();
  std::vector<int64_t> ends = probe.EndOffsets(feed.topic, kPartitions);
  if (!WaitFor([&] { return probe.Committed(group, feed.topic, kPartitions) == ends || !survivor.Running(); },
               std::chrono::seconds(180), std::chrono::milliseconds(100)) ||
      !survivor.Running()) {
    std::printf("  FAIL the survivor did not finish (committed %lld/%lld):\n%s",
                static_cast<long long>(probe.CommittedTotal(group, feed.topic, kPartitions)),
                static_cast<long long>(feed.total()), Tail(survivor.log_path()).c_str());
    return 1;
  }
  std::printf("  survivor held all %d partitions %.1f s after the kill and finished the feed %.1f s "
              "after it\n", kPartitions, took_over,
              std::chrono::duration<double>(Clock::now() - t0).count());
  return StopAndAudit(survivor, "the survivor", feed, bootstrap, out, dlq, kPartitions, failures, kName);
}

}  // namespace
}  // namespace paxscreen::e2e

int main() { return paxscreen::e2e::RunServiceTest(paxscreen::e2e::kName, &paxscreen::e2e::Run); }
