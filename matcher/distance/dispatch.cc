// Kernel selection; see dispatch.h.
#include "matcher/distance/dispatch.h"

#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace paxscreen::distance {

std::string_view IsaName(Isa isa) {
  switch (isa) {
    case Isa::kScalar: return "scalar";
    case Isa::kSse4: return "sse4";
    case Isa::kAvx2: return "avx2";
    case Isa::kAvx512: return "avx512";
  }
  return "unknown";
}

std::optional<Isa> ParseIsa(std::string_view name) {
  for (Isa isa : {Isa::kScalar, Isa::kSse4, Isa::kAvx2, Isa::kAvx512}) {
    if (name == IsaName(isa)) return isa;
  }
  return std::nullopt;
}

CpuFeatures DetectCpuFeatures() {
  __builtin_cpu_init();
  CpuFeatures f;
  f.sse42 = __builtin_cpu_supports("sse4.2");
  f.avx2 = __builtin_cpu_supports("avx2");
  f.bmi2 = __builtin_cpu_supports("bmi2");
  f.avx512f = __builtin_cpu_supports("avx512f");
  f.avx512bw = __builtin_cpu_supports("avx512bw");
  f.avx512vl = __builtin_cpu_supports("avx512vl");
  return f;
}

bool CpuSupports(Isa isa) {
  static const CpuFeatures f = DetectCpuFeatures();
  switch (isa) {
    case Isa::kScalar: return true;
    case Isa::kSse4: return f.sse42;
    case Isa::kAvx2: return f.avx2;
    case Isa::kAvx512: return f.avx512f && f.avx512bw && f.avx512vl && f.bmi2;
  }
  return false;
}

std::vector<Isa> SupportedIsas() {
  std::vector<Isa> out;
  for (Isa isa : {Isa::kScalar, Isa::kSse4, Isa::kAvx2, Isa::kAvx512}) {
    if (CpuSupports(isa)) out.push_back(isa);
  }
  return out;
}

Isa BestIsa() { return SupportedIsas().back(); }

absl::StatusOr<const internal::KernelTable*> KernelsFor(Isa isa) {
  if (!CpuSupports(isa)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "distance kernels: this CPU does not support the '", std::string(IsaName(isa)),
        "' instruction set"));
  }
  switch (isa) {
    case Isa::kScalar: return &internal::ScalarKernels();
    case Isa::kSse4: return &internal::Sse4Kernels();
    case Isa::kAvx2: return &internal::Avx2Kernels();
    case Isa::kAvx512: return &internal::Avx512Kernels();
  }
  return absl::InvalidArgumentError("distance kernels: unknown instruction set");
}

absl::StatusOr<KernelSelection> SelectKernels(const char* env_value) {
  KernelSelection sel;
  if (env_value != nullptr && env_value[0] != '\0') {
    const std::optional<Isa> isa = ParseIsa(env_value);
    if (!isa.has_value()) {
      return absl::InvalidArgumentError(absl::StrCat(
          kIsaEnvVar, "='", env_value, "' is not one of scalar, sse4, avx2, avx512"));
    }
    if (!CpuSupports(*isa)) {
      return absl::FailedPreconditionError(absl::StrCat(
          kIsaEnvVar, "=", env_value, " was requested but this CPU does not support it"));
    }
    sel.isa = *isa;
    sel.forced = true;
  } else {
    sel.isa = BestIsa();
  }
  absl::StatusOr<const internal::KernelTable*> table = KernelsFor(sel.isa);
  if (!table.ok()) return table.status();
  sel.table = *table;
  return sel;
}

const absl::StatusOr<KernelSelection>& ActiveKernels() {
  static const absl::StatusOr<KernelSelection> kSelection = SelectKernels(std::getenv(kIsaEnvVar));
  return kSelection;
}

}  // namespace paxscreen::distance
