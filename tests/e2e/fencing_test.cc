// e2e 7 — fencing. Instance A runs (echo, exactly_once) on a 4-partition feed; once it has
// committed a transaction, instance B starts with the SAME transactional id in the same group,
// and the rest of the feed is produced so both have traffic. B's init_transactions fences A:
// A must stop by itself, with exit status 1 and a log line that names the fencing, within a
// bounded time. B then finishes the feed, stops on SIGTERM with status 0, and the read_committed
// output holds every input exactly once.
//
//   ctest --preset release -R e2e_fencing     (records: PAXSCREEN_E2E_RECORDS / 4)
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include "tests/e2e/e2e_service.h"

namespace paxscreen::e2e {
namespace {

constexpr int kPartitions = 4;
constexpr char kName[] = "e2e_fencing";

bool LogContains(const std::string& path, const std::string& needle) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::string lower = line;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    if (lower.find(needle) != std::string::npos) return true;
  }
  return false;
}

int Run(const BrokerLocation& broker, const std::string& work) {
  const std::string& bootstrap = broker.bootstrap;
  const int64_t records = std::max<int64_t>(EnvInt("PAXSCREEN_E2E_RECORDS", 200000) / 4, 4000);
  // per_partition is the capacity; after the run it is set to what was actually produced.
  Feed feed{UniqueName("fence-in"), kPartitions, 1 << 30, 997};
  const std::string out = UniqueName("fence-out"), dlq = UniqueName("fence-dlq");
  const std::string group = UniqueName("fence-group"), txn = UniqueName("fence-txn");
  CreateTopics(bootstrap, {{feed.topic, kPartitions}, {out, kPartitions}, {dlq, 1}});
  const int64_t half = records / kPartitions / 2;
  ProduceFeed(bootstrap, feed, 100, 0, half);

  const std::string config = work + "/service.conf";
  WriteConfig(config, EchoConfig(bootstrap, feed.topic, out, dlq, group, txn));
  Probe probe(bootstrap);
  int failures = 0;

  auto a = StartService(config, {}, work + "/a.log");
  if (!WaitFor([&] { return probe.CommittedTotal(group, feed.topic, kPartitions) > 0 || !a->Running(); },
               std::chrono::seconds(120)) ||
      !a->Running()) {
    std::printf("  FAIL instance A committed nothing:\n%s", Tail(a->log_path()).c_str());
    return 1;
  }
  std::printf("  A committed its first transaction; starting B with the same transactional id\n");
  auto t0 = Clock::now();
  auto b = StartService(config, {}, work + "/b.log");
  // Traffic on every partition until A exits: a fenced producer learns it only at its next
  // transactional request, so an idle A would never find out.
  int64_t produced = half;
  std::optional<int> a_exit;
  const auto give_up = Clock::now() + std::chrono::seconds(90);
  while (Clock::now() < give_up) {
    ProduceFeed(bootstrap, feed, 100, produced, produced + 250);
    produced += 250;
    if ((a_exit = a->Wait(std::chrono::milliseconds(100)))) break;
  }
  if (produced < records / kPartitions) {
    ProduceFeed(bootstrap, feed, 100, produced, records / kPartitions);
    produced = records / kPartitions;
  }
  feed.per_partition = produced;
  double fenced_after = std::chrono::duration<double>(Clock::now() - t0).count();
  if (!a_exit) {
    std::printf("  FAIL A still runs 90 s after B started: not fenced\n%s", Tail(a->log_path()).c_str());
    ++failures;
  } else {
    bool names_fencing = LogContains(a->log_path(), "fenced");
    std::printf("  A exited with status %d %.1f s after B started; its log %s the fencing\n",
                *a_exit, fenced_after, names_fencing ? "names" : "does NOT name");
    if (*a_exit != 1 || !names_fencing) {
      std::printf("  FAIL expected exit 1 and a message naming the fencing:\n%s",
                  Tail(a->log_path()).c_str());
      ++failures;
    } else {
      std::printf("%s", Tail(a->log_path(), 3).c_str());
    }
  }
  if (!b->Running()) {
    std::printf("  FAIL B exited:\n%s", Tail(b->log_path()).c_str());
    return 1;
  }
  std::vector<int64_t> ends = probe.EndOffsets(feed.topic, kPartitions);
  if (!WaitFor([&] { return probe.Committed(group, feed.topic, kPartitions) == ends || !b->Running(); },
               std::chrono::seconds(180), std::chrono::milliseconds(100)) ||
      !b->Running()) {
    std::printf("  FAIL B did not finish the feed (committed %lld/%lld):\n%s",
                static_cast<long long>(probe.CommittedTotal(group, feed.topic, kPartitions)),
                static_cast<long long>(feed.total()), Tail(b->log_path()).c_str());
    return 1;
  }
  b->WaitReady(std::chrono::seconds(30));
  return StopAndAudit(*b, "B", feed, bootstrap, out, dlq, kPartitions, failures, kName);
}

}  // namespace
}  // namespace paxscreen::e2e

int main() { return paxscreen::e2e::RunServiceTest(paxscreen::e2e::kName, &paxscreen::e2e::Run); }
