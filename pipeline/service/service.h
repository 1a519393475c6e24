// The streaming service: a consumer group on the input topics, batched polling, N worker
// threads running the Processor, outputs and dead letters produced in input order per
// partition, offsets committed for processed prefixes only — inside the producer's
// transaction (exactly-once) or after the outputs are delivered (at-least-once).
//
//   StreamService service(config, std::move(processor));
//   absl::Status s = service.Run(&g_signal_stop);   // blocks until stopped or failed
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "pipeline/kafka/consumer.h"
#include "pipeline/kafka/producer.h"
#include "pipeline/service/config.h"
#include "pipeline/service/http_server.h"
#include "pipeline/service/metrics.h"
#include "pipeline/service/partition_tracker.h"
#include "pipeline/service/processor.h"
#include "pipeline/service/worker_pool.h"

namespace paxscreen::service {

// DLQ header names (values are UTF-8 text; partition and offset in decimal).
inline constexpr char kHeaderErrorClass[] = "paxscreen.error.class";
inline constexpr char kHeaderErrorMessage[] = "paxscreen.error.message";
inline constexpr char kHeaderSourceTopic[] = "paxscreen.source.topic";
inline constexpr char kHeaderSourcePartition[] = "paxscreen.source.partition";
inline constexpr char kHeaderSourceOffset[] = "paxscreen.source.offset";

// Owns the processor, the Kafka clients, the workers and the HTTP endpoint. Run() from one
// thread; RequestStop(), ready(), http_port() and metrics() from any thread.
class StreamService {
 public:
  StreamService(ServiceConfig config, std::unique_ptr<Processor> processor);
  ~StreamService();
  StreamService(const StreamService&) = delete;
  StreamService& operator=(const StreamService&) = delete;

  // Runs until RequestStop() or *external_stop (a signal flag) is set — then finishes the
  // in-flight records, commits and closes within service.shutdown_timeout_ms and returns OK —
  // or until a fatal error (fenced, unauthorized, cannot rewind), returned as an error.
  absl::Status Run(const std::atomic<bool>* external_stop = nullptr);
  void RequestStop() { stop_.store(true); }

  bool ready() const;
  int http_port() const { return http_port_.load(); }
  MetricsRegistry& metrics() { return metrics_; }

 private:
  enum class State { kStarting, kRunning, kStopping, kStopped, kFailed };
  struct Metrics {
    Counter* records_in;
    Counter* records_processed;
    Counter* records_out;
    Counter* dlq;
    Counter* txn_committed;
    Counter* txn_aborted;
    Counter* offset_commits;
    Counter* rewinds;
    Counter* rebalances;
    Counter* consumer_errors;
    Gauge* lag;
    Gauge* in_flight;
    Gauge* ready;
    Histogram* batch_latency;
    Histogram* record_latency;
    Histogram* commit_latency;
  };

  bool StopRequested() const;
  absl::Status Setup();
  absl::Status Loop();
  void Teardown();
  void PollOnce();
  void Drain();
  void Emit(RecordSlot& slot);
  void ProcessSlot(RecordSlot& slot);
  void MaybeCommit(bool force);
  void Commit();
  void CommitTransactional(const std::vector<kafka::TopicPartitionOffset>& pending);
  void CommitAtLeastOnce(const std::vector<kafka::TopicPartitionOffset>& pending);
  void AbortAndRewind(const absl::Status& reason);
  bool FinishInFlight(std::chrono::steady_clock::time_point deadline);
  void OnRebalance(const kafka::RebalanceEvent& event);
  void UpdateLag();
  void Fail(const absl::Status& status);
  HttpResponse HandleHttp(const HttpRequest& request);

  ServiceConfig config_;
  std::unique_ptr<Processor> processor_;
  MetricsRegistry metrics_;
  Metrics m_{};
  std::unique_ptr<HttpServer> http_;
  std::unique_ptr<kafka::Producer> producer_;
  std::unique_ptr<kafka::Consumer> consumer_;
  std::unique_ptr<WorkerPool> pool_;
  PartitionTracker tracker_;
  std::vector<kafka::Message> batch_;

  const std::atomic<bool>* external_stop_ = nullptr;
  std::atomic<bool> stop_{false};
  std::atomic<uint64_t> epoch_{0};
  std::atomic<int> http_port_{0};
  std::atomic<State> state_{State::kStarting};
  bool processor_started_ = false;
  bool txn_open_ = false;
  bool closing_ = false;
  absl::Status emit_error_;  // first produce error of a drain pass
  absl::Status failure_;     // fatal: the loop stops
  mutable std::mutex failure_mu_;
  std::string failure_text_;  // for /healthz
  uint64_t drained_since_commit_ = 0;
  uint64_t failed_deliveries_seen_ = 0;
  std::chrono::steady_clock::time_point last_commit_;
};

}  // namespace paxscreen::service
