// `paxscreen run --config FILE [key=value ...]`: the streaming service on Kafka.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <atomic>
#include <chrono>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "pipeline/cli/command.h"
#include "pipeline/kafka/mock_cluster.h"
#include "pipeline/screening/processor.h"
#include "pipeline/service/config.h"
#include "pipeline/service/log.h"
#include "pipeline/service/processor.h"
#include "pipeline/service/service.h"

ABSL_FLAG(std::string, config, "", "Config file: `key = value` lines (see pipeline/service/README.md)");
ABSL_FLAG(std::string, processor, "",
          "Overrides processor.name (default: screening; `echo` is a diagnostic that copies records)");
ABSL_FLAG(int, workers, 0, "Overrides service.workers");
ABSL_FLAG(std::string, mode, "", "Overrides service.mode: exactly_once | at_least_once");
ABSL_FLAG(std::string, http, "", "Overrides http.listen (HOST:PORT, or off)");
ABSL_FLAG(std::string, log_level, "", "Overrides log.level: error | warn | info | debug");
ABSL_FLAG(bool, list_processors, false, "Lists the registered processors and exits");
ABSL_FLAG(int, mock_brokers, 0,
          "Diagnostic: run against an in-process mock Kafka cluster with this many brokers "
          "(creates the configured topics; no real broker needed)");

namespace {

using paxscreen::service::Log;
using paxscreen::service::LogLevel;

std::atomic<bool> g_stop{false};

// The screening processor (pipeline/screening) is registered here, in code linked into the
// program, because static libraries drop unreferenced registrations.
PAXSCREEN_REGISTER_PROCESSOR("screening",
                             "screens passengers (JSON, PAXLST, PNRGOV) against the watchlist",
                             &paxscreen::screening::MakeScreeningProcessor);

// `processor.name` defaults to `screening` for `paxscreen run` (the service library's own
// default stays `echo`): a config file that does not name a processor gets screening.
bool ConfigNamesProcessor(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "r");
  if (f == nullptr) return false;
  char line[4096];
  bool named = false;
  while (std::fgets(line, sizeof line, f) != nullptr) {
    std::string_view l(line);
    while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
    if (l.substr(0, 14) == "processor.name") {
      std::string_view rest = l.substr(14);
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
      if (!rest.empty() && rest.front() == '=') named = true;
    }
  }
  std::fclose(f);
  return named;
}

void OnSignal(int) {
  if (g_stop.exchange(true)) _exit(130);  // a second signal: leave now
}

