// Allocation-free optimal string alignment distance and Jaro-Winkler similarity for the short
// strings name tokens are (<= kSmallMax bytes), used by TokenSimilarity on its hot path; longer
// inputs go to the references of matcher/distance. Results equal OsaReference and
// JaroWinklerReference exactly (tests/matcher/compare/small_distance_test.cc checks it on random
// inputs).
//
//   int d = compare::SmallOsa("MUHAMMAD", "MUHAMAMD");          // 1
//   double s = compare::SmallJaroWinkler("MARTHA", "MARHTA");   // 0.9611...
//
// OSA is distance::OsaPattern (bit-parallel, Hyyrö 2003; O(|b|) word operations for |a| <= 64);
// Jaro-Winkler is the reference algorithm with its state on the stack. Thread-safe, no state.
#pragma once

#include <cstddef>
#include <string_view>

namespace paxscreen::compare {

inline constexpr std::size_t kSmallMax = 64;

int SmallOsa(std::string_view a, std::string_view b);
double SmallJaroWinkler(std::string_view a, std::string_view b, double prefix_scale = 0.1);

}  // namespace paxscreen::compare
