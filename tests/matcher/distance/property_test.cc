// Every instruction set against the dynamic-programming references on random batches:
// >= 1M (query, candidate) pairs per instruction set, each checked for Levenshtein, OSA and
// Jaro-Winkler, with random cutoffs. The reference is computed once per pair and shared.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "matcher/distance/batch.h"
#include "matcher/distance/reference.h"
#include "tests/matcher/distance/test_util.h"

namespace paxscreen::distance {
namespace {

using testing::Alphabet;
using testing::Rng;

constexpr int kRounds = 1000;
constexpr int kBatchSize = 1030;  // not a multiple of any lane count: exercises the tails

// Lengths 0-64, weighted towards name lengths so that the references stay affordable.
int MaxLenFor(Rng& rng) {
  switch (rng() % 4) {
    case 0: return 64;
    case 1: return 32;
    default: return 16;
  }
}

TEST_CASE("every ISA agrees with the references on random pairs", "[distance][property]") {
  const std::vector<DistanceEngine> engines = testing::SupportedEngines();
  REQUIRE(!engines.empty());
  Rng rng(20240611);
  const int edit_cutoffs[] = {0, 1, 2, 3, 5, 8, 254};
  const double jw_cutoffs[] = {0.0, 0.0, 0.5, 0.7, 0.85, 0.9};
  long long pairs = 0;
  long long hits = 0;
  EditResult lev;
  EditResult osa;
  SimilarityResult jw;
  for (int round = 0; round < kRounds; ++round) {
    const Alphabet alphabet = round % 5 == 0 ? Alphabet::kBytes
                              : round % 5 == 1 ? Alphabet::kTiny
                                               : Alphabet::kNameLike;
    const std::string query = testing::RandomString(rng, alphabet, 0, MaxLenFor(rng));
    std::vector<std::string> cands(kBatchSize);
    for (std::string& c : cands) {
      c = rng() % 2 ? testing::Mutate(rng, query, alphabet, 64)
                    : testing::RandomString(rng, alphabet, 0, MaxLenFor(rng));
    }
    std::vector<int> ref_lev(kBatchSize), ref_osa(kBatchSize);
    std::vector<double> ref_jw(kBatchSize);
    for (int i = 0; i < kBatchSize; ++i) {
      ref_lev[i] = LevenshteinReference(query, cands[i]);
      ref_osa[i] = OsaReference(query, cands[i]);
      ref_jw[i] = JaroWinklerReference(query, cands[i]);
    }
    const CandidateBatch batch(cands);
    const QueryPattern q(query);
    const int k = edit_cutoffs[rng() % 7];
    const double jw_cut = jw_cutoffs[rng() % 6];
    for (const DistanceEngine& e : engines) {
      REQUIRE(e.Levenshtein(q, batch, k, &lev).ok());
      REQUIRE(e.Osa(q, batch, k, &osa).ok());
      REQUIRE(e.JaroWinkler(q, batch, jw_cut, &jw).ok());
      for (int i = 0; i < kBatchSize; ++i) {
        const bool lev_ok = lev.distance[i] == std::min(ref_lev[i], k + 1) && lev.hit(i) == (ref_lev[i] <= k);
        const bool osa_ok = osa.distance[i] == std::min(ref_osa[i], k + 1) && osa.hit(i) == (ref_osa[i] <= k);
        const bool jw_hit = ref_jw[i] >= jw_cut;
        const bool jw_ok = jw.hit(i) == jw_hit &&
                           std::fabs(jw.similarity[i] - (jw_hit ? ref_jw[i] : 0.0)) <= 1e-9;
        if (!lev_ok || !osa_ok || !jw_ok) {
          INFO("isa=" << std::string(IsaName(e.isa())) << " round=" << round << " k=" << k
                      << " jw_cut=" << jw_cut << " query.size=" << query.size()
                      << " cand.size=" << cands[i].size() << " lev=" << int{lev.distance[i]}
                      << "/" << ref_lev[i] << " osa=" << int{osa.distance[i]} << "/" << ref_osa[i]
                      << " jw=" << jw.similarity[i] << "/" << ref_jw[i]);
          REQUIRE(lev_ok);
          REQUIRE(osa_ok);
          REQUIRE(jw_ok);
        }
        hits += lev.hit(i);
      }
    }
    pairs += kBatchSize;
  }
  CHECK(pairs >= 1000000);
  CHECK(hits / static_cast<long long>(engines.size()) > pairs / 10);  // the mutated candidates make sure cutoffs are really exercised
}

}  // namespace
}  // namespace paxscreen::distance
