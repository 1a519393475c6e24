// e2e 6 — `paxscreen replay` of a time window with the broker's time index (--window index),
// then retro-screening against only the entries added since. The input topic gets records with
// chosen timestamps (CreateTime set by the producer): record k of N at base + k * 100 ms, on
// partition k % 2, base 20 minutes ago; some are planted with invented entries A, B or C, the
// rest clean. Records exactly at the window's bounds are planted (from is inclusive, to is
// exclusive). Steps:
//   1. publish A and B (`paxscreen watchlist publish`, file v1); replay [from, to) to topic R1
//      -> R1 holds exactly the A/B planted records inside the window (none for C: not listed),
//      and replay's summary counts exactly the records inside the window;
//   2. note T, then publish B' (B with an added alias: a changed entry) and the new C;
//   3. replay with --only-entries-since T to R2, and with --only-entries-since v1-file to R3
//      -> both hold exactly the B and C planted records inside the window, no A.
// The names are invented; no real person's data.
//
//   ctest --preset release -R e2e_replay
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/e2e/e2e_service.h"
#include "tests/e2e/screening_support.h"

namespace paxscreen::e2e {
namespace {

constexpr int kPartitions = 2;
constexpr int64_t kStepMs = 100;
constexpr char kName[] = "e2e_replay";

const TestEntry kA = {"RPL-A", "GALVORINE", "DRUSTAMELK", "1961-05-23", ""};
const TestEntry kB = {"RPL-B", "OSKELIARD", "VANTRUMBEL", "1974-10-09", ""};
const TestEntry kBChanged = {"RPL-B", "OSKELIARD", "VANTRUMBEL", "1974-10-09", "OSKO VANTRUM"};
const TestEntry kC = {"RPL-C", "PERELIXA", "HOMBRAKETZ", "1987-01-28", ""};

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The value of "replayed N records" in replay's summary line, -1 when absent.
int64_t ReplayedRecords(const std::string& log_path) {
  std::ifstream f(log_path);
  std::stringstream text;
  text << f.rdbuf();
  const std::string s = text.str(), marker = "replayed ";
  auto at = s.rfind(marker);
  return at == std::string::npos ? -1 : std::atoll(s.c_str() + at + marker.size());
}

int Run(const BrokerLocation& broker, const std::string& work) {
  const std::string& bootstrap = broker.bootstrap;
  const int64_t n = std::max<int64_t>(EnvInt("PAXSCREEN_E2E_RECORDS", 200000) / 500, 400);
  const int64_t w0 = n * 3 / 10, w1 = n * 7 / 10;  // the window holds records [w0, w1)
  const std::string in = UniqueName("rpl-in"), wl = UniqueName("rpl-watchlist");
  const std::string r1 = UniqueName("rpl-replay1"), r2 = UniqueName("rpl-replay2"),
                    r3 = UniqueName("rpl-replay3");
  CreateTopics(bootstrap, {{in, kPartitions}, {wl, 1}, {r1, kPartitions}, {r2, kPartitions},
                           {r3, kPartitions}});
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

  // The feed with controlled timestamps.
  const int64_t base = (NowMs() - 20 * 60 * 1000) / 1000 * 1000;
  auto planted_entry = [&](int64_t k) -> const TestEntry* {
    if (k == w0 || k == w1 - 3) return &kA;  // first record inside the window
    if (k == w0 - 1 || k == w1) return &kB;  // just outside on either side
    if (k == w1 - 1) return &kC;             // last record inside
    switch (k % 10) {
      case 3: return &kA;
      case 5: return &kB;
      case 7: return &kC;
      default: return nullptr;
    }
  };
  std::vector<KeyedRecord> feed;
  std::set<EventPair> all_in_window, retro_in_window;
  for (int64_t k = 0; k < n; ++k) {
    const std::string id = "RPL-REC-" + std::to_string(k);
    const TestEntry* e = planted_entry(k);
    const std::string v = e != nullptr ? PassengerJson(id, e->given, e->surname, e->dob)
                                       : PassengerJson(id, CleanName(k, 3), CleanName(k * 3 + 1, 4),
                                                       "1993-03-03");
    feed.push_back({id, v, static_cast<int32_t>(k % kPartitions), base + k * kStepMs});
    if (e != nullptr && k >= w0 && k < w1) {
      if (e != &kC) all_in_window.insert({id, e->id});
      if (e != &kA) retro_in_window.insert({id, e->id});
    }
  }
  ProduceRecords(bootstrap, in, feed);
  const int64_t from = base + w0 * kStepMs, to = base + w1 * kStepMs;
  std::printf("  %lld records at %lld + k*%lld ms; window [%lld, %lld) holds records %lld..%lld\n",
              static_cast<long long>(n), static_cast<long long>(base),
              static_cast<long long>(kStepMs), static_cast<long long>(from),
              static_cast<long long>(to), static_cast<long long>(w0),
              static_cast<long long>(w1 - 1));

  const std::string config = work + "/replay.conf";
  auto keys = EchoConfig(bootstrap, in, UniqueName("rpl-unused-out"), UniqueName("rpl-unused-dlq"),
                         UniqueName("rpl-group"), UniqueName("rpl-txn"));
  keys["processor.name"] = "screening";
  keys["processor.watchlist.topic"] = wl;
  keys["processor.replay.topic"] = r1;
  WriteConfig(config, keys);
  int failures = 0;
  int run = 0;
  // Runs `paxscreen replay` over the window into `topic`; checks its summary's record count and
  // the topic's events against `expected`.
  auto replay = [&](const std::string& topic, const std::vector<std::string>& extra,
                    const std::set<EventPair>& expected, const std::string& what) {
    const std::string log = work + "/replay" + std::to_string(++run) + ".log";
    std::vector<std::string> argv = {PaxscreenBinary(), "replay", "--config", config,
                                     "--from", std::to_string(from), "--to", std::to_string(to),
                                     "--window", "index"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back("processor.replay.topic=" + topic);
    const auto t0 = Clock::now();
    const int code = RunCommand(argv, log, std::chrono::seconds(90));
    const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    if (code != 0) {
      std::printf("  FAIL %s: paxscreen replay exited %d:\n%s", what.c_str(), code,
                  Tail(log).c_str());
      ++failures;
      return;
    }
    const int64_t records = ReplayedRecords(log);
    std::printf("  %s: replay took %.1f s, replayed %lld records (expected %lld)\n", what.c_str(),
                secs, static_cast<long long>(records), static_cast<long long>(w1 - w0));
    if (records != w1 - w0) ++failures;
    if (CompareEvents(what, expected,
                      ReadAll(bootstrap, topic, kPartitions, "read_committed")) > 0) {
      ++failures;
    }
  };

  publish("v1.ndjson", {kA, kB});
  replay(r1, {}, all_in_window, "window, whole list");
  // T: after every record of the first publish (same clock: CreateTime is the producer's).
  const int64_t since = NowMs() + 1;
  WaitFor([&] { return NowMs() > since; }, std::chrono::seconds(1), std::chrono::milliseconds(1));
  publish("v2-delta.ndjson", {kBChanged, kC});
  replay(r2, {"--only-entries-since", std::to_string(since)}, retro_in_window,
         "retro, entries since T");
  replay(r3, {"--only-entries-since", work + "/v1.ndjson"}, retro_in_window,
         "retro, entries since list v1");
  std::printf("%s: %s\n", kName, failures == 0 ? "PASS" : "FAIL");
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace paxscreen::e2e

int main() { return paxscreen::e2e::RunServiceTest(paxscreen::e2e::kName, &paxscreen::e2e::Run); }
