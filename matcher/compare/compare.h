// Name-against-name comparison: a score in [0,1] that two normalized names are the same person's
// name written differently, with the evidence (which tokens were paired, and how).
//
//   PAX_ASSIGN_OR_RETURN(auto c, compare::CompareNameStrings("MUHAMMAD AL-QAHTANI",
//                                                            "MOHAMMED ALQAHTANI", {}));
//   // c.match == true; c.pairs: MUHAMMAD~MOHAMMED (phonetic:dmetaphone), ALQAHTANI~ALQAHTANI
//
// Algorithm (our own design; ideas from the name-matching literature: Christen, "Data Matching",
// 2012, ch. 5, and the token-set scorers of RapidFuzz):
//   1. Each name is prepared once (PreparedName): its tokens, and every span of 2-3 adjacent
//      tokens concatenated ("ABDUL"+"RAHMAN" -> "ABDULRAHMAN", "AL"+"QAHTANI"), each unit with
//      its phonetic keys (Double Metaphone primary/alternate, Arabic skeleton, Daitch-Mokotoff).
//   2. Unit similarity (TokenSimilarity): exact 1; folded-equal (MUELLER/MULLER) 0.97; an initial
//      and a token starting with it `initial_similarity`; else an edit score mixing optimal string
//      alignment and Jaro-Winkler (after stripping a shared ABD-/AL- prefix so ABDULLAH does not
//      look like ABDULRAHMAN), raised when a phonetic key agrees and the spelling is close enough;
//      a feminine form (IVAN/IVANA, SAMIR/SAMIRA) is capped.
//   3. Alignment: the order-free pairing of disjoint units (at least one side a single token)
//      that maximizes the final score, found by depth-first search over the query tokens
//      (names have < 10 tokens; a budget bounds the search and the best pairing found is kept).
//   4. Score = sum(sim * weight of paired tokens) / (sum(weight of paired tokens) + penalties of
//      unpaired tokens). Titles weigh 0; particles and initials weigh less than names. An unpaired
//      token of the name with more tokens is a missing middle name (light penalty) unless it is
//      its first or last name token (heavy); an unpaired name token of the shorter name costs its
//      full weight times `shorter_unmatched_penalty`.
// Cost: preparing a name of n tokens encodes ~3n units; comparing two prepared names computes at
// most (3n)(3m) unit similarities (each O(|a||b|)) and a bounded search.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "matcher/normalize/normalize.h"

namespace paxscreen::compare {

// Tuned on the dev split of tests/matcher/compare/labelled_pairs.csv (see README.md).
struct CompareOptions {
  double match_threshold = 0.82;  // score >= threshold -> match
  bool use_phonetic = true;       // phonetic keys may raise a token similarity

  // Token weights.
  double particle_weight = 0.3;  // AL, BIN, VAN, DE ...
  double compound_particle_weight = 0.5;  // ABU, ABDUL before a name (compound_particle_penalty)
  double initial_weight = 0.5;   // "J" in "J SMITH"

  // Token similarity.
  double folded_similarity = 0.97;    // equal only after plain folding (MUELLER / MULLER)
  double initial_similarity = 0.85;   // J ~ JOHN
  double osa_share = 0.7;             // edit = osa_share * OSA sim + (1 - osa_share) * JW
  double spelling_only_discount = 0.15;  // subtracted when no phonetic key agrees
  double phonetic_min_edit = 0.55;    // phonetic agreement counts only above this edit score
  double phonetic_floor = 0.6;        // agreeing keys: sim = floor + (1 - floor) * edit
  double feminine_cap = 0.6;          // IVAN / IVANA, SAMIR / SAMIRA
  double particle_typo_similarity = 0.9;  // ABDLU (a name token) / ABDUL (a particle)
  double cut_similarity = 0.95;  // MU, the cut last token of a full MRZ field / MUHAMMAD
  double min_token_similarity = 0.7;  // pairs below this are not paired
  // A name token pairs with a title of the other name (KARI / QARI) from this similarity: the
  // title weighs nothing, and the token then costs no missing-name penalty. Higher than
  // min_token_similarity, since a short name one letter from a title (HANI / HAJI) is common.
  double title_similarity = 0.8;

