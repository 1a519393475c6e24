// Internal to matcher/compare: the vectorized first stage of the alignment's bound pass. For a
// query's units against a candidate's, which pairs surely do not pair, decided for eight
// candidate units at once from the 16-byte summaries alone: for name units, those the unit
// bound (SummaryBound, unit_bound.h) puts at 0 by the length rule and the missing-letter shares;
// for a lone particle, those ParticlePair cannot pair (lengths and letter sets). Those pairs
// are most of a screening comparison's (most candidates share two tokens with the query and
// nothing else), and the scalar bound spent ~45 instructions on each.
//
//   const RejectLimits limits = RejectLimits::For(MissingLimits::For(options));
//   ActiveRejectMatrix()(a.summaries.data(), na, b.summaries.data(), nb, b.tokens.size(), limits,
//                        rows);
//   if (rows[ia] >> ib & 1) ...   // the pair (a.units[ia], b.units[ib]) does not pair
//
// Every kernel gives the same bits as RejectMatrixScalar (tests/matcher/compare/
// reject_matrix_test.cc runs them all on the same inputs), and a set bit always means a 0 bound.
#pragma once

#include <cstddef>
#include <cstdint>

#include "matcher/compare/compare.h"
#include "matcher/compare/unit_bound.h"

namespace paxscreen::compare::internal {

// MissingLimits in the integer form the kernels compare: a share s becomes n = ceil(s * 2^20),
// and a pair is rejected on it only when missing * 2^20 > longer length * n, so only when its
// share of missing letters is above s (never a pair the bound keeps).
struct RejectLimits {
  static constexpr int kShift = 20;
  uint32_t spelling = 0;
  uint32_t phonetic = 0;
  static RejectLimits For(const MissingLimits& m);
};

// Candidate units a kernel decides (the rest of a longer name is left to the scalar bound).
inline constexpr size_t kRejectMatrixWidth = 64;

// rows[i] for i < na: bit j (j < min(nb, 64)) is set when the pair (a[i], b[j]) surely does
// not pair. With a lone particle on either side, when ParticlePair cannot pair it: neither unit
// folded nor 255 long, the texts not of one length and letter set, and not a particle and a
// single name token of 4+ letters within one letter of length and of letter set. Otherwise,
// when its unit bound is 0: neither unit kLoose, not both kStem, and either the shorter text
// less than half the longer, or a missing-letter share beyond `limits.spelling` that is also
// beyond `limits.phonetic` or comes with no common phonetic bit. Bits from nb on are 0.
// A span of `a` (count > 1) pairs only with a single token, and a name's first units are its
// tokens: its row is decided for b's first `nb_spans` units only, the bits after them are 0.
using RejectMatrixFn = void (*)(const UnitSummary* a, size_t na, const UnitSummary* b, size_t nb,
                                size_t nb_spans, const RejectLimits& limits, uint64_t* rows);

// The reference, one pair at a time.
void RejectMatrixScalar(const UnitSummary* a, size_t na, const UnitSummary* b, size_t nb,
                        size_t nb_spans, const RejectLimits& limits, uint64_t* rows);
// Eight candidate units per step; call only on a CPU with AVX2 (reject_matrix_avx2.cc).
void RejectMatrixAvx2(const UnitSummary* a, size_t na, const UnitSummary* b, size_t nb,
                      size_t nb_spans, const RejectLimits& limits, uint64_t* rows);

// The kernel of the instruction set distance::ActiveKernels() chose (AVX2 from avx2 up, else
// the reference; the reference too when that selection failed: an invalid PAXSCREEN_ISA is
// reported by the distance kernels' own callers). Chosen at first call, then cached.
RejectMatrixFn ActiveRejectMatrix();

}  // namespace paxscreen::compare::internal
