#include "pipeline/kafka/producer.h"

#include <chrono>

#include "absl/strings/str_cat.h"
#include "pipeline/kafka/consumer.h"
#include "pipeline/kafka/handles.h"

namespace paxscreen::kafka {

absl::StatusOr<std::unique_ptr<Producer>> Producer::Create(const Properties& props,
                                                           const ProducerOptions& options) {
  std::unique_ptr<Producer> p(new Producer(options));
  ConfHandle conf = ConfHandle::New();
  absl::Status s = conf.SetAll(props);
  if (!s.ok()) return s;
  if (p->transactional()) {
    s = conf.Set("transactional.id", options.transactional_id);
    if (!s.ok()) return s;
  }
  rd_kafka_conf_set_opaque(conf.get(), p.get());
  rd_kafka_conf_set_dr_msg_cb(conf.get(), [](rd_kafka_t* rk, const rd_kafka_message_t* m,
                                             void* opaque) { OnDelivery(rk, m, opaque); });
  auto client = NewClient(RD_KAFKA_PRODUCER, std::move(conf));
  if (!client.ok()) return client.status();
  p->rk_ = client->release();
  return p;
}

Producer::~Producer() {
  if (rk_ != nullptr) {
    // Bounded: records still queued after this are dropped (the caller flushed or committed).
    rd_kafka_flush(rk_, 2000);
    rd_kafka_destroy(rk_);
  }
}

void Producer::OnDelivery(rd_kafka_s* /*rk*/, const void* msg, void* opaque) {
  auto* self = static_cast<Producer*>(opaque);
  const auto* m = static_cast<const rd_kafka_message_t*>(msg);
  if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
    self->delivered_.fetch_add(1, std::memory_order_relaxed);
  } else {
    self->failed_.fetch_add(1, std::memory_order_relaxed);
    self->last_error_code_.store(m->err, std::memory_order_relaxed);
  }
}

std::string Producer::last_delivery_error() const {
  int code = last_error_code_.load();
  if (code == 0) return "";
  return rd_kafka_err2name(static_cast<rd_kafka_resp_err_t>(code));
}

absl::Status Producer::Produce(const OutRecord& r, int queue_full_wait_ms) {
  HeadersPtr hdrs;
  if (r.headers != nullptr && !r.headers->empty()) {
    hdrs.reset(rd_kafka_headers_new(r.headers->size()));
    for (const Header& h : *r.headers) {
      rd_kafka_header_add(hdrs.get(), h.key.data(), static_cast<ssize_t>(h.key.size()),
                          h.value.data(), static_cast<ssize_t>(h.value.size()));
    }
  }
  const std::string topic(r.topic);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(queue_full_wait_ms);
  const void* key_ptr = r.key ? r.key->data() : nullptr;
  const size_t key_len = r.key ? r.key->size() : 0;
  void* value_ptr = r.value ? const_cast<char*>(r.value->data()) : nullptr;
  const size_t value_len = r.value ? r.value->size() : 0;
  for (;;) {
    rd_kafka_headers_t* h = hdrs.get();
    rd_kafka_resp_err_t err = rd_kafka_producev(
        rk_, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_PARTITION(r.partition),
        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
        RD_KAFKA_V_KEY(key_ptr, key_len), RD_KAFKA_V_VALUE(value_ptr, value_len),
        RD_KAFKA_V_HEADERS(h), RD_KAFKA_V_END);
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      (void)hdrs.release();  // librdkafka owns the headers now
      return absl::OkStatus();
    }
    if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL || std::chrono::steady_clock::now() > deadline) {
      return ErrStatus(err, absl::StrCat("produce to ", topic));
    }
    rd_kafka_poll(rk_, 5);
  }
}

KafkaResult Producer::InitTransactions(int timeout_ms) {
  return Classify(rd_kafka_init_transactions(rk_, timeout_ms), "init_transactions");
}
KafkaResult Producer::BeginTransaction() {
  return Classify(rd_kafka_begin_transaction(rk_), "begin_transaction");
}

KafkaResult Producer::SendOffsetsToTransaction(const std::vector<TopicPartitionOffset>& offsets,
                                               const Consumer& consumer, int timeout_ms) {
  if (offsets.empty()) return {};
  GroupMetadataPtr meta(rd_kafka_consumer_group_metadata(consumer.raw()));
  if (!meta) {
    return {ErrorKind::kFatal, absl::FailedPreconditionError("consumer has no group metadata"), 0};
  }
  PartitionList list = PartitionList::From(offsets);
  return Classify(rd_kafka_send_offsets_to_transaction(rk_, list.get(), meta.get(), timeout_ms),
                  "send_offsets_to_transaction");
}

KafkaResult Producer::CommitTransaction(int timeout_ms) {
  return Classify(rd_kafka_commit_transaction(rk_, timeout_ms), "commit_transaction");
}
KafkaResult Producer::AbortTransaction(int timeout_ms) {
  return Classify(rd_kafka_abort_transaction(rk_, timeout_ms), "abort_transaction");
}

void Producer::Poll(int timeout_ms) { rd_kafka_poll(rk_, timeout_ms); }

absl::Status Producer::Flush(int timeout_ms) {
  return ErrStatus(rd_kafka_flush(rk_, timeout_ms), "flush");
}

int Producer::OutQueueLength() const { return rd_kafka_outq_len(rk_); }

absl::Status Producer::FatalError() const {
  char buf[512];
  rd_kafka_resp_err_t err = rd_kafka_fatal_error(rk_, buf, sizeof(buf));
  if (err == RD_KAFKA_RESP_ERR_NO_ERROR) return absl::OkStatus();
  std::string msg = absl::StrCat("producer fatal error: ", rd_kafka_err2name(err), ": ", buf);
  if (IsFencedCode(err)) msg += " — fenced: another instance with the same transactional.id took over";
  return absl::AbortedError(msg);
}

}  // namespace paxscreen::kafka
