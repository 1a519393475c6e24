#include "pipeline/screening/replay.h"

#include <chrono>
#include <map>
#include <thread>
#include <unistd.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "matcher/watchlist/loader.h"
#include "matcher/watchlist/watchlist.h"
#include "pipeline/codec/watchlist_json.h"
#include "pipeline/kafka/consumer.h"
#include "pipeline/kafka/producer.h"
#include "pipeline/kafka/time_window.h"
#include "pipeline/screening/options.h"
#include "pipeline/screening/processor.h"
#include "pipeline/service/log.h"

namespace paxscreen::screening {
namespace {

using Clock = std::chrono::steady_clock;

kafka::Properties ReaderProps(const kafka::Properties& client, const std::string& purpose) {
  kafka::Properties p = client;
  p.push_back({"group.id", absl::StrCat("paxscreen-", purpose, "-", getpid())});
  p.push_back({"enable.auto.commit", "false"});
  p.push_back({"enable.auto.offset.store", "false"});
  p.push_back({"isolation.level", "read_committed"});
  return p;
}

absl::StatusOr<std::vector<model::WatchlistEntry>> LoadFiles(const std::vector<std::string>& files) {
  watchlist::LoadOptions load;
  load.ndjson_reader = codec::ImportWatchlistNdjsonFile;
  watchlist::Watchlist merged;
  for (auto& r : watchlist::LoadWatchlists(files, load)) {
    if (!r.status.ok()) {
      return absl::FailedPreconditionError(absl::StrCat("watchlist ", r.source, ": ", r.status.message()));
    }
    merged.Merge(r);
  }
  return merged.entries();
}

// Every partition of `topics` from its low to its high watermark.
absl::StatusOr<std::vector<kafka::PartitionRange>> WholeTopics(kafka::Consumer& consumer,
                                                               const std::vector<std::string>& topics) {
  std::vector<kafka::PartitionRange> out;
  for (const auto& topic : topics) {
    auto count = consumer.PartitionCount(topic, 10000);
    if (!count.ok()) return count.status();
    for (int p = 0; p < *count; ++p) {
      auto wm = consumer.QueryWatermarks(topic, p, 10000);
      if (!wm.ok()) return wm.status();
      out.push_back({topic, p, wm->first, wm->second});
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<int64_t> ParseReplayTime(const std::string& text) {
  int64_t ms = 0;
  if (absl::SimpleAtoi(text, &ms)) return ms;
  absl::Time t;
  std::string err;
  if (!absl::ParseTime(absl::RFC3339_full, text, &t, &err)) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", text, "' is neither RFC 3339 (2026-11-23T10:00:00Z) nor epoch ms: ", err));
  }
  return absl::ToUnixMillis(t);
}

absl::StatusOr<std::vector<TimedEntry>> ReadWatchlistTopic(const kafka::Properties& props,
                                                           const std::string& topic) {
  auto consumer = kafka::Consumer::Create(ReaderProps(props, "watchlist-read"));
  if (!consumer.ok()) return consumer.status();
  auto ranges = WholeTopics(**consumer, {topic});
  if (!ranges.ok()) return ranges.status();
  std::map<std::string, TimedEntry> current;
  absl::Status bad;
  absl::Status s = kafka::ReadRanges(**consumer, *ranges, [&](const kafka::Message& m) {
    if (!m.key()) return;
    const std::string key(*m.key());
    if (kafka::IsTombstone(m.value())) {
      current.erase(key);
      return;
    }
    auto e = codec::DecodeWatchlistEntry(*m.value(), key);
    if (!e.ok()) {
      service::Log(service::LogLevel::kWarn, absl::StrCat("watchlist topic: entry ", key,
                                                          " skipped: ", e.status().message()));
      return;
    }
    if (e->op == model::EntryOp::kDelete) {
      current.erase(key);
      return;
    }
    current[key] = {std::move(*e), m.timestamp_ms()};
  }, nullptr, 15000);
  if (!s.ok()) return s;
  std::vector<TimedEntry> out;
  for (auto& [k, v] : current) out.push_back(std::move(v));
  return out;
}

absl::StatusOr<std::vector<model::WatchlistEntry>> EntriesSince(
    const service::ServiceConfig& config, const std::string& since) {
  auto options = ScreeningOptionsFromConfig(config);
  if (!options.ok()) return options.status();
  std::vector<TimedEntry> topic_entries;
  if (!options->watchlist_topic.empty()) {
    auto t = ReadWatchlistTopic(config.ClientProperties(), options->watchlist_topic);
    if (!t.ok()) return t.status();
    topic_entries = std::move(*t);
  }
  std::vector<model::WatchlistEntry> out;
  if (auto time = ParseReplayTime(since); time.ok()) {
    // Entries from files carry no publish time: only the topic's entries can be "since T".
    for (auto& t : topic_entries) {
      if (t.timestamp_ms >= *time) out.push_back(std::move(t.entry));
    }
    return out;
  }
  // An older list: entries absent from it, or whose content changed.
  std::vector<std::string> old_files = absl::StrSplit(since, ',', absl::SkipWhitespace());
  auto old = LoadFiles(old_files);
  if (!old.ok()) return old.status();
  absl::flat_hash_map<std::string, std::string> old_json;
  for (const auto& e : *old) old_json[e.entry_id] = codec::EncodeWatchlistEntry(e);
  std::map<std::string, model::WatchlistEntry> current;  // files first, topic on top
  if (!options->watchlist_files.empty()) {
    auto files = LoadFiles(options->watchlist_files);
    if (!files.ok()) return files.status();
    for (auto& e : *files) current[e.entry_id] = std::move(e);
  }
  for (auto& t : topic_entries) current[t.entry.entry_id] = std::move(t.entry);
  for (auto& [id, e] : current) {
    auto it = old_json.find(id);
    if (it == old_json.end() || it->second != codec::EncodeWatchlistEntry(e)) out.push_back(std::move(e));
  }
  return out;
}

absl::StatusOr<ReplaySummary> RunReplay(const service::ServiceConfig& config,
                                        const ReplayOptions& ro) {
  auto options = ScreeningOptionsFromConfig(config);
  if (!options.ok()) return options.status();
  if (options->replay_topic.empty()) {
    return absl::InvalidArgumentError("replay: set processor.replay.topic (where replayed events go)");
  }
  if (ro.to_ms < ro.from_ms) return absl::InvalidArgumentError("replay: --to is before --from");
  const std::string replay_topic = options->replay_topic;
  if (!ro.only_entries_since.empty()) {
    auto subset = EntriesSince(config, ro.only_entries_since);
    if (!subset.ok()) return subset.status();
    options->fixed_entries = std::move(*subset);
  }
  options->results_topic.clear();  // a replay writes events only; the audit trail is the live one

  ScreeningProcessor processor(*options);
  service::ProcessorContext ctx{nullptr, &config, config.ClientProperties()};
  absl::Status s = processor.Start(ctx);
  if (!s.ok()) return s;
  const auto ready_deadline = Clock::now() + std::chrono::milliseconds(ro.ready_timeout_ms);
  while (!processor.Ready()) {
    if (Clock::now() > ready_deadline) return absl::DeadlineExceededError("replay: watchlist not loaded in time");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  auto consumer = kafka::Consumer::Create(ReaderProps(config.ClientProperties(), "replay"));
  if (!consumer.ok()) return consumer.status();
  absl::StatusOr<std::vector<kafka::PartitionRange>> ranges =
      ro.window == ReplayWindow::kIndex
          ? kafka::ResolveTimeWindow(**consumer, config.input_topics, ro.from_ms, ro.to_ms)
          : WholeTopics(**consumer, config.input_topics);
  if (!ranges.ok()) return ranges.status();

  kafka::Properties pp = config.ClientProperties();
  pp.push_back({"enable.idempotence", "true"});
  pp.push_back({"linger.ms", "5"});
  auto producer = kafka::Producer::Create(pp, {});
  if (!producer.ok()) return producer.status();

  ReplaySummary summary;
  summary.entries = processor.feed()->entry_count();
  summary.watchlist_version = *processor.feed()->version();
  const auto t0 = Clock::now();
  absl::Status produce_error;
  s = kafka::ReadRanges(**consumer, *ranges, [&](const kafka::Message& m) {
    const int64_t ts = m.timestamp_ms();
    if (ro.window == ReplayWindow::kScan && (ts < ro.from_ms || ts >= ro.to_ms)) return;
    ++summary.records;
    const std::string topic = m.topic();
    const std::vector<kafka::Header> headers = m.headers();
    service::InputRecord in{topic, m.partition(), m.offset(), ts, m.key(),
                            m.value().value_or(std::string_view()), &headers};
    service::ProcessOutcome outcome = processor.Process(in);
    if (outcome.dead_letter) ++summary.dead_letters;
    for (const auto& o : outcome.outputs) {
      if (!o.topic.empty()) continue;
      absl::Status ps = (*producer)->Produce(
          {replay_topic, o.key ? std::optional<std::string_view>(*o.key) : std::nullopt,
           std::string_view(o.value), &o.headers});
      if (!ps.ok() && produce_error.ok()) produce_error = ps;
      ++summary.hits;
    }
  }, ro.stop, 30000);
  if (!s.ok()) return s;
  if (!produce_error.ok()) return produce_error;
  s = (*producer)->Flush(30000);
  if (!s.ok()) return s;
  if ((*producer)->failed() != 0) {
    return absl::UnavailableError(absl::StrCat("replay: ", (*producer)->failed(),
                                               " events not delivered: ",
                                               (*producer)->last_delivery_error()));
  }
  const ScreeningCounts c = processor.counts();
  summary.travellers = c.travellers;
  summary.suppressed = c.suppressed;
  summary.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  processor.Stop();
  return summary;
}

}  // namespace paxscreen::screening
