// Run-time choice of the distance kernels: what the CPU supports, which instruction set is in
// use, and the PAXSCREEN_ISA override (scalar | sse4 | avx2 | avx512) for tests and benchmarks.
//
//   PAX_ASSIGN_OR_RETURN(KernelSelection sel, ActiveKernels());   // chosen once, then cached
//   std::cout << IsaName(sel.isa) << (sel.forced ? " (forced)" : "");
//
// The choice is made at first use (cpuid through __builtin_cpu_supports) and stored for the
// life of the process, the way simdjson picks its implementation. An unknown or unsupported
// PAXSCREEN_ISA value is an error returned by every call, never a silent fallback.
// Thread-safe: the cached selection is initialized once (function-local static).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "matcher/distance/kernel.h"

namespace paxscreen::distance {

enum class Isa { kScalar = 0, kSse4 = 1, kAvx2 = 2, kAvx512 = 3 };

inline constexpr char kIsaEnvVar[] = "PAXSCREEN_ISA";

// "scalar", "sse4", "avx2", "avx512".
std::string_view IsaName(Isa isa);
// Inverse of IsaName; nullopt for anything else.
std::optional<Isa> ParseIsa(std::string_view name);

// What cpuid reports (with OS support for the wider registers, as libgcc checks it).
struct CpuFeatures {
  bool sse42 = false;
  bool avx2 = false;
  bool bmi2 = false;
  bool avx512f = false;
  bool avx512bw = false;
  bool avx512vl = false;
};
CpuFeatures DetectCpuFeatures();

// True when this CPU can run the kernels of `isa` (scalar always can).
bool CpuSupports(Isa isa);
// Every instruction set this CPU can run, from scalar up.
std::vector<Isa> SupportedIsas();
// The best instruction set this CPU can run.
Isa BestIsa();

// The kernel table of one instruction set; FailedPrecondition when the CPU lacks it.
absl::StatusOr<const internal::KernelTable*> KernelsFor(Isa isa);

struct KernelSelection {
  Isa isa = Isa::kScalar;
  bool forced = false;  // chosen by PAXSCREEN_ISA rather than by cpuid
  const internal::KernelTable* table = nullptr;
};

// Pure selection logic: `env_value` is the PAXSCREEN_ISA value (nullptr or "" = not set).
// InvalidArgument for an unknown name, FailedPrecondition for an instruction set the CPU lacks.
absl::StatusOr<KernelSelection> SelectKernels(const char* env_value);

// The process-wide selection, made from the environment at first call and cached.
const absl::StatusOr<KernelSelection>& ActiveKernels();

}  // namespace paxscreen::distance
