#include "pipeline/service/config.h"

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace paxscreen::service {
namespace {

absl::string_view AV(std::string_view s) { return absl::string_view(s.data(), s.size()); }

absl::Status ParseInt(std::string_view key, std::string_view value, int lo, int hi, int* out) {
  int v = 0;
  if (!absl::SimpleAtoi(AV(value), &v) || v < lo || v > hi) {
    return absl::InvalidArgumentError(absl::StrCat(AV(key), ": '", AV(value), "' is not an integer in [", lo, ", ", hi, "]"));
  }
  *out = v;
  return absl::OkStatus();
}

// Later entries win when librdkafka applies them, so "set" is an append.
void Put(kafka::Properties* props, std::string key, std::string value) {
  props->emplace_back(std::move(key), std::move(value));
}

std::string Lookup(const kafka::Properties& props, const std::string& key) {
  std::string v;
  for (const auto& [k, val] : props) if (k == key) v = val;
  return v;
}

}  // namespace

kafka::Properties ServiceConfig::ConsumerProperties() const {
  kafka::Properties p = {
      {"auto.offset.reset", "earliest"},  // a new group must not skip records
      {"isolation.level", "read_committed"},
      // Eager protocol: librdkafka 2.0.2 can lose the assignment when offsets are committed
      // during a cooperative rebalance (confluentinc/librdkafka#4059, fixed in 2.10 by #4908).
      {"partition.assignment.strategy", "range,roundrobin"},
  };
  p.insert(p.end(), kafka_common.begin(), kafka_common.end());
  p.insert(p.end(), kafka_consumer.begin(), kafka_consumer.end());
  p.push_back({"enable.auto.commit", "false"});
  p.push_back({"enable.auto.offset.store", "false"});
  p.push_back({"enable.partition.eof", "false"});
  return p;
}

kafka::Properties ServiceConfig::ProducerProperties() const {
  kafka::Properties p = {{"linger.ms", "5"}};
  if (mode == DeliveryMode::kAtLeastOnce) p.push_back({"enable.idempotence", "true"});
  p.insert(p.end(), kafka_common.begin(), kafka_common.end());
  p.insert(p.end(), kafka_producer.begin(), kafka_producer.end());
  return p;
}

std::string ServiceConfig::ProcessorOption(const std::string& key, const std::string& fallback) const {
  auto it = processor_options.find(key);
  return it == processor_options.end() ? fallback : it->second;
}

absl::Status ApplyOverride(ServiceConfig* c, std::string_view key_in, std::string_view value_in) {
  const std::string key(absl::StripAsciiWhitespace(AV(key_in)));
  const std::string value(absl::StripAsciiWhitespace(AV(value_in)));
  if (absl::StartsWith(key, "kafka.consumer.")) {
    Put(&c->kafka_consumer, key.substr(15), value);
  } else if (absl::StartsWith(key, "kafka.producer.")) {
    Put(&c->kafka_producer, key.substr(15), value);
  } else if (key == "kafka.group.id") {  // consumer-only: keeps the producer free of warnings
    Put(&c->kafka_consumer, "group.id", value);
  } else if (absl::StartsWith(key, "kafka.")) {
    Put(&c->kafka_common, key.substr(6), value);
  } else if (key == "processor.name") {
    c->processor = value;
  } else if (absl::StartsWith(key, "processor.") && key.size() > 10) {
    c->processor_options[key.substr(10)] = value;
  } else if (key == "input.topics") {
    c->input_topics.clear();
    for (absl::string_view t : absl::StrSplit(value, ',', absl::SkipWhitespace())) {
      c->input_topics.emplace_back(absl::StripAsciiWhitespace(t));
    }
  } else if (key == "output.topic") {
    c->output_topic = value;
  } else if (key == "dlq.topic") {
    c->dlq_topic = value;
  } else if (key == "service.mode") {
    if (value == "exactly_once") c->mode = DeliveryMode::kExactlyOnce;
    else if (value == "at_least_once") c->mode = DeliveryMode::kAtLeastOnce;
    else return absl::InvalidArgumentError(absl::StrCat("service.mode: '", value, "' is not exactly_once or at_least_once"));
  } else if (key == "service.transactional_id") {
    c->transactional_id = value;
  } else if (key == "service.workers") {
    return ParseInt(key, value, 1, 256, &c->workers);
  } else if (key == "service.poll_batch") {
    return ParseInt(key, value, 1, 100000, &c->poll_batch);
  } else if (key == "service.max_in_flight") {
    return ParseInt(key, value, 1, 10000000, &c->max_in_flight);
  } else if (key == "service.commit_interval_ms") {
    return ParseInt(key, value, 1, 3600000, &c->commit_interval_ms);
  } else if (key == "service.commit_records") {
    return ParseInt(key, value, 1, 100000000, &c->commit_records);
  } else if (key == "service.shutdown_timeout_ms") {
    return ParseInt(key, value, 100, 3600000, &c->shutdown_timeout_ms);
  } else if (key == "service.ready_timeout_ms") {
    return ParseInt(key, value, 0, 86400000, &c->ready_timeout_ms);
  } else if (key == "http.listen") {
    c->http_listen = value;
  } else if (key == "log.level") {
    c->log_level = value;
  } else {
    return absl::InvalidArgumentError(absl::StrCat("unknown key '", key, "'"));
  }
  return absl::OkStatus();
}

absl::StatusOr<ServiceConfig> ParseConfig(std::string_view text, std::string_view source) {
  ServiceConfig c;
  int line_no = 0;
  for (absl::string_view raw : absl::StrSplit(AV(text), '\n')) {
    ++line_no;
    absl::string_view line = absl::StripAsciiWhitespace(raw);
    if (line.empty() || line[0] == '#') continue;
    const size_t eq = line.find('=');
    if (eq == absl::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrCat(AV(source), ":", line_no, ": expected 'key = value'"));
    }
    absl::string_view key = absl::StripAsciiWhitespace(line.substr(0, eq));
    if (key.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(AV(source), ":", line_no, ": empty key"));
    }
    absl::Status s = ApplyOverride(&c, std::string_view(key.data(), key.size()),
                                   std::string_view(line.data() + eq + 1, line.size() - eq - 1));
    if (!s.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(AV(source), ":", line_no, ": ", s.message()));
    }
  }
  return c;
}

