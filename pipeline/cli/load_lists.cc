#include "pipeline/cli/load_lists.h"

#include <cstdio>

#include "matcher/watchlist/loader.h"
#include "pipeline/codec/watchlist_json.h"

namespace paxscreen::cli {

std::optional<std::vector<model::WatchlistEntry>> LoadListsOrReport(
    const std::string& who, const std::vector<std::string>& paths) {
  watchlist::LoadOptions load;
  load.ndjson_reader = codec::ImportWatchlistNdjsonFile;
  watchlist::Watchlist merged;
  for (auto& r : watchlist::LoadWatchlists(paths, load)) {
    if (!r.status.ok()) {
      std::fprintf(stderr, "%s: watchlist %s: %s\n", who.c_str(), r.source.c_str(),
                   std::string(r.status.message()).c_str());
      return std::nullopt;
    }
    std::fprintf(stderr, "watchlist %s (%s): %zu entries, %zu skipped, %zu fields dropped, %.2f s\n",
                 r.source.c_str(), r.format.c_str(), r.entries.size(), r.skipped_entries(),
                 r.dropped_fields(), r.load_seconds);
    merged.Merge(r);
  }
  return merged.entries();
}

}  // namespace paxscreen::cli
