#include "matcher/screen/screener.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "matcher/base/env.h"
#include "matcher/harness/generator.h"
#include "matcher/normalize/normalize.h"
#include "matcher/screen/shard.h"
#include "matcher/watchlist/loader.h"

namespace paxscreen::screen {
namespace {

model::WatchlistEntry Entry(std::string id, std::vector<std::string> names,
                            std::vector<model::DateOfBirth> dobs = {}) {
  model::WatchlistEntry e;
  e.entry_id = std::move(id);
  e.list = "TEST";
  e.category = "individual";
  for (size_t i = 0; i < names.size(); ++i) {
    model::EntryName n;
    n.full = names[i];
    n.kind = i == 0 ? model::NameKind::kPrimary : model::NameKind::kAlias;
    e.names.push_back(n);
  }
  e.dates_of_birth = std::move(dobs);
  return e;
}

model::PassengerRecord Passenger(std::string surname, std::string given, std::string dob = "") {
  model::PassengerRecord r;
  r.record_id = "R1";
  r.passenger.surname = std::move(surname);
  r.passenger.given_names = std::move(given);
  r.passenger.date_of_birth = std::move(dob);
  return r;
}

std::vector<model::WatchlistEntry> SmallList() {
  std::vector<model::WatchlistEntry> v;
  v.push_back(Entry("E1", {"MUHAMMAD YUSUF AL-QAHTANI", "ABU YUSUF"}, {{1975, 3, 14, 0, false}}));
  v.push_back(Entry("E2", {"ALEKSANDR IVANOVICH PETROV"}));
  v.push_back(Entry("E3", {"JOHN SMITH"}));
  v.push_back(Entry("E4", {"ABDUL RAHMAN HASSAN"}));
  model::WatchlistEntry doc = Entry("E5", {"KARL HEINZ MUELLER"});
  doc.documents.push_back({"passport", "X1234567", "DEU"});
  v.push_back(doc);
  model::WatchlistEntry org = Entry("E6", {"AL QAHTANI TRADING"});
  org.category = "entity";
  v.push_back(org);
  return v;
}

std::vector<std::string> Ids(const std::vector<Match>& m) {
  std::vector<std::string> ids;
  for (const auto& x : m) ids.push_back(x.entry_id);
  return ids;
}

TEST_CASE("the compare units' phonetic codes give the index keys it computes from the texts") {
  const ScreenOptions options;
  int checked = 0;
  for (const char* full :
       {"MUHAMMAD YUSUF AL-QAHTANI", "Abdul Rahman bin Hassan", "J. R. SMITH", "ALI", "OMAR ISA",
        "Александр Пушкин", "DZHAMAL KHAN", "QIUWEI ZHANG", "Mohammed Sabet b Kareemi",
        "SHEIKH ABU BAKR AL-BAGHDADI AL-HUSAYNI", "MÜLLER-LÜDENSCHEIDT, HANS"}) {
    auto normalized = normalize::NormalizeName(full);
    REQUIRE(normalized.ok());
    const compare::PreparedName prepared = compare::PrepareName(*normalized, options.compare);
    int positions = 0;
    const std::vector<index::QueryToken> given = IndexTokens(prepared, &positions);
    std::vector<index::QueryToken> bare = given;
    for (index::QueryToken& t : bare) t.has_codes = false;
    const auto with_codes = index::TokenIndex::PrepareQuery(given, options.tokens);
    const auto from_text = index::TokenIndex::PrepareQuery(bare, options.tokens);
    REQUIRE(with_codes.size() == from_text.size());
    for (size_t i = 0; i < with_codes.size(); ++i) {
      INFO(full << ": " << with_codes[i].text);
      CHECK(with_codes[i].phonetic == from_text[i].phonetic);
      checked += given[i].has_codes && !with_codes[i].phonetic.empty();
    }
    for (const compare::PreparedUnit& u : prepared.units) {
      CHECK(index::CodeHash(u.text()) == compare::PhoneticKey(u.text()));
    }
  }
  CHECK(checked > 20);  // the codes were used, not only the texts
}

TEST_CASE("screening finds transliteration variants and keeps different people apart") {
  Screener s(ScreenOptions{.shards = 3});
  s.Load(SmallList());
  REQUIRE(s.entry_count() == 6);
  std::vector<std::string> problems;

  auto hits = s.Screen(Passenger("ALQAHTANI", "MOHAMMED YOUSSEF"), &problems, nullptr);
  REQUIRE(Ids(hits) == std::vector<std::string>{"E1"});
  REQUIRE(hits[0].matched_name == "MUHAMMAD YUSUF AL-QAHTANI");
  REQUIRE_FALSE(hits[0].name.pairs.empty());

  REQUIRE(Ids(s.Screen(Passenger("PETROV", "OLEKSANDR"), &problems, nullptr)) ==
          std::vector<std::string>{"E2"});
  REQUIRE(Ids(s.Screen(Passenger("HASSAN", "ABDULRAHMAN"), &problems, nullptr)) ==
          std::vector<std::string>{"E4"});
  REQUIRE(s.Screen(Passenger("SMALL", "JANE"), &problems, nullptr).empty());
  REQUIRE(s.Screen(Passenger("NGUYEN", "THI LAN"), &problems, nullptr).empty());
  REQUIRE(problems.empty());
}

TEST_CASE("date of birth raises agreement and lowers conflict") {
  Screener s(ScreenOptions{.shards = 1});
  s.Load(SmallList());
  // A spelling variant, so the name alone scores below 1 and the date can move it.
  auto agree = s.Screen(Passenger("ALQAHTANI", "MOHAMED YOUSEF", "1975-03-14"), nullptr, nullptr);
  auto none = s.Screen(Passenger("ALQAHTANI", "MOHAMED YOUSEF"), nullptr, nullptr);
  auto conflict =
      s.Screen(Passenger("ALQAHTANI", "MOHAMED YOUSEF", "1990-01-01"), nullptr, nullptr);
  REQUIRE(agree.size() == 1);
  REQUIRE(none.size() == 1);
  REQUIRE(none[0].score.score < 1.0);
  REQUIRE(agree[0].score.score > none[0].score.score);
  REQUIRE((conflict.empty() || conflict[0].score.score < none[0].score.score));
}

TEST_CASE("a malformed optional field is reported and the record still screened") {
  Screener s(ScreenOptions{.shards = 2});
  s.Load(SmallList());
  std::vector<std::string> problems;
  auto r = Passenger("AL QAHTANI", "MUHAMMAD YUSUF", "1975-3-14");
  r.passenger.nationality = "Saudi";
  auto hits = s.Screen(r, &problems, nullptr);
  REQUIRE(hits.size() == 1);
  REQUIRE(problems.size() == 2);
}

TEST_CASE("an exact document number alone is a high-band hit") {
  Screener s(ScreenOptions{.shards = 2});
  s.Load(SmallList());
  auto r = Passenger("DOE", "JANE");
  r.passenger.documents.push_back({"P", "x123-4567", "DEU", ""});
  auto hits = s.Screen(r, nullptr, nullptr);
  REQUIRE(Ids(hits) == std::vector<std::string>{"E5"});
  REQUIRE(hits[0].score.band == "high");
  bool document_evidence = false;
  for (const auto& f : hits[0].score.features) {
    if (f.feature == "document") {
      document_evidence = f.detail == "exact,issuing_state_agrees,passport";
    }
  }
  REQUIRE(document_evidence);
  // One substituted character (OCR: 1 read as I) still finds it, with less weight.
  auto ocr = Passenger("DOE", "JANE");
  ocr.passenger.documents.push_back({"P", "XI234567", "DEU", ""});
  REQUIRE(s.Screen(ocr, nullptr, nullptr).empty());  // 0.10 alone is below the threshold
  auto ocr_named = Passenger("MUELLER", "KARL HEINZ");
  ocr_named.passenger.documents.push_back({"P", "XI234567", "DEU", ""});
  auto with_name = s.Screen(ocr_named, nullptr, nullptr);
  REQUIRE(Ids(with_name) == std::vector<std::string>{"E5"});
}

const Match* Find(const std::vector<Match>& hits, const std::string& id) {
  for (const Match& m : hits) {
    if (m.entry_id == id) return &m;
  }
  return nullptr;
}

TEST_CASE("a namesake on common list tokens without a date scores below a rare one") {
  ScreenOptions o{.shards = 3};
  o.score.common_name_penalty = -0.05;
  o.score.common_token_entries = 20;
  std::vector<model::WatchlistEntry> list;
  // JUAN and GONZALEZ each in 26 entries, ESTEBAN and QUINTERO in one. Spread over three
  // shards no shard holds 20: the count must be list-wide.
  for (int i = 0; i < 25; ++i) {
    const std::string unique = {'X', 'Y', static_cast<char>('A' + i), 'O', 'R'};
    list.push_back(Entry("G" + std::to_string(i), {unique + " GONZALEZ"}));
    list.push_back(Entry("J" + std::to_string(i), {"JUAN " + unique + "IN"}));
  }
  list.push_back(Entry("COMMON", {"JUAN GONZALEZ"}, {{1970, 5, 1, 0, false}}));
  list.push_back(Entry("RARE", {"ESTEBAN QUINTERO"}));
  Screener s(o);
  s.Load(std::move(list));

  const auto common_hits = s.Screen(Passenger("GONZALEZ", "JUAN"), nullptr, nullptr);
  const auto rare_hits = s.Screen(Passenger("QUINTERO", "ESTEBAN"), nullptr, nullptr);
  const Match* common = Find(common_hits, "COMMON");
  const Match* rare = Find(rare_hits, "RARE");
  REQUIRE(common != nullptr);
  REQUIRE(rare != nullptr);
  CHECK(common->score.name_score == Approx(rare->score.name_score));
  CHECK(common->score.score < rare->score.score);
  bool reported = false;
  for (const auto& f : common->score.features) reported |= f.feature == "name_specificity";
  CHECK(reported);

  // A date of birth that agrees decides instead: no penalty.
  const auto dated_hits = s.Screen(Passenger("GONZALEZ", "JUAN", "1970-05-01"), nullptr, nullptr);
  const Match* dated = Find(dated_hits, "COMMON");
  REQUIRE(dated != nullptr);
  for (const auto& f : dated->score.features) CHECK(f.feature != "name_specificity");
}

// Screening at threshold `high` must give exactly the events that screening at a lower
// threshold gives with a score >= `high`: the per-traveller name floor (the threshold less what
// the traveller's date, sex and nationality can add) may skip names, never a hit.
void CheckFloorKeepsEveryHit(const std::vector<model::WatchlistEntry>& list,
                             const std::vector<harness::LabelledTraveller>& travellers) {
  constexpr double kHigh = 0.80;
  ScreenOptions high_o{.shards = 2};
  high_o.score.default_threshold = kHigh;
  ScreenOptions low_o = high_o;
  low_o.score.default_threshold = 0.60;
  low_o.name_floor = 0.50;
  Screener high(high_o);
  Screener low(low_o);
  high.Load(list);
  low.Load(list);
  size_t hits = 0;
  for (const auto& t : travellers) {
    std::vector<std::pair<std::string, double>> want;
    for (const Match& m : low.Screen(t.record, nullptr, nullptr)) {
      if (m.score.score >= kHigh) want.emplace_back(m.entry_id, m.score.score);
    }
    std::vector<std::pair<std::string, double>> got;
    for (const Match& m : high.Screen(t.record, nullptr, nullptr)) {
      got.emplace_back(m.entry_id, m.score.score);
    }
    INFO("traveller " << t.record.record_id << ", date of birth '"
                      << t.record.passenger.date_of_birth << "'");
    REQUIRE(got == want);
    hits += got.size();
  }
  CHECK(hits > travellers.size() / 4);  // the check compared real hits
}

TEST_CASE("the per-traveller name floor never drops a hit") {
  std::vector<model::WatchlistEntry> list = SmallList();
  list.push_back(Entry("E7", {"OMAR PATEK"}, {{1970, 2, 3, 0, false}}));
  list.push_back(Entry("E8", {"DOST MOHAMMAD KHAN"}, {{1961, 0, 0, 0, false}}));
  list.push_back(Entry("E9", {"IBRAHIMA CAMARA", "IBRAHIM KAMARA"}));
  harness::HarnessOptions ho{.seed = 7, .per_entry = 20, .negatives = 300};
  auto travellers = harness::GenerateTravellers(list, ho);
  for (size_t i = 0; i < travellers.size(); i += 3) {
    travellers[i].record.passenger.nationality = "PAK";
  }
  CheckFloorKeepsEveryHit(list, travellers);

  const std::string dir = SharedDataDir();
  if (dir.empty()) {
    WARN("../shared/data absent: skipping the UN list part");
    return;
  }
  auto loaded = watchlist::LoadWatchlists({dir + "/watchlists/un_consolidated.xml"});
  REQUIRE(loaded.size() == 1);
  REQUIRE(loaded[0].status.ok());
  // Every fourth generated traveller: this test also runs under ThreadSanitizer.
  auto all = harness::GenerateTravellers(loaded[0].entries, {.seed = 11, .negatives = 2000});
  std::vector<harness::LabelledTraveller> un;
  for (size_t i = 0; i < all.size(); i += 4) un.push_back(std::move(all[i]));
  CheckFloorKeepsEveryHit(loaded[0].entries, un);
}

TEST_CASE("entities are not compared with passengers unless asked") {
  Screener s(ScreenOptions{.shards = 1});
  s.Load(SmallList());
  REQUIRE(s.Screen(Passenger("AL QAHTANI", "TRADING"), nullptr, nullptr).empty());
  Screener with(ScreenOptions{.shards = 1, .screen_entities = true});
  with.Load(SmallList());
  REQUIRE(Ids(with.Screen(Passenger("AL QAHTANI", "TRADING"), nullptr, nullptr)) ==
          std::vector<std::string>{"E6"});
}

TEST_CASE("updates swap shards: upserts hit at once, deletes stop hitting") {
  Screener s(ScreenOptions{.shards = 4});
  s.Load(SmallList());
  const uint64_t v0 = s.version();
  REQUIRE(s.Screen(Passenger("OKONKWO", "CHIDI"), nullptr, nullptr).empty());
  s.Apply({Entry("E7", {"CHIDI OKONKWO"})});
  REQUIRE(s.version() == v0 + 1);
  REQUIRE(Ids(s.Screen(Passenger("OKONKWO", "CHIDI"), nullptr, nullptr)) ==
          std::vector<std::string>{"E7"});
  model::WatchlistEntry del;
  del.entry_id = "E7";
  del.op = model::EntryOp::kDelete;
  s.Apply({del});
  REQUIRE(s.Screen(Passenger("OKONKWO", "CHIDI"), nullptr, nullptr).empty());
  REQUIRE(s.entry_count() == 6);
}

// Readers never block and never see a half-built shard while a writer swaps snapshots.
// Run under ThreadSanitizer by the `tsan` preset (tests/run.sh).
TEST_CASE("queries run concurrently with updates") {
  Screener s(ScreenOptions{.shards = 4});
  s.Load(SmallList());
  std::atomic<bool> stop{false};
  std::atomic<int> found{0}, queries{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      while (!stop.load()) {
        auto hits = s.Screen(Passenger("PETROV", "ALEKSANDR"), nullptr, nullptr);
        found += hits.size() == 1 && hits[0].entry_id == "E2";
        ++queries;
      }
    });
  }
  // Updates go on until the readers have run queries alongside them: on a busy machine 40
  // quick rebuilds can end before a reader thread is first scheduled.
  int updates = 0;
  while ((updates < 40 || queries.load() < 200) && updates < 20000) {
    s.Apply({Entry("U" + std::to_string(updates), {"PERSON NUMBER" + std::to_string(updates)})});
    ++updates;
  }
  stop = true;
  for (auto& r : readers) r.join();
  REQUIRE(queries.load() > 0);
  REQUIRE(found.load() == queries.load());  // E2 was never touched, so it always hits
  REQUIRE(s.entry_count() == 6 + static_cast<size_t>(updates));
}

}  // namespace
}  // namespace paxscreen::screen
