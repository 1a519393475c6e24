// The name-candidate index of one shard: which watchlist names share a token with a query,
// exactly, within a small edit distance, or by sound. Candidates are then scored by the caller.
//
//   TokenIndex idx = TokenIndex::Build({{"QAHTANI", "MUHAMMAD"}, {"SMITH", "JOHN"}}, {});
//   idx.Candidates({{"QAHTANY", 0}, {"MOHAMMED", 1}}, 2, &out, &stats);   // out = {0}
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "matcher/index/hash_multimap.h"
#include "matcher/phonetic/double_metaphone.h"

namespace paxscreen::index {

struct TokenIndexOptions {
  // Edit distance (optimal string alignment) allowed by the length of the shorter token:
  // tokens of up to short_length characters must match exactly, up to medium_length
  // characters within 1, longer within 2. The deletion neighbourhood (SymSpell; Garbe 2012)
  // on both sides holds every pair within that distance.
  int short_length = 2;
  int medium_length = 7;
  // Also match tokens whose Double Metaphone (primary or alternate, codes of up to
  // phonetic_code_length letters) or Arabic skeleton agree, for tokens of at least
  // phonetic_min_length characters. 6 is the code length of matcher/compare's phonetic
  // agreement, so every pair whose Metaphone codes compare sees agree is still reached; 4-letter
  // codes reached ~1.7x as many list tokens, mostly by sound alone (README.md).
  bool phonetic = true;
  int phonetic_min_length = 4;
  int phonetic_code_length = static_cast<int>(phonetic::kScreeningCodeLength);
  // List-side joined spans (QueryToken::fuzzy == false) get deletion keys up to this distance
  // (0: exact lookup only; README.md has the measured recall and memory of 0 and 1). With 1, a
  // query span two edits from a list span is still found when one of the edits is an insertion
  // on the query side (PEDTSAIV / PEDCAIV: the query's deletion keys reach two deletions, the
  // list's one).
  int joined_distance = 1;
  // Keep, per thread, what recent query strings matched in this index (the tokens within the
  // allowed distance and those reached by sound), so that a string seen again is answered
  // without its keys: travellers' names repeat (MOHAMMED, ALI, KHAN), and a string's matches
  // depend on nothing else. Direct-mapped, kMatchCacheSlots strings per thread, shared by the
  // indexes a thread queries; an index's entries are told apart by its build.
  bool match_cache = true;
};

// Strings a thread's match cache holds (TokenIndexOptions::match_cache).
inline constexpr size_t kMatchCacheSlots = size_t{1} << 16;

// One query string and the query token position it stands for: a token's spelling
// variants (folded, particle-joined) share a position, so a watchlist name that matches two
// spellings of one passenger token counts one hit.
struct QueryToken {
  std::string text;
  int position = 0;
  // On the list side: false for joined spans (ABDUL+RAHMAN), which are indexed for exact
  // lookup only — their deletion neighbourhoods would be large and add little, since a
  // query's own joined spans are looked up fuzzily against the list's single tokens.
  bool fuzzy = true;
  // The phonetic codes of `text`, when the caller already has them (the screener's compare
  // units do): CodeHash of its Double Metaphone primary and alternate codes (kScreeningCodeLength
  // letters; the alternate 0 when equal to the primary) and of its Arabic skeleton, 0 for none,
  // and the skeleton's length. With `has_codes` the index derives its phonetic keys from them
  // instead of encoding `text` again (indexes built with another phonetic_code_length ignore
  // them); the keys are the same either way.
  bool has_codes = false;
  uint64_t metaphone_primary = 0;
  uint64_t metaphone_alternate = 0;
  uint64_t arabic = 0;
  uint8_t arabic_letters = 0;
};

// The hash of a phonetic code string that QueryToken's codes hold: XXH3-64 of the code, 1 for a
// hash of 0, 0 for an empty code (the value compare::PhoneticKey gives).
uint64_t CodeHash(std::string_view code);

// A query string with its lookup keys, computed once per query and valid for every shard built
// with the same options (the screener visits all shards with one set).
struct QueryKeys {
  std::string text;
  int position = 0;
  bool joined = false;  // a joined span of the query (QueryToken::fuzzy == false)
  uint64_t exact = 0;
  // The deletion neighbourhood (rare repeats). Computed by PrepareQuery, or, when it was told
  // to defer them, by the first Candidates() call that does not find the string in its cache
  // (the next shards reuse them). Empty until computed: it always holds the string itself.
  std::vector<uint64_t> deletions;
  std::vector<uint64_t> phonetic;
};

struct CandidateStats {
  uint32_t tokens_matched = 0;   // dictionary tokens that matched some query token
  uint32_t postings_scanned = 0;
  uint32_t candidates = 0;
  // Where the work comes from (summed over the query strings).
  uint32_t keys = 0;                    // hashes looked up: exact, deletion and phonetic
  uint32_t joined_keys = 0;             // of which keys of the query's joined spans
  uint32_t tokens_reached = 0;          // distinct tokens deletion keys reached (before OSA)
  uint32_t joined_tokens_reached = 0;   // of which by joined spans' keys
  uint32_t joined_tokens_matched = 0;   // edit matches of joined spans
  uint32_t phonetic_only = 0;           // tokens a position matched by phonetic keys alone
  uint32_t phonetic_only_postings = 0;  // their postings
  // Query strings answered from the match cache; the key counts above are of the others.
  uint32_t cached = 0;
};

// Immutable after Build(); thread-safe for concurrent Candidates() calls, which keep their
// scratch buffers per thread (each keeps the capacity of the largest query it has seen).
// Memory: the token dictionary, a CSR of postings (4 bytes per token occurrence), 12 bytes per
// deletion key and per phonetic key.
class TokenIndex {
 public:
  // `names[i]` holds name i's index strings (its tokens and their folded and particle-joined
  // variants; their `position` is not used here); `positions[i]` is how many distinct tokens
  // the name has (variants not counted), which decides how many hits it needs.
  static TokenIndex Build(const std::vector<std::vector<QueryToken>>& names,
                          const std::vector<uint8_t>& positions, const TokenIndexOptions& options);

