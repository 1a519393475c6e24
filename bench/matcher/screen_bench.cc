// Scale benchmark of matcher/screen (issue 4 targets at 1 M and 10 M names): a synthetic
// watchlist is loaded into a Screener, ~2,000 travellers are screened on one thread, then again
// by an exhaustive oracle that uses no index; a summary marks each target met / missed.
// Environment variables and the latest figures: bench/matcher/README.md.
//
//   build/scale/bench/matcher/screen_bench                                     # 1 M names
//   PAXSCREEN_SCREEN_BENCH_N=1000000,3000000,10000000 build/scale/bench/matcher/screen_bench
//
// Watchlist: tokens are syllable strings named by their rank in a Zipf law (given names:
// 300 k ranks, s = 1.0; surnames: 3 M ranks, s = 0.9), names of 2-4 tokens with particles
// (AL, BIN, VAN ...), 10 % of entries with an alias (a third of them weak), 70 % with a date of
// birth. Entry i is a pure function of (seed, i), so the oracle regenerates entries instead of
// holding a second copy. Travellers: half are list names with one typo or transliteration-like
// edit (harness::ApplyTypo / ApplyTransliteration), half are fresh names drawn from the same
// vocabulary (mostly on no list).
//
// Oracle (exhaustive, no index): every query string IndexTokens() gives is compared with EVERY
// distinct index string of the list (tokens, folded forms and joined spans) by the SIMD batch
// OSA kernel at max distance 2, kept when within TokenIndex::AllowedDistance for the pair; names
// with min(2, name positions, query positions) matched positions are candidates (the rule
// TokenIndex::Candidates documents); each candidate name is prepared and compared with
// compare::ComparePrepared and accepted with the Screener's own rule (weak-alias penalty, name
// floor, best name per entry, score::ScoreMatch >= threshold), reimplemented here from
// screener.cc. Recall = (query, entry) hits both find / hits the oracle finds.
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <ranges>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "matcher/base/cpu_time.h"
#include "matcher/base/env.h"
#include "matcher/distance/batch.h"
#include "matcher/harness/generator.h"
#include "matcher/index/token_index.h"
#include "matcher/normalize/normalize.h"
#include "matcher/screen/screener.h"
#include "matcher/screen/shard.h"
#include "bench/matcher/process_memory.h"
#include "bench/matcher/throughput_csv.h"
#include "bench/matcher/synthetic_watchlist.h"

namespace paxscreen::screen {
namespace {

using Clock = std::chrono::steady_clock;
double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

using bench::PeakRssMb;
using bench::RssMb;
double MemAvailableMb() {
  std::ifstream f("/proc/meminfo");
  std::string key, unit;
  double kb = 0;
  while (f >> key >> kb >> unit) {
    if (key == "MemAvailable:") return kb / 1024.0;
  }
  return 0;
}
std::string LoadAverage() {  // the 1, 5 and 15 minute figures
  std::ifstream f("/proc/loadavg");
  std::string line;
  std::getline(f, line);
  return line.substr(0, line.find(' ', line.find(' ', line.find(' ') + 1) + 1));
}

// The normalization the Screener applies (screener.cc / shard.cc, which keep it internal).
absl::StatusOr<normalize::NormalizedName> NormalizeEntry(const model::EntryName& n) {
  if (!n.surname.empty() || !n.given_names.empty()) {
    return normalize::NormalizeNameParts(n.surname, n.given_names);
  }
  return normalize::NormalizeName(n.full, normalize::NameForm::kFull);
}
absl::StatusOr<normalize::NormalizedName> NormalizePassenger(const model::Passenger& p) {
  if (!p.surname.empty() || !p.given_names.empty()) {
    return normalize::NormalizeNameParts(p.surname, p.given_names);
  }
  return normalize::NormalizeName(p.full_name);
}

// ---------------------------------------------------------------- exhaustive oracle

// Every distinct index string of the list in one SIMD candidate batch, with postings to the
// names that carry it. Not thread-safe (Screen reuses scratch space).
class Oracle {
 public:
  struct Result {
    absl::flat_hash_map<uint64_t, double> hits;  // entry -> score
    double scan_s = 0;                            // exhaustive token scan (thread CPU time)
    double total_s = 0;                           // thread CPU time
  };

  Oracle(const ScreenOptions& options)
      : options_(options),
        allowed_(index::TokenIndex::Build({}, {}, options.tokens)),
        engine_(*distance::DistanceEngine::Default()) {}

