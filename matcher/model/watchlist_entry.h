// A watchlist entry: the in-memory form of schemas/watchlist_entry.schema.json (see
// ../shared/DESIGN.md, "Watchlist entry"). Importers (matcher/watchlist) produce these.
//
//   model::WatchlistEntry e; e.entry_id = "QDi.001"; e.list = "UN-SC";
//   e.names.push_back({.full = "..."});
#pragma once

#include <string>
#include <vector>

namespace paxscreen::model {

enum class NameKind { kPrimary, kAlias, kWeakAlias };

struct EntryName {
  std::string full;         // the name as the list writes it
  std::string surname;      // when the list separates it
  std::string given_names;
  std::string script;       // ISO 15924 code of the original script ("Latn", "Arab", ...)
  NameKind kind = NameKind::kPrimary;
};

// A date of birth as lists give them: exact, year and month, year only, or a year range.
struct DateOfBirth {
  int year = 0;   // 0 = unknown
  int month = 0;  // 0 = unknown
  int day = 0;    // 0 = unknown
  int year_to = 0;  // > year for a range "1960-1965"; 0 otherwise
  bool approximate = false;  // the list says "approximately" / "circa"
};

struct EntryDocument {
  std::string type;    // "passport", "national_id", ...
  std::string number;
  std::string issuing_state;  // ISO 3166-1 alpha-3 when known, else as the list writes it
};

enum class EntryOp { kUpsert, kDelete };

// Owned by value; no thread-safety of its own.
struct WatchlistEntry {
  std::string entry_id;
  std::string list;      // "UN-SC", "OFAC-SDN", "NATIONAL", "SLTD", ...
  std::string category;  // "individual", "entity", "vessel", "document", ...
  std::vector<EntryName> names;
  std::vector<DateOfBirth> dates_of_birth;
  std::vector<std::string> nationalities;  // ISO 3166-1 alpha-3 where mappable, else as given
  std::string sex;  // M, F or empty
  std::vector<EntryDocument> documents;
  // Countries of the listed addresses (alpha-3 where mappable). Not a nationality: a weak
  // hint only (a Syrian national may be listed at an address in the UAE).
  std::vector<std::string> address_countries;
  EntryOp op = EntryOp::kUpsert;
};

}  // namespace paxscreen::model
