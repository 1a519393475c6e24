#include "pipeline/screening/processor.h"

#include <chrono>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "matcher/screen/event.h"
#include "pipeline/codec/event_json.h"
#include "pipeline/codec/passenger_json.h"
#include "pipeline/edifact/decode.h"

namespace paxscreen::screening {
namespace {

void AppendJsonString(std::string* out, std::string_view s) {
  out->push_back('"');
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(ch);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out->append(buf);
    } else {
      out->push_back(ch);
    }
  }
  out->push_back('"');
}

std::string Where(const service::InputRecord& in) {
  return absl::StrCat(std::string(in.topic), "/", in.partition, "@", in.offset);
}

}  // namespace

std::string EncodeScreeningResult(const std::string& record_id, size_t hits, size_t suppressed,
                                  double best_score, int64_t latency_us,
                                  const std::string& watchlist_version,
                                  const std::string& screened_at, const service::InputRecord& in) {
  std::string out = "{\"record_id\":";
  AppendJsonString(&out, record_id);
  char score[32];
  std::snprintf(score, sizeof score, "%.4f", best_score);
  absl::StrAppend(&out, ",\"hits\":", hits, ",\"suppressed\":", suppressed, ",\"best_score\":",
                  score, ",\"latency_us\":", latency_us, ",\"watchlist_version\":");
  AppendJsonString(&out, watchlist_version);
  out += ",\"screened_at\":";
  AppendJsonString(&out, screened_at);
  out += ",\"source\":{\"topic\":";
  AppendJsonString(&out, in.topic);
  absl::StrAppend(&out, ",\"partition\":", in.partition, ",\"offset\":", in.offset, "}}");
  return out;
}

ScreeningProcessor::~ScreeningProcessor() { Stop(); }

absl::Status ScreeningProcessor::Start(service::ProcessorContext& context) {
  service::MetricsRegistry& reg = context.metrics != nullptr ? *context.metrics : own_metrics_;
  m_.travellers = &reg.AddCounter("paxscreen_travellers_screened_total", "Travellers screened");
  m_.rejected = &reg.AddCounter("paxscreen_travellers_rejected_total",
                                "Travellers that could not be decoded (their input went to the DLQ)");
  const char* kHits = "Match events emitted, by band";
  m_.hits_high = &reg.AddCounter("paxscreen_hits_total", kHits, {{"band", "high"}});
  m_.hits_medium = &reg.AddCounter("paxscreen_hits_total", kHits, {{"band", "medium"}});
  m_.hits_low = &reg.AddCounter("paxscreen_hits_total", kHits, {{"band", "low"}});
  m_.suppressed = &reg.AddCounter("paxscreen_suppressed_hits_total",
                                  "Hits on cleared (traveller, entry) pairs, not emitted");
  m_.cleared_pairs = &reg.AddGauge("paxscreen_cleared_pairs", "Cleared pairs held");
  m_.screen_latency = &reg.AddHistogram("paxscreen_screen_latency_seconds",
                                        "Decode + screen + encode time per traveller",
                                        service::ExponentialBuckets(0.00001, 2, 16));
  if (!options_.cleared_file.empty()) {
    absl::Status s = cleared_.LoadFile(options_.cleared_file);
    if (!s.ok()) return s;
  }
  if (!options_.cleared_topic.empty()) {
    absl::Status s = cleared_.StartTopic(context.client_properties, options_.cleared_topic);
    if (!s.ok()) return s;
  }
  m_.cleared_pairs->Set(static_cast<double>(cleared_.size()));
  feed_ = std::make_unique<WatchlistFeed>(options_, context.client_properties, &reg);
  return feed_->Start();
}

bool ScreeningProcessor::Ready() const {
  return feed_ != nullptr && feed_->ready() && cleared_.ready();
}

void ScreeningProcessor::Stop() {
  if (feed_) feed_->Stop();
  cleared_.Stop();
}

ScreeningCounts ScreeningProcessor::counts() const {
  return {travellers_.load(), rejected_.load(), hits_.load(), suppressed_.load()};
}

