// End-to-end benchmark of `paxscreen run` on the real local Kafka broker: records/s and p50/p99
// latency with 2 worker threads, exactly-once and at-least-once, beside the broker's own
// ceiling measured in the same run: a copier (this program; librdkafka consumer -> idempotent
// producer, no processing, linger 5 ms) moving the same messages. Printed as ratios.
//
//   bench/e2e/run.sh                     # starts a broker, builds, runs this, stops the broker
//   PAXSCREEN_KAFKA_BOOTSTRAP=127.0.0.1:9092 PAXSCREEN_BINARY=build/release/paxscreen
//   build/release/tests/e2e/e2e_bench      # against a broker you run
//
// Throughput: a backlog of PAXSCREEN_BENCH_RECORDS (200 000) records of 200 bytes over 4
// partitions is produced first; the clock runs from the moment the consumer holds its partitions
// (service log "assigned 4 partitions"; the copier: its first record) until every input offset
// is committed (the copier: its last record acknowledged). Latency: records produced at
// PAXSCREEN_BENCH_RATE (5 000/s) for PAXSCREEN_BENCH_SECONDS (5), each carrying its send time
// (CLOCK_REALTIME, µs); a read_committed reader of the output topic (fetch.wait.max.ms 5) takes
// now - send time, so it includes the commit interval (100 ms) for exactly-once.
// Processor: echo (the screening processor is not measured here; see README.md).
#include <time.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "tests/e2e/e2e_service.h"

