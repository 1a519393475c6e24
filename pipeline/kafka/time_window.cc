#include "pipeline/kafka/time_window.h"

#include <chrono>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"

namespace paxscreen::kafka {

absl::StatusOr<std::vector<PartitionRange>> ResolveTimeWindow(
    Consumer& consumer, const std::vector<std::string>& topics, int64_t from_ms, int64_t to_ms,
    int timeout_ms) {
  if (to_ms < from_ms) {
    return absl::InvalidArgumentError(absl::StrCat("time window: to (", to_ms, ") is before from (", from_ms, ")"));
  }
  std::vector<TopicPartitionOffset> from_q, to_q;
  for (const auto& topic : topics) {
    auto count = consumer.PartitionCount(topic, timeout_ms);
    if (!count.ok()) return count.status();
    for (int p = 0; p < *count; ++p) {
      from_q.push_back({topic, p, from_ms});
      to_q.push_back({topic, p, to_ms});
    }
  }
  auto begins = consumer.OffsetsForTimes(from_q, timeout_ms);
  if (!begins.ok()) return begins.status();
  auto ends = consumer.OffsetsForTimes(to_q, timeout_ms);
  if (!ends.ok()) return ends.status();
  std::vector<PartitionRange> out;
  for (size_t i = 0; i < begins->size(); ++i) {
    const auto& b = (*begins)[i];
    const auto& e = (*ends)[i];
    auto wm = consumer.QueryWatermarks(b.topic, b.partition, timeout_ms);
    if (!wm.ok()) return wm.status();
    PartitionRange r{b.topic, b.partition, b.offset < 0 ? wm->second : b.offset,
                     e.offset < 0 ? wm->second : e.offset};
    if (r.end < r.begin) r.end = r.begin;
    out.push_back(std::move(r));
  }
  return out;
}

absl::Status ReadRanges(Consumer& consumer, const std::vector<PartitionRange>& ranges,
                        const std::function<void(const Message&)>& on_record,
                        const std::atomic<bool>* stop, int idle_timeout_ms) {
  std::map<std::pair<std::string, int32_t>, int64_t> end_of;  // partitions still being read
  std::vector<TopicPartitionOffset> assignment;
  for (const auto& r : ranges) {
    if (r.begin >= r.end) continue;
    end_of[{r.topic, r.partition}] = r.end;
    assignment.push_back({r.topic, r.partition, r.begin});
  }
  if (assignment.empty()) return absl::OkStatus();
  absl::Status s = consumer.Assign(assignment);
  if (!s.ok()) return s;
  auto last_progress = std::chrono::steady_clock::now();
  std::vector<Message> batch;
  while (!end_of.empty()) {
    if (stop != nullptr && stop->load()) return absl::CancelledError("replay window read stopped");
    batch.clear();
    consumer.PollBatch(1000, 100, &batch);
    for (const Message& m : batch) {
      if (!m.ok()) continue;
      auto it = end_of.find({m.topic(), m.partition()});
      if (it == end_of.end() || m.offset() >= it->second) continue;
      on_record(m);
      last_progress = std::chrono::steady_clock::now();
      if (m.offset() + 1 >= it->second) end_of.erase(it);
    }
    if (std::chrono::steady_clock::now() - last_progress > std::chrono::milliseconds(idle_timeout_ms)) {
      return absl::DeadlineExceededError(absl::StrCat("replay window: no progress for ", idle_timeout_ms,
                                                      " ms with ", end_of.size(), " partitions unfinished"));
    }
  }
  return consumer.Assign({});
}

}  // namespace paxscreen::kafka