  // Prepares every name of entries [0, entries) on `threads` threads, as Shard::Build does.
  void Build(uint64_t entries, int threads) {
    absl::flat_hash_map<std::string, uint32_t>& ids = ids_;
    std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (string, name)
    constexpr uint64_t kChunk = 1 << 15;
    struct Prepared {
      uint32_t entry;
      uint8_t name_no, positions;
      std::vector<std::string> strings;
    };
    for (uint64_t begin = 0; begin < entries; begin += kChunk) {
      const uint64_t end = std::min(entries, begin + kChunk);
      std::vector<std::vector<Prepared>> out(end - begin);  // per entry, merged in entry order
      std::vector<std::thread> pool;
      for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
          for (uint64_t e = begin + t; e < end; e += threads) {
            GeneratedEntry g = MakeEntry(e);
            for (size_t n = 0; n < g.entry.names.size(); ++n) {
              auto normalized = NormalizeEntry(g.entry.names[n]);
              if (!normalized.ok() || normalized->tokens.empty()) continue;
              compare::PreparedName prepared = compare::PrepareName(*normalized, options_.compare);
              int npos = 0;
              std::vector<index::QueryToken> toks = IndexTokens(prepared, &npos);
              if (toks.empty()) continue;
              Prepared p{static_cast<uint32_t>(e), static_cast<uint8_t>(n),
                         static_cast<uint8_t>(std::min(npos, 255)), {}};
              for (auto& q : toks) p.strings.push_back(std::move(q.text));
              out[e - begin].push_back(std::move(p));
            }
          }
        });
      }
      for (auto& th : pool) th.join();
      for (const Prepared& p : std::views::join(out)) {
        const uint32_t name = static_cast<uint32_t>(name_entry_.size());
        name_entry_.push_back(p.entry);
        name_no_.push_back(p.name_no);
        positions_.push_back(p.positions);
        for (const std::string& s : p.strings) {
          auto [it, inserted] = ids.try_emplace(s, static_cast<uint32_t>(dict_.size()));
          if (inserted) dict_.push_back(s);
          pairs.emplace_back(it->second, name);
        }
      }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    start_.assign(dict_.size() + 1, 0);
    for (const auto& [s, name] : pairs) ++start_[s + 1];
    for (size_t s = 0; s < dict_.size(); ++s) start_[s + 1] += start_[s];
    postings_.resize(pairs.size());
    for (size_t i = 0; i < pairs.size(); ++i) postings_[i] = pairs[i].second;
    entries_of_.assign(dict_.size(), 0);  // names are in entry order: count entry changes
    for (size_t s = 0; s < dict_.size(); ++s) {
      for (uint32_t k = start_[s]; k < start_[s + 1]; ++k) {
        const uint32_t e = name_entry_[postings_[k]];
        entries_of_[s] += (k == start_[s] || e != name_entry_[postings_[k - 1]]) ? 1 : 0;
      }
    }
    batch_ = std::make_unique<distance::CandidateBatch>(dict_);
    mask_.assign(name_entry_.size(), 0);
  }

  size_t strings() const { return dict_.size(); }
  size_t names() const { return name_entry_.size(); }
  size_t batch_bytes() const { return batch_->memory_bytes(); }

