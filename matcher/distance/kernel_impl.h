// The kernel algorithms, written once over a small "vector of lanes" interface and instantiated
// by each kernel_<isa>.cc with its own Ops type. This header holds templates only and no
// intrinsics: every instantiation uses an Ops type from an anonymous namespace, so each
// instruction set gets its own internal-linkage copy (no ODR mixing between ISA flags).
//
//   template void EditKernel<Avx2Ops<16>, /*kOsa=*/false>(...);   // in kernel_avx2.cc
//   table.levenshtein = &EditKernel<Avx2Ops<8>, false>;           // (per lane width)
//
// Ops<W> provides: V (lanes of W bits), M (lane mask), Lane (uintW_t), kBytes (bytes per V),
// kLanes, kInterleave (vectors processed together to hide latency), Load/Store (aligned),
// Zero/Ones/Set1, And/Or/Xor/AndNot(a,b)=~a&b, Add/Sub (lane-wise, wrapping), Shl1,
// CmpGt (signed)/CmpEq -> M, NonZero(V) -> M, TestBit(a, bit) -> M (a & bit != 0, where bit
// has at most one bit per lane; lanes with bit == 0 may read either way), AllMask(),
// MaskAnd/MaskAndNot(a,b)=a&~b, Any(M), MaskToV(M) (all-ones lanes), IncIf(V, M)/DecIf(V, M).
//
// Algorithms:
//  * Levenshtein: Myers 1999 bit-vector algorithm in Hyyrö's 2001 formulation for the global
//    distance; the candidate is the pattern (bits of a lane), the query is scanned once.
//    Cost O(|query|) vector steps per group of lanes.
//  * OSA: Hyyrö 2003 ("A bit-vector algorithm for computing Levenshtein and Damerau edit
//    distances"), one extra transposition vector per step.
//  * Early stop: the last-row value D[m][j] changes by at most one per column, so
//    D[m][n] >= D[m][j] - (n - j); a lane dies when that bound exceeds the cutoff, a group of
//    lanes stops when all are dead. Lanes whose |m - n| exceeds the cutoff start dead, and
//    blocks (sorted by length) where all do are never loaded.
//  * Jaro: the bit-parallel matching used by RapidFuzz (greedy first free pattern position in
//    the window = lowest set bit of Peq & window & ~flagged), then transpositions by walking
//    the flagged query positions in order against the lowest remaining flagged pattern bit.
//    O(|query|) vector steps for each of the two passes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "matcher/distance/kernel.h"

