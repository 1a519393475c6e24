// Benchmarks of matcher/distance: comparisons per second (items_per_second) of one query
// against 1 M name-like candidates of 4-16 bytes, per instruction set, for Levenshtein and OSA
// at cutoffs 1 and 2 and Jaro-Winkler at cutoff 0.85; plus the scalar references as baseline.
//
//   build/distance/bench/matcher/distance_bench --benchmark_filter='Osa/avx512'
//   PAXSCREEN_BENCH_DUMP=strings.txt distance_bench   # also writes query + candidates (peer)
//
// Two candidate sets: "mixed" (uniform lengths 4-16: the length filter of the cutoff skips most
// blocks, as it would in real screening) and "samelen" (every candidate has the query's length,
// so every lane runs the full kernel: the raw kernel rate). Before timing, each ISA's hits are
// compared with the scalar kernel's and with the references on a sample; a mismatch aborts the
// benchmark with an error instead of a number.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "matcher/distance/batch.h"
#include "matcher/distance/reference.h"

namespace paxscreen::distance {
namespace {

constexpr size_t kCandidates = 1'000'000;
constexpr double kJwCutoff = 0.85;

// Name-like token of `len` bytes from consonant/vowel syllables (deterministic in rng).
std::string NameToken(std::mt19937_64& rng, size_t len) {
  static const char* kOnset[] = {"M", "AH", "K", "S", "R", "N", "L", "B", "D", "H", "Y", "T",
                                 "SH", "KH", "GH", "F", "Z", "J", "W", "CH", "TH", "P", "V", "G"};
  static const char* kVowel[] = {"A", "E", "I", "O", "U", "OU", "EE", "AI", "A", "I", "U", "A"};
  std::string s;
  while (s.size() < len) {
    s += kOnset[rng() % (sizeof(kOnset) / sizeof(kOnset[0]))];
    s += kVowel[rng() % (sizeof(kVowel) / sizeof(kVowel[0]))];
    if (rng() % 3 == 0) s += kOnset[rng() % 8];
  }
  s.resize(len);
  return s;
}

struct Dataset {
  std::string query;
  std::vector<std::string> candidates;
  CandidateBatch batch;
};

Dataset MakeDataset(bool same_length) {
  std::mt19937_64 rng(same_length ? 99 : 42);
  const std::string query = "MUHAMADOU";  // 9 bytes, middle of the 4-16 range
  std::vector<std::string> cands;
  cands.reserve(kCandidates);
  for (size_t i = 0; i < kCandidates; ++i) {
    const size_t len = same_length ? query.size() : 4 + rng() % 13;
    std::string s = NameToken(rng, len);
    if (i % 1000 == 0) {  // a sprinkling of true near matches, as screening sees them
      s = query;
      s[rng() % s.size()] = "AEIOUKH"[rng() % 7];
    }
    cands.push_back(std::move(s));
  }
  CandidateBatch batch(cands);
  return Dataset{query, std::move(cands), std::move(batch)};
}

const Dataset& Data(bool same_length) {
  static const Dataset* mixed = nullptr;
  static const Dataset* same = nullptr;
  const Dataset*& d = same_length ? same : mixed;
  if (d == nullptr) {
    d = new Dataset(MakeDataset(same_length));
    const char* dump = std::getenv("PAXSCREEN_BENCH_DUMP");
    if (dump != nullptr && !same_length) {
      // Query on the first line, then one candidate per line (names contain no newline).
      if (FILE* f = std::fopen(dump, "w")) {
        std::fprintf(f, "%s\n", d->query.c_str());
        for (const std::string& c : d->candidates) std::fprintf(f, "%s\n", c.c_str());
        std::fclose(f);
      }
    }
  }
  return *d;
}

enum class Metric { kLevenshtein, kOsa, kJaroWinkler };

size_t CountHits(const std::vector<uint64_t>& mask) {
  size_t n = 0;
  for (uint64_t w : mask) n += static_cast<size_t>(__builtin_popcountll(w));
  return n;
}

// Runs one batch call; returns the hit count.
size_t RunOnce(const DistanceEngine& e, Metric metric, const Dataset& d, int k, EditResult* er,
               SimilarityResult* sr) {
  const QueryPattern q(d.query);
  absl::Status s;
  switch (metric) {
    case Metric::kLevenshtein: s = e.Levenshtein(q, d.batch, k, er); break;
    case Metric::kOsa: s = e.Osa(q, d.batch, k, er); break;
    case Metric::kJaroWinkler: s = e.JaroWinkler(q, d.batch, kJwCutoff, sr); break;
  }
  if (!s.ok()) return ~size_t{0};
  return CountHits(metric == Metric::kJaroWinkler ? sr->hit_mask : er->hit_mask);
}

// Checks `e` against the scalar kernel on the whole set and the references on a sample.
bool Agrees(const DistanceEngine& e, Metric metric, const Dataset& d, int k) {
  absl::StatusOr<DistanceEngine> scalar = DistanceEngine::ForIsa(Isa::kScalar);
  EditResult a, b;
  SimilarityResult sa, sb;
  if (RunOnce(e, metric, d, k, &a, &sa) != RunOnce(*scalar, metric, d, k, &b, &sb)) return false;
  for (size_t i = 0; i < d.candidates.size(); i += 997) {
    const std::string& c = d.candidates[i];
    if (metric == Metric::kJaroWinkler) {
      const double r = JaroWinklerReference(d.query, c);
      if (sa.hit(i) != (r >= kJwCutoff) || (sa.hit(i) && sa.similarity[i] != r)) return false;
    } else {
      const int r = metric == Metric::kOsa ? OsaReference(d.query, c) : LevenshteinReference(d.query, c);
      if (a.distance[i] != std::min(r, k + 1)) return false;
    }
  }
  return true;
}

void BM_Kernel(benchmark::State& state, Isa isa, Metric metric, bool same_length, int k) {
  const Dataset& d = Data(same_length);
  absl::StatusOr<DistanceEngine> e = DistanceEngine::ForIsa(isa);
  if (!e.ok()) {
    state.SkipWithError("instruction set not supported by this CPU");
    return;
  }
  if (!Agrees(*e, metric, d, k)) {
    state.SkipWithError("results disagree with the scalar kernel or the reference");
    return;
  }
  EditResult er;
  SimilarityResult sr;
  size_t hits = 0;
  for (auto _ : state) {
    hits = RunOnce(*e, metric, d, k, &er, &sr);
    benchmark::DoNotOptimize(hits);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * d.candidates.size()));
  state.counters["hits"] = static_cast<double>(hits);
}

// The textbook references on the first 100 k candidates (they are slow).
void BM_Reference(benchmark::State& state, Metric metric, bool same_length) {
  const Dataset& d = Data(same_length);
  const size_t n = 100'000;
  for (auto _ : state) {
    double acc = 0;
    for (size_t i = 0; i < n; ++i) {
      const std::string& c = d.candidates[i];
      switch (metric) {
        case Metric::kLevenshtein: acc += LevenshteinReference(d.query, c); break;
        case Metric::kOsa: acc += OsaReference(d.query, c); break;
        case Metric::kJaroWinkler: acc += JaroWinklerReference(d.query, c); break;
      }
    }
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}

int RegisterAll() {
  const struct { Metric m; const char* name; } kMetrics[] = {
      {Metric::kLevenshtein, "Levenshtein"}, {Metric::kOsa, "Osa"}, {Metric::kJaroWinkler, "JaroWinkler"}};
  for (bool same : {false, true}) {
    const std::string set = same ? "samelen" : "mixed";
    for (const auto& metric : kMetrics) {
      for (Isa isa : {Isa::kScalar, Isa::kSse4, Isa::kAvx2, Isa::kAvx512}) {
        if (!CpuSupports(isa)) continue;  // not registered: the CPU lacks it
        const std::string isa_name(IsaName(isa));
        if (metric.m == Metric::kJaroWinkler) {
          benchmark::RegisterBenchmark(
              (std::string(metric.name) + "/" + isa_name + "/" + set + "/cutoff:0.85").c_str(),
              BM_Kernel, isa, metric.m, same, 0)->Unit(benchmark::kMillisecond);
          continue;
        }
        for (int k : {1, 2}) {
          benchmark::RegisterBenchmark(
              (std::string(metric.name) + "/" + isa_name + "/" + set + "/cutoff:" + std::to_string(k)).c_str(),
              BM_Kernel, isa, metric.m, same, k)->Unit(benchmark::kMillisecond);
        }
      }
      benchmark::RegisterBenchmark(
          (std::string(metric.name) + "/reference/" + set).c_str(), BM_Reference, metric.m, same)
          ->Unit(benchmark::kMillisecond);
    }
  }
  return 0;
}

const int kRegistered = RegisterAll();

}  // namespace
}  // namespace paxscreen::distance
