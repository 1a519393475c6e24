#include "tests/e2e/e2e_service.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <unordered_map>

namespace paxscreen::e2e {

int RunServiceTest(const char* name,
                   const std::function<int(const BrokerLocation&, const std::string&)>& body) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines reach ctest even on a timeout
  BrokerLocation broker = FindBroker();
  if (broker.bootstrap.empty()) return SkipOrFail(broker.unavailable_reason);
  if (PaxscreenBinary().empty()) {
    return SkipOrFail("PAXSCREEN_BINARY is unset or not executable (build the paxscreen target)");
  }
  std::string work = broker.dir.empty() ? std::string("/tmp") : broker.dir;
  work.append("/../work");
  mkdir(work.c_str(), 0755);
  work.append("/").append(UniqueName(name));
  if (mkdir(work.c_str(), 0755) != 0) {
    std::printf("%s: FAIL: cannot create %s\n", name, work.c_str());
    return 1;
  }
  std::printf("%s: broker %s, paxscreen %s, logs in %s\n", name, broker.bootstrap.c_str(),
              PaxscreenBinary().c_str(), work.c_str());
  std::fflush(stdout);
  try {
    return body(broker, work);
  } catch (const std::exception& e) {
    std::printf("%s: FAIL: %s\n", name, e.what());
    return 1;
  }
}

bool WaitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout,
             std::chrono::milliseconds every) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (done()) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(every);
  }
}

int64_t EnvInt(const char* name, int64_t fallback) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return fallback;
  char* end = nullptr;
  long long n = std::strtoll(v, &end, 10);
  return (end != nullptr && *end == '\0' && n > 0) ? n : fallback;
}

std::string PaxscreenBinary() {
  const char* v = std::getenv("PAXSCREEN_BINARY");
  if (v == nullptr || access(v, X_OK) != 0) return "";
  return v;
}

void WriteConfig(const std::string& path, const std::map<std::string, std::string>& keys) {
  std::ofstream out(path, std::ios::trunc);
  for (const auto& [k, v] : keys) out << k << " = " << v << "\n";
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string Tail(const std::string& path, int lines) {
  std::ifstream in(path);
  std::deque<std::string> last;
  std::string line;
  while (std::getline(in, line)) {
    last.push_back(line);
    if (static_cast<int>(last.size()) > lines) last.pop_front();
  }
  std::string out;
  for (const auto& l : last) out += "    | " + l + "\n";
  return out;
}

// ------------------------------------------------------------------------------ ServiceProcess

ServiceProcess::ServiceProcess(const std::string& binary, const std::vector<std::string>& args,
                               const std::string& log_path)
    : log_path_(log_path) {
  std::vector<std::string> argv_s = {binary};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);  // the parent died before prctl
    int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
      close(fd);
    }
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    execv(argv[0], argv.data());
    _exit(127);
  }
}

ServiceProcess::~ServiceProcess() {
  if (Running()) Kill9();
}

bool ServiceProcess::Running() {
  if (status_) return false;
  int st = 0;
  pid_t r = waitpid(pid_, &st, WNOHANG);
  if (r == 0) return true;
  if (r == pid_) {
    status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  } else {
    status_ = -1;  // not our child any more
  }
  return false;
}

void ServiceProcess::Kill9() {
  if (!Running()) return;
  kill(pid_, SIGKILL);
  int st = 0;
  if (waitpid(pid_, &st, 0) == pid_) {
    status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  }
}

void ServiceProcess::Terminate() {
  if (Running()) kill(pid_, SIGTERM);
}

std::optional<int> ServiceProcess::Wait(std::chrono::milliseconds timeout) {
  WaitFor([this] { return !Running(); }, timeout, std::chrono::milliseconds(20));
  return status_;
}

int ServiceProcess::HttpPort(std::chrono::milliseconds timeout) {
  int port = 0;
  WaitFor(
      [&] {
        std::ifstream in(log_path_);
        std::string line;
        const std::string marker = "metrics and health on http://";
        while (std::getline(in, line)) {
          auto at = line.find(marker);
          if (at == std::string::npos) continue;
          auto colon = line.find(':', at + marker.size());
          if (colon != std::string::npos) port = std::atoi(line.c_str() + colon + 1);
        }
        return port > 0 || !Running();
      },
      timeout);
  return port;
}

