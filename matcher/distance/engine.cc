// DistanceEngine: the batch functions around the kernels (pre-fill, query slots, the empty and
// over-long candidates that the kernels do not see). See batch.h.
#include <algorithm>
#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "matcher/distance/batch.h"
#include "matcher/distance/reference.h"

namespace paxscreen::distance {
namespace {

void SetHit(std::vector<uint64_t>& mask, size_t i) { mask[i >> 6] |= uint64_t{1} << (i & 63); }

}  // namespace

absl::StatusOr<DistanceEngine> DistanceEngine::Default() {
  const absl::StatusOr<KernelSelection>& sel = ActiveKernels();
  if (!sel.ok()) return sel.status();
  return DistanceEngine(sel->isa, sel->table);
}

absl::StatusOr<DistanceEngine> DistanceEngine::ForIsa(Isa isa) {
  absl::StatusOr<const internal::KernelTable*> table = KernelsFor(isa);
  if (!table.ok()) return table.status();
  return DistanceEngine(isa, *table);
}

absl::Status DistanceEngine::Edit(bool osa, const QueryPattern& query, const CandidateBatch& batch,
                                  int max_distance, EditResult* out) const {
  if (max_distance < 0) {
    return absl::InvalidArgumentError(absl::StrCat("max_distance must be >= 0, got ", max_distance));
  }
  const int k = std::min(max_distance, kMaxCutoff);
  const size_t size = batch.size();
  out->distance.assign(size, static_cast<uint8_t>(k + 1));
  out->hit_mask.assign((size + 63) / 64, 0);
  auto record = [&](size_t id, size_t d) {
    if (d <= static_cast<size_t>(k)) {
      out->distance[id] = static_cast<uint8_t>(d);
      SetHit(out->hit_mask, id);
    }
  };
  const std::string_view q = query.bytes();
  auto reference = [&](size_t id) {
    const std::string_view c = batch.candidate(id);
    record(id, static_cast<size_t>(osa ? OsaReference(q, c) : LevenshteinReference(q, c)));
  };
  if (q.empty()) {
    for (size_t id = 0; id < size; ++id) record(id, batch.candidate(id).size());
    return absl::OkStatus();
  }
  if (q.size() > static_cast<size_t>(internal::kMaxKernelLength)) {
    for (size_t id = 0; id < size; ++id) reference(id);
    return absl::OkStatus();
  }
  uint16_t slots[internal::kMaxKernelLength];
  for (size_t j = 0; j < q.size(); ++j) slots[j] = batch.SlotOf(static_cast<uint8_t>(q[j]));
  const internal::QueryView qv{slots, static_cast<int>(q.size())};
  const internal::EditOutput eo{out->distance.data(), out->hit_mask.data(), k};
  const internal::EditKernelFn fn = osa ? table_->osa : table_->levenshtein;
  for (int cls = 0; cls < CandidateBatch::kNumClasses; ++cls) {
    const internal::ClassView cv = batch.View(cls);
    if (cv.num_blocks > 0) fn(cv, qv, eo);
  }
  for (uint32_t id : batch.empty_ids()) record(id, q.size());
  for (uint32_t id : batch.long_ids()) reference(id);
  return absl::OkStatus();
}

absl::Status DistanceEngine::Levenshtein(const QueryPattern& query, const CandidateBatch& batch,
                                         int max_distance, EditResult* out) const {
  return Edit(false, query, batch, max_distance, out);
}

absl::Status DistanceEngine::Osa(const QueryPattern& query, const CandidateBatch& batch,
                                 int max_distance, EditResult* out) const {
  return Edit(true, query, batch, max_distance, out);
}

absl::Status DistanceEngine::JaroWinkler(const QueryPattern& query, const CandidateBatch& batch,
                                         double min_similarity, SimilarityResult* out,
                                         double prefix_scale) const {
  if (!(prefix_scale >= 0.0 && prefix_scale <= 0.25)) {
    return absl::InvalidArgumentError(
        absl::StrCat("prefix_scale must be in [0, 0.25], got ", prefix_scale));
  }
  const size_t size = batch.size();
  out->similarity.assign(size, 0.0);
  // Every similarity is >= 0, so a cutoff <= 0 makes every candidate a hit.
  out->hit_mask.assign((size + 63) / 64, min_similarity <= 0.0 ? ~uint64_t{0} : 0);
  if (min_similarity <= 0.0 && size % 64 != 0) out->hit_mask.back() = (uint64_t{1} << (size % 64)) - 1;
  auto record = [&](size_t id, double s) {
    if (s >= min_similarity) {
      out->similarity[id] = s;
      SetHit(out->hit_mask, id);
    }
  };
  const std::string_view q = query.bytes();
  auto reference = [&](size_t id) { record(id, JaroWinklerReference(q, batch.candidate(id), prefix_scale)); };
  if (q.empty() || q.size() > static_cast<size_t>(internal::kMaxKernelLength)) {
    for (size_t id = 0; id < size; ++id) reference(id);
    return absl::OkStatus();
  }
  uint16_t slots[internal::kMaxKernelLength];
  for (size_t j = 0; j < q.size(); ++j) slots[j] = batch.SlotOf(static_cast<uint8_t>(q[j]));
  const internal::QueryView qv{slots, static_cast<int>(q.size())};
  const internal::JaroOutput jo{out->similarity.data(), out->hit_mask.data(), min_similarity, prefix_scale};
  for (int cls = 0; cls < CandidateBatch::kNumClasses; ++cls) {
    const internal::ClassView cv = batch.View(cls);
    if (cv.num_blocks > 0) table_->jaro_winkler(cv, qv, jo);
  }
  for (uint32_t id : batch.empty_ids()) reference(id);
  for (uint32_t id : batch.long_ids()) reference(id);
  return absl::OkStatus();
}

absl::Status Levenshtein(const QueryPattern& query, const CandidateBatch& batch, int max_distance,
                         EditResult* out) {
  absl::StatusOr<DistanceEngine> engine = DistanceEngine::Default();
  if (!engine.ok()) return engine.status();
  return engine->Levenshtein(query, batch, max_distance, out);
}

absl::Status Osa(const QueryPattern& query, const CandidateBatch& batch, int max_distance,
                 EditResult* out) {
  absl::StatusOr<DistanceEngine> engine = DistanceEngine::Default();
  if (!engine.ok()) return engine.status();
  return engine->Osa(query, batch, max_distance, out);
}

absl::Status JaroWinkler(const QueryPattern& query, const CandidateBatch& batch,
                         double min_similarity, SimilarityResult* out, double prefix_scale) {
  absl::StatusOr<DistanceEngine> engine = DistanceEngine::Default();
  if (!engine.ok()) return engine.status();
  return engine->JaroWinkler(query, batch, min_similarity, out, prefix_scale);
}

}  // namespace paxscreen::distance
