// Keeps the records in flight per input partition, in offset order, so that outputs are
// produced in input order and offsets are committed only for fully processed, contiguous
// prefixes, however the worker threads interleave.
//
//   tracker.Track(slot);                       // poller, in poll order
//   tracker.DrainCompleted([&](RecordSlot& s) { Produce(s.outcome); });  // heads that are done
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "pipeline/kafka/message.h"
#include "pipeline/kafka/types.h"
#include "pipeline/service/processor.h"

namespace paxscreen::service {

// Records polled together (for the batch latency histogram).
struct PollBatchInfo {
  std::chrono::steady_clock::time_point polled_at;
  size_t remaining = 0;  // records not yet drained; poller thread only
};

// One polled record and, once `done`, its outcome. Shared by the poller and one worker.
struct RecordSlot {
  kafka::Message message;
  kafka::TopicPartition tp;
  int64_t offset = 0;
  uint64_t epoch = 0;  // the loop's epoch when polled; stale after a rewind
  std::shared_ptr<PollBatchInfo> batch;
  ProcessOutcome outcome;
  std::atomic<bool> done{false};  // written by the worker (release), read by the poller (acquire)
};

// Poller-thread only (not thread-safe). Cost: O(1) per Track and per drained record, plus
// O(partitions) per drain pass.
class PartitionTracker {
 public:
  // Appends a record; offsets must increase per partition. The first record of a partition
  // with no known committed offset sets it (the consumer started there).
  void Track(std::shared_ptr<RecordSlot> slot);
  // Pops and passes to `fn` every done record at the head of its partition, in offset order.
  size_t DrainCompleted(const std::function<void(RecordSlot&)>& fn);
  size_t in_flight() const { return in_flight_; }

  // Partitions whose processed position moved past the committed one: (tp, next offset).
  std::vector<kafka::TopicPartitionOffset> PendingCommits() const;
  void MarkCommitted(const std::vector<kafka::TopicPartitionOffset>& offsets);
  // Where to seek to re-read everything not committed: (tp, committed next offset).
  std::vector<kafka::TopicPartitionOffset> RewindPositions() const;
  // Drops in-flight records and resets processed positions to the committed ones.
  void Rewind();
  // Forgets everything (revoked assignment).
  void Clear();
  // Next offset to process per partition (for lag); -1 when unknown.
  int64_t ProcessedNext(const kafka::TopicPartition& tp) const;
  std::vector<kafka::TopicPartition> Partitions() const;

 private:
  struct PartitionState {
    std::deque<std::shared_ptr<RecordSlot>> queue;
    int64_t committed_next = kafka::kOffsetInvalid;
    int64_t processed_next = kafka::kOffsetInvalid;
    int64_t polled_next = kafka::kOffsetInvalid;
  };
  std::map<kafka::TopicPartition, PartitionState> parts_;
  size_t in_flight_ = 0;
};

}  // namespace paxscreen::service
