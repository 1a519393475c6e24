// Reads a compacted topic (watchlist changes, cleared pairs) from the beginning to the end
// offsets seen at start, reports "caught up", then keeps following new records. Every record
// goes to a callback as (key, value); a null or empty value is a delete (tombstone).
//
//   auto r = kafka::CompactedTopicReader::Create(props, "watchlist");
//   (*r)->Start([&](auto key, auto value) { Apply(key, value); }, [&] { ready = true; });
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pipeline/kafka/consumer.h"
#include "pipeline/kafka/types.h"

namespace paxscreen::kafka {

// Called on the reader's thread, in offset order per partition.
using CompactedRecordFn =
    std::function<void(std::optional<std::string_view> key, std::optional<std::string_view> value)>;

inline bool IsTombstone(const std::optional<std::string_view>& value) {
  return !value.has_value() || value->empty();
}

// Owns a manually assigned consumer (no group membership, nothing committed) and a thread.
// Start/Stop/WaitCaughtUp are thread-safe. The partition count is taken at Start.
class CompactedTopicReader {
 public:
  // `props`: connection properties (bootstrap, TLS, SASL). The reader adds its own group.id
  // (needed by librdkafka for assign, never committed), read_committed and partition EOFs.
  static absl::StatusOr<std::unique_ptr<CompactedTopicReader>> Create(const Properties& props,
                                                                      const std::string& topic);
  ~CompactedTopicReader();

  // Assigns every partition at the beginning and starts the reading thread.
  absl::Status Start(CompactedRecordFn on_record, std::function<void()> on_caught_up = {});
  // True once every partition reached the end offsets it had at Start and `on_caught_up` has
  // returned (waits up to timeout).
  bool WaitCaughtUp(int timeout_ms);
  bool caught_up() const { return caught_up_.load(); }
  uint64_t records_read() const { return records_.load(); }
  void Stop();

 private:
  CompactedTopicReader(std::unique_ptr<Consumer> c, std::string topic)
      : consumer_(std::move(c)), topic_(std::move(topic)) {}
  void Loop();

  std::unique_ptr<Consumer> consumer_;
  std::string topic_;
  int partitions_ = 0;
  CompactedRecordFn on_record_;
  std::function<void()> on_caught_up_;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> caught_up_{false};
  std::atomic<uint64_t> records_{0};
  std::mutex mu_;
  std::condition_variable cv_;
};

}  // namespace paxscreen::kafka
