// e2e 5 — a watchlist update through the compacted topic while traffic flows. `paxscreen run`
// (screening, processor.watchlist.topic only, no files) starts with one invented entry BASE
// published by `paxscreen watchlist publish`. A background thread keeps producing clean
// travellers the whole time. Three phases of planted travellers, each waited for until the
// group's committed offsets pass them:
//   A: travellers named like BASE and like NEW (not on the list yet)  -> only the BASE ones hit;
//   `paxscreen watchlist publish` NEW; wait until /metrics shows 2 index entries;
//   B: the same two kinds                                             -> both hit;
//   a tombstone (null value) for NEW produced straight to the topic; wait for 1 index entry;
//   C: the same two kinds                                             -> only BASE hits again.
// Expected: the events are exactly those pairs; the events and results of a phase all carry
// one watchlist_version, B's differs from A's, and C's equals A's (the version is a hash of the
// content, which is the same again); one result per traveller, background included.
// The names are invented; no real person's data.
//
//   ctest --preset release -R e2e_watchlist_update
#include <atomic>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/e2e/e2e_service.h"
#include "tests/e2e/screening_support.h"

namespace paxscreen::e2e {
namespace {

constexpr int kPartitions = 2;
constexpr int kPerKind = 5;
constexpr char kName[] = "e2e_watchlist_update";

const TestEntry kBase = {"WLU-BASE", "MORWENNAX", "FELDRUSKOV", "1966-08-19", ""};
const TestEntry kNew = {"WLU-NEW", "TASHVIROLD", "PENDRAGULIS", "1979-02-11", ""};

// Clean travellers at a bounded rate on one producer until stopped.
class Background {
 public:
  Background(const std::string& bootstrap, const std::string& topic)
      : producer_(NewClient(RD_KAFKA_PRODUCER, bootstrap,
                            {{"enable.idempotence", "true"}, {"linger.ms", "5"}})),
        topic_(topic),
        thread_([this] { Loop(); }) {}
  ~Background() { Stop(); }
  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  int64_t produced() const { return produced_; }
  const std::string& error() const { return error_; }

