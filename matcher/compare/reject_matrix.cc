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
                        const RejectLimits& limits, uint64_t* rows) {
  nb = std::min(nb, kRejectMatrixWidth);
  for (size_t i = 0; i < na; ++i) {
    const UnitSummary& sa = a[i];
    uint64_t row = 0;
    for (size_t j = 0; j < nb; ++j) {
      const UnitSummary& sb = b[j];
      if (((sa.flags | sb.flags) & UnitSummary::kLoose) != 0) continue;
      if ((sa.flags & sb.flags & UnitSummary::kStem) != 0) continue;
      const uint32_t shorter = std::min(sa.length, sb.length);
      const uint32_t longer = std::max(sa.length, sb.length);
      bool reject = 2 * shorter < longer;
      if (!reject) {
        const uint32_t missing = std::max({static_cast<uint32_t>(std::popcount(sa.letters & ~sb.letters)),
                                           static_cast<uint32_t>(std::popcount(sb.letters & ~sa.letters)),
                                           longer - shorter});
        const uint32_t scaled = missing << RejectLimits::kShift;
        reject = scaled > longer * limits.spelling &&
                 (scaled > longer * limits.phonetic || (sa.phonetic & sb.phonetic) == 0);
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
