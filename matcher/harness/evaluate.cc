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

}  // namespace paxscreen::harness
