// The screening processor the streaming service runs (`processor.name = screening`): decodes a
// Kafka record (a JSON passenger record, or one UN/EDIFACT PAXLST / PNRGOV message with many
// travellers), screens every traveller against the live watchlist, drops cleared pairs, and
// returns match events keyed by record_id (plus one audit record per traveller on the results
// topic when configured).
//
//   PAX_ASSIGN_OR_RETURN(auto p, MakeScreeningProcessor(service_config));
//   service::StreamService svc(service_config, std::move(p));  svc.Run(&stop);
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pipeline/screening/cleared_pairs.h"
#include "pipeline/screening/options.h"
#include "pipeline/screening/watchlist_feed.h"
#include "pipeline/service/processor.h"

namespace paxscreen::screening {

// Header on every match event and results record: the watchlist version that screened it.
inline constexpr char kHeaderWatchlistVersion[] = "paxscreen.watchlist.version";

// Dead-letter classes (header paxscreen.error.class):
inline constexpr char kErrorDecode[] = "decode";            // not JSON / not EDIFACT / malformed
inline constexpr char kErrorPartial[] = "decode.partial";   // EDIFACT: some travellers undecodable
inline constexpr char kErrorValidate[] = "validation";      // JSON without record_id or usable name

// Counts kept by the processor (also exported as metrics when the service provides a registry).
struct ScreeningCounts {
  uint64_t travellers = 0;   // screened
  uint64_t rejected_travellers = 0;
  uint64_t hits = 0;         // emitted
  uint64_t suppressed = 0;   // cleared pairs, not emitted
};

// Thread-safety: Process() runs on every worker at once; Start() and Stop() once each. Owns
// the WatchlistFeed and the ClearedPairs.
class ScreeningProcessor : public service::Processor {
 public:
  explicit ScreeningProcessor(ScreeningOptions options) : options_(std::move(options)) {}
  ~ScreeningProcessor() override;

  absl::Status Start(service::ProcessorContext& context) override;
  bool Ready() const override;
  service::ProcessOutcome Process(const service::InputRecord& record) override;
  void Stop() override;

  ScreeningCounts counts() const;
  const WatchlistFeed* feed() const { return feed_.get(); }
  ClearedPairs& cleared() { return cleared_; }

 private:
  struct Metrics {
    service::Counter* travellers = nullptr;
    service::Counter* rejected = nullptr;
    service::Counter* hits_high = nullptr;
    service::Counter* hits_medium = nullptr;
    service::Counter* hits_low = nullptr;
    service::Counter* suppressed = nullptr;
    service::Gauge* cleared_pairs = nullptr;
    service::Histogram* screen_latency = nullptr;
  };
  void ScreenOne(const model::PassengerRecord& record, const service::InputRecord& in,
                 service::ProcessOutcome* out);

  ScreeningOptions options_;
  service::MetricsRegistry own_metrics_;  // when the context brings none (replay, tests)
  Metrics m_;
  std::unique_ptr<WatchlistFeed> feed_;
  ClearedPairs cleared_;
  std::atomic<uint64_t> travellers_{0}, rejected_{0}, hits_{0}, suppressed_{0};
};

// Factory for the processor registry: options from the config's processor.* keys.
absl::StatusOr<std::unique_ptr<service::Processor>> MakeScreeningProcessor(
    const service::ServiceConfig& config);

// JSON of one results-topic record (hand-written: the codec module owns RapidJSON).
std::string EncodeScreeningResult(const std::string& record_id, size_t hits, size_t suppressed,
                                  double best_score, int64_t latency_us,
                                  const std::string& watchlist_version,
                                  const std::string& screened_at, const service::InputRecord& in);

}  // namespace paxscreen::screening