bool ServiceProcess::WaitReady(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  int port = HttpPort(timeout);
  if (port == 0) return false;
  return WaitFor(
      [&] {
        int status = 0;
        return (HttpGet(port, "/readyz", &status) && status == 200) || !Running();
      },
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()),
      std::chrono::milliseconds(50)) &&
         Running();
}

std::unique_ptr<ServiceProcess> StartService(const std::string& config_path,
                                             const std::vector<std::string>& overrides,
                                             const std::string& log_path) {
  std::vector<std::string> args = {"run", "--config", config_path};
  args.insert(args.end(), overrides.begin(), overrides.end());
  return std::make_unique<ServiceProcess>(PaxscreenBinary(), args, log_path);
}

int RunCommand(const std::vector<std::string>& argv, const std::string& log_path,
               std::chrono::milliseconds timeout) {
  ServiceProcess p(argv.at(0), std::vector<std::string>(argv.begin() + 1, argv.end()), log_path);
  std::optional<int> code = p.Wait(timeout);
  return code.value_or(-1);  // the destructor kills it when it overran
}

int LastAssignment(const std::string& log_path) {
  std::ifstream in(log_path);
  std::string line;
  int n = -1;
  const std::string marker = "paxscreen: assigned ";
  while (std::getline(in, line)) {
    auto at = line.find(marker);
    if (at != std::string::npos) n = std::atoi(line.c_str() + at + marker.size());
    if (line.find("paxscreen: revoked ") != std::string::npos ||
        line.find("paxscreen: lost ") != std::string::npos) {
      n = 0;
    }
  }
  return n;
}

// ------------------------------------------------------------------------------------ HTTP

std::optional<std::string> HttpGet(int port, const std::string& path, int* status) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return std::nullopt;
  timeval tv{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return std::nullopt;
  }
  std::string req = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  if (send(fd, req.data(), req.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(req.size())) {
    close(fd);
    return std::nullopt;
  }
  std::string resp;
  char buf[8192];
  for (;;) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    resp.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  auto sp = resp.find(' ');
  auto body = resp.find("\r\n\r\n");
  if (sp == std::string::npos || body == std::string::npos) return std::nullopt;
  if (status != nullptr) *status = std::atoi(resp.c_str() + sp + 1);
  return resp.substr(body + 4);
}

double MetricValue(const std::string& text, const std::string& name) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() > name.size() && line.compare(0, name.size(), name) == 0 &&
        line[name.size()] == ' ') {
      return std::strtod(line.c_str() + name.size() + 1, nullptr);
    }
  }
  return -1;
}

// ------------------------------------------------------------------------------------ feed

std::string Feed::Value(int partition, int64_t i) const {
  return std::string(IsDlq(i) ? "!dlq-" : "rec-") + std::to_string(partition) + "-" +
         std::to_string(i) + "-";
}

namespace {

void CountDelivery(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) {
  auto* failures = static_cast<int64_t*>(opaque);
  if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) ++*failures;
}

// Parses "rec-P-I-..." / "!dlq-P-I-..." into (P, I); false for anything else.
bool ParseValue(const std::string& v, int* partition, int64_t* i, bool* dlq) {
  size_t at;
  if (v.rfind("rec-", 0) == 0) {
    at = 4;
    *dlq = false;
  } else if (v.rfind("!dlq-", 0) == 0) {
    at = 5;
    *dlq = true;
  } else {
    return false;
  }
  char* end = nullptr;
  long p = std::strtol(v.c_str() + at, &end, 10);
  if (end == nullptr || *end != '-') return false;
  long long n = std::strtoll(end + 1, &end, 10);
  if (end == nullptr || *end != '-') return false;
  *partition = static_cast<int>(p);
  *i = n;
  return true;
}

}  // namespace