 private:
  void Loop() {
    while (!stop_) {
      for (int i = 0; i < 10; ++i, ++produced_) {  // ~200 travellers/s
        const std::string id = "BG-" + std::to_string(produced_);
        const std::string v = PassengerJson(id, CleanName(produced_, 3),
                                            CleanName(produced_ * 5 + 2, 4), "1992-06-07");
        rd_kafka_resp_err_t e = rd_kafka_producev(
            producer_.get(), RD_KAFKA_V_TOPIC(topic_.c_str()), RD_KAFKA_V_KEY(id.data(), id.size()),
            RD_KAFKA_V_VALUE(const_cast<char*>(v.data()), v.size()),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
        if (e != RD_KAFKA_RESP_ERR_NO_ERROR) {
          error_ = rd_kafka_err2str(e);
          return;
        }
      }
      rd_kafka_poll(producer_.get(), 50);  // paces the loop and serves delivery reports
    }
    if (rd_kafka_flush(producer_.get(), 30000) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      error_ = "flush timed out";
    }
  }

  KafkaPtr producer_;
  std::string topic_;
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> produced_{0};
  std::string error_;
  std::thread thread_;  // last: starts once the members above exist
};

bool AllAtLeast(const std::vector<int64_t>& got, const std::vector<int64_t>& want) {
  if (got.size() != want.size()) return false;
  for (size_t i = 0; i < got.size(); ++i) {
    if (got[i] < want[i]) return false;
  }
  return true;
}

int Run(const BrokerLocation& broker, const std::string& work) {
  const std::string& bootstrap = broker.bootstrap;
  const std::string in = UniqueName("wlu-in"), events = UniqueName("wlu-events"),
                    results = UniqueName("wlu-results"), dlq = UniqueName("wlu-dlq"),
                    wl = UniqueName("wlu-watchlist");
  CreateTopics(bootstrap, {{in, kPartitions}, {events, kPartitions}, {results, kPartitions},
                           {dlq, 1}, {wl, 1}});
  auto publish = [&](const std::string& file, const std::vector<TestEntry>& entries) {
    WriteNdjson(work + "/" + file, entries);
    int code = RunCommand({PaxscreenBinary(), "watchlist", "publish", "--topic", wl, "--brokers",
                           bootstrap, work + "/" + file},
                          work + "/publish.log", std::chrono::seconds(60));
    if (code != 0) {
      throw std::runtime_error("paxscreen watchlist publish " + file + " exited " +
                               std::to_string(code) + ":\n" + Tail(work + "/publish.log"));
    }
  };
  publish("base.ndjson", {kBase});

  const std::string group = UniqueName("wlu-group");
  auto keys = EchoConfig(bootstrap, in, events, dlq, group, UniqueName("wlu-txn"));
  keys["processor.name"] = "screening";
  keys["processor.watchlist.topic"] = wl;
  keys["processor.watchlist.apply_interval_ms"] = "100";
  keys["processor.results.topic"] = results;
  const std::string config = work + "/service.conf";
  WriteConfig(config, keys);
  auto svc = StartService(config, {}, work + "/service.log");
  if (!svc->WaitReady(std::chrono::seconds(60))) {
    std::printf("  FAIL the service did not become ready:\n%s", Tail(svc->log_path()).c_str());
    return 1;
  }
  const int port = svc->HttpPort(std::chrono::seconds(1));
  auto metric = [&](const char* name) {
    auto body = HttpGet(port, "/metrics");
    return body ? MetricValue(*body, name) : -1.0;
  };
  // The index holds `n` entries (the update was applied), within 30 s.
  auto wait_entries = [&](double n, const char* what) {
    if (!WaitFor([&] { return metric("paxscreen_index_entries") == n || !svc->Running(); },
                 std::chrono::seconds(30), std::chrono::milliseconds(50)) ||
        !svc->Running()) {
      throw std::runtime_error(std::string("the service did not apply ") + what + ":\n" +
                               Tail(svc->log_path()));
    }
  };
  wait_entries(1, "the initial watchlist");
  Probe probe(bootstrap);
  Background background(bootstrap, in);
  std::set<EventPair> expected;
  std::map<std::string, std::string> phase_of;  // record id -> phase
  std::set<std::string> planted;
  // Produces the planted travellers of one phase and waits until the service has committed
  // past them (the background traffic keeps flowing meanwhile).
  auto phase = [&](const std::string& tag, bool new_listed) {
    std::vector<KeyedRecord> recs;
    for (int i = 0; i < kPerKind; ++i) {
      for (const TestEntry* e : {&kBase, &kNew}) {
        const std::string id = tag + "-" + e->id + "-" + std::to_string(i);
        recs.push_back({id, PassengerJson(id, e->given, e->surname, e->dob)});
        phase_of[id] = tag;
        planted.insert(id);
        if (e == &kBase || new_listed) expected.insert({id, e->id});
      }
    }
    ProduceRecords(bootstrap, in, recs);
    const std::vector<int64_t> ends = probe.EndOffsets(in, kPartitions);
    auto caught_up = [&] {
      return AllAtLeast(probe.Committed(group, in, kPartitions), ends) || !svc->Running();
    };
    if (!WaitFor(caught_up, std::chrono::seconds(60), std::chrono::milliseconds(100)) ||
        !svc->Running()) {
      throw std::runtime_error("phase " + tag + " was not screened:\n" + Tail(svc->log_path()));
    }
    std::printf("  phase %s screened (%lld background travellers so far)\n", tag.c_str(),
                static_cast<long long>(background.produced()));
  };
  const double generation0 = metric("paxscreen_watchlist_version");
  phase("A", false);
  publish("new.ndjson", {kNew});
  wait_entries(2, "the new entry");
  const double generation1 = metric("paxscreen_watchlist_version");
  phase("B", true);
  ProduceRecords(bootstrap, wl, {{kNew.id, ""}});  // tombstone
  wait_entries(1, "the tombstone");
  const double generation2 = metric("paxscreen_watchlist_version");
  phase("C", false);
  background.Stop();
  if (!background.error().empty()) {
    throw std::runtime_error("background producer: " + background.error());
  }
  const std::vector<int64_t> ends = probe.EndOffsets(in, kPartitions);
  if (!WaitFor([&] { return probe.Committed(group, in, kPartitions) == ends || !svc->Running(); },
               std::chrono::seconds(60), std::chrono::milliseconds(100)) ||
      !svc->Running()) {
    std::printf("  FAIL the background traffic was not screened:\n%s",
                Tail(svc->log_path()).c_str());
    return 1;
  }
  const double rejected = metric("paxscreen_watchlist_rejected_changes_total");
  svc->Terminate();
  int failures = 0;
  if (svc->Wait(std::chrono::seconds(30)) != 0) {
    std::printf("  FAIL SIGTERM did not stop it with status 0:\n%s", Tail(svc->log_path()).c_str());
    ++failures;
  }
  std::printf("  watchlist generation %.0f -> %.0f -> %.0f, rejected changes %.0f\n", generation0,
              generation1, generation2, rejected);
  if (!(generation0 < generation1 && generation1 < generation2) || rejected != 0) ++failures;

  const std::vector<Record> event_records =
      ReadAll(bootstrap, events, kPartitions, "read_committed");
  if (CompareEvents("events", expected, event_records) > 0) ++failures;
  // One watchlist_version per phase, in events and results alike.
  std::map<std::string, std::set<std::string>> versions;  // phase -> versions seen
  for (const Record& r : event_records) {
    auto it = phase_of.find(Field(r.value, "record_id"));
    if (it != phase_of.end()) versions[it->second].insert(Field(r.value, "watchlist_version"));
  }
  std::map<std::string, int> result_count;
  for (const Record& r : ReadAll(bootstrap, results, kPartitions, "read_committed")) {
    const std::string id = Field(r.value, "record_id");
    ++result_count[id];
    auto it = phase_of.find(id);
    if (it != phase_of.end()) versions[it->second].insert(Field(r.value, "watchlist_version"));
  }
  for (const auto& [tag, v] : versions) {
    std::string list;
    for (const auto& s : v) list += " " + s;
    std::printf("  phase %s watchlist_version:%s\n", tag.c_str(), list.c_str());
  }
  if (versions["A"].size() != 1 || versions["B"].size() != 1 || versions["C"].size() != 1 ||
      versions["A"] == versions["B"] || versions["A"] != versions["C"] ||
      versions["A"].begin()->empty()) {
    std::printf("  FAIL expected one version per phase, B's new, C's equal to A's\n");
    ++failures;
  }
  const int64_t travellers = static_cast<int64_t>(planted.size()) + background.produced();
  int64_t bad = 0;
  for (const auto& [id, n] : result_count) {
    const bool known = planted.count(id) > 0 || id.rfind("BG-", 0) == 0;
    bad += (!known || n != 1) ? 1 : 0;
  }
  std::printf("  results: %zu distinct travellers, %lld expected, %lld unknown or duplicated\n",
              result_count.size(), static_cast<long long>(travellers), static_cast<long long>(bad));
  if (static_cast<int64_t>(result_count.size()) != travellers || bad != 0) ++failures;
  const size_t dead = ReadAll(bootstrap, dlq, 1, "read_committed").size();
  if (dead != 0) {
    std::printf("  FAIL %zu dead letters (expected none)\n", dead);
    ++failures;
  }
  std::printf("%s: %s\n", kName, failures == 0 ? "PASS" : "FAIL");
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace paxscreen::e2e

int main() { return paxscreen::e2e::RunServiceTest(paxscreen::e2e::kName, &paxscreen::e2e::Run); }
