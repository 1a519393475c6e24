// Screening passengers against a watchlist: the sharded index of every list name and document,
// the candidate search, the name comparison and the scoring, behind one object.
//
//   Screener s(ScreenOptions{});  s.Load(std::move(entries));
//   std::vector<Match> hits = s.Screen(record, &problems, &stats);
//
// Architecture: entries are split over S shards by a hash of the entry id. Each shard is an
// immutable snapshot (names prepared for comparison, a TokenIndex over their tokens, a
// DocumentIndex over their documents). A query visits every shard; updates build new snapshots
// of the shards they touch and swap them in (SnapshotSlot), so readers never wait for a build.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "matcher/compare/compare.h"
#include "matcher/index/token_index.h"
#include "matcher/model/passenger_record.h"
#include "matcher/model/watchlist_entry.h"
#include "matcher/score/score.h"
#include "matcher/screen/snapshot_slot.h"

namespace paxscreen::screen {

struct ScreenOptions {
  int shards = 0;  // 0: one per hardware thread
  // The name scorer's options for screening. Defaults differ from `paxscreen compare` where
  // the accuracy harness says screening is better served: spelling-only similarity is barely
  // discounted, because typos are common in booking data and the date of birth and the other
  // features still separate namesakes.
  compare::CompareOptions compare = compare::ScreeningCompareOptions();
  score::ScoreOptions score;
  index::TokenIndexOptions tokens;
  // Candidates whose best name comparison is below this are dropped before scoring, unless a
  // document matched. Kept below the thresholds so date of birth can still lift a near miss.
  // Per traveller the floor rises to the lowest threshold less what the traveller's date of
  // birth, sex and nationality can add (a traveller without a date: the threshold itself), so
  // the comparison's bound settles more names; the events are the same.
  double name_floor = 0.70;
  double weak_alias_penalty = 0.04;  // subtracted when only a weak (low quality) alias matched
  bool screen_entities = false;      // compare passengers with organisations, vessels ...
};

struct ScreenStats {
  uint64_t candidates = 0;        // names the index proposed
  uint64_t tokens_matched = 0;    // list tokens the query's tokens reached in the index
  uint64_t postings_scanned = 0;  // index postings read to find the candidates
  uint64_t names_compared = 0;    // full name comparisons
  uint64_t document_lookups = 0;
};

// One hit: the entry, the name that matched, and why.
struct Match {
  std::string entry_id;
  std::string list;
  std::string category;
  std::string matched_name;  // the list's own spelling of the name that matched best
  model::NameKind matched_kind = model::NameKind::kPrimary;
  score::MatchScore score;
  compare::NameComparison name;  // evidence of the best name comparison (empty for documents)
};

class Shard;

// What the screener's snapshots hold, by part (bytes; entries themselves not included).
struct MemoryParts {
  size_t prepared_names = 0;  // list names made ready for comparison: units, summaries, tokens
  size_t token_index = 0;     // token dictionary, postings, deletion and phonetic keys
  size_t documents = 0;       // the document-number index
  size_t other = 0;           // name references, entries per token
  size_t total() const { return prepared_names + token_index + documents + other; }
  MemoryParts& operator+=(const MemoryParts& o) {
    prepared_names += o.prepared_names;
    token_index += o.token_index;
    documents += o.documents;
    other += o.other;
    return *this;
  }
};

// Thread-safety: Screen() may run on any number of threads at once, concurrently with Load()
// and Apply(); Load() and Apply() serialize among themselves. Owns its snapshots.
class Screener {
 public:
  explicit Screener(ScreenOptions options);
  ~Screener();
  Screener(const Screener&) = delete;
  Screener& operator=(const Screener&) = delete;

  // Replaces the whole watchlist (entries with op kDelete are ignored); shards build in
  // parallel on `threads` threads (0: one per shard, up to the hardware threads).
  void Load(std::vector<model::WatchlistEntry> entries, int threads = 0);

  // Applies upserts and deletes (by entry_id); rebuilds only the shards they touch.
  void Apply(const std::vector<model::WatchlistEntry>& changes);

  // Screens one record; problems with optional fields are appended to `problems` (the record
  // is still screened on what is usable). Matches are sorted by score, best first.
  std::vector<Match> Screen(const model::PassengerRecord& record,
                            std::vector<std::string>* problems, ScreenStats* stats) const;

  uint64_t version() const { return version_.load(); }  // +1 per Load/Apply
  size_t entry_count() const;
  size_t name_count() const;
  size_t MemoryBytes() const;  // Memory().total()
  MemoryParts Memory() const;
  int shard_count() const { return static_cast<int>(shards_.size()); }
  const ScreenOptions& options() const { return options_; }

 private:
  size_t ShardOf(const std::string& entry_id) const;

  ScreenOptions options_;
  std::vector<SnapshotSlot<Shard>> shards_;
  std::mutex update_mu_;  // serializes Load and Apply
  std::atomic<uint64_t> version_{0};
};

}  // namespace paxscreen::screen
