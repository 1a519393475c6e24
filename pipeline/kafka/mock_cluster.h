// An in-process Kafka cluster (librdkafka's mock broker, rdkafka_mock.h) for tests, benchmarks
// and `paxscreen demo`. It speaks the wire protocol on localhost sockets, so real Producer and
// Consumer instances connect to bootstrap_servers(). It does NOT emulate read_committed,
// transactional offset commits precisely, fencing or offsets-for-times.
//
//   PAX_ASSIGN_OR_RETURN(auto cluster, kafka::MockCluster::Create(3));
//   cluster->CreateTopic("passengers", 4); props.push_back({"bootstrap.servers", cluster->bootstrap_servers()});
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

struct rd_kafka_s;
struct rd_kafka_mock_cluster_s;

namespace paxscreen::kafka {

// Protocol API keys and error codes for error injection (values from the Kafka protocol).
namespace mock {
inline constexpr int16_t kApiProduce = 0;
inline constexpr int16_t kApiFetch = 1;
inline constexpr int16_t kApiOffsetCommit = 8;
inline constexpr int16_t kApiOffsetFetch = 9;
inline constexpr int16_t kApiFindCoordinator = 10;
inline constexpr int16_t kApiJoinGroup = 11;
inline constexpr int16_t kApiHeartbeat = 12;
inline constexpr int16_t kApiInitProducerId = 22;
inline constexpr int16_t kApiAddPartitionsToTxn = 24;
inline constexpr int16_t kApiAddOffsetsToTxn = 25;
inline constexpr int16_t kApiEndTxn = 26;
inline constexpr int16_t kApiTxnOffsetCommit = 28;

inline constexpr int kErrTransport = -195;  // the mock disconnects the client
inline constexpr int kErrNotLeaderForPartition = 6;
inline constexpr int kErrRequestTimedOut = 7;
inline constexpr int kErrCoordinatorNotAvailable = 15;
inline constexpr int kErrNotCoordinator = 16;
inline constexpr int kErrNotEnoughReplicas = 19;
inline constexpr int kErrInvalidProducerEpoch = 47;
inline constexpr int kErrConcurrentTransactions = 51;
inline constexpr int kErrTopicAuthorizationFailed = 29;
inline constexpr int kErrProducerFenced = 90;
}  // namespace mock

// Owns the cluster and the client handle that hosts it. Thread-safe (librdkafka locks inside).
class MockCluster {
 public:
  static absl::StatusOr<std::unique_ptr<MockCluster>> Create(int brokers);
  ~MockCluster();
  MockCluster(const MockCluster&) = delete;
  MockCluster& operator=(const MockCluster&) = delete;

  const std::string& bootstrap_servers() const { return bootstraps_; }
  absl::Status CreateTopic(const std::string& topic, int partitions, int replication = 1);
  // The next `errors.size()` requests of `api_key` fail with these codes, in order.
  void PushRequestErrors(int16_t api_key, const std::vector<int>& errors);
  void ClearRequestErrors(int16_t api_key);
  absl::Status SetBrokerDown(int32_t broker_id);
  absl::Status SetBrokerUp(int32_t broker_id);
  absl::Status SetBrokerRtt(int32_t broker_id, int rtt_ms);
  // Moves the group/transaction coordinator ("group" or "transaction") for `key` to a broker.
  absl::Status SetCoordinator(const std::string& type, const std::string& key, int32_t broker_id);

 private:
  MockCluster() = default;
  rd_kafka_s* host_ = nullptr;                  // owned
  rd_kafka_mock_cluster_s* cluster_ = nullptr;  // owned
  std::string bootstraps_;
};

}  // namespace paxscreen::kafka
