// AVX2 kernels: 256-bit vectors, two per 64-byte block processed together so the Myers
// dependency chains of independent lanes overlap. Compiled with -mavx2 only (see
// CMakeLists.txt); reached through the dispatcher after a cpuid check.
#include <immintrin.h>

#include <cstdint>

#include "matcher/distance/kernel.h"
#include "matcher/distance/kernel_impl.h"

namespace paxscreen::distance::internal {
namespace {

template <int W>
struct Avx2Ops {
  using V = __m256i;
  using M = __m256i;
  using Lane = typename LaneOf<W>::T;
  static constexpr int kBytes = 32;
  static constexpr int kLanes = 256 / W;
  static constexpr int kInterleave = 2;

  static V Load(const uint8_t* p) { return _mm256_load_si256(reinterpret_cast<const __m256i*>(p)); }
  static void Store(uint8_t* p, V v) { _mm256_store_si256(reinterpret_cast<__m256i*>(p), v); }
  static V Zero() { return _mm256_setzero_si256(); }
  static V Ones() { return _mm256_set1_epi32(-1); }
  static V Set1(uint64_t x) {
    if constexpr (W == 8) return _mm256_set1_epi8(static_cast<char>(x));
    if constexpr (W == 16) return _mm256_set1_epi16(static_cast<short>(x));
    if constexpr (W == 32) return _mm256_set1_epi32(static_cast<int>(x));
    if constexpr (W == 64) return _mm256_set1_epi64x(static_cast<long long>(x));
  }
  static V And(V a, V b) { return _mm256_and_si256(a, b); }
  static V Or(V a, V b) { return _mm256_or_si256(a, b); }
  static V Xor(V a, V b) { return _mm256_xor_si256(a, b); }
  static V AndNot(V a, V b) { return _mm256_andnot_si256(a, b); }
  static V Add(V a, V b) {
    if constexpr (W == 8) return _mm256_add_epi8(a, b);
    if constexpr (W == 16) return _mm256_add_epi16(a, b);
    if constexpr (W == 32) return _mm256_add_epi32(a, b);
    if constexpr (W == 64) return _mm256_add_epi64(a, b);
  }
  static V Sub(V a, V b) {
    if constexpr (W == 8) return _mm256_sub_epi8(a, b);
    if constexpr (W == 16) return _mm256_sub_epi16(a, b);
    if constexpr (W == 32) return _mm256_sub_epi32(a, b);
    if constexpr (W == 64) return _mm256_sub_epi64(a, b);
  }
  static V Shl1(V a) {
    if constexpr (W == 8) return _mm256_add_epi8(a, a);
    if constexpr (W == 16) return _mm256_slli_epi16(a, 1);
    if constexpr (W == 32) return _mm256_slli_epi32(a, 1);
    if constexpr (W == 64) return _mm256_slli_epi64(a, 1);
  }
  static M CmpGt(V a, V b) {
    if constexpr (W == 8) return _mm256_cmpgt_epi8(a, b);
    if constexpr (W == 16) return _mm256_cmpgt_epi16(a, b);
    if constexpr (W == 32) return _mm256_cmpgt_epi32(a, b);
    if constexpr (W == 64) return _mm256_cmpgt_epi64(a, b);
  }
  static M CmpEq(V a, V b) {
    if constexpr (W == 8) return _mm256_cmpeq_epi8(a, b);
    if constexpr (W == 16) return _mm256_cmpeq_epi16(a, b);
    if constexpr (W == 32) return _mm256_cmpeq_epi32(a, b);
    if constexpr (W == 64) return _mm256_cmpeq_epi64(a, b);
  }
  static M NonZero(V a) { return _mm256_xor_si256(CmpEq(a, Zero()), Ones()); }
  static M TestBit(V a, V bit) { return CmpEq(And(a, bit), bit); }
  static M AllMask() { return Ones(); }
  static M MaskAnd(M a, M b) { return _mm256_and_si256(a, b); }
  static M MaskAndNot(M a, M b) { return _mm256_andnot_si256(b, a); }
  static bool Any(M m) { return !_mm256_testz_si256(m, m); }
  static V MaskToV(M m) { return m; }
  static V IncIf(V s, M m) { return Sub(s, m); }
  static V DecIf(V s, M m) { return Add(s, m); }
};

}  // namespace

const KernelTable& Avx2Kernels() {
  static const KernelTable kTable = {"avx2", &EditByWidth<Avx2Ops, false>, &EditByWidth<Avx2Ops, true>,
                                     &JaroByWidth<Avx2Ops>};
  return kTable;
}

}  // namespace paxscreen::distance::internal