  // Appends to `out` (sorted, unique) every name with at least min(2, name positions,
  // query_positions) query positions matched. Prefix filtering (Chaudhuri et al. 2006): when
  // two hits are needed, a candidate must appear in a list other than the longest one, so the
  // longest postings list is only probed, never scanned. Computes the deferred deletion keys
  // of the strings it has to look up (hence the pointer).
  void Candidates(std::vector<QueryKeys>* query, int query_positions,
                  std::vector<uint32_t>* out, CandidateStats* stats = nullptr) const;
  // Convenience: prepares the keys and looks up.
  void Candidates(const std::vector<QueryToken>& query, int query_positions,
                  std::vector<uint32_t>* out, CandidateStats* stats = nullptr) const;

  // The keys of `query` for indexes built with `options`; with `defer_deletions` the deletion
  // keys are left to Candidates(), which needs them only for strings its cache lacks.
  static std::vector<QueryKeys> PrepareQuery(const std::vector<QueryToken>& query,
                                             const TokenIndexOptions& options,
                                             bool defer_deletions = false);

  // Edit distance allowed between two tokens of these lengths.
  int AllowedDistance(size_t len_a, size_t len_b) const {
    return AllowedDistance(options_, len_a, len_b);
  }
  static int AllowedDistance(const TokenIndexOptions& options, size_t len_a, size_t len_b);

  size_t token_count() const { return tokens_.size(); }
  // The names (ascending ids) that carry dictionary token `token`.
  std::span<const uint32_t> Postings(uint32_t token) const {
    return {postings_.data() + posting_start_[token],
            posting_start_[token + 1] - posting_start_[token]};
  }
  // The dictionary id of `text`, or -1 when no list name has it (one hash lookup).
  int64_t TokenId(std::string_view text) const;
  size_t name_count() const { return positions_.size(); }
  size_t MemoryBytes() const;

 private:
  // What one query string's keys found: spans into the maps and into a per-thread buffer of
  // FindKeys(), valid until its next call on the thread.
  struct KeyRuns {
    std::span<const uint32_t> exact;
    std::span<const std::span<const uint32_t>> deletions;
    std::span<const std::span<const uint32_t>> phonetic;
  };
  // Looks up the keys of the query strings `query`, in their order.
  void FindKeys(const std::vector<const QueryKeys*>& query, std::vector<KeyRuns>* runs) const;
  // Appends the tokens `q` matches within the allowed edit distance to `tokens`, and those its
  // phonetic keys reach to `phonetic`.
  void MatchToken(const QueryKeys& q, const KeyRuns& runs, std::vector<uint32_t>* tokens,
                  std::vector<uint32_t>* phonetic, CandidateStats* stats) const;
  // MatchToken for every query string with a position below `npos`, from the thread's match
  // cache where it holds the string, else through FindKeys (and then into the cache).
  void MatchQuery(std::vector<QueryKeys>* query, int npos,
                  std::vector<std::vector<uint32_t>>* matched,
                  std::vector<std::vector<uint32_t>>* phonetic, CandidateStats* stats) const;
  std::span<const uint32_t> SinglePostings(uint32_t token) const {
    return {single_.data() + single_start_[token],
            single_start_[token + 1] - single_start_[token]};
  }

  TokenIndexOptions options_;
  uint64_t build_ = 0;  // this build's number (copies share it): the match cache's tag
  std::vector<std::string> tokens_;
  // Per dictionary token, its letters A-Z one bit each (0 when it has any other byte): a token
  // a deletion key reaches is verified only when these allow the edit distance (below).
  std::vector<uint32_t> letters_;
  HashMultimap exact_;      // XXH3(token) -> token id
  HashMultimap deletions_;  // XXH3(deletion variant) -> token id
  HashMultimap phonetic_;   // XXH3(tagged phonetic key) -> token id
  std::vector<uint32_t> posting_start_;  // CSR over tokens: every name
  std::vector<uint32_t> postings_;       // name ids, ascending per token
  std::vector<uint32_t> single_start_;   // CSR over tokens: names of a single position only
  std::vector<uint32_t> single_;
  std::vector<uint8_t> positions_;       // per name
};

}  // namespace paxscreen::index
