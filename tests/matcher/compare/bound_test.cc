// The screening fast paths of compare: SimilarityUpperBound never falls below a TokenSimilarity
// that reaches min_token_similarity (so the pairs it rules out could never have been paired),
// ComparePreparedScore gives ComparePrepared's score exactly, and with a floor it gives every
// score at or above the floor exactly and a value below the floor otherwise. Checked on the units
// of the labelled pair set's names, which cover the cultures, particles, folded forms and joined
// spans the matcher meets.
#include <bit>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "matcher/compare/compare.h"
#include "matcher/compare/unit_bound.h"
#include "tests/matcher/compare/labelled_names.h"

namespace paxscreen::compare {
namespace {

TEST_CASE("the similarity upper bound is never below a similarity that pairs", "[compare][bound]") {
  std::vector<std::pair<size_t, size_t>> pairs;
  const std::vector<PreparedName> names = LabelledNames({}, &pairs);
  REQUIRE(names.size() >= 600);
  struct Unit {
    const PreparedUnit* unit;
    bool initial;
  };
  std::vector<Unit> units;
  for (const PreparedName& n : names) {
    for (const PreparedUnit& u : n.units) {
      units.push_back({&u, u.count == 1 && n.tokens[u.first].initial});
    }
  }
  const CompareOptions options = GENERATE(from_range(BoundTestOptions()));
  std::mt19937_64 rng(20261203);
  std::uniform_int_distribution<size_t> pick(0, units.size() - 1);
  int ruled_out = 0;
  int checked = 0;
  auto check = [&](const Unit& x, const Unit& y) {
    const double upper = SimilarityUpperBound(*x.unit, x.initial, *y.unit, y.initial, options);
    const double sim = TokenSimilarity(*x.unit, x.initial, *y.unit, y.initial, options).score;
    ++checked;
    if (upper < options.min_token_similarity) ++ruled_out;
    // Below min_token_similarity a pair is never paired, and TokenSimilarity's own value there
    // is rough (it skips Jaro-Winkler); the bound need only hold above it.
    if (upper < sim && sim >= options.min_token_similarity) {
      FAIL_CHECK(x.unit->text() << " | " << y.unit->text() << ": bound " << upper << " < " << sim);
    }
  };
  // Random pairs (mostly unrelated), and every unit pair of each labelled pair (mostly related).
  for (int i = 0; i < 300000; ++i) check(units[pick(rng)], units[pick(rng)]);
  for (const auto& [ia, ib] : pairs) {
    for (const PreparedUnit& ua : names[ia].units) {
      for (const PreparedUnit& ub : names[ib].units) {
        check({&ua, ua.count == 1 && names[ia].tokens[ua.first].initial},
              {&ub, ub.count == 1 && names[ib].tokens[ub.first].initial});
      }
    }
  }
  // Not vacuous: the bound settles a large share of the unrelated pairs.
  INFO(ruled_out << " of " << checked << " pairs ruled out");
  CHECK(ruled_out > checked / 4);
}

TEST_CASE("known bounds", "[compare][bound]") {
  auto unit = [](const std::string& s) {
    return PrepareName(*normalize::NormalizeName(s)).units[0];
  };
  const CompareOptions o;
  CHECK(SimilarityUpperBound(unit("SMITH"), false, unit("KAROL"), false, o) <
        o.min_token_similarity);
  CHECK(SimilarityUpperBound(unit("MUHAMMAD"), false, unit("MOHAMMED"), false, o) >=
        TokenSimilarity(unit("MUHAMMAD"), false, unit("MOHAMMED"), false, o).score);
  CHECK(SimilarityUpperBound(unit("SMITH"), false, unit("SMITH"), false, o) == Approx(1.0));
  // Too different in length: TokenSimilarity's own rule, exactly.
  CHECK(SimilarityUpperBound(unit("LI"), false, unit("LINDQVIST"), false, o) == 0.0);
  // Initials are never ruled out.
  CHECK(SimilarityUpperBound(unit("J"), true, unit("JOHN"), false, o) == 1.0);
}

TEST_CASE("ComparePreparedScore equals ComparePrepared's score", "[compare][bound]") {
  std::vector<std::pair<size_t, size_t>> pairs;
  const std::vector<PreparedName> names = LabelledNames({}, &pairs);
  const CompareOptions options;
  for (const auto& [ia, ib] : pairs) {
    INFO(ia << " " << ib);
    CHECK(ComparePreparedScore(names[ia], names[ib], options) ==
          ComparePrepared(names[ia], names[ib], options).score);
    // Unrelated names too (the next pair's second name).
    const size_t other = (ib + 2) % names.size();
    CHECK(ComparePreparedScore(names[ia], names[other], options) ==
          ComparePrepared(names[ia], names[other], options).score);
  }
}

// Screening explains an entry from the pairs its scoring alignment handed over, with a floor
// and the query's memo, as the screener does: the evidence must be ComparePrepared's.
TEST_CASE("ExplainAlignment of ComparePreparedScore's pairs is ComparePrepared",
          "[compare][bound]") {
  std::vector<std::pair<size_t, size_t>> pairs;
  const std::vector<PreparedName> names = LabelledNames({}, &pairs);
  const CompareOptions options = ScreeningCompareOptions();
  SimilarityMemo memo;
  std::vector<AlignedPair> aligned;
  int explained = 0;
  for (size_t q = 0; q < names.size(); q += 5) {
    memo.Reset();
    for (size_t n = 0; n < names.size(); n += 3) {
      const double floor = n % 2 ? 0.7 : 0.0;
      aligned = {{0, 0, 0.5, "stale"}};  // must be replaced, or emptied below the floor
      const double score =
          ComparePreparedScore(names[q], names[n], options, floor, &memo, &aligned);
      if (score < floor) {
        REQUIRE(aligned.empty());
        continue;
      }
      const NameComparison want = ComparePrepared(names[q], names[n], options);
      const NameComparison got = ExplainAlignment(names[q], names[n], score, aligned, options);
      INFO(q << " " << n << ": " << want.explanation);
      REQUIRE(got.score == want.score);
      REQUIRE(got.match == want.match);
      REQUIRE(got.explanation == want.explanation);
      REQUIRE(got.pairs.size() == want.pairs.size());
      for (size_t k = 0; k < got.pairs.size(); ++k) {
        REQUIRE(got.pairs[k].query_token == want.pairs[k].query_token);
        REQUIRE(got.pairs[k].candidate_token == want.pairs[k].candidate_token);
        REQUIRE(got.pairs[k].score == want.pairs[k].score);
        REQUIRE(got.pairs[k].method == want.pairs[k].method);
      }
      REQUIRE(got.unmatched_query == want.unmatched_query);
      REQUIRE(got.unmatched_candidate == want.unmatched_candidate);
      REQUIRE(got.ignored == want.ignored);
      explained += want.pairs.empty() ? 0 : 1;
    }
  }
  CHECK(explained > 1000);
}

TEST_CASE("LettersOnly counts each set's letters the other lacks", "[compare][bound]") {
  std::mt19937_64 rng(5);
  for (int i = 0; i < 100000; ++i) {
    const uint32_t a = static_cast<uint32_t>(rng());
    const uint32_t b = i % 2 ? static_cast<uint32_t>(rng()) : a ^ (1u << (rng() % 32));
    const auto [only_a, only_b] = internal::LettersOnly(a, b);
    REQUIRE(only_a == std::popcount(a & ~b));
    REQUIRE(only_b == std::popcount(b & ~a));
  }
  CHECK(internal::LettersOnly(~0u, 0u) == std::pair<int, int>{32, 0});
  CHECK(internal::LettersOnly(0u, ~0u) == std::pair<int, int>{0, 32});
}

TEST_CASE("a similarity memo gives the scores computed without it", "[compare][bound]") {
  std::vector<std::pair<size_t, size_t>> pairs;
  const std::vector<PreparedName> names = LabelledNames({}, &pairs);
  const CompareOptions options = ScreeningCompareOptions();
  SimilarityMemo memo;
  size_t remembered = 0;
  // Each labelled name as a query against every name, as screening meets a list: the memo
  // serves one query, then is reset.
  for (size_t q = 0; q < names.size(); q += 7) {
    memo.Reset();
    for (size_t n = 0; n < names.size(); ++n) {
      INFO(q << " " << n);
      REQUIRE(ComparePreparedScore(names[q], names[n], options, 0.0, &memo) ==
              ComparePreparedScore(names[q], names[n], options));
      REQUIRE(ComparePreparedScore(names[q], names[n], options, 0.7, &memo) ==
              ComparePreparedScore(names[q], names[n], options, 0.7));
    }
    remembered += memo.size();
  }
  CHECK(remembered > 0);
}

TEST_CASE("a floor settles only scores below it", "[compare][bound]") {
  std::vector<std::pair<size_t, size_t>> pairs;
  const std::vector<PreparedName> names = LabelledNames({}, &pairs);
  const CompareOptions options = GENERATE(CompareOptions{}, ScreeningCompareOptions());
  const double floor = GENERATE(0.5, 0.7, 0.85);
  int settled = 0;
  int above = 0;
  auto check = [&](const PreparedName& a, const PreparedName& b) {
    const double exact = ComparePreparedScore(a, b, options);
    const double floored = ComparePreparedScore(a, b, options, floor);
    if (exact >= floor) {
      ++above;
      CHECK(floored == exact);
    } else {
      CHECK(floored < floor);
      settled += floored != exact ? 1 : 0;
    }
  };
  for (const auto& [ia, ib] : pairs) {
    INFO(ia << " " << ib << " floor " << floor);
    check(names[ia], names[ib]);
    for (size_t step : {2, 7, 30}) check(names[ia], names[(ib + step) % names.size()]);
  }
  // Not vacuous: both sides of the floor occur, and the bound settles some pairs below it.
  INFO(above << " pairs above the floor, " << settled << " settled by the bound");
  CHECK(above > 100);
  CHECK(settled > 40);
}

}  // namespace
}  // namespace paxscreen::compare
