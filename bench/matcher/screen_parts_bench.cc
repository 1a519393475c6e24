// The 10 M-name scale target measured on a machine too small to hold 10 M names at once: the
// synthetic list of screen_bench (synthetic_watchlist.h) is split into P parts by entry range,
// and each part is built and screened as a one-shard Screener of its own, one after another, so
// the largest index resident at a time is 1/P of the list.
//
//   PAXSCREEN_PARTS_BENCH_N=10000000 PAXSCREEN_PARTS_BENCH_PARTS=4 \
//       build/release/bench/matcher/screen_parts_bench
//
// What adds up and what does not. A Screener's shards are independent: a query prepares its
// keys once and visits every shard with them, and each shard is built from its own entries. So
// the parts' build times, MemoryBytes and screening CPU add up to those of one Screener of P
// shards holding the whole list, with one difference: each part prepares the query again
// (normalize, phonetic keys, deletion keys). The bench measures that preparation alone (the
// same travellers against an empty list) and prints the rate both as measured and with the P-1
// extra preparations taken out. RSS is that of one part (the peak of the process); the whole
// list would need about P times the growth. Not measured here: recall against the exhaustive
// oracle (screen_bench measures it up to 1 M and 3 M); the hit counts are printed. The
// list-wide token counts behind score::ScoreOptions::common_name_penalty see only the part, so
// that penalty applies less often than on the whole list.
// Environment: PAXSCREEN_PARTS_BENCH_N (names, default 10,000,000), PAXSCREEN_PARTS_BENCH_PARTS
// (default 4), PAXSCREEN_SCREEN_BENCH_QUERIES (travellers, default 2,000). The rate with one
// preparation is appended to the throughput chart's CSV, as screen_bench does.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "bench/matcher/process_memory.h"
#include "bench/matcher/throughput_csv.h"
#include "bench/matcher/synthetic_watchlist.h"
#include "matcher/base/cpu_time.h"
#include "matcher/screen/screener.h"

namespace paxscreen::screen {
namespace {

uint64_t EnvOr(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && std::atoll(v) > 0 ? static_cast<uint64_t>(std::atoll(v)) : fallback;
}

using bench::PeakRssMb;
using bench::RssMb;

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * v.size()))];
}

// Thread CPU seconds of screening each query against `screener`, added to `cpu`.
void ScreenAll(const Screener& screener, const std::vector<Query>& queries,
               std::vector<double>* cpu, ScreenStats* stats, size_t* hits) {
  for (size_t q = 0; q < queries.size(); ++q) {
    const double c0 = ThreadCpuSeconds();
    std::vector<Match> found = screener.Screen(queries[q].record, nullptr, stats);
    (*cpu)[q] += ThreadCpuSeconds() - c0;
    *hits += found.size();
  }
}