  Result Screen(const model::PassengerRecord& record) {
    Result r;
    const double t0 = ThreadCpuSeconds();
    score::PassengerFacts facts = score::PrepareFacts(record, nullptr);
    auto normalized = NormalizePassenger(record.passenger);
    if (!normalized.ok()) return r;
    compare::PreparedName query = compare::PrepareName(*normalized, options_.compare);
    int qpos = 0;
    std::vector<index::QueryToken> tokens = IndexTokens(query, &qpos);
    const int npos = std::min(qpos, 32);
    touched_.clear();
    for (const index::QueryToken& t : tokens) {
      if (t.position < 0 || t.position >= npos) continue;
      if (!engine_.Osa(distance::QueryPattern(t.text), *batch_, 2, &edit_).ok()) std::abort();
      for (size_t w = 0; w < edit_.hit_mask.size(); ++w) {
        for (uint64_t bits = edit_.hit_mask[w]; bits != 0; bits &= bits - 1) {
          const size_t s = w * 64 + std::countr_zero(bits);
          const int allowed = allowed_.AllowedDistance(t.text.size(), dict_[s].size());
          if (edit_.distance[s] > allowed) continue;
          for (uint32_t k = start_[s]; k < start_[s + 1]; ++k) {
            const uint32_t name = postings_[k];
            if (mask_[name] == 0) touched_.push_back(name);
            mask_[name] |= 1u << t.position;
          }
        }
      }
    }
    const double t1 = ThreadCpuSeconds();
    std::vector<uint32_t> candidates;
    for (uint32_t name : touched_) {
      const int need = std::min({2, static_cast<int>(positions_[name]), npos});
      if (std::popcount(mask_[name]) >= std::max(need, 1)) candidates.push_back(name);
      mask_[name] = 0;
    }
    std::sort(candidates.begin(), candidates.end());
    // Accept as Screener::Screen does (no documents: the travellers carry none).
    for (size_t i = 0; i < candidates.size();) {
      const uint32_t entry = name_entry_[candidates[i]];
      GeneratedEntry g = MakeEntry(entry);
      std::optional<compare::NameComparison> best;
      for (; i < candidates.size() && name_entry_[candidates[i]] == entry; ++i) {
        const model::EntryName& en = g.entry.names[name_no_[candidates[i]]];
        auto normalized_entry = NormalizeEntry(en);
        if (!normalized_entry.ok()) continue;
        compare::NameComparison c = compare::ComparePrepared(
            query, compare::PrepareName(*normalized_entry, options_.compare), options_.compare);
        if (en.kind == model::NameKind::kWeakAlias) {
          c.score = std::max(0.0, c.score - options_.weak_alias_penalty);
        }
        if (c.score < options_.name_floor) continue;
        if (!best || c.score > best->score) best = std::move(c);
      }
      if (!best) continue;
      int rarest = -1;  // as Screener's RarestTokenEntries, over the whole list
      for (const compare::TokenMatch& pair : best->pairs) {
        auto it = ids_.find(pair.candidate_token);
        if (!score::PairCountsForSpecificity(pair) || it == ids_.end()) continue;
        if (rarest < 0 || static_cast<int>(entries_of_[it->second]) < rarest) {
          rarest = static_cast<int>(entries_of_[it->second]);
        }
      }
      score::MatchScore s = score::ScoreMatch(facts, g.entry, &*best, {}, options_.score, rarest);
      if (s.score >= options_.score.ThresholdFor(g.entry.list)) r.hits[entry] = s.score;
    }
    r.scan_s = t1 - t0;
    r.total_s = ThreadCpuSeconds() - t0;
    return r;
  }

 private:
  ScreenOptions options_;
  index::TokenIndex allowed_;  // empty; only AllowedDistance is used
  absl::flat_hash_map<std::string, uint32_t> ids_;  // index string -> dict_ position
  std::vector<uint32_t> entries_of_;                // entries whose names have dict_[s]
  distance::DistanceEngine engine_;
  std::vector<std::string> dict_;
  std::unique_ptr<distance::CandidateBatch> batch_;
  std::vector<uint32_t> start_, postings_;
  std::vector<uint32_t> name_entry_;
  std::vector<uint8_t> name_no_, positions_;
  std::vector<uint32_t> mask_, touched_;
  distance::EditResult edit_;
};

// What a shard keeps per name, measured deeply on a sample (Screener::MemoryBytes gives only a
// total): glibc chunk sizes (16-byte rounding, 32-byte minimum) for every heap block.
struct Footprint {
  double units = 0, index_strings = 0, prepared_bytes = 0, entry_bytes = 0;
};
size_t Chunk(size_t n) { return n == 0 ? 0 : std::max<size_t>(32, (n + 8 + 15) & ~size_t{15}); }
size_t Heap(const std::string& s) { return s.capacity() > 15 ? Chunk(s.capacity() + 1) : 0; }
Footprint MeasureFootprint(uint64_t entries, const ScreenOptions& options) {
  Footprint f;
  size_t names = 0;
  for (uint64_t e = 0; e < entries; e += std::max<uint64_t>(1, entries / 4000)) {
    const model::WatchlistEntry entry = MakeEntry(e).entry;
    f.entry_bytes += sizeof(entry) + Heap(entry.entry_id) + Heap(entry.list) +
                     Heap(entry.category) + Chunk(entry.names.capacity() * sizeof(entry.names[0])) +
                     Chunk(entry.dates_of_birth.capacity() * sizeof(model::DateOfBirth));
    for (const model::EntryName& n : entry.names) {
      f.entry_bytes += Heap(n.full) + Heap(n.surname) + Heap(n.given_names) + Heap(n.script);
      auto normalized = NormalizeEntry(n);
      if (!normalized.ok()) continue;
      const compare::PreparedName p = compare::PrepareName(*normalized, options.compare);
      int npos = 0;
      f.index_strings += IndexTokens(p, &npos).size();
      f.units += p.units.size();
      f.prepared_bytes += sizeof(p) + Chunk(p.tokens.capacity() * sizeof(p.tokens[0])) +
                          Chunk(p.units.capacity() * sizeof(p.units[0])) +
                          Chunk(p.summaries.capacity() * sizeof(p.summaries[0]));
      for (const compare::PreparedUnit& u : p.units) {
        f.prepared_bytes += (u.heap_bytes() > 0 ? Chunk(u.heap_bytes()) : 0) +
                            (u.dmsoundex.size() > 4 ? Chunk(u.dmsoundex.capacity() * 4) : 0);
      }
      ++names;
    }
  }
  for (double* v : {&f.units, &f.index_strings, &f.prepared_bytes, &f.entry_bytes}) *v /= names;
  return f;
}