void ScreeningProcessor::ScreenOne(const model::PassengerRecord& record,
                                   const service::InputRecord& in, service::ProcessOutcome* out) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::string> problems = record.warnings;
  ScreenResult r = feed_->Screen(record, &problems, nullptr);
  std::string traveller_key;
  if (!r.matches.empty() && cleared_.size() > 0) traveller_key = TravellerKey(record);
  screen::EventContext ctx;
  ctx.watchlist_version = *r.version;
  ctx.screened_at = screen::NowRfc3339();
  ctx.include_passenger_tokens = options_.passenger_data_in_events;
  const auto latency = [&] {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::steady_clock::now() - started)
        .count();
  };
  ctx.latency_us = latency();
  size_t emitted = 0, suppressed = 0;
  double best = 0;
  for (const auto& match : r.matches) {
    if (!traveller_key.empty() && cleared_.Contains(traveller_key, match.entry_id)) {
      ++suppressed;
      continue;
    }
    best = std::max(best, match.score.score);
    model::MatchEvent ev = screen::ToEvent(match, record, problems, ctx);
    if (ev.band == "high") m_.hits_high->Increment();
    else if (ev.band == "medium") m_.hits_medium->Increment();
    else m_.hits_low->Increment();
    out->outputs.push_back({"", record.record_id, codec::EncodeMatchEvent(ev),
                            {{kHeaderWatchlistVersion, *r.version}}});
    ++emitted;
  }
  const int64_t total_us = latency();
  if (!options_.results_topic.empty()) {
    out->outputs.push_back(
        {options_.results_topic, record.record_id,
         EncodeScreeningResult(record.record_id, emitted, suppressed, best, total_us, *r.version,
                               ctx.screened_at, in),
         {{kHeaderWatchlistVersion, *r.version}}});
  }
  m_.screen_latency->Observe(total_us / 1e6);
  m_.travellers->Increment();
  travellers_.fetch_add(1);
  hits_.fetch_add(emitted);
  if (suppressed > 0) {
    m_.suppressed->Increment(suppressed);
    suppressed_.fetch_add(suppressed);
  }
}

service::ProcessOutcome ScreeningProcessor::Process(const service::InputRecord& in) {
  service::ProcessOutcome out;
  const edifact::MessageFormat format = edifact::DetectFormat(in.value);
  auto reject = [&](const char* error_class, std::string message, uint64_t travellers) {
    out.dead_letter = service::DeadLetter{error_class, std::move(message)};
    rejected_.fetch_add(travellers);
    m_.rejected->Increment(travellers);
  };
  if (format == edifact::MessageFormat::kNdjson) {
    auto record = codec::DecodePassengerRecord(in.value, Where(in));
    if (!record.ok()) {
      reject(kErrorValidate, std::string(record.status().message()), 1);
      return out;
    }
    ScreenOne(*record, in, &out);
    return out;
  }
  if (format == edifact::MessageFormat::kUnknown) {
    reject(kErrorDecode,
           absl::StrCat(Where(in), ": neither a JSON passenger record nor a PAXLST/PNRGOV message"),
           1);
    return out;
  }
  auto decoded = edifact::DecodeEdifact(in.value);
  if (!decoded.ok()) {
    reject(kErrorDecode, absl::StrCat(Where(in), ": ", decoded.status().message()), 1);
    return out;
  }
  for (const auto& record : decoded->records) ScreenOne(record, in, &out);
  if (!decoded->errors.empty()) {
    // The good travellers are screened; the message goes to the DLQ as well, with every
    // traveller error, so the bad ones can be fixed and the message re-sent (event ids are
    // deterministic, so the re-screened good travellers do not raise new alerts downstream).
    std::string message = absl::StrCat(Where(in), ": ", decoded->errors.size(), " of ",
                                       decoded->errors.size() + decoded->records.size(),
                                       " travellers undecodable");
    for (const auto& e : decoded->errors) {
      absl::StrAppend(&message, "; traveller ", e.traveller, " segment ", e.segment, " ", e.tag,
                      ": ", e.message);
    }
    reject(kErrorPartial, std::move(message), decoded->errors.size());
  }
  return out;
}

absl::StatusOr<std::unique_ptr<service::Processor>> MakeScreeningProcessor(
    const service::ServiceConfig& config) {
  auto options = ScreeningOptionsFromConfig(config);
  if (!options.ok()) return options.status();
  return std::unique_ptr<service::Processor>(new ScreeningProcessor(std::move(*options)));
}

}  // namespace paxscreen::screening
