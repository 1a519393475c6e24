// Batch comparison of one query against many candidates: Levenshtein, optimal string
// alignment (OSA) and Jaro-Winkler, with a cutoff, on the fastest kernel the CPU supports.
//
//   CandidateBatch batch(watchlist_tokens);                  // build once, reuse for many queries
//   PAX_RETURN_IF_ERROR(Osa(QueryPattern("MUHAMAMD"), batch, /*max_distance=*/2, &result));
//
// Candidates are bytes (uppercase ASCII names in practice; any byte value works). Candidates
// and queries of up to 64 bytes run on the bit-parallel kernels; longer ones are still answered
// correctly, by the scalar dynamic-programming references (slow, meant for rare outliers).
// See README.md for the layout and the choice of candidate-major lanes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "matcher/distance/dispatch.h"
#include "matcher/distance/kernel.h"

namespace paxscreen::distance {

// A query prepared once and compared against any number of batches. Owns a copy of its bytes.
// Immutable after construction; safe to share between threads.
class QueryPattern {
 public:
  explicit QueryPattern(std::string_view query) : bytes_(query) {}
  std::string_view bytes() const { return bytes_; }
  size_t size() const { return bytes_.size(); }

 private:
  std::string bytes_;
};

// Candidates stored structure-of-arrays: grouped by length class (<= 8, 16, 32, 64 bytes),
// sorted by length inside a class, packed into 512-bit blocks of lanes with one Peq bit plane
// per byte value present in the batch (see kernel.h). Building costs O(total bytes + blocks x
// distinct bytes x 64); memory is about (distinct bytes + 3) x lane bytes per candidate.
// Owns its data; immutable after construction, so safe to share between threads.
class CandidateBatch {
 public:
  explicit CandidateBatch(std::span<const std::string_view> candidates);
  explicit CandidateBatch(const std::vector<std::string>& candidates);

  size_t size() const { return offsets_.size() - 1; }
  std::string_view candidate(size_t i) const {
    return std::string_view(bytes_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  // Bytes per lane-block plane set (diagnostics and benchmarks).
  size_t memory_bytes() const;

  static constexpr int kNumClasses = 4;
  struct alignas(64) Line {
    uint8_t b[internal::kBlockBytes];
  };
  struct LengthClass {
    int lane_bits = 8;
    size_t num_blocks = 0;
    std::vector<Line> planes;      // [slot][block]
    std::vector<Line> lengths;     // [block]
    std::vector<Line> last_bits;   // [block]
    std::vector<uint32_t> ids;     // [block][lane]
    std::vector<uint8_t> block_min_length;
    std::vector<uint8_t> block_max_length;
  };

  // Internal access for the batch functions.
  internal::ClassView View(int cls) const;
  uint16_t SlotOf(uint8_t byte) const { return slot_of_[byte]; }
  const std::vector<uint32_t>& empty_ids() const { return empty_ids_; }
  const std::vector<uint32_t>& long_ids() const { return long_ids_; }

 private:
  void Build();

  std::string bytes_;
  std::vector<uint32_t> offsets_;
  std::array<uint16_t, 256> slot_of_{};  // 0 = byte absent from the batch
  size_t num_slots_ = 1;
  std::array<LengthClass, kNumClasses> classes_;
  std::vector<uint32_t> empty_ids_;  // zero-length candidates
  std::vector<uint32_t> long_ids_;   // candidates longer than 64 bytes (reference path)
};

// Per-candidate edit distances in candidate order, capped at max_distance + 1, and a bit
// mask of the candidates within max_distance. Reuse one object across calls.
struct EditResult {
  std::vector<uint8_t> distance;
  std::vector<uint64_t> hit_mask;
  bool hit(size_t i) const { return (hit_mask[i >> 6] >> (i & 63)) & 1; }
};

// Per-candidate similarities in candidate order (0.0 below the cutoff) and the hit mask of
// candidates with similarity >= min_similarity.
struct SimilarityResult {
  std::vector<double> similarity;
  std::vector<uint64_t> hit_mask;
  bool hit(size_t i) const { return (hit_mask[i >> 6] >> (i & 63)) & 1; }
};

inline constexpr int kMaxCutoff = 254;  // larger max_distance values are clamped to this

// Runs the batch functions on one fixed kernel table. Cheap to copy; thread-safe.
class DistanceEngine {
 public:
  // The process-wide choice (cpuid, or PAXSCREEN_ISA); an error if PAXSCREEN_ISA is bad.
  static absl::StatusOr<DistanceEngine> Default();
  // A specific instruction set; FailedPrecondition when the CPU lacks it.
  static absl::StatusOr<DistanceEngine> ForIsa(Isa isa);

  Isa isa() const { return isa_; }

  // Levenshtein distance of the query to every candidate. max_distance in [0, 254].
  absl::Status Levenshtein(const QueryPattern& query, const CandidateBatch& batch,
                           int max_distance, EditResult* out) const;
  // Optimal string alignment distance (adjacent transpositions cost 1).
  absl::Status Osa(const QueryPattern& query, const CandidateBatch& batch, int max_distance,
                   EditResult* out) const;
  // Jaro-Winkler similarity, as JaroWinklerReference(query, candidate, prefix_scale).
  // prefix_scale must be in [0, 0.25].
  absl::Status JaroWinkler(const QueryPattern& query, const CandidateBatch& batch,
                           double min_similarity, SimilarityResult* out,
                           double prefix_scale = 0.1) const;

 private:
  DistanceEngine(Isa isa, const internal::KernelTable* table) : isa_(isa), table_(table) {}
  absl::Status Edit(bool osa, const QueryPattern& query, const CandidateBatch& batch,
                    int max_distance, EditResult* out) const;

  Isa isa_;
  const internal::KernelTable* table_;
};

// Convenience wrappers on DistanceEngine::Default().
absl::Status Levenshtein(const QueryPattern& query, const CandidateBatch& batch, int max_distance,
                         EditResult* out);
absl::Status Osa(const QueryPattern& query, const CandidateBatch& batch, int max_distance,
                 EditResult* out);
absl::Status JaroWinkler(const QueryPattern& query, const CandidateBatch& batch,
                         double min_similarity, SimilarityResult* out, double prefix_scale = 0.1);

}  // namespace paxscreen::distance
