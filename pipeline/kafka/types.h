// Plain value types shared by the Kafka wrappers and their callers (no librdkafka types here,
// so the service layer never sees a raw handle).
//
//   kafka::Properties props = {{"bootstrap.servers", "127.0.0.1:9092"}};
//   kafka::TopicPartitionOffset tpo{"passengers", 0, 42};
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace paxscreen::kafka {

// librdkafka configuration properties, applied in order (later entries win).
using Properties = std::vector<std::pair<std::string, std::string>>;

struct TopicPartition {
  std::string topic;
  int32_t partition = 0;
  friend bool operator==(const TopicPartition&, const TopicPartition&) = default;
  friend auto operator<=>(const TopicPartition&, const TopicPartition&) = default;
};

// An offset, or a timestamp (ms) when used with OffsetsForTimes. kOffsetInvalid: none.
struct TopicPartitionOffset {
  std::string topic;
  int32_t partition = 0;
  int64_t offset = -1001;
  friend bool operator==(const TopicPartitionOffset&, const TopicPartitionOffset&) = default;
};

inline constexpr int64_t kOffsetBeginning = -2;
inline constexpr int64_t kOffsetEnd = -1;
inline constexpr int64_t kOffsetInvalid = -1001;

struct Header {
  std::string key;
  std::string value;
  friend bool operator==(const Header&, const Header&) = default;
};

// How the caller must react to a failed Kafka call (librdkafka's error flags, see
// rd_kafka_error_is_fatal / rd_kafka_error_txn_requires_abort / rd_kafka_error_is_retriable).
enum class ErrorKind {
  kOk,
  kRetriable,  // call again (e.g. commit_transaction timed out but continues in background)
  kAbortable,  // abort the transaction, rewind the input, go on
  kFatal,      // stop the instance (fenced, unauthorized, producer fatal error)
};

struct KafkaResult {
  ErrorKind kind = ErrorKind::kOk;
  absl::Status status;  // OK iff kind == kOk
  int code = 0;         // rd_kafka_resp_err_t
  bool ok() const { return kind == ErrorKind::kOk; }
};

// Log hook for librdkafka's own log lines and the wrappers' warnings. `level` is syslog style
// (3 error, 4 warning, 6 info, 7 debug). Thread-safe to call; set it once at start-up.
using LogFn = void (*)(int level, const std::string& facility, const std::string& message);
void SetLogFn(LogFn fn);
void Log(int level, const std::string& facility, const std::string& message);

// Librdkafka's runtime version, e.g. "2.0.2".
std::string LibraryVersion();

}  // namespace paxscreen::kafka
