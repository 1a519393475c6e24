// Flags that several subcommands read. absl flags are process-wide, so each is defined once,
// in shared_flags.cc; a command lists the ones it uses in PAXSCREEN_COMMAND_WITH_SHARED_FLAGS
// so that its --help shows them.
//
//   int n = absl::GetFlag(FLAGS_threads);
#pragma once

#include <string>

#include "absl/flags/declare.h"

ABSL_DECLARE_FLAG(int, threads);
ABSL_DECLARE_FLAG(int, shards);
ABSL_DECLARE_FLAG(std::string, input);
ABSL_DECLARE_FLAG(std::string, output);
ABSL_DECLARE_FLAG(std::string, format);
ABSL_DECLARE_FLAG(double, threshold);
ABSL_DECLARE_FLAG(bool, json);
