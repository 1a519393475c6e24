// The record processor the streaming service runs on its worker threads, and a registry of
// processor factories by name (`processor.name` in the config).
//
//   class Screening : public Processor { ProcessOutcome Process(const InputRecord& r) override; };
//   PAXSCREEN_REGISTER_PROCESSOR("screening", "Screen passengers", &MakeScreening);
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pipeline/kafka/types.h"
#include "pipeline/service/config.h"
#include "pipeline/service/metrics.h"

namespace paxscreen::service {

// One consumed record. Views are valid only during Process().
struct InputRecord {
  std::string_view topic;
  int32_t partition = 0;
  int64_t offset = 0;
  int64_t timestamp_ms = -1;
  std::optional<std::string_view> key;  // nullopt: null key
  std::string_view value;               // a null value arrives as empty
  const std::vector<kafka::Header>* headers = nullptr;  // never null inside Process()
};

// A record to produce. Produced in input order per input partition, inside the transaction.
struct OutputMessage {
  std::string topic;               // empty: the configured output.topic
  std::optional<std::string> key;  // nullopt: null key (partitioner picks at random)
  std::string value;
  std::vector<kafka::Header> headers;
};

// The input cannot be processed (undecodable, invalid): it is copied verbatim to dlq.topic
// with headers paxscreen.error.class/.message/.source.topic/.source.partition/.source.offset.
struct DeadLetter {
  std::string error_class;  // short machine-readable class, e.g. "decode", "validate"
  std::string message;      // human-readable; must not contain personal data
};

struct ProcessOutcome {
  std::vector<OutputMessage> outputs;
  std::optional<DeadLetter> dead_letter;  // may be combined with outputs
};

// What the service hands a processor at start.
struct ProcessorContext {
  MetricsRegistry* metrics = nullptr;  // register gauges/counters here (index size, version)
  const ServiceConfig* config = nullptr;
  kafka::Properties client_properties;  // kafka.* connection settings, for topic readers
};

// Lifetime: created by its factory, Start() once, Process() from `service.workers` threads at
// the same time (so it must be thread-safe), Stop() once after the last Process().
class Processor {
 public:
  virtual ~Processor() = default;
  // Loads what the processor needs (watchlists, compacted-topic readers). May return before
  // loading completes; the service consumes input only once Ready() is true.
  virtual absl::Status Start(ProcessorContext& /*context*/) { return absl::OkStatus(); }
  // Thread-safe; polled by the service and /readyz.
  virtual bool Ready() const { return true; }
  // Thread-safe; called concurrently. Never throws; put failures in dead_letter.
  virtual ProcessOutcome Process(const InputRecord& record) = 0;
  virtual void Stop() {}
};

using ProcessorFactory = absl::StatusOr<std::unique_ptr<Processor>> (*)(const ServiceConfig& config);

struct ProcessorInfo {
  std::string_view name;
  std::string_view summary;
  ProcessorFactory factory;
};

// Adds a factory (true, for static initializers). Call it from code linked into the program
// itself (a *_cmd.cc file or a function main calls): static libraries drop unreferenced objects.
bool RegisterProcessor(const ProcessorInfo& info);
const ProcessorInfo* FindProcessor(std::string_view name);
std::vector<ProcessorInfo> Processors();
// Finds and builds the processor named in config.processor.
absl::StatusOr<std::unique_ptr<Processor>> MakeProcessor(const ServiceConfig& config);

// The built-in diagnostic processor "echo" (for tests, benchmarks and smoke runs, not for
// screening): copies each record's key and value to output.topic; a value starting with
// processor.fail_prefix (default "!dlq") is dead-lettered with class "echo.rejected".
absl::StatusOr<std::unique_ptr<Processor>> MakeEchoProcessor(const ServiceConfig& config);

}  // namespace paxscreen::service

#define PAXSCREEN_PROCESSOR_CONCAT_INNER_(a, b) a##b
#define PAXSCREEN_PROCESSOR_CONCAT_(a, b) PAXSCREEN_PROCESSOR_CONCAT_INNER_(a, b)
#define PAXSCREEN_REGISTER_PROCESSOR(name, summary, factory)                                 \
  static const bool PAXSCREEN_PROCESSOR_CONCAT_(paxscreen_processor_registered_, __LINE__) = \
      ::paxscreen::service::RegisterProcessor({name, summary, factory})