// ---------------------------------------------------------------- the scale run

struct Summary {
  uint64_t requested = 0;
  bool measured = false;
  std::string note;
  size_t entries = 0, names = 0, dict_strings = 0;
  screen::MemoryParts memory;  // Screener::Memory() after Load
  double gen_s = 0, build_s = 0, build_cpu_s = 0, index_bytes_per_name = 0,
         rss_bytes_per_name = 0, peak_rss_mb = 0;
  double records_per_s = 0, p50_us = 0, p99_us = 0, cpu_records_per_s = 0, cpu_p50_us = 0,
         cpu_p99_us = 0, candidates_per_record = 0, compared_per_record = 0,
         tokens_matched_per_record = 0, postings_per_record = 0;
  // PAXSCREEN_SCREEN_BENCH_INDEX_DETAIL: the index's counters summed over shards, per record,
  // and the CPU time of the candidate lookups alone.
  bool detail_run = false;
  index::CandidateStats detail;
  double detail_records = 0, detail_lookup_us = 0, detail_prepare_us = 0;
  size_t index_hits = 0, oracle_hits = 0, both = 0, positives = 0, positives_found = 0,
         negatives = 0, negatives_with_hits = 0, score_mismatch = 0;
  bool oracle_run = false;
  Footprint footprint;
  double cand_p50 = 0, cand_p99 = 0, cand_max = 0, slowest_decile_cpu_share = 0;
  double recall = 0, oracle_ms_per_query = 0, oracle_scan_ms_per_query = 0, oracle_build_s = 0;
};

// Printed when the process ends, after Google Benchmark's own table.
struct FinalReport {
  std::vector<Summary> runs;
  std::string load_at_start = LoadAverage();
  ~FinalReport();
};
FinalReport& Report() {
  static FinalReport r;
  return r;
}

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * v.size()))];
}

uint64_t EntryIndex(const std::string& id) { return std::strtoull(id.c_str() + 4, nullptr, 10); }

int QueryCount() {
  const char* q = std::getenv("PAXSCREEN_SCREEN_BENCH_QUERIES");
  return q != nullptr ? std::atoi(q) : 2000;
}

// Records a finished run: counters and the summary.
void Publish(benchmark::State& state, Summary s) {
  s.peak_rss_mb = PeakRssMb();
  s.measured = true;
  auto& c = state.counters;
  c["names"] = static_cast<double>(s.names);
  c["build_s"] = s.build_s;
  c["index_B_per_name"] = s.index_bytes_per_name;
  c["rss_B_per_name"] = s.rss_bytes_per_name;
  c["records_per_s"] = s.records_per_s;
  c["records_per_cpu_s"] = s.cpu_records_per_s;
  c["p50_us"] = s.p50_us;
  c["p99_us"] = s.p99_us;
  if (s.oracle_run) c["recall_vs_oracle"] = s.recall;
  if (s.oracle_run) c["oracle_ms_per_q"] = s.oracle_ms_per_query;
  Report().runs.push_back(s);
}

bool OracleEnabled() {
  const char* v = std::getenv("PAXSCREEN_SCREEN_BENCH_ORACLE");
  return v == nullptr || std::string(v) != "0";
}

