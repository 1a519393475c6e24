// Kafka producer: plain (at-least-once) or transactional (exactly-once with the input offsets
// sent in the same transaction, KIP-98 / KIP-447).
//
//   PAX_ASSIGN_OR_RETURN(auto p, kafka::Producer::Create(props, {.transactional_id = "ps-1"}));
//   p->InitTransactions(30000); p->BeginTransaction(); p->Produce({...}); p->CommitTransaction();
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pipeline/kafka/types.h"

struct rd_kafka_s;

namespace paxscreen::kafka {

class Consumer;

struct ProducerOptions {
  // Non-empty: a transactional producer (enable.idempotence is implied by librdkafka).
  std::string transactional_id;
};

// One record to produce. A nullopt key/value is sent as null (a value of nullopt: tombstone).
struct OutRecord {
  std::string_view topic;
  std::optional<std::string_view> key;
  std::optional<std::string_view> value;
  const std::vector<Header>* headers = nullptr;
  int32_t partition = -1;  // -1: the partitioner picks from the key
};

// Owns one rd_kafka_t producer. Produce/Poll/Flush are thread-safe (librdkafka's guarantee);
// the transaction calls must come from one thread at a time.
class Producer {
 public:
  static absl::StatusOr<std::unique_ptr<Producer>> Create(const Properties& props,
                                                          const ProducerOptions& options);
  ~Producer();
  Producer(const Producer&) = delete;
  Producer& operator=(const Producer&) = delete;

  bool transactional() const { return !options_.transactional_id.empty(); }

  // Enqueues a record (copying key, value and headers); waits for queue space up to
  // `queue_full_wait_ms`. Delivery is reported through delivered()/failed().
  absl::Status Produce(const OutRecord& record, int queue_full_wait_ms = 10000);

  KafkaResult InitTransactions(int timeout_ms);
  KafkaResult BeginTransaction();
  // Adds the consumer's offsets (next offset to read, per partition) to the transaction,
  // with the consumer's group metadata so the broker can fence zombies (KIP-447).
  KafkaResult SendOffsetsToTransaction(const std::vector<TopicPartitionOffset>& offsets,
                                       const Consumer& consumer, int timeout_ms);
  KafkaResult CommitTransaction(int timeout_ms);
  KafkaResult AbortTransaction(int timeout_ms);

  // Serves delivery reports.
  void Poll(int timeout_ms);
  // Waits until every queued record is delivered or failed.
  absl::Status Flush(int timeout_ms);
  // Outstanding (queued or in-flight) records.
  int OutQueueLength() const;

  // Delivery report counters since creation.
  uint64_t delivered() const { return delivered_.load(std::memory_order_relaxed); }
  uint64_t failed() const { return failed_.load(std::memory_order_relaxed); }
  // The first delivery error seen, for messages (no payloads).
  std::string last_delivery_error() const;

  // A fatal error raised by librdkafka (e.g. fenced idempotent producer), or OK.
  absl::Status FatalError() const;

 private:
  Producer(ProducerOptions options) : options_(std::move(options)) {}
  static void OnDelivery(rd_kafka_s* rk, const void* msg, void* opaque);

  ProducerOptions options_;
  rd_kafka_s* rk_ = nullptr;  // owned; destroyed in ~Producer
  std::atomic<uint64_t> delivered_{0};
  std::atomic<uint64_t> failed_{0};
  std::atomic<int> last_error_code_{0};
};

}  // namespace paxscreen::kafka
