// One shard of the screening index: an immutable snapshot of some watchlist entries with their
// names prepared for comparison, a token index over the names and a document index.
// Internal to matcher/screen.
//
//   auto shard = Shard::Build(std::move(entries), options);
//   shard->FindCandidates(query, &name_ids, &stats);
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "matcher/compare/compare.h"
#include "matcher/index/document_index.h"
#include "matcher/index/token_index.h"
#include "matcher/model/watchlist_entry.h"
#include "matcher/screen/screener.h"

namespace paxscreen::screen {

// The index strings of a prepared name (tokens and joined spans that carry a name token,
// text and folded forms) with the position each stands for; `positions` gets the number of
// name tokens. Shared by the index build and the query so both sides agree.
std::vector<index::QueryToken> IndexTokens(const compare::PreparedName& name, int* positions);

// Immutable after Build(); shared between readers through shared_ptr<const Shard>.
class Shard {
 public:
  struct NameRef {
    uint32_t entry;
    uint16_t name_no;
    bool weak = false;  // a weak alias (read on every comparison: kept here, not in the entry)
  };

  // The document index's 32-bit payload: the entry index and which of its documents (the
  // first 15 are told apart; an entry rarely lists more).
  static uint32_t DocumentPayload(uint32_t entry, size_t document) {
    return (entry << 4) | static_cast<uint32_t>(std::min<size_t>(document, 15));
  }
  static uint32_t PayloadEntry(uint32_t payload) { return payload >> 4; }
  static size_t PayloadDocument(uint32_t payload) { return payload & 15; }

  static std::shared_ptr<const Shard> Build(std::vector<model::WatchlistEntry> entries,
                                            const ScreenOptions& options);

  const std::vector<model::WatchlistEntry>& entries() const { return entries_; }
  const std::vector<NameRef>& names() const { return names_; }
  const compare::PreparedName& prepared(uint32_t name) const { return prepared_[name]; }
  const index::TokenIndex& tokens() const { return tokens_; }
  const index::DocumentIndex& documents() const { return documents_; }
  // In how many of this shard's entries an index string (a name token or joined span, text or
  // folded form) occurs: the document frequency behind ScoreOptions::common_name_penalty.
  uint32_t TokenEntries(std::string_view token) const {
    const int64_t id = tokens_.TokenId(token);
    return id < 0 ? 0 : token_entries_[id];
  }
  MemoryParts Memory() const;
  size_t MemoryBytes() const { return Memory().total(); }

 private:
  std::vector<model::WatchlistEntry> entries_;
  std::vector<NameRef> names_;
  std::vector<compare::PreparedName> prepared_;
  index::TokenIndex tokens_;
  index::DocumentIndex documents_;  // payload: DocumentPayload(entry index, document index)
  std::vector<uint32_t> token_entries_;  // by token id of tokens_; see TokenEntries()
};

}  // namespace paxscreen::screen
