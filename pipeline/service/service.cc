#include "pipeline/service/service.h"

#include <algorithm>
#include <thread>

#include "absl/strings/str_cat.h"
#include "pipeline/service/log.h"

namespace paxscreen::service {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kTxnRetries = 5;

double SecondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

}  // namespace

StreamService::StreamService(ServiceConfig config, std::unique_ptr<Processor> processor)
    : config_(std::move(config)), processor_(std::move(processor)) {
  auto& r = metrics_;
  const auto lat = ExponentialBuckets(0.0001, 2, 18);  // 100 us .. 13 s
  m_.records_in = &r.AddCounter("paxscreen_records_in_total", "Records consumed from the input topics");
  m_.records_processed = &r.AddCounter("paxscreen_records_processed_total", "Records processed and drained in order");
  m_.records_out = &r.AddCounter("paxscreen_records_out_total", "Output records produced");
  m_.dlq = &r.AddCounter("paxscreen_dlq_records_total", "Input records copied to the dead-letter topic");
  m_.txn_committed = &r.AddCounter("paxscreen_transactions_committed_total", "Transactions committed");
  m_.txn_aborted = &r.AddCounter("paxscreen_transactions_aborted_total", "Transactions aborted");
  m_.offset_commits = &r.AddCounter("paxscreen_offset_commits_total", "Offset commits (at-least-once mode)");
  m_.rewinds = &r.AddCounter("paxscreen_rewinds_total", "Rewinds of the input to the committed offsets");
  m_.rebalances = &r.AddCounter("paxscreen_rebalances_total", "Consumer group rebalance events");
  m_.consumer_errors = &r.AddCounter("paxscreen_consumer_errors_total", "Error events from the consumer");
  m_.lag = &r.AddGauge("paxscreen_consumer_lag_records", "Records behind the high watermark, summed over assigned partitions");
  m_.in_flight = &r.AddGauge("paxscreen_in_flight_records", "Records polled and not yet drained");
  m_.ready = &r.AddGauge("paxscreen_ready", "1 when consuming and the processor is ready");
  m_.batch_latency = &r.AddHistogram("paxscreen_batch_latency_seconds", "Poll batch: polled until its last record drained", lat);
  m_.record_latency = &r.AddHistogram("paxscreen_record_latency_seconds", "Record: polled until its outputs were produced", lat);
  m_.commit_latency = &r.AddHistogram("paxscreen_commit_latency_seconds", "Duration of a commit (transaction or offsets)", lat);
}

StreamService::~StreamService() {
  if (pool_) pool_->Stop();
  if (http_) http_->Stop();
}

bool StreamService::StopRequested() const {
  return stop_.load() || (external_stop_ != nullptr && external_stop_->load());
}

bool StreamService::ready() const {
  return state_.load() == State::kRunning && processor_->Ready();
}

void StreamService::Fail(const absl::Status& status) {
  if (!failure_.ok()) return;
  failure_ = status;
  std::lock_guard<std::mutex> lock(failure_mu_);
  failure_text_ = std::string(status.message());
}

absl::Status StreamService::Run(const std::atomic<bool>* external_stop) {
  external_stop_ = external_stop;
  absl::Status s = Setup();
  if (s.ok()) s = Loop();
  if (!s.ok() && absl::IsCancelled(s)) s = absl::OkStatus();  // stopped while starting
  if (!s.ok()) Fail(s);
  Teardown();
  if (!failure_.ok()) {
    state_.store(State::kFailed);
    Log(LogLevel::kError, absl::StrCat("stopped on a fatal error: ", failure_.ToString()));
    return failure_;
  }
  state_.store(State::kStopped);
  Log(LogLevel::kInfo, "stopped cleanly");
  return absl::OkStatus();
}

