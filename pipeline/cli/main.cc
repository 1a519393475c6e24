// `paxscreen`: dispatches to the subcommand named by the first argument.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "pipeline/cli/command.h"

namespace {

void PrintHelp(FILE* out) {
  std::fprintf(out,
               "paxscreen " PAXSCREEN_VERSION
               " - screen air passengers (API/PNR) against watchlists\n\n"
               "Usage: paxscreen COMMAND [FLAGS] [ARGS]\n\nCommands:\n");
  for (const auto& c : paxscreen::cli::Commands()) {
    std::fprintf(out, "  %-12.*s %.*s\n", static_cast<int>(c.name.size()), c.name.data(),
                 static_cast<int>(c.summary.size()), c.summary.data());
  }
  std::fprintf(out,
               "\nRun `paxscreen COMMAND --help` for a command's flags and examples.\n"
               "Personal data (names, document numbers) never appears in logs at the default "
               "level.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
      std::strcmp(argv[1], "help") == 0) {
    PrintHelp(argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  if (std::strcmp(argv[1], "--version") == 0) {
    std::printf("paxscreen %s\n", PAXSCREEN_VERSION);
    return 0;
  }
  for (const auto& c : paxscreen::cli::Commands()) {
    if (c.name == argv[1]) {
      std::string program = std::string("paxscreen ") + argv[1];
      std::vector<char*> sub_argv;
      sub_argv.push_back(program.data());
      for (int i = 2; i < argc; ++i) sub_argv.push_back(argv[i]);
      auto args = paxscreen::cli::ParseCommandFlags(c, static_cast<int>(sub_argv.size()),
                                                    sub_argv.data());
      return c.run(std::move(args));
    }
  }
  std::fprintf(stderr, "paxscreen: unknown command '%s'\n\n", argv[1]);
  PrintHelp(stderr);
  return 2;
}
