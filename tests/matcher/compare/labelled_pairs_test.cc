// The labelled pair set: its shape, and precision / recall floors at the default threshold.
// Measured when the defaults were tuned (dev split only; held-out looked at once):
//   all 442 pairs: precision 0.934, recall 0.978, F1 0.956
//   held-out 110:  precision 0.943, recall 0.957, F1 0.950
// The floors below are those figures minus a small margin, so a change that degrades the
// matcher fails here.
#include <fstream>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "matcher/base/env.h"
#include "matcher/compare/evaluate.h"

namespace paxscreen::compare {
namespace {

TEST_CASE("labelled pairs: shape, precision and recall floors", "[compare][labelled]") {
  std::ifstream in(SourceDir() + "/tests/matcher/compare/labelled_pairs.csv");
  REQUIRE(in.good());
  auto ev = EvaluateLabelledPairs(in, CompareOptions{});
  REQUIRE(ev.ok());
  CHECK(ev->errors.empty());
  CHECK(ev->all.total() >= 300);
  CHECK(ev->held_out.total() >= 75);

  const std::set<std::string> required = {
      "transliteration", "typo",      "reorder",           "initials",
      "particles",       "joined_split", "title",          "missing_middle",
      "nonmatch_same_surname", "nonmatch_same_given", "nonmatch_similar", "nonmatch_culture"};
  for (const auto& c : required) {
    INFO(c);
    CHECK(ev->by_category.count(c) == 1);
  }
  int negatives = ev->all.tn + ev->all.fp;
  CHECK(negatives >= 100);

  CHECK(ev->all.Precision() >= 0.91);
  CHECK(ev->all.Recall() >= 0.95);
  CHECK(ev->all.F1() >= 0.93);
  CHECK(ev->held_out.Precision() >= 0.90);
  CHECK(ev->held_out.Recall() >= 0.93);
  // The hard cases named in the issue are in the file; check their verdicts directly.
  for (const auto& o : ev->outcomes) {
    if ((o.name1 == "JOHN SMITH" && o.name2 == "JANE SMALL") ||
        (o.name1 == "AHMED KHAN" && o.name2 == "IMRAN KHAN")) {
      CHECK_FALSE(o.match);
    }
    if (o.name1 == "ABDUL RAHMAN" && o.name2 == "ABDULRAHMAN") CHECK(o.match);
  }
}

}  // namespace
}  // namespace paxscreen::compare
