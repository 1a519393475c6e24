// Replay support: turns a time window [from, to) into offset ranges per partition
// (rd_kafka_offsets_for_times, the broker's time index) and reads exactly those ranges.
//
//   PAX_ASSIGN_OR_RETURN(auto ranges, kafka::ResolveTimeWindow(*consumer, {"passengers"}, t0, t1));
//   PAX_RETURN_IF_ERROR(kafka::ReadRanges(*consumer, ranges, [](const kafka::Message& m) { ... }));
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pipeline/kafka/consumer.h"
#include "pipeline/kafka/types.h"

namespace paxscreen::kafka {

// Offsets [begin, end) of one partition. begin == end: nothing in the window.
struct PartitionRange {
  std::string topic;
  int32_t partition = 0;
  int64_t begin = 0;
  int64_t end = 0;
  friend bool operator==(const PartitionRange&, const PartitionRange&) = default;
};

// For every partition of `topics`: begin = first offset with timestamp >= from_ms, end = first
// offset with timestamp >= to_ms (the high watermark when there is none). Blocking; one
// metadata, one offsets-for-times round per bound and one watermark query per partition.
absl::StatusOr<std::vector<PartitionRange>> ResolveTimeWindow(Consumer& consumer,
                                                              const std::vector<std::string>& topics,
                                                              int64_t from_ms, int64_t to_ms,
                                                              int timeout_ms = 10000);

// Assigns `consumer` (not subscribed; any group.id) to the ranges and calls `on_record` for
// every record in them, returning when all ranges are read, `stop` becomes true, or no
// progress is made for `idle_timeout_ms`. The callback runs on the calling thread.
absl::Status ReadRanges(Consumer& consumer, const std::vector<PartitionRange>& ranges,
                        const std::function<void(const Message&)>& on_record,
                        const std::atomic<bool>* stop = nullptr, int idle_timeout_ms = 30000);

}  // namespace paxscreen::kafka
