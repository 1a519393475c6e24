// Throughput of the EDIFACT tokenizer and the PAXLST / PNRGOV decoders: bytes/s (MB/s) and
// travellers/s. Inputs: the shared samples replicated to ~4 MB when ../shared/data exists,
// else generated messages of the same shape.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "matcher/base/env.h"
#include "pipeline/edifact/paxlst.h"
#include "pipeline/edifact/pnrgov.h"
#include "pipeline/edifact/tokenizer.h"

namespace {

using paxscreen::edifact::DecodePaxlst;
using paxscreen::edifact::DecodePnrgov;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A PAXLST with `n` travellers, one line per segment.
std::string GeneratedPaxlst(int n) {
  std::string msg =
      "UNA:+.? '\nUNB+UNOA:4+AIR1+DHS+140202:0600+000123++APIS'\nUNH+M1+PAXLST:D:05B:UN:IATA'\n"
      "BGM+745'\nTDT+20+QQ827+++QQ'\nLOC+125+JFK'\nDTM+189:1407102000:201'\nLOC+87+CDG'\n"
      "DTM+232:1407110630:201'\n";
  for (int i = 0; i < n; ++i) {
    absl::StrAppend(&msg, "NAD+FL+++SURNAME", i, ":GIVEN:MIDDLE'\nATT+2++F'\nDTM+329:600606'\n",
                    "LOC+178+JFK'\nLOC+179+CDG'\nNAT+2+ESP'\nRFF+AVF:GJIO3RT'\n",
                    "DOC+P:110:111+X", i, "'\nDTM+36:190916'\nLOC+91+ESP'\n");
  }
  absl::StrAppend(&msg, "CNT+42:", n, "'\nUNT+1+M1'\nUNZ+1+000123'\n");
  return msg;
}

// A PNRGOV with `n` PNRs of two travellers and two flight segments each.
std::string GeneratedPnrgov(int n) {
  std::string msg =
      "UNA:+.?*'\nUNB+IATA:1+DL++101209:2100+020A07'\nUNH+1+PNRGOV:13:1:IA+F6'\nMSG+:22'\n"
      "ORG+DL:ATL+52519950'\nTVL+121210:0915::1230+LHR+JFK+DL+324'\nEQN+1'\n";
  for (int i = 0; i < n; ++i) {
    absl::StrAppend(&msg, "SRC'\nRCI+DL:L", i, "'\nDAT+700:061210:1010'\n");
    for (int t = 1; t <= 2; ++t) {
      absl::StrAppend(&msg, "TIF+SURNAME", i, "+GIVEN", t, "MR:A:", t, "'\nFTI+DL:123456:::ELITE'\n",
                      "REF+:38739393AN8739P'\nSSR+DOCS:HK::DL:::::/P/GBR/N", i, t,
                      "/GBR/12JUL64/M/23AUG19/SURNAME", i, "/GIVEN'\nTKT+0062120234533:T:1'\n");
    }
    msg += "TVL+121210:0915::1230+LHR+JFK+DL+324:B'\nRPI+2+HK'\nAPD+767'\n"
           "TVL+121210:2200::2330+JFK+YVR+DL+330:B'\nRPI+2+HK'\nAPD+767'\n";
  }
  msg += "UNT+1+1'\nUNZ+1+020A07'\n";
  return msg;
}

constexpr size_t kTarget = 4u << 20;

// Replicates one sample interchange until ~4 MB (each copy a separate interchange).
std::string Replicated(const std::string& relative) {
  std::string dir = paxscreen::SharedDataDir();
  if (dir.empty()) return "";
  std::string one = ReadFile(dir + "/messages/" + relative);
  if (one.empty()) return "";
  std::string out;
  while (out.size() < kTarget) out += one + "\n";
  return out;
}

const std::string& PaxlstInput() {
  static const std::string s = [] {
    std::string r = Replicated("paxlst/gtas-loader_Test3.txt");
    return r.empty() ? GeneratedPaxlst(12000) : r;
  }();
  return s;
}

const std::string& PnrgovInput() {
  static const std::string s = [] {
    std::string r = Replicated("pnrgov/gtas-parsers_bigbigPnr.txt");
    return r.empty() ? GeneratedPnrgov(6000) : r;
  }();
  return s;
}

void Report(benchmark::State& state, size_t bytes, size_t travellers) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["travellers/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * travellers), benchmark::Counter::kIsRate);
}

void BM_Tokenizer(benchmark::State& state) {
  const std::string& input = PaxlstInput();
  size_t segments = 0;
  for (auto _ : state) {
    paxscreen::edifact::Tokenizer t(input);
    segments = 0;
    for (paxscreen::edifact::Segment s; t.Next(&s);) ++segments;
    benchmark::DoNotOptimize(segments);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
  state.counters["segments"] = static_cast<double>(segments);
}
BENCHMARK(BM_Tokenizer)->Unit(benchmark::kMillisecond);

void BM_Paxlst(benchmark::State& state, const std::string& input) {
  size_t n = 0;
  for (auto _ : state) {
    auto r = DecodePaxlst(input);
    n = r.ok() ? r->records.size() : 0;
    benchmark::DoNotOptimize(n);
  }
  if (n == 0) state.SkipWithError("PAXLST input did not decode");
  Report(state, input.size(), n);
}
BENCHMARK_CAPTURE(BM_Paxlst, samples_or_generated, PaxlstInput())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Paxlst, generated, GeneratedPaxlst(12000))->Unit(benchmark::kMillisecond);

void BM_Pnrgov(benchmark::State& state, const std::string& input) {
  size_t n = 0;
  for (auto _ : state) {
    auto r = DecodePnrgov(input);
    n = r.ok() ? r->records.size() : 0;
    benchmark::DoNotOptimize(n);
  }
  if (n == 0) state.SkipWithError("PNRGOV input did not decode");
  Report(state, input.size(), n);
}
BENCHMARK_CAPTURE(BM_Pnrgov, samples_or_generated, PnrgovInput())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Pnrgov, generated, GeneratedPnrgov(6000))->Unit(benchmark::kMillisecond);

}  // namespace
