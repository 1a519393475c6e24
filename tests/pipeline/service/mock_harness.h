// Test helpers around the librdkafka mock cluster: produce an input feed, read a topic back,
// wait for a condition with a bound (no fixed sleeps).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "pipeline/kafka/consumer.h"
#include "pipeline/kafka/message.h"
#include "pipeline/kafka/mock_cluster.h"
#include "pipeline/kafka/producer.h"
#include "pipeline/service/config.h"

namespace paxscreen::testing {

struct ReadRecord {
  std::string topic;
  int32_t partition = 0;
  int64_t offset = 0;
  std::string key;
  std::string value;
  std::vector<kafka::Header> headers;
};

// Polls `cond` every 5 ms until true or `timeout_ms`; returns its last value.
inline bool WaitFor(const std::function<bool()>& cond, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!cond()) {
    if (std::chrono::steady_clock::now() > deadline) return cond();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

inline kafka::Properties BaseProps(const kafka::MockCluster& c) {
  return {{"bootstrap.servers", c.bootstrap_servers()}, {"log_level", "3"}};
}

// Produces (key, value) pairs to explicit partitions and waits for delivery.
inline void ProduceAll(const kafka::MockCluster& c, const std::string& topic,
                       const std::vector<std::tuple<int32_t, std::string, std::string>>& records) {
  auto p = kafka::Producer::Create(BaseProps(c), {});
  if (!p.ok()) throw std::runtime_error(std::string(p.status().message()));
  std::vector<kafka::Header> hdrs = {{"trace", "t1"}};
  for (const auto& [part, key, value] : records) {
    auto s = (*p)->Produce({topic, std::string_view(key), std::string_view(value), &hdrs, part});
    if (!s.ok()) throw std::runtime_error(std::string(s.message()));
  }
  auto s = (*p)->Flush(10000);
  if (!s.ok() || (*p)->failed() != 0) throw std::runtime_error("input produce failed");
}

// Reads `topic` (all `partitions`) from the beginning until `expected` records or timeout.
// Reads `topic` from the beginning until `done(records so far)` holds or the time is up.
inline std::vector<ReadRecord> ReadTopicUntil(
    const kafka::MockCluster& c, const std::string& topic, int partitions,
    const std::function<bool(const std::vector<ReadRecord>&)>& done, int timeout_ms);

// Distinct values among `records`: with duplicates (at-least-once, or aborted transactions,
// which the mock shows), a count of records is no proof that every input arrived.
inline size_t DistinctValues(const std::vector<ReadRecord>& records) {
  std::set<std::string> seen;
  for (const auto& r : records) seen.insert(r.value);
  return seen.size();
}

inline std::vector<ReadRecord> ReadTopic(const kafka::MockCluster& c, const std::string& topic,
                                         int partitions, size_t expected, int timeout_ms) {
  return ReadTopicUntil(
      c, topic, partitions,
      [expected](const std::vector<ReadRecord>& out) { return out.size() >= expected; },
      timeout_ms);
}

inline std::vector<ReadRecord> ReadTopicUntil(
    const kafka::MockCluster& c, const std::string& topic, int partitions,
    const std::function<bool(const std::vector<ReadRecord>&)>& done, int timeout_ms) {
  static int n = 0;
  kafka::Properties props = BaseProps(c);
  props.push_back({"group.id", absl::StrCat("verifier-", n++)});
  props.push_back({"enable.auto.commit", "false"});
  auto consumer = kafka::Consumer::Create(props);
  std::vector<kafka::TopicPartitionOffset> assign;
  for (int p = 0; p < partitions; ++p) assign.push_back({topic, p, kafka::kOffsetBeginning});
  (void)(*consumer)->Assign(assign);
  std::vector<ReadRecord> out;
  WaitFor([&] {
    std::vector<kafka::Message> batch;
    (*consumer)->PollBatch(1000, 20, &batch);
    for (auto& m : batch) {
      if (!m.ok()) continue;
      out.push_back({m.topic(), m.partition(), m.offset(), std::string(m.key().value_or("")),
                     std::string(m.value().value_or("")), m.headers()});
    }
    return done(out);
  }, timeout_ms);
  return out;
}

inline std::string HeaderValue(const ReadRecord& r, const std::string& key) {
  for (const auto& h : r.headers) if (h.key == key) return h.value;
  return "<missing>";
}

// A service config for the mock cluster with the echo processor.
inline service::ServiceConfig MockConfig(const kafka::MockCluster& c, const std::string& group,
                                         service::DeliveryMode mode) {
  service::ServiceConfig cfg;
  cfg.input_topics = {"in"};
  cfg.output_topic = "out";
  cfg.dlq_topic = "dlq";
  cfg.mode = mode;
  cfg.transactional_id = group + "-txn";
  cfg.workers = 3;
  cfg.poll_batch = 200;
  cfg.commit_interval_ms = 50;
  cfg.shutdown_timeout_ms = 5000;
  cfg.http_listen = "127.0.0.1:0";
  cfg.kafka_common = {{"bootstrap.servers", c.bootstrap_servers()}, {"log_level", "3"}};
  cfg.kafka_consumer = {{"group.id", group}, {"session.timeout.ms", "6000"},
                        {"heartbeat.interval.ms", "500"}};
  return cfg;
}

}  // namespace paxscreen::testing
