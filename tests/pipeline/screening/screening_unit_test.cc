// Unit tests of the screening pieces that need no broker: options, traveller keys, cleared
// pairs, the processor on fixed entries (JSON, PAXLST, dead letters, suppression), demo data.
#include <catch2/catch.hpp>

#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "matcher/screen/event.h"
#include "pipeline/codec/passenger_json.h"
#include "pipeline/screening/cleared_pairs.h"
#include "pipeline/screening/demo.h"
#include "pipeline/screening/demo_data.h"
#include "pipeline/screening/options.h"
#include "pipeline/screening/processor.h"
#include "pipeline/screening/replay.h"

namespace paxscreen::screening {
namespace {

service::ServiceConfig ConfigWith(std::map<std::string, std::string> opts) {
  service::ServiceConfig c;
  c.processor = "screening";
  c.processor_options = std::move(opts);
  return c;
}

TEST_CASE("options: processor.* keys, unknown key and missing watchlist are errors") {
  auto o = ScreeningOptionsFromConfig(ConfigWith({{"watchlist.files", "a.xml, b.csv"},
                                                  {"results.topic", "res"},
                                                  {"min_score", "0.85"},
                                                  {"passenger_data_in_events", "true"}}));
  REQUIRE(o.ok());
  CHECK(o->watchlist_files == std::vector<std::string>{"a.xml", "b.csv"});
  CHECK(o->results_topic == "res");
  CHECK(o->min_score == Approx(0.85));
  CHECK(o->passenger_data_in_events);
  auto typo = ScreeningOptionsFromConfig(ConfigWith({{"watchlist.file", "a.xml"}}));
  REQUIRE_FALSE(typo.ok());
  CHECK(absl::StrContains(typo.status().message(), "processor.watchlist.file"));
  CHECK_FALSE(ScreeningOptionsFromConfig(ConfigWith({{"results.topic", "r"}})).ok());
  CHECK_FALSE(ScreeningOptionsFromConfig(ConfigWith({{"watchlist.topic", "w"}, {"min_score", "x"}})).ok());
}

TEST_CASE("traveller key: document first, else canonical name and date of birth") {
  model::PassengerRecord r;
  r.passenger.surname = "o'Neil";
  r.passenger.given_names = "  pat  ";
  r.passenger.date_of_birth = "1960-06-06";
  CHECK(TravellerKey(r) == "NAME:O NEIL PAT:1960-06-06");
  r.passenger.documents.push_back({"P", "ab-12 34", "", ""});  // no issuing state: not used
  CHECK(TravellerKey(r) == "NAME:O NEIL PAT:1960-06-06");
  r.passenger.documents.push_back({"P", "ab-12 34", "esp", ""});
  CHECK(TravellerKey(r) == "DOC:ESP:AB1234");
  model::PassengerRecord full;
  full.passenger.full_name = "Pat O'Neil";
  CHECK(TravellerKey(full) == "NAME:PAT O NEIL:");
}

TEST_CASE("cleared pairs: file lines, comments, last comma, errors name the line") {
  ClearedPairs c;
  REQUIRE(c.LoadText("# analyst clearances\nDOC:ESP:AB1234,DEMO-001\n\nNAME:A B:1970-01-01 , X,Y\n", "t").ok());
  CHECK(c.size() == 2);
  CHECK(c.Contains("DOC:ESP:AB1234", "DEMO-001"));
  CHECK_FALSE(c.Contains("DOC:ESP:AB1234", "DEMO-002"));
  CHECK(c.Contains("NAME:A B:1970-01-01 , X", "Y"));
  c.Set("DOC:ESP:AB1234", "DEMO-001", false);
  CHECK_FALSE(c.Contains("DOC:ESP:AB1234", "DEMO-001"));
  auto bad = c.LoadText("ok,1\nno-comma-here\n", "cleared.csv");
  REQUIRE_FALSE(bad.ok());
  CHECK(absl::StrContains(bad.message(), "cleared.csv:2"));
}

TEST_CASE("replay times: RFC 3339 or epoch ms") {
  auto t = ParseReplayTime("2026-11-23T10:00:00Z");
  REQUIRE(t.ok());
  CHECK(*t == 1795428000000);
  CHECK(*ParseReplayTime("1234") == 1234);
  CHECK_FALSE(ParseReplayTime("yesterday").ok());
}

TEST_CASE("demo feed: deterministic, planted records carry listed people") {
  DemoFeed a = GenerateDemoFeed({.records = 500, .planted = 12});
  DemoFeed b = GenerateDemoFeed({.records = 500, .planted = 12});
  REQUIRE(a.records.size() == 500);
  REQUIRE(a.planted.size() == 12);
  CHECK(codec::EncodePassengerRecord(a.records[77]) == codec::EncodePassengerRecord(b.records[77]));
  std::set<std::string> variants;
  for (const auto& p : a.planted) variants.insert(p.variant);
  CHECK(variants.size() >= 5);
  std::set<std::string> ids;
  for (const auto& e : DemoWatchlist()) ids.insert(e.entry_id);
  for (const auto& p : a.planted) CHECK(ids.count(p.entry_id) == 1);
  CHECK(PeekJsonField(R"({"record_id":"R1","score":0.93,"evidence":{"score":1}})", "score") == "0.93");
  CHECK(PeekJsonField(R"({"record_id":"R1"})", "record_id") == "R1");
  CHECK(PeekJsonField(R"({"record_id":"R1"})", "entry_id").empty());
}

// The processor on fixed entries, called directly (no Kafka).
struct Direct {
  ScreeningProcessor processor;
  std::vector<kafka::Header> headers;
  explicit Direct(ScreeningOptions o) : processor(std::move(o)) {
    service::ProcessorContext ctx;
    REQUIRE(processor.Start(ctx).ok());
    REQUIRE(processor.Ready());
  }
  service::ProcessOutcome Run(std::string_view value, int64_t offset = 0) {
    service::InputRecord in{"in", 0, offset, -1, std::nullopt, value, &headers};
    return processor.Process(in);
  }
};

ScreeningOptions FixedDemo() {
  ScreeningOptions o;
  o.fixed_entries = DemoWatchlist();
  o.results_topic = "res";
  return o;
}

std::string Json(const std::string& id, const std::string& surname, const std::string& given,
                 const std::string& dob, const std::string& extra = "") {
  return absl::StrCat(R"({"record_id":")", id, R"(","passenger":{"surname":")", surname,
                      R"(","given_names":")", given, R"(","date_of_birth":")", dob, "\"", extra,
                      "}}");
}

TEST_CASE("processor: JSON hit, miss, suppression, results record, dead letters") {
  Direct d(FixedDemo());
  const std::string version = screen::WatchlistVersion(DemoWatchlist());
  auto hit = d.Run(Json("R1", "QARAWANI", "ABDEL HAKIM", "1971-03-14"));
  REQUIRE(hit.outputs.size() == 2);  // event + results
  CHECK_FALSE(hit.dead_letter);
  CHECK(hit.outputs[0].topic.empty());
  CHECK(*hit.outputs[0].key == "R1");
  CHECK(PeekJsonField(hit.outputs[0].value, "entry_id") == "DEMO-001");
  CHECK(PeekJsonField(hit.outputs[0].value, "watchlist_version") == version);
  CHECK(PeekJsonField(hit.outputs[0].value, "event_id") == screen::EventId("R1", "DEMO-001", version));
  CHECK(hit.outputs[1].topic == "res");
  CHECK(PeekJsonField(hit.outputs[1].value, "hits") == "1");

  auto miss = d.Run(Json("R2", "ANDERSEN", "EMMA", "1980-01-01"));
  REQUIRE(miss.outputs.size() == 1);
  CHECK(PeekJsonField(miss.outputs[0].value, "hits") == "0");

  d.processor.cleared().Set("DOC:JOR:P123", "DEMO-001", true);
  auto cleared = d.Run(Json("R3", "QARAWANI", "ABDEL HAKIM", "1971-03-14",
                            R"(,"documents":[{"type":"P","number":"P123","issuing_state":"JOR"}])"));
  REQUIRE(cleared.outputs.size() == 1);
  CHECK(PeekJsonField(cleared.outputs[0].value, "suppressed") == "1");
  CHECK(d.processor.counts().suppressed == 1);

  auto bad = d.Run("{\"passenger\":{}}");
  REQUIRE(bad.dead_letter);
  CHECK(bad.dead_letter->error_class == kErrorValidate);
  CHECK(bad.outputs.empty());
  auto garbage = d.Run("hello");
  REQUIRE(garbage.dead_letter);
  CHECK(garbage.dead_letter->error_class == kErrorDecode);
  CHECK(d.processor.counts().travellers == 3);
  CHECK(d.processor.counts().rejected_travellers == 2);
}

std::string Paxlst(const std::vector<std::string>& travellers) {
  std::string msg =
      "UNA:+.? '\nUNB+UNOA:4+AIR1+DHS+261123:0600+000777++APIS'\n"
      "UNH+MSG1+PAXLST:D:05B:UN:IATA'\nBGM+745'\nTDT+20+QQ827+++QQ'\nLOC+125+JFK'\n"
      "DTM+189:2611232000:201'\nLOC+87+CDG'\nDTM+232:2611240630:201'\n";
  for (const auto& t : travellers) msg += t;
  return absl::StrCat(msg, "CNT+42:", travellers.size(), "'\nUNT+40+MSG1'\nUNZ+1+000777'\n");
}

std::string Traveller(const std::string& name, const std::string& yymmdd, const std::string& nat) {
  return absl::StrCat("NAD+FL+++", name, "'\nATT+2++M'\nDTM+329:", yymmdd, "'\nNAT+2+", nat,
                      "'\nDOC+P:110:111+Z", yymmdd, "'\nLOC+91+", nat, "'\n");
}

TEST_CASE("processor: a PAXLST message gives one event per hit traveller; bad travellers DLQ") {
  Direct d(FixedDemo());
  auto ok = d.Run(Paxlst({Traveller("LANG:KRISTIN", "600606", "ESP"),
                          Traveller("ESFANDIARI:LEILA:MARYAM", "830227", "IRN"),
                          Traveller("KARIMZADEH:FARHAD", "700601", "IRN")}));
  CHECK_FALSE(ok.dead_letter);
  std::multiset<std::string> entries;
  int results = 0;
  for (const auto& o : ok.outputs) {
    if (o.topic == "res") { ++results; continue; }
    entries.insert(PeekJsonField(o.value, "entry_id"));
    CHECK(absl::StartsWith(*o.key, "API-"));
  }
  CHECK(results == 3);
  CHECK(entries == std::multiset<std::string>{"DEMO-009", "DEMO-010"});

  auto partial = d.Run(Paxlst({Traveller(":NOSURNAME", "700601", "IRN"),
                               Traveller("KARIMZADEH:FARHAD", "700601", "IRN")}));
  REQUIRE(partial.dead_letter);
  CHECK(partial.dead_letter->error_class == kErrorPartial);
  CHECK(absl::StrContains(partial.dead_letter->message, "1 of 2 travellers"));
  CHECK_FALSE(absl::StrContains(partial.dead_letter->message, "KARIMZADEH"));
  REQUIRE(partial.outputs.size() == 2);  // the good traveller: event + result
  CHECK(PeekJsonField(partial.outputs[0].value, "entry_id") == "DEMO-009");
}

}  // namespace
}  // namespace paxscreen::screening
