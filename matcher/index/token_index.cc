#include "matcher/index/token_index.h"

#include <algorithm>
#include <atomic>
#include <bit>

#include "absl/container/flat_hash_map.h"
#include "matcher/distance/osa_pattern.h"
#include "matcher/phonetic/arabic_skeleton.h"
#include "matcher/phonetic/double_metaphone.h"
// XXH3 inlined: this file hashes many short strings, where the call into libxxhash costs as
// much as the hash (same function, same values).
#define XXH_INLINE_ALL
#include "xxhash.h"

namespace paxscreen::index {
namespace {

uint64_t Hash(std::string_view s, uint64_t seed = 0) {
  return XXH3_64bits_withSeed(s.data(), s.size(), seed);
}

// A phonetic key: the code's hash, mixed per encoder so keys of different encoders never meet.
constexpr uint64_t kMetaphoneTag = 0x9E3779B97F4A7C15ull;
constexpr uint64_t kArabicTag = 0xC2B2AE3D27D4EB4Full;

// Hashes of every string obtained from `s` by deleting at most `d` (<= 2) characters, `s`
// included. O(|s|^d) variants in two stack buffers, each variant one byte away from the
// previous one. Deleting s[i] when s[i - 1] == s[i] gives what deleting s[i - 1] gave (for a
// second deletion too, at j > i), so such positions are skipped: fewer hashes for doubled
// letters (MUHAMMAD, ABDULLAH). A few repeats remain (ABAB without its first two letters or
// its last two): they are not removed, since the index build drops duplicate pairs and a query
// merges the tokens its keys reach (sorting them cost 4 % of screening).
void DeletionHashes(std::string_view s, int d, std::vector<uint64_t>* out) {
  out->clear();
  out->push_back(Hash(s));
  const size_t n = s.size();
  char one[256];  // s without s[i]
  char two[256];  // s without s[i] and s[j]
  if (d >= 1 && n >= 1 && n <= sizeof(one)) {
    std::copy(s.begin() + 1, s.end(), one);
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) one[i - 1] = s[i - 1];
      if (i > 0 && s[i] == s[i - 1]) continue;
      out->push_back(Hash(std::string_view(one, n - 1)));
      if (d < 2 || i + 1 >= n) continue;
      // j = i + 1 first: `one` without its position i.
      std::copy(one, one + i, two);
      std::copy(one + i + 1, one + (n - 1), two + i);
      for (size_t j = i + 1; j < n; ++j) {
        if (j > i + 1) two[j - 2] = s[j - 1];
        if (j > i + 1 && s[j] == s[j - 1]) continue;
        out->push_back(Hash(std::string_view(two, n - 2)));
      }
    }
  }
}

// Phonetic keys of a token: its Double Metaphone codes and its Arabic skeleton (two letters at
// least), from the codes the caller passed or by encoding the text.
void PhoneticKeys(const QueryToken& token, const TokenIndexOptions& options,
                  std::vector<uint64_t>* out) {
  if (!options.phonetic || static_cast<int>(token.text.size()) < options.phonetic_min_length) {
    return;
  }
  uint64_t primary = token.metaphone_primary;
  uint64_t alternate = token.metaphone_alternate;
  uint64_t arabic = token.arabic;
  size_t arabic_letters = token.arabic_letters;
  if (!token.has_codes ||
      options.phonetic_code_length != static_cast<int>(phonetic::kScreeningCodeLength)) {
    phonetic::MetaphoneKeys dm =
        phonetic::DoubleMetaphone(token.text, options.phonetic_code_length);
    primary = CodeHash(dm.primary);
    alternate = dm.alternate != dm.primary ? CodeHash(dm.alternate) : 0;
    const std::string skeleton = phonetic::ArabicSkeleton(token.text);
    arabic = CodeHash(skeleton);
    arabic_letters = skeleton.size();
  }
  if (primary != 0) out->push_back(primary ^ kMetaphoneTag);
  if (alternate != 0 && alternate != primary) out->push_back(alternate ^ kMetaphoneTag);
  if (arabic_letters >= 2) out->push_back(arabic ^ kArabicTag);
}

