#include "pipeline/kafka/mock_cluster.h"

#include "absl/strings/str_cat.h"
#include "pipeline/kafka/handles.h"  // rdkafka.h, which rdkafka_mock.h needs first

#include <librdkafka/rdkafka_mock.h>

namespace paxscreen::kafka {

absl::StatusOr<std::unique_ptr<MockCluster>> MockCluster::Create(int brokers) {
  std::unique_ptr<MockCluster> m(new MockCluster());
  ConfHandle conf = ConfHandle::New();
  // The host client never talks to anyone; it only owns the mock brokers' thread.
  absl::Status s = conf.Set("bootstrap.servers", "");
  if (!s.ok()) return s;
  auto host = NewClient(RD_KAFKA_PRODUCER, std::move(conf));
  if (!host.ok()) return host.status();
  m->host_ = host->release();
  m->cluster_ = rd_kafka_mock_cluster_new(m->host_, brokers);
  if (m->cluster_ == nullptr) return absl::InternalError("rd_kafka_mock_cluster_new failed");
  m->bootstraps_ = rd_kafka_mock_cluster_bootstraps(m->cluster_);
  return m;
}

MockCluster::~MockCluster() {
  if (cluster_ != nullptr) rd_kafka_mock_cluster_destroy(cluster_);
  if (host_ != nullptr) rd_kafka_destroy(host_);
}

absl::Status MockCluster::CreateTopic(const std::string& topic, int partitions, int replication) {
  return ErrStatus(rd_kafka_mock_topic_create(cluster_, topic.c_str(), partitions, replication),
                   absl::StrCat("mock create topic ", topic));
}

void MockCluster::PushRequestErrors(int16_t api_key, const std::vector<int>& errors) {
  std::vector<rd_kafka_resp_err_t> errs;
  for (int e : errors) errs.push_back(static_cast<rd_kafka_resp_err_t>(e));
  rd_kafka_mock_push_request_errors_array(cluster_, api_key, errs.size(), errs.data());
}

void MockCluster::ClearRequestErrors(int16_t api_key) {
  rd_kafka_mock_clear_request_errors(cluster_, api_key);
}

absl::Status MockCluster::SetBrokerDown(int32_t broker_id) {
  return ErrStatus(rd_kafka_mock_broker_set_down(cluster_, broker_id), "mock broker down");
}
absl::Status MockCluster::SetBrokerUp(int32_t broker_id) {
  return ErrStatus(rd_kafka_mock_broker_set_up(cluster_, broker_id), "mock broker up");
}
absl::Status MockCluster::SetBrokerRtt(int32_t broker_id, int rtt_ms) {
  return ErrStatus(rd_kafka_mock_broker_set_rtt(cluster_, broker_id, rtt_ms), "mock broker rtt");
}
absl::Status MockCluster::SetCoordinator(const std::string& type, const std::string& key,
                                         int32_t broker_id) {
  return ErrStatus(rd_kafka_mock_coordinator_set(cluster_, type.c_str(), key.c_str(), broker_id),
                   "mock coordinator");
}

}  // namespace paxscreen::kafka
