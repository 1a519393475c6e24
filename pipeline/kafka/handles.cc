#include "pipeline/kafka/handles.h"

#include <atomic>
#include <cstdio>

#include "absl/strings/str_cat.h"

namespace paxscreen::kafka {
namespace {

void DefaultLog(int level, const std::string& facility, const std::string& message) {
  if (level <= 4) std::fprintf(stderr, "kafka %s: %s\n", facility.c_str(), message.c_str());
}

std::atomic<LogFn> g_log_fn{&DefaultLog};

void LogCallback(const rd_kafka_t*, int level, const char* fac, const char* buf) {
  Log(level, fac ? fac : "", buf ? buf : "");
}

}  // namespace

void SetLogFn(LogFn fn) { g_log_fn.store(fn ? fn : &DefaultLog); }
void Log(int level, const std::string& facility, const std::string& message) {
  g_log_fn.load()(level, facility, message);
}
std::string LibraryVersion() { return rd_kafka_version_str(); }

absl::Status ConfHandle::Set(const std::string& key, const std::string& value) {
  char err[512];
  if (rd_kafka_conf_set(conf_.get(), key.c_str(), value.c_str(), err, sizeof(err)) !=
      RD_KAFKA_CONF_OK) {
    return absl::InvalidArgumentError(absl::StrCat("kafka property '", key, "': ", err));
  }
  return absl::OkStatus();
}

absl::Status ConfHandle::SetAll(const Properties& props) {
  for (const auto& [k, v] : props) {
    absl::Status s = Set(k, v);
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

PartitionList PartitionList::From(const std::vector<TopicPartitionOffset>& tpos) {
  PartitionList l(static_cast<int>(tpos.size()) + 1);
  for (const auto& t : tpos) l.Add(t.topic, t.partition, t.offset);
  return l;
}

PartitionList PartitionList::From(const std::vector<TopicPartition>& tps) {
  PartitionList l(static_cast<int>(tps.size()) + 1);
  for (const auto& t : tps) l.Add(t.topic, t.partition, kOffsetInvalid);
  return l;
}

void PartitionList::Add(const std::string& topic, int32_t partition, int64_t offset) {
  rd_kafka_topic_partition_list_add(list_.get(), topic.c_str(), partition)->offset = offset;
}

std::vector<TopicPartitionOffset> PartitionList::ToVector() const {
  std::vector<TopicPartitionOffset> out;
  if (!list_) return out;
  for (int i = 0; i < list_->cnt; ++i) {
    const auto& e = list_->elems[i];
    out.push_back({e.topic, e.partition, e.offset});
  }
  return out;
}

std::vector<TopicPartition> PartitionList::Partitions() const {
  std::vector<TopicPartition> out;
  if (!list_) return out;
  for (int i = 0; i < list_->cnt; ++i) out.push_back({list_->elems[i].topic, list_->elems[i].partition});
  return out;
}

absl::Status PartitionList::FirstError() const {
  if (!list_) return absl::OkStatus();
  for (int i = 0; i < list_->cnt; ++i) {
    const auto& e = list_->elems[i];
    if (e.err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return ErrStatus(e.err, absl::StrCat(e.topic, "[", e.partition, "]"));
    }
  }
  return absl::OkStatus();
}

absl::Status ErrStatus(rd_kafka_resp_err_t err, const std::string& what) {
  if (err == RD_KAFKA_RESP_ERR_NO_ERROR) return absl::OkStatus();
  std::string msg = absl::StrCat(what, ": ", rd_kafka_err2name(err), " (", rd_kafka_err2str(err), ")");
  switch (err) {
    case RD_KAFKA_RESP_ERR__TIMED_OUT:
    case RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT:
      return absl::DeadlineExceededError(msg);
    case RD_KAFKA_RESP_ERR__INVALID_ARG:
    case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
    case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
      return absl::InvalidArgumentError(msg);
    default:
      return absl::UnavailableError(msg);
  }
}

bool IsFencedCode(int code) {
  return code == RD_KAFKA_RESP_ERR__FENCED || code == RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH ||
         code == RD_KAFKA_RESP_ERR_PRODUCER_FENCED;
}

KafkaResult Classify(rd_kafka_error_t* error, const std::string& what) {
  ErrorPtr owned(error);
  if (!owned) return {};
  KafkaResult r;
  r.code = rd_kafka_error_code(owned.get());
  std::string msg = absl::StrCat(what, ": ", rd_kafka_error_name(owned.get()), ": ",
                                 rd_kafka_error_string(owned.get()));
  if (rd_kafka_error_is_fatal(owned.get()) || IsFencedCode(r.code)) {
    r.kind = ErrorKind::kFatal;
    if (IsFencedCode(r.code)) {
      msg = absl::StrCat(msg, " — fenced: another instance with the same transactional.id took over");
    }
    r.status = absl::AbortedError(msg);
  } else if (rd_kafka_error_txn_requires_abort(owned.get())) {
    r.kind = ErrorKind::kAbortable;
    r.status = absl::AbortedError(msg);
  } else if (rd_kafka_error_is_retriable(owned.get())) {
    r.kind = ErrorKind::kRetriable;
    r.status = absl::UnavailableError(msg);
  } else {
    // Neither abortable nor retriable (e.g. __STATE, __NOT_CONFIGURED): a bug or a broker
    // that cannot do transactions. Stopping is the only safe reaction.
    r.kind = ErrorKind::kFatal;
    r.status = absl::FailedPreconditionError(msg);
  }
  return r;
}

absl::StatusOr<ClientPtr> NewClient(rd_kafka_type_t type, ConfHandle conf) {
  rd_kafka_conf_set_log_cb(conf.get(), &LogCallback);
  char err[512];
  rd_kafka_conf_t* raw = conf.Release();
  rd_kafka_t* rk = rd_kafka_new(type, raw, err, sizeof(err));
  if (rk == nullptr) {
    rd_kafka_conf_destroy(raw);
    return absl::InvalidArgumentError(absl::StrCat("creating kafka client: ", err));
  }
  return ClientPtr(rk);
}

}  // namespace paxscreen::kafka
