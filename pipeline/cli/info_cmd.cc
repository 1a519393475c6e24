// `paxscreen info`: the version, the CPU features the distance kernels look at, the kernel in
// use and whether PAXSCREEN_ISA forced it. Exit status 1 when PAXSCREEN_ISA is unusable.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "matcher/distance/dispatch.h"
#include "pipeline/cli/command.h"

namespace paxscreen::cli {
namespace {

constexpr char kUsage[] =
    "paxscreen info\n\n"
    "Prints the paxscreen version, the CPU features seen (sse4.2, avx2, bmi2, avx512f,\n"
    "avx512bw, avx512vl), the edit-distance kernels this CPU can run and the one in use.\n"
    "PAXSCREEN_ISA=scalar|sse4|avx2|avx512 forces a kernel; an unknown or unsupported value\n"
    "is reported here (exit status 1) and by every command that compares names.";

const char* YesNo(bool b) { return b ? "yes" : "no"; }

int RunInfo(std::vector<std::string> args) {
  if (!args.empty()) {
    std::fprintf(stderr, "paxscreen info: takes no arguments\n");
    return 2;
  }
  namespace d = paxscreen::distance;
  std::printf("paxscreen %s\n", PAXSCREEN_VERSION);
  const d::CpuFeatures f = d::DetectCpuFeatures();
  std::printf("cpu features: sse4.2=%s avx2=%s bmi2=%s avx512f=%s avx512bw=%s avx512vl=%s\n",
              YesNo(f.sse42), YesNo(f.avx2), YesNo(f.bmi2), YesNo(f.avx512f), YesNo(f.avx512bw),
              YesNo(f.avx512vl));
  std::string supported;
  for (d::Isa isa : d::SupportedIsas()) {
    if (!supported.empty()) supported += ' ';
    supported += std::string(d::IsaName(isa));
  }
  std::printf("distance kernels supported: %s\n", supported.c_str());
  const absl::StatusOr<d::KernelSelection>& sel = d::ActiveKernels();
  if (!sel.ok()) {
    std::printf("distance kernel in use: none\n");
    std::fprintf(stderr, "paxscreen info: %s\n", std::string(sel.status().message()).c_str());
    return 1;
  }
  if (sel->forced) {
    std::printf("distance kernel in use: %s (forced by %s)\n", sel->table->name, d::kIsaEnvVar);
  } else {
    std::printf("distance kernel in use: %s (best for this CPU; %s not set)\n", sel->table->name,
                d::kIsaEnvVar);
  }
  return 0;
}

}  // namespace

PAXSCREEN_COMMAND("info", "Version, CPU features and the distance kernel in use", kUsage, RunInfo);

}  // namespace paxscreen::cli
