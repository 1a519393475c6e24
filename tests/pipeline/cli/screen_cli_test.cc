// End-to-end tests of `paxscreen screen` as a user runs it: files in, events and a dead-letter
// file out, exit status, and every event valid against schemas/match_event.schema.json.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "matcher/base/env.h"
#include "pipeline/codec/schema_validator.h"

namespace paxscreen {
namespace {

namespace fs = std::filesystem;

fs::path TempDir() {
  fs::path dir = fs::temp_directory_path() /
                 ("paxscreen-cli-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

std::vector<std::string> Lines(const fs::path& p) {
  std::ifstream in(p);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// Runs the paxscreen binary with `args`; returns its exit status, stderr in `err`.
int Run(const std::string& args, std::string* err) {
  fs::path log = fs::temp_directory_path() / ("paxscreen-cli-stderr-" + std::to_string(::getpid()));
  std::string cmd = std::string(PAXSCREEN_BINARY) + " " + args + " 2>" + log.string();
  int status = std::system(cmd.c_str());
  std::ifstream in(log);
  std::stringstream ss;
  ss << in.rdbuf();
  *err = ss.str();
  fs::remove(log);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

constexpr char kWatchlist[] =
    R"({"entry_id":"T:1","list":"TEST","category":"individual","names":[{"full":"MUHAMMAD YUSUF AL-QAHTANI","kind":"primary"}],"dates_of_birth":["1975-03-14"]})"
    "\n"
    R"({"entry_id":"T:2","list":"TEST","category":"individual","names":[{"full":"ALEKSANDR PETROV","kind":"primary"}]})"
    "\n";

TEST_CASE("screen: hits, a malformed optional field, and the dead-letter file") {
  fs::path dir = TempDir();
  Write(dir / "wl.ndjson", kWatchlist);
  Write(dir / "in.ndjson",
        R"({"record_id":"R1","passenger":{"surname":"ALQAHTANI","given_names":"MOHAMMED YOUSSEF","date_of_birth":"1975-03-14"}})"
        "\n"
        R"({"record_id":"R2","passenger":{"surname":"SMALL","given_names":"JANE"}})"
        "\n"
        R"({"record_id":"R3","passenger":{"full_name":"OLEKSANDR PETROV","date_of_birth":"1969-7-16","nationality":"Ukraine"}})"
        "\n"
        R"({"passenger":{"surname":"NOID"}})"
        "\n"
        R"({"record_id":"R5","passenger":{"sex":"M"}})"
        "\n"
        "{not json\n");
  std::string err;
  int rc = Run("screen --watchlist " + (dir / "wl.ndjson").string() + " --input " +
                   (dir / "in.ndjson").string() + " --output " + (dir / "out.ndjson").string() +
                   " --dlq " + (dir / "dlq.ndjson").string() + " --threads 2",
               &err);
  INFO(err);
  REQUIRE(rc == 1);  // some records rejected
  auto events = Lines(dir / "out.ndjson");
  REQUIRE(events.size() == 2);
  for (const auto& e : events) {
    auto st = codec::ValidateJson(codec::Schema::kMatchEvent, e, "event");
    INFO(st.message());
    REQUIRE(st.ok());
  }
  REQUIRE(events[0].find(R"("record_id":"R1")") != std::string::npos);
  REQUIRE(events[0].find(R"("entry_id":"T:1")") != std::string::npos);
  REQUIRE(events[1].find(R"("record_id":"R3")") != std::string::npos);
  REQUIRE(events[1].find("record_problems\":[\"") != std::string::npos);  // the bad fields
  // No passenger tokens in events by default.
  REQUIRE(events[0].find("MOHAMMED") == std::string::npos);
  REQUIRE(events[0].find("YOUSSEF") == std::string::npos);
  auto dlq = Lines(dir / "dlq.ndjson");
  REQUIRE(dlq.size() == 3);
  REQUIRE(dlq[0].find("record_id") != std::string::npos);
  REQUIRE(err.find("6 records") != std::string::npos);
  REQUIRE(err.find("3 rejected") != std::string::npos);
  // The default-level stderr carries no passenger names.
  REQUIRE(err.find("QAHTANI") == std::string::npos);
  REQUIRE(err.find("NOID") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("screen: the same input and watchlist give the same event ids") {
  fs::path dir = TempDir();
  Write(dir / "wl.ndjson", kWatchlist);
  Write(dir / "in.ndjson",
        R"({"record_id":"R1","passenger":{"full_name":"ALEKSANDR PETROV"}})"
        "\n");
  std::string err;
  const std::string base = "screen --watchlist " + (dir / "wl.ndjson").string() + " --input " +
                           (dir / "in.ndjson").string() + " --output ";
  REQUIRE(Run(base + (dir / "a.ndjson").string(), &err) == 0);
  REQUIRE(Run(base + (dir / "b.ndjson").string(), &err) == 0);
  auto a = Lines(dir / "a.ndjson"), b = Lines(dir / "b.ndjson");
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 1);
  REQUIRE(a[0].substr(0, a[0].find(",\"record_id\"")) == b[0].substr(0, b[0].find(",\"record_id\"")));
  fs::remove_all(dir);
}

TEST_CASE("harness: the report, the target line and the required bounds") {
  fs::path dir = TempDir();
  Write(dir / "wl.ndjson", kWatchlist);
  const std::string base = "harness --lists " + (dir / "wl.ndjson").string() +
                           " --negatives 300 --threads 1 --shards 1";
  std::string err;
  REQUIRE(Run(base + " > " + (dir / "report.txt").string(), &err) == 0);
  std::ifstream in(dir / "report.txt");
  std::stringstream report;
  report << in.rdbuf();
  INFO(report.str());
  // Two listed individuals give positives of every variant that applies; the report ends on the
  // sweep and where it stands against the accuracy target.
  CHECK(report.str().find("recall") != std::string::npos);
  CHECK(report.str().find("threshold sweep:") != std::string::npos);
  CHECK(report.str().find("target: recall >= 0.995 at <= 0.5 false alarms per 1,000: ") !=
        std::string::npos);
  // A bound that cannot hold fails the run (exit 1), naming it.
  REQUIRE(Run(base + " --require_recall 1.01 > /dev/null", &err) == 1);
  CHECK(err.find("below the required") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("screen: usage errors and unreadable lists") {
  std::string err;
  REQUIRE(Run("screen --input /dev/null", &err) == 2);
  REQUIRE(err.find("--watchlist is required") != std::string::npos);
  REQUIRE(Run("screen --watchlist /nonexistent/list.xml --input /dev/null", &err) == 3);
  REQUIRE(Run("screen --help", &err) == 0);
}

TEST_CASE("screen: an EDIFACT PAXLST message is screened traveller by traveller", "[data]") {
  const std::string data = SharedDataDir();
  if (data.empty()) {
    WARN("../shared/data is absent: skipping the PAXLST screening test");
    return;
  }
  fs::path dir = TempDir();
  // The first traveller of the sample, as a one-entry watchlist, must hit.
  std::string err;
  const std::string sample = data + "/messages/paxlst/gtas-loader_Test1.txt";
  fs::path decoded = dir / "decoded.ndjson";
  REQUIRE(Run("decode " + sample + " > " + decoded.string(), &err) == 0);
  auto records = Lines(decoded);
  REQUIRE(records.size() > 1);
  // Build a watchlist entry from the first record's names (read back through the schema'd JSON).
  const std::string& r = records[0];
  auto field = [&](const std::string& key) {
    auto k = r.find("\"" + key + "\":\"");
    if (k == std::string::npos) return std::string();
    k += key.size() + 4;
    return r.substr(k, r.find('"', k) - k);
  };
  const std::string name = field("given_names") + " " + field("surname");
  Write(dir / "wl.ndjson", R"({"entry_id":"P:1","list":"TEST","category":"individual","names":[{"full":")" +
                               name + R"(","kind":"primary"}]})"
                               "\n");
  REQUIRE(Run("screen --watchlist " + (dir / "wl.ndjson").string() + " --input " + sample +
                  " --output " + (dir / "out.ndjson").string(),
              &err) == 0);
  auto events = Lines(dir / "out.ndjson");
  REQUIRE(!events.empty());
  REQUIRE(events[0].find("\"entry_id\":\"P:1\"") != std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace paxscreen
