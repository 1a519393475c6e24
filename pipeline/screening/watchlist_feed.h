// The live watchlist of the screening service: entries from files at start and/or a compacted
// topic (key = entry id, value = entry JSON, empty value = delete), applied to a Screener in
// batches every `apply_interval_ms` as shard snapshot swaps, with a version string that names
// exactly the set of entries a record was screened against.
//
//   auto feed = WatchlistFeed::Create(options, client_props, &metrics);
//   PAX_RETURN_IF_ERROR((*feed)->Start());  ...  auto r = (*feed)->Screen(record, &problems);
//
// Version: screen::WatchlistVersion of the current entries ("wl-" + XXH3 over the entries in
// entry_id order), so it depends only on the content: two instances (or `paxscreen screen` on
// the same files) that hold the same entries give the same version, and with it the same
// event ids. It is recomputed after every applied batch (O(entries)).
//
// Consistency: a sequence counter is odd while a batch is being applied. Screen() reads it
// before and after screening; a record that overlapped an apply is screened again once the
// apply is done, so an event's watchlist_version always names the snapshot that produced it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "matcher/screen/screener.h"
#include "pipeline/kafka/compacted_reader.h"
#include "pipeline/kafka/types.h"
#include "pipeline/screening/options.h"
#include "pipeline/service/metrics.h"

namespace paxscreen::screening {

struct ScreenResult {
  std::vector<screen::Match> matches;
  std::shared_ptr<const std::string> version;
};

// Owns the Screener, the topic reader and the applier thread. Screen(), ready(), version()
// are thread-safe; Start() and Stop() are called once each from one thread.
class WatchlistFeed {
 public:
  // `metrics` may be null; else the feed keeps paxscreen_index_* and paxscreen_watchlist_*.
  WatchlistFeed(ScreeningOptions options, kafka::Properties client_props,
                service::MetricsRegistry* metrics);
  ~WatchlistFeed();
  WatchlistFeed(const WatchlistFeed&) = delete;
  WatchlistFeed& operator=(const WatchlistFeed&) = delete;

  // Loads the files (or fixed entries) now; a file that cannot be read is an error. Then
  // starts the topic reader and the applier thread.
  absl::Status Start();
  void Stop();
  // True after the files are loaded and the topic (if any) is caught up and applied.
  bool ready() const { return ready_.load(); }

  ScreenResult Screen(const model::PassengerRecord& record, std::vector<std::string>* problems,
                      screen::ScreenStats* stats) const;

  std::shared_ptr<const std::string> version() const { return version_.load(); }
  uint64_t generation() const { return generation_.load(); }  // +1 per applied batch
  size_t entry_count() const { return screener_.entry_count(); }
  uint64_t rejected_changes() const { return rejected_.load(); }
  const screen::Screener& screener() const { return screener_; }

 private:
  struct Change {
    std::string key;
    std::optional<std::string> value;  // nullopt: tombstone
  };
  void ApplierLoop();
  void ApplyBatch(std::vector<Change> batch);
  void Publish(std::string version);  // new version + gauges, under the sequence lock

  ScreeningOptions options_;
  kafka::Properties props_;
  screen::Screener screener_;
  absl::flat_hash_map<std::string, model::WatchlistEntry> entries_;  // applier thread only

  std::unique_ptr<kafka::CompactedTopicReader> reader_;
  std::thread applier_;
  std::mutex mu_;  // pending_, caught_up_seen_, stop_, and the odd/even transitions of seq_
  std::condition_variable cv_;
  mutable std::condition_variable apply_done_;
  mutable std::mutex wait_mu_;
  std::vector<Change> pending_;
  bool caught_up_seen_ = false;
  bool stop_ = false;

  std::atomic<uint64_t> seq_{0};
  std::atomic<std::shared_ptr<const std::string>> version_;
  std::atomic<uint64_t> generation_{0};
  std::atomic<uint64_t> rejected_{0};
  std::atomic<bool> ready_{false};

  service::Gauge* g_entries_ = nullptr;
  service::Gauge* g_names_ = nullptr;
  service::Gauge* g_bytes_ = nullptr;
  service::Gauge* g_generation_ = nullptr;
  service::Gauge* g_updated_ = nullptr;
  service::Counter* c_changes_ = nullptr;
  service::Counter* c_rejected_ = nullptr;
};

}  // namespace paxscreen::screening