namespace paxscreen::distance::internal {

// The unsigned integer type of one lane of W bits, shared by every instruction set's Ops.
template <int W> struct LaneOf;
template <> struct LaneOf<8> { using T = uint8_t; };
template <> struct LaneOf<16> { using T = uint16_t; };
template <> struct LaneOf<32> { using T = uint32_t; };
template <> struct LaneOf<64> { using T = uint64_t; };

template <class O>
struct GroupGeometry {
  static constexpr int kChunksPerBlock = kBlockBytes / O::kBytes;
  static constexpr int kGroup = O::kInterleave;  // chunks processed together
};

// Lane `l` of a lane-typed array stored in bytes (memcpy: no aliasing questions).
template <class Lane>
inline Lane LaneAt(const uint8_t* base, int l) {
  Lane v;
  std::memcpy(&v, base + static_cast<size_t>(l) * sizeof(Lane), sizeof(Lane));
  return v;
}

// Pointers to chunk `c` (global chunk index within the class) of each plane array.
template <class O>
inline const uint8_t* ChunkBase(const uint8_t* arr, size_t stride, size_t c) {
  constexpr int kCpb = GroupGeometry<O>::kChunksPerBlock;
  return arr + (c / kCpb) * stride + (c % kCpb) * O::kBytes;
}

template <class O, bool kOsa>
void EditKernel(const ClassView& cv, const QueryView& q, const EditOutput& out) {
  using V = typename O::V;
  using M = typename O::M;
  using Lane = typename O::Lane;
  constexpr int kCpb = GroupGeometry<O>::kChunksPerBlock;
  constexpr int kG = GroupGeometry<O>::kGroup;
  const int n = q.length;
  const int k = out.max_distance;
  const size_t total_chunks = cv.num_blocks * kCpb;
  const int hi_len = n + k > kPadLength - 1 ? kPadLength - 1 : n + k;
  const int lo_len = n - k < 0 ? -1 : n - k;
  const V v_hi = O::Set1(static_cast<uint64_t>(hi_len));
  const V v_lo = O::Set1(static_cast<uint64_t>(static_cast<int64_t>(lo_len)));

  for (size_t c0 = 0; c0 < total_chunks; c0 += kG) {
    // Length filter on whole blocks: blocks are sorted by length, most are skipped here.
    const size_t b_first = c0 / kCpb;
    const size_t b_last = (c0 + kG - 1) / kCpb < cv.num_blocks ? (c0 + kG - 1) / kCpb : cv.num_blocks - 1;
    if (cv.block_min_length[b_first] > hi_len || cv.block_max_length[b_last] < lo_len) continue;

    const uint8_t* pbase[kG];
    V vp[kG], vn[kG], score[kG], last[kG], d0[kG], pm_prev[kG];
    M alive[kG];
    bool any = false;
    for (int g = 0; g < kG; ++g) {
      const size_t c = c0 + g < total_chunks ? c0 + g : c0;  // tail: duplicate a valid chunk
      pbase[g] = ChunkBase<O>(cv.planes, kBlockBytes, c);
      const V len = O::Load(ChunkBase<O>(cv.lengths, kBlockBytes, c));
      last[g] = O::Load(ChunkBase<O>(cv.last_bits, kBlockBytes, c));
      score[g] = len;
      vp[g] = O::Ones();
      vn[g] = O::Zero();
      d0[g] = O::Zero();
      pm_prev[g] = O::Zero();
      alive[g] = O::MaskAndNot(O::MaskAndNot(O::AllMask(), O::CmpGt(len, v_hi)), O::CmpGt(v_lo, len));
      if (c0 + g >= total_chunks) alive[g] = O::MaskAndNot(alive[g], O::AllMask());
      any = any || O::Any(alive[g]);
    }
    if (!any) continue;

    for (int j = 0; j < n; ++j) {
      const size_t plane_off = static_cast<size_t>(q.slots[j]) * cv.slot_stride;
      int thr = k + (n - j - 1);
      if (thr > kPadLength - 1) thr = kPadLength - 1;
      const V v_thr = O::Set1(static_cast<uint64_t>(thr));
      any = false;
      for (int g = 0; g < kG; ++g) {
        const V pm = O::Load(pbase[g] + plane_off);
        V d = O::Or(O::Or(O::Xor(O::Add(O::And(pm, vp[g]), vp[g]), vp[g]), pm), vn[g]);
        if constexpr (kOsa) {
          const V tr = O::And(O::Shl1(O::AndNot(d0[g], pm)), pm_prev[g]);
          d = O::Or(d, tr);
          d0[g] = d;
          pm_prev[g] = pm;
        }
        V hp = O::Or(vn[g], O::AndNot(O::Or(d, vp[g]), O::Ones()));
        const V hn = O::And(d, vp[g]);
        score[g] = O::IncIf(score[g], O::TestBit(hp, last[g]));
        score[g] = O::DecIf(score[g], O::TestBit(hn, last[g]));
        hp = O::Or(O::Shl1(hp), O::Set1(1));
        const V hn1 = O::Shl1(hn);
        vp[g] = O::Or(hn1, O::AndNot(O::Or(d, hp), O::Ones()));
        vn[g] = O::And(hp, d);
        alive[g] = O::MaskAndNot(alive[g], O::CmpGt(score[g], v_thr));
        any = any || O::Any(alive[g]);
      }
      if (!any) break;
    }
    if (!any) continue;

    // alive now means D[m][n] <= k. Write those lanes.
    for (int g = 0; g < kG; ++g) {
      if (c0 + g >= total_chunks || !O::Any(alive[g])) continue;
      alignas(64) Lane s[O::kLanes];
      alignas(64) Lane a[O::kLanes];
      O::Store(reinterpret_cast<uint8_t*>(s), score[g]);
      O::Store(reinterpret_cast<uint8_t*>(a), O::MaskToV(alive[g]));
      const size_t c = c0 + g;
      const uint32_t* ids = cv.ids + (c / kCpb) * (kBlockBytes * 8 / (sizeof(Lane) * 8)) +
                            (c % kCpb) * O::kLanes;
      for (int l = 0; l < O::kLanes; ++l) {
        const uint32_t id = ids[l];
        if (a[l] == 0 || id == kPadId) continue;
        out.distance[id] = static_cast<uint8_t>(s[l]);
        out.hit_mask[id >> 6] |= uint64_t{1} << (id & 63);
      }
    }
  }
}

// Largest Jaro-Winkler similarity any candidate of length m can reach against a query of
// length n (all min(m,n) bytes matched, no transposition, full 4-byte prefix boost).
template <class O>
inline double JaroWinklerUpperBound(int n, int m, double prefix_scale) {
  const int c = n < m ? n : m;
  if (c == 0) return n == m ? 1.0 : 0.0;
  const double jaro = (static_cast<double>(c) / n + static_cast<double>(c) / m + 1.0) / 3.0;
  const int pre = c < 4 ? c : 4;
  return jaro + pre * prefix_scale * (1.0 - jaro);
}

template <class O>
void JaroKernel(const ClassView& cv, const QueryView& q, const JaroOutput& out) {
  using V = typename O::V;
  using M = typename O::M;
  using Lane = typename O::Lane;
  constexpr int kCpb = GroupGeometry<O>::kChunksPerBlock;
  constexpr int kG = GroupGeometry<O>::kGroup;
  constexpr int kLaneBits = static_cast<int>(sizeof(Lane) * 8);
  const int n = q.length;
  const size_t total_chunks = cv.num_blocks * kCpb;

  // Per candidate length m: Jaro window half-width and the first window mask.
  int bound_of[kPadLength + 1];
  Lane mask0_of[kPadLength + 1];
  for (int m = 0; m <= kPadLength; ++m) {
    const int longest = m > n ? m : n;
    const int b = longest / 2 > 0 ? longest / 2 - 1 : 0;
    bound_of[m] = b;
    mask0_of[m] = b + 1 >= kLaneBits ? static_cast<Lane>(~Lane{0})
                                     : static_cast<Lane>((Lane{1} << (b + 1)) - 1);
  }
  const V one = O::Set1(1);
  const int prefix_len = n < 4 ? n : 4;

  for (size_t c0 = 0; c0 < total_chunks; c0 += kG) {
    const size_t b_first = c0 / kCpb;
    const size_t b_last = (c0 + kG - 1) / kCpb < cv.num_blocks ? (c0 + kG - 1) / kCpb : cv.num_blocks - 1;
    {
      // Skip when no length in [min, max] of these blocks can reach the cutoff.
      const int lo = cv.block_min_length[b_first];
      const int hi = cv.block_max_length[b_last];
      const int best_m = n < lo ? lo : (n > hi ? hi : n);
      if (JaroWinklerUpperBound<O>(n, best_m, out.prefix_scale) < out.min_similarity) continue;
    }
    const uint8_t* pbase[kG];
    const uint8_t* lens[kG];
    V bound[kG], window[kG], flagged_p[kG], common[kG], trans[kG], prefix[kG];
    M matched[kMaxKernelLength][kG];
    for (int g = 0; g < kG; ++g) {
      const size_t c = c0 + g < total_chunks ? c0 + g : c0;
      pbase[g] = ChunkBase<O>(cv.planes, kBlockBytes, c);
      lens[g] = ChunkBase<O>(cv.lengths, kBlockBytes, c);
      const size_t blk = c / kCpb;
      if (cv.block_max_length[blk] <= n || cv.block_min_length[blk] == cv.block_max_length[blk]) {
        const int m = cv.block_max_length[blk] <= n ? n : cv.block_max_length[blk];
        bound[g] = O::Set1(static_cast<uint64_t>(bound_of[m]));
        window[g] = O::Set1(static_cast<uint64_t>(mask0_of[m]));
      } else {
        alignas(64) Lane bl[O::kLanes];
        alignas(64) Lane wl[O::kLanes];
        for (int l = 0; l < O::kLanes; ++l) {
          const int m = static_cast<int>(LaneAt<Lane>(lens[g], l));
          bl[l] = static_cast<Lane>(bound_of[m]);
          wl[l] = mask0_of[m];
        }
        bound[g] = O::Load(reinterpret_cast<const uint8_t*>(bl));
        window[g] = O::Load(reinterpret_cast<const uint8_t*>(wl));
      }
      flagged_p[g] = O::Zero();
      common[g] = O::Zero();
      trans[g] = O::Zero();
      prefix[g] = O::Zero();
    }
    // Pass 1: greedy matching, query positions in order.
    for (int j = 0; j < n; ++j) {
      const size_t plane_off = static_cast<size_t>(q.slots[j]) * cv.slot_stride;
      const V vj = O::Set1(static_cast<uint64_t>(j));
      for (int g = 0; g < kG; ++g) {
        const V pm = O::Load(pbase[g] + plane_off);
        const V x = O::AndNot(flagged_p[g], O::And(pm, window[g]));
        const V low = O::And(x, O::Sub(O::Zero(), x));
        flagged_p[g] = O::Or(flagged_p[g], low);
        const M hit = O::NonZero(x);
        matched[j][g] = hit;
        common[g] = O::IncIf(common[g], hit);
        // Window of position j+1 keeps bit 0 while j+1 <= bound.
        window[g] = O::Or(O::Shl1(window[g]), O::And(O::MaskToV(O::CmpGt(bound[g], vj)), one));
      }
    }
    // Pass 2: transpositions (half-transpositions counted, halved later).
    for (int j = 0; j < n; ++j) {
      const size_t plane_off = static_cast<size_t>(q.slots[j]) * cv.slot_stride;
      for (int g = 0; g < kG; ++g) {
        if (!O::Any(matched[j][g])) continue;
        const V pm = O::Load(pbase[g] + plane_off);
        const V low = O::And(flagged_p[g], O::Sub(O::Zero(), flagged_p[g]));
        const M differs = O::MaskAnd(matched[j][g], O::MaskAndNot(O::AllMask(), O::NonZero(O::And(pm, low))));
        trans[g] = O::IncIf(trans[g], differs);
        flagged_p[g] = O::Xor(flagged_p[g], O::And(low, O::MaskToV(matched[j][g])));
      }
    }
    // Common prefix, at most 4 bytes: bit p of Peq[query[p]] says candidate[p] == query[p].
    for (int g = 0; g < kG; ++g) {
      M still = O::AllMask();
      for (int p = 0; p < prefix_len; ++p) {
        const V pm = O::Load(pbase[g] + static_cast<size_t>(q.slots[p]) * cv.slot_stride);
        still = O::MaskAnd(still, O::TestBit(pm, O::Set1(uint64_t{1} << p)));
        prefix[g] = O::IncIf(prefix[g], still);
      }
    }
    for (int g = 0; g < kG; ++g) {
      if (c0 + g >= total_chunks) continue;
      alignas(64) Lane cl[O::kLanes];
      alignas(64) Lane tl[O::kLanes];
      alignas(64) Lane pl[O::kLanes];
      O::Store(reinterpret_cast<uint8_t*>(cl), common[g]);
      O::Store(reinterpret_cast<uint8_t*>(tl), trans[g]);
      O::Store(reinterpret_cast<uint8_t*>(pl), prefix[g]);
      const size_t c = c0 + g;
      const uint32_t* ids = cv.ids + (c / kCpb) * (kBlockBytes * 8 / kLaneBits) + (c % kCpb) * O::kLanes;
      for (int l = 0; l < O::kLanes; ++l) {
        const uint32_t id = ids[l];
        if (id == kPadId || cl[l] == 0) continue;
        // Same expression and order as JaroReference / JaroWinklerReference.
        const double mm = static_cast<double>(cl[l]);
        const double t = static_cast<double>(tl[l] / 2);
        const double m = static_cast<double>(LaneAt<Lane>(lens[g], l));
        const double jaro = (mm / static_cast<double>(n) + mm / m + (mm - t) / mm) / 3.0;
        const double sim = jaro + static_cast<double>(pl[l]) * out.prefix_scale * (1.0 - jaro);
        if (sim < out.min_similarity) continue;
        out.similarity[id] = sim;
        out.hit_mask[id >> 6] |= uint64_t{1} << (id & 63);
      }
    }
  }
}

// Dispatch on the class's lane width.
template <template <int> class Ops, bool kOsa>
void EditByWidth(const ClassView& cv, const QueryView& q, const EditOutput& out) {
  switch (cv.lane_bits) {
    case 8: return EditKernel<Ops<8>, kOsa>(cv, q, out);
    case 16: return EditKernel<Ops<16>, kOsa>(cv, q, out);
    case 32: return EditKernel<Ops<32>, kOsa>(cv, q, out);
    default: return EditKernel<Ops<64>, kOsa>(cv, q, out);
  }
}

template <template <int> class Ops>
void JaroByWidth(const ClassView& cv, const QueryView& q, const JaroOutput& out) {
  switch (cv.lane_bits) {
    case 8: return JaroKernel<Ops<8>>(cv, q, out);
    case 16: return JaroKernel<Ops<16>>(cv, q, out);
    case 32: return JaroKernel<Ops<32>>(cv, q, out);
    default: return JaroKernel<Ops<64>>(cv, q, out);
  }
}

}  // namespace paxscreen::distance::internal
