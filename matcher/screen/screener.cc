#include "matcher/screen/screener.h"

#include "matcher/base/parallel.h"

#include <algorithm>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "matcher/index/document_index.h"
#include "matcher/normalize/normalize.h"
#include "matcher/screen/shard.h"
#include "xxhash.h"

namespace paxscreen::screen {
namespace {

int DefaultShards() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

absl::StatusOr<normalize::NormalizedName> NormalizePassengerName(const model::Passenger& p) {
  if (!p.surname.empty() || !p.given_names.empty()) {
    return normalize::NormalizeNameParts(p.surname, p.given_names);
  }
  return normalize::NormalizeName(p.full_name);
}

// In how many list entries (all shards) the rarest list token of the comparison's pairs
// occurs; -1 when no pair counts (score::PairCountsForSpecificity). Cost: pairs x shards hash
// lookups, only for entries that reach scoring.
int RarestTokenEntries(const compare::NameComparison& name,
                       const std::vector<std::shared_ptr<const Shard>>& shards) {
  int rarest = -1;
  for (const compare::TokenMatch& pair : name.pairs) {
    if (!score::PairCountsForSpecificity(pair)) continue;
    int n = 0;
    for (const auto& shard : shards) {
      n += static_cast<int>(shard->TokenEntries(pair.candidate_token));
    }
    if (rarest < 0 || n < rarest) rarest = n;
  }
  return rarest;
}

// The lowest name score from which an entry can still reach a threshold for this traveller:
// the lowest threshold less the most that the traveller's other features can add. A traveller
// without a date of birth cannot gain the date's bonus, so names below the threshold itself are
// settled by the comparison's bound; one with documents keeps `name_floor` (a document lifts any
// name). Never below `name_floor`.
double NameFloorFor(const score::PassengerFacts& facts, const model::Passenger& p,
                    const ScreenOptions& o) {
  if (!p.documents.empty()) return o.name_floor;
  const score::ScoreOptions& s = o.score;
  double threshold = s.default_threshold;
  for (const auto& [list, t] : s.list_threshold) threshold = std::min(threshold, t);
  double bonus = std::max(0.0, s.common_name_penalty);
  if (facts.dob) {
    bonus += std::max({0.0, s.dob_exact, s.dob_swapped, s.dob_same_year_month, s.dob_same_year,
                       s.dob_within_range, s.dob_one_year_off, s.dob_conflict});
  }
  if (!facts.sex.empty()) bonus += std::max(0.0, s.sex_conflict);
  if (!facts.nationality.empty()) {
    bonus += std::max({0.0, s.nationality_match, s.nationality_conflict});
  }
  // Rounding must never drop a name that reaches the threshold.
  return std::max(o.name_floor, threshold - bonus - 1e-9);
}

}  // namespace

Screener::Screener(ScreenOptions options)
    : options_(std::move(options)),
      shards_(options_.shards > 0 ? options_.shards : DefaultShards()) {
  for (auto& s : shards_) s.Store(Shard::Build({}, options_));
}

Screener::~Screener() = default;

size_t Screener::ShardOf(const std::string& entry_id) const {
  return XXH3_64bits(entry_id.data(), entry_id.size()) % shards_.size();
}

void Screener::Load(std::vector<model::WatchlistEntry> entries, int threads) {
  std::lock_guard<std::mutex> lock(update_mu_);
  std::vector<std::vector<model::WatchlistEntry>> parts(shards_.size());
  for (auto& e : entries) {
    if (e.op == model::EntryOp::kDelete) continue;
    parts[ShardOf(e.entry_id)].push_back(std::move(e));
  }
  if (threads <= 0) threads = std::min<int>(shards_.size(), DefaultShards());
  ParallelFor(shards_.size(), threads, [&](size_t i) {
    shards_[i].Store(Shard::Build(std::move(parts[i]), options_));
  });
  ++version_;
}

void Screener::Apply(const std::vector<model::WatchlistEntry>& changes) {
  std::lock_guard<std::mutex> lock(update_mu_);
  std::vector<std::vector<const model::WatchlistEntry*>> by_shard(shards_.size());
  for (const auto& c : changes) by_shard[ShardOf(c.entry_id)].push_back(&c);
  for (size_t i = 0; i < shards_.size(); ++i) {
    if (by_shard[i].empty()) continue;
    std::shared_ptr<const Shard> old = shards_[i].Load();
    std::vector<model::WatchlistEntry> entries = old->entries();
    absl::flat_hash_map<std::string, size_t> pos;
    for (size_t k = 0; k < entries.size(); ++k) pos[entries[k].entry_id] = k;
    std::vector<bool> removed(entries.size(), false);
    for (const model::WatchlistEntry* c : by_shard[i]) {
      auto it = pos.find(c->entry_id);
      if (c->op == model::EntryOp::kDelete) {
        if (it != pos.end()) removed[it->second] = true;
      } else if (it != pos.end()) {
        entries[it->second] = *c;
        removed[it->second] = false;
      } else {
        pos[c->entry_id] = entries.size();
        entries.push_back(*c);
        removed.push_back(false);
      }
    }
    std::vector<model::WatchlistEntry> kept;
    kept.reserve(entries.size());
    for (size_t k = 0; k < entries.size(); ++k) {
      if (!removed[k]) kept.push_back(std::move(entries[k]));
    }
    shards_[i].Store(Shard::Build(std::move(kept), options_));
  }
  ++version_;
}

std::vector<Match> Screener::Screen(const model::PassengerRecord& record,
                                    std::vector<std::string>* problems,
                                    ScreenStats* stats) const {
  ScreenStats local;
  ScreenStats& st = stats != nullptr ? *stats : local;
  std::vector<Match> out;
  score::PassengerFacts facts = score::PrepareFacts(record, problems);
  const double name_floor = NameFloorFor(facts, record.passenger, options_);

  compare::PreparedName query;
  std::vector<index::QueryKeys> query_tokens;  // keys computed once for all shards
  int query_positions = 0;
  auto normalized = NormalizePassengerName(record.passenger);
  if (normalized.ok()) {
    query = compare::PrepareName(*normalized, options_.compare, compare::CodeReuse::kThread);
    // Deletion keys only for the strings that the index's match caches do not hold.
    query_tokens = index::TokenIndex::PrepareQuery(IndexTokens(query, &query_positions),
                                                   options_.tokens, /*defer_deletions=*/true);
  } else if (problems != nullptr) {
    problems->push_back(std::string(normalized.status().message()));
  }

  // All snapshots are taken first: a token's list-wide entry count sums the shards this query
  // sees, so it is consistent with them whatever Apply() swaps in meanwhile.
  std::vector<std::shared_ptr<const Shard>> snapshots;
  snapshots.reserve(shards_.size());
  for (const auto& slot : shards_) snapshots.push_back(slot.Load());

  std::vector<uint32_t> candidates;
  std::vector<index::DocumentIndex::Hit> doc_hits;
  // The best name of each entry that passes the floor, by score alone; the evidence is built
  // once per such entry.
  struct Best {
    uint32_t entry;
    uint32_t name;
    double score;
    double name_score;  // before the weak-alias penalty
    std::vector<compare::AlignedPair> pairs;  // of that name's alignment, for its evidence
    compare::NameComparison comparison;
    bool below_threshold = false;  // settled without its comparison (below)
  };
  std::vector<compare::AlignedPair> aligned;
  std::vector<Best> best;
  // Unit similarities of this query, shared by its comparisons in every shard (the snapshots
  // hold the list units it points to until the query ends).
  thread_local compare::SimilarityMemo memo;
  memo.Reset();
  for (const std::shared_ptr<const Shard>& shard : snapshots) {
    best.clear();
    candidates.clear();
    if (!query_tokens.empty()) {
      index::CandidateStats cs;
      shard->tokens().Candidates(&query_tokens, query_positions, &candidates, &cs);
      st.candidates += cs.candidates;
      st.tokens_matched += cs.tokens_matched;
      st.postings_scanned += cs.postings_scanned;
    }
    // Candidates come sorted by name id and a shard numbers its names entry by entry, so an
    // entry's names are adjacent and `best` stays sorted by entry, without a map.
    for (size_t i = 0; i < candidates.size(); ++i) {
      // The candidates lie anywhere in the shard's memory: fetch the next ones' names ahead,
      // the prepared name two steps before its summaries and tokens.
      if (i + 4 < candidates.size()) {
        __builtin_prefetch(&shard->prepared(candidates[i + 4]));
        __builtin_prefetch(&shard->names()[candidates[i + 4]]);
      }
      if (i + 2 < candidates.size()) {
        const compare::PreparedName& next = shard->prepared(candidates[i + 2]);
        __builtin_prefetch(next.summaries.data());
        __builtin_prefetch(next.tokens.data());
      }
      const uint32_t name = candidates[i];
      const Shard::NameRef& ref = shard->names()[name];
      const double penalty = ref.weak ? options_.weak_alias_penalty : 0.0;
      // Names that cannot reach the floor are mostly settled by the comparison's bound.
      const double name_score = compare::ComparePreparedScore(
          query, shard->prepared(name), options_.compare, name_floor + penalty, &memo, &aligned);
      ++st.names_compared;
      const double score = std::max(0.0, name_score - penalty);
      if (score < name_floor) continue;
      if (!best.empty() && best.back().entry == ref.entry) {
        if (score > best.back().score) {
          best.back().name = name;
          best.back().score = score;
          best.back().name_score = name_score;
          best.back().pairs = aligned;
        }
      } else {
        best.push_back({ref.entry, name, score, name_score, aligned, {}, false});
      }
    }
    // Documents.
    absl::flat_hash_map<uint32_t, std::vector<score::DocumentHit>> docs;
    for (const model::Document& d : record.passenger.documents) {
      doc_hits.clear();
      shard->documents().Lookup(d.number, true, &doc_hits);
      ++st.document_lookups;
      for (const auto& h : doc_hits) {
        const uint32_t e = Shard::PayloadEntry(h.payload);
        const auto& entry_docs = shard->entries()[e].documents;
        const size_t which = Shard::PayloadDocument(h.payload);
        const std::string type = which < entry_docs.size() ? entry_docs[which].type : "";
        bool state_agrees = h.issuing_state != 0 &&
                            h.issuing_state == index::PackIssuingState(d.issuing_state);
        docs[e].push_back({h.substituted_at < 0, state_agrees, type});
      }
    }
    // Only an entry that may reach its list's threshold is explained: its score is first taken
    // from the name score alone, without the common-name adjustment that needs the paired tokens
    // (an upper bound: the adjustment adds at most max(0, common_name_penalty)).
    static const std::vector<score::DocumentHit> kNoDocuments;
    const double adjustment_ceiling = std::max(0.0, options_.score.common_name_penalty);
    for (Best& b : best) {
      const model::WatchlistEntry& entry = shard->entries()[b.entry];
      compare::NameComparison score_only;
      score_only.score = b.score;
      auto d = docs.find(b.entry);
      const double upper =
          score::ScoreMatch(facts, entry, &score_only, d == docs.end() ? kNoDocuments : d->second,
                            options_.score, -1)
              .score +
          adjustment_ceiling;
      if (upper < options_.score.ThresholdFor(entry.list)) {
        b.below_threshold = true;
        continue;
      }
      // No pairs: the name reached name_floor only as max(0, score - weak-alias penalty) with a
      // name floor of 0, below its comparison's floor, which hands over none; it is aligned here.
      b.comparison =
          b.pairs.empty() ? compare::ComparePrepared(query, shard->prepared(b.name),
                                                     options_.compare, &memo)
                          : compare::ExplainAlignment(query, shard->prepared(b.name),
                                                      b.name_score, b.pairs, options_.compare);
      b.comparison.score = b.score;  // with the weak-alias penalty
    }
    // Every entry with a name or a document hit.
    auto consider = [&](uint32_t e, const Best* b) {
      const model::WatchlistEntry& entry = shard->entries()[e];
      const compare::NameComparison* name = b == nullptr ? nullptr : &b->comparison;
      auto d = docs.find(e);
      const int token_entries = name != nullptr && options_.score.common_name_penalty != 0
                                    ? RarestTokenEntries(*name, snapshots)
                                    : -1;
      score::MatchScore s =
          score::ScoreMatch(facts, entry, name, d == docs.end() ? kNoDocuments : d->second,
                            options_.score, token_entries);
      if (s.score < options_.score.ThresholdFor(entry.list)) return;
      Match m;
      m.entry_id = entry.entry_id;
      m.list = entry.list;
      m.category = entry.category;
      if (name != nullptr) {
        const Shard::NameRef& ref = shard->names()[b->name];
        m.matched_name = entry.names[ref.name_no].full;
        m.matched_kind = entry.names[ref.name_no].kind;
        m.name = *name;
      } else if (!entry.names.empty()) {
        m.matched_name = entry.names[0].full;
      }
      m.score = std::move(s);
      out.push_back(std::move(m));
    };
    for (const Best& b : best) {
      if (!b.below_threshold) consider(b.entry, &b);
    }
    for (const auto& [e, _] : docs) {
      auto named = std::lower_bound(best.begin(), best.end(), e,
                                    [](const Best& b, uint32_t entry) { return b.entry < entry; });
      if (named == best.end() || named->entry != e) consider(e, nullptr);
    }
  }
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
    return a.score.score != b.score.score ? a.score.score > b.score.score : a.entry_id < b.entry_id;
  });
  return out;
}

size_t Screener::entry_count() const {
  size_t n = 0;
  for (const auto& s : shards_) n += s.Load()->entries().size();
  return n;
}

size_t Screener::name_count() const {
  size_t n = 0;
  for (const auto& s : shards_) n += s.Load()->names().size();
  return n;
}

size_t Screener::MemoryBytes() const { return Memory().total(); }

MemoryParts Screener::Memory() const {
  MemoryParts m;
  for (const auto& slot : shards_) m += slot.Load()->Memory();
  return m;
}

}  // namespace paxscreen::screen
