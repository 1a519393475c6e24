// Textbook scalar references for the edit distances and similarities of matcher/distance.
// They are slow on purpose (full dynamic-programming tables) and exist so that every fast
// kernel can be checked against an obviously correct answer.
//
//   int d = paxscreen::distance::OsaReference("MUHAMMAD", "MUHAMAMD");         // 1
//   double s = paxscreen::distance::JaroWinklerReference("MARTHA", "MARHTA");  // 0.9611...
//
// All functions compare bytes (not code points): strings are normalized uppercase ASCII in
// practice, but any byte value, including >= 0x80, is a distinct symbol. Thread-safe, no state.
#pragma once

#include <string_view>

namespace paxscreen::distance {

// Levenshtein distance (unit-cost insert, delete, substitute). Wagner-Fischer 1974,
// O(|a|*|b|) time, O(|b|) memory.
int LevenshteinReference(std::string_view a, std::string_view b);

// Optimal string alignment distance (Levenshtein plus transposition of two adjacent bytes,
// no substring edited twice; "restricted Damerau-Levenshtein"). O(|a|*|b|) time and memory.
int OsaReference(std::string_view a, std::string_view b);

// Jaro similarity in [0,1] (Jaro 1989): matches within the window max(|a|,|b|)/2 - 1,
// greedy left-to-right, half-transpositions counted over the matched bytes in order.
// Two empty strings give 1.0; one empty string gives 0.0. O(|a|*|b|).
double JaroReference(std::string_view a, std::string_view b);

// Jaro-Winkler similarity (Winkler 1990): jaro + l * prefix_scale * (1 - jaro), where l is
// the length of the common prefix capped at 4. Applied unconditionally (no 0.7 boost
// threshold). prefix_scale must be in [0, 0.25] for the result to stay within [0,1].
double JaroWinklerReference(std::string_view a, std::string_view b, double prefix_scale = 0.1);

}  // namespace paxscreen::distance
