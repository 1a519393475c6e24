// Watchlists in memory: the entries one or several list files produced, what went wrong while
// importing them, and the counts `paxscreen watchlist stats` prints.
//
//   ImportResult un = ImportUnXmlFile("un_consolidated.xml");
//   Watchlist wl;  wl.Merge(un);  WatchlistStats s = ComputeStats(wl.entries());
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "matcher/model/watchlist_entry.h"

namespace paxscreen::watchlist {

// One problem found while importing. `where` names the entry ("UN-SC:QDi.001", or
// "entry #12" when it has no id yet) or the line ("sdn.csv:4711"); `field` names the XML
// element or CSV column. Messages never carry names or document numbers.
struct ImportIssue {
  enum class Severity { kSkippedEntry, kDroppedField };
  Severity severity = Severity::kDroppedField;
  std::string where;
  std::string field;
  std::string message;

  std::string ToString() const;  // "sdn.csv:17 field 'remarks': ... (entry skipped)"
};

// What one importer produced from one list. `status` is not OK only when nothing could be
// read at all (missing file, not XML, wrong format); a bad entry is an issue, not a failure.
struct ImportResult {
  std::string source;  // the path (or paths) read
  std::string format;  // "un-xml", "ofac-csv", "ndjson"
  std::string list;    // "UN-SC", "OFAC-SDN", or "" when entries carry their own list names
  absl::Status status;
  std::vector<model::WatchlistEntry> entries;
  std::vector<ImportIssue> issues;
  double load_seconds = 0;

  size_t skipped_entries() const;
  size_t dropped_fields() const;
  void Skip(std::string where, std::string field, std::string message);
  void Drop(std::string where, std::string field, std::string message);
};

// The merged set of entries from several lists, keyed by entry_id. A later upsert of the same
// id replaces the earlier entry; an entry with op kDelete removes it. Owned by value; not
// thread-safe for writers (the index builds immutable snapshots from it).
class Watchlist {
 public:
  // Applies one entry (upsert or delete). Returns true when an entry with this id existed.
  bool Apply(model::WatchlistEntry entry);
  // Applies every entry of `result`, in order.
  void Merge(const ImportResult& result);

  const std::vector<model::WatchlistEntry>& entries() const { return entries_; }
  const model::WatchlistEntry* Find(std::string_view entry_id) const;
  size_t size() const { return entries_.size(); }

 private:
  std::vector<model::WatchlistEntry> entries_;
  absl::flat_hash_map<std::string, size_t> by_id_;
};

// Counts over a set of entries.
struct WatchlistStats {
  size_t entries = 0;
  std::map<std::string, size_t> categories;  // "individual" -> n, ...
  std::map<std::string, size_t> lists;       // "UN-SC" -> n
  size_t names = 0;
  size_t primary = 0;
  size_t alias = 0;
  size_t weak_alias = 0;
  std::map<std::string, size_t> scripts;  // ISO 15924 -> names
  size_t dates_of_birth = 0;
  size_t dob_exact = 0;       // year, month and day
  size_t dob_year_month = 0;  // month known, day not
  size_t dob_year = 0;        // year only
  size_t dob_range = 0;       // year range
  size_t dob_approximate = 0;  // any of the above flagged approximate
  size_t entries_with_dob = 0;
  size_t documents = 0;
  std::map<std::string, size_t> document_types;
  size_t nationalities = 0;
  size_t nationalities_mapped = 0;    // ISO 3166-1 alpha-3
  size_t nationalities_unmapped = 0;  // kept as the list wrote them
  std::map<std::string, size_t> unmapped_nationalities;  // text -> n (country names, not PII)
  size_t with_sex = 0;
  size_t deletes = 0;
};

WatchlistStats ComputeStats(const std::vector<model::WatchlistEntry>& entries);

// "primary", "alias", "weak_alias" and back.
std::string_view NameKindName(model::NameKind kind);
bool ParseNameKind(std::string_view s, model::NameKind* kind);

}  // namespace paxscreen::watchlist
