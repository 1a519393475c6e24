#include "pipeline/kafka/compacted_reader.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <vector>

#include "absl/strings/str_cat.h"

namespace paxscreen::kafka {

absl::StatusOr<std::unique_ptr<CompactedTopicReader>> CompactedTopicReader::Create(
    const Properties& props, const std::string& topic) {
  static std::atomic<int> counter{0};
  Properties all = props;
  all.push_back({"group.id", absl::StrCat("paxscreen-compacted-reader-", ::getpid(), "-",
                                          counter.fetch_add(1))});
  all.push_back({"enable.auto.commit", "false"});
  all.push_back({"enable.auto.offset.store", "false"});
  all.push_back({"enable.partition.eof", "true"});
  all.push_back({"isolation.level", "read_committed"});
  auto consumer = Consumer::Create(all);
  if (!consumer.ok()) return consumer.status();
  return std::unique_ptr<CompactedTopicReader>(
      new CompactedTopicReader(std::move(*consumer), topic));
}

CompactedTopicReader::~CompactedTopicReader() { Stop(); }

absl::Status CompactedTopicReader::Start(CompactedRecordFn on_record,
                                         std::function<void()> on_caught_up) {
  auto count = consumer_->PartitionCount(topic_, 10000);
  if (!count.ok()) return count.status();
  partitions_ = *count;
  std::vector<TopicPartitionOffset> assignment;
  for (int p = 0; p < partitions_; ++p) assignment.push_back({topic_, p, kOffsetBeginning});
  absl::Status s = consumer_->Assign(assignment);
  if (!s.ok()) return s;
  on_record_ = std::move(on_record);
  on_caught_up_ = std::move(on_caught_up);
  thread_ = std::thread([this] { Loop(); });
  return absl::OkStatus();
}

void CompactedTopicReader::Loop() {
  // A partition is at its end when librdkafka reports EOF (fetch position == high watermark,
  // or the last stable offset under read_committed); control records need no special case.
  std::vector<bool> at_end(partitions_, false);
  int ends = 0;
  std::vector<Message> batch;
  while (!stop_.load()) {
    batch.clear();
    consumer_->PollBatch(1000, 100, &batch);
    for (Message& m : batch) {
      if (m.ok()) {
        records_.fetch_add(1, std::memory_order_relaxed);
        on_record_(m.key(), m.value());
      } else if (m.is_partition_eof()) {
        const int p = m.partition();
        if (p >= 0 && p < partitions_ && !at_end[p]) {
          at_end[p] = true;
          ++ends;
        }
      } else {
        Log(4, "compacted-reader", absl::StrCat(topic_, ": ", m.error().ToString()));
      }
    }
    if (!caught_up_.load() && ends == partitions_) {
      // The callback runs first, so WaitCaughtUp() returns only after it has.
      if (on_caught_up_) on_caught_up_();
      {
        std::lock_guard<std::mutex> lock(mu_);
        caught_up_.store(true);
      }
      cv_.notify_all();
    }
  }
}

bool CompactedTopicReader::WaitCaughtUp(int timeout_ms) {
  std::unique_lock<std::mutex> lock(mu_);
  return cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                      [this] { return caught_up_.load(); });
}

void CompactedTopicReader::Stop() {
  stop_.store(true);
  if (thread_.joinable()) thread_.join();
}

}  // namespace paxscreen::kafka
