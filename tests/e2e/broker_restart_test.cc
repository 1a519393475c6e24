// e2e 3 — a broker restart in mid-stream. One instance (echo, exactly_once) consumes the first
// half of a 4-partition feed; at a random point of its progress the broker is stopped
// (`kafka.sh stop --dir`, a clean shutdown) and started again on the same directory and port
// (`kafka.sh start --dir`). The SAME service process must ride it out (librdkafka reconnects;
// failed transactions are aborted and re-read), then the second half is produced, and at the
// end the read_committed output holds every input exactly once. The broker is restarted in
// every path, also when the test fails, so later e2e tests still have it.
//
//   ctest --preset release -R e2e_broker_restart  (records: PAXSCREEN_E2E_RECORDS / 2; seed:
//   PAXSCREEN_E2E_SEED)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "tests/e2e/e2e_service.h"

namespace paxscreen::e2e {
namespace {

constexpr int kPartitions = 4;
constexpr char kName[] = "e2e_broker_restart";

// Restarts the broker when it was stopped, whatever happens in between.
class BrokerGuard {
 public:
  BrokerGuard(std::string script, std::string dir, std::string work)
      : script_(std::move(script)), dir_(std::move(dir)), work_(std::move(work)) {}
  ~BrokerGuard() {
    if (stopped_) Start();
  }
  bool Stop() {
    stopped_ = true;
    return RunCommand({"/bin/bash", script_, "stop", "--dir", dir_}, work_ + "/broker_stop.log",
                      std::chrono::seconds(120)) == 0;
  }
  bool Start() {
    bool ok = RunCommand({"/bin/bash", script_, "start", "--dir", dir_, "--timeout", "180"},
                         work_ + "/broker_start.log", std::chrono::seconds(200)) == 0;
    if (ok) stopped_ = false;
    return ok;
  }

 private:
  std::string script_, dir_, work_;
  bool stopped_ = false;
};

int Run(const BrokerLocation& broker, const std::string& work) {
  const char* script = std::getenv("PAXSCREEN_KAFKA_SCRIPT");
  if (broker.dir.empty() || script == nullptr) {
    std::printf("%s: SKIP: needs PAXSCREEN_KAFKA_DIR and PAXSCREEN_KAFKA_SCRIPT to restart the "
                "broker (run it through ctest)\n", kName);
    return kSkipExitCode;
  }
  const std::string& bootstrap = broker.bootstrap;
  const int64_t records = std::max<int64_t>(EnvInt("PAXSCREEN_E2E_RECORDS", 200000) / 2, 8000);
  const uint64_t seed = static_cast<uint64_t>(EnvInt(
      "PAXSCREEN_E2E_SEED", std::chrono::system_clock::now().time_since_epoch().count() % 1000000007));
  std::mt19937_64 rng(seed);
  Feed feed{UniqueName("brr-in"), kPartitions, records / kPartitions, 997};
  const std::string out = UniqueName("brr-out"), dlq = UniqueName("brr-dlq");
  const std::string group = UniqueName("brr-group"), txn = UniqueName("brr-txn");
  CreateTopics(bootstrap, {{feed.topic, kPartitions}, {out, kPartitions}, {dlq, 1}});
  const int64_t half = feed.per_partition / 2;
  ProduceFeed(bootstrap, feed, 100, 0, half);
  const std::string config = work + "/service.conf";
  WriteConfig(config, EchoConfig(bootstrap, feed.topic, out, dlq, group, txn));
  int failures = 0;
  BrokerGuard guard(script, broker.dir, work);
  auto svc = StartService(config, {}, work + "/service.log");
  {
    Probe probe(bootstrap);  // closed before the broker goes away
    const double point = std::uniform_real_distribution<double>(0.1, 0.7)(rng);
    const int64_t target = std::max<int64_t>(1, static_cast<int64_t>(point * half * kPartitions));
    int64_t committed = 0;
    if (!WaitFor([&] { return (committed = probe.CommittedTotal(group, feed.topic, kPartitions)) >= target ||
                              !svc->Running(); },
                 std::chrono::seconds(120), std::chrono::milliseconds(20)) ||
        !svc->Running()) {
      std::printf("  FAIL no progress before the restart (%lld committed):\n%s",
                  static_cast<long long>(committed), Tail(svc->log_path()).c_str());
      return 1;
    }
    std::printf("  stopping the broker at %lld/%lld committed (seed %llu)\n",
                static_cast<long long>(committed), static_cast<long long>(half * kPartitions),
                static_cast<unsigned long long>(seed));
  }
  auto t0 = Clock::now();
  if (!guard.Stop()) {
    std::printf("  FAIL kafka.sh stop:\n%s", Tail(work + "/broker_stop.log").c_str());
    return 1;
  }
  if (!guard.Start()) {
    std::printf("  FAIL kafka.sh start:\n%s", Tail(work + "/broker_start.log").c_str());
    return 1;
  }
  std::printf("  broker stopped and ready again at %s in %.1f s\n",
              FindBroker().bootstrap.c_str(),
              std::chrono::duration<double>(Clock::now() - t0).count());
  if (FindBroker().bootstrap != bootstrap) {
    std::printf("  FAIL the broker came back on another address\n");
    return 1;
  }
  if (!svc->Running()) {
    std::printf("  FAIL the service exited during the broker restart:\n%s", Tail(svc->log_path()).c_str());
    return 1;
  }
  ProduceFeed(bootstrap, feed, 100, half, -1);
  Probe probe(bootstrap);
  std::vector<int64_t> ends = probe.EndOffsets(feed.topic, kPartitions);
  if (!WaitFor([&] { return probe.Committed(group, feed.topic, kPartitions) == ends || !svc->Running(); },
               std::chrono::seconds(180), std::chrono::milliseconds(100)) ||
      !svc->Running()) {
    std::printf("  FAIL the service did not finish after the restart (committed %lld/%lld):\n%s",
                static_cast<long long>(probe.CommittedTotal(group, feed.topic, kPartitions)),
                static_cast<long long>(feed.total()), Tail(svc->log_path()).c_str());
    return 1;
  }
  std::printf("  feed finished %.1f s after the stop\n",
              std::chrono::duration<double>(Clock::now() - t0).count());
  return StopAndAudit(*svc, "the service", feed, bootstrap, out, dlq, kPartitions, failures, kName);
}

}  // namespace
}  // namespace paxscreen::e2e

int main() { return paxscreen::e2e::RunServiceTest(paxscreen::e2e::kName, &paxscreen::e2e::Run); }
