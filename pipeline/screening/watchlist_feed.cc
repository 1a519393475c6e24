#include "pipeline/screening/watchlist_feed.h"

#include <chrono>
#include <map>

#include "absl/strings/str_cat.h"
#include "matcher/screen/event.h"
#include "matcher/watchlist/loader.h"
#include "matcher/watchlist/watchlist.h"
#include "pipeline/codec/watchlist_json.h"
#include "pipeline/service/log.h"

namespace paxscreen::screening {
namespace {

using service::Log;
using service::LogLevel;

screen::ScreenOptions MakeScreenOptions(const ScreeningOptions& o) {
  screen::ScreenOptions s;
  s.shards = o.shards;
  if (o.min_score >= 0) s.score.default_threshold = o.min_score;
  return s;
}

double NowSeconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

WatchlistFeed::WatchlistFeed(ScreeningOptions options, kafka::Properties client_props,
                             service::MetricsRegistry* metrics)
    : options_(std::move(options)),
      props_(std::move(client_props)),
      screener_(MakeScreenOptions(options_)) {
  version_.store(std::make_shared<const std::string>(""));
  if (metrics != nullptr) {
    g_entries_ = &metrics->AddGauge("paxscreen_index_entries", "Watchlist entries in the index");
    g_names_ = &metrics->AddGauge("paxscreen_index_names", "Watchlist names in the index");
    g_bytes_ = &metrics->AddGauge("paxscreen_index_bytes", "Approximate memory of the index");
    g_generation_ = &metrics->AddGauge(
        "paxscreen_watchlist_version",
        "Watchlist generation: 1 after the initial load, +1 per applied batch of changes (the "
        "content version string is in every event)");
    g_updated_ = &metrics->AddGauge("paxscreen_watchlist_updated_timestamp_seconds",
                                    "Unix time of the last applied watchlist batch");
    c_changes_ = &metrics->AddCounter("paxscreen_watchlist_changes_total",
                                      "Watchlist topic changes applied (upserts and deletes)");
    c_rejected_ = &metrics->AddCounter("paxscreen_watchlist_rejected_changes_total",
                                       "Watchlist topic records that could not be decoded");
  }
}

WatchlistFeed::~WatchlistFeed() { Stop(); }

absl::Status WatchlistFeed::Start() {
  std::vector<model::WatchlistEntry> initial;
  if (options_.fixed_entries) {
    initial = *options_.fixed_entries;
  } else if (!options_.watchlist_files.empty()) {
    watchlist::LoadOptions load;
    load.ndjson_reader = codec::ImportWatchlistNdjsonFile;
    watchlist::Watchlist merged;
    for (auto& r : watchlist::LoadWatchlists(options_.watchlist_files, load)) {
      if (!r.status.ok()) {
        return absl::FailedPreconditionError(
            absl::StrCat("watchlist ", r.source, ": ", r.status.message()));
      }
      Log(LogLevel::kInfo, absl::StrCat("watchlist ", r.source, " (", r.format, "): ",
                                        r.entries.size(), " entries, ", r.skipped_entries(),
                                        " skipped"));
      merged.Merge(r);
    }
    initial = merged.entries();
  }
  for (const auto& e : initial) {
    if (e.op == model::EntryOp::kUpsert) entries_[e.entry_id] = e;
  }
  const std::string version = screen::WatchlistVersion(initial);
  seq_.fetch_add(1);
  screener_.Load(std::move(initial));
  Publish(version);
  Log(LogLevel::kInfo, absl::StrCat("index: ", screener_.entry_count(), " entries, ",
                                    screener_.name_count(), " names, ", version));

  const bool follow = !options_.fixed_entries && !options_.watchlist_topic.empty();
  if (follow) {
    auto reader = kafka::CompactedTopicReader::Create(props_, options_.watchlist_topic);
    if (!reader.ok()) return reader.status();
    reader_ = std::move(*reader);
    absl::Status s = reader_->Start(
        [this](std::optional<std::string_view> key, std::optional<std::string_view> value) {
          if (!key || key->empty()) {
            rejected_.fetch_add(1);
            if (c_rejected_) c_rejected_->Increment();
            return;
          }
          Change c{std::string(*key), std::nullopt};
          if (!kafka::IsTombstone(value)) c.value = std::string(*value);
          std::lock_guard lock(mu_);
          pending_.push_back(std::move(c));
        },
        [this] {
          std::lock_guard lock(mu_);
          caught_up_seen_ = true;
          cv_.notify_all();
        });
    if (!s.ok()) return s;
  } else {
    ready_.store(true);
  }
  if (follow) applier_ = std::thread([this] { ApplierLoop(); });
  return absl::OkStatus();
}

void WatchlistFeed::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    cv_.notify_all();
  }
  if (reader_) reader_->Stop();
  if (applier_.joinable()) applier_.join();
}

