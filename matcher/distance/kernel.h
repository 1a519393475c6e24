// The internal contract between the batch API (batch.cc) and the per-instruction-set kernels
// (kernel_scalar.cc, kernel_sse4.cc, kernel_avx2.cc, kernel_avx512.cc). Plain structs and
// function pointers only: no intrinsics here, so this header is safe in every translation unit.
//
//   const KernelTable* table = KernelsFor(Isa::kAvx2);             // dispatch.h
//   table->levenshtein(class_view, query_view, edit_output);
//
// Layout (see CandidateBatch in batch.h): candidates of one length class are sorted by length
// and packed into blocks of 64 bytes = 512 bits of lanes; lane width is the class limit
// (8, 16, 32 or 64 bits), so a block holds 64, 32, 16 or 8 candidates. For every byte value
// that occurs in the batch ("slot") a block has a 64-byte plane whose lane i has bit p set
// iff byte p of candidate i equals that byte (Myers' Peq vectors, candidate-major). Planes are
// stored slot-major ([slot][block]), so a query streams through one contiguous array per
// query byte. Slot 0 is all zero: bytes the batch never contains.
#pragma once

#include <cstddef>
#include <cstdint>

namespace paxscreen::distance::internal {

inline constexpr int kBlockBytes = 64;
inline constexpr uint32_t kPadId = 0xFFFFFFFFu;  // id of an unused lane
inline constexpr int kPadLength = 127;           // length stored for an unused lane
inline constexpr int kMaxKernelLength = 64;      // longest query or candidate a kernel sees

// One length class of a CandidateBatch, read-only.
struct ClassView {
  int lane_bits = 8;            // 8, 16, 32 or 64
  size_t num_blocks = 0;
  size_t slot_stride = 0;       // bytes from one slot's planes to the next (= blocks * 64)
  const uint8_t* planes = nullptr;         // [slot][block][64 bytes]
  const uint8_t* lengths = nullptr;        // [block][64 bytes] lane-typed candidate lengths
  const uint8_t* last_bits = nullptr;      // [block][64 bytes] lane-typed 1 << (length - 1)
  const uint32_t* ids = nullptr;           // [block][lanes] candidate index, kPadId if unused
  const uint8_t* block_min_length = nullptr;  // [block], over used lanes
  const uint8_t* block_max_length = nullptr;  // [block]
};

// The query as seen against one batch: the batch slot of every query byte.
struct QueryView {
  const uint16_t* slots = nullptr;
  int length = 0;  // 1..kMaxKernelLength
};

// Where an edit-distance kernel writes hits. Only lanes with distance <= max_distance are
// written (distance[id] = d, bit id of hit_mask set); the caller pre-fills the rest.
struct EditOutput {
  uint8_t* distance = nullptr;
  uint64_t* hit_mask = nullptr;
  int max_distance = 0;  // 0..254
};

// Where the Jaro-Winkler kernel writes hits (similarity >= min_similarity).
struct JaroOutput {
  double* similarity = nullptr;
  uint64_t* hit_mask = nullptr;
  double min_similarity = 0.0;
  double prefix_scale = 0.1;
};

using EditKernelFn = void (*)(const ClassView&, const QueryView&, const EditOutput&);
using JaroKernelFn = void (*)(const ClassView&, const QueryView&, const JaroOutput&);

// One instruction set's kernels. Tables are static and immutable.
struct KernelTable {
  const char* name;  // "scalar", "sse4", "avx2", "avx512"
  EditKernelFn levenshtein;
  EditKernelFn osa;
  JaroKernelFn jaro_winkler;
};

// Defined in the kernel_*.cc files, each compiled with its own instruction-set flags. Call only
// after the dispatcher has checked that the CPU supports the instruction set.
const KernelTable& ScalarKernels();
const KernelTable& Sse4Kernels();
const KernelTable& Avx2Kernels();
const KernelTable& Avx512Kernels();

}  // namespace paxscreen::distance::internal
