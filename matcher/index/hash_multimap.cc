#include "matcher/index/hash_multimap.h"

#include <algorithm>

namespace paxscreen::index {

HashMultimap HashMultimap::Build(std::vector<std::pair<uint64_t, uint32_t>> pairs) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  HashMultimap m;
  const size_t n = pairs.size();
  while (m.bits_ < 30 && (size_t{1} << (m.bits_ + 1)) < n) ++m.bits_;
  m.keys_.resize(n);
  m.values_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    m.keys_[i] = m.KeyOf(pairs[i].first);
    m.values_[i] = pairs[i].second;
  }
  m.dir_.resize((size_t{1} << m.bits_) + 1);
  size_t pos = 0;
  for (size_t b = 0; b < (size_t{1} << m.bits_); ++b) {
    m.dir_[b] = static_cast<uint32_t>(pos);
    while (pos < n && (pairs[pos].first >> (64 - m.bits_)) == b) ++pos;
  }
  m.dir_.back() = static_cast<uint32_t>(n);
  return m;
}

std::span<const uint32_t> HashMultimap::Find(uint64_t hash) const {
  if (keys_.empty()) return {};
  const size_t b = hash >> (64 - bits_);
  return Scan(KeyOf(hash), dir_[b], dir_[b + 1]);
}

void HashMultimap::FindBatch(std::span<const uint64_t> hashes,
                             std::span<const uint32_t>* out) const {
  if (keys_.empty()) {
    std::fill(out, out + hashes.size(), std::span<const uint32_t>());
    return;
  }
  // A software pipeline: hash i's directory entry is prefetched kAhead steps before its key
  // run is located (and prefetched), which is kAhead steps before the run is scanned, so about
  // 2 * kAhead loads are in flight instead of one.
  constexpr size_t kAhead = 8;
  constexpr size_t kRing = 2 * kAhead;  // > kAhead: runs located but not yet scanned
  uint32_t begin[kRing];
  uint32_t end[kRing];
  const size_t n = hashes.size();
  const uint64_t* h = hashes.data();
  for (size_t i = 0; i < n + 2 * kAhead; ++i) {
    if (i < n) __builtin_prefetch(dir_.data() + (h[i] >> (64 - bits_)));
    if (i >= kAhead && i - kAhead < n) {
      const size_t j = i - kAhead;
      const size_t b = h[j] >> (64 - bits_);
      begin[j % kRing] = dir_[b];
      end[j % kRing] = dir_[b + 1];
      __builtin_prefetch(keys_.data() + dir_[b]);
    }
    if (i >= 2 * kAhead) {
      const size_t k = i - 2 * kAhead;
      out[k] = Scan(KeyOf(h[k]), begin[k % kRing], end[k % kRing]);
    }
  }
}

std::span<const uint32_t> HashMultimap::Scan(uint32_t key, uint32_t begin, uint32_t end) const {
  const uint32_t* first = keys_.data() + begin;
  const uint32_t* last = keys_.data() + end;
  while (first != last && *first < key) ++first;
  const uint32_t* stop = first;
  while (stop != last && *stop == key) ++stop;
  return {values_.data() + (first - keys_.data()), static_cast<size_t>(stop - first)};
}

}  // namespace paxscreen::index