void WatchlistFeed::ApplierLoop() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    // Wake at the interval, or at once when the initial catch-up completes (readiness).
    cv_.wait_for(lock, std::chrono::milliseconds(options_.apply_interval_ms),
                 [&] { return stop_ || (caught_up_seen_ && !ready_.load()); });
    if (stop_) break;
    std::vector<Change> batch;
    batch.swap(pending_);
    const bool caught_up = caught_up_seen_;
    lock.unlock();
    if (!batch.empty()) ApplyBatch(std::move(batch));
    if (caught_up && !ready_.load()) {
      ready_.store(true);
      Log(LogLevel::kInfo, absl::StrCat("watchlist topic ", options_.watchlist_topic,
                                        " caught up: ", screener_.entry_count(), " entries, ",
                                        *version()));
    }
    lock.lock();
  }
}

void WatchlistFeed::ApplyBatch(std::vector<Change> batch) {
  // Last change per key wins; keep first-seen order for a stable log.
  std::map<std::string, std::optional<std::string>> last;
  for (auto& c : batch) last[c.key] = std::move(c.value);
  std::vector<model::WatchlistEntry> changes;
  for (auto& [key, value] : last) {
    bool remove = !value.has_value();
    model::WatchlistEntry entry;
    if (!remove) {
      auto decoded = codec::DecodeWatchlistEntry(*value, key);
      if (!decoded.ok()) {
        rejected_.fetch_add(1);
        if (c_rejected_) c_rejected_->Increment();
        Log(LogLevel::kWarn, absl::StrCat("watchlist topic: entry ", key, " rejected: ",
                                          decoded.status().message()));
        continue;
      }
      entry = std::move(*decoded);
      if (entry.entry_id.empty()) entry.entry_id = key;
      if (entry.entry_id != key) {
        rejected_.fetch_add(1);
        if (c_rejected_) c_rejected_->Increment();
        Log(LogLevel::kWarn, absl::StrCat("watchlist topic: record key ", key,
                                          " differs from its entry_id ", entry.entry_id));
        continue;
      }
      remove = entry.op == model::EntryOp::kDelete;
    }
    if (remove) {
      if (entries_.erase(key) == 0) continue;
      model::WatchlistEntry del;
      del.entry_id = key;
      del.op = model::EntryOp::kDelete;
      changes.push_back(std::move(del));
    } else {
      entries_[key] = entry;
      changes.push_back(std::move(entry));
    }
  }
  if (c_changes_) c_changes_->Increment(changes.size());
  if (changes.empty()) return;
  std::vector<model::WatchlistEntry> all;
  all.reserve(entries_.size());
  for (const auto& [id, e] : entries_) all.push_back(e);
  std::string version = screen::WatchlistVersion(all);
  seq_.fetch_add(1);  // odd: readers that overlap this apply screen again
  screener_.Apply(changes);
  Publish(std::move(version));
  Log(LogLevel::kInfo, absl::StrCat("watchlist: applied ", changes.size(), " changes: ",
                                    screener_.entry_count(), " entries, ", *this->version()));
}

void WatchlistFeed::Publish(std::string version) {
  version_.store(std::make_shared<const std::string>(std::move(version)));
  {
    std::lock_guard lock(wait_mu_);
    seq_.fetch_add(1);  // even again
  }
  apply_done_.notify_all();
  generation_.fetch_add(1);
  if (g_entries_) {
    g_entries_->Set(static_cast<double>(screener_.entry_count()));
    g_names_->Set(static_cast<double>(screener_.name_count()));
    g_bytes_->Set(static_cast<double>(screener_.MemoryBytes()));
    g_generation_->Set(static_cast<double>(generation_.load()));
    g_updated_->Set(NowSeconds());
  }
}

ScreenResult WatchlistFeed::Screen(const model::PassengerRecord& record,
                                   std::vector<std::string>* problems,
                                   screen::ScreenStats* stats) const {
  const size_t base_problems = problems ? problems->size() : 0;
  while (true) {
    const uint64_t s1 = seq_.load();
    if (s1 & 1) {
      std::unique_lock lock(wait_mu_);
      apply_done_.wait(lock, [&] { return seq_.load() != s1; });
      continue;
    }
    ScreenResult r;
    r.version = version_.load();
    if (problems) problems->resize(base_problems);
    r.matches = screener_.Screen(record, problems, stats);
    if (seq_.load() == s1) return r;
  }
}

}  // namespace paxscreen::screening
