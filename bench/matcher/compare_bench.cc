// Name comparison throughput: prepared query against prepared candidates (what the index does
// after candidate generation), and the cost of preparing (normalize + phonetic keys).
#include <chrono>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "matcher/compare/compare.h"
#include "matcher/compare/reject_matrix.h"
#include "matcher/distance/dispatch.h"

namespace paxscreen::compare {
namespace {

const std::vector<std::string>& Names() {
  static const auto* names = new std::vector<std::string>{
      "MUHAMMAD YUSUF AL-QAHTANI", "MOHAMMED YOUSSEF ALQAHTANI", "JOHN PAUL SMITH",
      "JANE SMALL",                "ABDUL RAHMAN HASSAN",        "ABDULRAHMAN HASAN",
      "ALEKSANDR PETROV",          "OLEKSANDR PETROV",           "SMITH<<JOHN<PAUL",
      "IMRAN KHAN",                "AHMED KHAN",                 "DR FATIMA ZAHRA MALIK",
      "VAN DER BERG, LUDWIG",      "Jürgen Müller",              "KIM JONG SU",
      "HASSAN AHMED ALI SALEH"};
  return *names;
}

std::vector<PreparedName> PrepareAll() {
  std::vector<PreparedName> out;
  for (const auto& n : Names()) out.push_back(PrepareName(*normalize::NormalizeName(n)));
  return out;
}

// One comparison = ComparePrepared of two prepared names; items/s is comparisons per second.
void BM_ComparePrepared(benchmark::State& state) {
  const std::vector<PreparedName> names = PrepareAll();
  const CompareOptions options;
  size_t i = 0;
  size_t matches = 0;
  for (auto _ : state) {
    const PreparedName& a = names[i % names.size()];
    // Half the pairs are variants of one name (neighbours in the list), half unrelated.
    const PreparedName& b = names[(i & 1) ? (i ^ 1) % names.size() : (i * 7 + 3) % names.size()];
    NameComparison c = ComparePrepared(a, b, options);
    matches += c.match;
    benchmark::DoNotOptimize(c.score);
    ++i;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["match_rate"] = static_cast<double>(matches) / static_cast<double>(i);
}
BENCHMARK(BM_ComparePrepared);

// The same pairs scored by ComparePreparedScore (no evidence built), as screening scores its
// candidates; the score must equal ComparePrepared's (checked here on every pair).
void BM_ComparePreparedScore(benchmark::State& state) {
  const std::vector<PreparedName> names = PrepareAll();
  const CompareOptions options;
  size_t i = 0;
  for (auto _ : state) {
    const PreparedName& a = names[i % names.size()];
    const PreparedName& b = names[(i & 1) ? (i ^ 1) % names.size() : (i * 7 + 3) % names.size()];
    benchmark::DoNotOptimize(ComparePreparedScore(a, b, options));
    ++i;
  }
  for (size_t k = 0; k < 2 * names.size(); ++k) {
    const PreparedName& a = names[k % names.size()];
    const PreparedName& b = names[(k & 1) ? (k ^ 1) % names.size() : (k * 7 + 3) % names.size()];
    if (ComparePreparedScore(a, b, options) != ComparePrepared(a, b, options).score) {
      state.SkipWithError("ComparePreparedScore differs from ComparePrepared");
      break;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ComparePreparedScore);

// The same pairs with screening's floor (ScreenOptions::name_floor 0.70): pairs whose bound stays
// below it end before any distance. Every score at or above the floor must be unchanged.
void BM_ComparePreparedScoreFloor(benchmark::State& state) {
  const std::vector<PreparedName> names = PrepareAll();
  const CompareOptions options;
  constexpr double kFloor = 0.70;
  size_t i = 0;
  for (auto _ : state) {
    const PreparedName& a = names[i % names.size()];
    const PreparedName& b = names[(i & 1) ? (i ^ 1) % names.size() : (i * 7 + 3) % names.size()];
    benchmark::DoNotOptimize(ComparePreparedScore(a, b, options, kFloor));
    ++i;
  }
  for (size_t k = 0; k < 2 * names.size(); ++k) {
    const PreparedName& a = names[k % names.size()];
    const PreparedName& b = names[(k & 1) ? (k ^ 1) % names.size() : (k * 7 + 3) % names.size()];
    const double exact = ComparePreparedScore(a, b, options);
    const double floored = ComparePreparedScore(a, b, options, kFloor);
    if (exact >= kFloor ? floored != exact : floored >= kFloor) {
      state.SkipWithError("a floored score differs where it must not");
      break;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ComparePreparedScoreFloor);

// Preparing one name: normalization, transliteration, spans and their phonetic keys.
void BM_NormalizeAndPrepare(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    auto n = normalize::NormalizeName(Names()[i++ % Names().size()]);
    PreparedName p = PrepareName(*n);
    benchmark::DoNotOptimize(p.units.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_NormalizeAndPrepare);

// The reject matrix (reject_matrix.h), every prepared name against every other with screening's
// limits, by the scalar reference and by the AVX2 kernel in the same run: ns per unit pair of
// each and the kernel's speed-up over the reference (both must give the same bits).
void BM_RejectMatrix(benchmark::State& state) {
  const std::vector<PreparedName> names = PrepareAll();
  const internal::RejectLimits limits =
      internal::RejectLimits::For(internal::MissingLimits::For(ScreeningCompareOptions()));
  if (!distance::CpuSupports(distance::Isa::kAvx2)) {
    state.SkipWithError("no AVX2 on this CPU: nothing to compare the reference with");
    return;
  }
  std::vector<uint64_t> rows(64), check(64);
  size_t pairs_per_round = 0;
  for (const PreparedName& a : names) {
    for (const PreparedName& b : names) pairs_per_round += a.units.size() * b.units.size();
  }
  auto round = [&](internal::RejectMatrixFn kernel) {
    for (const PreparedName& a : names) {
      for (const PreparedName& b : names) {
        kernel(a.summaries.data(), a.summaries.size(), b.summaries.data(), b.summaries.size(),
               b.tokens.size(), limits, rows.data());
        benchmark::DoNotOptimize(rows.data());
      }
    }
  };
  double scalar_s = 0, avx2_s = 0;
  size_t rounds = 0;
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    round(&internal::RejectMatrixScalar);
    auto t1 = std::chrono::steady_clock::now();
    round(&internal::RejectMatrixAvx2);
    auto t2 = std::chrono::steady_clock::now();
    scalar_s += std::chrono::duration<double>(t1 - t0).count();
    avx2_s += std::chrono::duration<double>(t2 - t1).count();
    ++rounds;
  }
  for (const PreparedName& a : names) {
    for (const PreparedName& b : names) {
      internal::RejectMatrixScalar(a.summaries.data(), a.summaries.size(), b.summaries.data(),
                                   b.summaries.size(), b.tokens.size(), limits, rows.data());
      internal::RejectMatrixAvx2(a.summaries.data(), a.summaries.size(), b.summaries.data(),
                                 b.summaries.size(), b.tokens.size(), limits, check.data());
      if (rows != check) {
        state.SkipWithError("the AVX2 kernel differs from the reference");
        return;
      }
    }
  }
  const double pairs = static_cast<double>(pairs_per_round * rounds);
  state.SetItemsProcessed(static_cast<int64_t>(pairs_per_round * rounds));
  state.counters["scalar_ns_per_pair"] = 1e9 * scalar_s / pairs;
  state.counters["avx2_ns_per_pair"] = 1e9 * avx2_s / pairs;
  state.counters["avx2_speedup"] = scalar_s / avx2_s;
}
BENCHMARK(BM_RejectMatrix);

}  // namespace
}  // namespace paxscreen::compare