// The index's own counters (Screener keeps only three of them): shards built as the Screener
// builds them (entries dealt round-robin instead of by a hash of their id), every query looked up
// in each as Screener::Screen does, without the comparison. The match cache is off, so that
// the counters show every string's keys (its second pass would answer them all from the cache).
void IndexDetail(uint64_t entries, int shards, ScreenOptions options,
                 const std::vector<Query>& queries, Summary* s) {
  options.tokens.match_cache = false;
  std::vector<std::shared_ptr<const Shard>> built;
  for (int k = 0; k < shards; ++k) {
    std::vector<model::WatchlistEntry> part;
    for (uint64_t e = k; e < entries; e += shards) part.push_back(MakeEntry(e).entry);
    built.push_back(Shard::Build(std::move(part), options));
  }
  std::vector<uint32_t> candidates;
  for (int pass = 0; pass < 2; ++pass) {  // the first warms the caches
    s->detail = {};
    s->detail_lookup_us = s->detail_prepare_us = 0;
    for (const Query& q : queries) {
      auto normalized = NormalizePassenger(q.record.passenger);
      if (!normalized.ok()) continue;
      const double c0 = ThreadCpuSeconds();
      compare::PreparedName prepared =
          compare::PrepareName(*normalized, options.compare, compare::CodeReuse::kThread);
      int npos = 0;
      std::vector<index::QueryKeys> keys =
          index::TokenIndex::PrepareQuery(IndexTokens(prepared, &npos), options.tokens, true);
      const double c1 = ThreadCpuSeconds();
      for (const auto& shard : built) {
        candidates.clear();
        shard->tokens().Candidates(&keys, npos, &candidates, &s->detail);
      }
      s->detail_prepare_us += (c1 - c0) * 1e6;
      s->detail_lookup_us += (ThreadCpuSeconds() - c1) * 1e6;
    }
  }
  s->detail_records = static_cast<double>(queries.size());
  s->detail_run = true;
}

