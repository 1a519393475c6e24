// An immutable multimap from 64-bit hashes to 32-bit values, stored as two flat arrays sorted
// by hash plus a bucket directory over the hash's top bits: 12 bytes a pair plus about one
// byte for the directory, lookups in one or two cache misses.
//
//   HashMultimap m = HashMultimap::Build({{XXH3_64bits("ab", 2), 7}, ...});
//   for (uint32_t v : m.Find(h)) ...
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace paxscreen::index {

// Thread-safety: immutable after Build(); any number of concurrent readers.
class HashMultimap {
 public:
  HashMultimap() = default;

  // Sorts `pairs` (hash, value), drops exact duplicates and builds the directory.
  static HashMultimap Build(std::vector<std::pair<uint64_t, uint32_t>> pairs);

  // The values stored under `hash`, in ascending order.
  std::span<const uint32_t> Find(uint64_t hash) const;

  size_t size() const { return hashes_.size(); }
  size_t MemoryBytes() const {
    return hashes_.capacity() * 8 + values_.capacity() * 4 + dir_.capacity() * 4;
  }

 private:
  int bits_ = 1;
  std::vector<uint64_t> hashes_;
  std::vector<uint32_t> values_;
  std::vector<uint32_t> dir_;  // dir_[b]: first position whose hash >> (64 - bits_) >= b
};

}  // namespace paxscreen::index
