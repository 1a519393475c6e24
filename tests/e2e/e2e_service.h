// Helpers for the e2e tests that run `paxscreen run` as a child process against the real broker:
// the child process (kill -9, SIGTERM, bounded waits, never left behind), the numbered input
// feed whose every record is identifiable in the outputs, progress probes (committed offsets,
// end offsets, /metrics) and the exactly-once audit of an output topic.
//
//   ServiceProcess svc(binary, config_path, log_path);  // started; killed + reaped on destruction
//   AuditReport r = AuditExactlyOnce(feed, ReadAll(b, out, 4, "read_committed"), dlq_records);
//
// Test code: failures throw std::runtime_error naming the step. Not thread-safe.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/e2e/e2e_kafka.h"

namespace paxscreen::e2e {

using Clock = std::chrono::steady_clock;

// The common main of a service e2e test: finds the broker and the paxscreen binary (skip or
// fail as SkipOrFail says when either is missing), makes a work directory for configs and logs
// (kept for inspection: next to the broker's directory, else under /tmp), runs `body` and turns
// an exception into a failure message. Returns the exit code.
int RunServiceTest(const char* name,
                   const std::function<int(const BrokerLocation&, const std::string& work_dir)>& body);

// Polls `done` every `every` until it is true (returns true) or `timeout` passes (false).
bool WaitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout,
             std::chrono::milliseconds every = std::chrono::milliseconds(50));

// $name as a positive integer, or `fallback`.
int64_t EnvInt(const char* name, int64_t fallback);

// The paxscreen executable ($PAXSCREEN_BINARY); empty when unset or missing.
std::string PaxscreenBinary();

// Writes `key = value` lines to `path`.
void WriteConfig(const std::string& path, const std::map<std::string, std::string>& keys);

// The last `lines` lines of a text file (for failure messages).
std::string Tail(const std::string& path, int lines = 30);

// One child process with stdout and stderr appended to `log_path`. It gets SIGKILL if this test
// process dies (PR_SET_PDEATHSIG), and the destructor kills and reaps it if still running.
class ServiceProcess {
 public:
  ServiceProcess(const std::string& binary, const std::vector<std::string>& args,
                 const std::string& log_path);
  ~ServiceProcess();
  ServiceProcess(const ServiceProcess&) = delete;
  ServiceProcess& operator=(const ServiceProcess&) = delete;

  pid_t pid() const { return pid_; }
  const std::string& log_path() const { return log_path_; }
  // True while the child has not exited (reaps it if it has).
  bool Running();
  void Kill9();       // SIGKILL and reap
  void Terminate();   // SIGTERM, no wait
  // The exit status (exit code, or 128+signal) once the child exits within `timeout`.
  std::optional<int> Wait(std::chrono::milliseconds timeout);
  // The HTTP port the service logged ("metrics and health on http://host:port"), polled from
  // the log for up to `timeout`; 0 if none.
  int HttpPort(std::chrono::milliseconds timeout);
  // Polls /readyz until 200 (true), the child exits or `timeout` passes (false).
  bool WaitReady(std::chrono::milliseconds timeout);

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
  std::string log_path_;
};

// `paxscreen run --config FILE overrides...` as a ServiceProcess.
std::unique_ptr<ServiceProcess> StartService(const std::string& config_path,
                                             const std::vector<std::string>& overrides,
                                             const std::string& log_path);

// GET http://127.0.0.1:port/path; the body, or nullopt on any failure. Status in *status.
std::optional<std::string> HttpGet(int port, const std::string& path, int* status = nullptr);
// The value of an unlabelled Prometheus sample `name` in `text`, or -1.
double MetricValue(const std::string& text, const std::string& name);

