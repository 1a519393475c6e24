#include "tests/e2e/screening_support.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>

namespace paxscreen::e2e {

std::string EntryJson(const TestEntry& e) {
  std::string names = "{\"full\":\"" + e.given + " " + e.surname + "\",\"surname\":\"" + e.surname +
                      "\",\"given_names\":\"" + e.given + "\",\"kind\":\"primary\"}";
  if (!e.alias.empty()) names += ",{\"full\":\"" + e.alias + "\",\"kind\":\"alias\"}";
  return "{\"entry_id\":\"" + e.id + "\",\"list\":\"NATIONAL\",\"category\":\"individual\"," +
         "\"names\":[" + names + "],\"dates_of_birth\":[\"" + e.dob + "\"]}";
}

void WriteNdjson(const std::string& path, const std::vector<TestEntry>& entries) {
  std::ofstream f(path, std::ios::trunc);
  for (const TestEntry& e : entries) f << EntryJson(e) << "\n";
  if (!f) throw std::runtime_error("cannot write " + path);
}

std::string PassengerJson(const std::string& record_id, const std::string& given,
                          const std::string& surname, const std::string& dob) {
  return "{\"record_id\":\"" + record_id + "\",\"source\":\"API\",\"passenger\":{\"surname\":\"" +
         surname + "\",\"given_names\":\"" + given + "\",\"date_of_birth\":\"" + dob +
         "\",\"sex\":\"M\"}}";
}

std::string CleanName(int64_t n, int syllables) {
  static const char* kSyl[] = {"BA", "DU", "GI", "PO", "TA", "NU", "MI", "LO"};
  std::string s;
  for (int i = 0; i < syllables; ++i, n /= 8) s += kSyl[n % 8];
  return s;
}

std::string Field(const std::string& json, const std::string& key) {
  const std::string marker = "\"" + key + "\":\"";
  auto at = json.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return json.substr(at, json.find('"', at) - at);
}

namespace {

void CountFailure(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) {
  if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) ++*static_cast<int64_t*>(opaque);
}

}  // namespace

void ProduceRecords(const std::string& bootstrap, const std::string& topic,
                    const std::vector<KeyedRecord>& records) {
  int64_t failures = 0;
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  rd_kafka_conf_set_dr_msg_cb(conf, &CountFailure);
  rd_kafka_conf_set_opaque(conf, &failures);
  char err[512];
  const std::map<std::string, std::string> props = {{"bootstrap.servers", bootstrap},
                                                    {"broker.address.family", "v4"},
                                                    {"enable.idempotence", "true"},
                                                    {"linger.ms", "5"}};
  for (const auto& [k, v] : props) {
    if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
      rd_kafka_conf_destroy(conf);
      throw std::runtime_error("producer config " + k + ": " + err);
    }
  }
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
  if (rk == nullptr) {
    rd_kafka_conf_destroy(conf);
    throw std::runtime_error(std::string("rd_kafka_new: ") + err);
  }
  KafkaPtr p(rk);
  for (const KeyedRecord& r : records) {
    for (;;) {
      rd_kafka_resp_err_t e = rd_kafka_producev(
          rk, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_PARTITION(r.partition),
          RD_KAFKA_V_KEY(r.key.data(), r.key.size()),
          RD_KAFKA_V_VALUE(r.value.empty() ? nullptr : const_cast<char*>(r.value.data()),
                           r.value.size()),
          RD_KAFKA_V_TIMESTAMP(r.timestamp_ms), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
          RD_KAFKA_V_END);
      if (e == RD_KAFKA_RESP_ERR_NO_ERROR) break;
      if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL) CheckResp(e, "produce to " + topic);
      rd_kafka_poll(rk, 10);
    }
    rd_kafka_poll(rk, 0);
  }
  CheckResp(rd_kafka_flush(rk, 60000), "flush to " + topic);
  if (failures > 0) {
    throw std::runtime_error(topic + ": " + std::to_string(failures) + " records not delivered");
  }
}

int CompareEvents(const std::string& what, const std::set<EventPair>& expected,
                  const std::vector<Record>& events) {
  std::map<EventPair, int> got;
  for (const Record& r : events) ++got[{Field(r.value, "record_id"), Field(r.value, "entry_id")}];
  int missing = 0, extra = 0, dup = 0;
  for (const EventPair& e : expected) {
    if (got.count(e) == 0) {
      ++missing;
      std::printf("  %s: missing event %s -> %s\n", what.c_str(), e.first.c_str(),
                  e.second.c_str());
    }
  }
  for (const auto& [pair, n] : got) {
    if (expected.count(pair) == 0) {
      ++extra;
      std::printf("  %s: unexpected event %s -> %s\n", what.c_str(), pair.first.c_str(),
                  pair.second.c_str());
    }
    if (n > 1) {
      dup += n - 1;
      std::printf("  %s: event %s -> %s %d times\n", what.c_str(), pair.first.c_str(),
                  pair.second.c_str(), n);
    }
  }
  std::printf("  %s: %zu read, %zu expected; missing %d, unexpected %d, duplicated %d\n",
              what.c_str(), events.size(), expected.size(), missing, extra, dup);
  return missing + extra + dup;
}

}  // namespace paxscreen::e2e