absl::StatusOr<ServiceConfig> LoadConfigFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("config file '", path, "' cannot be read"));
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseConfig(ss.str(), path);
}

absl::Status ApplyOverrides(ServiceConfig* config, const std::vector<std::string>& assignments) {
  for (const std::string& a : assignments) {
    const size_t eq = a.find('=');
    if (eq == std::string::npos) {
      return absl::InvalidArgumentError(absl::StrCat("override '", a, "' is not key=value"));
    }
    absl::Status s = ApplyOverride(config, std::string_view(a).substr(0, eq), std::string_view(a).substr(eq + 1));
    if (!s.ok()) return absl::InvalidArgumentError(absl::StrCat("override: ", s.message()));
  }
  return absl::OkStatus();
}

absl::Status Validate(const ServiceConfig& c) {
  auto missing = [](const char* key) {
    return absl::InvalidArgumentError(absl::StrCat("config: '", key, "' is required"));
  };
  if (c.input_topics.empty()) return missing("input.topics");
  if (c.output_topic.empty()) return missing("output.topic");
  if (c.dlq_topic.empty()) return missing("dlq.topic");
  if (Lookup(c.kafka_common, "bootstrap.servers").empty()) return missing("kafka.bootstrap.servers");
  const std::string group = Lookup(c.kafka_consumer, "group.id").empty()
                                ? Lookup(c.kafka_common, "group.id") : Lookup(c.kafka_consumer, "group.id");
  if (group.empty()) return missing("kafka.group.id");
  if (c.mode == DeliveryMode::kExactlyOnce && c.transactional_id.empty()) {
    return absl::InvalidArgumentError("config: service.mode = exactly_once needs service.transactional_id (unique per instance)");
  }
  for (const auto* props : {&c.kafka_common, &c.kafka_consumer}) {
    if (absl::StrContains(Lookup(*props, "partition.assignment.strategy"), "cooperative")) {
      return absl::InvalidArgumentError(
          "config: partition.assignment.strategy cooperative-sticky is refused: librdkafka 2.0.2 "
          "can lose the assignment when offsets are committed during a cooperative rebalance "
          "(librdkafka#4059); use range or roundrobin");
    }
  }
  for (const auto* props : {&c.kafka_common, &c.kafka_producer}) {
    if (!Lookup(*props, "transactional.id").empty()) {
      return absl::InvalidArgumentError("config: set service.transactional_id, not kafka.transactional.id");
    }
  }
  if (c.http_listen != "off" && c.http_listen.empty()) return missing("http.listen");
  return absl::OkStatus();
}

}  // namespace paxscreen::service