int RunRun(std::vector<std::string> overrides) {
  namespace svc = paxscreen::service;
  if (absl::GetFlag(FLAGS_list_processors)) {
    for (const auto& p : svc::Processors()) {
      std::printf("%.*s\t%.*s\n", static_cast<int>(p.name.size()), p.name.data(),
                  static_cast<int>(p.summary.size()), p.summary.data());
    }
    return 0;
  }
  const std::string path = absl::GetFlag(FLAGS_config);
  if (path.empty()) {
    std::fprintf(stderr, "paxscreen run: --config FILE is required\n");
    return 2;
  }
  auto cfg = svc::LoadConfigFile(path);
  if (!cfg.ok()) {
    std::fprintf(stderr, "paxscreen run: %s\n", std::string(cfg.status().message()).c_str());
    return 2;
  }
  if (!ConfigNamesProcessor(path)) overrides.insert(overrides.begin(), "processor.name=screening");
  if (!absl::GetFlag(FLAGS_processor).empty()) overrides.push_back("processor.name=" + absl::GetFlag(FLAGS_processor));
  if (absl::GetFlag(FLAGS_workers) > 0) overrides.push_back(absl::StrCat("service.workers=", absl::GetFlag(FLAGS_workers)));
  if (!absl::GetFlag(FLAGS_mode).empty()) overrides.push_back("service.mode=" + absl::GetFlag(FLAGS_mode));
  if (!absl::GetFlag(FLAGS_http).empty()) overrides.push_back("http.listen=" + absl::GetFlag(FLAGS_http));
  if (!absl::GetFlag(FLAGS_log_level).empty()) overrides.push_back("log.level=" + absl::GetFlag(FLAGS_log_level));

  std::unique_ptr<paxscreen::kafka::MockCluster> mock;
  if (const int brokers = absl::GetFlag(FLAGS_mock_brokers); brokers > 0) {
    auto m = paxscreen::kafka::MockCluster::Create(brokers);
    if (!m.ok()) {
      std::fprintf(stderr, "paxscreen run: %s\n", std::string(m.status().message()).c_str());
      return 1;
    }
    mock = std::move(*m);
    overrides.push_back("kafka.bootstrap.servers=" + mock->bootstrap_servers());
  }
  absl::Status s = svc::ApplyOverrides(&*cfg, overrides);
  if (s.ok()) s = svc::Validate(*cfg);
  auto level = svc::ParseLogLevel(cfg->log_level);
  if (s.ok() && !level.ok()) s = level.status();
  if (!s.ok()) {
    std::fprintf(stderr, "paxscreen run: %s\n", std::string(s.message()).c_str());
    return 2;
  }
  svc::SetLogLevel(*level);
  if (mock) {
    for (const auto& t : cfg->input_topics) (void)mock->CreateTopic(t, 4);
    (void)mock->CreateTopic(cfg->output_topic, 4);
    (void)mock->CreateTopic(cfg->dlq_topic, 1);
    for (const char* key : {"watchlist.topic", "cleared.topic"}) {
      if (auto t = cfg->ProcessorOption(key); !t.empty()) (void)mock->CreateTopic(t, 1);
    }
    if (auto t = cfg->ProcessorOption("results.topic"); !t.empty()) (void)mock->CreateTopic(t, 4);
    Log(LogLevel::kInfo, absl::StrCat("diagnostic mock cluster at ", mock->bootstrap_servers()));
  }
  auto processor = svc::MakeProcessor(*cfg);
  if (!processor.ok()) {
    std::fprintf(stderr, "paxscreen run: %s\n", std::string(processor.status().message()).c_str());
    return 2;
  }

  struct sigaction sa {};
  sa.sa_handler = &OnSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
  // Watchdog: the service bounds each shutdown step; this bounds the whole (+5 s slack).
  const int bound_ms = cfg->shutdown_timeout_ms + 5000;
  std::thread([bound_ms] {
    while (!g_stop.load()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::this_thread::sleep_for(std::chrono::milliseconds(bound_ms));
    std::fprintf(stderr, "paxscreen run: shutdown exceeded %d ms; exiting\n", bound_ms);
    _exit(3);
  }).detach();

  svc::StreamService service(*cfg, std::move(*processor));
  s = service.Run(&g_stop);
  if (!s.ok()) {
    std::fprintf(stderr, "paxscreen run: stopped: %s\n", std::string(s.message()).c_str());
    return 1;
  }
  return 0;
}

}  // namespace

PAXSCREEN_COMMAND("run",
                  "Run the streaming screening service on Kafka",
                  "Usage: paxscreen run --config FILE [--workers N] [--mode M] [key=value ...]\n\n"
                  "Consumes the input topics in a consumer group, runs the configured processor\n"
                  "(default `screening`: processor.watchlist.files / .watchlist.topic, see\n"
                  "pipeline/screening/README.md; `echo` for diagnostics) on worker threads and produces its outputs exactly once (transactions) or at\n"
                  "least once. Trailing key=value arguments override config-file keys.\n"
                  "Serves /metrics, /healthz and /readyz on http.listen (127.0.0.1:9102).\n"
                  "SIGTERM/SIGINT: finish the batch, commit, exit 0. Fatal errors (fenced,\n"
                  "unauthorized) exit 1; config errors exit 2.\n\n"
                  "Example: paxscreen run --config deploy/paxscreen.conf service.workers=4",
                  RunRun);
