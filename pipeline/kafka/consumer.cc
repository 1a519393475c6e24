#include "pipeline/kafka/consumer.h"

#include <cstring>

#include "absl/strings/str_cat.h"
#include "pipeline/kafka/handles.h"

namespace paxscreen::kafka {

absl::StatusOr<std::unique_ptr<Consumer>> Consumer::Create(const Properties& props,
                                                           ConsumerOptions options) {
  std::unique_ptr<Consumer> c(new Consumer());
  c->options_ = std::move(options);
  ConfHandle conf = ConfHandle::New();
  absl::Status s = conf.SetAll(props);
  if (!s.ok()) return s;
  rd_kafka_conf_set_opaque(conf.get(), c.get());
  rd_kafka_conf_set_rebalance_cb(
      conf.get(), [](rd_kafka_t* rk, rd_kafka_resp_err_t err,
                     rd_kafka_topic_partition_list_t* parts, void* opaque) {
        OnRebalance(rk, err, parts, opaque);
      });
  auto client = NewClient(RD_KAFKA_CONSUMER, std::move(conf));
  if (!client.ok()) return client.status();
  c->rk_ = client->release();
  rd_kafka_poll_set_consumer(c->rk_);
  return c;
}

Consumer::~Consumer() {
  if (rk_ == nullptr) return;
  (void)Close();
  rd_kafka_destroy(rk_);
}

void Consumer::OnRebalance(rd_kafka_s* rk, int err, void* partitions, void* opaque) {
  auto* self = static_cast<Consumer*>(opaque);
  auto* parts = static_cast<rd_kafka_topic_partition_list_t*>(partitions);
  const bool cooperative = std::strcmp(rd_kafka_rebalance_protocol(rk), "COOPERATIVE") == 0;
  RebalanceEvent ev;
  for (int i = 0; i < parts->cnt; ++i) ev.partitions.push_back({parts->elems[i].topic, parts->elems[i].partition});
  if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
    ev.kind = RebalanceEvent::Kind::kAssign;
    if (self->options_.on_rebalance) self->options_.on_rebalance(ev);
    if (cooperative) {
      ErrorPtr e(rd_kafka_incremental_assign(rk, parts));
    } else {
      rd_kafka_assign(rk, parts);
    }
  } else {
    ev.kind = RebalanceEvent::Kind::kRevoke;
    ev.lost = rd_kafka_assignment_lost(rk) != 0;
    if (self->options_.on_rebalance) self->options_.on_rebalance(ev);
    if (cooperative) {
      ErrorPtr e(rd_kafka_incremental_unassign(rk, parts));
    } else {
      rd_kafka_assign(rk, nullptr);
    }
  }
}

absl::Status Consumer::Subscribe(const std::vector<std::string>& topics) {
  PartitionList list;
  for (const auto& t : topics) list.Add(t, RD_KAFKA_PARTITION_UA, kOffsetInvalid);
  return ErrStatus(rd_kafka_subscribe(rk_, list.get()), "subscribe");
}

absl::Status Consumer::Assign(const std::vector<TopicPartitionOffset>& partitions) {
  PartitionList list = PartitionList::From(partitions);
  return ErrStatus(rd_kafka_assign(rk_, list.get()), "assign");
}

void Consumer::PollBatch(size_t max, int timeout_ms, std::vector<Message>* out) {
  for (size_t n = 0; n < max; ++n) {
    rd_kafka_message_t* m = rd_kafka_consumer_poll(rk_, n == 0 ? timeout_ms : 0);
    if (m == nullptr) return;
    out->emplace_back(m);
  }
}

absl::Status Consumer::Seek(const std::vector<TopicPartitionOffset>& positions, int timeout_ms) {
  if (positions.empty()) return absl::OkStatus();
  PartitionList list = PartitionList::From(positions);
  ErrorPtr e(rd_kafka_seek_partitions(rk_, list.get(), timeout_ms));
  if (e) return absl::UnavailableError(absl::StrCat("seek: ", rd_kafka_error_string(e.get())));
  return list.FirstError();
}

absl::StatusOr<std::vector<TopicPartitionOffset>> Consumer::Committed(
    const std::vector<TopicPartition>& partitions, int timeout_ms) {
  PartitionList list = PartitionList::From(partitions);
  absl::Status s = ErrStatus(rd_kafka_committed(rk_, list.get(), timeout_ms), "committed");
  if (!s.ok()) return s;
  return list.ToVector();
}