// The letters A-Z of `s`, one bit each; 0 when `s` has any other byte (no filter then).
uint32_t LetterSet(std::string_view s) {
  uint32_t set = 0;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return 0;
    set |= uint32_t{1} << (c - 'A');
  }
  return set;
}

// Whether `x` has more than `n` (0..2) bits set, without a popcount instruction.
bool MoreBitsThan(uint32_t x, int n) {
  for (int k = 0; k < n && x != 0; ++k) x &= x - 1;
  return x != 0;
}

// Compressed sparse rows from (token, name) pairs, sorted and unique.
void BuildCsr(std::vector<std::pair<uint32_t, uint32_t>>& pairs, size_t tokens,
              std::vector<uint32_t>* start, std::vector<uint32_t>* values) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  start->assign(tokens + 1, 0);
  for (const auto& [token, name] : pairs) ++(*start)[token + 1];
  for (size_t t = 0; t < tokens; ++t) (*start)[t + 1] += (*start)[t];
  values->resize(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) (*values)[i] = pairs[i].second;
}

// Sorts hits (name << 32 | position bits) by name; the order among one name's hits is free (they
// are OR-merged). Long runs (a common token's postings: thousands of hits) go through an LSD
// radix sort on the name bits, which costs a few linear passes instead of std::sort's n log n
// comparisons (5 % of screening at 1 M names). The passes split the name bits evenly, at most
// 11 a pass: a list of 30,000 names sorts in two passes of 8 bits (256 counters to clear and
// sum per pass, not 2,048).
void SortByName(std::vector<uint64_t>* hits, size_t names) {
  constexpr size_t kRadixFrom = 512;
  if (hits->size() < kRadixFrom) {
    std::sort(hits->begin(), hits->end());
    return;
  }
  constexpr int kMaxBits = 11;
  const int name_bits = std::max(1, static_cast<int>(std::bit_width(names)));
  const int passes = (name_bits + kMaxBits - 1) / kMaxBits;
  const int bits = (name_bits + passes - 1) / passes;
  const size_t buckets = size_t{1} << bits;
  static thread_local std::vector<uint64_t> scratch;
  scratch.resize(hits->size());
  std::vector<uint64_t>* from = hits;
  std::vector<uint64_t>* to = &scratch;
  uint32_t count[(size_t{1} << kMaxBits) + 1];
  for (int shift = 32; shift < 32 + name_bits; shift += bits) {
    std::fill_n(count, buckets + 1, 0u);
    for (uint64_t h : *from) ++count[((h >> shift) & (buckets - 1)) + 1];
    for (size_t b = 0; b < buckets; ++b) count[b + 1] += count[b];
    for (uint64_t h : *from) (*to)[count[(h >> shift) & (buckets - 1)]++] = h;
    std::swap(from, to);
  }
  if (from != hits) hits->swap(scratch);
}

}  // namespace

uint64_t CodeHash(std::string_view code) {
  if (code.empty()) return 0;
  const uint64_t h = Hash(code);
  return h == 0 ? 1 : h;
}

int TokenIndex::AllowedDistance(const TokenIndexOptions& options, size_t len_a, size_t len_b) {
  size_t len = std::min(len_a, len_b);
  if (len <= static_cast<size_t>(options.short_length)) return 0;
  if (len <= static_cast<size_t>(options.medium_length)) return 1;
  return 2;
}

std::vector<QueryKeys> TokenIndex::PrepareQuery(const std::vector<QueryToken>& query,
                                                const TokenIndexOptions& options,
                                                bool defer_deletions) {
  std::vector<QueryKeys> out;
  out.reserve(query.size());
  for (const QueryToken& q : query) {
    QueryKeys k;
    k.text = q.text;
    k.position = q.position;
    k.joined = !q.fuzzy;
    k.exact = Hash(q.text);
    if (!defer_deletions) {
      DeletionHashes(q.text, AllowedDistance(options, q.text.size(), q.text.size()),
                     &k.deletions);
    }
    PhoneticKeys(q, options, &k.phonetic);
    out.push_back(std::move(k));
  }
  return out;
}

