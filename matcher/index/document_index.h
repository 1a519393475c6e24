// Travel-document numbers indexed for exact and one-substitution lookup, at the scale of
// INTERPOL's Stolen and Lost Travel Documents database (~100 M numbers) in a few GB.
//
//   DocumentIndex::Builder b;  b.Add("X1234567", "GBR", /*payload=*/7);
//   DocumentIndex idx = std::move(b).Build();  idx.Lookup("X1234S67", true, &hits);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace paxscreen::index {

// Upper-case alphanumerics only: spaces, hyphens, MRZ fillers '<' and other punctuation go.
// Letters with diacritics are not expected in document numbers and are dropped.
std::string NormalizeDocumentNumber(std::string_view number);

// Packs an ISO 3166-1 alpha-3 code ("GBR") into 15 bits; 0 for empty or malformed codes.
uint16_t PackIssuingState(std::string_view alpha3);
std::string UnpackIssuingState(uint16_t packed);

// An immutable set of (document number, issuing state, payload) rows.
//
// Layout (cost per document, at most 33 bytes):
//   keys_      64-bit keys ordered by a bijective mix of the key: numbers of <= 10 characters packed exactly, 6 bits a
//              character (0 pads), so equal keys mean equal numbers, and XOR plus popcount
//              tells a one-character substitution without unpacking;
//   payload_, states_  parallel to keys_;
//   halves_[2] sorted (32-bit key of half h << 32 | the other half packed in 30 bits), for the
//              substitution lookup: a number that differs from a stored one of the same length
//              by one substituted character keeps one half intact, so that half's entries hold
//              every such neighbour, and the packed other half verifies it in-register.
//   key_dir_, half_dir_  bucket offsets over the top bits of the mixed key / half key, about
//              four rows a bucket, so a lookup jumps to its bucket instead of binary searching.
// Exact lookup scans one bucket (O(1), one or two cache misses); substitution lookup scans, for
// each half, the contiguous entries sharing that half (a few dozen at 100 M random 9-character
// numbers) and runs an exact lookup only for real neighbours. Numbers of more than 10 characters (rare: ICAO passport numbers
// have at most 9) live in small hash maps beside the arrays, with the same halves idea.
// Thread-safety: immutable after Build(); any number of concurrent readers.
class DocumentIndex {
 public:
  struct LongRow {
    std::string number;
    uint32_t payload;
    uint16_t state;
  };
  struct Hit {
    uint32_t payload;        // what the caller stored (e.g. an entry index)
    uint16_t issuing_state;  // PackIssuingState of the stored row
    int substituted_at;      // -1 for an exact match, else the differing position
  };

  class Builder {
   public:
    // Numbers are normalized; an empty normalized number is ignored (returns false).
    bool Add(std::string_view number, std::string_view issuing_state, uint32_t payload);
    void Reserve(size_t n) { rows_.reserve(n); }
    // Sorts and indexes; with `threads` > 1 the two half arrays are sorted in parallel.
    DocumentIndex Build(int threads = 1) &&;

   private:
    struct Row {
      uint64_t key;
      uint32_t payload;
      uint16_t state;
    };
    std::vector<Row> rows_;
    std::vector<LongRow> long_rows_;
  };

  DocumentIndex() = default;
  DocumentIndex(DocumentIndex&&) noexcept = default;
  DocumentIndex& operator=(DocumentIndex&&) noexcept = default;

  // Appends the rows matching `number` (normalized here) to `out`: exact matches, and with
  // `allow_substitution` also rows of the same length differing in exactly one character.
  void Lookup(std::string_view number, bool allow_substitution, std::vector<Hit>* out) const;

  size_t size() const { return keys_.size(); }
  size_t MemoryBytes() const;

 private:
  void LookupLong(std::string_view normalized, bool allow_substitution,
                  std::vector<Hit>* out) const;

  std::vector<uint64_t> keys_;
  std::vector<uint32_t> payload_;
  std::vector<uint16_t> states_;
  std::vector<uint64_t> halves_[2];
  // Bucket directories over the top bits_ bits of Mix(key) and of the half keys.
  int bits_ = 1;
  std::vector<uint32_t> key_dir_;
  std::vector<uint32_t> half_dir_[2];
  // Numbers over 10 characters: rows, exact map, and per-half maps to row ids.
  std::vector<LongRow> long_rows_;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> long_exact_;
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> long_halves_;
};

}  // namespace paxscreen::index