namespace paxscreen::e2e {
namespace {

constexpr int kPartitions = 4;

int64_t NowUs() {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

struct Result {
  double records_per_s = 0;
  double p50_ms = 0, p99_ms = 0;
  size_t latency_samples = 0;
};

// Copies `in` to `out` until `stop` (or `limit` records when limit > 0). Returns the seconds
// from the first record to the last one acknowledged.
double Copy(const std::string& bootstrap, const std::string& in, const std::string& out,
            int64_t limit, const std::atomic<bool>* stop, std::atomic<bool>* assigned) {
  KafkaPtr c = NewClient(RD_KAFKA_CONSUMER, bootstrap,
                         {{"group.id", UniqueName("bench-copier")}, {"enable.auto.commit", "false"},
                          {"fetch.wait.max.ms", "5"}});
  KafkaPtr p = NewClient(RD_KAFKA_PRODUCER, bootstrap,
                         {{"enable.idempotence", "true"}, {"linger.ms", "5"}});
  PartitionListPtr a(rd_kafka_topic_partition_list_new(kPartitions));
  for (int i = 0; i < kPartitions; ++i) {
    rd_kafka_topic_partition_list_add(a.get(), in.c_str(), i)->offset = RD_KAFKA_OFFSET_BEGINNING;
  }
  CheckResp(rd_kafka_assign(c.get(), a.get()), "copier assign");
  if (assigned != nullptr) assigned->store(true);
  int64_t n = 0;
  Clock::time_point first{};
  while ((limit <= 0 || n < limit) && (stop == nullptr || !stop->load())) {
    MessagePtr m(rd_kafka_consumer_poll(c.get(), 50));
    if (!m || m->err != RD_KAFKA_RESP_ERR_NO_ERROR) continue;
    if (n++ == 0) first = Clock::now();
    for (;;) {
      rd_kafka_resp_err_t e = rd_kafka_producev(
          p.get(), RD_KAFKA_V_TOPIC(out.c_str()), RD_KAFKA_V_PARTITION(m->partition),
          RD_KAFKA_V_KEY(m->key, m->key_len), RD_KAFKA_V_VALUE(m->payload, m->len),
          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
      if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL) break;
      rd_kafka_poll(p.get(), 5);
    }
    rd_kafka_poll(p.get(), 0);
  }
  rd_kafka_flush(p.get(), 60000);
  return std::chrono::duration<double>(Clock::now() - first).count();
}

struct Topics {
  std::string in = UniqueName("bench-in"), out = UniqueName("bench-out"),
              dlq = UniqueName("bench-dlq");
};

Topics NewTopics(const std::string& bootstrap) {
  Topics t;
  CreateTopics(bootstrap, {{t.in, kPartitions}, {t.out, kPartitions}, {t.dlq, 1}});
  return t;
}

std::unique_ptr<ServiceProcess> StartBenchService(const std::string& bootstrap, const Topics& t,
                                                  const std::string& mode, const std::string& work,
                                                  const std::string& tag) {
  auto keys = EchoConfig(bootstrap, t.in, t.out, t.dlq, UniqueName("bench-group"),
                         UniqueName("bench-txn"));
  keys["service.mode"] = mode;
  std::string config = work + "/" + tag + ".conf";
  WriteConfig(config, keys);
  auto svc = StartService(config, {}, work + "/" + tag + ".log");
  if (!WaitFor([&] { return LastAssignment(svc->log_path()) == kPartitions || !svc->Running(); },
               std::chrono::seconds(120), std::chrono::milliseconds(5)) ||
      !svc->Running()) {
    throw std::runtime_error(tag + ": the service did not get its partitions:\n" + Tail(svc->log_path()));
  }
  return svc;
}

double Throughput(const std::string& bootstrap, const std::string& kind, const std::string& work,
                  int64_t records) {
  Topics t = NewTopics(bootstrap);
  Feed feed{t.in, kPartitions, records / kPartitions, 0};
  ProduceFeed(bootstrap, feed, 200);
  if (kind == "copier") return static_cast<double>(feed.total()) / Copy(bootstrap, t.in, t.out, feed.total(), nullptr, nullptr);
  auto keys = EchoConfig(bootstrap, t.in, t.out, t.dlq, UniqueName("bench-group"), UniqueName("bench-txn"));
  keys["service.mode"] = kind;
  std::string config = work + "/tput-" + kind + ".conf";
  WriteConfig(config, keys);
  Probe probe(bootstrap);
  std::vector<int64_t> ends = probe.EndOffsets(t.in, kPartitions);
  auto svc = StartService(config, {}, work + "/tput-" + kind + ".log");
  if (!WaitFor([&] { return LastAssignment(svc->log_path()) == kPartitions || !svc->Running(); },
               std::chrono::seconds(120), std::chrono::milliseconds(5))) {
    throw std::runtime_error("throughput " + kind + ": no assignment:\n" + Tail(svc->log_path()));
  }
  auto t0 = Clock::now();
  if (!WaitFor([&] { return probe.Committed(keys["kafka.group.id"], t.in, kPartitions) == ends || !svc->Running(); },
               std::chrono::seconds(300), std::chrono::milliseconds(20)) ||
      !svc->Running()) {
    throw std::runtime_error("throughput " + kind + ": did not finish:\n" + Tail(svc->log_path()));
  }
  double s = std::chrono::duration<double>(Clock::now() - t0).count();
  svc->Terminate();
  svc->Wait(std::chrono::seconds(30));
  return static_cast<double>(feed.total()) / s;
}

void Latency(const std::string& bootstrap, const std::string& kind, const std::string& work,
             int64_t rate, int seconds, Result* r) {
  Topics t = NewTopics(bootstrap);
  std::atomic<bool> stop{false}, copier_ready{false};
  std::unique_ptr<ServiceProcess> svc;
  std::thread copier;
  if (kind == "copier") {
    copier = std::thread([&] { Copy(bootstrap, t.in, t.out, 0, &stop, &copier_ready); });
    WaitFor([&] { return copier_ready.load(); }, std::chrono::seconds(30));
  } else {
    svc = StartBenchService(bootstrap, t, kind, work, "lat-" + kind);
  }
  const int64_t total = rate * seconds;
  std::vector<double> lat;
  lat.reserve(static_cast<size_t>(total));
  std::thread reader([&] {
    KafkaPtr c = NewClient(RD_KAFKA_CONSUMER, bootstrap,
                           {{"group.id", UniqueName("bench-reader")}, {"isolation.level", "read_committed"},
                            {"fetch.wait.max.ms", "5"}, {"enable.auto.commit", "false"}});
    PartitionListPtr a(rd_kafka_topic_partition_list_new(kPartitions));
    for (int i = 0; i < kPartitions; ++i) {
      rd_kafka_topic_partition_list_add(a.get(), t.out.c_str(), i)->offset = RD_KAFKA_OFFSET_BEGINNING;
    }
    CheckResp(rd_kafka_assign(c.get(), a.get()), "reader assign");
    auto deadline = Clock::now() + std::chrono::seconds(seconds + 60);
    while (static_cast<int64_t>(lat.size()) < total && Clock::now() < deadline) {
      MessagePtr m(rd_kafka_consumer_poll(c.get(), 50));
      if (!m || m->err != RD_KAFKA_RESP_ERR_NO_ERROR) continue;
      int64_t sent = std::strtoll(static_cast<const char*>(m->payload) + 4, nullptr, 10);
      lat.push_back(static_cast<double>(NowUs() - sent) / 1000.0);
    }
  });
  {
    KafkaPtr p = NewClient(RD_KAFKA_PRODUCER, bootstrap, {{"enable.idempotence", "true"}, {"linger.ms", "1"}});
    auto start = Clock::now();
    std::string value;
    for (int64_t i = 0; i < total; ++i) {
      auto due = start + std::chrono::microseconds(i * 1000000 / rate);
      if (due > Clock::now()) std::this_thread::sleep_until(due);
      value.assign("lat-").append(std::to_string(NowUs())).append("-");
      value.resize(200, 'x');
      std::string key = std::to_string(i);
      while (rd_kafka_producev(p.get(), RD_KAFKA_V_TOPIC(t.in.c_str()),
                               RD_KAFKA_V_KEY(key.data(), key.size()),
                               RD_KAFKA_V_VALUE(value.data(), value.size()),
                               RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END) ==
             RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        rd_kafka_poll(p.get(), 1);
      }
      rd_kafka_poll(p.get(), 0);
    }
    rd_kafka_flush(p.get(), 30000);
  }
  reader.join();
  stop = true;
  if (copier.joinable()) copier.join();
  if (svc) {
    svc->Terminate();
    svc->Wait(std::chrono::seconds(30));
  }
  r->latency_samples = lat.size();
  if (lat.empty()) return;
  std::sort(lat.begin(), lat.end());
  r->p50_ms = lat[lat.size() / 2];
  r->p99_ms = lat[std::min(lat.size() - 1, lat.size() * 99 / 100)];
}

int Run(const BrokerLocation& broker, const std::string& work) {
  const int64_t records = EnvInt("PAXSCREEN_BENCH_RECORDS", 200000);
  const int64_t rate = EnvInt("PAXSCREEN_BENCH_RATE", 5000);
  const int seconds = static_cast<int>(EnvInt("PAXSCREEN_BENCH_SECONDS", 5));
  std::printf("e2e bench: processor echo, 2 workers, commit interval 100 ms; throughput: %lld "
              "records of 200 B backlog; latency: %lld records/s for %d s\n",
              static_cast<long long>(records), static_cast<long long>(rate), seconds);
  const std::vector<std::string> kinds = {"copier", "exactly_once", "at_least_once"};
  std::vector<Result> results(kinds.size());
  for (size_t i = 0; i < kinds.size(); ++i) {
    results[i].records_per_s = Throughput(broker.bootstrap, kinds[i], work, records);
    Latency(broker.bootstrap, kinds[i], work, rate, seconds, &results[i]);
    std::printf("  %-14s %9.0f records/s   latency p50 %7.1f ms  p99 %7.1f ms  (%zu samples)\n",
                kinds[i].c_str(), results[i].records_per_s, results[i].p50_ms, results[i].p99_ms,
                results[i].latency_samples);
    std::fflush(stdout);
  }
  std::printf("  ratios to the broker ceiling (copier):\n");
  for (size_t i = 1; i < kinds.size(); ++i) {
    std::printf("  %-14s throughput %.2fx   p50 %.2fx   p99 %.2fx\n", kinds[i].c_str(),
                results[i].records_per_s / results[0].records_per_s,
                results[i].p50_ms / std::max(results[0].p50_ms, 1e-3),
                results[i].p99_ms / std::max(results[0].p99_ms, 1e-3));
  }
  bool complete = true;
  for (const Result& r : results) complete = complete && r.latency_samples == static_cast<size_t>(rate * seconds);
  if (!complete) std::printf("  WARNING: some latency records never arrived (see sample counts)\n");
  return complete ? 0 : 1;
}

}  // namespace
}  // namespace paxscreen::e2e

int main() { return paxscreen::e2e::RunServiceTest("e2e_bench", &paxscreen::e2e::Run); }