void TokenIndex::Candidates(const std::vector<QueryToken>& query, int query_positions,
                            std::vector<uint32_t>* out, CandidateStats* stats) const {
  std::vector<QueryKeys> keys = PrepareQuery(query, options_);
  Candidates(&keys, query_positions, out, stats);
}

TokenIndex TokenIndex::Build(const std::vector<std::vector<QueryToken>>& names,
                             const std::vector<uint8_t>& positions,
                             const TokenIndexOptions& options) {
  static std::atomic<uint64_t> builds{0};
  TokenIndex idx;
  idx.options_ = options;
  idx.build_ = ++builds;
  idx.positions_ = positions;
  absl::flat_hash_map<std::string, uint32_t> ids;
  std::vector<std::pair<uint32_t, uint32_t>> all, single;
  std::vector<bool> fuzzy;
  std::vector<const QueryToken*> first;  // per dictionary token: its first string, for its codes
  for (uint32_t name = 0; name < names.size(); ++name) {
    for (const QueryToken& q : names[name]) {
      const std::string& s = q.text;
      if (s.empty()) continue;
      auto [it, inserted] = ids.try_emplace(s, static_cast<uint32_t>(idx.tokens_.size()));
      if (inserted) {
        idx.tokens_.push_back(s);
        idx.letters_.push_back(LetterSet(s));
        fuzzy.push_back(false);
        first.push_back(&q);
      }
      if (q.fuzzy) fuzzy[it->second] = true;
      all.emplace_back(it->second, name);
      if (positions[name] <= 1) single.emplace_back(it->second, name);
    }
  }
  BuildCsr(all, idx.tokens_.size(), &idx.posting_start_, &idx.postings_);
  BuildCsr(single, idx.tokens_.size(), &idx.single_start_, &idx.single_);

  std::vector<std::pair<uint64_t, uint32_t>> exact, deletions, phon;
  std::vector<uint64_t> variants, keys;
  for (uint32_t t = 0; t < idx.tokens_.size(); ++t) {
    const std::string& token = idx.tokens_[t];
    exact.emplace_back(Hash(token), t);
    if (!fuzzy[t]) {
      const int d = std::min(options.joined_distance,
                             idx.AllowedDistance(token.size(), token.size()));
      if (d <= 0) continue;
      DeletionHashes(token, d, &variants);
      for (uint64_t v : variants) deletions.emplace_back(v, t);
      continue;
    }
    DeletionHashes(token, idx.AllowedDistance(token.size(), token.size()), &variants);
    for (uint64_t v : variants) deletions.emplace_back(v, t);
    keys.clear();
    PhoneticKeys(*first[t], options, &keys);
    for (uint64_t k : keys) phon.emplace_back(k, t);
  }
  idx.exact_ = HashMultimap::Build(std::move(exact));
  idx.deletions_ = HashMultimap::Build(std::move(deletions));
  idx.phonetic_ = HashMultimap::Build(std::move(phon));
  return idx;
}

int64_t TokenIndex::TokenId(std::string_view text) const {
  for (uint32_t t : exact_.Find(Hash(text))) {
    if (tokens_[t] == text) return t;
  }
  return -1;
}

