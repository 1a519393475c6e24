// Pipeline benchmark on librdkafka's mock cluster: records/s and end-to-end p50/p99 latency
// (feeder produce -> service (echo processor, 2 workers) -> output consumer), exactly-once and
// at-least-once. BM_ScreeningPipeline runs the screening processor on the demo feed (synthetic
// watchlist on a compacted topic, JSON passenger records, one results record per traveller
// read back for latency) and prints the matcher-only rate on the same records beside it. The mock keeps everything in memory on this machine and shows uncommitted
// records (no read_committed), so latency excludes the wait for the commit a real
// read_committed reader would see (up to service.commit_interval_ms).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "pipeline/kafka/consumer.h"
#include "pipeline/kafka/mock_cluster.h"
#include "pipeline/kafka/producer.h"
#include "pipeline/codec/passenger_json.h"
#include "matcher/screen/screener.h"
#include "pipeline/screening/demo.h"
#include "pipeline/screening/demo_data.h"
#include "pipeline/screening/processor.h"
#include "pipeline/screening/publish.h"
#include "pipeline/service/service.h"

namespace {

using namespace paxscreen;
using Clock = std::chrono::steady_clock;

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

// Sets the iteration time and the records, records_per_s, p50_ms and p99_ms counters from the
// per-record latencies of one run of `seconds`.
void ReportRecords(benchmark::State& state, std::vector<double>& latency_ms, double seconds) {
  std::sort(latency_ms.begin(), latency_ms.end());
  auto pct = [&](double q) {
    return latency_ms.empty()
               ? -1.0
               : latency_ms[std::min(latency_ms.size() - 1,
                                     static_cast<size_t>(q * latency_ms.size()))];
  };
  state.SetIterationTime(seconds);
  state.counters["records"] = static_cast<double>(latency_ms.size());
  state.counters["records_per_s"] = latency_ms.size() / seconds;
  state.counters["p50_ms"] = pct(0.50);
  state.counters["p99_ms"] = pct(0.99);
}

void BM_Pipeline(benchmark::State& state) {
  const bool eos = state.range(0) == 1;
  const int n = static_cast<int>(state.range(1));
  const int64_t rate = state.range(2);  // records/s offered; 0: as fast as possible (saturation)
  for (auto _ : state) {
    auto cluster = kafka::MockCluster::Create(1);
    (void)(*cluster)->CreateTopic("in", 4);
    (void)(*cluster)->CreateTopic("out", 4);
    (void)(*cluster)->CreateTopic("dlq", 1);
    const kafka::Properties base = {{"bootstrap.servers", (*cluster)->bootstrap_servers()}, {"log_level", "3"}};
    service::ServiceConfig cfg;
    cfg.input_topics = {"in"};
    cfg.output_topic = "out";
    cfg.dlq_topic = "dlq";
    cfg.mode = eos ? service::DeliveryMode::kExactlyOnce : service::DeliveryMode::kAtLeastOnce;
    cfg.transactional_id = "bench-txn";
    cfg.workers = 2;
    cfg.http_listen = "off";
    cfg.kafka_common = base;
    cfg.kafka_consumer = {{"group.id", "bench"}, {"fetch.wait.max.ms", "10"}};
    auto processor = service::MakeEchoProcessor(cfg);
    service::StreamService svc(cfg, std::move(*processor));
    std::thread runner([&] { (void)svc.Run(); });
    while (!svc.ready()) std::this_thread::sleep_for(std::chrono::milliseconds(5));

    // Reader first, so it is fetching when the first output appears.
    kafka::Properties rp = base;
    rp.push_back({"group.id", "bench-reader"});
    rp.push_back({"fetch.wait.max.ms", "5"});
    auto reader = kafka::Consumer::Create(rp);
    std::vector<kafka::TopicPartitionOffset> assign;
    for (int p = 0; p < 4; ++p) assign.push_back({"out", p, kafka::kOffsetBeginning});
    (void)(*reader)->Assign(assign);
    // Wait until the group has assigned the input (the mock delays the first join by ~3 s).
    while (svc.metrics().AddCounter("paxscreen_rebalances_total", "").Value() == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }

    const int64_t t0 = NowNs();
    std::thread feeder([&] {
      kafka::Properties fp = base;
      fp.push_back({"linger.ms", "1"});
      auto producer = kafka::Producer::Create(fp, {});
      for (int i = 0; i < n; ++i) {
        if (rate > 0) {
          const int64_t due = t0 + static_cast<int64_t>(i) * 1000000000 / rate;
          while (NowNs() < due) std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        const std::string value = absl::StrCat(NowNs(), ":", std::string(64, 'x'));
        const std::string key = absl::StrCat("rec-", i);
        (void)(*producer)->Produce({"in", std::string_view(key), std::string_view(value)});
        if (i % 1000 == 0) (*producer)->Poll(0);
      }
      (void)(*producer)->Flush(30000);
    });
    std::vector<double> latency_ms;
    latency_ms.reserve(n);
    std::vector<kafka::Message> batch;
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    while (static_cast<int>(latency_ms.size()) < n && Clock::now() < deadline) {
      batch.clear();
      (*reader)->PollBatch(1000, 20, &batch);
      const int64_t now = NowNs();
      for (auto& m : batch) {
        if (!m.ok()) continue;
        const std::string_view v = *m.value();
        int64_t sent = 0;
        if (absl::SimpleAtoi(absl::string_view(v.data(), v.find(':')), &sent)) {
          latency_ms.push_back((now - sent) / 1e6);
        }
      }
    }
    const double seconds = (NowNs() - t0) / 1e9;
    feeder.join();
    svc.RequestStop();
    runner.join();
    ReportRecords(state, latency_ms, seconds);
    state.counters["txns"] = static_cast<double>(svc.metrics().AddCounter("paxscreen_transactions_committed_total", "").Value());
    if (static_cast<int>(latency_ms.size()) < n) state.SkipWithError("not every record came through in 60 s");
  }
}

// Matcher only: the same records screened by a Screener on `threads` threads, no Kafka, no JSON.
double MatcherOnlyRate(const std::vector<model::PassengerRecord>& records, int threads) {
  screen::Screener screener(screen::ScreenOptions{});
  screener.Load(screening::DemoWatchlist());
  std::atomic<size_t> next{0};
  std::atomic<size_t> hits{0};
  const int64_t t0 = NowNs();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (size_t i = next++; i < records.size(); i = next++) {
        std::vector<std::string> problems;
        hits += screener.Screen(records[i], &problems, nullptr).size();
      }
    });
  }
  for (auto& th : pool) th.join();
  benchmark::DoNotOptimize(hits.load());
  return records.size() / ((NowNs() - t0) / 1e9);
}

