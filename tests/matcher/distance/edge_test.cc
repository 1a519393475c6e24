// Edge cases on every instruction set: empty strings, identical, all different, the 64-byte
// maximum, lane-class boundaries, cutoff 0, over-long strings (reference path), bytes >= 0x80.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "matcher/distance/batch.h"
#include "matcher/distance/reference.h"
#include "tests/matcher/distance/test_util.h"

namespace paxscreen::distance {
namespace {

// Checks one query against `cands` on every engine, for the given cutoffs.
void CheckAll(const std::string& query, const std::vector<std::string>& cands, int k, double jw_cut) {
  const CandidateBatch batch(cands);
  const QueryPattern q(query);
  for (const DistanceEngine& e : testing::SupportedEngines()) {
    EditResult lev, osa;
    SimilarityResult jw;
    REQUIRE(e.Levenshtein(q, batch, k, &lev).ok());
    REQUIRE(e.Osa(q, batch, k, &osa).ok());
    REQUIRE(e.JaroWinkler(q, batch, jw_cut, &jw).ok());
    for (size_t i = 0; i < cands.size(); ++i) {
      INFO("isa=" << std::string(IsaName(e.isa())) << " i=" << i << " |q|=" << query.size()
                  << " |c|=" << cands[i].size() << " k=" << k);
      const int rl = LevenshteinReference(query, cands[i]);
      const int ro = OsaReference(query, cands[i]);
      const double rj = JaroWinklerReference(query, cands[i]);
      CHECK(int{lev.distance[i]} == std::min(rl, k + 1));
      CHECK(lev.hit(i) == (rl <= k));
      CHECK(int{osa.distance[i]} == std::min(ro, k + 1));
      CHECK(osa.hit(i) == (ro <= k));
      CHECK(jw.hit(i) == (rj >= jw_cut));
      CHECK(jw.similarity[i] == Approx(rj >= jw_cut ? rj : 0.0).margin(1e-9));
    }
  }
}

TEST_CASE("empty query and empty candidates", "[distance][edge]") {
  const std::vector<std::string> cands = {"", "A", "ABCDEFGH", "", std::string(64, 'Z'), std::string(70, 'Q')};
  for (int k : {0, 1, 254}) {
    CheckAll("", cands, k, 0.5);
    CheckAll("ABC", cands, k, 0.0);
  }
}

TEST_CASE("identical strings have distance 0 and similarity 1", "[distance][edge]") {
  testing::Rng rng(7);
  for (int len = 1; len <= 64; ++len) {
    const std::string s = testing::RandomString(rng, testing::Alphabet::kBytes, len, len);
    CheckAll(s, {s, s, s}, 0, 1.0);
  }
}

TEST_CASE("all different: disjoint alphabets", "[distance][edge]") {
  for (int len : {1, 7, 8, 9, 16, 17, 32, 33, 63, 64}) {
    std::vector<std::string> cands;
    for (int m : {1, len, 64}) cands.push_back(std::string(static_cast<size_t>(m), 'B'));
    CheckAll(std::string(static_cast<size_t>(len), 'A'), cands, 254, 0.0);
    CheckAll(std::string(static_cast<size_t>(len), 'A'), cands, 3, 0.1);
  }
}

TEST_CASE("maximum length 64 and class boundaries, cutoff 0", "[distance][edge]") {
  testing::Rng rng(11);
  std::vector<std::string> cands;
  const std::string base = testing::RandomString(rng, testing::Alphabet::kNameLike, 64, 64);
  for (int len : {1, 8, 9, 16, 17, 32, 33, 63, 64}) {
    cands.push_back(base.substr(0, static_cast<size_t>(len)));
    std::string t = base.substr(0, static_cast<size_t>(len));
    if (len >= 2) std::swap(t[0], t[1]);
    cands.push_back(t);
  }
  for (int qlen : {1, 8, 9, 16, 17, 32, 33, 64}) {
    const std::string q = base.substr(0, static_cast<size_t>(qlen));
    CheckAll(q, cands, 0, 1.0);
    CheckAll(q, cands, 1, 0.95);
    CheckAll(q, cands, 254, 0.0);
  }
}

TEST_CASE("transpositions: OSA counts one, Levenshtein two", "[distance][edge]") {
  const std::vector<std::string> cands = {"MUHAMAMD", "UMHAMMAD", "MUHAMMDA", "MUHAMMAD"};
  CheckAll("MUHAMMAD", cands, 1, 0.9);
  const CandidateBatch batch(cands);
  for (const DistanceEngine& e : testing::SupportedEngines()) {
    EditResult osa, lev;
    REQUIRE(e.Osa(QueryPattern("MUHAMMAD"), batch, 1, &osa).ok());
    REQUIRE(e.Levenshtein(QueryPattern("MUHAMMAD"), batch, 1, &lev).ok());
    CHECK(osa.hit(0));
    CHECK(int{osa.distance[0]} == 1);
    CHECK(!lev.hit(0));
    CHECK(int{lev.distance[0]} == 2);  // capped at k + 1
    CHECK(int{osa.distance[3]} == 0);
  }
}

TEST_CASE("queries and candidates longer than 64 bytes take the reference path", "[distance][edge]") {
  testing::Rng rng(5);
  const std::string q = testing::RandomString(rng, testing::Alphabet::kTiny, 80, 80);
  std::vector<std::string> cands = {testing::Mutate(rng, q, testing::Alphabet::kTiny, 90), "ABC",
                                    testing::RandomString(rng, testing::Alphabet::kTiny, 65, 100)};
  CheckAll(q, cands, 254, 0.0);
  CheckAll("ABCABC", cands, 2, 0.5);
}

TEST_CASE("bytes 0x00 and >= 0x80 are ordinary symbols", "[distance][edge]") {
  const std::string q("\x00\x80\xff\xc3\xa9", 5);
  CheckAll(q, {std::string("\x00\x80\xff\xc3\xa9", 5), std::string("\x80\x00\xff\xc3\xa9", 5),
               std::string("\xc3\xa9", 2), std::string(5, '\0')},
           1, 0.7);
}

TEST_CASE("bad arguments are errors", "[distance][edge]") {
  const CandidateBatch batch(std::vector<std::string>{"A"});
  for (const DistanceEngine& e : testing::SupportedEngines()) {
    EditResult r;
    SimilarityResult s;
    CHECK(e.Levenshtein(QueryPattern("A"), batch, -1, &r).code() == absl::StatusCode::kInvalidArgument);
    CHECK(e.JaroWinkler(QueryPattern("A"), batch, 0.5, &s, 0.3).code() == absl::StatusCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace paxscreen::distance
