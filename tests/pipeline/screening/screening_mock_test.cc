// Integration tests of the screening service on librdkafka's mock cluster: the StreamService
// with the ScreeningProcessor, a compacted watchlist topic updated during traffic, cleared
// pairs, the results topic, DLQ headers, replay (scan window, --only-entries-since), the demo.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "pipeline/codec/watchlist_json.h"
#include "pipeline/screening/demo.h"
#include "pipeline/screening/demo_data.h"
#include "pipeline/screening/processor.h"
#include "pipeline/screening/publish.h"
#include "pipeline/screening/replay.h"
#include "pipeline/service/service.h"
#include "tests/pipeline/service/mock_harness.h"

namespace paxscreen::screening {
namespace {

using testing::ReadRecord;
using testing::WaitFor;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string Json(const std::string& id, const std::string& surname, const std::string& given,
                 const std::string& dob, const std::string& extra = "") {
  return absl::StrCat(R"({"record_id":")", id, R"(","passenger":{"surname":")", surname,
                      R"(","given_names":")", given, R"(","date_of_birth":")", dob, "\"", extra,
                      "}}");
}

// `ref`: the interchange reference, part of the decoder's record ids.
std::string Paxlst(const std::string& ref, const std::vector<std::string>& travellers) {
  std::string msg =
      "UNA:+.? '\nUNB+UNOA:4+AIR1+DHS+261123:0600+" + ref + "++APIS'\n"
      "UNH+MSG1+PAXLST:D:05B:UN:IATA'\nBGM+745'\nTDT+20+QQ827+++QQ'\nLOC+125+JFK'\n"
      "DTM+189:2611232000:201'\nLOC+87+CDG'\nDTM+232:2611240630:201'\n";
  for (const auto& t : travellers) msg += t;
  return absl::StrCat(msg, "CNT+42:", travellers.size(), "'\nUNT+40+MSG1'\nUNZ+1+", ref, "'\n");
}

std::string Traveller(const std::string& name, const std::string& yymmdd, const std::string& nat) {
  return absl::StrCat("NAD+FL+++", name, "'\nATT+2++M'\nDTM+329:", yymmdd, "'\nNAT+2+", nat,
                      "'\nDOC+P:110:111+Z", yymmdd, "'\nLOC+91+", nat, "'\n");
}

model::WatchlistEntry NewEntry() {
  model::WatchlistEntry e;
  e.entry_id = "DEMO-900";
  e.list = "DEMO-A";
  e.category = "individual";
  e.names.push_back({"ORSOLYA VANTERPOOL-QUIGG", "VANTERPOOL-QUIGG", "ORSOLYA", "Latn",
                     model::NameKind::kPrimary});
  e.dates_of_birth.push_back({1977, 5, 19, 0, false});
  e.nationalities = {"HUN"};
  e.sex = "F";
  return e;
}

std::multiset<std::pair<std::string, std::string>> Pairs(const std::vector<ReadRecord>& events) {
  std::multiset<std::pair<std::string, std::string>> out;
  for (const auto& e : events) out.insert({PeekJsonField(e.value, "record_id"), PeekJsonField(e.value, "entry_id")});
  return out;
}

TEST_CASE("screening service: events, results, DLQ, live watchlist updates, cleared pairs, replay",
          "[screening][mock]") {
  auto c = kafka::MockCluster::Create(1);
  REQUIRE(c.ok());
  auto& cluster = **c;
  for (auto [t, n] : std::vector<std::pair<std::string, int>>{
           {"in", 2}, {"out", 2}, {"dlq", 1}, {"res", 2}, {"wl", 1}, {"replay", 1}}) {
    REQUIRE(cluster.CreateTopic(t, n).ok());
  }
  const kafka::Properties props = testing::BaseProps(cluster);
  REQUIRE(PublishWatchlist(props, "wl", DemoWatchlist()).ok());

  const std::string cleared_path = "/tmp/paxscreen_screening_test_cleared.csv";
  {
    std::ofstream f(cleared_path);
    f << "# cleared by an analyst\nDOC:TUN:P777,DEMO-002\n";
  }
  service::ServiceConfig cfg = testing::MockConfig(cluster, "g-screen", service::DeliveryMode::kExactlyOnce);
  cfg.workers = 2;
  cfg.processor = "screening";
  cfg.processor_options = {{"watchlist.topic", "wl"}, {"results.topic", "res"},
                           {"cleared.file", cleared_path}, {"watchlist.apply_interval_ms", "50"},
                           {"replay.topic", "replay"}};
  auto made = MakeScreeningProcessor(cfg);
  REQUIRE(made.ok());
  auto* proc = static_cast<ScreeningProcessor*>(made->get());
  service::StreamService svc(cfg, std::move(*made));
  std::thread runner([&] { (void)svc.Run(); });
  struct Joiner {
    service::StreamService& s;
    std::thread& t;
    ~Joiner() { s.RequestStop(); if (t.joinable()) t.join(); }
  } joiner{svc, runner};
  REQUIRE(WaitFor([&] { return svc.ready(); }, 20000));
  const std::string v1 = *proc->feed()->version();
  CHECK(proc->feed()->entry_count() == DemoWatchlist().size());

  // Phase 1: JSON hit, miss, cleared pair; PAXLST with 3 travellers; PAXLST with a bad
  // traveller; two undecodable records.
  testing::ProduceAll(cluster, "in", {
      {0, "R1", Json("R1", "QARAWANI", "ABDEL HAKIM", "1971-03-14")},
      {0, "R2", Json("R2", "ANDERSEN", "EMMA", "1980-01-01")},
      {0, "R3", Json("R3", "MARZOUKI", "YOUSSEF TAHAR", "1980-11-02",
                     R"(,"documents":[{"type":"P","number":"P777","issuing_state":"TUN"}])")},
      {1, "M1", Paxlst("000777", {Traveller("LANG:KRISTIN", "600606", "ESP"),
                        Traveller("ESFANDIARI:LEILA:MARYAM", "830227", "IRN"),
                        Traveller("PETERSEN:OTTO", "700101", "DNK")})},
      {1, "M2", Paxlst("000778", {Traveller(":NOSURNAME", "700601", "IRN"),
                        Traveller("KARIMZADEH:FARHAD", "700601", "IRN")})},
      {1, "B1", "not a record"},
      {0, "B2", "{\"passenger\":{\"surname\":\"X\"}}"}});
  auto events = testing::ReadTopic(cluster, "out", 2, 3, 20000);
  auto results = testing::ReadTopic(cluster, "res", 2, 7, 20000);
  auto dlq = testing::ReadTopic(cluster, "dlq", 1, 3, 20000);
  REQUIRE(events.size() == 3);
  std::set<std::string> entries;
  for (const auto& e : events) {
    entries.insert(PeekJsonField(e.value, "entry_id"));
    CHECK(e.key == PeekJsonField(e.value, "record_id"));
    CHECK(PeekJsonField(e.value, "watchlist_version") == v1);
    CHECK(testing::HeaderValue(e, kHeaderWatchlistVersion) == v1);
  }
  CHECK(entries == std::set<std::string>{"DEMO-001", "DEMO-009", "DEMO-010"});
  CHECK(Pairs(events).count({"R1", "DEMO-001"}) == 1);
  // One audit record per traveller: 3 JSON + 3 + 1 decodable EDIFACT travellers.
  REQUIRE(results.size() == 7);
  std::map<std::string, std::string> hits_by_record;
  for (const auto& r : results) hits_by_record[PeekJsonField(r.value, "record_id")] = PeekJsonField(r.value, "hits");
  CHECK(hits_by_record.size() == 7);
  CHECK(hits_by_record["R2"] == "0");
  CHECK(hits_by_record["R3"] == "0");  // cleared: suppressed, not emitted
  CHECK(proc->counts().suppressed == 1);
  REQUIRE(dlq.size() == 3);
  std::map<std::string, std::string> dlq_class;
  for (const auto& d : dlq) {
    dlq_class[d.key] = testing::HeaderValue(d, service::kHeaderErrorClass);
    CHECK(testing::HeaderValue(d, service::kHeaderSourceTopic) == "in");
    CHECK(testing::HeaderValue(d, service::kHeaderSourceOffset) != "<missing>");
    CHECK(testing::HeaderValue(d, "trace") == "t1");
  }
  CHECK(dlq_class["M2"] == kErrorPartial);
  CHECK(dlq_class["B1"] == kErrorDecode);
  CHECK(dlq_class["B2"] == kErrorValidate);
  for (const auto& d : dlq) if (d.key == "M2") CHECK(absl::StartsWith(d.value, "UNA"));  // verbatim

  // Phase 2: a new entry published during traffic hits from then on.
  const int64_t before_update = NowMs();
  REQUIRE(WaitFor([&] { return NowMs() > before_update + 2; }, 1000));
  const int64_t since = NowMs();
  REQUIRE(WaitFor([&] { return NowMs() > since; }, 1000));
  const uint64_t gen = proc->feed()->generation();
  REQUIRE(PublishWatchlist(props, "wl", {NewEntry()}).ok());
  REQUIRE(WaitFor([&] { return proc->feed()->generation() > gen; }, 10000));
  const std::string v2 = *proc->feed()->version();
  CHECK(v2 != v1);
  testing::ProduceAll(cluster, "in", {{0, "R4", Json("R4", "VANTERPOOL QUIGG", "ORSOLYA", "1977-05-19")}});
  events = testing::ReadTopic(cluster, "out", 2, 4, 20000);
  REQUIRE(events.size() == 4);
  bool new_hit = false;
  for (const auto& e : events) {
    if (PeekJsonField(e.value, "record_id") == "R4") {
      new_hit = PeekJsonField(e.value, "entry_id") == "DEMO-900" &&
                PeekJsonField(e.value, "watchlist_version") == v2;
    }
  }
  CHECK(new_hit);

  // Phase 3: a delete (tombstone) stops hits on that entry.
  const uint64_t gen2 = proc->feed()->generation();
  model::WatchlistEntry del;
  del.entry_id = "DEMO-001";
  del.op = model::EntryOp::kDelete;
  REQUIRE(PublishWatchlist(props, "wl", {del}).ok());
  REQUIRE(WaitFor([&] { return proc->feed()->generation() > gen2; }, 10000));
  testing::ProduceAll(cluster, "in", {{0, "R5", Json("R5", "QARAWANI", "ABDEL HAKIM", "1971-03-14")}});
  results = testing::ReadTopic(cluster, "res", 2, 9, 20000);
  REQUIRE(results.size() == 9);
  for (const auto& r : results) {
    if (PeekJsonField(r.value, "record_id") == "R5") CHECK(PeekJsonField(r.value, "hits") == "0");
  }
  events = testing::ReadTopic(cluster, "out", 2, 4, 3000);
  CHECK(events.size() == 4);  // nothing new for R5
  CHECK(proc->feed()->entry_count() == DemoWatchlist().size());  // +1 -1

  // Phase 4: replay. The whole window against the current list (DEMO-001 deleted now) ...
  service::ServiceConfig rcfg = cfg;
  ReplayOptions ro{.from_ms = 0, .to_ms = NowMs() + 1000, .window = ReplayWindow::kScan};
  auto all = RunReplay(rcfg, ro);
  INFO(all.status().message());
  REQUIRE(all.ok());
  CHECK(all->records == 9);
  CHECK(all->hits == 3);  // DEMO-009, DEMO-010, DEMO-900 (R4); R3 still cleared
  CHECK(all->suppressed == 1);
  CHECK(all->dead_letters == 3);
  // ... and retro-screening against only the entries published since `since`.
  ro.only_entries_since = absl::StrCat(since);
  auto retro = RunReplay(rcfg, ro);
  INFO(retro.status().message());
  REQUIRE(retro.ok());
  CHECK(retro->entries == 1);
  CHECK(retro->hits == 1);
  auto replayed = testing::ReadTopic(cluster, "replay", 1, 4, 20000);
  REQUIRE(replayed.size() == 4);
  CHECK(Pairs(replayed).count({"R4", "DEMO-900"}) == 2);
  // --only-entries-since an older list file: entries absent from it.
  const std::string old_path = "/tmp/paxscreen_screening_test_old.ndjson";
  {
    std::ofstream f(old_path);
    for (const auto& e : DemoWatchlist()) f << codec::EncodeWatchlistEntry(e) << "\n";
  }
  auto since_file = EntriesSince(rcfg, old_path);
  REQUIRE(since_file.ok());
  REQUIRE(since_file->size() == 1);
  CHECK((*since_file)[0].entry_id == "DEMO-900");
  std::remove(old_path.c_str());
  std::remove(cleared_path.c_str());
}

TEST_CASE("demo: the in-process pipeline finds every planted match", "[screening][mock][demo]") {
  DemoOptions o;
  o.records = 3000;
  o.planted = 36;
  o.quiet = true;
  std::FILE* sink = std::tmpfile();
  auto s = RunDemo(o, sink);
  std::fclose(sink);
  REQUIRE(s.ok());
  CHECK(s->screened == 3000);
  CHECK(s->results == 3000);
  CHECK(s->dlq == 2);
  CHECK(s->planted == 36);
  CHECK(s->planted_found == 36);
  CHECK(s->hits >= s->planted_found);
}

}  // namespace
}  // namespace paxscreen::screening