// Args: {exactly_once ? 1 : 0, records, offered rate (0 = saturate)}.
void BM_ScreeningPipeline(benchmark::State& state) {
  const bool eos = state.range(0) == 1;
  const int n = static_cast<int>(state.range(1));
  const int64_t rate = state.range(2);
  screening::DemoFeed feed = screening::GenerateDemoFeed({.records = n, .planted = 48});
  for (auto _ : state) {
    auto cluster = kafka::MockCluster::Create(1);
    for (const char* t : {"in", "out", "res"}) (void)(*cluster)->CreateTopic(t, 4);
    (void)(*cluster)->CreateTopic("dlq", 1);
    (void)(*cluster)->CreateTopic("wl", 1);
    const kafka::Properties base = {{"bootstrap.servers", (*cluster)->bootstrap_servers()}, {"log_level", "3"}};
    (void)screening::PublishWatchlist(base, "wl", screening::DemoWatchlist());
    service::ServiceConfig cfg;
    cfg.input_topics = {"in"};
    cfg.output_topic = "out";
    cfg.dlq_topic = "dlq";
    cfg.mode = eos ? service::DeliveryMode::kExactlyOnce : service::DeliveryMode::kAtLeastOnce;
    cfg.transactional_id = "bench-screen-txn";
    cfg.workers = 2;
    cfg.http_listen = "off";
    cfg.processor = "screening";
    cfg.kafka_common = base;
    cfg.kafka_consumer = {{"group.id", "bench-screen"}, {"fetch.wait.max.ms", "10"}};
    cfg.processor_options = {{"watchlist.topic", "wl"}, {"results.topic", "res"}};
    auto processor = screening::MakeScreeningProcessor(cfg);
    service::StreamService svc(cfg, std::move(*processor));
    std::thread runner([&] { (void)svc.Run(); });
    kafka::Properties rp = base;
    rp.push_back({"group.id", "bench-screen-reader"});
    rp.push_back({"fetch.wait.max.ms", "5"});
    auto reader = kafka::Consumer::Create(rp);
    std::vector<kafka::TopicPartitionOffset> assign;
    for (int p = 0; p < 4; ++p) assign.push_back({"res", p, kafka::kOffsetBeginning});
    (void)(*reader)->Assign(assign);
    while (!svc.ready() || svc.metrics().AddCounter("paxscreen_rebalances_total", "").Value() == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const int64_t t0 = NowNs();
    std::thread feeder([&] {
      kafka::Properties fp = base;
      fp.push_back({"linger.ms", "1"});
      auto producer = kafka::Producer::Create(fp, {});
      for (int i = 0; i < n; ++i) {
        if (rate > 0) {
          const int64_t due = t0 + static_cast<int64_t>(i) * 1000000000 / rate;
          while (NowNs() < due) std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        model::PassengerRecord r = feed.records[i];
        r.record_id = absl::StrCat(NowNs(), "-", i);  // send time rides in the record id
        const std::string value = codec::EncodePassengerRecord(r);
        (void)(*producer)->Produce({"in", std::string_view(r.record_id), std::string_view(value)});
        if (i % 1000 == 0) (*producer)->Poll(0);
      }
      (void)(*producer)->Flush(30000);
    });
    std::vector<double> latency_ms;
    latency_ms.reserve(n);
    std::vector<kafka::Message> batch;
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    while (static_cast<int>(latency_ms.size()) < n && Clock::now() < deadline) {
      batch.clear();
      (*reader)->PollBatch(1000, 20, &batch);
      const int64_t now = NowNs();
      for (auto& m : batch) {
        if (!m.ok()) continue;
        const std::string id = screening::PeekJsonField(*m.value(), "record_id");
        int64_t sent = 0;
        if (absl::SimpleAtoi(absl::string_view(id.data(), id.find('-')), &sent)) {
          latency_ms.push_back((now - sent) / 1e6);
        }
      }
    }
    const double seconds = (NowNs() - t0) / 1e9;
    feeder.join();
    svc.RequestStop();
    runner.join();
    ReportRecords(state, latency_ms, seconds);
    state.counters["matcher_only_per_s_2t"] = MatcherOnlyRate(feed.records, 2);
    state.counters["matcher_only_per_s_1t"] = MatcherOnlyRate(feed.records, 1);
    if (static_cast<int>(latency_ms.size()) < n) state.SkipWithError("not every traveller was screened in 60 s");
  }
}
BENCHMARK(BM_ScreeningPipeline)->Args({1, 50000, 0})->Args({0, 50000, 0})->Args({1, 20000, 5000})->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);

// Args: {exactly_once ? 1 : 0, records, offered rate (0 = saturate)}.
BENCHMARK(BM_Pipeline)->Args({1, 100000, 0})->Args({0, 100000, 0})->Args({1, 20000, 10000})->Args({0, 20000, 10000})->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
