// Helpers shared by the end-to-end tests that run against the real local Kafka broker which the
// CTest fixture `kafka_broker` starts (tests/e2e/broker_fixture.sh -> deploy/kafka/kafka.sh):
// where the broker is, the skip rule, RAII owners for librdkafka handles, topic creation and
// reading a whole topic back.
//
//   paxscreen::e2e::BrokerLocation broker = paxscreen::e2e::FindBroker();
//   if (broker.bootstrap.empty()) return paxscreen::e2e::SkipOrFail(broker.unavailable_reason);
//
// Test code: errors throw std::runtime_error naming the step; nothing here is thread-safe beyond
// what librdkafka itself guarantees for one handle.
#pragma once

#include <librdkafka/rdkafka.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paxscreen::e2e {

// CTest SKIP_RETURN_CODE of every e2e test.
inline constexpr int kSkipExitCode = 77;

struct BrokerLocation {
  std::string bootstrap;           // host:port, empty when no broker is available
  std::string unavailable_reason;  // why, when bootstrap is empty
  std::string dir;                 // the broker's kafka.sh --dir (for restart tests), may be empty
};

// $PAXSCREEN_KAFKA_BOOTSTRAP if set; else the first line of $PAXSCREEN_KAFKA_DIR/bootstrap,
// which the fixture writes; else the reason the fixture left in $PAXSCREEN_KAFKA_DIR/unavailable.
BrokerLocation FindBroker();

// Prints why the test cannot run. Returns the exit code: 1 when CI=true (a missing broker is a
// failure in CI), kSkipExitCode otherwise.
int SkipOrFail(std::string_view reason);

// A name no earlier run used: prefix + pid + microseconds, so reruns on a kept broker never see
// old data.
std::string UniqueName(std::string_view prefix);

struct KafkaDeleter {
  void operator()(rd_kafka_t* rk) const;
};
using KafkaPtr = std::unique_ptr<rd_kafka_t, KafkaDeleter>;
struct MessageDeleter {
  void operator()(rd_kafka_message_t* m) const { rd_kafka_message_destroy(m); }
};
using MessagePtr = std::unique_ptr<rd_kafka_message_t, MessageDeleter>;
struct PartitionListDeleter {
  void operator()(rd_kafka_topic_partition_list_t* l) const {
    rd_kafka_topic_partition_list_destroy(l);
  }
};
using PartitionListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter>;

using Config = std::vector<std::pair<std::string, std::string>>;

// A producer or consumer on `bootstrap` with these properties. Consumers get their main queue
// redirected to the consumer queue. Throws on a bad property.
KafkaPtr NewClient(rd_kafka_type_t type, const std::string& bootstrap, const Config& conf);

// Throws unless `error` is null; destroys it either way.
void CheckError(rd_kafka_error_t* error, std::string_view what);
void CheckResp(rd_kafka_resp_err_t err, std::string_view what);

// Creates the topics (name -> partitions, replication factor 1) and waits for the result.
void CreateTopics(const std::string& bootstrap, const std::map<std::string, int>& topics);

struct Record {
  int32_t partition = 0;
  int64_t offset = 0;
  std::string key;
  std::string value;
};

// Every record of `topic` (partitions 0..partitions-1) from the beginning to the end as seen with
// `isolation_level` (read_committed or read_uncommitted), read by a group-less consumer.
std::vector<Record> ReadAll(const std::string& bootstrap, const std::string& topic, int partitions,
                            const std::string& isolation_level,
                            std::chrono::milliseconds timeout = std::chrono::seconds(30));

// Committed offsets of `group` for topic partitions 0..partitions-1 (-1001 when none).
std::map<int32_t, int64_t> CommittedOffsets(const std::string& bootstrap, const std::string& group,
                                            const std::string& topic, int partitions);

}  // namespace paxscreen::e2e
