// The harness's metrics and its search for the accuracy target, on hand-made outcomes whose
// answers can be counted by eye.
#include "matcher/harness/evaluate.h"

#include <catch2/catch.hpp>
#include <vector>

namespace paxscreen::harness {
namespace {

struct Case {
  std::vector<LabelledTraveller> travellers;
  std::vector<Outcome> outcomes;
  void Positive(double expected_score) {
    LabelledTraveller t;
    t.expected_entry_id = "E";
    t.variant = Variant::kExact;
    travellers.push_back(t);
    outcomes.push_back({.expected_score = expected_score});
  }
  void Negative(double other_score) {
    travellers.push_back({});
    outcomes.push_back({.other_score = other_score});
  }
};

TEST_CASE("metrics count hits at or above the threshold") {
  Case c;
  c.Positive(0.90);
  c.Positive(0.85);
  c.Positive(-1);
  c.Negative(0.86);
  c.Negative(-1);
  const Metrics m = MetricsAt(c.travellers, c.outcomes, 0.85);
  CHECK(m.positives == 3);
  CHECK(m.found == 2);
  CHECK(m.negatives == 2);
  CHECK(m.negatives_alerted == 1);
  CHECK(m.false_alarms_per_1000() == 500.0);
}

TEST_CASE("the target search tries every score, not only a grid") {
  // 1,000 negatives, one alerting at 0.874 and one at 0.9: the bound of 1 alarm per 1,000 holds
  // from 0.8741 up. 200 positives, one at 0.8745 and one at 0.85: a recall of 0.995 needs a
  // threshold <= 0.8745, so only thresholds in (0.874, 0.8745] meet both. A 0.01 grid misses
  // them (0.87 has two alarms, 0.88 a recall of 0.99).
  Case c;
  for (int i = 0; i < 198; ++i) c.Positive(0.95);
  c.Positive(0.8745);
  c.Positive(0.85);
  for (int i = 0; i < 998; ++i) c.Negative(-1);
  c.Negative(0.874);
  c.Negative(0.9);
  CHECK(MetricsAt(c.travellers, c.outcomes, 0.87).negatives_alerted == 2);
  CHECK(MetricsAt(c.travellers, c.outcomes, 0.88).recall() == 0.99);

  const TargetSearch met = SearchTarget(c.travellers, c.outcomes, 0.70, 0.95, 0.995, 1.0);
  REQUIRE(met.met());
  CHECK(met.best_recall->threshold == 0.8745);
  CHECK(met.best_recall->recall() == 0.995);
  CHECK(met.best_recall->negatives_alerted == 1);
  REQUIRE(met.fewest_alarms.has_value());
  CHECK(met.fewest_alarms->negatives_alerted == 1);

  // Half an alarm per 1,000 cannot be had with that recall: the search says how near it comes.
  const TargetSearch missed = SearchTarget(c.travellers, c.outcomes, 0.70, 0.95, 0.995, 0.5);
  CHECK_FALSE(missed.met());
  REQUIRE(missed.best_recall.has_value());
  CHECK(missed.best_recall->threshold > 0.9);  // no alarm: only the 0.95 positives are found
  CHECK(missed.best_recall->recall() == 0.99);
  CHECK(missed.fewest_alarms->negatives_alerted == 1);
}

}  // namespace
}  // namespace paxscreen::harness
