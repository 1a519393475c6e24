// One pattern's optimal string alignment distance to many texts, bit-parallel (Hyyrö 2003, "A
// bit-vector algorithm for computing Levenshtein and Damerau edit distances", Nordic Journal of
// Computing 10: the Myers 1999 recurrence plus the transposition term; the OSA form of
// rapidfuzz-cpp's osa_hyrroe2003): O(|text|) word operations for a pattern of up to 64 bytes,
// any text length; longer patterns take OsaReference. Results equal OsaReference exactly
// (tests/matcher/distance/osa_pattern_test.cc). Used for the token scores of matcher/compare
// (SmallOsa) and to verify the tokens a query's deletion keys reach in matcher/index.
//
//   OsaPattern p("MUHAMMAD");
//   p.Distance("MUHAMAMD");   // 1: one transposition
//   p.Within("MUHAMAMD", 0);  // false, and stops as soon as the bound cannot be met
//
// A value type; it refers to `pattern`, which must outlive it. Const use is thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace paxscreen::distance {

class OsaPattern {
 public:
  explicit OsaPattern(std::string_view pattern);

  int Distance(std::string_view text) const;
  // Distance(text) <= bound, stopping early once the last row exceeds the bound by more than
  // the bytes left.
  bool Within(std::string_view text, int bound) const;

 private:
  // The distance, or a value above `bound` as soon as the distance cannot be within it.
  int Run(std::string_view text, int bound) const;
  // Bit i set where pattern_[i] == c.
  uint64_t MaskOf(unsigned char c) const;

  std::string_view pattern_;
  std::array<uint64_t, 26> letters_{};  // masks of A-Z; other bytes by a scan of the pattern
  bool only_letters_ = true;
};

}  // namespace paxscreen::distance
