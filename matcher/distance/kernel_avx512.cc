// AVX-512BW kernels: one 512-bit vector is a whole block (64/32/16/8 lanes); two blocks are
// processed together to overlap the Myers dependency chains. Comparisons produce mask
// registers, so the score update is one masked add. Compiled with -mavx512bw -mavx512vl
// -mavx512f -mbmi2 only; reached through the dispatcher after a cpuid check.
// GCC 12's own _mm512_undefined_epi32 (self-initialized) trips -Wmaybe-uninitialized in the
// unmasked AVX-512 intrinsics; the warning is about the header, not this code.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

#include <cstdint>

#include "matcher/distance/kernel.h"
#include "matcher/distance/kernel_impl.h"

namespace paxscreen::distance::internal {
namespace {

// The mask register type of a vector of W-bit lanes.
template <int W> struct MaskOf;
template <> struct MaskOf<8> { using K = __mmask64; };
template <> struct MaskOf<16> { using K = __mmask32; };
template <> struct MaskOf<32> { using K = __mmask16; };
template <> struct MaskOf<64> { using K = __mmask8; };

template <int W>
struct Avx512Ops {
  using V = __m512i;
  using M = typename MaskOf<W>::K;
  using Lane = typename LaneOf<W>::T;
  static constexpr int kBytes = 64;
  static constexpr int kLanes = 512 / W;
  static constexpr int kInterleave = 2;

  static V Load(const uint8_t* p) { return _mm512_load_si512(reinterpret_cast<const void*>(p)); }
  static void Store(uint8_t* p, V v) { _mm512_store_si512(reinterpret_cast<void*>(p), v); }
  static V Zero() { return _mm512_setzero_si512(); }
  static V Ones() { return _mm512_set1_epi32(-1); }
  static V Set1(uint64_t x) {
    if constexpr (W == 8) return _mm512_set1_epi8(static_cast<char>(x));
    if constexpr (W == 16) return _mm512_set1_epi16(static_cast<short>(x));
    if constexpr (W == 32) return _mm512_set1_epi32(static_cast<int>(x));
    if constexpr (W == 64) return _mm512_set1_epi64(static_cast<long long>(x));
  }
  static V And(V a, V b) { return _mm512_and_si512(a, b); }
  static V Or(V a, V b) { return _mm512_or_si512(a, b); }
  static V Xor(V a, V b) { return _mm512_xor_si512(a, b); }
  static V AndNot(V a, V b) { return _mm512_andnot_si512(a, b); }
  static V Add(V a, V b) {
    if constexpr (W == 8) return _mm512_add_epi8(a, b);
    if constexpr (W == 16) return _mm512_add_epi16(a, b);
    if constexpr (W == 32) return _mm512_add_epi32(a, b);
    if constexpr (W == 64) return _mm512_add_epi64(a, b);
  }
  static V Sub(V a, V b) {
    if constexpr (W == 8) return _mm512_sub_epi8(a, b);
    if constexpr (W == 16) return _mm512_sub_epi16(a, b);
    if constexpr (W == 32) return _mm512_sub_epi32(a, b);
    if constexpr (W == 64) return _mm512_sub_epi64(a, b);
  }
  static V Shl1(V a) {
    if constexpr (W == 8) return _mm512_add_epi8(a, a);
    if constexpr (W == 16) return _mm512_slli_epi16(a, 1);
    if constexpr (W == 32) return _mm512_slli_epi32(a, 1);
    if constexpr (W == 64) return _mm512_slli_epi64(a, 1);
  }
  static M CmpGt(V a, V b) {
    if constexpr (W == 8) return _mm512_cmpgt_epi8_mask(a, b);
    if constexpr (W == 16) return _mm512_cmpgt_epi16_mask(a, b);
    if constexpr (W == 32) return _mm512_cmpgt_epi32_mask(a, b);
    if constexpr (W == 64) return _mm512_cmpgt_epi64_mask(a, b);
  }
  static M CmpEq(V a, V b) {
    if constexpr (W == 8) return _mm512_cmpeq_epi8_mask(a, b);
    if constexpr (W == 16) return _mm512_cmpeq_epi16_mask(a, b);
    if constexpr (W == 32) return _mm512_cmpeq_epi32_mask(a, b);
    if constexpr (W == 64) return _mm512_cmpeq_epi64_mask(a, b);
  }
  static M TestBit(V a, V bit) {
    if constexpr (W == 8) return _mm512_test_epi8_mask(a, bit);
    if constexpr (W == 16) return _mm512_test_epi16_mask(a, bit);
    if constexpr (W == 32) return _mm512_test_epi32_mask(a, bit);
    if constexpr (W == 64) return _mm512_test_epi64_mask(a, bit);
  }
  static M NonZero(V a) { return TestBit(a, a); }
  static M AllMask() { return static_cast<M>(~M{0}); }
  static M MaskAnd(M a, M b) { return static_cast<M>(a & b); }
  static M MaskAndNot(M a, M b) { return static_cast<M>(a & ~b); }
  static bool Any(M m) { return m != 0; }
  static V MaskToV(M m) {
    if constexpr (W == 8) return _mm512_maskz_mov_epi8(m, Ones());
    if constexpr (W == 16) return _mm512_maskz_mov_epi16(m, Ones());
    if constexpr (W == 32) return _mm512_maskz_mov_epi32(m, Ones());
    if constexpr (W == 64) return _mm512_maskz_mov_epi64(m, Ones());
  }
  static V IncIf(V s, M m) {
    if constexpr (W == 8) return _mm512_mask_sub_epi8(s, m, s, Ones());
    if constexpr (W == 16) return _mm512_mask_sub_epi16(s, m, s, Ones());
    if constexpr (W == 32) return _mm512_mask_sub_epi32(s, m, s, Ones());
    if constexpr (W == 64) return _mm512_mask_sub_epi64(s, m, s, Ones());
  }
  static V DecIf(V s, M m) {
    if constexpr (W == 8) return _mm512_mask_add_epi8(s, m, s, Ones());
    if constexpr (W == 16) return _mm512_mask_add_epi16(s, m, s, Ones());
    if constexpr (W == 32) return _mm512_mask_add_epi32(s, m, s, Ones());
    if constexpr (W == 64) return _mm512_mask_add_epi64(s, m, s, Ones());
  }
};

}  // namespace

const KernelTable& Avx512Kernels() {
  static const KernelTable kTable = {"avx512", &EditByWidth<Avx512Ops, false>,
                                     &EditByWidth<Avx512Ops, true>, &JaroByWidth<Avx512Ops>};
  return kTable;
}

}  // namespace paxscreen::distance::internal
