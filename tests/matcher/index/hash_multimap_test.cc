#include "matcher/index/hash_multimap.h"

#include <algorithm>
#include <map>
#include <random>
#include <span>
#include <vector>

#include <catch2/catch.hpp>

namespace paxscreen::index {
namespace {

TEST_CASE("hash multimap finds every value of every key, and nothing for other keys") {
  for (size_t n : {0u, 1u, 7u, 1000u, 200000u}) {
    INFO("pairs " << n);
    std::mt19937_64 rng(n + 1);
    std::vector<std::pair<uint64_t, uint32_t>> pairs;
    std::map<uint64_t, std::vector<uint32_t>> expected;
    for (size_t i = 0; i < n; ++i) {
      // Some keys carry several values, and some pairs repeat (dropped as duplicates).
      const uint64_t key = (i % 5 == 0 && i > 0) ? pairs[i - 1].first : rng();
      const uint32_t value = static_cast<uint32_t>(rng() % 1000);
      pairs.emplace_back(key, value);
      expected[key].push_back(value);
      if (i % 11 == 0) pairs.emplace_back(key, value);
    }
    const HashMultimap m = HashMultimap::Build(pairs);
    for (auto& [key, values] : expected) {
      std::sort(values.begin(), values.end());
      values.erase(std::unique(values.begin(), values.end()), values.end());
      auto found = m.Find(key);
      REQUIRE(std::vector<uint32_t>(found.begin(), found.end()) == values);
    }
    // The batched lookup agrees with Find() on present and absent keys, in blocks of any size.
    std::vector<uint64_t> probe;
    for (const auto& [key, values] : expected) {
      probe.push_back(key);
      if (probe.size() % 3 == 0) probe.push_back(rng());
    }
    for (size_t count : {probe.size(), std::min<size_t>(probe.size(), 17)}) {
      std::vector<std::span<const uint32_t>> batch(count);
      m.FindBatch(std::span<const uint64_t>(probe.data(), count), batch.data());
      for (size_t i = 0; i < count; ++i) {
        auto one = m.Find(probe[i]);
        REQUIRE(std::vector<uint32_t>(batch[i].begin(), batch[i].end()) ==
                std::vector<uint32_t>(one.begin(), one.end()));
      }
    }
    int strays = 0;
    for (int i = 0; i < 100000; ++i) {
      const uint64_t other = rng();
      if (!expected.count(other)) strays += static_cast<int>(m.Find(other).size());
    }
    CHECK(strays == 0);  // 33+ hash bits kept: a stray match is a ~2^-33 event per lookup
    CHECK(m.MemoryBytes() <= 8 * n + 4 * (n + 4) + 64);
  }
}

}  // namespace
}  // namespace paxscreen::index
