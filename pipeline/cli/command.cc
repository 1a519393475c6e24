#include "pipeline/cli/command.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/flags/commandlineflag.h"
#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

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

// Prints the command's usage and its flags (own file and shared ones), sorted by name.
void PrintCommandHelp(const Command& command) {
  std::printf("paxscreen %.*s: %.*s\n\n%.*s\n\nFlags:\n", static_cast<int>(command.name.size()),
              command.name.data(), static_cast<int>(command.summary.size()),
              command.summary.data(), static_cast<int>(command.usage.size()),
              command.usage.data());
  const std::string own = Basename(ToAbsl(command.file));
  std::vector<std::string> shared =
      absl::StrSplit(ToAbsl(command.shared_flags), ',', absl::SkipEmpty());
  std::vector<const absl::CommandLineFlag*> flags;
  for (const auto& [name, flag] : absl::GetAllFlags()) {
    bool mine = Basename(flag->Filename()) == own;
    bool listed = std::find(shared.begin(), shared.end(), std::string(name)) != shared.end();
    if (mine || listed) flags.push_back(flag);
  }
  std::sort(flags.begin(), flags.end(),
            [](const auto* a, const auto* b) { return a->Name() < b->Name(); });
  for (const auto* f : flags) {
    std::printf("  --%s  %s\n      default: %s\n", std::string(f->Name()).c_str(),
                f->Help().c_str(), f->DefaultValue().c_str());
  }
  std::printf("\nGeneral: --help shows this text; --version prints the version.\n");
}

std::vector<std::string> ParseCommandFlags(const Command& command, int argc, char** argv) {
  // --only-entries-since and --only_entries_since are the same flag: absl knows only the
  // underscore spelling, so dashes inside a flag's name are rewritten before parsing.
  static std::vector<std::string> rewritten;
  rewritten.assign(argv, argv + argc);
  for (int i = 1; i < argc; ++i) {
    std::string& a = rewritten[i];
    if (a == "--") break;
    if (a.size() > 2 && a[0] == '-' && a[1] == '-') {
      const size_t end = std::min(a.find('='), a.size());
      std::replace(a.begin() + 2, a.begin() + static_cast<std::ptrdiff_t>(end), '-', '_');
    }
    argv[i] = a.data();
  }
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") break;
    if (a == "--help" || a == "-h" || a == "--helpfull" || a == "-help") {
      PrintCommandHelp(command);
      std::exit(0);
    }
  }
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
