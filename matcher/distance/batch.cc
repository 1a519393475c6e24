// CandidateBatch construction: length classes, length sort, Peq bit planes. See batch.h.
#include "matcher/distance/batch.h"

#include <algorithm>
#include <cstring>

namespace paxscreen::distance {
namespace {

constexpr int kClassLimit[CandidateBatch::kNumClasses] = {8, 16, 32, 64};

// Writes a lane-typed value into a 64-byte line.
void SetLane(uint8_t* line, int lane_bits, int lane, uint64_t value) {
  switch (lane_bits) {
    case 8: { const uint8_t v = static_cast<uint8_t>(value); std::memcpy(line + lane, &v, 1); break; }
    case 16: { const uint16_t v = static_cast<uint16_t>(value); std::memcpy(line + 2 * lane, &v, 2); break; }
    case 32: { const uint32_t v = static_cast<uint32_t>(value); std::memcpy(line + 4 * lane, &v, 4); break; }
    default: std::memcpy(line + 8 * lane, &value, 8); break;
  }
}

uint64_t GetLane(const uint8_t* line, int lane_bits, int lane) {
  uint64_t v = 0;
  std::memcpy(&v, line + static_cast<size_t>(lane) * (lane_bits / 8), static_cast<size_t>(lane_bits / 8));
  return v;  // little-endian x86-64
}

}  // namespace

CandidateBatch::CandidateBatch(std::span<const std::string_view> candidates) {
  size_t total = 0;
  for (std::string_view c : candidates) total += c.size();
  bytes_.reserve(total);
  offsets_.reserve(candidates.size() + 1);
  offsets_.push_back(0);
  for (std::string_view c : candidates) {
    bytes_.append(c.data(), c.size());
    offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
  }
  Build();
}

CandidateBatch::CandidateBatch(const std::vector<std::string>& candidates) {
  size_t total = 0;
  for (const std::string& c : candidates) total += c.size();
  bytes_.reserve(total);
  offsets_.reserve(candidates.size() + 1);
  offsets_.push_back(0);
  for (const std::string& c : candidates) {
    bytes_ += c;
    offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
  }
  Build();
}

void CandidateBatch::Build() {
  const size_t n = size();
  // Alphabet of the kernel-sized candidates: one slot (bit plane) per byte value present.
  std::array<bool, 256> seen{};
  for (size_t i = 0; i < n; ++i) {
    const std::string_view c = candidate(i);
    if (c.size() > static_cast<size_t>(internal::kMaxKernelLength)) continue;
    for (char ch : c) seen[static_cast<uint8_t>(ch)] = true;
  }
  num_slots_ = 1;
  for (int b = 0; b < 256; ++b) slot_of_[b] = seen[b] ? static_cast<uint16_t>(num_slots_++) : 0;

  // Class membership, sorted by length inside each class (counting sort, stable).
  std::array<std::vector<uint32_t>, internal::kMaxKernelLength + 1> by_length;
  for (size_t i = 0; i < n; ++i) {
    const size_t len = offsets_[i + 1] - offsets_[i];
    if (len == 0) {
      empty_ids_.push_back(static_cast<uint32_t>(i));
    } else if (len > static_cast<size_t>(internal::kMaxKernelLength)) {
      long_ids_.push_back(static_cast<uint32_t>(i));
    } else {
      by_length[len].push_back(static_cast<uint32_t>(i));
    }
  }
  for (int cls = 0; cls < kNumClasses; ++cls) {
    LengthClass& lc = classes_[cls];
    lc.lane_bits = kClassLimit[cls];
    const int lanes = internal::kBlockBytes * 8 / lc.lane_bits;
    std::vector<uint32_t> order;
    for (int len = cls == 0 ? 1 : kClassLimit[cls - 1] + 1; len <= kClassLimit[cls]; ++len) {
      order.insert(order.end(), by_length[len].begin(), by_length[len].end());
    }
    lc.num_blocks = (order.size() + lanes - 1) / lanes;
    lc.planes.assign(lc.num_blocks * num_slots_, Line{});
    lc.lengths.assign(lc.num_blocks, Line{});
    lc.last_bits.assign(lc.num_blocks, Line{});
    lc.ids.assign(lc.num_blocks * lanes, internal::kPadId);
    lc.block_min_length.assign(lc.num_blocks, 0);
    lc.block_max_length.assign(lc.num_blocks, 0);
    for (size_t b = 0; b < lc.num_blocks; ++b) {
      for (int l = 0; l < lanes; ++l) SetLane(lc.lengths[b].b, lc.lane_bits, l, internal::kPadLength);
    }
    for (size_t pos = 0; pos < order.size(); ++pos) {
      const size_t block = pos / lanes;
      const int lane = static_cast<int>(pos % lanes);
      const uint32_t id = order[pos];
      const std::string_view c = candidate(id);
      lc.ids[pos] = id;
      SetLane(lc.lengths[block].b, lc.lane_bits, lane, c.size());
      SetLane(lc.last_bits[block].b, lc.lane_bits, lane, uint64_t{1} << (c.size() - 1));
      for (size_t p = 0; p < c.size(); ++p) {
        uint8_t* line = lc.planes[slot_of_[static_cast<uint8_t>(c[p])] * lc.num_blocks + block].b;
        SetLane(line, lc.lane_bits, lane, GetLane(line, lc.lane_bits, lane) | (uint64_t{1} << p));
      }
      const uint8_t len8 = static_cast<uint8_t>(c.size());
      if (lane == 0) lc.block_min_length[block] = len8;  // sorted: first lane is the shortest
      lc.block_max_length[block] = len8;
    }
  }
}

internal::ClassView CandidateBatch::View(int cls) const {
  const LengthClass& lc = classes_[cls];
  internal::ClassView v;
  v.lane_bits = lc.lane_bits;
  v.num_blocks = lc.num_blocks;
  v.slot_stride = lc.num_blocks * internal::kBlockBytes;
  v.planes = lc.planes.empty() ? nullptr : lc.planes.front().b;
  v.lengths = lc.lengths.empty() ? nullptr : lc.lengths.front().b;
  v.last_bits = lc.last_bits.empty() ? nullptr : lc.last_bits.front().b;
  v.ids = lc.ids.data();
  v.block_min_length = lc.block_min_length.data();
  v.block_max_length = lc.block_max_length.data();
  return v;
}

size_t CandidateBatch::memory_bytes() const {
  size_t total = bytes_.size() + offsets_.size() * sizeof(uint32_t);
  for (const LengthClass& lc : classes_) {
    total += (lc.planes.size() + lc.lengths.size() + lc.last_bits.size()) * sizeof(Line) +
             lc.ids.size() * sizeof(uint32_t) + 2 * lc.num_blocks;
  }
  return total;
}

}  // namespace paxscreen::distance
