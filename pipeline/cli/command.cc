#include "pipeline/cli/command.h"

#include <algorithm>
#include <string>

#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace paxscreen::cli {
namespace {

std::vector<Command>& Table() {
  static auto* table = new std::vector<Command>();
  return *table;
}

// Debian's Abseil keeps its own absl::string_view (not an alias of std::string_view).
std::string Basename(absl::string_view path) {
  auto slash = path.rfind('/');
  return std::string(slash == absl::string_view::npos ? path : path.substr(slash + 1));
}

absl::string_view ToAbsl(std::string_view s) { return absl::string_view(s.data(), s.size()); }

}  // namespace

bool RegisterCommand(const Command& command) {
  Table().push_back(command);
  return true;
}

std::vector<Command> Commands() {
  std::vector<Command> out = Table();
  std::sort(out.begin(), out.end(),
            [](const Command& a, const Command& b) { return a.name < b.name; });
  return out;
}

std::vector<std::string> ParseCommandFlags(const Command& command, int argc, char** argv) {
  static std::string own_file;
  own_file = Basename(ToAbsl(command.file));
  absl::FlagsUsageConfig config;
  config.contains_help_flags = [](absl::string_view file) {
    return Basename(file) == own_file;
  };
  config.contains_helpshort_flags = config.contains_help_flags;
  config.version_string = [] { return std::string("paxscreen " PAXSCREEN_VERSION "\n"); };
  config.normalize_filename = [](absl::string_view file) { return Basename(file); };
  absl::SetFlagsUsageConfig(config);
  absl::SetProgramUsageMessage(absl::StrCat("paxscreen ", ToAbsl(command.name), ": ",
                                            ToAbsl(command.summary), "\n\n",
                                            ToAbsl(command.usage), "\n"));
  std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  std::vector<std::string> args;
  for (size_t i = 1; i < positional.size(); ++i) args.emplace_back(positional[i]);
  return args;
}

}  // namespace paxscreen::cli
