// Labelled travellers for measuring screening accuracy: passengers made from watchlist names
// with the variations real data shows (typos, OCR confusions, transliteration variants,
// reordered, dropped or added tokens, joined or split particles, MRZ truncation, noisy dates
// of birth), and passengers from many cultures who are on no list.
//
//   auto travellers = GenerateTravellers(entries, HarnessOptions{.seed = 7});
//   for (const auto& t : travellers) Score(screener.Screen(t.record), t.expected_entry_id);
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "matcher/model/passenger_record.h"
#include "matcher/model/watchlist_entry.h"

namespace paxscreen::harness {

enum class Variant {
  kExact,            // the list's spelling
  kTypo,             // one insert, delete, substitute or adjacent transposition
  kOcr,              // O/0, I/1, S/5, B/8 read wrongly in one token
  kTransliteration,  // MUHAMMAD/MOHAMMED, YUSUF/YOUSSEF, ALEKSANDR/OLEKSANDR, OU/U, Q/K ...
  kReordered,        // tokens in another order (surname first or last)
  kDroppedMiddle,    // a middle token left out
  kAddedMiddle,      // an extra middle name
  kParticle,         // AL-QAHTANI / AL QAHTANI / ALQAHTANI, ABDUL RAHMAN / ABDULRAHMAN
  kMrzTruncated,     // SURNAME<<GIVEN<NAMES cut at the 39-character MRZ name field
  kNegative,         // someone who is on no list
};
inline constexpr int kVariantCount = 10;
std::string_view VariantName(Variant v);

struct LabelledTraveller {
  model::PassengerRecord record;
  std::string expected_entry_id;  // empty for kNegative
  Variant variant = Variant::kNegative;
  std::string dob_noise;  // "exact", "day_month_swapped", "one_year_off", "missing", "none"
};

struct HarnessOptions {
  uint64_t seed = 20261123;
  int per_entry = 1;          // positives per list individual per variant (when applicable)
  size_t negatives = 20000;   // travellers on no list
};

// Positives come from entries of category "individual" (names other than weak aliases, in
// Latin script); negatives from built-in pools of given names and surnames of many cultures,
// re-drawn when the drawn name equals a list name token for token. Returned in a random order
// (positives and negatives mixed, as a feed brings them). Deterministic for a seed.
std::vector<LabelledTraveller> GenerateTravellers(const std::vector<model::WatchlistEntry>& entries,
                                                  const HarnessOptions& options);

// The building blocks, exposed for tests. Tokens are uppercase A-Z words.
std::vector<std::string> Words(std::string_view name);
bool ApplyTypo(std::vector<std::string>* tokens, std::mt19937_64& rng);
bool ApplyOcr(std::vector<std::string>* tokens, std::mt19937_64& rng);
bool ApplyTransliteration(std::vector<std::string>* tokens, std::mt19937_64& rng);
bool ApplyParticle(std::vector<std::string>* tokens, std::mt19937_64& rng);
std::string MrzName(const std::vector<std::string>& surname, const std::vector<std::string>& given,
                    size_t width = 39);

}  // namespace paxscreen::harness
