// e2e 1 — a JSON feed through `paxscreen run` with the screening processor produces exactly the
// expected events. A synthetic watchlist of 3 invented entries (NDJSON file,
// processor.watchlist.files) and a feed on 4 partitions: 5 records per entry that carry the
// entry's name and date of birth (planted hits), PAXSCREEN_E2E_RECORDS / 40 records with
// generated names far from every entry, and 7 undecodable records. Expected, read back with
// read_committed: the events topic holds exactly the planted (record_id, entry_id) pairs, once
// each; the results topic one record per decodable traveller; the DLQ the 7 bad ones.
// The names are invented; no real person's data.
//
//   ctest --preset release -R e2e_screening_json
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "tests/e2e/e2e_service.h"

namespace paxscreen::e2e {
namespace {

constexpr int kPartitions = 4;
constexpr int kPerEntry = 5;
constexpr int kBad = 7;
constexpr char kName[] = "e2e_screening_json";

struct Entry {
  const char* id;
  const char* given;
  const char* surname;
  const char* dob;
};
constexpr Entry kEntries[] = {{"E2E-001", "QUENTORAX", "VELMIRUDAN", "1971-03-14"},
                              {"E2E-002", "ZAFIRELLA", "OMBRUKETTE", "1985-11-02"},
                              {"E2E-003", "TROVALDI", "KESSENBRAUN", "1962-07-30"}};

// "field":"value" of a flat top-level string field; "" when absent (our own events only).
std::string Field(const std::string& json, const std::string& key) {
  std::string marker = "\"" + key + "\":\"";
  auto at = json.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return json.substr(at, json.find('"', at) - at);
}

std::string Json(const std::string& id, const std::string& given, const std::string& surname,
                   const std::string& dob) {
  return "{\"record_id\":\"" + id + "\",\"source\":\"API\",\"passenger\":{\"surname\":\"" + surname +
         "\",\"given_names\":\"" + given + "\",\"date_of_birth\":\"" + dob + "\",\"sex\":\"M\"}}";
}

// Syllables from a small alphabet that none of the entries' names is close to.
std::string CleanName(int64_t n, int syllables) {
  static const char* kSyl[] = {"BA", "DU", "GI", "PO", "TA", "NU", "MI", "LO"};
  std::string s;
  for (int i = 0; i < syllables; ++i, n /= 8) s += kSyl[n % 8];
  return s;
}

int Run(const BrokerLocation& broker, const std::string& work) {
  const std::string& bootstrap = broker.bootstrap;
  const int64_t clean = std::max<int64_t>(EnvInt("PAXSCREEN_E2E_RECORDS", 200000) / 40, 200);
  const std::string in = UniqueName("scr-in"), events = UniqueName("scr-events"),
                    results = UniqueName("scr-results"), dlq = UniqueName("scr-dlq");
  CreateTopics(bootstrap, {{in, kPartitions}, {events, kPartitions}, {results, kPartitions}, {dlq, 1}});
  const std::string list = work + "/watchlist.ndjson";
  {
    std::ofstream f(list);
    for (const Entry& e : kEntries) {
      f << "{\"entry_id\":\"" << e.id << "\",\"list\":\"NATIONAL\",\"category\":\"individual\","
        << "\"names\":[{\"full\":\"" << e.given << " " << e.surname << "\",\"surname\":\"" << e.surname
        << "\",\"given_names\":\"" << e.given << "\",\"kind\":\"primary\"}],\"dates_of_birth\":[\""
        << e.dob << "\"]}\n";
    }
  }
  // The feed, keyed by record id, spread over the partitions by the default partitioner.
  std::vector<std::pair<std::string, std::string>> feed;
  std::set<std::pair<std::string, std::string>> expected;
  for (const Entry& e : kEntries) {
    for (int i = 0; i < kPerEntry; ++i) {
      std::string id = std::string("HIT-") + e.id + "-" + std::to_string(i);
      feed.push_back({id, Json(id, e.given, e.surname, e.dob)});
      expected.insert({id, e.id});
    }
  }
  for (int64_t i = 0; i < clean; ++i) {
    std::string id = "CLEAN-" + std::to_string(i);
    feed.push_back({id, Json(id, CleanName(i, 3), CleanName(i * 7 + 3, 4), "1990-01-01")});
  }
  for (int i = 0; i < kBad; ++i) feed.push_back({"BAD-" + std::to_string(i), "{\"record_id\": [not json"});
  std::rotate(feed.begin(), feed.begin() + static_cast<long>(feed.size() / 2), feed.end());  // hits mid-stream
  {
    KafkaPtr p = NewClient(RD_KAFKA_PRODUCER, bootstrap, {{"enable.idempotence", "true"}, {"linger.ms", "10"}});
    for (const auto& [k, v] : feed) {
      while (rd_kafka_producev(p.get(), RD_KAFKA_V_TOPIC(in.c_str()), RD_KAFKA_V_KEY(k.data(), k.size()),
                               RD_KAFKA_V_VALUE(const_cast<char*>(v.data()), v.size()),
                               RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END) ==
             RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        rd_kafka_poll(p.get(), 10);
      }
    }
    CheckResp(rd_kafka_flush(p.get(), 60000), "flush feed");
  }
  const std::string group = UniqueName("scr-group");
  auto keys = EchoConfig(bootstrap, in, events, dlq, group, UniqueName("scr-txn"));
  keys["processor.name"] = "screening";
  keys["processor.watchlist.files"] = list;
  keys["processor.results.topic"] = results;
  const std::string config = work + "/service.conf";
  WriteConfig(config, keys);
  Probe probe(bootstrap);
  int failures = 0;
  if (!RunUntilCommitted(config, work + "/service.log", probe, group, in, kPartitions,
                         std::chrono::seconds(180), &failures)) {
    return 1;
  }
  std::multiset<std::pair<std::string, std::string>> got;
  for (const Record& r : ReadAll(bootstrap, events, kPartitions, "read_committed")) {
    got.insert({Field(r.value, "record_id"), Field(r.value, "entry_id")});
  }
  int missing = 0, extra = 0, dup = 0;
  for (const auto& e : expected) missing += got.count(e) == 0 ? 1 : 0;
  for (auto it = got.begin(); it != got.end(); it = got.upper_bound(*it)) {
    if (expected.count(*it) == 0) {
      ++extra;
      std::printf("  unexpected event %s -> %s\n", it->first.c_str(), it->second.c_str());
    }
    dup += static_cast<int>(got.count(*it)) - 1;
  }
  std::printf("  events: %zu read, %zu expected; missing %d, unexpected %d, duplicated %d\n",
              got.size(), expected.size(), missing, extra, dup);
  if (missing + extra + dup > 0) ++failures;
  std::multiset<std::string> result_ids;
  for (const Record& r : ReadAll(bootstrap, results, kPartitions, "read_committed")) {
    result_ids.insert(Field(r.value, "record_id"));
  }
  const size_t travellers = feed.size() - kBad;
  std::set<std::string> distinct(result_ids.begin(), result_ids.end());
  std::printf("  results: %zu records for %zu distinct travellers (expected %zu)\n",
              result_ids.size(), distinct.size(), travellers);
  if (result_ids.size() != travellers || distinct.size() != travellers) ++failures;
  size_t dead = ReadAll(bootstrap, dlq, 1, "read_committed").size();
  std::printf("  dead letters: %zu (expected %d)\n", dead, kBad);
  if (dead != static_cast<size_t>(kBad)) ++failures;
  std::printf("%s: %s\n", kName, failures == 0 ? "PASS" : "FAIL");
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace paxscreen::e2e

int main() { return paxscreen::e2e::RunServiceTest(paxscreen::e2e::kName, &paxscreen::e2e::Run); }