  // Penalties for unpaired tokens (multiplied by the token's weight).
  double missing_middle_penalty = 0.25;
  double missing_edge_penalty = 1.0;
  double shorter_unmatched_penalty = 1.2;
  // An unpaired particle that forms a name with the token after it (the kunya ABU BAKR, "father
  // of Bakr"; the theophoric ABDUL AZIZ, "servant of the Mighty") costs this, not a particle's
  // share: without it the rest is another person's name (BAKR, AZIZ).
  double compound_particle_penalty = 0.5;

  int search_budget = 20000;  // leaves visited by the alignment search before it settles
};

// The options screening compares names with (screen::ScreenOptions::compare's default): spelling-
// only similarity is barely discounted (0.05), because typos are common in booking data and the
// date of birth and the other features still separate namesakes; agreeing phonetic keys lift a
// spelling score less (phonetic_floor 0.3). Both chosen on the accuracy harness.
CompareOptions ScreeningCompareOptions();

// One paired unit of the alignment (a unit is a token or adjacent tokens joined).
struct TokenMatch {
  std::string query_token;      // "ABDULRAHMAN" when joined from ABDUL RAHMAN
  std::string candidate_token;
  double score = 0;
  // "exact", "folded", "joined", "particle", "initial", "osa", "jaro_winkler",
  // "phonetic:dmetaphone", "phonetic:arabic", "phonetic:dmsoundex", "feminine_form",
  // "nisba_form", "mrz_cut"
  std::string method;
};

struct NameComparison {
  double score = 0;
  bool match = false;
  std::vector<TokenMatch> pairs;
  std::vector<std::string> unmatched_query;      // tokens of `a` left unpaired (titles excluded)
  std::vector<std::string> unmatched_candidate;  // tokens of `b` left unpaired
  std::vector<std::string> ignored;              // titles of either name (weigh nothing)
  std::string explanation;                       // one line a reviewer can read
};

// A name made ready for many comparisons: tokens, joined spans, phonetic keys. Immutable after
// PrepareName; safe to share between threads; owns all its strings.
struct PreparedUnit {
  PreparedUnit() = default;
  // A unit of these strings and no keys (tests build units by hand this way).
  PreparedUnit(std::string_view text, std::string_view folded, std::string_view stem = {}) {
    SetStrings(text, folded, stem);
  }

  // ICAO form, tokens concatenated for spans.
  std::string_view text() const { return {chars_.data(), text_size_}; }
  // Plain-folded form (== text when no diacritics were involved).
  std::string_view folded() const {
    return folded_size_ == 0 ? text() : std::string_view(chars_.data() + text_size_, folded_size_);
  }
  // Text with a leading ABD-/AL-/EL- prefix removed, or empty.
  std::string_view stem() const {
    return {chars_.data() + text_size_ + folded_size_, stem_size_};
  }
  bool folded_differs() const { return folded_size_ != 0; }  // folded != text
  void SetStrings(std::string_view text, std::string_view folded, std::string_view stem);
  // Bytes of the strings' heap block (0 while they fit in the string itself).
  size_t heap_bytes() const { return chars_.capacity() > 15 ? chars_.capacity() + 1 : 0; }
  // Phonetic keys, compared only for equality, so held as integers (a list holds millions of
  // units): XXH3 of Double Metaphone primary / alternate and of the Arabic/Persian consonant
  // skeleton (0: no key; a 64-bit collision is negligible), Daitch-Mokotoff codes as the numbers
  // their six digits spell (sorted). PhoneticKey() gives the value for a key string.
  uint64_t dm_primary = 0;
  uint64_t dm_alternate = 0;  // 0 also when equal to the primary
  uint64_t arabic = 0;
  absl::InlinedVector<uint32_t, 4> dmsoundex;  // most names have at most 4: no heap block
  uint32_t letters = 0;  // bit c - 'A' set for each letter A-Z of `text` (LetterMask)
  // The last token of a name that fills its MRZ field (NormalizedName::field_full): a prefix
  // of the token it stands for, which TokenSimilarity pairs at cut_similarity.
  bool cut = false;
  uint8_t first = 0;  // first token index
  uint8_t count = 1;  // tokens covered
  uint8_t arabic_letters = 0;  // letters of the Arabic skeleton (255 for 255 or more)

