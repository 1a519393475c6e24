// The bundled synthetic demo data: a small watchlist of invented people (no real list data)
// and a generated passenger feed with planted matches — variants of listed names with typos,
// other transliterations, reordered or dropped tokens — for `paxscreen demo`, the pipeline
// benchmark and the tests.
//
//   std::vector<model::WatchlistEntry> list = DemoWatchlist();
//   DemoFeed feed = GenerateDemoFeed({.records = 20000});  // feed.planted: record -> entry
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "matcher/model/passenger_record.h"
#include "matcher/model/watchlist_entry.h"

namespace paxscreen::screening {

// About 30 invented individuals over the lists "DEMO-A" and "DEMO-B", with aliases, dates of
// birth and nationalities. Deterministic.
std::vector<model::WatchlistEntry> DemoWatchlist();

struct PlantedMatch {
  std::string record_id;
  std::string entry_id;
  std::string variant;  // "exact", "typo", "transliteration", "reordered", "dropped_token", "alias"
};

struct DemoFeedOptions {
  int records = 20000;  // total travellers, planted included
  int planted = 48;     // planted variants (cycling over entries and variant kinds)
  uint64_t seed = 20261123;
};

struct DemoFeed {
  std::vector<model::PassengerRecord> records;  // planted ones at spread positions
  std::vector<PlantedMatch> planted;
};

// Background travellers are random combinations of name pools disjoint from the list's names;
// every record has a flight, a date of birth, sex, nationality and a passport. Deterministic
// for a seed.
DemoFeed GenerateDemoFeed(const DemoFeedOptions& options);

}  // namespace paxscreen::screening
