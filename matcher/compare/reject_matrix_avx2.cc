// RejectMatrix with AVX2: eight candidate units per step, 32-bit lanes. Compiled with -mavx2
// only (CMakeLists.txt); reached through ActiveRejectMatrix() on CPUs that have it. This file
// uses no inline function or template of another header (not even std::min): an out-of-line
// copy compiled here with AVX2 could be the one the linker keeps for every caller.
#include <immintrin.h>

#include <cstddef>

#include "matcher/compare/reject_matrix.h"

namespace paxscreen::compare::internal {
namespace {

// The summary's four 32-bit words, as the transpose below reads them.
static_assert(sizeof(UnitSummary) == 16);
static_assert(offsetof(UnitSummary, phonetic) == 0);
static_assert(offsetof(UnitSummary, letters) == 8);
static_assert(offsetof(UnitSummary, length) == 12);
static_assert(offsetof(UnitSummary, flags) == 15);

// Bits set per 32-bit lane: a nibble table per byte, then the four bytes summed.
__m256i PopCount32(__m256i v) {
  const __m256i table = _mm256_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1,
                                         2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i low = _mm256_shuffle_epi8(table, _mm256_and_si256(v, nibble));
  const __m256i high =
      _mm256_shuffle_epi8(table, _mm256_and_si256(_mm256_srli_epi32(v, 4), nibble));
  const __m256i bytes = _mm256_add_epi8(low, high);
  const __m256i pairs = _mm256_maddubs_epi16(bytes, _mm256_set1_epi8(1));
  return _mm256_madd_epi16(pairs, _mm256_set1_epi16(1));
}

// Eight summaries as four vectors of one word each. Lane k holds unit kOrder[k] of the eight
// (the in-lane transpose's order); the mask is put back in unit order before it leaves.
struct Block {
  __m256i phonetic_low, phonetic_high, letters, misc;
};

// Two summaries (units k and k + 1 of the block) as one vector; units at or past `count` are
// not read (a masked load: no access past the array's end) and read as zeros.
__m256i LoadPair(const UnitSummary* s, size_t k, size_t count) {
  if (k + 2 <= count) return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + k));
  if (k + 1 == count) {
    const __m256i low_only = _mm256_setr_epi32(-1, -1, -1, -1, 0, 0, 0, 0);
    return _mm256_maskload_epi32(reinterpret_cast<const int*>(s + k), low_only);
  }
  return _mm256_setzero_si256();
}

Block Transpose(const UnitSummary* s, size_t count) {
  const __m256i v0 = LoadPair(s, 0, count);  // 0 | 1
  const __m256i v1 = LoadPair(s, 2, count);  // 2 | 3
  const __m256i v2 = LoadPair(s, 4, count);  // 4 | 5
  const __m256i v3 = LoadPair(s, 6, count);  // 6 | 7
  const __m256i t0 = _mm256_unpacklo_epi32(v0, v1);
  const __m256i t1 = _mm256_unpackhi_epi32(v0, v1);
  const __m256i t2 = _mm256_unpacklo_epi32(v2, v3);
  const __m256i t3 = _mm256_unpackhi_epi32(v2, v3);
  // Lanes now hold units 0 2 4 6 | 1 3 5 7.
  return {_mm256_unpacklo_epi64(t0, t2), _mm256_unpackhi_epi64(t0, t2),
          _mm256_unpacklo_epi64(t1, t3), _mm256_unpackhi_epi64(t1, t3)};
}

