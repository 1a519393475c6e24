// Loading watchlist files for the commands that screen (screen, harness): every supported
// format, NDJSON through the codec, one progress line per list on stderr.
//
//   auto entries = LoadListsOrReport("paxscreen screen", {"un.xml", "ofac/sdn.csv"});
//   if (!entries) return 3;
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "matcher/model/watchlist_entry.h"

namespace paxscreen::cli {

// Loads and merges the lists; prints one line per list (entries, skipped, time) to stderr.
// On a list that cannot be read at all, prints "<who>: watchlist PATH: reason" and returns
// nullopt.
std::optional<std::vector<model::WatchlistEntry>> LoadListsOrReport(
    const std::string& who, const std::vector<std::string>& paths);

}  // namespace paxscreen::cli