void TokenIndex::MatchToken(const QueryKeys& q, const KeyRuns& runs,
                            std::vector<uint32_t>* tokens, std::vector<uint32_t>* phonetic,
                            CandidateStats* stats) const {
  const uint32_t keys = 1 + runs.deletions.size() + runs.phonetic.size();
  stats->keys += keys;
  if (q.joined) stats->joined_keys += keys;
  const size_t matched_before = tokens->size();
  for (uint32_t t : runs.exact) {
    if (tokens_[t] == q.text) tokens->push_back(t);
  }
  // Every token some deletion key reaches, once (a token is often reached through several),
  // then verified. The buffer is reused across calls of one thread.
  static thread_local std::vector<uint32_t> reached;
  reached.clear();
  for (std::span<const uint32_t> run : runs.deletions) {
    for (uint32_t t : run) reached.push_back(t);  // runs are short: no memmove call
  }
  if (!reached.empty()) {
    std::sort(reached.begin(), reached.end());
    reached.erase(std::unique(reached.begin(), reached.end()), reached.end());
    stats->tokens_reached += reached.size();
    if (q.joined) stats->joined_tokens_reached += reached.size();
    for (uint32_t t : reached) __builtin_prefetch(&tokens_[t]);
    const distance::OsaPattern pattern(q.text);
    // A letter of one string missing from the other costs an edit (the set form of the bag
    // distance, a lower bound of OSA): more such letters than allowed rule a token out before
    // the distance is run.
    const uint32_t q_letters = LetterSet(q.text);
    for (uint32_t t : reached) {
      const std::string& cand = tokens_[t];
      const int allowed = AllowedDistance(q.text.size(), cand.size());
      if (allowed == 0) continue;  // exact matches came from the dictionary
      const uint32_t t_letters = letters_[t];
      if (q_letters != 0 && t_letters != 0 &&
          (MoreBitsThan(q_letters & ~t_letters, allowed) ||
           MoreBitsThan(t_letters & ~q_letters, allowed))) {
        continue;
      }
      if (pattern.Within(cand, allowed)) tokens->push_back(t);
    }
  }
  if (q.joined) stats->joined_tokens_matched += tokens->size() - matched_before;
  for (std::span<const uint32_t> run : runs.phonetic) {
    for (uint32_t t : run) phonetic->push_back(t);
  }
}

void TokenIndex::FindKeys(const std::vector<const QueryKeys*>& query,
                          std::vector<KeyRuns>* runs) const {
  // The keys of every query string, looked up per map in one batch each.
  static thread_local std::vector<uint64_t> exact, deletions, phonetic;
  static thread_local std::vector<std::span<const uint32_t>> found;
  exact.clear();
  deletions.clear();
  phonetic.clear();
  for (const QueryKeys* qp : query) {
    const QueryKeys& q = *qp;
    exact.push_back(q.exact);
    deletions.insert(deletions.end(), q.deletions.begin(), q.deletions.end());
    phonetic.insert(phonetic.end(), q.phonetic.begin(), q.phonetic.end());
  }
  found.resize(exact.size() + deletions.size() + phonetic.size());
  std::span<const uint32_t>* exact_found = found.data();
  std::span<const uint32_t>* deletion_found = exact_found + exact.size();
  std::span<const uint32_t>* phonetic_found = deletion_found + deletions.size();
  exact_.FindBatch(exact, exact_found);
  deletions_.FindBatch(deletions, deletion_found);
  phonetic_.FindBatch(phonetic, phonetic_found);
  runs->clear();
  for (const QueryKeys* qp : query) {
    const QueryKeys& q = *qp;
    KeyRuns r;
    r.exact = *exact_found++;
    r.deletions = {deletion_found, q.deletions.size()};
    deletion_found += q.deletions.size();
    r.phonetic = {phonetic_found, q.phonetic.size()};
    phonetic_found += q.phonetic.size();
    runs->push_back(r);
  }
}

