// Scalar kernels: one lane at a time in a 64-bit register, same block layout and algorithms
// as the SIMD kernels (kernel_impl.h), so the scalar path is both the portable fallback and a
// check of the layout. Bits above a lane's width are garbage that never flows downwards
// (carries and shifts only move up), and only bits below the candidate length are read.
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "matcher/distance/kernel.h"
#include "matcher/distance/kernel_impl.h"

namespace paxscreen::distance::internal {
namespace {

template <int W>
struct ScalarOps {
  using V = uint64_t;
  using M = bool;
  using Lane = typename LaneOf<W>::T;
  static constexpr int kBytes = W / 8;
  static constexpr int kLanes = 1;
  static constexpr int kInterleave = 1;

  static V Load(const uint8_t* p) {
    Lane v;
    std::memcpy(&v, p, sizeof(Lane));
    return v;
  }
  static void Store(uint8_t* p, V v) {
    const Lane l = static_cast<Lane>(v);
    std::memcpy(p, &l, sizeof(Lane));
  }
  static V Zero() { return 0; }
  static V Ones() { return ~uint64_t{0}; }
  // Lane values are kept sign-extended so that signed comparisons see small negative numbers.
  static V Set1(uint64_t x) {
    return static_cast<uint64_t>(static_cast<int64_t>(static_cast<std::make_signed_t<Lane>>(x)));
  }
  static V And(V a, V b) { return a & b; }
  static V Or(V a, V b) { return a | b; }
  static V Xor(V a, V b) { return a ^ b; }
  static V AndNot(V a, V b) { return ~a & b; }
  static V Add(V a, V b) { return a + b; }
  static V Sub(V a, V b) { return a - b; }
  static V Shl1(V a) { return a << 1; }
  static M CmpGt(V a, V b) { return static_cast<int64_t>(a) > static_cast<int64_t>(b); }
  static M CmpEq(V a, V b) { return a == b; }
  static M NonZero(V a) { return a != 0; }
  static M TestBit(V a, V bit) { return (a & bit) != 0; }
  static M AllMask() { return true; }
  static M MaskAnd(M a, M b) { return a && b; }
  static M MaskAndNot(M a, M b) { return a && !b; }
  static bool Any(M m) { return m; }
  static V MaskToV(M m) { return m ? ~uint64_t{0} : 0; }
  static V IncIf(V s, M m) { return s + (m ? 1 : 0); }
  static V DecIf(V s, M m) { return s - (m ? 1 : 0); }
};

}  // namespace

const KernelTable& ScalarKernels() {
  static const KernelTable kTable = {"scalar", &EditByWidth<ScalarOps, false>,
                                     &EditByWidth<ScalarOps, true>, &JaroByWidth<ScalarOps>};
  return kTable;
}

}  // namespace paxscreen::distance::internal
