#include "pipeline/service/partition_tracker.h"

namespace paxscreen::service {

void PartitionTracker::Track(std::shared_ptr<RecordSlot> slot) {
  PartitionState& p = parts_[slot->tp];
  if (p.committed_next == kafka::kOffsetInvalid) p.committed_next = slot->offset;
  if (p.processed_next == kafka::kOffsetInvalid) p.processed_next = slot->offset;
  p.polled_next = slot->offset + 1;
  p.queue.push_back(std::move(slot));
  ++in_flight_;
}

size_t PartitionTracker::DrainCompleted(const std::function<void(RecordSlot&)>& fn) {
  size_t n = 0;
  for (auto& [tp, p] : parts_) {
    while (!p.queue.empty() && p.queue.front()->done.load(std::memory_order_acquire)) {
      std::shared_ptr<RecordSlot> slot = std::move(p.queue.front());
      p.queue.pop_front();
      --in_flight_;
      ++n;
      p.processed_next = slot->offset + 1;
      fn(*slot);
    }
  }
  return n;
}

std::vector<kafka::TopicPartitionOffset> PartitionTracker::PendingCommits() const {
  std::vector<kafka::TopicPartitionOffset> out;
  for (const auto& [tp, p] : parts_) {
    if (p.processed_next >= 0 && p.processed_next != p.committed_next) {
      out.push_back({tp.topic, tp.partition, p.processed_next});
    }
  }
  return out;
}

void PartitionTracker::MarkCommitted(const std::vector<kafka::TopicPartitionOffset>& offsets) {
  for (const auto& o : offsets) {
    auto it = parts_.find({o.topic, o.partition});
    if (it != parts_.end()) it->second.committed_next = o.offset;
  }
}

std::vector<kafka::TopicPartitionOffset> PartitionTracker::RewindPositions() const {
  std::vector<kafka::TopicPartitionOffset> out;
  for (const auto& [tp, p] : parts_) {
    if (p.committed_next >= 0) out.push_back({tp.topic, tp.partition, p.committed_next});
  }
  return out;
}

void PartitionTracker::Rewind() {
  for (auto& [tp, p] : parts_) {
    p.queue.clear();
    p.processed_next = p.committed_next;
    p.polled_next = p.committed_next;
  }
  in_flight_ = 0;
}

void PartitionTracker::Clear() {
  parts_.clear();
  in_flight_ = 0;
}

int64_t PartitionTracker::ProcessedNext(const kafka::TopicPartition& tp) const {
  auto it = parts_.find(tp);
  return it == parts_.end() ? -1 : it->second.processed_next;
}

std::vector<kafka::TopicPartition> PartitionTracker::Partitions() const {
  std::vector<kafka::TopicPartition> out;
  for (const auto& [tp, p] : parts_) out.push_back(tp);
  return out;
}

}  // namespace paxscreen::service
