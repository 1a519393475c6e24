// The vectorized first stage of the bound pass (reject_matrix.h): every kernel this CPU can run
// gives the reference's bits on the same summaries, and a bit the reference sets is a pair whose
// unit bound is 0 (or, with a particle, no particle pairing), under the option sets that move
// the missing-letter limits.
#include "matcher/compare/reject_matrix.h"

#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "matcher/compare/compare.h"
#include "matcher/distance/dispatch.h"
#include "tests/matcher/compare/labelled_names.h"

namespace paxscreen::compare::internal {
namespace {

// Summaries with every field drawn at random, edge values included (length 0 and 255, no
// letters, every flag), to reach the lanes' corner cases the real names rarely do.
std::vector<UnitSummary> RandomSummaries(std::mt19937_64& rng, size_t n) {
  std::vector<UnitSummary> out(n);
  for (UnitSummary& s : out) {
    const int shape = static_cast<int>(rng() % 8);
    s.length = static_cast<uint8_t>(shape == 0 ? rng() % 256 : shape == 1 ? 255 : 1 + rng() % 14);
    s.letters = static_cast<uint32_t>(rng()) & ((1u << 26) - 1);
    if (shape == 2) s.letters = 0;
    if (shape == 3) s.letters &= static_cast<uint32_t>(rng());  // fewer letters
    s.phonetic = (uint64_t{1} << (rng() % 64)) | (rng() % 3 == 0 ? uint64_t{1} << (rng() % 64) : 0);
    s.flags = static_cast<uint8_t>(rng() % 4 == 0 ? rng() : 0);
    s.first = static_cast<uint8_t>(rng());
    s.count = static_cast<uint8_t>(1 + rng() % 3);
  }
  return out;
}

void CheckKernelsAgree(const std::vector<UnitSummary>& a, const std::vector<UnitSummary>& b,
                       size_t nb_spans, const RejectLimits& limits) {
  std::vector<uint64_t> want(a.size() + 1, ~uint64_t{0});
  std::vector<uint64_t> got(a.size() + 1, ~uint64_t{0});
  RejectMatrixScalar(a.data(), a.size(), b.data(), b.size(), nb_spans, limits, want.data());
  // Rows are written for na entries only, and bits from nb on stay clear.
  REQUIRE(want.back() == ~uint64_t{0});
  if (b.size() < 64) {
    for (size_t i = 0; i < a.size(); ++i) REQUIRE((want[i] >> b.size()) == 0);
  }
  // A span's row stops at nb_spans.
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].count > 1 && nb_spans < 64) REQUIRE((want[i] >> nb_spans) == 0);
  }
  if (distance::CpuSupports(distance::Isa::kAvx2)) {
    RejectMatrixAvx2(a.data(), a.size(), b.data(), b.size(), nb_spans, limits, got.data());
    REQUIRE(got == want);
  }
  RejectMatrixFn active = ActiveRejectMatrix();
  std::fill(got.begin(), got.end(), ~uint64_t{0});
  active(a.data(), a.size(), b.data(), b.size(), nb_spans, limits, got.data());
  REQUIRE(got == want);
}

TEST_CASE("every reject-matrix kernel gives the reference's bits", "[compare][simd]") {
  if (!distance::CpuSupports(distance::Isa::kAvx2)) {
    WARN("no AVX2 on this CPU: only the reference and the active kernel are compared");
  }
  std::mt19937_64 rng(7);
  const std::vector<PreparedName> names = LabelledNames(ScreeningCompareOptions(), nullptr);
  REQUIRE(names.size() > 600);
  for (double spelling : {0.0, 0.2, 0.4, 0.45, 1.0, 3.0}) {
    for (double phonetic : {spelling, spelling + 0.15}) {
      const RejectLimits limits = RejectLimits::For({spelling, phonetic});
      INFO("limits " << spelling << " " << phonetic);
      // Random summaries, every candidate size from 0 to past the 64 a kernel decides.
      for (size_t nb = 0; nb <= 70; ++nb) {
        CheckKernelsAgree(RandomSummaries(rng, 1 + rng() % 12), RandomSummaries(rng, nb),
                          rng() % (nb + 2), limits);
      }
      // Real names against each other.
      for (int i = 0; i < 300; ++i) {
        const PreparedName& a = names[rng() % names.size()];
        const PreparedName& b = names[rng() % names.size()];
        CheckKernelsAgree(a.summaries, b.summaries, b.tokens.size(), limits);
      }
    }
  }
}

TEST_CASE("a pair the reject matrix sets has a unit bound of 0 or no particle pairing",
          "[compare][simd]") {
  const CompareOptions options = GENERATE(from_range(BoundTestOptions()));
  const std::vector<PreparedName> names = LabelledNames(options, nullptr);
  const MissingLimits missing = MissingLimits::For(options);
  const RejectLimits limits = RejectLimits::For(missing);
  std::mt19937_64 rng(20261203);
  size_t pairs = 0, rejected = 0, particle_pairs = 0;
  std::vector<uint64_t> rows;
  for (int i = 0; i < 20000; ++i) {
    const PreparedName& a = names[rng() % names.size()];
    const PreparedName& b = names[rng() % names.size()];
    rows.assign(a.units.size(), 0);
    RejectMatrixScalar(a.summaries.data(), a.units.size(), b.summaries.data(), b.units.size(),
                       b.tokens.size(), limits, rows.data());
    for (size_t ia = 0; ia < a.units.size(); ++ia) {
      for (size_t ib = 0; ib < b.units.size() && ib < kRejectMatrixWidth; ++ib) {
        ++pairs;
        if (!(rows[ia] >> ib & 1)) continue;
        ++rejected;
        const UnitSummary& sa = a.summaries[ia];
        const UnitSummary& sb = b.summaries[ib];
        if ((sa.flags | sb.flags) & UnitSummary::kParticle) {
          ++particle_pairs;
          const double sim = ParticlePair(sa, a.units[ia], sb, b.units[ib], options).score;
          if (sim >= options.min_token_similarity) {
            FAIL_CHECK(a.units[ia].text() << " | " << b.units[ib].text() << ": pairs at " << sim);
          }
          continue;
        }
        const double bound = SummaryBound(sa, a.units[ia], sb, b.units[ib], options, missing);
        if (bound != 0.0) {
          FAIL_CHECK(a.units[ia].text() << " | " << b.units[ib].text() << ": bound " << bound);
        }
      }
    }
  }
  // Not vacuous: a large share of unrelated pairs is settled here (82 % under the screening
  // options, 29 % under the loosest set).
  INFO(rejected << " of " << pairs << " pairs rejected, " << particle_pairs << " with a particle");
  CHECK(rejected > pairs / 4);
  CHECK(particle_pairs > 1000);  // the particle rules were exercised
}

}  // namespace
}  // namespace paxscreen::compare::internal
