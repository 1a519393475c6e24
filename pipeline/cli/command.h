// Subcommands of the `paxscreen` program. Each lives in its own *_cmd.cc file and registers
// itself at start-up; main.cc dispatches on the first argument.
//
//   int RunCompare(std::vector<std::string> args);
//   PAXSCREEN_COMMAND("compare", "Score two names and explain the score", RunCompare);
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace paxscreen::cli {

// Receives the positional arguments left after flag parsing (the subcommand name removed).
using CommandFn = int (*)(std::vector<std::string> args);

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `paxscreen --help`
  std::string_view usage;    // the text `paxscreen NAME --help` shows above the flags
  CommandFn run;
  std::string_view file;  // __FILE__ of the command: its absl flags are the ones --help shows
  // Comma-separated names of flags defined in shared_flags.cc that this command also reads
  // (absl flags are global, so a flag several commands use is defined once there).
  std::string_view shared_flags = "";
};

// Adds a command to the table; returns true so it can initialize a static.
bool RegisterCommand(const Command& command);

// The registered commands, sorted by name.
std::vector<Command> Commands();

// Parses absl flags for `command` from argv (argv[0] = "paxscreen NAME") and returns the
// positional arguments. --help shows the command's usage, the flags of its file and its
// shared flags.
// Exits with status 2 on a flag error, 0 after --help.
std::vector<std::string> ParseCommandFlags(const Command& command, int argc, char** argv);

}  // namespace paxscreen::cli

#define PAXSCREEN_CMD_CONCAT_INNER_(a, b) a##b
#define PAXSCREEN_CMD_CONCAT_(a, b) PAXSCREEN_CMD_CONCAT_INNER_(a, b)
// PAXSCREEN_COMMAND(name, summary, usage, fn): registers `fn` as `paxscreen name`.
#define PAXSCREEN_COMMAND(name, summary, usage, fn)                                   \
  static const bool PAXSCREEN_CMD_CONCAT_(paxscreen_command_registered_, __LINE__) = \
      ::paxscreen::cli::RegisterCommand({name, summary, usage, fn, __FILE__})
// The same, for a command that also reads flags of shared_flags.cc ("format,threshold").
#define PAXSCREEN_COMMAND_WITH_SHARED_FLAGS(name, summary, usage, fn, shared)          \
  static const bool PAXSCREEN_CMD_CONCAT_(paxscreen_command_registered_, __LINE__) = \
      ::paxscreen::cli::RegisterCommand({name, summary, usage, fn, __FILE__, shared})
