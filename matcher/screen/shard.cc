#include "matcher/screen/shard.h"

#include "matcher/normalize/normalize.h"

namespace paxscreen::screen {
namespace {

bool IsNameToken(const compare::PreparedToken& t) {
  return t.kind == normalize::TokenKind::kName && !t.initial;
}

absl::StatusOr<normalize::NormalizedName> NormalizeEntryName(const model::EntryName& n) {
  if (!n.surname.empty() || !n.given_names.empty()) {
    return normalize::NormalizeNameParts(n.surname, n.given_names);
  }
  return normalize::NormalizeName(n.full, normalize::NameForm::kFull);
}

}  // namespace

std::vector<index::QueryToken> IndexTokens(const compare::PreparedName& name, int* positions) {
  // Position of each token: its rank among the name tokens; particles, titles and initials
  // take the position of the next name token (they only matter joined to it).
  std::vector<int> pos(name.tokens.size(), -1);
  int next = 0;
  for (size_t i = 0; i < name.tokens.size(); ++i) {
    if (IsNameToken(name.tokens[i])) pos[i] = next++;
  }
  *positions = next;
  std::vector<index::QueryToken> out;
  for (const compare::PreparedUnit& u : name.units) {
    int p = -1;
    for (int k = u.first; k < u.first + u.count && k < static_cast<int>(pos.size()); ++k) {
      if (pos[k] >= 0) {
        p = pos[k];
        break;
      }
    }
    if (p < 0) continue;  // a lone particle, title or initial is too common to look up
    const bool fuzzy = u.count == 1;
    // The unit's phonetic codes: PrepareName encodes every unit but a lone initial, and a lone
    // initial has no position (above).
    index::QueryToken token{std::string(u.text()), p, fuzzy};
    token.has_codes = true;
    token.metaphone_primary = u.dm_primary;
    token.metaphone_alternate = u.dm_alternate;
    token.arabic = u.arabic;
    token.arabic_letters = u.arabic_letters;
    out.push_back(std::move(token));
    if (u.folded_differs()) out.push_back({std::string(u.folded()), p, fuzzy});
  }
  return out;
}

std::shared_ptr<const Shard> Shard::Build(std::vector<model::WatchlistEntry> entries,
                                          const ScreenOptions& options) {
  auto shard = std::make_shared<Shard>();
  shard->entries_ = std::move(entries);
  std::vector<std::vector<index::QueryToken>> strings;
  std::vector<uint8_t> positions;
  index::DocumentIndex::Builder docs;
  for (uint32_t e = 0; e < shard->entries_.size(); ++e) {
    const model::WatchlistEntry& entry = shard->entries_[e];
    for (size_t d = 0; d < entry.documents.size(); ++d) {
      docs.Add(entry.documents[d].number, entry.documents[d].issuing_state,
               Shard::DocumentPayload(e, d));
    }
    if (!options.screen_entities && !entry.category.empty() && entry.category != "individual") {
      continue;
    }
    for (size_t n = 0; n < entry.names.size() && n < 0xffff; ++n) {
      auto normalized = NormalizeEntryName(entry.names[n]);
      if (!normalized.ok() || normalized->tokens.empty()) continue;
      compare::PreparedName prepared = compare::PrepareName(*normalized, options.compare);
      int npos = 0;
      std::vector<index::QueryToken> toks = IndexTokens(prepared, &npos);
      if (toks.empty()) continue;
      strings.push_back(std::move(toks));
      positions.push_back(static_cast<uint8_t>(std::min(npos, 255)));
      shard->names_.push_back({e, static_cast<uint16_t>(n),
                               entry.names[n].kind == model::NameKind::kWeakAlias});
      shard->prepared_.push_back(std::move(prepared));
    }
  }
  shard->tokens_ = index::TokenIndex::Build(strings, positions, options.tokens);
  // Entries per dictionary token, from its postings: names are added entry by entry, so the
  // ascending name ids of a token change entry exactly where a new entry starts.
  shard->token_entries_.resize(shard->tokens_.token_count());
  for (uint32_t t = 0; t < shard->token_entries_.size(); ++t) {
    uint32_t count = 0;
    uint32_t previous = 0;
    for (uint32_t name : shard->tokens_.Postings(t)) {
      const uint32_t entry = shard->names_[name].entry;
      if (count == 0 || entry != previous) ++count;
      previous = entry;
    }
    shard->token_entries_[t] = count;
  }
  shard->documents_ = std::move(docs).Build();
  return shard;
}

MemoryParts Shard::Memory() const {
  MemoryParts m;
  m.token_index = tokens_.MemoryBytes();
  m.documents = documents_.MemoryBytes();
  m.other = names_.capacity() * sizeof(NameRef) + token_entries_.capacity() * sizeof(uint32_t);
  for (const auto& p : prepared_) {
    m.prepared_names += sizeof(p) + p.tokens.capacity() * sizeof(compare::PreparedToken) +
                        p.summaries.capacity() * sizeof(compare::UnitSummary);
    for (const auto& u : p.units) {
      const size_t codes = u.dmsoundex.size() > 4 ? u.dmsoundex.capacity() : 0;  // heap only
      m.prepared_names += sizeof(u) + codes * sizeof(uint32_t) + u.heap_bytes();
    }
  }
  return m;
}

}  // namespace paxscreen::screen
