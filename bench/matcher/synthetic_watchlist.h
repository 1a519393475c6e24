// The synthetic watchlist and travellers of screen_bench (bench/matcher/README.md): tokens are
// syllable strings named by their rank in a Zipf law; entry i is a pure function of (seed, i),
// so a benchmark can regenerate any entry instead of holding a second copy.
//
//   GeneratedEntry g = MakeEntry(42);                    // always the same entry 42
//   std::vector<Query> q = MakeQueries(1'000'000, 2000);  // half from entries, half fresh
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "matcher/model/passenger_record.h"
#include "matcher/model/watchlist_entry.h"

namespace paxscreen::screen {

struct NameParts {
  std::vector<std::string> given;
  std::vector<std::string> surname;  // particle first when there is one
};

// A name of 1-2 given names and 1-2 surnames (15 % with a particle), Zipf-distributed tokens.
NameParts RandomName(std::mt19937_64& rng);
std::string Join(const std::vector<std::string>& v);

struct GeneratedEntry {
  model::WatchlistEntry entry;
  std::vector<NameParts> parts;  // per name
};

// Entry i: a primary name, 10 % an alias (a third of them weak), 70 % a date of birth.
GeneratedEntry MakeEntry(uint64_t i);

struct Query {
  model::PassengerRecord record;
  int64_t source_entry = -1;  // the entry a positive was made from; -1 for negatives
};

// `count` travellers: even ones a name of a random entry of [0, entries) with one typo or
// transliteration-like edit (its date of birth 60 % of the time), odd ones fresh names.
std::vector<Query> MakeQueries(uint64_t entries, int count);

}  // namespace paxscreen::screen
