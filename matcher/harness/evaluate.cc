#include "matcher/harness/evaluate.h"

#include "matcher/base/parallel.h"

#include <algorithm>

namespace paxscreen::harness {

std::vector<Outcome> ScreenAll(const screen::Screener& screener,
                               const std::vector<LabelledTraveller>& travellers, int threads,
                               screen::ScreenStats* stats) {
  std::vector<Outcome> out(travellers.size());
  std::vector<screen::ScreenStats> per_item(stats != nullptr ? travellers.size() : 0);
  ParallelFor(travellers.size(), threads, [&](size_t i) {
    const LabelledTraveller& t = travellers[i];
    screen::ScreenStats* s = stats != nullptr ? &per_item[i] : nullptr;
    for (const screen::Match& m : screener.Screen(t.record, nullptr, s)) {
      if (m.entry_id == t.expected_entry_id) {
        out[i].expected_score = std::max(out[i].expected_score, m.score.score);
      } else if (m.score.score > out[i].other_score) {
        out[i].other_score = m.score.score;
        out[i].other_name = m.matched_name;
      }
    }
  });
  for (const auto& s : per_item) {
    stats->candidates += s.candidates;
    stats->names_compared += s.names_compared;
    stats->document_lookups += s.document_lookups;
  }
  return out;
}

Metrics MetricsAt(const std::vector<LabelledTraveller>& travellers,
                  const std::vector<Outcome>& outcomes, double threshold) {
  Metrics m;
  m.threshold = threshold;
  for (size_t i = 0; i < travellers.size(); ++i) {
    const LabelledTraveller& t = travellers[i];
    const Outcome& o = outcomes[i];
    const int v = static_cast<int>(t.variant);
    ++m.variant_total[v];
    if (t.expected_entry_id.empty()) {
      ++m.negatives;
      if (o.other_score >= threshold) ++m.negatives_alerted;
      continue;
    }
    ++m.positives;
    if (o.expected_score >= threshold) {
      ++m.found;
      ++m.variant_found[v];
    }
    if (o.other_score >= threshold) ++m.positives_with_wrong_alert;
  }
  return m;
}

bool TargetSearch::met() const {
  return best_recall.has_value() && best_recall->recall() >= target_recall;
}

TargetSearch SearchTarget(const std::vector<LabelledTraveller>& travellers,
                          const std::vector<Outcome>& outcomes, double from, double to,
                          double target_recall, double target_false_alarms_per_1000) {
  std::vector<double> cuts = {from, to};
  for (const Outcome& o : outcomes) {
    for (double s : {o.expected_score, o.other_score}) {
      if (s >= from && s <= to) cuts.push_back(s);
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  TargetSearch out;
  out.target_recall = target_recall;
  for (double t : cuts) {
    Metrics m = MetricsAt(travellers, outcomes, t);
    if (m.false_alarms_per_1000() <= target_false_alarms_per_1000 &&
        (!out.best_recall || m.recall() > out.best_recall->recall())) {
      out.best_recall = m;
    }
    if (m.recall() >= target_recall &&
        (!out.fewest_alarms ||
         m.false_alarms_per_1000() < out.fewest_alarms->false_alarms_per_1000())) {
      out.fewest_alarms = m;
    }
  }
  return out;
}

}  // namespace paxscreen::harness
