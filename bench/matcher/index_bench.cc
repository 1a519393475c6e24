// Benchmarks of matcher/index.
//
// Document screening at SLTD scale: PAXSCREEN_DOC_BENCH_N synthetic document numbers
// (default 100 M; 9 characters, letters and digits like ICAO passport numbers) are indexed
// once; the run prints build time, index bytes and peak RSS, then measures exact and
// one-substitution lookups. Baseline in the same run: absl::flat_hash_map<std::string,
// uint32_t> over the first 10 M numbers (exact lookups only; it cannot do substitutions),
// whose memory per number is printed beside ours.
//
//   build/release/bench/matcher/index_bench --benchmark_filter=Document
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "matcher/index/document_index.h"

namespace paxscreen::index {
namespace {

size_t DocCount() {
  const char* n = std::getenv("PAXSCREEN_DOC_BENCH_N");
  return n != nullptr ? std::strtoull(n, nullptr, 10) : 100'000'000ull;
}

// Deterministic i-th synthetic number: 2 letters + 7 digits mixed by a bijective hash.
std::string SyntheticNumber(uint64_t i) {
  uint64_t x = i * 0x9E3779B97F4A7C15ull;
  x ^= x >> 29;
  std::string s(9, '0');
  s[0] = static_cast<char>('A' + x % 26);
  s[1] = static_cast<char>('A' + (x / 26) % 26);
  uint64_t d = i;  // the digits carry i itself, so numbers are unique below 10^7 * 676
  for (int k = 8; k >= 2; --k) {
    s[k] = static_cast<char>('0' + d % 10);
    d /= 10;
  }
  s[0] = static_cast<char>('A' + (s[0] - 'A' + d) % 26);
  s[1] = static_cast<char>('A' + (s[1] - 'A' + d / 26) % 26);
  return s;
}

long PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

const DocumentIndex& Index() {
  static DocumentIndex* idx = [] {
    const size_t n = DocCount();
    auto t0 = std::chrono::steady_clock::now();
    DocumentIndex::Builder b;
    b.Reserve(n);
    for (size_t i = 0; i < n; ++i) b.Add(SyntheticNumber(i), "GBR", static_cast<uint32_t>(i));
    auto* built = new DocumentIndex(std::move(b).Build(2));
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr,
                 "document index: %zu numbers, build %.1f s, index %.2f GB (%.1f bytes/number), "
                 "peak RSS %ld MB\n",
                 n, secs, built->MemoryBytes() / 1e9,
                 static_cast<double>(built->MemoryBytes()) / n, PeakRssMb());
    return built;
  }();
  return *idx;
}

std::vector<std::string> Queries(bool mutate) {
  std::mt19937_64 rng(7);
  std::vector<std::string> q;
  const size_t n = DocCount();
  for (int i = 0; i < 4096; ++i) {
    std::string s = SyntheticNumber(rng() % n);
    if (mutate) s[rng() % s.size()] = static_cast<char>('0' + rng() % 10);
    q.push_back(std::move(s));
  }
  return q;
}

void BM_DocumentExact(benchmark::State& state) {
  const DocumentIndex& idx = Index();
  auto queries = Queries(false);
  std::vector<DocumentIndex::Hit> hits;
  size_t i = 0, found = 0;
  for (auto _ : state) {
    hits.clear();
    idx.Lookup(queries[i++ % queries.size()], false, &hits);
    found += !hits.empty();
  }
  if (found != static_cast<size_t>(state.iterations())) state.SkipWithError("missed an exact hit");
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DocumentExact);

void BM_DocumentOneSubstitution(benchmark::State& state) {
  const DocumentIndex& idx = Index();
  auto queries = Queries(true);
  std::vector<DocumentIndex::Hit> hits;
  size_t i = 0, found = 0;
  for (auto _ : state) {
    hits.clear();
    idx.Lookup(queries[i++ % queries.size()], true, &hits);
    found += !hits.empty();
  }
  // Every mutated query is within one substitution of the number it came from.
  if (found != static_cast<size_t>(state.iterations())) state.SkipWithError("missed a neighbour");
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DocumentOneSubstitution);

void BM_BaselineHashMapExact(benchmark::State& state) {
  static auto* map = [] {
    const size_t n = std::min<size_t>(DocCount(), 10'000'000);
    long before = PeakRssMb();
    auto* m = new absl::flat_hash_map<std::string, uint32_t>();
    m->reserve(n);
    for (size_t i = 0; i < n; ++i) m->emplace(SyntheticNumber(i), static_cast<uint32_t>(i));
    std::fprintf(stderr,
                 "baseline flat_hash_map<string>: %zu numbers, peak RSS grew by %ld MB "
                 "(~%.0f bytes/number; paxscreen: %.1f)\n",
                 n, PeakRssMb() - before, (PeakRssMb() - before) * 1048576.0 / n,
                 static_cast<double>(Index().MemoryBytes()) / Index().size());
    return m;
  }();
  std::vector<std::string> queries;
  std::mt19937_64 rng(7);
  for (int i = 0; i < 4096; ++i) queries.push_back(SyntheticNumber(rng() % map->size()));
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(map->find(queries[i++ % queries.size()]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BaselineHashMapExact);

}  // namespace
}  // namespace paxscreen::index
