// Loads watchlist files of any supported format: recognizes each file, runs its importer and
// returns one ImportResult per list. OFAC's alt.csv/add.csv are picked up beside sdn.csv.
//
//   LoadOptions opts;  opts.ndjson_reader = codec::ImportWatchlistNdjsonFile;  // from codec
//   std::vector<ImportResult> lists = LoadWatchlists({"un.xml", "ofac/sdn.csv"}, opts);
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "matcher/watchlist/watchlist.h"

namespace paxscreen::watchlist {

enum class WatchlistFormat { kUnknown, kUnXml, kOfacCsv, kOfacAuxiliary, kNdjson };

std::string_view FormatName(WatchlistFormat f);

// Decides from the file name and the first bytes:
//   XML with a CONSOLIDATED_LIST root (or a .xml name)        -> kUnXml
//   sdn.csv, or a CSV whose first row has 12 columns           -> kOfacCsv
//   alt.csv / add.csv                                           -> kOfacAuxiliary
//   a first non-blank byte '{' (or .ndjson / .jsonl / .json)    -> kNdjson
//   a folder holding sdn.csv                                    -> kOfacCsv
WatchlistFormat DetectFormat(const std::string& path, std::string_view head);

struct LoadOptions {
  // Reads paxscreen NDJSON (one watchlist_entry JSON per line). The watchlist module does not
  // parse JSON; the codec module provides this (pipeline/codec/watchlist_json.h).
  std::function<ImportResult(const std::string& path)> ndjson_reader;
};

// One result per list; a path that cannot be used gives a result with a non-OK status. An
// alt.csv/add.csv named next to its sdn.csv is not loaded twice. Never throws.
std::vector<ImportResult> LoadWatchlists(const std::vector<std::string>& paths,
                                         const LoadOptions& options = {});

// The whole file; NotFound / PermissionDenied style errors name the path.
absl::StatusOr<std::string> ReadFileToString(const std::string& path);

}  // namespace paxscreen::watchlist
