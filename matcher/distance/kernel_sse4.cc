// SSE4.2 kernels: 128-bit vectors, four per 64-byte block processed together so the Myers
// dependency chains of independent lanes overlap. Compiled with -msse4.2 only (see
// CMakeLists.txt); reached through the dispatcher after a cpuid check.
#include <nmmintrin.h>

#include <cstdint>

#include "matcher/distance/kernel.h"
#include "matcher/distance/kernel_impl.h"

namespace paxscreen::distance::internal {
namespace {

template <int W>
struct SseOps {
  using V = __m128i;
  using M = __m128i;
  using Lane = typename LaneOf<W>::T;
  static constexpr int kBytes = 16;
  static constexpr int kLanes = 128 / W;
  static constexpr int kInterleave = 4;

  static V Load(const uint8_t* p) { return _mm_load_si128(reinterpret_cast<const __m128i*>(p)); }
  static void Store(uint8_t* p, V v) { _mm_store_si128(reinterpret_cast<__m128i*>(p), v); }
  static V Zero() { return _mm_setzero_si128(); }
  static V Ones() { return _mm_set1_epi32(-1); }
  static V Set1(uint64_t x) {
    if constexpr (W == 8) return _mm_set1_epi8(static_cast<char>(x));
    if constexpr (W == 16) return _mm_set1_epi16(static_cast<short>(x));
    if constexpr (W == 32) return _mm_set1_epi32(static_cast<int>(x));
    if constexpr (W == 64) return _mm_set1_epi64x(static_cast<long long>(x));
  }
  static V And(V a, V b) { return _mm_and_si128(a, b); }
  static V Or(V a, V b) { return _mm_or_si128(a, b); }
  static V Xor(V a, V b) { return _mm_xor_si128(a, b); }
  static V AndNot(V a, V b) { return _mm_andnot_si128(a, b); }
  static V Add(V a, V b) {
    if constexpr (W == 8) return _mm_add_epi8(a, b);
    if constexpr (W == 16) return _mm_add_epi16(a, b);
    if constexpr (W == 32) return _mm_add_epi32(a, b);
    if constexpr (W == 64) return _mm_add_epi64(a, b);
  }
  static V Sub(V a, V b) {
    if constexpr (W == 8) return _mm_sub_epi8(a, b);
    if constexpr (W == 16) return _mm_sub_epi16(a, b);
    if constexpr (W == 32) return _mm_sub_epi32(a, b);
    if constexpr (W == 64) return _mm_sub_epi64(a, b);
  }
  static V Shl1(V a) {
    if constexpr (W == 8) return _mm_add_epi8(a, a);
    if constexpr (W == 16) return _mm_slli_epi16(a, 1);
    if constexpr (W == 32) return _mm_slli_epi32(a, 1);
    if constexpr (W == 64) return _mm_slli_epi64(a, 1);
  }
  static M CmpGt(V a, V b) {
    if constexpr (W == 8) return _mm_cmpgt_epi8(a, b);
    if constexpr (W == 16) return _mm_cmpgt_epi16(a, b);
    if constexpr (W == 32) return _mm_cmpgt_epi32(a, b);
    if constexpr (W == 64) return _mm_cmpgt_epi64(a, b);  // SSE4.2
  }
  static M CmpEq(V a, V b) {
    if constexpr (W == 8) return _mm_cmpeq_epi8(a, b);
    if constexpr (W == 16) return _mm_cmpeq_epi16(a, b);
    if constexpr (W == 32) return _mm_cmpeq_epi32(a, b);
    if constexpr (W == 64) return _mm_cmpeq_epi64(a, b);  // SSE4.1
  }
  static M NonZero(V a) { return _mm_xor_si128(CmpEq(a, Zero()), Ones()); }
  static M TestBit(V a, V bit) { return CmpEq(And(a, bit), bit); }
  static M AllMask() { return Ones(); }
  static M MaskAnd(M a, M b) { return _mm_and_si128(a, b); }
  static M MaskAndNot(M a, M b) { return _mm_andnot_si128(b, a); }
  static bool Any(M m) { return !_mm_testz_si128(m, m); }
  static V MaskToV(M m) { return m; }
  static V IncIf(V s, M m) { return Sub(s, m); }
  static V DecIf(V s, M m) { return Add(s, m); }
};

}  // namespace

const KernelTable& Sse4Kernels() {
  static const KernelTable kTable = {"sse4", &EditByWidth<SseOps, false>, &EditByWidth<SseOps, true>,
                                     &JaroByWidth<SseOps>};
  return kTable;
}

}  // namespace paxscreen::distance::internal
