// Kafka consumer: a group member (Subscribe, eager rebalance protocol) or a manually assigned
// reader (Assign; for compacted topics and replay windows). Offsets are never auto-committed
// by the wrapper's callers: the service commits them itself (CommitSync or in a transaction).
//
//   PAX_ASSIGN_OR_RETURN(auto c, kafka::Consumer::Create(props, {.on_rebalance = handler}));
//   c->Subscribe({"passengers"}); std::vector<kafka::Message> batch; c->PollBatch(500, 100, &batch);
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pipeline/kafka/message.h"
#include "pipeline/kafka/types.h"

struct rd_kafka_s;

namespace paxscreen::kafka {

struct RebalanceEvent {
  enum class Kind { kAssign, kRevoke };
  Kind kind = Kind::kAssign;
  std::vector<TopicPartition> partitions;
  bool lost = false;  // revoked because the assignment was lost (session timeout, fencing)
};

struct ConsumerOptions {
  // Called from inside PollBatch on the polling thread, before the assignment changes (revoke:
  // finish and commit in-flight work here; assign: reset per-partition state).
  std::function<void(const RebalanceEvent&)> on_rebalance;
};

// Owns one rd_kafka_t consumer. Not thread-safe: use it from one thread (the poller), except
// the const watermark/lag queries, which librdkafka allows from any thread.
class Consumer {
 public:
  static absl::StatusOr<std::unique_ptr<Consumer>> Create(const Properties& props,
                                                          ConsumerOptions options = {});
  ~Consumer();
  Consumer(const Consumer&) = delete;
  Consumer& operator=(const Consumer&) = delete;

  absl::Status Subscribe(const std::vector<std::string>& topics);
  // Manual assignment at the given offsets (no group membership needed).
  absl::Status Assign(const std::vector<TopicPartitionOffset>& partitions);

  // Appends up to `max` messages (records and error events) to `out`: waits up to
  // `timeout_ms` for the first one, then takes what is already fetched.
  void PollBatch(size_t max, int timeout_ms, std::vector<Message>* out);

  // Moves the fetch position of assigned partitions (drops prefetched records).
  absl::Status Seek(const std::vector<TopicPartitionOffset>& positions, int timeout_ms);
  absl::StatusOr<std::vector<TopicPartitionOffset>> Committed(
      const std::vector<TopicPartition>& partitions, int timeout_ms);
  absl::Status CommitSync(const std::vector<TopicPartitionOffset>& offsets);
  absl::StatusOr<std::vector<TopicPartition>> Assignment() const;

  // Low/high watermarks from the broker (blocking) or from the last fetch (cached, cheap).
  absl::StatusOr<std::pair<int64_t, int64_t>> QueryWatermarks(const std::string& topic,
                                                              int32_t partition, int timeout_ms);
  bool CachedWatermarks(const std::string& topic, int32_t partition, int64_t* low,
                        int64_t* high) const;
  absl::StatusOr<int> PartitionCount(const std::string& topic, int timeout_ms);
  // For each (topic, partition, timestamp ms): the earliest offset whose timestamp is >= it,
  // or kOffsetEnd when none (rd_kafka_offsets_for_times).
  absl::StatusOr<std::vector<TopicPartitionOffset>> OffsetsForTimes(
      const std::vector<TopicPartitionOffset>& timestamps, int timeout_ms);

  // Leaves the group (revoke callback runs) and stops fetching. Idempotent.
  absl::Status Close();
  // A fatal consumer error (e.g. static member fenced), or OK.
  absl::Status FatalError() const;
  std::string MemberId() const;

 private:
  friend class Producer;  // needs the handle for the group metadata
  Consumer() = default;
  rd_kafka_s* raw() const { return rk_; }
  static void OnRebalance(rd_kafka_s* rk, int err, void* partitions, void* opaque);

  ConsumerOptions options_;
  rd_kafka_s* rk_ = nullptr;  // owned
  bool closed_ = false;
};

}  // namespace paxscreen::kafka
