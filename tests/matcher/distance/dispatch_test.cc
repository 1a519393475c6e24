// The dispatcher: ISA names, the PAXSCREEN_ISA parsing rules, supported-ISA listing.
#include "matcher/distance/dispatch.h"

#include <catch2/catch.hpp>
#include <string>

namespace paxscreen::distance {
namespace {

TEST_CASE("ISA names round-trip", "[distance][dispatch]") {
  for (Isa isa : {Isa::kScalar, Isa::kSse4, Isa::kAvx2, Isa::kAvx512}) {
    REQUIRE(ParseIsa(IsaName(isa)).has_value());
    CHECK(*ParseIsa(IsaName(isa)) == isa);
  }
  CHECK(!ParseIsa("AVX2").has_value());
  CHECK(!ParseIsa("neon").has_value());
}

TEST_CASE("supported ISAs start with scalar and match CpuSupports", "[distance][dispatch]") {
  const std::vector<Isa> isas = SupportedIsas();
  REQUIRE(!isas.empty());
  CHECK(isas.front() == Isa::kScalar);
  CHECK(BestIsa() == isas.back());
  for (Isa isa : isas) CHECK(KernelsFor(isa).ok());
  const CpuFeatures f = DetectCpuFeatures();
  CHECK(CpuSupports(Isa::kAvx2) == f.avx2);
}

TEST_CASE("no PAXSCREEN_ISA picks the best, not forced", "[distance][dispatch]") {
  for (const char* env : {static_cast<const char*>(nullptr), ""}) {
    absl::StatusOr<KernelSelection> sel = SelectKernels(env);
    REQUIRE(sel.ok());
    CHECK(sel->isa == BestIsa());
    CHECK(!sel->forced);
    CHECK(std::string(sel->table->name) == std::string(IsaName(BestIsa())));
  }
}

TEST_CASE("PAXSCREEN_ISA forces a supported ISA and rejects the rest", "[distance][dispatch]") {
  for (Isa isa : {Isa::kScalar, Isa::kSse4, Isa::kAvx2, Isa::kAvx512}) {
    const std::string name(IsaName(isa));
    absl::StatusOr<KernelSelection> sel = SelectKernels(name.c_str());
    if (CpuSupports(isa)) {
      REQUIRE(sel.ok());
      CHECK(sel->isa == isa);
      CHECK(sel->forced);
      CHECK(std::string(sel->table->name) == name);
    } else {
      WARN("this CPU lacks " << name << ": checking the error instead");
      CHECK(sel.status().code() == absl::StatusCode::kFailedPrecondition);
      CHECK(std::string(sel.status().message()).find(name) != std::string::npos);
    }
  }
  absl::StatusOr<KernelSelection> bad = SelectKernels("avx1024");
  CHECK(bad.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(std::string(bad.status().message()).find("avx1024") != std::string::npos);
}

}  // namespace
}  // namespace paxscreen::distance
