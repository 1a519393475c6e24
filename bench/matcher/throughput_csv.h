// The rows the scale benchmarks add to the throughput chart's CSV (bench/plots/plot.py):
// build/bench/throughput.csv, or $PAXSCREEN_BENCH_OUT/throughput.csv; the last row for a size
// wins there.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "matcher/base/env.h"

namespace paxscreen::bench {

// Appends "paxscreen,<names>,<records per CPU-second>"; `program` names the caller in messages.
inline void AppendThroughput(const char* program, size_t names, double records_per_cpu_s) {
  const char* env = std::getenv("PAXSCREEN_BENCH_OUT");
  const std::string dir = env != nullptr ? env : SourceDir() + "/build/bench";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::string path = dir + "/throughput.csv";
  const bool fresh = !std::filesystem::exists(path, ec);
  std::ofstream out(path, std::ios::app);
  if (!out) {
    std::fprintf(stderr, "%s: cannot append to %s\n", program, path.c_str());
    return;
  }
  if (fresh) out << "system,watchlist_names,records_per_second\n";
  out << "paxscreen," << names << "," << static_cast<long long>(records_per_cpu_s + 0.5) << "\n";
  std::fprintf(stderr, "%s: appended N=%zu to %s\n", program, names, path.c_str());
}

}  // namespace paxscreen::bench
