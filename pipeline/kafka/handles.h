// Owning RAII wrappers for librdkafka's C handles. Internal to pipeline/kafka: only this
// module's .cc files include it (and so rdkafka.h); everyone else uses Producer, Consumer,
// Message, MockCluster.
//
//   ConfHandle conf = ConfHandle::New();
//   PAX_RETURN_IF_ERROR(conf.Set("bootstrap.servers", servers));
#pragma once

#include <librdkafka/rdkafka.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pipeline/kafka/types.h"

namespace paxscreen::kafka {

struct ConfDeleter {
  void operator()(rd_kafka_conf_t* c) const { rd_kafka_conf_destroy(c); }
};
struct ClientDeleter {
  void operator()(rd_kafka_t* rk) const { rd_kafka_destroy(rk); }
};
struct ListDeleter {
  void operator()(rd_kafka_topic_partition_list_t* l) const {
    rd_kafka_topic_partition_list_destroy(l);
  }
};
struct HeadersDeleter {
  void operator()(rd_kafka_headers_t* h) const { rd_kafka_headers_destroy(h); }
};
struct MessageDeleter {
  void operator()(rd_kafka_message_t* m) const { rd_kafka_message_destroy(m); }
};
struct ErrorDeleter {
  void operator()(rd_kafka_error_t* e) const { rd_kafka_error_destroy(e); }
};
struct GroupMetadataDeleter {
  void operator()(rd_kafka_consumer_group_metadata_t* g) const {
    rd_kafka_consumer_group_metadata_destroy(g);
  }
};

using ClientPtr = std::unique_ptr<rd_kafka_t, ClientDeleter>;
using HeadersPtr = std::unique_ptr<rd_kafka_headers_t, HeadersDeleter>;
using MessagePtr = std::unique_ptr<rd_kafka_message_t, MessageDeleter>;
using ErrorPtr = std::unique_ptr<rd_kafka_error_t, ErrorDeleter>;
using GroupMetadataPtr = std::unique_ptr<rd_kafka_consumer_group_metadata_t, GroupMetadataDeleter>;

// rd_kafka_conf_t until it is handed to rd_kafka_new (Release()).
class ConfHandle {
 public:
  static ConfHandle New() { return ConfHandle(rd_kafka_conf_new()); }
  // Sets one property; the error names the property (never its value: it may be a secret).
  absl::Status Set(const std::string& key, const std::string& value);
  absl::Status SetAll(const Properties& props);
  rd_kafka_conf_t* get() const { return conf_.get(); }
  rd_kafka_conf_t* Release() { return conf_.release(); }

 private:
  explicit ConfHandle(rd_kafka_conf_t* c) : conf_(c) {}
  std::unique_ptr<rd_kafka_conf_t, ConfDeleter> conf_;
};

// rd_kafka_topic_partition_list_t.
class PartitionList {
 public:
  explicit PartitionList(int capacity = 8) : list_(rd_kafka_topic_partition_list_new(capacity)) {}
  // Takes ownership of a list librdkafka handed over.
  static PartitionList Adopt(rd_kafka_topic_partition_list_t* l) { return PartitionList(l); }
  static PartitionList From(const std::vector<TopicPartitionOffset>& tpos);
  static PartitionList From(const std::vector<TopicPartition>& tps);

  void Add(const std::string& topic, int32_t partition, int64_t offset);
  std::vector<TopicPartitionOffset> ToVector() const;
  std::vector<TopicPartition> Partitions() const;
  // The first per-partition error, if any.
  absl::Status FirstError() const;
  rd_kafka_topic_partition_list_t* get() const { return list_.get(); }
  int size() const { return list_ ? list_->cnt : 0; }

 private:
  explicit PartitionList(rd_kafka_topic_partition_list_t* l) : list_(l) {}
  std::unique_ptr<rd_kafka_topic_partition_list_t, ListDeleter> list_;
};

// Status from a response error code; `what` names the operation.
absl::Status ErrStatus(rd_kafka_resp_err_t err, const std::string& what);
// Classifies a transactional-API error object (takes ownership).
KafkaResult Classify(rd_kafka_error_t* error, const std::string& what);
// Whether this code means another producer with our transactional.id took over.
bool IsFencedCode(int code);

// Builds a client; props applied in order. Installs the shared log callback.
absl::StatusOr<ClientPtr> NewClient(rd_kafka_type_t type, ConfHandle conf);

}  // namespace paxscreen::kafka
