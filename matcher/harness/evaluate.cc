#include "matcher/harness/evaluate.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace paxscreen::harness {

std::vector<Outcome> ScreenAll(const screen::Screener& screener,
                               const std::vector<LabelledTraveller>& travellers, int threads,
                               screen::ScreenStats* stats) {
  std::vector<Outcome> out(travellers.size());
  std::atomic<size_t> next{0};
  std::mutex mu;
  auto work = [&] {
    screen::ScreenStats local;
    for (size_t i = next++; i < travellers.size(); i = next++) {
      const LabelledTraveller& t = travellers[i];
      for (const screen::Match& m : screener.Screen(t.record, nullptr, &local)) {
        double& slot = m.entry_id == t.expected_entry_id ? out[i].expected_score
                                                         : out[i].other_score;
        slot = std::max(slot, m.score.score);
      }
    }
    if (stats != nullptr) {
      std::lock_guard<std::mutex> lock(mu);
      stats->candidates += local.candidates;
      stats->names_compared += local.names_compared;
      stats->document_lookups += local.document_lookups;
    }
  };
  std::vector<std::thread> pool;
  for (int k = 1; k < threads; ++k) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
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
