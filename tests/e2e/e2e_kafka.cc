#include "tests/e2e/e2e_kafka.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <stdexcept>

namespace paxscreen::e2e {
namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}

std::string FirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  if (in) std::getline(in, line);
  return line;
}

}  // namespace

BrokerLocation FindBroker() {
  BrokerLocation loc;
  loc.dir = Env("PAXSCREEN_KAFKA_DIR");
  loc.bootstrap = Env("PAXSCREEN_KAFKA_BOOTSTRAP");
  if (!loc.bootstrap.empty()) return loc;
  if (loc.dir.empty()) {
    loc.unavailable_reason =
        "neither PAXSCREEN_KAFKA_BOOTSTRAP nor PAXSCREEN_KAFKA_DIR is set (run through ctest, "
        "which starts the broker fixture, or start deploy/kafka/kafka.sh yourself)";
    return loc;
  }
  loc.bootstrap = FirstLine(loc.dir + "/bootstrap");
  if (loc.bootstrap.empty()) {
    std::string why = FirstLine(loc.dir + "/unavailable");
    loc.unavailable_reason =
        why.empty() ? "no " + loc.dir + "/bootstrap: the e2e_broker_start fixture did not start a broker"
                    : why;
  }
  return loc;
}

int SkipOrFail(std::string_view reason) {
  if (Env("CI") == "true") {
    std::cout << "e2e: FAIL: no Kafka broker (" << reason << "); CI=true makes this a failure\n";
    return 1;
  }
  std::cout << "e2e: SKIP: no Kafka broker (" << reason << "); with CI=true this fails\n";
  return kSkipExitCode;
}

std::string UniqueName(std::string_view prefix) {
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count();
  return std::string(prefix) + "-" + std::to_string(getpid()) + "-" + std::to_string(us);
}

void KafkaDeleter::operator()(rd_kafka_t* rk) const {
  if (rk == nullptr) return;
  if (rd_kafka_type(rk) == RD_KAFKA_CONSUMER) {
    rd_kafka_consumer_close(rk);
  } else {
    rd_kafka_flush(rk, 10000);
  }
  rd_kafka_destroy(rk);
}

KafkaPtr NewClient(rd_kafka_type_t type, const std::string& bootstrap, const Config& conf) {
  rd_kafka_conf_t* c = rd_kafka_conf_new();
  char err[512];
  Config all = {{"bootstrap.servers", bootstrap}, {"broker.address.family", "v4"}};
  all.insert(all.end(), conf.begin(), conf.end());
  for (const auto& [k, v] : all) {
    if (rd_kafka_conf_set(c, k.c_str(), v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
      rd_kafka_conf_destroy(c);
      throw std::runtime_error("config " + k + "=" + v + ": " + err);
    }
  }
  rd_kafka_t* rk = rd_kafka_new(type, c, err, sizeof err);  // takes c on success
  if (rk == nullptr) {
    rd_kafka_conf_destroy(c);
    throw std::runtime_error(std::string("rd_kafka_new: ") + err);
  }
  if (type == RD_KAFKA_CONSUMER) rd_kafka_poll_set_consumer(rk);
  return KafkaPtr(rk);
}

void CheckError(rd_kafka_error_t* error, std::string_view what) {
  if (error == nullptr) return;
  std::string msg = std::string(what) + ": " + rd_kafka_error_name(error) + " (" +
                    rd_kafka_error_string(error) + ")";
  rd_kafka_error_destroy(error);
  throw std::runtime_error(msg);
}

void CheckResp(rd_kafka_resp_err_t err, std::string_view what) {
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    throw std::runtime_error(std::string(what) + ": " + rd_kafka_err2str(err));
  }
}

