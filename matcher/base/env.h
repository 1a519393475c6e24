// Where tests and tools find the shared sample data and the repository's own files.
//
//   auto dir = SharedDataDir();          // "../shared/data", or empty when absent
//   if (dir.empty()) SKIP("no shared data");
#pragma once

#include <string>

namespace paxscreen {

// The folder with the shared watchlists and messages: $PAXSCREEN_SHARED_DATA when set and
// present, else ../shared/data relative to the repository root or the working directory.
// Returns an empty string when none exists (a user's clone without the shared folder).
std::string SharedDataDir();

// The repository root: $PAXSCREEN_SOURCE_DIR when set, else the directory compiled in.
std::string SourceDir();

}  // namespace paxscreen