absl::Status Consumer::CommitSync(const std::vector<TopicPartitionOffset>& offsets) {
  if (offsets.empty()) return absl::OkStatus();
  PartitionList list = PartitionList::From(offsets);
  absl::Status s = ErrStatus(rd_kafka_commit(rk_, list.get(), /*async=*/0), "commit offsets");
  if (!s.ok()) return s;
  return list.FirstError();
}

absl::StatusOr<std::vector<TopicPartition>> Consumer::Assignment() const {
  rd_kafka_topic_partition_list_t* raw = nullptr;
  absl::Status s = ErrStatus(rd_kafka_assignment(rk_, &raw), "assignment");
  if (!s.ok()) return s;
  return PartitionList::Adopt(raw).Partitions();
}

absl::StatusOr<std::pair<int64_t, int64_t>> Consumer::QueryWatermarks(const std::string& topic,
                                                                      int32_t partition,
                                                                      int timeout_ms) {
  int64_t lo = 0, hi = 0;
  absl::Status s = ErrStatus(
      rd_kafka_query_watermark_offsets(rk_, topic.c_str(), partition, &lo, &hi, timeout_ms),
      absl::StrCat("watermarks ", topic, "[", partition, "]"));
  if (!s.ok()) return s;
  return std::make_pair(lo, hi);
}

bool Consumer::CachedWatermarks(const std::string& topic, int32_t partition, int64_t* low,
                                int64_t* high) const {
  return rd_kafka_get_watermark_offsets(rk_, topic.c_str(), partition, low, high) ==
             RD_KAFKA_RESP_ERR_NO_ERROR &&
         *high >= 0;
}

absl::StatusOr<int> Consumer::PartitionCount(const std::string& topic, int timeout_ms) {
  rd_kafka_topic_t* rkt = rd_kafka_topic_new(rk_, topic.c_str(), nullptr);
  const rd_kafka_metadata_t* md = nullptr;
  rd_kafka_resp_err_t err = rd_kafka_metadata(rk_, 0, rkt, &md, timeout_ms);
  rd_kafka_topic_destroy(rkt);
  absl::Status s = ErrStatus(err, absl::StrCat("metadata for ", topic));
  if (!s.ok()) return s;
  int count = -1;
  rd_kafka_resp_err_t topic_err = RD_KAFKA_RESP_ERR_NO_ERROR;
  if (md->topic_cnt == 1) {
    count = md->topics[0].partition_cnt;
    topic_err = md->topics[0].err;
  }
  rd_kafka_metadata_destroy(md);
  if (topic_err != RD_KAFKA_RESP_ERR_NO_ERROR) return ErrStatus(topic_err, absl::StrCat("topic ", topic));
  if (count <= 0) return absl::NotFoundError(absl::StrCat("topic ", topic, " has no partitions"));
  return count;
}

absl::StatusOr<std::vector<TopicPartitionOffset>> Consumer::OffsetsForTimes(
    const std::vector<TopicPartitionOffset>& timestamps, int timeout_ms) {
  PartitionList list = PartitionList::From(timestamps);
  absl::Status s = ErrStatus(rd_kafka_offsets_for_times(rk_, list.get(), timeout_ms), "offsets_for_times");
  if (!s.ok()) return s;
  s = list.FirstError();
  if (!s.ok()) return s;
  return list.ToVector();
}

absl::Status Consumer::Close() {
  if (closed_) return absl::OkStatus();
  closed_ = true;
  return ErrStatus(rd_kafka_consumer_close(rk_), "consumer close");
}

absl::Status Consumer::FatalError() const {
  char buf[512];
  rd_kafka_resp_err_t err = rd_kafka_fatal_error(rk_, buf, sizeof(buf));
  if (err == RD_KAFKA_RESP_ERR_NO_ERROR) return absl::OkStatus();
  return absl::AbortedError(absl::StrCat("consumer fatal error: ", rd_kafka_err2name(err), ": ", buf));
}

std::string Consumer::MemberId() const {
  char* id = rd_kafka_memberid(rk_);
  std::string out = id ? id : "";
  if (id) rd_kafka_mem_free(rk_, id);
  return out;
}

}  // namespace paxscreen::kafka
