#include "matcher/compare/reject_matrix.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "matcher/distance/dispatch.h"

namespace paxscreen::compare::internal {

RejectLimits RejectLimits::For(const MissingLimits& m) {
  // Shares of 2 or more reject nothing (missing <= the longer length), so the cap loses nothing
  // and keeps longer length * n below 2^31.
  auto fixed = [](double share) {
    const double scaled = std::ceil(std::min(share, 2.0) * (1u << kShift));
    return static_cast<uint32_t>(std::max(0.0, scaled));
  };
  return {fixed(m.spelling), fixed(m.phonetic)};
}

void RejectMatrixScalar(const UnitSummary* a, size_t na, const UnitSummary* b, size_t nb,
                        size_t nb_spans, const RejectLimits& limits, uint64_t* rows) {
  nb = std::min(nb, kRejectMatrixWidth);
  for (size_t i = 0; i < na; ++i) {
    const UnitSummary& sa = a[i];
    uint64_t row = 0;
    const size_t end = sa.count > 1 ? std::min(nb, nb_spans) : nb;
    for (size_t j = 0; j < end; ++j) {
      const UnitSummary& sb = b[j];
      const uint8_t either = sa.flags | sb.flags;
      const uint32_t shorter = std::min(sa.length, sb.length);
      const uint32_t longer = std::max(sa.length, sb.length);
      const uint32_t only_a = std::popcount(sa.letters & ~sb.letters);
      const uint32_t only_b = std::popcount(sb.letters & ~sa.letters);
      bool reject = false;
      if (either & UnitSummary::kParticle) {
        // ParticlePair: the same text (equal lengths and letter sets; a folded or capped unit
        // is left to it), or a one-edit slip between a particle and a name of 4+ letters.
        const bool capped = longer == 255;
        const bool same = (either & UnitSummary::kFolded) != 0 || capped ||
                          (shorter == longer && only_a == 0 && only_b == 0);
        const bool slip = ((sa.flags ^ sb.flags) & UnitSummary::kParticle) != 0 && shorter >= 4 &&
                          sa.count == 1 && sb.count == 1 &&
                          longer - shorter <= 1 && only_a <= 1 && only_b <= 1;
        reject = !same && !slip;
      } else if ((either & UnitSummary::kLoose) == 0 &&
                 (sa.flags & sb.flags & UnitSummary::kStem) == 0) {
        reject = 2 * shorter < longer;
        if (!reject) {
          const uint32_t missing = std::max({only_a, only_b, longer - shorter});
          const uint32_t scaled = missing << RejectLimits::kShift;
          reject = scaled > longer * limits.spelling &&
                   (scaled > longer * limits.phonetic || (sa.phonetic & sb.phonetic) == 0);
        }
      }
      if (reject) row |= uint64_t{1} << j;
    }
    rows[i] = row;
  }
}

RejectMatrixFn ActiveRejectMatrix() {
  static const RejectMatrixFn chosen = [] {
    const auto& selection = distance::ActiveKernels();
    if (selection.ok() && selection->isa >= distance::Isa::kAvx2) return &RejectMatrixAvx2;
    return &RejectMatrixScalar;
  }();
  return chosen;
}

}  // namespace paxscreen::compare::internal
