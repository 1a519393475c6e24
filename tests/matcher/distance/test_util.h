// Shared helpers for the distance tests: deterministic random strings in the alphabets the
// property tests need, and the list of engines this CPU can run (with a WARN for the others).
//
//   Rng rng(42);  std::string s = RandomString(rng, Alphabet::kNameLike, 0, 16);
//   for (const auto& e : SupportedEngines()) { ... e.Levenshtein(...) ... }
#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "matcher/distance/batch.h"

namespace paxscreen::distance::testing {

using Rng = std::mt19937_64;

enum class Alphabet { kNameLike, kTiny, kBytes };

inline std::string RandomString(Rng& rng, Alphabet alphabet, int min_len, int max_len) {
  static const std::string kName = "AAAEEEIIOOUUYBCDFGHJKLMNPQRSTVWXZLLNNRRSSHH -'";
  const int len = std::uniform_int_distribution<int>(min_len, max_len)(rng);
  std::string s(static_cast<size_t>(len), ' ');
  for (char& c : s) {
    switch (alphabet) {
      case Alphabet::kNameLike: c = kName[rng() % kName.size()]; break;
      case Alphabet::kTiny: c = static_cast<char>('A' + rng() % 3); break;
      case Alphabet::kBytes: c = static_cast<char>(rng() & 0xFF); break;
    }
  }
  return s;
}

// A few random edits (substitution, insertion, deletion, adjacent transposition) of `s`,
// keeping the length within [0, max_len].
inline std::string Mutate(Rng& rng, const std::string& s, Alphabet alphabet, int max_len) {
  std::string t = s;
  const int edits = static_cast<int>(rng() % 4);
  for (int e = 0; e < edits; ++e) {
    const std::string one = RandomString(rng, alphabet, 1, 1);
    const size_t pos = t.empty() ? 0 : rng() % t.size();
    switch (rng() % 4) {
      case 0: if (!t.empty()) t[pos] = one[0]; break;
      case 1: if (static_cast<int>(t.size()) < max_len) t.insert(pos, one); break;
      case 2: if (!t.empty()) t.erase(pos, 1); break;
      default: if (t.size() >= 2 && pos + 1 < t.size()) std::swap(t[pos], t[pos + 1]); break;
    }
  }
  return t;
}

// Engines for every instruction set; WARNs once about each one this CPU lacks.
inline std::vector<DistanceEngine> SupportedEngines() {
  std::vector<DistanceEngine> out;
  for (Isa isa : {Isa::kScalar, Isa::kSse4, Isa::kAvx2, Isa::kAvx512}) {
    absl::StatusOr<DistanceEngine> e = DistanceEngine::ForIsa(isa);
    if (e.ok()) {
      out.push_back(*e);
    } else {
      WARN("skipping instruction set " << std::string(IsaName(isa)) << ": this CPU lacks it");
    }
  }
  return out;
}

}  // namespace paxscreen::distance::testing
