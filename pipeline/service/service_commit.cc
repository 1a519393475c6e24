// StreamService: commits, aborts, rewinds and rebalances (the correctness-critical half).
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "pipeline/service/log.h"
#include "pipeline/service/service.h"

namespace paxscreen::service {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kTxnRetries = 5;

}  // namespace

void StreamService::CommitTransactional(const std::vector<kafka::TopicPartitionOffset>& pending) {
  const auto start = Clock::now();
  if (!txn_open_) {
    kafka::KafkaResult r = producer_->BeginTransaction();
    if (!r.ok()) {
      if (r.kind == kafka::ErrorKind::kFatal) return Fail(r.status);
      return AbortAndRewind(r.status);
    }
    txn_open_ = true;
  }
  // The offsets are the next records to read of the drained prefixes; the group metadata
  // lets the coordinator reject a zombie that lost its partitions (KIP-447).
  kafka::KafkaResult r;
  for (int attempt = 0; attempt <= kTxnRetries; ++attempt) {
    r = producer_->SendOffsetsToTransaction(pending, *consumer_, 30000);
    if (r.kind != kafka::ErrorKind::kRetriable) break;
  }
  if (r.ok()) {
    for (int attempt = 0; attempt <= kTxnRetries; ++attempt) {
      r = producer_->CommitTransaction(-1);  // -1: the remaining transaction timeout (resumable)
      if (r.kind != kafka::ErrorKind::kRetriable) break;
    }
  }
  if (!r.ok()) {
    if (r.kind == kafka::ErrorKind::kFatal) return Fail(r.status);
    return AbortAndRewind(r.status);
  }
  txn_open_ = false;
  tracker_.MarkCommitted(pending);
  drained_since_commit_ = 0;
  m_.txn_committed->Increment();
  m_.commit_latency->Observe(std::chrono::duration<double>(Clock::now() - start).count());
}

void StreamService::CommitAtLeastOnce(const std::vector<kafka::TopicPartitionOffset>& pending) {
  const auto start = Clock::now();
  // Offsets may only move past records whose outputs are durably written.
  absl::Status s = producer_->Flush(30000);
  const uint64_t failed = producer_->failed();
  if (!s.ok() || failed != failed_deliveries_seen_) {
    failed_deliveries_seen_ = failed;
    return AbortAndRewind(s.ok() ? absl::UnavailableError(absl::StrCat(
                                       "delivery failed: ", producer_->last_delivery_error()))
                                 : s);
  }
  s = consumer_->CommitSync(pending);
  if (!s.ok()) {
    // Not data loss: the offsets stay pending and the next commit retries them.
    Log(LogLevel::kWarn, absl::StrCat("offset commit failed, will retry: ", s.message()));
    return;
  }
  tracker_.MarkCommitted(pending);
  drained_since_commit_ = 0;
  m_.offset_commits->Increment();
  m_.commit_latency->Observe(std::chrono::duration<double>(Clock::now() - start).count());
}

void StreamService::AbortAndRewind(const absl::Status& reason) {
  const std::vector<kafka::TopicPartitionOffset> positions = tracker_.RewindPositions();
  Log(LogLevel::kWarn, absl::StrCat("rewinding ", positions.size(),
                                    " partitions to the committed offsets after: ", reason.message()));
  epoch_.fetch_add(1);  // workers skip records polled before this point
  pool_->DropQueued();
  tracker_.Rewind();
  drained_since_commit_ = 0;
  if (config_.mode == DeliveryMode::kExactlyOnce && txn_open_) {
    kafka::KafkaResult r;
    for (int attempt = 0; attempt <= kTxnRetries; ++attempt) {
      r = producer_->AbortTransaction(-1);
      if (r.kind != kafka::ErrorKind::kRetriable) break;
    }
    if (!r.ok()) return Fail(absl::AbortedError(absl::StrCat("cannot abort the transaction: ", r.status.message())));
    txn_open_ = false;
    m_.txn_aborted->Increment();
  }
  m_.rewinds->Increment();
  absl::Status s = consumer_->Seek(positions, 10000);
  if (!s.ok() && !closing_) {
    // Going on would skip records; stopping is safe because nothing past them is committed.
    Fail(absl::AbortedError(absl::StrCat("cannot rewind the input: ", s.message())));
  }
}

bool StreamService::FinishInFlight(Clock::time_point deadline) {
  while (tracker_.in_flight() > 0 && Clock::now() < deadline && failure_.ok()) {
    const uint64_t seen = pool_->completions();
    Drain();
    if (tracker_.in_flight() > 0) pool_->WaitForCompletion(seen, 10);
  }
  return tracker_.in_flight() == 0;
}

void StreamService::OnRebalance(const kafka::RebalanceEvent& ev) {
  m_.rebalances->Increment();
  if (ev.kind == kafka::RebalanceEvent::Kind::kAssign) {
    tracker_.Clear();
    Log(LogLevel::kInfo, absl::StrCat("assigned ", ev.partitions.size(), " partitions"));
    return;
  }
  Log(LogLevel::kInfo, absl::StrCat(ev.lost ? "lost " : "revoked ", ev.partitions.size(), " partitions"));
  if (!ev.lost && !closing_ && failure_.ok() && pool_) {
    // Eager protocol: everything is revoked at once. Finish and commit what we hold so the
    // next owner starts exactly after it.
    FinishInFlight(Clock::now() + std::chrono::milliseconds(config_.shutdown_timeout_ms));
    if (failure_.ok()) Commit();
  } else if (ev.lost && txn_open_ && config_.mode == DeliveryMode::kExactlyOnce) {
    // Our offsets would be rejected; the new owner re-reads from the committed offsets.
    kafka::KafkaResult r = producer_->AbortTransaction(-1);
    if (r.kind == kafka::ErrorKind::kFatal) Fail(r.status);
    txn_open_ = false;
    m_.txn_aborted->Increment();
  }
  epoch_.fetch_add(1);
  if (pool_) pool_->DropQueued();
  tracker_.Clear();
}

void StreamService::UpdateLag() {
  int64_t lag = 0;
  for (const auto& tp : tracker_.Partitions()) {
    int64_t low = 0, high = 0;
    const int64_t next = tracker_.ProcessedNext(tp);
    if (next >= 0 && consumer_->CachedWatermarks(tp.topic, tp.partition, &low, &high)) {
      lag += std::max<int64_t>(0, high - next);
    }
  }
  m_.lag->Set(static_cast<double>(lag));
}

}  // namespace paxscreen::service
