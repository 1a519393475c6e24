// e2e 1 (PAXLST) — a feed of UN/EDIFACT PAXLST messages, one Kafka record per message, through
// `paxscreen run` with the screening processor produces exactly the expected events. A 3-entry
// invented NDJSON watchlist; PAXSCREEN_E2E_RECORDS / 2500 (at least 60) synthetic messages of 1
// to 6 travellers each, some travellers planted with an entry's name and date of birth; one
// message whose 2nd traveller has no surname (the others are screened, the message goes to the
// DLQ as decode.partial); one truncated message (no UNT: DLQ); and, when the shared data is
// present, the sample ../shared/data/messages/paxlst/gtas-loader_Test1.txt (8 crew, no hit).
// Expected, read back with read_committed: the events topic holds exactly the planted
// (record_id, entry_id) pairs with record ids as pipeline/edifact/paxlst.cc makes them
// (API-<UNB ref>-<UNH ref>-<carrier><number>-<departure date>-<traveller index>), the results
// topic one record per decodable traveller, the DLQ the two bad messages.
// The names are invented; no real person's data.
//
//   ctest --preset release -R e2e_paxlst_feed
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "matcher/base/env.h"
#include "tests/e2e/e2e_service.h"
#include "tests/e2e/screening_support.h"

namespace paxscreen::e2e {
namespace {

constexpr int kPartitions = 4;
constexpr char kName[] = "e2e_paxlst_feed";

const std::vector<TestEntry> kEntries = {{"PXL-001", "ORVANDEL", "QUISTAFORTH", "1969-04-21", ""},
                                         {"PXL-002", "BELISSANDRA", "YOKERMANTE", "1983-09-05", ""},
                                         {"PXL-003", "HADRIMUND", "ZELTOVARIC", "1958-12-17", ""}};

struct Traveller {
  std::string given, surname, dob;  // dob YYYY-MM-DD; surname "" makes the NAD unusable
  int entry = -1;                   // index into kEntries when planted
};

// One PAXLST interchange (UNB..UNZ) with one message; `truncate` drops UNT/UNE/UNZ.
std::string Paxlst(const std::string& icr, const std::string& msg_ref, int flight,
                   const std::vector<Traveller>& travellers, bool truncate = false) {
  std::vector<std::string> body = {"UNH+" + msg_ref + "+PAXLST:D:05B:UN:IATA",
                                   "BGM+745",
                                   "NAD+MS+++E2E OPERATIONS",
                                   "TDT+20+ZX" + std::to_string(flight) + "+++ZX",
                                   "LOC+125+FRA",
                                   "DTM+189:202611231725:203",
                                   "LOC+87+IAD",
                                   "DTM+232:202611240710:203"};
  for (const Traveller& t : travellers) {
    std::string dob = t.dob;
    dob.erase(std::remove(dob.begin(), dob.end(), '-'), dob.end());
    body.push_back("NAD+FL+++" + t.surname + ":" + t.given);
    body.push_back("ATT+2++M");
    body.push_back("DTM+329:" + dob + ":102");
  }
  body.push_back("CNT+42:" + std::to_string(travellers.size()));
  std::string out = "UNB+UNOA:4+PAXE2E:ZZ+PAXSCREEN:ZZ+261123:1700+" + icr + "++APIS'";
  for (const auto& s : body) out += s + "'";
  if (truncate) return out;
  out += "UNT+" + std::to_string(body.size() + 1) + "+" + msg_ref + "'";
  out += "UNZ+1+" + icr + "'";
  return out;
}

std::string RecordId(const std::string& icr, const std::string& msg_ref, int flight, size_t i) {
  return "API-" + icr + "-" + msg_ref + "-ZX" + std::to_string(flight) + "-2026-11-23-" +
         std::to_string(i);
}

int Run(const BrokerLocation& broker, const std::string& work) {
  const std::string& bootstrap = broker.bootstrap;
  const int64_t messages = std::max<int64_t>(EnvInt("PAXSCREEN_E2E_RECORDS", 200000) / 2500, 60);
  const std::string in = UniqueName("pxl-in"), events = UniqueName("pxl-events"),
                    results = UniqueName("pxl-results"), dlq = UniqueName("pxl-dlq");
  CreateTopics(bootstrap,
               {{in, kPartitions}, {events, kPartitions}, {results, kPartitions}, {dlq, 1}});
  const std::string list = work + "/watchlist.ndjson";
  WriteNdjson(list, kEntries);

  std::vector<KeyedRecord> feed;
  std::set<EventPair> expected;
  std::set<std::string> travellers;  // record ids that must get one result each
  size_t planted = 0;
  for (int64_t m = 0; m < messages; ++m) {
    const std::string icr = "PXE" + std::to_string(100000 + m), ref = "M" + std::to_string(m);
    const int flight = 100 + static_cast<int>(m % 50);
    std::vector<Traveller> ts;
    for (int t = 0; t < static_cast<int>(m % 6) + 1; ++t) {
      if ((m * 7 + t) % 9 == 0) {
        const int e = static_cast<int>((m + t) % 3);
        ts.push_back({kEntries[e].given, kEntries[e].surname, kEntries[e].dob, e});
      } else {
        ts.push_back({CleanName(m * 6 + t, 3), CleanName(m * 11 + t * 5 + 1, 4), "1990-02-03", -1});
      }
    }
    for (size_t i = 0; i < ts.size(); ++i) {
      const std::string id = RecordId(icr, ref, flight, i + 1);
      travellers.insert(id);
      if (ts[i].entry >= 0) {
        expected.insert({id, kEntries[ts[i].entry].id});
        ++planted;
      }
    }
    feed.push_back({icr, Paxlst(icr, ref, flight, ts)});
  }
  // Traveller 2 has no surname: travellers 1 and 3 are screened (ids keep their positions).
  const std::string partial_icr = "PXEPARTIAL", malformed_icr = "PXEBROKEN";
  {
    std::vector<Traveller> ts = {{kEntries[0].given, kEntries[0].surname, kEntries[0].dob, 0},
                                 {"NOSURNAME", "", "1970-01-01", -1},
                                 {CleanName(5, 3), CleanName(77, 4), "1991-05-06", -1}};
    feed.push_back({partial_icr, Paxlst(partial_icr, "MP", 777, ts)});
    travellers.insert(RecordId(partial_icr, "MP", 777, 1));
    travellers.insert(RecordId(partial_icr, "MP", 777, 3));
    expected.insert({RecordId(partial_icr, "MP", 777, 1), kEntries[0].id});
    ++planted;
    feed.push_back({malformed_icr, Paxlst(malformed_icr, "MB", 778, {ts[0], ts[2]}, true)});
  }
  const std::string shared = SharedDataDir();
  if (shared.empty()) {
    std::printf("  WARN no shared data folder: the gtas-loader_Test1.txt sample part is skipped\n");
  } else {
    std::ifstream f(shared + "/messages/paxlst/gtas-loader_Test1.txt");
    std::stringstream text;
    text << f.rdbuf();
    if (!f || text.str().empty()) throw std::runtime_error("cannot read the shared PAXLST sample");
    feed.push_back({"SAMPLE-TEST1", text.str()});
    for (int i = 1; i <= 8; ++i) {
      travellers.insert("API-1403010600-1402010600-UA0989-2017-01-27-" + std::to_string(i));
    }
  }
  std::rotate(feed.begin(), feed.begin() + static_cast<long>(feed.size() / 2), feed.end());
  ProduceRecords(bootstrap, in, feed);
  std::printf("  fed %zu PAXLST messages: %zu decodable travellers, %zu planted hits\n",
              feed.size(),
              travellers.size(), planted);

  const std::string group = UniqueName("pxl-group");
  auto keys = EchoConfig(bootstrap, in, events, dlq, group, UniqueName("pxl-txn"));
  keys["processor.name"] = "screening";
  keys["processor.watchlist.files"] = list;
  keys["processor.results.topic"] = results;
  const std::string config = work + "/service.conf";
  WriteConfig(config, keys);
  Probe probe(bootstrap);
  int failures = 0;
  if (!RunUntilCommitted(config, work + "/service.log", probe, group, in, kPartitions,
                         std::chrono::seconds(120), &failures)) {
    return 1;
  }
  if (CompareEvents("events", expected,
                    ReadAll(bootstrap, events, kPartitions, "read_committed")) > 0) {
    ++failures;
  }
  std::map<std::string, int> result_ids;
  for (const Record& r : ReadAll(bootstrap, results, kPartitions, "read_committed")) {
    ++result_ids[Field(r.value, "record_id")];
  }
  int missing = 0, extra = 0, dup = 0;
  for (const auto& id : travellers) missing += result_ids.count(id) == 0 ? 1 : 0;
  for (const auto& [id, n] : result_ids) {
    if (travellers.count(id) == 0) {
      ++extra;
      std::printf("  unexpected result record %s\n", id.c_str());
    }
    dup += n - 1;
  }
  std::printf("  results: %zu distinct record ids, %zu expected; missing %d, unexpected %d, "
              "duplicated %d\n", result_ids.size(), travellers.size(), missing, extra, dup);
  if (missing + extra + dup > 0) ++failures;
  std::multiset<std::string> dead;
  for (const Record& r : ReadAll(bootstrap, dlq, 1, "read_committed")) dead.insert(r.key);
  const std::multiset<std::string> dead_expected = {partial_icr, malformed_icr};
  std::printf("  dead letters: %zu (expected 2: the partial and the truncated message)\n",
              dead.size());
  if (dead != dead_expected) {
    for (const auto& k : dead) std::printf("    dead letter key %s\n", k.c_str());
    ++failures;
  }
  std::printf("%s: %s\n", kName, failures == 0 ? "PASS" : "FAIL");
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace paxscreen::e2e

int main() { return paxscreen::e2e::RunServiceTest(paxscreen::e2e::kName, &paxscreen::e2e::Run); }