void BM_ScreenScale(benchmark::State& state) {
  Summary s;
  s.requested = static_cast<uint64_t>(state.range(0));
  for (auto _ : state) {
    malloc_trim(0);
    // Refuse sizes that cannot fit, judged by the RSS per name of a smaller run.
    for (const Summary& prev : Report().runs) {
      const double need_mb = s.requested * prev.rss_bytes_per_name * 1.3 / 1048576.0;
      if (!prev.measured || need_mb <= MemAvailableMb()) continue;
      char buf[256];
      std::snprintf(buf, sizeof(buf),
                    "skipped: needs ~%.0f MB (%.0f B/name RSS from the %zu-name run, x 1.3 build "
                    "headroom), %.0f MB available",
                    need_mb, prev.rss_bytes_per_name, prev.names, MemAvailableMb());
      s.note = buf;
    }
    if (!s.note.empty()) {
      std::fprintf(stderr, "[screen_bench %llu] %s\n",
                   static_cast<unsigned long long>(s.requested), s.note.c_str());
      Report().runs.push_back(s);
      state.SkipWithError(s.note.c_str());
      return;
    }
    const double rss0 = RssMb();
    const uint64_t entries = (s.requested * 10 + 5) / 11;  // 1.1 names per entry on average
    auto t0 = Clock::now();
    std::vector<model::WatchlistEntry> list;
    list.reserve(entries);
    for (uint64_t e = 0; e < entries; ++e) list.push_back(MakeEntry(e).entry);
    s.gen_s = Seconds(t0, Clock::now());
    ScreenOptions options;
    auto screener = std::make_unique<Screener>(options);
    const double cpu0 = ProcessCpuSeconds();
    t0 = Clock::now();
    screener->Load(std::move(list));
    s.build_s = Seconds(t0, Clock::now());
    s.build_cpu_s = ProcessCpuSeconds() - cpu0;
    malloc_trim(0);
    s.entries = screener->entry_count();
    s.names = screener->name_count();
    s.memory = screener->Memory();
    s.index_bytes_per_name = static_cast<double>(s.memory.total()) / s.names;
    s.rss_bytes_per_name = (RssMb() - rss0) * 1048576.0 / s.names;
    s.footprint = MeasureFootprint(entries, options);
    // The first QueryCount() travellers are screened and timed; the next as many only warm up
    // the run (the same travellers twice would find every query string in the screener's
    // per-thread caches, which a stream does not).
    std::vector<Query> queries = MakeQueries(entries, 2 * QueryCount());
    std::vector<Query> warmup(std::make_move_iterator(queries.begin() + QueryCount()),
                              std::make_move_iterator(queries.end()));
    queries.resize(QueryCount());
    std::fprintf(stderr,
                 "[screen_bench %llu] %zu entries, %zu names; generated in %.1f s; Load %.1f s "
                 "wall (%.1f s CPU, %d shards); MemoryBytes %.0f B/name; RSS growth %.0f B/name; "
                 "screening %zu travellers\n",
                 static_cast<unsigned long long>(s.requested), s.entries, s.names, s.gen_s,
                 s.build_s, s.build_cpu_s, screener->shard_count(), s.index_bytes_per_name,
                 s.rss_bytes_per_name, queries.size());
    // The warm-up travellers first (memory paged in, CPU and per-thread caches in a steady
    // state), then the timed pass, which collects the hits.
    for (const Query& q : warmup) {
      benchmark::DoNotOptimize(screener->Screen(q.record, nullptr, nullptr));
    }
    std::vector<absl::flat_hash_set<uint64_t>> index_hits(queries.size());
    std::vector<double> latency_us, cpu_us, cands;
    ScreenStats stats;
    for (size_t q = 0; q < queries.size(); ++q) {
      std::vector<std::string> problems;
      const uint64_t cand0 = stats.candidates;
      const double c0 = ThreadCpuSeconds();
      auto a = Clock::now();
      std::vector<Match> hits = screener->Screen(queries[q].record, &problems, &stats);
      auto b = Clock::now();
      cpu_us.push_back((ThreadCpuSeconds() - c0) * 1e6);
      cands.push_back(static_cast<double>(stats.candidates - cand0));
      latency_us.push_back(Seconds(a, b) * 1e6);
      for (const Match& m : hits) index_hits[q].insert(EntryIndex(m.entry_id));
      benchmark::DoNotOptimize(hits);
    }
    double total_us = 0, total_cpu_us = 0;
    for (double l : latency_us) total_us += l;
    for (double l : cpu_us) total_cpu_us += l;
    s.records_per_s = queries.size() / (total_us / 1e6);
    s.cpu_records_per_s = queries.size() / (total_cpu_us / 1e6);
    s.cpu_p50_us = Percentile(cpu_us, 0.50);
    s.cpu_p99_us = Percentile(cpu_us, 0.99);
    s.cand_p50 = Percentile(cands, 0.5);
    s.cand_p99 = Percentile(cands, 0.99);
    s.cand_max = Percentile(cands, 1.0);
    std::sort(cpu_us.rbegin(), cpu_us.rend());
    for (size_t i = 0; i < cpu_us.size() / 10; ++i) s.slowest_decile_cpu_share += cpu_us[i];
    s.slowest_decile_cpu_share /= total_cpu_us;
    s.p50_us = Percentile(latency_us, 0.50);
    s.p99_us = Percentile(latency_us, 0.99);
    s.candidates_per_record = static_cast<double>(stats.candidates) / queries.size();
    s.compared_per_record = static_cast<double>(stats.names_compared) / queries.size();
    s.tokens_matched_per_record = static_cast<double>(stats.tokens_matched) / queries.size();
    s.postings_per_record = static_cast<double>(stats.postings_scanned) / queries.size();

    for (size_t q = 0; q < queries.size(); ++q) {
      s.index_hits += index_hits[q].size();
      if (queries[q].source_entry >= 0) {
        ++s.positives;
        s.positives_found += index_hits[q].contains(queries[q].source_entry);
      } else {
        ++s.negatives;
        s.negatives_with_hits += !index_hits[q].empty();
      }
    }
    if (std::getenv("PAXSCREEN_SCREEN_BENCH_INDEX_DETAIL") != nullptr) {
      IndexDetail(entries, screener->shard_count(), options, queries, &s);
    }
    if (!OracleEnabled()) {
      Publish(state, std::move(s));
      continue;
    }
    malloc_trim(0);
    Oracle oracle(options);
    t0 = Clock::now();
    oracle.Build(entries, std::max(1u, std::min(2u, std::thread::hardware_concurrency())));
    s.oracle_build_s = Seconds(t0, Clock::now());
    s.dict_strings = oracle.strings();
    std::fprintf(stderr, "[screen_bench] oracle: %zu names, %zu strings, batch %.0f MB, %.1f s\n",
                 oracle.names(), oracle.strings(), oracle.batch_bytes() / 1048576.0,
                 s.oracle_build_s);

    double oracle_s = 0, scan_s = 0;
    const bool verbose = std::getenv("PAXSCREEN_SCREEN_BENCH_VERBOSE") != nullptr;
    for (size_t q = 0; q < queries.size(); ++q) {
      Oracle::Result r = oracle.Screen(queries[q].record);
      oracle_s += r.total_s;
      scan_s += r.scan_s;
      s.oracle_hits += r.hits.size();
      for (const auto& [e, score] : r.hits) {
        if (index_hits[q].contains(e)) {
          ++s.both;
        } else if (verbose) {
          // Ids only: the generator rebuilds query q and entry e from the seed.
          std::fprintf(stderr, "missed: query %zu -> entry %u, score %.3f\n", q,
                       static_cast<unsigned>(e), score);
        }
      }
      // Entries both accept must carry the same score when the index saw the best name.
      std::vector<Match> again = screener->Screen(queries[q].record, nullptr, nullptr);
      for (const Match& m : again) {
        auto it = r.hits.find(EntryIndex(m.entry_id));
        if (it != r.hits.end() && std::abs(it->second - m.score.score) > 1e-9) ++s.score_mismatch;
      }
    }
    s.oracle_run = true;
    s.recall = s.oracle_hits == 0 ? 1.0 : static_cast<double>(s.both) / s.oracle_hits;
    s.oracle_ms_per_query = oracle_s * 1e3 / queries.size();
    s.oracle_scan_ms_per_query = scan_s * 1e3 / queries.size();
    Publish(state, std::move(s));
  }
}

