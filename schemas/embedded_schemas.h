// The JSON Schemas of this folder, compiled into the binary so an installed paxscreen does not
// need the source tree. The text is generated at configure time from the *.schema.json files
// (see CMakeLists.txt), so editing a schema and rebuilding updates the binary.
//
//   std::string_view s = paxscreen::schemas::EmbeddedSchema("watchlist_entry");
//   if (s.empty()) ...  // unknown name
#pragma once

#include <string_view>
#include <vector>

namespace paxscreen::schemas {

// The schema text for "passenger_record", "watchlist_entry" or "match_event" (the file name
// without ".schema.json"); an empty view for any other name. Thread-safe (static data).
std::string_view EmbeddedSchema(std::string_view name);

// The names EmbeddedSchema knows, in file-name order.
std::vector<std::string_view> EmbeddedSchemaNames();

}  // namespace paxscreen::schemas
