#include "pipeline/service/config.h"

#include <catch2/catch.hpp>

#include "absl/strings/match.h"

namespace paxscreen::service {
namespace {

constexpr char kGood[] = R"(# paxscreen streaming service
input.topics = passengers, pnr
output.topic = events
dlq.topic    = passengers.dlq
service.mode = exactly_once
service.transactional_id = paxscreen-1
service.workers = 4
service.commit_interval_ms = 250
http.listen = 127.0.0.1:9200
processor.name = echo
processor.fail_prefix = XX
kafka.bootstrap.servers = broker:9093
kafka.security.protocol = SASL_SSL
kafka.sasl.password = has=equals=signs
kafka.consumer.group.id = screening
kafka.producer.compression.type = zstd
)";

std::string Get(const kafka::Properties& props, const std::string& key) {
  std::string v = "<unset>";
  for (const auto& [k, val] : props) if (k == key) v = val;
  return v;
}

TEST_CASE("a documented config parses, validates and routes kafka properties", "[config]") {
  auto cfg = ParseConfig(kGood, "good.conf");
  REQUIRE(cfg.ok());
  CHECK(cfg->input_topics == std::vector<std::string>{"passengers", "pnr"});
  CHECK(cfg->output_topic == "events");
  CHECK(cfg->workers == 4);
  CHECK(cfg->commit_interval_ms == 250);
  CHECK(cfg->ProcessorOption("fail_prefix") == "XX");
  CHECK(Validate(*cfg).ok());
  const auto consumer = cfg->ConsumerProperties();
  CHECK(Get(consumer, "bootstrap.servers") == "broker:9093");
  CHECK(Get(consumer, "sasl.password") == "has=equals=signs");
  CHECK(Get(consumer, "group.id") == "screening");
  CHECK(Get(consumer, "isolation.level") == "read_committed");
  CHECK(Get(consumer, "enable.auto.commit") == "false");
  CHECK(Get(consumer, "partition.assignment.strategy") == "range,roundrobin");
  CHECK(Get(consumer, "compression.type") == "<unset>");
  const auto producer = cfg->ProducerProperties();
  CHECK(Get(producer, "compression.type") == "zstd");
  CHECK(Get(producer, "group.id") == "<unset>");
}

TEST_CASE("config errors name the file, line and key", "[config]") {
  auto bad_line = ParseConfig("input.topics = a\nthis line has no equals\n", "x.conf");
  REQUIRE_FALSE(bad_line.ok());
  CHECK(absl::StrContains(bad_line.status().message(), "x.conf:2"));
  auto unknown = ParseConfig("servce.workers = 2\n", "y.conf");
  REQUIRE_FALSE(unknown.ok());
  CHECK(absl::StrContains(unknown.status().message(), "y.conf:1"));
  CHECK(absl::StrContains(unknown.status().message(), "servce.workers"));
  auto range = ParseConfig("\n\nservice.workers = 0\n", "z.conf");
  REQUIRE_FALSE(range.ok());
  CHECK(absl::StrContains(range.status().message(), "z.conf:3"));
  auto mode = ParseConfig("service.mode = twice\n", "m.conf");
  REQUIRE_FALSE(mode.ok());
  CHECK(absl::StrContains(mode.status().message(), "exactly_once"));
  CHECK_FALSE(LoadConfigFile("/nonexistent/paxscreen.conf").ok());
}

TEST_CASE("validation refuses unsafe or incomplete configs", "[config]") {
  auto cfg = ParseConfig(kGood, "good.conf");
  REQUIRE(cfg.ok());
  ServiceConfig c = *cfg;
  REQUIRE(ApplyOverride(&c, "kafka.partition.assignment.strategy", "cooperative-sticky").ok());
  auto s = Validate(c);
  REQUIRE_FALSE(s.ok());
  CHECK(absl::StrContains(s.message(), "4059"));

  c = *cfg;
  c.transactional_id.clear();
  CHECK_FALSE(Validate(c).ok());
  REQUIRE(ApplyOverride(&c, "service.mode", "at_least_once").ok());
  CHECK(Validate(c).ok());

  c = *cfg;
  c.dlq_topic.clear();
  CHECK(absl::StrContains(Validate(c).message(), "dlq.topic"));
  c = *cfg;
  c.kafka_consumer.clear();
  CHECK(absl::StrContains(Validate(c).message(), "kafka.group.id"));
  c = *cfg;
  REQUIRE(ApplyOverride(&c, "kafka.transactional.id", "x").ok());
  CHECK_FALSE(Validate(c).ok());
}

TEST_CASE("command-line overrides replace file values", "[config]") {
  auto cfg = ParseConfig(kGood, "good.conf");
  REQUIRE(cfg.ok());
  REQUIRE(ApplyOverrides(&*cfg, {"service.workers=8", "input.topics=a", "kafka.linger.ms=1"}).ok());
  CHECK(cfg->workers == 8);
  CHECK(cfg->input_topics == std::vector<std::string>{"a"});
  CHECK(Get(cfg->ProducerProperties(), "linger.ms") == "1");
  CHECK_FALSE(ApplyOverrides(&*cfg, {"no-equals-sign"}).ok());
  CHECK_FALSE(ApplyOverrides(&*cfg, {"service.workers=many"}).ok());
}

}  // namespace
}  // namespace paxscreen::service
