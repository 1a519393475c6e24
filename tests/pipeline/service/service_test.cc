// Integration tests of the streaming loop on librdkafka's mock cluster: order and commit
// semantics with parallel workers, DLQ routing, error injection, shutdown, readiness.
#include "pipeline/service/service.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "tests/pipeline/service/mock_harness.h"

namespace paxscreen::service {
namespace {

using testing::WaitFor;

// Echoes records, dead-letters values starting with "bad", sleeps a little on some records so
// workers finish out of order, and records the highest concurrency seen.
class JitterEcho : public Processor {
 public:
  std::atomic<bool> ready{true};
  std::atomic<int> active{0};
  std::atomic<int> max_active{0};
  bool Ready() const override { return ready.load(); }
  ProcessOutcome Process(const InputRecord& r) override {
    const int now = active.fetch_add(1) + 1;
    int prev = max_active.load();
    while (now > prev && !max_active.compare_exchange_weak(prev, now)) {}
    thread_local std::mt19937 rng(std::hash<std::thread::id>{}(std::this_thread::get_id()));
    if (rng() % 8 == 0) std::this_thread::sleep_for(std::chrono::microseconds(rng() % 300));
    ProcessOutcome out;
    if (absl::StartsWith(absl::string_view(r.value.data(), r.value.size()), "bad")) {
      out.dead_letter = DeadLetter{"test.bad", "value marked bad"};
    } else {
      out.outputs.push_back({"", r.key ? std::optional<std::string>(std::string(*r.key)) : std::nullopt,
                             std::string(r.value), {{"seen-by", "jitter"}}});
    }
    active.fetch_sub(1);
    return out;
  }
};

struct Fixture {
  std::unique_ptr<kafka::MockCluster> cluster;
  int partitions = 4;
  Fixture() {
    auto c = kafka::MockCluster::Create(3);
    REQUIRE(c.ok());
    cluster = std::move(*c);
    REQUIRE(cluster->CreateTopic("in", partitions).ok());
    REQUIRE(cluster->CreateTopic("out", partitions).ok());
    REQUIRE(cluster->CreateTopic("dlq", 1).ok());
  }
  // Key "k<p>", value "<p>:<seq>" (or "bad:<p>:<seq>" every `bad_every`), explicit partition,
  // so the input offset of a record equals its seq.
  int Feed(int per_partition, int bad_every, int start = 0) {
    std::vector<std::tuple<int32_t, std::string, std::string>> recs;
    int bad = 0;
    for (int i = start; i < start + per_partition; ++i) {
      for (int p = 0; p < partitions; ++p) {
        const bool is_bad = bad_every > 0 && i % bad_every == bad_every - 1;
        bad += is_bad;
        recs.emplace_back(p, absl::StrCat("k", p), absl::StrCat(is_bad ? "bad:" : "", p, ":", i));
      }
    }
    testing::ProduceAll(*cluster, "in", recs);
    return bad;
  }
  int64_t TopicSize(const std::string& topic) {
    kafka::Properties props = testing::BaseProps(*cluster);
    props.push_back({"group.id", "sizer"});
    auto c = kafka::Consumer::Create(props);
    int64_t sum = 0;
    for (int p = 0; p < partitions; ++p) {
      auto wm = (*c)->QueryWatermarks(topic, p, 5000);
      if (!wm.ok()) return -1;
      sum += wm->second - wm->first;
    }
    return sum;
  }
  int64_t CommittedTotal(const std::string& group) {
    kafka::Properties props = testing::BaseProps(*cluster);
    props.push_back({"group.id", group});
    auto c = kafka::Consumer::Create(props);
    std::vector<kafka::TopicPartition> tps;
    for (int p = 0; p < partitions; ++p) tps.push_back({"in", p});
    auto committed = (*c)->Committed(tps, 5000);
    if (!committed.ok()) return -1;
    int64_t sum = 0;
    for (const auto& t : *committed) sum += std::max<int64_t>(0, t.offset);
    return sum;
  }
};

struct Running {
  StreamService service;
  JitterEcho* processor;
  absl::Status result;
  std::thread thread;
  Running(ServiceConfig cfg, std::unique_ptr<JitterEcho> p)
      : service(std::move(cfg), std::move(p)), processor(nullptr) {}
  void Start() { thread = std::thread([this] { result = service.Run(); }); }
  void Stop() {
    service.RequestStop();
    if (thread.joinable()) thread.join();
  }
  ~Running() { Stop(); }
};

std::unique_ptr<Running> StartService(ServiceConfig cfg, bool ready = true) {
  auto proc = std::make_unique<JitterEcho>();
  proc->ready = ready;
  JitterEcho* raw = proc.get();
  auto r = std::make_unique<Running>(std::move(cfg), std::move(proc));
  r->processor = raw;
  r->Start();
  return r;
}

// Per key: the list of seqs in output order.
std::map<std::string, std::vector<int>> SeqsByKey(const std::vector<testing::ReadRecord>& recs) {
  std::map<std::string, std::vector<int>> out;
  for (const auto& r : recs) {
    std::vector<std::string> parts = absl::StrSplit(r.value, ':');
    int seq = -1;
    REQUIRE(absl::SimpleAtoi(parts.back(), &seq));
    out[r.key].push_back(seq);
  }
  return out;
}

double MetricValue(const std::string& page, const std::string& name) {
  for (absl::string_view line : absl::StrSplit(page, '\n')) {
    if (absl::StartsWith(line, name + " ")) {
      double v = 0;
      if (absl::SimpleAtod(line.substr(name.size() + 1), &v)) return v;
    }
  }
  return -1;
}

TEST_CASE("exactly-once: in-order outputs, DLQ with headers, committed offsets, metrics", "[service][mock]") {
  Fixture f;
  const int per = 300;
  const int bad = f.Feed(per, 50);
  const int total = per * f.partitions;
  auto run = StartService(testing::MockConfig(*f.cluster, "g-eos", DeliveryMode::kExactlyOnce));
  auto outputs = testing::ReadTopic(*f.cluster, "out", f.partitions, total - bad, 30000);
  auto dlq = testing::ReadTopic(*f.cluster, "dlq", 1, bad, 10000);
  REQUIRE(outputs.size() == static_cast<size_t>(total - bad));
  REQUIRE(dlq.size() == static_cast<size_t>(bad));

  // Every key's outputs arrive once each, in input order, though 3 workers finished them out of order.
  for (const auto& [key, seqs] : SeqsByKey(outputs)) {
    INFO("key " << key);
    REQUIRE(seqs.size() == static_cast<size_t>(per - per / 50));
    CHECK(std::is_sorted(seqs.begin(), seqs.end()));
    CHECK(std::adjacent_find(seqs.begin(), seqs.end()) == seqs.end());
  }
  CHECK(run->processor->max_active.load() > 1);
  for (const auto& r : outputs) CHECK(testing::HeaderValue(r, "seen-by") == "jitter");

  for (const auto& d : dlq) {
    CHECK(absl::StartsWith(d.value, "bad:"));
    CHECK(testing::HeaderValue(d, kHeaderErrorClass) == "test.bad");
    CHECK(testing::HeaderValue(d, kHeaderErrorMessage) == "value marked bad");
    CHECK(testing::HeaderValue(d, kHeaderSourceTopic) == "in");
    CHECK(testing::HeaderValue(d, "trace") == "t1");  // original headers copied verbatim
    std::vector<std::string> parts = absl::StrSplit(d.value, ':');
    CHECK(testing::HeaderValue(d, kHeaderSourcePartition) == parts[1]);
    CHECK(testing::HeaderValue(d, kHeaderSourceOffset) == parts[2]);  // offset == seq
  }

  // The mock does not store transactional offset commits (TxnOffsetCommit), so the committed
  // position is checked in the at-least-once tests; here the loop's own accounting is checked.
  auto& m = run->service.metrics();
  REQUIRE(WaitFor([&] {
    return m.AddGauge("paxscreen_in_flight_records", "").Value() == 0 &&
           m.AddCounter("paxscreen_records_processed_total", "").Value() == static_cast<uint64_t>(total);
  }, 10000));
  const int port = run->service.http_port();
  REQUIRE(port > 0);
  auto ready = HttpGet(port, "/readyz");
  REQUIRE(ready.ok());
  CHECK(ready->first == 200);
  auto metrics = HttpGet(port, "/metrics");
  REQUIRE(metrics.ok());
  CHECK(metrics->first == 200);
  CHECK(MetricValue(metrics->second, "paxscreen_records_in_total") == total);
  CHECK(MetricValue(metrics->second, "paxscreen_records_out_total") == total - bad);
  CHECK(MetricValue(metrics->second, "paxscreen_dlq_records_total") == bad);
  CHECK(MetricValue(metrics->second, "paxscreen_transactions_committed_total") >= 1);
  CHECK(MetricValue(metrics->second, "paxscreen_consumer_lag_records") == 0);
  CHECK(absl::StrContains(metrics->second, "paxscreen_batch_latency_seconds_bucket{le=\"+Inf\"}"));
  run->Stop();
  CHECK(run->result.ok());
}

TEST_CASE("graceful stop mid-stream; a second instance continues with no loss and no duplicate", "[service][mock]") {
  Fixture f;
  const int per = 500;
  f.Feed(per, 0);
  const int total = per * f.partitions;
  // At-least-once: the mock stores plain offset commits (not transactional ones), and with no
  // failure a clean stop must commit exactly the processed prefix, so nothing repeats.
  auto cfg = testing::MockConfig(*f.cluster, "g-stop", DeliveryMode::kAtLeastOnce);
  auto first = StartService(cfg);
  REQUIRE(WaitFor([&] {
    return first->service.metrics().AddCounter("paxscreen_records_processed_total", "").Value() >= 400;
  }, 20000));
  const auto t0 = std::chrono::steady_clock::now();
  first->Stop();
  const auto stop_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  CHECK(first->result.ok());
  CHECK(stop_ms < cfg.shutdown_timeout_ms + 2000);
  const int64_t committed = f.CommittedTotal("g-stop");
  CHECK(committed >= 400);
  first.reset();

  auto second = StartService(cfg);
  auto outputs = testing::ReadTopic(*f.cluster, "out", f.partitions, total, 30000);
  REQUIRE(WaitFor([&] { return f.CommittedTotal("g-stop") == total; }, 10000));
  second->Stop();
  CHECK(outputs.size() == static_cast<size_t>(total));
  CHECK(f.TopicSize("out") == total);  // high watermarks: no extra (duplicate) record anywhere
  for (const auto& [key, seqs] : SeqsByKey(outputs)) {
    INFO("key " << key);
    CHECK(seqs.size() == static_cast<size_t>(per));
    CHECK(std::is_sorted(seqs.begin(), seqs.end()));
    CHECK(std::adjacent_find(seqs.begin(), seqs.end()) == seqs.end());
  }
}

TEST_CASE("at-least-once survives produce errors and a broker down and up", "[service][mock]") {
  Fixture f;
  const int per = 400;
  f.Feed(per, 0);
  const int total = per * f.partitions;
  // Not ready yet: the injected errors hit the service's producer, not the feeder's.
  auto run = StartService(testing::MockConfig(*f.cluster, "g-alo", DeliveryMode::kAtLeastOnce), false);
  f.cluster->PushRequestErrors(kafka::mock::kApiProduce,
                               {kafka::mock::kErrNotLeaderForPartition, kafka::mock::kErrRequestTimedOut,
                                kafka::mock::kErrTransport});
  run->processor->ready = true;
  REQUIRE(WaitFor([&] {
    return run->service.metrics().AddCounter("paxscreen_records_processed_total", "").Value() >= 100;
  }, 20000));
  REQUIRE(f.cluster->SetBrokerDown(2).ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the outage itself
  REQUIRE(f.cluster->SetBrokerUp(2).ok());
  REQUIRE(WaitFor([&] { return f.CommittedTotal("g-alo") == total; }, 30000));
  auto outputs = testing::ReadTopicUntil(
      *f.cluster, "out", f.partitions,
      [&](const auto& out) { return testing::DistinctValues(out) >= static_cast<size_t>(total); },
      30000);
  CHECK(testing::DistinctValues(outputs) == static_cast<size_t>(total));  // every input at least once
  run->Stop();
  CHECK(run->result.ok());
}

TEST_CASE("exactly-once: an abortable produce error aborts, rewinds and goes on", "[service][mock]") {
  Fixture f;
  const int per = 200;
  f.Feed(per, 0);
  const int total = per * f.partitions;
  f.Feed(per, 0, per);
  // Not ready: the service waits, so the injected error hits its producer, not the feeder's.
  auto run = StartService(testing::MockConfig(*f.cluster, "g-abort", DeliveryMode::kExactlyOnce), false);
  f.cluster->PushRequestErrors(kafka::mock::kApiProduce, {kafka::mock::kErrTopicAuthorizationFailed});
  run->processor->ready = true;
  auto& m = run->service.metrics();
  REQUIRE(WaitFor([&] { return m.AddCounter("paxscreen_transactions_aborted_total", "").Value() >= 1; }, 20000));
  CHECK(m.AddCounter("paxscreen_rewinds_total", "").Value() >= 1);
  // The mock shows aborted records too (no read_committed), so check coverage, not counts.
  auto outputs = testing::ReadTopicUntil(
      *f.cluster, "out", f.partitions,
      [&](const auto& out) { return testing::DistinctValues(out) >= static_cast<size_t>(2 * total); },
      30000);
  CHECK(testing::DistinctValues(outputs) == static_cast<size_t>(2 * total));
  run->Stop();
  CHECK(run->result.ok());
}

TEST_CASE("readiness follows the processor; health and unknown paths", "[service][mock]") {
  Fixture f;
  auto run = StartService(testing::MockConfig(*f.cluster, "g-ready", DeliveryMode::kAtLeastOnce), false);
  REQUIRE(WaitFor([&] { return run->service.http_port() > 0; }, 5000));
  const int port = run->service.http_port();
  auto health = HttpGet(port, "/healthz");
  REQUIRE(health.ok());
  CHECK(health->first == 200);
  auto ready = HttpGet(port, "/readyz");
  REQUIRE(ready.ok());
  CHECK(ready->first == 503);
  run->processor->ready = true;
  CHECK(WaitFor([&] { auto r = HttpGet(port, "/readyz"); return r.ok() && r->first == 200; }, 10000));
  auto missing = HttpGet(port, "/nope");
  REQUIRE(missing.ok());
  CHECK(missing->first == 404);
  run->Stop();
  CHECK(run->result.ok());
}

TEST_CASE("a fatal transactional error stops the service with a clear message", "[service][mock]") {
  Fixture f;
  f.cluster->PushRequestErrors(kafka::mock::kApiInitProducerId, {53});  // TRANSACTIONAL_ID_AUTHORIZATION_FAILED
  auto run = StartService(testing::MockConfig(*f.cluster, "g-fatal", DeliveryMode::kExactlyOnce));
  if (run->thread.joinable()) run->thread.join();
  REQUIRE_FALSE(run->result.ok());
  CHECK(absl::StrContains(run->result.message(), "init_transactions"));
}

}  // namespace
}  // namespace paxscreen::service
