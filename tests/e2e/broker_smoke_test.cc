// Broker smoke test: proves that Debian's librdkafka (2.0.2) and the local Apache Kafka broker
// (deploy/kafka/kafka.sh, 4.1.1+) agree on everything paxscreen's exactly-once pipeline uses,
// before any paxscreen code is involved:
//   1. CreateTopics through the admin API;
//   2. a consumer group join (JoinGroup/SyncGroup; Kafka 4.0.0 had dropped the versions this
//      librdkafka sends) with the eager range assignor;
//   3. consume-transform-produce in transactions with send_offsets_to_transaction;
//   4. an aborted transaction that read_committed hides and read_uncommitted shows;
//   5. the group's committed offsets equal the input's end offsets;
//   6. a rebalance when a second member joins, each member then owning partitions;
//   7. fencing: a second producer with the same transactional.id fences the first.
//
//   PAXSCREEN_KAFKA_BOOTSTRAP=127.0.0.1:9092 build/release/tests/e2e/e2e_broker_smoke
//
// Prints one line per check and "broker smoke: N passed, M failed"; exit 77 (skip) when no broker
// is available and CI is not true.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <set>
#include <stdexcept>
#include <string>

#include "tests/e2e/e2e_kafka.h"

namespace paxscreen::e2e {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kInputPartitions = 3;
constexpr int kRecords = 3000;
constexpr int kAborted = 25;

struct Tally {
  int passed = 0;
  int failed = 0;
  void Check(bool ok, const std::string& what) {
    std::cout << (ok ? "  ok   " : "  FAIL ") << what << "\n" << std::flush;
    (ok ? passed : failed)++;
  }
};

double MsSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::string Payload(const rd_kafka_message_t& m) {
  return m.payload == nullptr ? std::string()
                              : std::string(static_cast<const char*>(m.payload), m.len);
}

void Produce(rd_kafka_t* p, const std::string& topic, int32_t partition, const std::string& key,
             const std::string& value) {
  for (;;) {
    rd_kafka_resp_err_t err = rd_kafka_producev(
        p, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_PARTITION(partition),
        RD_KAFKA_V_KEY(key.data(), key.size()), RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
      CheckResp(err, "produce to " + topic);
      return;
    }
    rd_kafka_poll(p, 50);
  }
}

int AssignedCount(rd_kafka_t* c) {
  rd_kafka_topic_partition_list_t* a = nullptr;
  CheckResp(rd_kafka_assignment(c, &a), "assignment");
  PartitionListPtr owned(a);
  return a->cnt;
}

int Run(const std::string& bootstrap) {
  Tally t;
  const std::string in = UniqueName("smoke-in");
  const std::string out = UniqueName("smoke-out");
  const std::string group = UniqueName("smoke-group");
  const std::string txn_id = UniqueName("smoke-txn");
  std::cout << "broker smoke against " << bootstrap << " (librdkafka " << rd_kafka_version_str()
            << ")\n";

  // 1. Topics.
  auto t0 = Clock::now();
  CreateTopics(bootstrap, {{in, kInputPartitions}, {out, 1}});
  t.Check(true, "created topics " + in + " (3 partitions) and " + out + " in " +
                    std::to_string(static_cast<int>(MsSince(t0))) + " ms");

  // Input: kRecords records over the partitions, idempotent producer.
  t0 = Clock::now();
  {
    KafkaPtr p = NewClient(RD_KAFKA_PRODUCER, bootstrap, {{"enable.idempotence", "true"}});
    for (int i = 0; i < kRecords; ++i) {
      // Appending (not "k" + std::to_string(i)) avoids GCC 12's false -Wrestrict (PR 105329).
      std::string key("k"), value("v");
      key += std::to_string(i);
      value += std::to_string(i);
      Produce(p.get(), in, i % kInputPartitions, key, value);
    }
    CheckResp(rd_kafka_flush(p.get(), 30000), "flush input");
  }
  std::cout << "  produced " << kRecords << " input records in " << static_cast<int>(MsSince(t0))
            << " ms\n";

  // 2. Group join.
  t0 = Clock::now();
  KafkaPtr consumer = NewClient(RD_KAFKA_CONSUMER, bootstrap,
                                {{"group.id", group},
                                 {"isolation.level", "read_committed"},
                                 {"enable.auto.commit", "false"},
                                 {"auto.offset.reset", "earliest"},
                                 {"partition.assignment.strategy", "range"},
                                 {"session.timeout.ms", "10000"},
                                 {"heartbeat.interval.ms", "500"}});
  PartitionListPtr sub(rd_kafka_topic_partition_list_new(1));
  rd_kafka_topic_partition_list_add(sub.get(), in.c_str(), RD_KAFKA_PARTITION_UA);
  CheckResp(rd_kafka_subscribe(consumer.get(), sub.get()), "subscribe");

  // 3. Transactions: consume, transform, produce with the input offsets in the transaction.
  KafkaPtr txp = NewClient(RD_KAFKA_PRODUCER, bootstrap,
                           {{"transactional.id", txn_id}, {"transaction.timeout.ms", "30000"}});
  CheckError(rd_kafka_init_transactions(txp.get(), 30000), "init_transactions");
  std::unique_ptr<rd_kafka_consumer_group_metadata_t, void (*)(rd_kafka_consumer_group_metadata_t*)>
      cgmd(nullptr, rd_kafka_consumer_group_metadata_destroy);
  int consumed = 0, transactions = 0;
  bool joined = false;
  double join_ms = 0;
  auto deadline = Clock::now() + std::chrono::seconds(60);
  while (consumed < kRecords && Clock::now() < deadline) {
    std::vector<MessagePtr> batch;
    auto batch_end = Clock::now() + std::chrono::milliseconds(100);
    while (batch.size() < 500 && Clock::now() < batch_end) {
      MessagePtr m(rd_kafka_consumer_poll(consumer.get(), 50));
      if (!m) continue;
      CheckResp(m->err, "consume " + in);
      if (!joined) {
        joined = true;
        join_ms = MsSince(t0);
      }
      batch.push_back(std::move(m));
    }
    if (batch.empty()) continue;
    CheckError(rd_kafka_begin_transaction(txp.get()), "begin_transaction");
    for (const MessagePtr& m : batch) {
      Produce(txp.get(), out, 0, "k", "out:" + Payload(*m));
    }
    rd_kafka_topic_partition_list_t* a = nullptr;
    CheckResp(rd_kafka_assignment(consumer.get(), &a), "assignment");
    PartitionListPtr positions(a);
    CheckResp(rd_kafka_position(consumer.get(), positions.get()), "position");
    cgmd.reset(rd_kafka_consumer_group_metadata(consumer.get()));
    CheckError(rd_kafka_send_offsets_to_transaction(txp.get(), positions.get(), cgmd.get(), 30000),
               "send_offsets_to_transaction");
    CheckError(rd_kafka_commit_transaction(txp.get(), 30000), "commit_transaction");
    consumed += static_cast<int>(batch.size());
    ++transactions;
  }
  t.Check(joined, "consumer group join (range assignor) in " +
                      std::to_string(static_cast<int>(join_ms)) + " ms");
  t.Check(consumed == kRecords, "consumed " + std::to_string(consumed) + "/" +
                                    std::to_string(kRecords) + " in " +
                                    std::to_string(transactions) + " committed transactions");

  // 4. An aborted transaction.
  CheckError(rd_kafka_begin_transaction(txp.get()), "begin_transaction (to abort)");
  for (int i = 0; i < kAborted; ++i) Produce(txp.get(), out, 0, "k", "aborted:" + std::to_string(i));
  CheckResp(rd_kafka_flush(txp.get(), 30000), "flush before abort");
  CheckError(rd_kafka_abort_transaction(txp.get(), 30000), "abort_transaction");

  t0 = Clock::now();
  std::vector<Record> committed = ReadAll(bootstrap, out, 1, "read_committed");
  std::set<std::string> values;
  int aborted_seen = 0;
  for (const Record& r : committed) {
    values.insert(r.value);
    if (r.value.rfind("aborted:", 0) == 0) ++aborted_seen;
  }
  bool all_present = true;
  for (int i = 0; i < kRecords && all_present; ++i) {
    all_present = values.count("out:v" + std::to_string(i)) == 1;
  }
  t.Check(committed.size() == static_cast<size_t>(kRecords) && all_present && aborted_seen == 0,
          "read_committed output: " + std::to_string(committed.size()) + " records, each input once" +
              ", " + std::to_string(aborted_seen) + " aborted visible");
  std::vector<Record> uncommitted = ReadAll(bootstrap, out, 1, "read_uncommitted");
  int aborted_uncommitted = 0;
  for (const Record& r : uncommitted) aborted_uncommitted += r.value.rfind("aborted:", 0) == 0;
  t.Check(aborted_uncommitted == kAborted,
          "read_uncommitted sees the " + std::to_string(aborted_uncommitted) +
              " aborted records (so read_committed really filtered them)");

  // 5. Offsets committed through the transactions.
  std::map<int32_t, int64_t> offsets = CommittedOffsets(bootstrap, group, in, kInputPartitions);
  int64_t sum = 0;
  bool all_set = true;
  for (const auto& [p, o] : offsets) {
    all_set = all_set && o >= 0;
    sum += o;
  }
  t.Check(all_set && sum == kRecords, "group offsets committed in transactions sum to " +
                                          std::to_string(sum) + " (= input records)");

  // 6. A second member joins; the eager range assignor splits the 3 partitions.
  t0 = Clock::now();
  KafkaPtr second = NewClient(RD_KAFKA_CONSUMER, bootstrap,
                              {{"group.id", group},
                               {"isolation.level", "read_committed"},
                               {"enable.auto.commit", "false"},
                               {"partition.assignment.strategy", "range"},
                               {"session.timeout.ms", "10000"},
                               {"heartbeat.interval.ms", "500"}});
  CheckResp(rd_kafka_subscribe(second.get(), sub.get()), "subscribe (second member)");
  bool rebalanced = false;
  deadline = Clock::now() + std::chrono::seconds(30);
  while (!rebalanced && Clock::now() < deadline) {
    for (rd_kafka_t* c : {consumer.get(), second.get()}) {
      MessagePtr m(rd_kafka_consumer_poll(c, 50));
      if (m && m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        throw std::runtime_error("a record was delivered again after its offset was committed");
      }
    }
    int a1 = AssignedCount(consumer.get()), a2 = AssignedCount(second.get());
    rebalanced = a1 > 0 && a2 > 0 && a1 + a2 == kInputPartitions;
  }
  t.Check(rebalanced, "second member joined; partitions split " +
                          std::to_string(AssignedCount(consumer.get())) + "+" +
                          std::to_string(AssignedCount(second.get())) + " in " +
                          std::to_string(static_cast<int>(MsSince(t0))) + " ms");
  second.reset();
  consumer.reset();

  // 7. Fencing.
  KafkaPtr zombie_killer = NewClient(RD_KAFKA_PRODUCER, bootstrap, {{"transactional.id", txn_id}});
  CheckError(rd_kafka_init_transactions(zombie_killer.get(), 30000), "init_transactions (second)");
  rd_kafka_error_t* e = rd_kafka_begin_transaction(txp.get());
  if (e == nullptr) {
    Produce(txp.get(), out, 0, "k", "zombie");
    e = rd_kafka_commit_transaction(txp.get(), 30000);
  }
  bool fenced = e != nullptr && rd_kafka_error_is_fatal(e);
  char reason[256] = "";
  rd_kafka_resp_err_t fatal = rd_kafka_fatal_error(txp.get(), reason, sizeof reason);
  t.Check(fenced && (fatal == RD_KAFKA_RESP_ERR__FENCED ||
                     fatal == RD_KAFKA_RESP_ERR_PRODUCER_FENCED ||
                     fatal == RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH),
          std::string("the first producer is fenced: ") +
              (e != nullptr ? rd_kafka_error_name(e) : "no error") + ", fatal " +
              rd_kafka_err2name(fatal));
  if (e != nullptr) rd_kafka_error_destroy(e);
  rd_kafka_destroy(txp.release());  // fenced: nothing to flush
  std::vector<Record> after = ReadAll(bootstrap, out, 1, "read_committed");
  int zombies = 0;
  for (const Record& r : after) zombies += r.value == "zombie";
  t.Check(zombies == 0, "the fenced producer's record is not visible to read_committed");

  std::cout << "broker smoke: " << t.passed << " passed, " << t.failed << " failed\n";
  return t.failed == 0 ? 0 : 1;
}

}  // namespace
}  // namespace paxscreen::e2e

int main(int argc, char** argv) {
  using namespace paxscreen::e2e;
  BrokerLocation broker = FindBroker();
  if (argc > 1) broker.bootstrap = argv[1];
  if (broker.bootstrap.empty()) return SkipOrFail(broker.unavailable_reason);
  auto t0 = Clock::now();
  int rc;
  try {
    rc = Run(broker.bootstrap);
  } catch (const std::exception& ex) {
    std::cout << "  FAIL " << ex.what() << "\nbroker smoke: 0 passed, 1 failed\n";
    rc = 1;
  }
  std::printf("broker smoke took %.1f s\n", MsSince(t0) / 1000.0);
  return rc;
}
