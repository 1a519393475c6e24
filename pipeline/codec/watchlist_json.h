// JSON for model::WatchlistEntry (schemas/watchlist_entry.schema.json, ../shared/DESIGN.md
// "Watchlist entry") and the paxscreen NDJSON watchlist format: one entry object per line.
//
//   std::string line = EncodeWatchlistEntry(entry);                  // no trailing newline
//   watchlist::ImportResult r = ImportWatchlistNdjsonFile("list.ndjson");
//
// Dates of birth are EDTF strings: "1963", "1963-04", "1963-04-11", "1960/1965" (year range),
// with a trailing "~" when approximate. `op` is written only for deletes.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "matcher/model/watchlist_entry.h"
#include "matcher/watchlist/watchlist.h"

namespace paxscreen::codec {

std::string EncodeWatchlistEntry(const model::WatchlistEntry& entry);

// Validates `json` against the watchlist_entry schema, then reads it. Errors name the
// entry_id (or `where` when there is none), the JSON pointer and what was expected.
absl::StatusOr<model::WatchlistEntry> DecodeWatchlistEntry(std::string_view json,
                                                           std::string_view where = "");

// "1963-04-11~" and friends; nullopt-like error for anything else.
absl::StatusOr<model::DateOfBirth> ParseEdtfDate(std::string_view s);
std::string FormatEdtfDate(const model::DateOfBirth& d);

// Reads NDJSON text: blank lines are skipped; a bad line becomes an issue "file:line" (with the
// entry id when readable) and the rest still loads. `source` names the input.
watchlist::ImportResult ImportWatchlistNdjson(std::string_view text, std::string_view source);

// Reads a file; a missing file gives a non-OK status in the result. Fits
// watchlist::LoadOptions::ndjson_reader.
watchlist::ImportResult ImportWatchlistNdjsonFile(const std::string& path);

}  // namespace paxscreen::codec
