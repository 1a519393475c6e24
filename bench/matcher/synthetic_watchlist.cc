// The synthetic watchlist of screen_bench; see synthetic_watchlist.h.
#include "bench/matcher/synthetic_watchlist.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "matcher/harness/generator.h"

namespace paxscreen::screen {
namespace {

constexpr uint64_t kSeed = 20261123;
constexpr const char* kOnsets[] = {"B", "D", "F", "G", "H", "K", "KH", "L", "M", "N", "R", "S",
                                   "SH", "T", "V", "Z", "Y", "CH", "J", "P", "ZH", "TS", "GH", "W",
                                   "", "Q", "DR", "ST"};
constexpr const char* kVowels[] = {"A", "E", "I", "O", "U", "AI", "OU", "IA", "EI", "AA", "A", "I"};
constexpr const char* kCodas[] = {"", "", "", "", "N", "R", "L", "M", "S", "D", "K", "V", "SH",
                                  "T"};
constexpr const char* kParticles[] = {"AL", "BIN", "VAN", "DE", "EL", "ABU", "BEN", "VON", "IBN",
                                      "DA"};

uint64_t Mix(uint64_t x) {  // splitmix64 finalizer
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// The token of rank `rank` in vocabulary `vocab`: 2-4 syllables fixed by a hash of the rank.
std::string TokenOfRank(uint64_t vocab, uint64_t rank) {
  uint64_t h = Mix(Mix(vocab) ^ rank);
  int syllables = 2 + static_cast<int>(h % 7 < 4 ? 0 : h % 7 < 6 ? 1 : 2);
  h = Mix(h);
  std::string s;
  for (int i = 0; i < syllables; ++i) {
    s += kOnsets[h % std::size(kOnsets)];
    h /= std::size(kOnsets);
    s += kVowels[h % std::size(kVowels)];
    h /= std::size(kVowels);
    s += kCodas[h % std::size(kCodas)];
    h = Mix(h);
  }
  return s;
}

// A rank in [1, v] under a (continuous) Zipf law of exponent s, by inverting its CDF.
uint64_t ZipfRank(std::mt19937_64& rng, double v, double s) {
  double u = std::uniform_real_distribution<double>(0, 1)(rng);
  double a = 1 - s;
  double x = std::abs(a) < 1e-9 ? std::exp(u * std::log(v + 1))
                                : std::pow(1 + u * (std::pow(v + 1, a) - 1), 1 / a);
  return std::min<uint64_t>(static_cast<uint64_t>(x), static_cast<uint64_t>(v));
}

model::EntryName MakeEntryName(const NameParts& n, model::NameKind kind) {
  model::EntryName e;
  e.given_names = Join(n.given);
  e.surname = Join(n.surname);
  e.full = e.given_names + " " + e.surname;
  e.script = "Latn";
  e.kind = kind;
  return e;
}

std::string DobText(const model::DateOfBirth& d) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), d.month == 0 ? "%04d" : "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

}  // namespace

NameParts RandomName(std::mt19937_64& rng) {
  NameParts n;
  int given = rng() % 10 < 6 ? 1 : 2;
  bool particle = rng() % 100 < 15;
  int surname = rng() % 100 < 15 ? 2 : 1;
  if (given + surname + particle > 4) surname = 1;
  for (int i = 0; i < given; ++i) n.given.push_back(TokenOfRank(1, ZipfRank(rng, 3e5, 1.0)));
  if (particle) n.surname.push_back(kParticles[rng() % std::size(kParticles)]);
  for (int i = 0; i < surname; ++i) n.surname.push_back(TokenOfRank(2, ZipfRank(rng, 3e6, 0.9)));
  return n;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& t : v) s += (s.empty() ? "" : " ") + t;
  return s;
}

GeneratedEntry MakeEntry(uint64_t i) {
  std::mt19937_64 rng(Mix(kSeed ^ Mix(i)));
  GeneratedEntry g;
  model::WatchlistEntry& e = g.entry;
  char id[32];
  std::snprintf(id, sizeof(id), "SYN-%09llu", static_cast<unsigned long long>(i));
  e.entry_id = id;
  e.list = "SYNTH";
  e.category = "individual";
  g.parts.push_back(RandomName(rng));
  e.names.push_back(MakeEntryName(g.parts[0], model::NameKind::kPrimary));
  if (rng() % 10 == 0) {  // an alias: the primary with one spelling changed, or another given name
    NameParts alias = g.parts[0];
    if (!harness::ApplyTransliteration(&alias.given, rng)) {
      alias.given[0] = TokenOfRank(1, ZipfRank(rng, 3e5, 1.0));
    }
    g.parts.push_back(alias);
    e.names.push_back(MakeEntryName(
        alias, rng() % 3 == 0 ? model::NameKind::kWeakAlias : model::NameKind::kAlias));
  }
  if (rng() % 10 < 7) {
    model::DateOfBirth d;
    d.year = 1940 + static_cast<int>(rng() % 66);
    if (rng() % 10 != 0) {
      d.month = 1 + static_cast<int>(rng() % 12);
      d.day = 1 + static_cast<int>(rng() % 28);
    }
    e.dates_of_birth.push_back(d);
  }
  return g;
}

std::vector<Query> MakeQueries(uint64_t entries, int count) {
  std::mt19937_64 rng(kSeed + 1);
  std::vector<Query> out;
  for (int q = 0; q < count; ++q) {
    Query query;
    char id[16];
    std::snprintf(id, sizeof(id), "Q%05d", q);
    query.record.record_id = id;
    model::Passenger& p = query.record.passenger;
    if (q % 2 == 0) {
      uint64_t e = rng() % entries;
      GeneratedEntry g = MakeEntry(e);
      NameParts n = g.parts[rng() % g.parts.size()];
      std::vector<std::string> tokens = n.given;
      tokens.insert(tokens.end(), n.surname.begin(), n.surname.end());
      bool edited = rng() % 10 < 4 && harness::ApplyTransliteration(&tokens, rng);
      if (!edited) harness::ApplyTypo(&tokens, rng);
      n.given.assign(tokens.begin(), tokens.begin() + n.given.size());
      n.surname.assign(tokens.begin() + n.given.size(), tokens.end());
      p.given_names = Join(n.given);
      p.surname = Join(n.surname);
      if (!g.entry.dates_of_birth.empty() && rng() % 10 < 6) {
        p.date_of_birth = DobText(g.entry.dates_of_birth[0]);
      }
      query.source_entry = static_cast<int64_t>(e);
    } else {
      NameParts n = RandomName(rng);
      p.given_names = Join(n.given);
      p.surname = Join(n.surname);
      if (rng() % 2 == 0) {
        p.date_of_birth = DobText({.year = 1940 + static_cast<int>(rng() % 66),
                                   .month = 1 + static_cast<int>(rng() % 12),
                                   .day = 1 + static_cast<int>(rng() % 28)});
      }
    }
    out.push_back(std::move(query));
  }
  return out;
}

}  // namespace paxscreen::screen
