// Measuring a screener on labelled travellers: recall, false alarms per 1,000 travellers and
// recall per variant, at one threshold or swept over many.
//
//   Outcomes o = ScreenAll(screener, travellers, 2);
//   Metrics m = MetricsAt(travellers, o, 0.80);   // m.recall, m.false_alarms_per_1000
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "matcher/harness/generator.h"
#include "matcher/screen/screener.h"

namespace paxscreen::harness {

// What screening one traveller gave, reduced to what the metrics need.
struct Outcome {
  double expected_score = -1;  // best score of the expected entry, -1 when it did not hit
  double other_score = -1;     // best score of any other entry, -1 when none hit
  std::string other_name;      // the list name that gave other_score (for --show_misses)
};

// Screens every traveller on `threads` threads. The screener's thresholds bound what can be
// measured: run it with the lowest threshold to be swept.
// `stats`, when given, receives the screener's counters summed over all travellers.
std::vector<Outcome> ScreenAll(const screen::Screener& screener,
                               const std::vector<LabelledTraveller>& travellers, int threads,
                               screen::ScreenStats* stats = nullptr);

struct Metrics {
  double threshold = 0;
  size_t positives = 0, found = 0;
  size_t negatives = 0, negatives_alerted = 0;
  size_t positives_with_wrong_alert = 0;  // a positive that also hit another entry
  std::array<size_t, kVariantCount> variant_total{}, variant_found{};
  double recall() const { return positives ? static_cast<double>(found) / positives : 0; }
  double false_alarms_per_1000() const {
    return negatives ? 1000.0 * negatives_alerted / negatives : 0;
  }
};

Metrics MetricsAt(const std::vector<LabelledTraveller>& travellers,
                  const std::vector<Outcome>& outcomes, double threshold);

// Where the thresholds in [from, to] come nearest an accuracy target: every score in the
// outcomes is tried as a threshold (the metrics change only there), not a grid.
struct TargetSearch {
  std::optional<Metrics> best_recall;    // highest recall with false alarms <= the bound
  std::optional<Metrics> fewest_alarms;  // fewest false alarms with recall >= the bound
  bool met() const;
  double target_recall = 0;
};
TargetSearch SearchTarget(const std::vector<LabelledTraveller>& travellers,
                          const std::vector<Outcome>& outcomes, double from, double to,
                          double target_recall, double target_false_alarms_per_1000);

}  // namespace paxscreen::harness