void CreateTopics(const std::string& bootstrap, const std::map<std::string, int>& topics) {
  KafkaPtr admin = NewClient(RD_KAFKA_PRODUCER, bootstrap, {});
  std::vector<rd_kafka_NewTopic_t*> specs;
  char err[512];
  for (const auto& [name, partitions] : topics) {
    rd_kafka_NewTopic_t* t = rd_kafka_NewTopic_new(name.c_str(), partitions, 1, err, sizeof err);
    if (t == nullptr) throw std::runtime_error("NewTopic " + name + ": " + err);
    specs.push_back(t);
  }
  rd_kafka_queue_t* q = rd_kafka_queue_new(admin.get());
  rd_kafka_CreateTopics(admin.get(), specs.data(), specs.size(), nullptr, q);
  rd_kafka_event_t* ev = rd_kafka_queue_poll(q, 30000);
  rd_kafka_NewTopic_destroy_array(specs.data(), specs.size());
  std::string failure;
  if (ev == nullptr) {
    failure = "CreateTopics: no result within 30 s";
  } else if (rd_kafka_event_error(ev) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    failure = std::string("CreateTopics: ") + rd_kafka_event_error_string(ev);
  } else {
    size_t n = 0;
    const rd_kafka_topic_result_t** res =
        rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev), &n);
    for (size_t i = 0; i < n; ++i) {
      if (rd_kafka_topic_result_error(res[i]) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        failure += std::string("CreateTopics ") + rd_kafka_topic_result_name(res[i]) + ": " +
                   rd_kafka_topic_result_error_string(res[i]) + "; ";
      }
    }
  }
  if (ev != nullptr) rd_kafka_event_destroy(ev);
  rd_kafka_queue_destroy(q);
  if (!failure.empty()) throw std::runtime_error(failure);
}

std::vector<Record> ReadAll(const std::string& bootstrap, const std::string& topic, int partitions,
                            const std::string& isolation_level,
                            std::chrono::milliseconds timeout) {
  KafkaPtr c = NewClient(RD_KAFKA_CONSUMER, bootstrap,
                         {{"group.id", UniqueName("e2e-reader")},  // required; never joined
                          {"isolation.level", isolation_level},
                          {"enable.partition.eof", "true"},
                          {"enable.auto.commit", "false"}});
  PartitionListPtr assignment(rd_kafka_topic_partition_list_new(partitions));
  for (int p = 0; p < partitions; ++p) {
    rd_kafka_topic_partition_list_add(assignment.get(), topic.c_str(), p)->offset =
        RD_KAFKA_OFFSET_BEGINNING;
  }
  CheckResp(rd_kafka_assign(c.get(), assignment.get()), "assign " + topic);
  std::vector<Record> out;
  std::set<int32_t> at_eof;
  KafkaPtr uncommitted;  // made on first need
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (static_cast<int>(at_eof.size()) < partitions) {
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("reading " + topic + ": end not reached in time (" +
                               std::to_string(out.size()) + " records so far)");
    }
    MessagePtr m(rd_kafka_consumer_poll(c.get(), 200));
    if (!m) continue;
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      // A read_committed reader meets "end of partition" at the last stable offset, which an
      // open transaction (one a killed instance left behind, until the broker aborts it) holds
      // back: that is the end only once it reaches the high watermark.
      // (A read_committed client's own watermark query answers the stable offset too, so the
      // high watermark comes from a read_uncommitted client.)
      if (isolation_level == "read_committed") {
        if (!uncommitted) {
          uncommitted = NewClient(RD_KAFKA_CONSUMER, bootstrap,
                                  {{"group.id", UniqueName("e2e-watermarks")},
                                   {"isolation.level", "read_uncommitted"}});
        }
        int64_t low = 0, high = 0;
        if (rd_kafka_query_watermark_offsets(uncommitted.get(), topic.c_str(), m->partition, &low,
                                             &high, 5000) == RD_KAFKA_RESP_ERR_NO_ERROR &&
            m->offset < high) {
          continue;
        }
      }
      at_eof.insert(m->partition);
      continue;
    }
    CheckResp(m->err, "reading " + topic);
    at_eof.erase(m->partition);
    Record r;
    r.partition = m->partition;
    r.offset = m->offset;
    if (m->key != nullptr) r.key.assign(static_cast<const char*>(m->key), m->key_len);
    if (m->payload != nullptr) r.value.assign(static_cast<const char*>(m->payload), m->len);
    out.push_back(std::move(r));
  }
  return out;
}

std::map<int32_t, int64_t> CommittedOffsets(const std::string& bootstrap, const std::string& group,
                                            const std::string& topic, int partitions) {
  KafkaPtr c = NewClient(RD_KAFKA_CONSUMER, bootstrap, {{"group.id", group}});
  PartitionListPtr list(rd_kafka_topic_partition_list_new(partitions));
  for (int p = 0; p < partitions; ++p) {
    rd_kafka_topic_partition_list_add(list.get(), topic.c_str(), p);
  }
  CheckResp(rd_kafka_committed(c.get(), list.get(), 15000), "committed offsets of " + group);
  std::map<int32_t, int64_t> out;
  for (int i = 0; i < list->cnt; ++i) out[list->elems[i].partition] = list->elems[i].offset;
  return out;
}

}  // namespace paxscreen::e2e
