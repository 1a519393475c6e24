// A consumed Kafka record, owning librdkafka's message (freed on destruction). Move-only.
//
//   for (kafka::Message& m : batch) if (m.ok()) Use(m.topic(), m.partition(), m.value());
//   if (m.is_partition_eof()) ...;   // only with enable.partition.eof=true
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "pipeline/kafka/types.h"

struct rd_kafka_message_s;

namespace paxscreen::kafka {

// Views into the message stay valid as long as the Message lives. Not thread-safe to mutate;
// const access from several threads is fine.
class Message {
 public:
  Message() = default;
  // Takes ownership of a message returned by rd_kafka_consumer_poll.
  explicit Message(rd_kafka_message_s* m);
  Message(Message&&) noexcept = default;
  Message& operator=(Message&&) noexcept = default;
  ~Message() = default;

  bool ok() const;                 // a record, not an error event
  bool is_partition_eof() const;   // end of partition event
  int error_code() const;          // rd_kafka_resp_err_t, 0 for a record
  absl::Status error() const;      // OK for a record

  std::string topic() const;
  int32_t partition() const;
  int64_t offset() const;
  int64_t timestamp_ms() const;  // -1 when unknown
  std::optional<std::string_view> key() const;    // nullopt: null key
  std::optional<std::string_view> value() const;  // nullopt: null value (a tombstone)
  // Copies the headers (null header values become empty strings).
  std::vector<Header> headers() const;

 private:
  struct Deleter {
    void operator()(rd_kafka_message_s* m) const;
  };
  std::unique_ptr<rd_kafka_message_s, Deleter> msg_;
};

}  // namespace paxscreen::kafka