void BM_ScreenParts(benchmark::State& state) {
  const uint64_t names_requested = EnvOr("PAXSCREEN_PARTS_BENCH_N", 10'000'000);
  const uint64_t parts = std::max<uint64_t>(1, EnvOr("PAXSCREEN_PARTS_BENCH_PARTS", 4));
  const int query_count = static_cast<int>(EnvOr("PAXSCREEN_SCREEN_BENCH_QUERIES", 2000));
  const uint64_t entries = (names_requested * 10 + 5) / 11;  // 1.1 names per entry on average
  for (auto _ : state) {
    // The first query_count travellers are screened; the next as many only warm up (the same
    // travellers twice would find their strings in the screener's per-thread caches).
    std::vector<Query> queries = MakeQueries(entries, 2 * query_count);
    const std::vector<Query> warmup(queries.begin() + query_count, queries.end());
    queries.resize(query_count);
    ScreenOptions options;
    options.shards = 1;

    // The query's own preparation, against an empty list (the warm-up pass is not timed).
    std::vector<double> prep_cpu(queries.size(), 0.0);
    {
      Screener empty(options);
      ScreenStats ignored;
      size_t none = 0;
      std::vector<double> warm(warmup.size(), 0.0);
      ScreenAll(empty, warmup, &warm, &ignored, &none);
      ScreenAll(empty, queries, &prep_cpu, &ignored, &none);
    }

    std::vector<double> cpu(queries.size(), 0.0);
    ScreenStats stats;
    size_t hits = 0, names = 0, loaded_entries = 0;
    double build_wall = 0, build_cpu = 0, max_growth_mb = 0;
    MemoryParts memory;
    for (uint64_t p = 0; p < parts; ++p) {
      const uint64_t begin = entries * p / parts, end = entries * (p + 1) / parts;
      std::vector<model::WatchlistEntry> list;
      list.reserve(end - begin);
      for (uint64_t e = begin; e < end; ++e) list.push_back(MakeEntry(e).entry);
      malloc_trim(0);
      const double rss0 = RssMb();
      auto screener = std::make_unique<Screener>(options);
      const double cpu0 = ProcessCpuSeconds();
      const auto t0 = std::chrono::steady_clock::now();
      screener->Load(std::move(list));
      const double wall =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      build_wall += wall;
      build_cpu += ProcessCpuSeconds() - cpu0;
      malloc_trim(0);
      max_growth_mb = std::max(max_growth_mb, RssMb() - rss0);
      memory += screener->Memory();
      names += screener->name_count();
      loaded_entries += screener->entry_count();
      ScreenAll(*screener, queries, &cpu, &stats, &hits);
      std::fprintf(stderr,
                   "[screen_parts_bench] part %llu/%llu: %zu names, Load %.1f s wall; RSS growth "
                   "%.0f MB; peak RSS so far %.0f MB\n",
                   static_cast<unsigned long long>(p + 1), static_cast<unsigned long long>(parts),
                   screener->name_count(), wall, RssMb() - rss0, PeakRssMb());
      screener.reset();
      malloc_trim(0);
    }

    double total_cpu = 0, total_prep = 0;
    std::vector<double> corrected(queries.size());
    for (size_t q = 0; q < queries.size(); ++q) {
      total_cpu += cpu[q];
      total_prep += prep_cpu[q];
      corrected[q] = std::max(0.0, cpu[q] - (parts - 1) * prep_cpu[q]);
    }
    const double n = static_cast<double>(queries.size());
    const double rate = n / total_cpu;
    const double rate_corrected = n / (total_cpu - (parts - 1) * total_prep);
    auto& c = state.counters;
    c["names"] = static_cast<double>(names);
    c["build_s"] = build_wall;
    c["index_B_per_name"] = static_cast<double>(memory.total()) / names;
    c["records_per_cpu_s"] = rate;
    c["records_per_cpu_s_one_prep"] = rate_corrected;

    std::printf(
        "\n======== screen_parts_bench: %zu names (%zu entries) in %llu parts of one shard, %zu "
        "travellers ========\n",
        names, loaded_entries, static_cast<unsigned long long>(parts), queries.size());
    std::printf("  build (Screener::Load, parts one after another): %.1f s wall, %.1f s CPU\n",
                build_wall, build_cpu);
    std::printf("  memory: Screener::MemoryBytes %.0f B/name (prepared names %.0f, token index "
                "%.0f, documents %.0f, other %.0f); RSS growth of the largest part %.0f MB "
                "(~%.0f B/name); peak RSS %.0f MB\n",
                static_cast<double>(memory.total()) / names,
                static_cast<double>(memory.prepared_names) / names,
                static_cast<double>(memory.token_index) / names,
                static_cast<double>(memory.documents) / names,
                static_cast<double>(memory.other) / names, max_growth_mb,
                max_growth_mb * 1048576.0 * parts / names, PeakRssMb());
    std::printf("  screening, 1 thread: %.0f records per CPU-second as measured (p50 %.0f us, "
                "p99 %.0f us CPU per record over all parts)\n",
                rate, Percentile(cpu, 0.5) * 1e6, Percentile(cpu, 0.99) * 1e6);
    std::printf("  query preparation alone (empty list): %.0f us per record; without the %llu "
                "extra preparations: %.0f records per CPU-second (p50 %.0f us, p99 %.0f us)\n",
                total_prep / n * 1e6, static_cast<unsigned long long>(parts - 1),
                rate_corrected, Percentile(corrected, 0.5) * 1e6,
                Percentile(corrected, 0.99) * 1e6);
    std::printf("  per record: %.1f candidates, %.1f name comparisons, %.0f list tokens reached, "
                "%.0f postings read; %zu hits in all\n",
                stats.candidates / n, stats.names_compared / n, stats.tokens_matched / n,
                stats.postings_scanned / n, hits);
    bench::AppendThroughput("screen_parts_bench", names, rate_corrected);
    std::printf("  target >= 10,000 records/s per core: %s; index <= 200 B/name: %s\n",
                rate_corrected >= 10000 ? "MET" : "MISSED",
                static_cast<double>(memory.total()) / names <= 200 ? "MET" : "MISSED");
  }
}

BENCHMARK(BM_ScreenParts)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace
}  // namespace paxscreen::screen