// The reject bits of one query unit against one block, in unit order. `particles`: whether the
// query unit or a unit of the block is a lone particle (else ParticlePair's rules are skipped:
// no lane would take them).
uint32_t RejectBits(const UnitSummary& a, const Block& b, const RejectLimits& limits,
                    bool particles) {
  const __m256i byte = _mm256_set1_epi32(0xFF);
  const __m256i a_length = _mm256_set1_epi32(a.length);
  const __m256i b_length = _mm256_and_si256(b.misc, byte);
  const __m256i b_flags = _mm256_srli_epi32(b.misc, 24);
  const __m256i a_flags = _mm256_set1_epi32(a.flags);
  const __m256i loose = _mm256_and_si256(_mm256_or_si256(a_flags, b_flags),
                                         _mm256_set1_epi32(UnitSummary::kLoose));
  const __m256i stem = _mm256_and_si256(_mm256_and_si256(a_flags, b_flags),
                                        _mm256_set1_epi32(UnitSummary::kStem));
  const __m256i zero = _mm256_setzero_si256();
  const __m256i open = _mm256_cmpeq_epi32(_mm256_or_si256(loose, stem), zero);  // may reject

  const __m256i shorter = _mm256_min_epu32(a_length, b_length);
  const __m256i longer = _mm256_max_epu32(a_length, b_length);
  const __m256i length_rule = _mm256_cmpgt_epi32(longer, _mm256_add_epi32(shorter, shorter));

  const __m256i a_letters = _mm256_set1_epi32(static_cast<int>(a.letters));
  const __m256i only_a = PopCount32(_mm256_andnot_si256(b.letters, a_letters));
  const __m256i only_b = PopCount32(_mm256_andnot_si256(a_letters, b.letters));
  const __m256i missing = _mm256_max_epu32(_mm256_max_epu32(only_a, only_b),
                                           _mm256_sub_epi32(longer, shorter));
  const __m256i scaled = _mm256_slli_epi32(missing, RejectLimits::kShift);
  const __m256i over_spelling = _mm256_cmpgt_epi32(
      scaled, _mm256_mullo_epi32(longer, _mm256_set1_epi32(static_cast<int>(limits.spelling))));
  const __m256i over_phonetic = _mm256_cmpgt_epi32(
      scaled, _mm256_mullo_epi32(longer, _mm256_set1_epi32(static_cast<int>(limits.phonetic))));
  const __m256i shared = _mm256_or_si256(
      _mm256_and_si256(b.phonetic_low, _mm256_set1_epi32(static_cast<int>(a.phonetic))),
      _mm256_and_si256(b.phonetic_high, _mm256_set1_epi32(static_cast<int>(a.phonetic >> 32))));
  const __m256i no_key = _mm256_cmpeq_epi32(shared, zero);
  const __m256i share_rule =
      _mm256_and_si256(over_spelling, _mm256_or_si256(over_phonetic, no_key));
  const __m256i bound_reject = _mm256_and_si256(open, _mm256_or_si256(length_rule, share_rule));
  // Lanes 0..7 hold units 0 2 4 6 1 3 5 7: gather them back in unit order.
  const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
  if (!particles) {
    const __m256i in_order = _mm256_permutevar8x32_epi32(bound_reject, order);
    return static_cast<uint32_t>(_mm256_movemask_ps(_mm256_castsi256_ps(in_order)));
  }

  // A lone particle on either side: ParticlePair's rules instead (see RejectMatrixScalar).
  const __m256i either = _mm256_or_si256(a_flags, b_flags);
  const __m256i particle_bit = _mm256_set1_epi32(UnitSummary::kParticle);
  const __m256i particle_pair = _mm256_cmpgt_epi32(_mm256_and_si256(either, particle_bit), zero);
  const __m256i folded = _mm256_cmpgt_epi32(
      _mm256_and_si256(either, _mm256_set1_epi32(UnitSummary::kFolded)), zero);
  const __m256i capped = _mm256_cmpeq_epi32(longer, byte);
  const __m256i one = _mm256_set1_epi32(1);
  const __m256i same_text = _mm256_and_si256(
      _mm256_cmpeq_epi32(shorter, longer),
      _mm256_cmpeq_epi32(_mm256_or_si256(only_a, only_b), zero));
  const __m256i same = _mm256_or_si256(_mm256_or_si256(folded, capped), same_text);
  const __m256i one_particle = _mm256_cmpgt_epi32(
      _mm256_and_si256(_mm256_xor_si256(a_flags, b_flags), particle_bit), zero);
  const __m256i b_count = _mm256_and_si256(_mm256_srli_epi32(b.misc, 16), byte);
  const __m256i singles = _mm256_and_si256(_mm256_cmpeq_epi32(b_count, one),
                                           _mm256_set1_epi32(a.count == 1 ? -1 : 0));
  const __m256i close = _mm256_and_si256(
      _mm256_cmpgt_epi32(_mm256_set1_epi32(2), _mm256_sub_epi32(longer, shorter)),
      _mm256_and_si256(_mm256_cmpgt_epi32(_mm256_set1_epi32(2), only_a),
                       _mm256_cmpgt_epi32(_mm256_set1_epi32(2), only_b)));
  const __m256i slip = _mm256_and_si256(
      _mm256_and_si256(one_particle, singles),
      _mm256_and_si256(_mm256_cmpgt_epi32(shorter, _mm256_set1_epi32(3)), close));
  const __m256i particle_reject =
      _mm256_andnot_si256(_mm256_or_si256(same, slip), _mm256_set1_epi32(-1));
  const __m256i reject = _mm256_blendv_epi8(bound_reject, particle_reject, particle_pair);
  const __m256i in_order = _mm256_permutevar8x32_epi32(reject, order);
  return static_cast<uint32_t>(_mm256_movemask_ps(_mm256_castsi256_ps(in_order)));
}

}  // namespace

void RejectMatrixAvx2(const UnitSummary* a, size_t na, const UnitSummary* b, size_t nb,
                      size_t nb_spans, const RejectLimits& limits, uint64_t* rows) {
  if (nb > kRejectMatrixWidth) nb = kRejectMatrixWidth;
  if (nb_spans > nb) nb_spans = nb;
  for (size_t i = 0; i < na; ++i) rows[i] = 0;
  for (size_t j = 0; j < nb; j += 8) {
    const size_t count = nb - j < 8 ? nb - j : 8;
    const Block block = Transpose(b + j, count);
    const __m256i particle_lanes = _mm256_and_si256(
        _mm256_srli_epi32(block.misc, 24), _mm256_set1_epi32(UnitSummary::kParticle));
    const bool block_particles = !_mm256_testz_si256(particle_lanes, particle_lanes);
    const uint64_t valid = (uint64_t{1} << count) - 1;
    // A span's row ends at nb_spans (see reject_matrix.h).
    const size_t span_count = nb_spans <= j ? 0 : (nb_spans - j < count ? nb_spans - j : count);
    const uint64_t span_valid = (uint64_t{1} << span_count) - 1;
    for (size_t i = 0; i < na; ++i) {
      const uint64_t mask = a[i].count > 1 ? span_valid : valid;
      if (mask == 0) continue;
      const bool particles = block_particles || (a[i].flags & UnitSummary::kParticle) != 0;
      rows[i] |= static_cast<uint64_t>(RejectBits(a[i], block, limits, particles) & mask) << j;
    }
  }
}

}  // namespace paxscreen::compare::internal