// The numbered feed: record i of partition p has key "k-p-i" and value "rec-p-i-<padding>"
// ("!dlq-p-i-..." for every `dlq_every`-th record, which the echo processor dead-letters).
struct Feed {
  std::string topic;
  int partitions = 0;
  int64_t per_partition = 0;
  int64_t dlq_every = 0;  // 0: none
  std::string Value(int partition, int64_t i) const;
  bool IsDlq(int64_t i) const { return dlq_every > 0 && i % dlq_every == dlq_every - 1; }
  int64_t total() const { return per_partition * partitions; }
};
// Produces the feed with an idempotent producer (explicit partitions, in order) and returns
// after every record is acknowledged; throws on any delivery error. Records [from, to) of each
// partition (to < 0: to the end), so a feed can be produced in parts.
void ProduceFeed(const std::string& bootstrap, const Feed& feed, int value_bytes = 100,
                 int64_t from = 0, int64_t to = -1);

// Runs a command (stdout and stderr to `log_path`) and returns its exit status, or -1 if it
// did not finish within `timeout` (it is killed then).
int RunCommand(const std::vector<std::string>& argv, const std::string& log_path,
               std::chrono::milliseconds timeout);

// The partitions a service holds according to its log: N of the last "assigned N partitions"
// line, 0 after a later "revoked"/"lost" line, -1 if none.
int LastAssignment(const std::string& log_path);

// A long-lived consumer handle (no group join) for polling progress.
class Probe {
 public:
  explicit Probe(const std::string& bootstrap);
  // Committed offsets of `group` on topic partitions 0..n-1 (negative when none); empty when
  // the broker did not answer within 5 s.
  std::vector<int64_t> Committed(const std::string& group, const std::string& topic, int n);
  // Sum over partitions of max(0, committed offset); -1 when the broker did not answer.
  int64_t CommittedTotal(const std::string& group, const std::string& topic, int n);
  // High watermarks of topic partitions 0..n-1.
  std::vector<int64_t> EndOffsets(const std::string& topic, int n);

 private:
  std::string bootstrap_;
  KafkaPtr handle_;
  std::map<std::string, KafkaPtr> groups_;  // rd_kafka_committed asks for the handle's group
};

// The config of an echo service on input `in` (all partitions) -> `out`, dead letters to `dlq`,
// consumer group `group`, transactional id `txn` (exactly_once), HTTP on a free port, with the
// session timeout at the broker's minimum (6 s) so a killed member is noticed quickly.
std::map<std::string, std::string> EchoConfig(const std::string& bootstrap, const std::string& in,
                                              const std::string& out, const std::string& dlq,
                                              const std::string& group, const std::string& txn);

// Result of checking an output topic against the feed.
struct AuditReport {
  int64_t expected_outputs = 0, expected_dead = 0;
  int64_t outputs = 0, dead = 0;
  int64_t missing = 0, duplicates = 0, unknown = 0, misplaced = 0, out_of_order = 0;
  bool ok() const {
    return missing == 0 && duplicates == 0 && unknown == 0 && misplaced == 0 &&
           out_of_order == 0 && outputs == expected_outputs && dead == expected_dead;
  }
  std::string Summary() const;
};
// Every non-DLQ feed record must be in `outputs` exactly once, every DLQ one in `dead` exactly
// once (never the other way), and the records of one input partition must keep their order
// within each output partition.
AuditReport AuditExactlyOnce(const Feed& feed, const std::vector<Record>& outputs,
                             const std::vector<Record>& dead);

// Starts `paxscreen run --config config_path`, waits until `group` has committed every offset
// of `topic` that exists now, then stops it with SIGTERM. Returns false, after printing why,
// when the feed was not screened in `timeout`; a non-zero exit on SIGTERM adds to `failures`.
bool RunUntilCommitted(const std::string& config_path, const std::string& log_path, Probe& probe,
                       const std::string& group, const std::string& topic, int partitions,
                       std::chrono::seconds timeout, int* failures);

// The common end of the exactly-once tests: stops `svc` with SIGTERM (it must exit 0), audits
// the read_committed `out` and `dlq` topics against `feed`, prints the verdict of `test_name`
// and returns its exit status (`failures` counts what failed before).
int StopAndAudit(ServiceProcess& svc, const char* who, const Feed& feed,
                 const std::string& bootstrap, const std::string& out, const std::string& dlq,
                 int partitions, int failures, const char* test_name);

}  // namespace paxscreen::e2e