absl::Status StreamService::Setup() {
  if (config_.http_listen != "off") {
    auto opts = ParseListenAddress(config_.http_listen);
    if (!opts.ok()) return opts.status();
    http_ = std::make_unique<HttpServer>(*opts, [this](const HttpRequest& r) { return HandleHttp(r); });
    absl::Status s = http_->Start();
    if (!s.ok()) return s;
    http_port_.store(http_->port());
    Log(LogLevel::kInfo, absl::StrCat("metrics and health on http://", opts->host, ":", http_->port()));
  }
  ProcessorContext ctx{&metrics_, &config_, config_.ClientProperties()};
  absl::Status s = processor_->Start(ctx);
  if (!s.ok()) return s;
  processor_started_ = true;
  const auto ready_start = Clock::now();
  while (!processor_->Ready()) {
    if (StopRequested()) return absl::CancelledError("stopped before the processor was ready");
    if (config_.ready_timeout_ms > 0 && SecondsSince(ready_start) * 1000 > config_.ready_timeout_ms) {
      return absl::DeadlineExceededError("processor not ready within service.ready_timeout_ms");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const bool eos = config_.mode == DeliveryMode::kExactlyOnce;
  auto producer = kafka::Producer::Create(config_.ProducerProperties(),
                                          {eos ? config_.transactional_id : std::string()});
  if (!producer.ok()) return producer.status();
  producer_ = std::move(*producer);
  if (eos) {
    // Fences any older instance with our transactional.id and completes its open transaction.
    for (int attempt = 0;; ++attempt) {
      kafka::KafkaResult r = producer_->InitTransactions(30000);
      if (r.ok()) break;
      if (r.kind != kafka::ErrorKind::kRetriable || attempt >= kTxnRetries || StopRequested()) return r.status;
      Log(LogLevel::kWarn, absl::StrCat("init_transactions: retrying: ", r.status.message()));
    }
  }
  auto consumer = kafka::Consumer::Create(
      config_.ConsumerProperties(), {[this](const kafka::RebalanceEvent& e) { OnRebalance(e); }});
  if (!consumer.ok()) return consumer.status();
  consumer_ = std::move(*consumer);
  s = consumer_->Subscribe(config_.input_topics);
  if (!s.ok()) return s;
  pool_ = std::make_unique<WorkerPool>(config_.workers, [this](RecordSlot& slot) { ProcessSlot(slot); });
  last_commit_ = Clock::now();
  state_.store(State::kRunning);
  m_.ready->Set(1);
  Log(LogLevel::kInfo, absl::StrCat("running: ", eos ? "exactly-once" : "at-least-once", ", ",
                                    config_.workers, " workers, processor '", config_.processor, "'"));
  return absl::OkStatus();
}

absl::Status StreamService::Loop() {
  while (!StopRequested() && failure_.ok()) {
    absl::Status fatal = producer_->FatalError();
    if (fatal.ok()) fatal = consumer_->FatalError();
    if (!fatal.ok()) return fatal;
    PollOnce();
    if (!failure_.ok()) break;
    Drain();
    if (!failure_.ok()) break;
    MaybeCommit(false);
  }
  return failure_;
}

void StreamService::ProcessSlot(RecordSlot& slot) {
  if (slot.epoch != epoch_.load(std::memory_order_relaxed)) return;  // rewound: dropped
  const std::vector<kafka::Header> headers = slot.message.headers();
  InputRecord rec;
  rec.topic = slot.tp.topic;
  rec.partition = slot.tp.partition;
  rec.offset = slot.offset;
  rec.timestamp_ms = slot.message.timestamp_ms();
  rec.key = slot.message.key();
  rec.value = slot.message.value().value_or(std::string_view());
  rec.headers = &headers;
  slot.outcome = processor_->Process(rec);
}

void StreamService::PollOnce() {
  const size_t in_flight = tracker_.in_flight();
  const uint64_t seen = pool_->completions();
  size_t polled = 0;
  if (in_flight < static_cast<size_t>(config_.max_in_flight)) {
    const size_t room = std::min<size_t>(config_.max_in_flight - in_flight, config_.poll_batch);
    batch_.clear();
    // Idle: wait up to 50 ms for input (bounds shutdown and commit delays); busy: don't wait.
    consumer_->PollBatch(room, in_flight > 0 ? 0 : 50, &batch_);
    auto info = std::make_shared<PollBatchInfo>();
    info->polled_at = Clock::now();
    const uint64_t epoch = epoch_.load();
    for (kafka::Message& msg : batch_) {
      if (!msg.ok()) {
        m_.consumer_errors->Increment();
        Log(LogLevel::kWarn, absl::StrCat("consumer: ", msg.error().message()));
        continue;
      }
      auto slot = std::make_shared<RecordSlot>();
      slot->tp = {msg.topic(), msg.partition()};
      slot->offset = msg.offset();
      slot->epoch = epoch;
      slot->batch = info;
      slot->message = std::move(msg);
      ++info->remaining;
      ++polled;
      tracker_.Track(slot);
      pool_->Submit(std::move(slot));
    }
    m_.records_in->Increment(polled);
  }
  if (polled == 0 && tracker_.in_flight() > 0) pool_->WaitForCompletion(seen, 2);
  producer_->Poll(0);
  m_.in_flight->Set(static_cast<double>(tracker_.in_flight()));
}

void StreamService::Drain() {
  emit_error_ = absl::OkStatus();
  drained_since_commit_ += tracker_.DrainCompleted([this](RecordSlot& slot) {
    if (emit_error_.ok()) Emit(slot);
    m_.records_processed->Increment();
    m_.record_latency->Observe(SecondsSince(slot.batch->polled_at));
    if (--slot.batch->remaining == 0) m_.batch_latency->Observe(SecondsSince(slot.batch->polled_at));
  });
  if (!emit_error_.ok()) AbortAndRewind(emit_error_);
}

void StreamService::Emit(RecordSlot& slot) {
  if (config_.mode == DeliveryMode::kExactlyOnce && !txn_open_) {
    kafka::KafkaResult r = producer_->BeginTransaction();
    if (!r.ok()) {
      emit_error_ = r.status;
      if (r.kind == kafka::ErrorKind::kFatal) Fail(r.status);
      return;
    }
    txn_open_ = true;
  }
  for (const OutputMessage& out : slot.outcome.outputs) {
    kafka::OutRecord rec{out.topic.empty() ? config_.output_topic : out.topic,
                         out.key ? std::optional<std::string_view>(*out.key) : std::nullopt,
                         std::string_view(out.value), &out.headers};
    absl::Status s = producer_->Produce(rec);
    if (!s.ok()) {
      emit_error_ = s;
      return;
    }
    m_.records_out->Increment();
  }
  if (slot.outcome.dead_letter) {
    std::vector<kafka::Header> headers = slot.message.headers();
    headers.push_back({kHeaderErrorClass, slot.outcome.dead_letter->error_class});
    headers.push_back({kHeaderErrorMessage, slot.outcome.dead_letter->message});
    headers.push_back({kHeaderSourceTopic, slot.tp.topic});
    headers.push_back({kHeaderSourcePartition, absl::StrCat(slot.tp.partition)});
    headers.push_back({kHeaderSourceOffset, absl::StrCat(slot.offset)});
    absl::Status s = producer_->Produce(
        {config_.dlq_topic, slot.message.key(), slot.message.value(), &headers});
    if (!s.ok()) {
      emit_error_ = s;
      return;
    }
    m_.dlq->Increment();
    Log(LogLevel::kDebug, absl::StrCat("dead letter ", slot.tp.topic, "[", slot.tp.partition, "]@",
                                       slot.offset, ": ", slot.outcome.dead_letter->error_class));
  }
  slot.outcome = ProcessOutcome();  // free the outputs early
}

void StreamService::MaybeCommit(bool force) {
  const bool due = force || drained_since_commit_ >= static_cast<uint64_t>(config_.commit_records) ||
                   SecondsSince(last_commit_) * 1000 >= config_.commit_interval_ms;
  if (!due) return;
  Commit();
  UpdateLag();
}

void StreamService::Commit() {
  const std::vector<kafka::TopicPartitionOffset> pending = tracker_.PendingCommits();
  last_commit_ = Clock::now();
  if (pending.empty() && !txn_open_) return;
  if (config_.mode == DeliveryMode::kExactlyOnce) {
    CommitTransactional(pending);
  } else {
    CommitAtLeastOnce(pending);
  }
}

void StreamService::Teardown() {
  state_.store(State::kStopping);
  m_.ready->Set(0);
  if (consumer_ && producer_ && pool_ && failure_.ok()) {
    Log(LogLevel::kInfo, absl::StrCat("stopping: finishing ", tracker_.in_flight(), " in-flight records"));
    const auto deadline = Clock::now() + std::chrono::milliseconds(config_.shutdown_timeout_ms);
    if (!FinishInFlight(deadline)) {
      Log(LogLevel::kWarn, "shutdown bound reached with records in flight; they are not committed and will be re-read");
    }
    if (failure_.ok()) Commit();
  }
  if (producer_ && txn_open_ && config_.mode == DeliveryMode::kExactlyOnce) {
    kafka::KafkaResult r = producer_->AbortTransaction(config_.shutdown_timeout_ms);
    if (r.ok()) m_.txn_aborted->Increment();
    txn_open_ = false;
  }
  closing_ = true;
  if (consumer_) {
    absl::Status s = consumer_->Close();  // leaves the group; the revoke callback commits nothing
    if (!s.ok()) Log(LogLevel::kWarn, absl::StrCat("consumer close: ", s.message()));
  }
  if (pool_) pool_->Stop();
  if (processor_started_) processor_->Stop();
  producer_.reset();
  consumer_.reset();
  if (http_) http_->Stop();
}

HttpResponse StreamService::HandleHttp(const HttpRequest& req) {
  if (req.path == "/metrics") {
    return {200, "text/plain; version=0.0.4; charset=utf-8", metrics_.RenderPrometheus()};
  }
  if (req.path == "/healthz") {
    if (state_.load() == State::kFailed) {
      std::lock_guard<std::mutex> lock(failure_mu_);
      return {503, "text/plain; charset=utf-8", absl::StrCat("failed: ", failure_text_, "\n")};
    }
    return {200, "text/plain; charset=utf-8", "ok\n"};
  }
  if (req.path == "/readyz") {
    if (ready()) return {200, "text/plain; charset=utf-8", "ready\n"};
    const char* why = state_.load() != State::kRunning ? "not consuming" : "processor not ready";
    return {503, "text/plain; charset=utf-8", absl::StrCat("not ready: ", why, "\n")};
  }
  return {404, "text/plain; charset=utf-8", "not found (try /metrics, /healthz, /readyz)\n"};
}

}  // namespace paxscreen::service
