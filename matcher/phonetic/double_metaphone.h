// Double Metaphone: two consonant-skeleton keys per name, a primary (the most common English
// reading) and an alternate (a plausible reading from the name's language of origin).
//
//   MetaphoneKeys k = paxscreen::phonetic::DoubleMetaphone("SCHMIDT");   // {"XMT", "SMT"}
//   bool hit = k.primary == DoubleMetaphone("SMITH").alternate;          // "XMT" == "XMT": true
//
// Source: Lawrence Philips, "The Double Metaphone Search Algorithm", C/C++ Users Journal 18(6),
// June 2000. Written from the published rule set: a left-to-right scan where each letter (or
// letter group) appends to the primary and/or alternate key depending on its neighbours, with
// special cases for Germanic, Slavic, Romance, Greek and Chinese spellings; a name is "Slavo-
// Germanic" when it contains W, K, CZ or WITZ. Reference behaviour: Apache Commons Codec
// `DoubleMetaphone` (its readings of a few ambiguous rules are followed; the one documented
// divergence is that Commons writes a ' ' into the alternate for a final J where Philips writes
// nothing — see tests/matcher/phonetic/vectors_test.cc).
// Input: letters only (non-letters are dropped first, so multi-word rules such as "SAN JACINTO"
// or "VAN " never fire; callers pass one token at a time).
// Cost: O(n) time; both keys stop growing at `max_length`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace paxscreen::phonetic {

struct MetaphoneKeys {
  std::string primary;
  std::string alternate;  // equal to primary when no alternate reading exists
  bool operator==(const MetaphoneKeys&) const = default;
};

// Both keys of `name`, each at most `max_length` characters (Philips' default is 4).
// Keys use 0 for TH and X for SH/CH. Thread-safe (pure function).
MetaphoneKeys DoubleMetaphone(std::string_view name, std::size_t max_length = 4);

// The code length screening uses on both of its sides: matcher/compare's phonetic agreement and
// the token index's phonetic keys must read codes of the same length, or the index misses pairs
// the comparison would call phonetic (longer codes in the index) or reads postings for pairs it
// never pairs (shorter ones).
inline constexpr std::size_t kScreeningCodeLength = 6;

}  // namespace paxscreen::phonetic
