// An immutable multimap from 64-bit hashes to 32-bit values, stored as two flat arrays sorted
// by hash plus a bucket directory over the hash's top `bits` bits. The directory already tells
// those bits, so each pair keeps only the 32 hash bits that follow them: 8 bytes a pair plus
// about two bytes for the directory, lookups in one or two cache misses. Two hashes that agree
// on their top bits + 32 bits (>= 33; ~56 at 10^7 pairs) are the same key to the map: callers
// either verify what they find (the token index checks the token or its edit distance) or
// accept that chance (phonetic keys: ~n / 2^(bits + 32) false keys per lookup).
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

  // The values stored under `hash` (see above for what "under" means), in ascending order.
  std::span<const uint32_t> Find(uint64_t hash) const;
  // out[i] = Find(hashes[i]) for every i (`out` holds hashes.size() spans). The lookups
  // overlap (directory entries and key runs are prefetched several hashes ahead), so a query's
  // ~50 deletion keys cost a few memory round trips instead of two each.
  void FindBatch(std::span<const uint64_t> hashes, std::span<const uint32_t>* out) const;

  size_t size() const { return keys_.size(); }
  size_t MemoryBytes() const {
    return keys_.capacity() * 4 + values_.capacity() * 4 + dir_.capacity() * 4;
  }

 private:
  // The 32 hash bits after the directory's.
  uint32_t KeyOf(uint64_t hash) const { return static_cast<uint32_t>(hash >> (32 - bits_)); }
  // The values of `key` among positions [begin, end) of one bucket.
  std::span<const uint32_t> Scan(uint32_t key, uint32_t begin, uint32_t end) const;

  int bits_ = 1;                 // 1..30
  std::vector<uint32_t> keys_;   // KeyOf(hash), ascending within each bucket
  std::vector<uint32_t> values_;
  std::vector<uint32_t> dir_;  // dir_[b]: first position whose hash >> (64 - bits_) >= b
};

}  // namespace paxscreen::index