void TokenIndex::MatchQuery(std::vector<QueryKeys>* query, int npos,
                            std::vector<std::vector<uint32_t>>* matched,
                            std::vector<std::vector<uint32_t>>* phonetic,
                            CandidateStats* stats) const {
  // A string's slot is picked by its hash and the index's build (a screener looks each string
  // up in every shard: one slot for all would keep only the last shard's answer); the slot
  // holds the string itself, so a collision is a miss, never a wrong answer.
  struct Slot {
    uint64_t build = 0;  // 0: empty
    std::string text;
    std::vector<uint32_t> edit;
    std::vector<uint32_t> phonetic;
  };
  static thread_local std::vector<Slot> cache;
  static thread_local std::vector<const QueryKeys*> missed;
  static thread_local std::vector<KeyRuns> runs;
  const bool use_cache = options_.match_cache;
  if (use_cache && cache.empty()) cache.resize(kMatchCacheSlots);
  const uint64_t salt = build_ * 0x9E3779B97F4A7C15ull;
  auto slot_of = [salt](const QueryKeys& q) -> Slot& {
    return cache[((q.exact ^ salt) >> 20) & (kMatchCacheSlots - 1)];
  };
  missed.clear();
  for (QueryKeys& q : *query) {
    if (q.position < 0 || q.position >= npos) continue;
    if (use_cache) {
      const Slot& slot = slot_of(q);
      if (slot.build == build_ && slot.text == q.text) {
        auto& m = (*matched)[q.position];
        m.insert(m.end(), slot.edit.begin(), slot.edit.end());
        auto& ph = (*phonetic)[q.position];
        ph.insert(ph.end(), slot.phonetic.begin(), slot.phonetic.end());
        ++stats->cached;
        continue;
      }
    }
    if (q.deletions.empty()) {
      DeletionHashes(q.text, AllowedDistance(q.text.size(), q.text.size()), &q.deletions);
    }
    missed.push_back(&q);
  }
  FindKeys(missed, &runs);
  for (size_t i = 0; i < missed.size(); ++i) {
    const QueryKeys& q = *missed[i];
    auto& m = (*matched)[q.position];
    auto& ph = (*phonetic)[q.position];
    const size_t m_from = m.size();
    const size_t ph_from = ph.size();
    MatchToken(q, runs[i], &m, &ph, stats);
    if (!use_cache) continue;
    Slot& slot = slot_of(q);
    slot.build = build_;
    slot.text = q.text;
    slot.edit.assign(m.begin() + m_from, m.end());
    slot.phonetic.assign(ph.begin() + ph_from, ph.end());
  }
}