void ProduceFeed(const std::string& bootstrap, const Feed& feed, int value_bytes, int64_t from,
                 int64_t to) {
  if (to < 0 || to > feed.per_partition) to = feed.per_partition;
  int64_t failures = 0;
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  rd_kafka_conf_set_dr_msg_cb(conf, &CountDelivery);
  rd_kafka_conf_set_opaque(conf, &failures);
  char err[512];
  for (auto [k, v] : std::vector<std::pair<const char*, std::string>>{
           {"bootstrap.servers", bootstrap}, {"broker.address.family", "v4"},
           {"enable.idempotence", "true"}, {"linger.ms", "20"}, {"batch.size", "1000000"},
           {"compression.type", "lz4"}, {"queue.buffering.max.messages", "200000"}}) {
    if (rd_kafka_conf_set(conf, k, v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
      rd_kafka_conf_destroy(conf);
      throw std::runtime_error(std::string("producer config ") + k + ": " + err);
    }
  }
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
  if (rk == nullptr) {
    rd_kafka_conf_destroy(conf);
    throw std::runtime_error(std::string("rd_kafka_new: ") + err);
  }
  KafkaPtr p(rk);
  for (int64_t i = from; i < to; ++i) {
    for (int part = 0; part < feed.partitions; ++part) {
      std::string key = "k-" + std::to_string(part) + "-" + std::to_string(i);
      std::string value = feed.Value(part, i);
      if (static_cast<int>(value.size()) < value_bytes) value.resize(value_bytes, 'x');
      for (;;) {
        rd_kafka_resp_err_t e = rd_kafka_producev(
            rk, RD_KAFKA_V_TOPIC(feed.topic.c_str()), RD_KAFKA_V_PARTITION(part),
            RD_KAFKA_V_KEY(key.data(), key.size()),
            RD_KAFKA_V_VALUE(value.data(), value.size()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
            RD_KAFKA_V_END);
        if (e == RD_KAFKA_RESP_ERR_NO_ERROR) break;
        if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL) CheckResp(e, "produce feed to " + feed.topic);
        rd_kafka_poll(rk, 20);
      }
      rd_kafka_poll(rk, 0);
    }
  }
  CheckResp(rd_kafka_flush(rk, 120000), "flush feed to " + feed.topic);
  if (failures > 0) {
    throw std::runtime_error("feed: " + std::to_string(failures) + " records not delivered");
  }
}

// ----------------------------------------------------------------------------------- Probe

Probe::Probe(const std::string& bootstrap)
    : bootstrap_(bootstrap),
      handle_(NewClient(RD_KAFKA_CONSUMER, bootstrap, {{"group.id", UniqueName("e2e-probe")}})) {}

std::vector<int64_t> Probe::Committed(const std::string& group, const std::string& topic, int n) {
  KafkaPtr& c = groups_[group];
  // read_uncommitted: librdkafka then does not ask for stable offsets (KIP-447), so the fetch
  // is not held up by a killed member's pending transactional commit.
  if (!c) {
    c = NewClient(RD_KAFKA_CONSUMER, bootstrap_,
                  {{"group.id", group}, {"isolation.level", "read_uncommitted"}});
  }
  PartitionListPtr list(rd_kafka_topic_partition_list_new(n));
  for (int p = 0; p < n; ++p) rd_kafka_topic_partition_list_add(list.get(), topic.c_str(), p);
  std::vector<int64_t> out(n, -1);
  if (rd_kafka_committed(c.get(), list.get(), 5000) != RD_KAFKA_RESP_ERR_NO_ERROR) return {};
  for (int i = 0; i < list->cnt; ++i) out[list->elems[i].partition] = list->elems[i].offset;
  return out;
}

int64_t Probe::CommittedTotal(const std::string& group, const std::string& topic, int n) {
  std::vector<int64_t> offsets = Committed(group, topic, n);
  if (offsets.empty()) return -1;
  int64_t sum = 0;
  for (int64_t o : offsets) sum += o > 0 ? o : 0;
  return sum;
}

std::vector<int64_t> Probe::EndOffsets(const std::string& topic, int n) {
  std::vector<int64_t> out(n, -1);
  for (int p = 0; p < n; ++p) {
    int64_t lo = 0, hi = 0;
    if (rd_kafka_query_watermark_offsets(handle_.get(), topic.c_str(), p, &lo, &hi, 5000) ==
        RD_KAFKA_RESP_ERR_NO_ERROR) {
      out[p] = hi;
    }
  }
  return out;
}

std::map<std::string, std::string> EchoConfig(const std::string& bootstrap, const std::string& in,
                                              const std::string& out, const std::string& dlq,
                                              const std::string& group, const std::string& txn) {
  return {{"input.topics", in},
          {"output.topic", out},
          {"dlq.topic", dlq},
          {"processor.name", "echo"},
          {"service.mode", "exactly_once"},
          {"service.transactional_id", txn},
          {"service.workers", "2"},
          {"http.listen", "127.0.0.1:0"},
          {"kafka.bootstrap.servers", bootstrap},
          {"kafka.broker.address.family", "v4"},
          {"kafka.group.id", group},
          {"kafka.consumer.session.timeout.ms", "6000"},
          {"kafka.consumer.heartbeat.interval.ms", "1000"}};
}

// ----------------------------------------------------------------------------------- audit

std::string AuditReport::Summary() const {
  std::ostringstream s;
  s << "outputs " << outputs << "/" << expected_outputs << ", dead letters " << dead << "/"
    << expected_dead << ", missing " << missing << ", duplicates " << duplicates << ", unknown "
    << unknown << ", misplaced " << misplaced << ", out of order " << out_of_order;
  return s.str();
}

AuditReport AuditExactlyOnce(const Feed& feed, const std::vector<Record>& outputs,
                             const std::vector<Record>& dead) {
  AuditReport r;
  for (int64_t i = 0; i < feed.per_partition; ++i) (feed.IsDlq(i) ? r.expected_dead : r.expected_outputs)++;
  r.expected_dead *= feed.partitions;
  r.expected_outputs *= feed.partitions;
  r.outputs = static_cast<int64_t>(outputs.size());
  r.dead = static_cast<int64_t>(dead.size());
  std::vector<std::vector<uint8_t>> seen(feed.partitions,
                                         std::vector<uint8_t>(feed.per_partition, 0));
  // last input index per (input partition, output partition), for the order check
  std::unordered_map<int64_t, int64_t> last;
  auto account = [&](const std::vector<Record>& recs, bool in_dlq) {
    for (const Record& rec : recs) {
      int p = 0;
      int64_t i = 0;
      bool dlq = false;
      if (!ParseValue(rec.value, &p, &i, &dlq) || p < 0 || p >= feed.partitions || i < 0 ||
          i >= feed.per_partition) {
        ++r.unknown;
        continue;
      }
      if (dlq != in_dlq) ++r.misplaced;
      if (seen[p][i]++ > 0) ++r.duplicates;
      if (!in_dlq) {
        int64_t k = static_cast<int64_t>(p) * 1000003 + rec.partition;
        auto it = last.find(k);
        if (it != last.end() && it->second >= i) ++r.out_of_order;
        last[k] = i;
      }
    }
  };
  account(outputs, false);
  account(dead, true);
  for (const auto& part : seen) {
    for (uint8_t c : part) r.missing += c == 0 ? 1 : 0;
  }
  return r;
}

int StopAndAudit(ServiceProcess& svc, const char* who, const Feed& feed,
                 const std::string& bootstrap, const std::string& out, const std::string& dlq,
                 int partitions, int failures, const char* test_name) {
  svc.Terminate();
  std::optional<int> code = svc.Wait(std::chrono::seconds(30));
  if (code != 0) {
    std::printf("  FAIL %s on SIGTERM: exit %d\n%s", who, code.value_or(-1),
                Tail(svc.log_path()).c_str());
    ++failures;
  }
  AuditReport audit = AuditExactlyOnce(
      feed, ReadAll(bootstrap, out, partitions, "read_committed", std::chrono::seconds(120)),
      ReadAll(bootstrap, dlq, 1, "read_committed", std::chrono::seconds(60)));
  std::printf("  read_committed: %s\n", audit.Summary().c_str());
  if (!audit.ok()) ++failures;
  std::printf("%s: %s\n", test_name, failures == 0 ? "PASS" : "FAIL");
  return failures == 0 ? 0 : 1;
}

bool RunUntilCommitted(const std::string& config_path, const std::string& log_path, Probe& probe,
                       const std::string& group, const std::string& topic, int partitions,
                       std::chrono::seconds timeout, int* failures) {
  const std::vector<int64_t> ends = probe.EndOffsets(topic, partitions);
  auto svc = StartService(config_path, {}, log_path);
  if (!WaitFor([&] { return probe.Committed(group, topic, partitions) == ends || !svc->Running(); },
               timeout, std::chrono::milliseconds(100)) ||
      !svc->Running()) {
    int64_t total = 0;
    for (int64_t e : ends) total += e;
    std::printf("  FAIL the service did not screen the feed (committed %lld/%lld):\n%s",
                static_cast<long long>(probe.CommittedTotal(group, topic, partitions)),
                static_cast<long long>(total), Tail(svc->log_path()).c_str());
    return false;
  }
  svc->Terminate();
  if (svc->Wait(std::chrono::seconds(30)) != 0) {
    std::printf("  FAIL SIGTERM did not stop it with status 0:\n%s", Tail(svc->log_path()).c_str());
    ++*failures;
  }
  return true;
}

}  // namespace paxscreen::e2e
