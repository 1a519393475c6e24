// Watchlist entry JSON: round trips (synthetic and every entry of the real lists), schema
// rejections naming the entry, EDTF dates, NDJSON import with bad lines.
#include "pipeline/codec/watchlist_json.h"

#include <catch2/catch.hpp>
#include <string>

#include "matcher/base/env.h"
#include "matcher/watchlist/loader.h"
#include "pipeline/codec/schema_validator.h"

namespace paxscreen::codec {
namespace {

bool Same(const model::WatchlistEntry& a, const model::WatchlistEntry& b) {
  if (a.entry_id != b.entry_id || a.list != b.list || a.category != b.category ||
      a.sex != b.sex || a.op != b.op || a.nationalities != b.nationalities ||
      a.address_countries != b.address_countries || a.names.size() != b.names.size() ||
      a.dates_of_birth.size() != b.dates_of_birth.size() || a.documents.size() != b.documents.size()) {
    return false;
  }
  for (size_t i = 0; i < a.names.size(); ++i) {
    const auto &x = a.names[i], &y = b.names[i];
    if (x.full != y.full || x.surname != y.surname || x.given_names != y.given_names ||
        x.script != y.script || x.kind != y.kind) {
      return false;
    }
  }
  for (size_t i = 0; i < a.dates_of_birth.size(); ++i) {
    const auto &x = a.dates_of_birth[i], &y = b.dates_of_birth[i];
    if (x.year != y.year || x.month != y.month || x.day != y.day || x.year_to != y.year_to ||
        x.approximate != y.approximate) {
      return false;
    }
  }
  for (size_t i = 0; i < a.documents.size(); ++i) {
    const auto &x = a.documents[i], &y = b.documents[i];
    if (x.type != y.type || x.number != y.number || x.issuing_state != y.issuing_state) return false;
  }
  return true;
}

model::WatchlistEntry Sample() {
  model::WatchlistEntry e;
  e.entry_id = "NATIONAL:42";
  e.list = "NATIONAL";
  e.category = "individual";
  e.names = {{"AL-QAHTANI, Muhammad \"Abu\" Yusuf", "AL-QAHTANI", "Muhammad Yusuf", "Latn",
              model::NameKind::kPrimary},
             {"محمد القحطاني", "", "", "Arab", model::NameKind::kAlias},
             {"Abu Yusuf", "", "", "Latn", model::NameKind::kWeakAlias}};
  e.dates_of_birth = {{1969, 7, 16, 0, false}, {1969, 0, 0, 0, true}, {1968, 0, 0, 1970, true},
                      {1969, 7, 0, 0, false}};
  e.nationalities = {"SAU", "former Soviet Union"};
  e.sex = "M";
  e.documents = {{"passport", "A1234567", "SAU"}, {"national_id", "99", ""}};
  e.address_countries = {"ARE"};
  return e;
}

TEST_CASE("watchlist entry JSON round trip") {
  const model::WatchlistEntry e = Sample();
  const std::string json = EncodeWatchlistEntry(e);
  CHECK(json.find('\n') == std::string::npos);
  CHECK(ValidateJson(Schema::kWatchlistEntry, json, e.entry_id).ok());
  auto back = DecodeWatchlistEntry(json);
  REQUIRE(back.ok());
  CHECK(Same(e, *back));
  CHECK(json.find("\"1968/1970~\"") != std::string::npos);

  model::WatchlistEntry del;
  del.entry_id = "NATIONAL:42";
  del.list = "NATIONAL";
  del.op = model::EntryOp::kDelete;
  auto d = DecodeWatchlistEntry(EncodeWatchlistEntry(del));
  REQUIRE(d.ok());
  CHECK(d->op == model::EntryOp::kDelete);
}

TEST_CASE("decode errors name the entry and the pointer") {
  auto bad = DecodeWatchlistEntry(R"({"entry_id":"X:1","list":"L","names":[{"full":""}]})");
  REQUIRE_FALSE(bad.ok());
  CHECK(std::string(bad.status().message()).find("record \"X:1\": /names/0/full") != std::string::npos);
  auto no_id = DecodeWatchlistEntry(R"({"list":"L","names":[{"full":"A"}]})", "w.ndjson:3");
  REQUIRE_FALSE(no_id.ok());
  CHECK(std::string(no_id.status().message()).find("w.ndjson:3") != std::string::npos);
  CHECK_FALSE(DecodeWatchlistEntry("[1,2]").ok());
  CHECK_FALSE(DecodeWatchlistEntry("").ok());
  CHECK_FALSE(DecodeWatchlistEntry(R"({"entry_id":"Y","list":"L","names":[{"full":"A"}],)"
                                   R"("dates_of_birth":["1960-13"]})")
                  .ok());
}

TEST_CASE("EDTF dates") {
  CHECK(FormatEdtfDate(*ParseEdtfDate("1963-04-11")) == "1963-04-11");
  CHECK(ParseEdtfDate("1963~")->approximate);
  CHECK(ParseEdtfDate("1960/1965")->year_to == 1965);
  CHECK_FALSE(ParseEdtfDate("1965/1960").ok());
  CHECK_FALSE(ParseEdtfDate("63").ok());
  CHECK_FALSE(ParseEdtfDate("1963-4-1").ok());
}

TEST_CASE("NDJSON watchlist: bad lines are counted, the rest loads") {
  const std::string text = EncodeWatchlistEntry(Sample()) + "\n\n" +
                           "{\"entry_id\":\"B\",\"list\":\"L\"}\n" + "not json\r\n" +
                           R"({"entry_id":"C","list":"L","names":[{"full":"Z"}]})" + "\n";
  watchlist::ImportResult r = ImportWatchlistNdjson(text, "w.ndjson");
  CHECK(r.status.ok());
  REQUIRE(r.entries.size() == 2);
  CHECK(r.entries[1].entry_id == "C");
  REQUIRE(r.issues.size() == 2);
  CHECK(r.issues[0].where == "w.ndjson:3");
  CHECK(r.issues[0].message.find("record \"B\"") != std::string::npos);
  CHECK(r.issues[1].where == "w.ndjson:4");
  CHECK(ImportWatchlistNdjsonFile("/nonexistent.ndjson").status.code() ==
        absl::StatusCode::kNotFound);
}

TEST_CASE("every real list entry survives encode, validate, decode", "[data]") {
  const std::string dir = SharedDataDir();
  if (dir.empty()) {
    WARN("../shared/data absent: skipping the real-list JSON round trip");
    return;
  }
  auto lists = watchlist::LoadWatchlists(
      {dir + "/watchlists/un_consolidated.xml", dir + "/watchlists/ofac/sdn.csv"});
  REQUIRE(lists.size() == 2);
  size_t checked = 0, failures = 0;
  for (const auto& l : lists) {
    REQUIRE(l.status.ok());
    for (const auto& e : l.entries) {
      auto back = DecodeWatchlistEntry(EncodeWatchlistEntry(e));
      if (!back.ok() || !Same(e, *back)) {
        ++failures;
        if (failures < 5) {
          UNSCOPED_INFO(e.entry_id << ": " << (back.ok() ? "differs" : back.status().ToString()));
        }
      }
      ++checked;
    }
  }
  CHECK(checked > 9000);
  CHECK(failures == 0);
}

}  // namespace
}  // namespace paxscreen::codec
