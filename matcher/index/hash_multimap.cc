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
  const uint32_t key = KeyOf(hash);
  const uint32_t* first = keys_.data() + dir_[b];
  const uint32_t* last = keys_.data() + dir_[b + 1];
  while (first != last && *first < key) ++first;
  const uint32_t* end = first;
  while (end != last && *end == key) ++end;
  return {values_.data() + (first - keys_.data()), static_cast<size_t>(end - first)};
}

}  // namespace paxscreen::index
