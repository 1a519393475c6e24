#include "pipeline/screening/demo.h"

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <thread>

#include "absl/strings/str_cat.h"
#include "pipeline/codec/passenger_json.h"
#include "pipeline/kafka/consumer.h"
#include "pipeline/kafka/mock_cluster.h"
#include "pipeline/kafka/producer.h"
#include "pipeline/screening/demo_data.h"
#include "pipeline/screening/processor.h"
#include "pipeline/screening/publish.h"
#include "pipeline/service/service.h"

namespace paxscreen::screening {
namespace {

using Clock = std::chrono::steady_clock;

constexpr char kInput[] = "pax.records";
constexpr char kEvents[] = "pax.match-events";
constexpr char kDlq[] = "pax.records.dlq";
constexpr char kResults[] = "pax.screening-results";
constexpr char kWatchlist[] = "pax.watchlist";
constexpr int kPartitions = 4;

}  // namespace

std::string PeekJsonField(std::string_view json, std::string_view key) {
  const std::string needle = absl::StrCat("\"", std::string(key), "\":");
  const size_t at = json.find(needle);
  if (at == std::string_view::npos) return "";
  size_t i = at + needle.size();
  if (i < json.size() && json[i] == '"') {
    const size_t end = json.find('"', i + 1);
    return end == std::string_view::npos ? "" : std::string(json.substr(i + 1, end - i - 1));
  }
  size_t end = i;
  while (end < json.size() && json[end] != ',' && json[end] != '}') ++end;
  return std::string(json.substr(i, end - i));
}

absl::StatusOr<DemoSummary> RunDemo(const DemoOptions& options, std::FILE* out) {
  const auto started = Clock::now();
  const auto deadline = started + std::chrono::milliseconds(options.timeout_ms);
  auto cluster = kafka::MockCluster::Create(1);
  if (!cluster.ok()) return cluster.status();
  for (const auto& [topic, parts] : std::vector<std::pair<std::string, int>>{
           {kInput, kPartitions}, {kEvents, kPartitions}, {kDlq, 1}, {kResults, kPartitions},
           {kWatchlist, 1}}) {
    absl::Status s = (*cluster)->CreateTopic(topic, parts);
    if (!s.ok()) return s;
  }
  const kafka::Properties base = {{"bootstrap.servers", (*cluster)->bootstrap_servers()},
                                  {"log_level", "3"}};

  // 1. The synthetic watchlist, published like `paxscreen watchlist publish` does.
  auto published = PublishWatchlist(base, kWatchlist, DemoWatchlist());
  if (!published.ok()) return published.status();

  // 2. The passenger feed (JSON records keyed by record_id) and two undecodable records.
  DemoFeed feed = GenerateDemoFeed({.records = options.records, .planted = options.planted});
  {
    kafka::Properties fp = base;
    fp.push_back({"linger.ms", "5"});
    auto producer = kafka::Producer::Create(fp, {});
    if (!producer.ok()) return producer.status();
    for (const auto& r : feed.records) {
      const std::string value = codec::EncodePassengerRecord(r);
      absl::Status s = (*producer)->Produce({kInput, std::string_view(r.record_id), std::string_view(value)});
      if (!s.ok()) return s;
    }
    for (std::string_view bad : {std::string_view("{\"record_id\": 17"), std::string_view("UNB+garbage")}) {
      absl::Status s = (*producer)->Produce({kInput, std::string_view("bad"), bad});
      if (!s.ok()) return s;
    }
    absl::Status s = (*producer)->Flush(30000);
    if (!s.ok()) return s;
  }
  const size_t bad_records = 2;

  // 3. The service, configured as `paxscreen run` would be by a config file.
  service::ServiceConfig cfg;
  cfg.input_topics = {kInput};
  cfg.output_topic = kEvents;
  cfg.dlq_topic = kDlq;
  cfg.mode = service::DeliveryMode::kExactlyOnce;
  cfg.transactional_id = "paxscreen-demo-0";
  cfg.workers = options.workers;
  cfg.commit_interval_ms = 100;
  cfg.http_listen = "off";
  cfg.processor = "screening";
  cfg.kafka_common = base;
  cfg.kafka_consumer = {{"group.id", "paxscreen-demo"}, {"fetch.wait.max.ms", "10"}};
  cfg.processor_options = {{"watchlist.topic", kWatchlist}, {"results.topic", kResults}};
  auto processor = MakeScreeningProcessor(cfg);
  if (!processor.ok()) return processor.status();
  auto* screening = static_cast<ScreeningProcessor*>(processor->get());
  service::StreamService svc(cfg, std::move(*processor));
  absl::Status run_status;
  std::thread runner([&] { run_status = svc.Run(); });

  // 4. Read the outputs as they arrive.
  kafka::Properties rp = base;
  rp.push_back({"group.id", "paxscreen-demo-reader"});
  rp.push_back({"fetch.wait.max.ms", "10"});
  auto reader = kafka::Consumer::Create(rp);
  if (!reader.ok()) {
    svc.RequestStop();
    runner.join();
    return reader.status();
  }
  std::vector<kafka::TopicPartitionOffset> assign;
  for (int p = 0; p < kPartitions; ++p) {
    assign.push_back({kEvents, p, kafka::kOffsetBeginning});
    assign.push_back({kResults, p, kafka::kOffsetBeginning});
  }
  assign.push_back({kDlq, 0, kafka::kOffsetBeginning});
  (void)(*reader)->Assign(assign);

  std::map<std::string, std::string> planted;  // record_id -> entry_id
  for (const auto& p : feed.planted) planted[p.record_id] = p.entry_id;
  DemoSummary summary;
  summary.records = feed.records.size();
  summary.planted = feed.planted.size();
  std::map<std::string, bool> found;
  std::map<std::string, std::string> names;  // --verbose only: synthetic passengers' names
  if (options.verbose) {
    for (const auto& r : feed.records) {
      const auto& p = r.passenger;
      names[r.record_id] = p.full_name.empty() ? absl::StrCat(p.surname, ", ", p.given_names) : p.full_name;
    }
  }
  Clock::time_point first_screened{}, last_read{};
  bool timed_out = false;
  std::vector<kafka::Message> batch;
  while (true) {
    batch.clear();
    (*reader)->PollBatch(1000, 20, &batch);
    for (auto& m : batch) {
      if (!m.ok()) continue;
      last_read = Clock::now();
      const std::string value(m.value().value_or(""));
      if (m.topic() == kResults) {
        ++summary.results;
      } else if (m.topic() == kDlq) {
        ++summary.dlq;
      } else {
        ++summary.hits;
        const std::string record_id = PeekJsonField(value, "record_id");
        const std::string entry_id = PeekJsonField(value, "entry_id");
        auto it = planted.find(record_id);
        const bool is_planted = it != planted.end() && it->second == entry_id;
        if (is_planted) found[record_id] = true;
        summary.watchlist_version = PeekJsonField(value, "watchlist_version");
        if (!options.quiet) {
          std::fprintf(out, "hit  %s  %s  score %s  %-6s%s%s\n", record_id.c_str(),
                       entry_id.c_str(), PeekJsonField(value, "score").c_str(),
                       PeekJsonField(value, "band").c_str(), is_planted ? "  (planted)" : "",
                       options.verbose ? absl::StrCat("  passenger: ", names[record_id], "  list name: ",
                                                          PeekJsonField(value, "matched_name")).c_str()
                                          : "");
        }
      }
    }
    const ScreeningCounts c = screening->counts();
    if (first_screened == Clock::time_point{} && c.travellers > 0) first_screened = Clock::now();
    const bool all_screened = c.travellers + c.rejected_travellers >= summary.records + bad_records;
    if (all_screened && summary.hits >= c.hits && summary.results >= c.travellers &&
        summary.dlq >= bad_records) {
      summary.screened = c.travellers;
      break;
    }
    if (Clock::now() > deadline) {
      summary.screened = c.travellers;
      timed_out = true;
      break;
    }
  }
  svc.RequestStop();
  runner.join();
  if (!run_status.ok()) return run_status;
  if (timed_out) {
    return absl::DeadlineExceededError(absl::StrCat(
        "demo: not finished within ", options.timeout_ms, " ms: ", summary.screened, " of ",
        summary.records, " travellers screened, ", summary.hits, " hits read"));
  }
  summary.planted_found = found.size();
  for (const auto& p : feed.planted) {
    if (!found.count(p.record_id)) {
      summary.missed.push_back(absl::StrCat(p.record_id, " -> ", p.entry_id, " (", p.variant, ")"));
    }
  }
  summary.seconds = std::chrono::duration<double>(last_read - first_screened).count();
  summary.records_per_s = summary.seconds > 0 ? summary.screened / summary.seconds : 0;
  std::fprintf(out,
               "\nsummary: %zu records (%zu screened, %zu audit results, %zu dead letters), %zu "
               "hits, planted found %zu / %zu, %.0f records/s over %.2f s (%s)\n",
               summary.records, summary.screened, summary.results, summary.dlq, summary.hits,
               summary.planted_found, summary.planted, summary.records_per_s, summary.seconds,
               summary.watchlist_version.c_str());
  for (const auto& m : summary.missed) std::fprintf(out, "missed: %s\n", m.c_str());
  return summary;
}

}  // namespace paxscreen::screening
