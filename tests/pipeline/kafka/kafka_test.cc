// The Kafka wrappers on librdkafka's mock cluster: round trip with headers and null fields,
// the compacted-topic reader, configuration errors.
#include <catch2/catch.hpp>

#include <map>
#include <mutex>
#include <optional>

#include "absl/strings/match.h"
#include "pipeline/kafka/compacted_reader.h"
#include "pipeline/kafka/consumer.h"
#include "pipeline/kafka/mock_cluster.h"
#include "pipeline/kafka/producer.h"
#include "pipeline/kafka/time_window.h"

namespace paxscreen::kafka {
namespace {

Properties Props(const MockCluster& c) {
  return {{"bootstrap.servers", c.bootstrap_servers()}, {"log_level", "3"}};
}

TEST_CASE("produce and consume keep key, value, headers, null key and tombstone", "[kafka][mock]") {
  auto cluster = MockCluster::Create(1);
  REQUIRE(cluster.ok());
  REQUIRE((*cluster)->CreateTopic("t", 1).ok());
  auto producer = Producer::Create(Props(**cluster), {});
  REQUIRE(producer.ok());
  std::vector<Header> hdrs = {{"a", "1"}, {"b", ""}};
  REQUIRE((*producer)->Produce({"t", std::string_view("k1"), std::string_view("v1"), &hdrs}).ok());
  REQUIRE((*producer)->Produce({"t", std::nullopt, std::string_view("v2")}).ok());
  REQUIRE((*producer)->Produce({"t", std::string_view("k3"), std::nullopt}).ok());
  REQUIRE((*producer)->Flush(10000).ok());
  CHECK((*producer)->delivered() == 3);
  CHECK((*producer)->failed() == 0);

  Properties cp = Props(**cluster);
  cp.push_back({"group.id", "reader"});
  auto consumer = Consumer::Create(cp);
  REQUIRE(consumer.ok());
  REQUIRE((*consumer)->Assign({{"t", 0, kOffsetBeginning}}).ok());
  std::vector<Message> got;
  for (int i = 0; i < 200 && got.size() < 3; ++i) {
    std::vector<Message> batch;
    (*consumer)->PollBatch(10, 50, &batch);
    for (auto& m : batch) if (m.ok()) got.push_back(std::move(m));
  }
  REQUIRE(got.size() == 3);
  CHECK(got[0].key() == std::optional<std::string_view>("k1"));
  CHECK(got[0].value() == std::optional<std::string_view>("v1"));
  CHECK(got[0].headers() == hdrs);
  CHECK(got[0].offset() == 0);
  CHECK(got[0].topic() == "t");
  CHECK_FALSE(got[1].key().has_value());
  CHECK_FALSE(got[2].value().has_value());
  CHECK(IsTombstone(got[2].value()));
  auto wm = (*consumer)->QueryWatermarks("t", 0, 5000);
  REQUIRE(wm.ok());
  CHECK(wm->second == 3);
  auto count = (*consumer)->PartitionCount("t", 5000);
  REQUIRE(count.ok());
  CHECK(*count == 1);
}

TEST_CASE("compacted reader replays to the end, reports caught up, then follows", "[kafka][mock]") {
  auto cluster = MockCluster::Create(1);
  REQUIRE(cluster.ok());
  REQUIRE((*cluster)->CreateTopic("watchlist", 3).ok());
  auto producer = Producer::Create(Props(**cluster), {});
  REQUIRE(producer.ok());
  for (int i = 0; i < 30; ++i) {
    const std::string key = "E" + std::to_string(i % 10), value = "v" + std::to_string(i);
    REQUIRE((*producer)->Produce({"watchlist", std::string_view(key), std::string_view(value)}).ok());
  }
  REQUIRE((*producer)->Produce({"watchlist", std::string_view("E3"), std::nullopt}).ok());  // delete
  REQUIRE((*producer)->Flush(10000).ok());

  auto reader = CompactedTopicReader::Create(Props(**cluster), "watchlist");
  REQUIRE(reader.ok());
  std::mutex mu;
  std::map<std::string, std::string> state;
  std::atomic<int> caught_up_calls{0};
  REQUIRE((*reader)->Start(
      [&](std::optional<std::string_view> key, std::optional<std::string_view> value) {
        std::lock_guard<std::mutex> lock(mu);
        if (IsTombstone(value)) state.erase(std::string(*key));
        else state[std::string(*key)] = std::string(*value);
      },
      [&] { caught_up_calls++; }).ok());
  REQUIRE((*reader)->WaitCaughtUp(15000));
  CHECK(caught_up_calls.load() == 1);
  CHECK((*reader)->records_read() == 31);
  {
    std::lock_guard<std::mutex> lock(mu);
    CHECK(state.size() == 9);  // E0..E9 minus the deleted E3
    CHECK(state.count("E3") == 0);
    CHECK(state["E9"] == "v29");  // latest value per key (same key, same partition, in order)
  }
  REQUIRE((*producer)->Produce({"watchlist", std::string_view("NEW"), std::string_view("x")}).ok());
  REQUIRE((*producer)->Flush(10000).ok());
  bool followed = false;
  for (int i = 0; i < 300 && !followed; ++i) {
    {
      std::lock_guard<std::mutex> lock(mu);
      followed = state.count("NEW") == 1;
    }
    if (!followed) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(followed);
  (*reader)->Stop();
}

TEST_CASE("bad properties and windows are reported, naming the property", "[kafka]") {
  auto p = Producer::Create({{"no.such.property", "1"}}, {});
  REQUIRE_FALSE(p.ok());
  CHECK(absl::StrContains(p.status().message(), "no.such.property"));
  auto c = Consumer::Create({{"sasl.password", "secret"}, {"fetch.wait.max.ms", "not-a-number"}});
  REQUIRE_FALSE(c.ok());
  CHECK(absl::StrContains(c.status().message(), "fetch.wait.max.ms"));
  CHECK_FALSE(absl::StrContains(c.status().message(), "secret"));

  auto cluster = MockCluster::Create(1);
  REQUIRE(cluster.ok());
  Properties cp = Props(**cluster);
  cp.push_back({"group.id", "w"});
  auto consumer = Consumer::Create(cp);
  REQUIRE(consumer.ok());
  auto window = ResolveTimeWindow(**consumer, {"t"}, 2000, 1000);
  REQUIRE_FALSE(window.ok());
  CHECK(absl::StrContains(window.status().message(), "before"));
}

}  // namespace
}  // namespace paxscreen::kafka
