// The service's configuration: a `key = value` text file (format in README.md) plus
// overrides from the command line. `kafka.*` keys go to librdkafka verbatim (TLS, SASL, ...).
//
//   PAX_ASSIGN_OR_RETURN(ServiceConfig cfg, LoadConfigFile("paxscreen.conf"));
//   PAX_RETURN_IF_ERROR(ApplyOverride(&cfg, "service.workers", "4"));  PAX_RETURN_IF_ERROR(Validate(cfg));
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pipeline/kafka/types.h"

namespace paxscreen::service {

enum class DeliveryMode {
  kExactlyOnce,  // transactional producer; input offsets committed inside the transaction
  kAtLeastOnce,  // outputs flushed, then offsets committed; duplicates possible after a crash
};

// Plain options; every field has a documented default (README.md).
struct ServiceConfig {
  std::vector<std::string> input_topics;  // input.topics (comma-separated)
  std::string output_topic;               // output.topic: where outputs with no topic go
  std::string dlq_topic;                  // dlq.topic
  DeliveryMode mode = DeliveryMode::kExactlyOnce;  // service.mode = exactly_once|at_least_once
  std::string transactional_id;           // service.transactional_id (exactly_once: required)
  int workers = 2;                        // service.workers
  int poll_batch = 500;                   // service.poll_batch: max records per poll
  int max_in_flight = 10000;              // service.max_in_flight: polled, not yet drained
  int commit_interval_ms = 100;           // service.commit_interval_ms
  int commit_records = 20000;             // service.commit_records: commit sooner after this many
  int shutdown_timeout_ms = 10000;        // service.shutdown_timeout_ms
  int ready_timeout_ms = 0;               // service.ready_timeout_ms: 0 waits forever
  std::string http_listen = "127.0.0.1:9102";  // http.listen; "off" disables the endpoint
  std::string processor = "echo";         // processor.name
  std::string log_level = "info";         // log.level
  kafka::Properties kafka_common;         // kafka.X         (every client)
  kafka::Properties kafka_consumer;       // kafka.consumer.X (the input consumer only)
  kafka::Properties kafka_producer;       // kafka.producer.X (the output producer only)
  std::map<std::string, std::string> processor_options;  // processor.X (X != name)

  // Input consumer: our defaults, then kafka.*, then kafka.consumer.*; then the settings the
  // loop depends on (manual offset management) are forced.
  kafka::Properties ConsumerProperties() const;
  kafka::Properties ProducerProperties() const;
  // Connection properties only (kafka.*): for compacted-topic and replay readers.
  kafka::Properties ClientProperties() const { return kafka_common; }
  // A processor option, or `fallback`.
  std::string ProcessorOption(const std::string& key, const std::string& fallback = "") const;
};

// Parses the text of a config file. Errors name `source`, the line and the key.
absl::StatusOr<ServiceConfig> ParseConfig(std::string_view text, std::string_view source);
absl::StatusOr<ServiceConfig> LoadConfigFile(const std::string& path);
// Sets one key as a config line would.
absl::Status ApplyOverride(ServiceConfig* config, std::string_view key, std::string_view value);
// Applies "key=value" strings (command-line positional overrides).
absl::Status ApplyOverrides(ServiceConfig* config, const std::vector<std::string>& assignments);
// Checks required keys and ranges, and refuses settings the loop cannot run safely with
// (cooperative-sticky assignment, auto commit).
absl::Status Validate(const ServiceConfig& config);

}  // namespace paxscreen::service