 private:
  // The three strings back to back in one buffer (a list holds millions of units: one string
  // instead of three halves a unit), folded only when it differs from text.
  std::string chars_;
  uint16_t text_size_ = 0;
  uint16_t folded_size_ = 0;
  uint16_t stem_size_ = 0;
};

// The set of letters A-Z in `text`, one bit each.
uint32_t LetterMask(std::string_view text);
// The integer form of a phonetic key string held in PreparedUnit (0 for an empty key).
uint64_t PhoneticKey(std::string_view key);

// What the screening bound reads of a unit, 16 bytes, kept in one array per name apart from the
// units' strings and keys: a comparison that the bound settles touches nothing else of the
// candidate (the bound of SimilarityUpperBound, read from summaries in the alignment).
struct UnitSummary {
  enum Flag : uint8_t {
    kPairable = 1,  // may be paired (within the aligned tokens; a title only alone)
    kParticle = 2,  // a lone particle token
    kInitial = 4,   // a lone initial
    kFolded = 8,    // PreparedUnit::folded_differs()
    kStem = 16,     // has a PreparedUnit::stem
    kTitle = 32,    // a lone title token
    kCut = 64,      // PreparedUnit::cut
    // The bound cannot tell this unit's similarities: kInitial, kFolded or kCut is set, the
    // text has no letter A-Z, or it is 255 characters or longer.
    kLoose = 128,
  };
  // One bit per phonetic key of the unit (a Bloom filter of 64 bits): two units that share a key
  // share a bit, so no common bit means no agreeing key.
  uint64_t phonetic = 0;
  uint32_t letters = 0;  // PreparedUnit::letters
  uint8_t length = 0;    // text length, 255 for 255 or more
  uint8_t first = 0;
  uint8_t count = 1;
  uint8_t flags = 0;
};

struct PreparedToken {
  normalize::TokenKind kind = normalize::TokenKind::kName;
  normalize::TokenRole role = normalize::TokenRole::kUnknown;
  bool initial = false;
  // The share of an edge (first or last name, or a whole surname or given-name part) this token
  // carries when it stays unpaired: 1 / edge_parts, 0 for none (see compare.cc, UnpairedPenalties).
  uint8_t edge_parts = 0;
  // A particle of the ABU or ABD family right before a name token of its part (a compound name
  // with it: CompareOptions::compound_particle_penalty).
  bool compound = false;
  double weight = 1.0;
};

struct PreparedName {
  std::vector<PreparedToken> tokens;  // all tokens of the normalized name, titles included
  std::vector<PreparedUnit> units;    // units[i] for i < tokens.size() is token i; then spans
  std::vector<UnitSummary> summaries;  // summaries[i] summarizes units[i]
  int name_token_count = 0;           // tokens that are neither titles, particles nor initials
  int size = 0;                       // tokens of kind kName (names and initials)
};

// The summary of a unit alone (PrepareName adds the flags that need its name: kPairable,
// kParticle, kTitle; `initial`: a lone initial token).
UnitSummary SummarizeUnit(const PreparedUnit& u, bool initial);

// How PrepareName gets the phonetic codes of its units.
enum class CodeReuse {
  kNone,    // encodes every unit (a list's names: mostly distinct texts)
  kThread,  // a stream of queries: keeps the codes of the thread's last 65,536 unit texts and
            // reuses them (travellers' tokens repeat; the codes are the same either way)
};

// Prepares a normalized name (phonetic encoding happens here, once).
PreparedName PrepareName(const normalize::NormalizedName& name, const CompareOptions& options = {},
                         CodeReuse reuse = CodeReuse::kNone);

class SimilarityMemo;  // below

// Compares two prepared names. `a` is the query (passenger), `b` the candidate (list entry);
// the score is symmetric up to search ties.
// `memo`, when given, holds unit similarities of `a` already computed (see SimilarityMemo): the
// screener explains its best candidates with the memo their scores filled.
NameComparison ComparePrepared(const PreparedName& a, const PreparedName& b,
                               const CompareOptions& options = {},
                               SimilarityMemo* memo = nullptr);

// One pair of units of a best alignment, by unit index into a.units and b.units.
struct AlignedPair {
  uint16_t unit_a = 0;
  uint16_t unit_b = 0;
  double similarity = 0;
  const char* method = "";
};

// The score of ComparePrepared(a, b, options) alone, without building the evidence (no strings
// are allocated): for screening, which compares a query with many names and explains only the
// best one per entry. With `floor` > 0 only scores of at least `floor` are exact: a pair whose
// score an upper bound (each token's best possible pairing, from the unit bounds) puts below it
// returns 0 without computing a distance, so a screening floor makes most of a query's
// unrelated candidates cheap.
// `memo`, when given, holds the unit similarities of `a` computed so far (see SimilarityMemo).
// `pairs`, when given, receives the best alignment's pairs when the score reaches `floor` (is
// emptied otherwise: a score below the floor may come from the bound, with no alignment):
// ExplainAlignment then builds ComparePrepared's evidence from them without aligning again.
double ComparePreparedScore(const PreparedName& a, const PreparedName& b,
                            const CompareOptions& options = {}, double floor = 0,
                            SimilarityMemo* memo = nullptr,
                            std::vector<AlignedPair>* pairs = nullptr);

// ComparePrepared(a, b, options) from the score and pairs ComparePreparedScore gave.
NameComparison ExplainAlignment(const PreparedName& a, const PreparedName& b, double score,
                                const std::vector<AlignedPair>& pairs,
                                const CompareOptions& options = {});

// Convenience: prepares and compares.
NameComparison CompareNames(const normalize::NormalizedName& a, const normalize::NormalizedName& b,
                            const CompareOptions& options = {});

// Normalizes (NameForm::kAuto: MRZ, "SURNAME, GIVEN" or full name) and compares. Invalid UTF-8
// -> InvalidArgumentError naming which name and the byte offset.
absl::StatusOr<NameComparison> CompareNameStrings(std::string_view a, std::string_view b,
                                                  const CompareOptions& options = {});

// Similarity of two prepared units, and the method that produced it (exposed for tests and the
// index, which verifies candidate tokens with it).
struct UnitSimilarity {
  double score = 0;
  const char* method = "none";
};
UnitSimilarity TokenSimilarity(const PreparedUnit& a, bool a_initial, const PreparedUnit& b,
                               bool b_initial, const CompareOptions& options);

// An upper bound of TokenSimilarity(a, a_initial, b, b_initial, options).score wherever that
// score reaches options.min_token_similarity (below it a pair is never paired, and the bound may
// undercut TokenSimilarity's rough value), computed from the units' lengths, letter sets and
// phonetic keys in a few instructions (see token_similarity.cc); 1 where it cannot tell
// (initials, stems, folded forms, units without a letter set).
double SimilarityUpperBound(const PreparedUnit& a, bool a_initial, const PreparedUnit& b,
                            bool b_initial, const CompareOptions& options);

// The unit similarities of one query against many names, remembered: a list's names repeat
// their tokens (MUHAMMAD, AHMED, AL) across entries and aliases, so most unit pairs a query meets
// recur (about two in three on the UN + OFAC harness). A hit is verified against the list unit's
// strings and flags, so the results are exactly TokenSimilarity's. One query at a time: Reset()
// before the next query. Not thread-safe; each thread keeps its own.
class SimilarityMemo {
 public:
  void Reset() {
    entries_.clear();
    for (QueryPenalties& p : penalties_) p.set = false;
  }
  // TokenSimilarity(a, a_initial, b, b_initial, options) for unit `a_index` of the current query.
  UnitSimilarity Get(size_t a_index, const PreparedUnit& a, bool a_initial, const PreparedUnit& b,
                     bool b_initial, const CompareOptions& options);
  size_t size() const { return entries_.size(); }

  // What the alignment derives from the query alone, kept until Reset(): its unpaired-token
  // penalties (one per aligned token) against a shorter (0), an equally long (1) and a longer
  // (2) candidate. Filled by compare.cc on first use.
  struct QueryPenalties {
    bool set = false;
    std::array<double, 64> values;
  };
  QueryPenalties& query_penalties(int relation) { return penalties_[relation]; }

 private:
  std::array<QueryPenalties, 3> penalties_;
  struct Entry {
    const PreparedUnit* unit;  // the list unit first seen with this key
    bool initial;
    UnitSimilarity similarity;
  };
  absl::flat_hash_map<uint64_t, Entry> entries_;
};

}  // namespace paxscreen::compare