void TokenIndex::Candidates(std::vector<QueryKeys>* query, int query_positions,
                            std::vector<uint32_t>* out, CandidateStats* stats) const {
  CandidateStats local;
  CandidateStats& st = stats != nullptr ? *stats : local;
  const int npos = std::clamp(query_positions, 0, 32);
  // Per-thread buffers, reused: the matched tokens of each position and the hits.
  static thread_local std::vector<std::vector<uint32_t>> matched, phonetic;
  static thread_local std::vector<uint64_t> hits;
  if (matched.size() < static_cast<size_t>(npos)) matched.resize(npos);
  if (phonetic.size() < static_cast<size_t>(npos)) phonetic.resize(npos);
  for (int p = 0; p < npos; ++p) matched[p].clear();
  for (int p = 0; p < npos; ++p) phonetic[p].clear();
  MatchQuery(query, npos, &matched, &phonetic, &st);
  // Positions that matched something, cheapest postings first. matched[p] holds the edit
  // matches (sorted, unique), then from matched[p][edit[p]] on the phonetic matches that are not
  // among them (counted apart in the stats).
  std::pair<size_t, int> order[32];
  size_t edit[32];
  int positions = 0;
  for (int p = 0; p < npos; ++p) {
    auto& m = matched[p];
    std::sort(m.begin(), m.end());
    m.erase(std::unique(m.begin(), m.end()), m.end());
    edit[p] = m.size();
    auto& ph = phonetic[p];
    if (!ph.empty()) {
      std::sort(ph.begin(), ph.end());
      ph.erase(std::unique(ph.begin(), ph.end()), ph.end());
      for (uint32_t t : ph) {
        if (!std::binary_search(m.begin(), m.begin() + edit[p], t)) m.push_back(t);
      }
    }
    st.tokens_matched += m.size();
    st.phonetic_only += m.size() - edit[p];
    for (uint32_t t : m) __builtin_prefetch(&posting_start_[t]);
  }
  for (int p = 0; p < npos; ++p) {
    size_t cost = 0;
    for (size_t i = 0; i < matched[p].size(); ++i) {
      const uint32_t t = matched[p][i];
      const size_t size = Postings(t).size();
      cost += size;
      if (i >= edit[p]) st.phonetic_only_postings += size;
      __builtin_prefetch(postings_.data() + posting_start_[t]);
    }
    if (!matched[p].empty()) order[positions++] = {cost, p};
  }
  if (positions == 0) return;
  std::sort(order, order + positions);

  // A hit is (name << 32) | bit mask of the query positions that matched the name. The scanned
  // lists' hits are collected, sorted and merged per name: no hash table, and sorted output.
  hits.clear();
  auto scan = [&](int p, bool single_only) {
    for (uint32_t t : matched[p]) {
      auto list = single_only ? SinglePostings(t) : Postings(t);
      st.postings_scanned += list.size();
      for (uint32_t name : list) hits.push_back(uint64_t{name} << 32 | 1u << p);
    }
  };
  const bool one_hit_suffices = npos <= 1;
  for (int i = 0; i + 1 < positions; ++i) scan(order[i].second, false);
  const int last = order[positions - 1].second;
  // Single-position names need only this hit; the others already hold a hit from the scanned
  // lists and only need the second one confirmed below.
  scan(last, !one_hit_suffices);
  SortByName(&hits, positions_.size());
  size_t distinct = 0;
  for (size_t i = 0; i < hits.size(); ++i) {
    if (distinct > 0 && (hits[distinct - 1] >> 32) == (hits[i] >> 32)) {
      hits[distinct - 1] |= hits[i];
    } else {
      hits[distinct++] = hits[i];
    }
  }
  hits.resize(distinct);
  if (!one_hit_suffices) {
    // Both sides are sorted by name: merge them when their sizes are close, else walk the
    // shorter and binary-search the longer from where the previous name was found.
    // postings_scanned counts the lists no longer than the hits, however they are walked.
    const uint32_t bit = 1u << last;
    for (uint32_t t : matched[last]) {
      auto list = Postings(t);
      if (list.size() <= hits.size()) st.postings_scanned += list.size();
      const size_t shorter = std::min(list.size(), hits.size());
      const size_t longer = std::max(list.size(), hits.size());
      if (shorter * 16 >= longer) {
        size_t h = 0;
        for (uint32_t name : list) {
          while (h < hits.size() && (hits[h] >> 32) < name) ++h;
          if (h == hits.size()) break;
          if ((hits[h] >> 32) == name) hits[h] |= bit;
        }
      } else if (list.size() <= hits.size()) {
        auto h = hits.begin();
        for (uint32_t name : list) {
          h = std::lower_bound(h, hits.end(), uint64_t{name} << 32);
          if (h == hits.end()) break;
          if ((*h >> 32) == name) *h |= bit;
        }
      } else {
        auto l = list.begin();
        for (uint64_t& h : hits) {
          l = std::lower_bound(l, list.end(), static_cast<uint32_t>(h >> 32));
          if (l == list.end()) break;
          if (*l == (h >> 32)) h |= bit;
        }
      }
    }
  }
  // A hit of two positions or more is a candidate whatever its name's size; a hit of one
  // position needs the name's size, a random read of positions_ (fetched ahead: at 1 M names
  // this loop waited on those reads for 15 % of the lookup's time).
  size_t before = out->size();
  constexpr size_t kAhead = 16;
  for (size_t i = 0; i < hits.size(); ++i) {
    if (i + kAhead < hits.size()) __builtin_prefetch(&positions_[hits[i + kAhead] >> 32]);
    const uint64_t h = hits[i];
    const uint32_t name = static_cast<uint32_t>(h >> 32);
    const uint32_t bits = static_cast<uint32_t>(h);
    // Two positions or more: a second bit (no popcount, which baseline x86-64 calls in libgcc).
    if (npos <= 1 || (bits & (bits - 1)) != 0 || positions_[name] <= 1) {
      out->push_back(name);
    }
  }
  st.candidates += out->size() - before;
}

size_t TokenIndex::MemoryBytes() const {
  size_t bytes = exact_.MemoryBytes() + deletions_.MemoryBytes() + phonetic_.MemoryBytes() +
                 (posting_start_.capacity() + postings_.capacity() + single_start_.capacity() +
                  single_.capacity() + letters_.capacity()) * 4 + positions_.capacity();
  for (const std::string& t : tokens_) bytes += sizeof(std::string) + (t.size() > 15 ? t.capacity() : 0);
  return bytes;
}

}  // namespace paxscreen::index
