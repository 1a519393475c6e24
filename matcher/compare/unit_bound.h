// Internal to matcher/compare: the unit-pair similarity bound (SimilarityUpperBound) on unit
// summaries, inlined into the alignment's inner loop, where most unit pairs of a screening
// comparison end.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "matcher/compare/compare.h"

namespace paxscreen::compare::internal {

// The first phonetic key the two units share, or nullptr (token_similarity.cc).
const char* PhoneticAgreement(const PreparedUnit& a, const PreparedUnit& b);

// How a lone particle pairs with a unit of the other name (the alignment decides titles first):
// only with the same particle (or a name spelt the same, BEN), similarity 1, or as a one-edit
// slip of a particle of 4+ letters written as a name (ABDLU, ADBUL for ABDUL: the slip hides it
// from the particle list, not from the reader), particle_typo_similarity; else 0. The summaries
// rule out most pairs before a string is read: equal texts have equal lengths, folded forms
// differ from the texts only where flagged, and one edit changes the length by at most one and
// adds at most one letter to either letter set (token_similarity.cc).
UnitSimilarity ParticlePair(const UnitSummary& sa, const PreparedUnit& a, const UnitSummary& sb,
                            const PreparedUnit& b, const CompareOptions& options);

// |a \ b| and |b \ a| for two letter sets, by one population count of both halves of a 64-bit
// word: after the byte sums, multiplying by 0x01010101 gathers the low word's four byte counts
// in byte 3 and the high word's in byte 7 (each at most 32: no carry crosses a byte).
inline std::pair<int, int> LettersOnly(uint32_t a, uint32_t b) {
  uint64_t x = uint64_t{a & ~b} | (uint64_t{b & ~a} << 32);
  x = x - ((x >> 1) & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = ((x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full) * 0x01010101ull;
  return {static_cast<int>((x >> 24) & 0xFF), static_cast<int>(x >> 56)};
}

// 1 / n for the lengths a summary holds (0 for 0): multiplications instead of divisions.
inline constexpr std::array<double, 256> kInverse = [] {
  std::array<double, 256> t{};
  for (size_t n = 1; n < t.size(); ++n) t[n] = 1.0 / static_cast<double>(n);
  return t;
}();

// The largest share of missing letters (see SummaryBound: the bag-distance lower bound of the
// edits over the longer length) from which a unit pair may still reach min_token_similarity, by
// the spelling path alone and with an agreeing phonetic key. With Jaro-Winkler at its largest
// (1) the edit score is at most osa_share * (1 - share) + (1 - osa_share): beyond these shares
// neither path can pair, so SummaryBound settles such pairs before any other arithmetic.
struct MissingLimits {
  double spelling = 1.0;
  double phonetic = 1.0;

  static MissingLimits For(const CompareOptions& o) {
    MissingLimits m;
    if (o.osa_share <= 0) return m;  // the edit score does not depend on OSA
    auto share_for = [&](double edit_needed) {
      return 1.0 - (edit_needed - (1.0 - o.osa_share)) / o.osa_share + 1e-6;  // margin
    };
    m.spelling = share_for(o.min_token_similarity + o.spelling_only_discount);
    m.phonetic = m.spelling;
    if (o.use_phonetic) {
      // The phonetic path gives max(edit, floor + (1 - floor) * edit) from phonetic_min_edit.
      double needed = o.min_token_similarity;
      if (o.phonetic_floor < 1.0) {
        needed = std::min(needed, (o.min_token_similarity - o.phonetic_floor) /
                                      (1.0 - o.phonetic_floor));
      } else {
        needed = 0;
      }
      m.phonetic = std::max(m.spelling, share_for(std::max(o.phonetic_min_edit, needed)));
    }
    return m;
  }
};

// An upper bound of TokenSimilarity from lengths and letter sets alone. Every letter that
// occurs in one string and not in the other costs at least one edit (a substitution or an
// insertion/deletion; a transposition moves letters but adds none), so OSA(a, b) >=
// max(|L(a) \ L(b)|, |L(b) \ L(a)|) on the letter sets L — the set form of the bag distance
// (Bartolini, Ciaccia and Patella 2002), a lower bound of Levenshtein and OSA alike. It bounds the
// OSA similarity, hence the edit score (Jaro-Winkler <= 1), hence both the spelling and the
// phonetic path; the length difference bounds OSA too, and the phonetic path is open only when
// a key agrees (checked exactly: integer comparisons). Where TokenSimilarity reads more than the
// plain texts (initials, cut MRZ tokens, stems, folded forms, units without a letter set) the
// bound is 1.
// `limits` is MissingLimits::For(options): pairs whose missing letters exceed them return 0.
inline double SummaryBound(const UnitSummary& sa, const PreparedUnit& a, const UnitSummary& sb,
                           const PreparedUnit& b, const CompareOptions& options,
                           const MissingLimits& limits) {
  // kLoose: an initial, a folded form, a cut MRZ token, no letter set, or 255+ characters.
  if (((sa.flags | sb.flags) & UnitSummary::kLoose) != 0) return 1.0;
  if ((sa.flags & sb.flags & UnitSummary::kStem) != 0) return 1.0;
  const size_t la = sa.length;
  const size_t lb = sb.length;
  if (2 * std::min(la, lb) < std::max(la, lb)) return 0.0;  // TokenSimilarity's length rule
  const auto [only_a, only_b] = LettersOnly(sa.letters, sb.letters);
  const int missing = std::max({only_a, only_b, static_cast<int>(la > lb ? la - lb : lb - la)});
  // Equal texts score 1 ("exact") whatever the discount; the spelling path below would give
  // 1 - spelling_only_discount where no phonetic key agrees (use_phonetic off).
  if (missing == 0) return 1.0;
  const double missing_share = missing * kInverse[std::max(la, lb)];
  if (missing_share > limits.spelling &&
      (missing_share > limits.phonetic || (sa.phonetic & sb.phonetic) == 0)) {
    return 0.0;  // below min_token_similarity by either path
  }
  const double osa_upper = 1.0 - missing_share;
  // Jaro-Winkler: a letter absent from the other string matches nothing, so at most
  // m = min(|a| - only_a, |b| - only_b) characters match; Jaro <= (m/|a| + m/|b| + 1) / 3 and the
  // Winkler prefix bonus adds at most 4 * 0.1 of what Jaro leaves.
  const double m = static_cast<double>(std::min(la - only_a, lb - only_b));
  const double jaro_upper = (m * kInverse[la] + m * kInverse[lb] + 1.0) * (1.0 / 3.0);
  const double jw_upper = std::min(1.0, jaro_upper + 0.4 * (1.0 - jaro_upper));
  const double edit_upper = options.osa_share * osa_upper + (1.0 - options.osa_share) * jw_upper;
  double upper = edit_upper - options.spelling_only_discount;
  // The phonetic path needs an agreeing key, which costs a few integer comparisons to check.
  if (options.use_phonetic && edit_upper >= options.phonetic_min_edit &&
      (sa.phonetic & sb.phonetic) != 0 && PhoneticAgreement(a, b) != nullptr) {
    upper = std::max(edit_upper,
                     options.phonetic_floor + (1.0 - options.phonetic_floor) * edit_upper);
  }
  return std::min(1.0, upper + 1e-9);  // rounding must never rule out a pair
}

}  // namespace paxscreen::compare::internal