const char* Verdict(bool ok) { return ok ? "met" : "MISSED"; }

FinalReport::~FinalReport() {
  if (runs.empty()) return;
  std::fprintf(stderr, "\n======== screen_bench summary (load average at start: %s) ========\n",
               load_at_start.c_str());
  const Summary* at1m = nullptr;
  const Summary* at10m = nullptr;
  const Summary* largest = nullptr;
  const Summary* previous = nullptr;
  for (const Summary& s : runs) {
    if (!s.measured) {
      std::fprintf(stderr, "N=%llu: %s\n", static_cast<unsigned long long>(s.requested),
                   s.note.c_str());
      continue;
    }
    bench::AppendThroughput("screen_bench", s.names, s.cpu_records_per_s);
    if (s.requested == 1'000'000) at1m = &s;
    if (s.requested == 10'000'000) at10m = &s;
    if (largest != nullptr) previous = largest;
    largest = &s;
    std::fprintf(
        stderr,
        "N=%llu: %zu entries, %zu names, %zu distinct index strings\n"
        "  build (Screener::Load): %.1f s wall, %.1f s CPU; generation %.1f s (not in build)\n"
        "  memory: Screener::MemoryBytes %.0f B/name; RSS growth %.0f B/name; peak RSS %.0f MB\n"
        "  screening, 1 thread: %.0f records/s per CPU-second (p50 %.0f us, p99 %.0f us CPU); "
        "wall clock %.0f records/s (p50 %.0f us, p99 %.0f us)\n"
        "  per name (deep, sampled): PreparedName %.0f B (%.1f units), WatchlistEntry %.0f B, "
        "%.1f index strings\n"
        "  %.1f candidates and %.1f name comparisons per record; candidates p50 %.0f, p99 %.0f, "
        "max %.0f; slowest 10%% of records take %.0f%% of the CPU time\n"
        "  index hits %zu; positives whose source entry the index returned %zu / %zu; "
        "negatives with a hit %zu / %zu\n",
        static_cast<unsigned long long>(s.requested), s.entries, s.names, s.dict_strings,
        s.build_s, s.build_cpu_s, s.gen_s, s.index_bytes_per_name, s.rss_bytes_per_name,
        s.peak_rss_mb, s.cpu_records_per_s, s.cpu_p50_us, s.cpu_p99_us, s.records_per_s,
        s.p50_us, s.p99_us, s.footprint.prepared_bytes, s.footprint.units,
        s.footprint.entry_bytes, s.footprint.index_strings, s.candidates_per_record,
        s.compared_per_record, s.cand_p50, s.cand_p99, s.cand_max,
        s.slowest_decile_cpu_share * 100, s.index_hits, s.positives_found, s.positives,
        s.negatives_with_hits, s.negatives);
    std::fprintf(stderr,
                 "  index work per record: %.0f list tokens reached, %.0f postings read\n",
                 s.tokens_matched_per_record, s.postings_per_record);
    if (s.detail_run) {
      const index::CandidateStats& d = s.detail;
      const double r = s.detail_records;
      std::fprintf(stderr,
                   "  index detail per record (all shards, match cache off): %.0f keys looked "
                   "up (%.0f of joined spans); %.0f tokens reached by deletion keys (%.0f by joined spans' keys), "
                   "%.1f matched by joined spans; %.0f tokens matched, %.0f by phonetic keys "
                   "alone with %.0f postings; %.0f postings read, %.1f candidates\n"
                   "  index detail CPU per record: query preparation (PrepareName, "
                   "PrepareQuery) %.0f us, lookups in all shards %.0f us\n",
                   d.keys / r, d.joined_keys / r, d.tokens_reached / r,
                   d.joined_tokens_reached / r, d.joined_tokens_matched / r,
                   d.tokens_matched / r, d.phonetic_only / r, d.phonetic_only_postings / r,
                   d.postings_scanned / r, d.candidates / r, s.detail_prepare_us / r,
                   s.detail_lookup_us / r);
    }
    const double per_name = s.names > 0 ? 1.0 / s.names : 0.0;
    std::fprintf(stderr,
                 "  MemoryBytes by part, per name: prepared names %.0f B, token index %.0f B, "
                 "documents %.0f B, other %.0f B\n",
                 s.memory.prepared_names * per_name, s.memory.token_index * per_name,
                 s.memory.documents * per_name, s.memory.other * per_name);
    if (s.oracle_run) {
      std::fprintf(stderr,
                   "  oracle hits %zu, both %zu -> recall vs oracle %.4f; score mismatches on "
                   "shared hits %zu\n"
                   "  oracle: %.2f ms CPU/query (token scan %.2f ms), built in %.1f s; "
                   "index speed-up %.1fx\n",
                   s.oracle_hits, s.both, s.recall, s.score_mismatch, s.oracle_ms_per_query,
                   s.oracle_scan_ms_per_query, s.oracle_build_s,
                   s.oracle_ms_per_query * s.cpu_records_per_s / 1e3);
    } else {
      std::fprintf(stderr, "  oracle not run (PAXSCREEN_SCREEN_BENCH_ORACLE=0)\n");
    }
  }
  std::fprintf(stderr, "targets:\n");
  if (at1m != nullptr) {
    std::fprintf(stderr, "  1M names: >= 50k records/s per core: %.0f per CPU-second -> %s\n",
                 at1m->cpu_records_per_s, Verdict(at1m->cpu_records_per_s >= 50'000));
    std::fprintf(stderr, "  1M names: >= 99.5%% of the oracle's hits: %.2f%% -> %s\n",
                 at1m->recall * 100,
                 at1m->oracle_run ? Verdict(at1m->recall >= 0.995) : "NOT MEASURED (no oracle)");
  }
  if (at10m != nullptr) {
    std::fprintf(stderr, "  10M names: >= 10k records/s per core: %.0f per CPU-second -> %s\n",
                 at10m->cpu_records_per_s, Verdict(at10m->cpu_records_per_s >= 10'000));
    std::fprintf(stderr,
                 "  10M names: index <= 200 B/name: MemoryBytes %.0f -> %s; RSS %.0f -> %s\n",
                 at10m->index_bytes_per_name, Verdict(at10m->index_bytes_per_name <= 200),
                 at10m->rss_bytes_per_name, Verdict(at10m->rss_bytes_per_name <= 200));
    std::fprintf(stderr, "  10M names: build time reported: %.1f s -> met\n", at10m->build_s);
  } else if (largest != nullptr) {
    double rate = largest->cpu_records_per_s;
    if (previous != nullptr && previous->cpu_records_per_s > 0 &&
        largest->names > previous->names) {
      const double alpha = std::log(previous->cpu_records_per_s / largest->cpu_records_per_s) /
                           std::log(static_cast<double>(largest->names) / previous->names);
      rate = largest->cpu_records_per_s * std::pow(1e7 / largest->names, -alpha);
    }
    std::fprintf(stderr,
                 "  10M names: NOT MEASURED (largest run: %zu names). EXTRAPOLATIONS, not "
                 "measurements:\n    ~%.0f records/s per CPU-second (%s) -> %s\n"
                 "    %.0f B/name MemoryBytes (%.0f B/name RSS, ~%.1f GB at 10M) -> %s\n"
                 "    build ~%.0f s wall if linear in names\n",
                 largest->names, rate,
                 previous != nullptr ? "power law through the two largest runs"
                                     : "the largest run's rate; no trend available",
                 Verdict(rate >= 10'000), largest->index_bytes_per_name,
                 largest->rss_bytes_per_name, largest->rss_bytes_per_name * 1e7 / 1e9,
                 Verdict(largest->index_bytes_per_name <= 200),
                 largest->build_s * 1e7 / largest->names);
  }
}

// Sizes from PAXSCREEN_SCREEN_BENCH_N (comma-separated name counts), default 1 M.
int RegisterSizes() {
  const char* env = std::getenv("PAXSCREEN_SCREEN_BENCH_N");
  std::string list = env != nullptr ? env : "1000000";
  Report();  // constructed before any run, so it is destroyed after them
  for (absl::string_view part : absl::StrSplit(list, ',')) {
    int64_t n = 0;
    if (!absl::SimpleAtoi(part, &n) || n <= 0) continue;
    benchmark::RegisterBenchmark("BM_ScreenScale", BM_ScreenScale)
        ->Arg(n)->Iterations(1)->Unit(benchmark::kSecond);
  }
  return 0;
}
const int kRegistered = RegisterSizes();

}  // namespace
}  // namespace paxscreen::screen
