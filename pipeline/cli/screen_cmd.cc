// `paxscreen screen`: screens passenger records from a file or stdin against watchlist files and
// writes match events as NDJSON. No broker needed.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "matcher/base/parallel.h"
#include "matcher/screen/event.h"
#include "matcher/screen/screener.h"
#include "pipeline/cli/command.h"
#include "pipeline/cli/load_lists.h"
#include "pipeline/cli/shared_flags.h"
#include "pipeline/codec/event_json.h"
#include "pipeline/codec/passenger_json.h"
#include "pipeline/edifact/decode.h"

ABSL_FLAG(std::vector<std::string>, watchlist, {},
          "watchlist files, comma-separated (UN consolidated XML, OFAC sdn.csv with alt.csv and "
          "add.csv beside it, or paxscreen NDJSON); more files may follow as arguments");
ABSL_FLAG(std::string, dlq, "",
          "dead-letter file: records that cannot be screened (no record_id, no usable name, "
          "undecodable), one JSON object per line with the reason");
ABSL_FLAG(bool, passenger_data_in_events, false,
          "also write the passenger's matched name tokens into the evidence (personal data)");

namespace paxscreen::cli {
namespace {

constexpr char kUsage[] =
    "Usage: paxscreen screen --watchlist FILE[,FILE...] [FILE...] [--input FILE|-]\n"
    "                        [--output FILE|-] [--threshold X] [--threads N] [--dlq FILE]\n"
    "\n"
    "Screens passenger records against the watchlists and writes one match event (JSON) per\n"
    "hit, one per line. Input: NDJSON passenger records (record_id plus passenger.surname and\n"
    "given_names, or passenger.full_name), UN/EDIFACT PAXLST or PNRGOV (detected, or --format). A\n"
    "record with a malformed optional field (a date written 1969-7-16, an unknown country code) is\n"
    "still screened; the problem is listed in its events' evidence.record_problems and counted.\n"
    "Only a record without record_id or usable name goes to the --dlq file. A summary goes to\n"
    "stderr (a progress line too when stderr is a terminal); no names or document numbers.\n"
    "\n"
    "Examples:\n"
    "  paxscreen screen --watchlist ../shared/data/watchlists/un_consolidated.xml \\\n"
    "      --input travellers.ndjson --output hits.ndjson --dlq rejected.ndjson\n"
    "  paxscreen decode api.edi | paxscreen screen --watchlist un.xml,ofac/sdn.csv\n"
    "\n"
    "Exit status: 0 done (hits or not); 1 some records rejected to the DLQ; 2 usage error;\n"
    "3 a watchlist or the input could not be read.";

// One unit of input: an NDJSON line or a decoded EDIFACT traveller.
struct Item {
  size_t line = 0;
  std::string text;  // NDJSON line (empty for EDIFACT records)
  model::PassengerRecord record;
  bool decoded = false;
};

// What screening one item produced; filled by workers, written in input order.
struct ItemResult {
  std::vector<std::string> events;
  std::string dead_letter;
  bool problems = false;
};

struct Totals {
  size_t records = 0, screened = 0, hits = 0, records_with_hits = 0, rejected = 0,
         with_problems = 0;
};


class ScreenRun {
 public:
  ScreenRun(const screen::Screener& screener, std::string watchlist_version, std::string source)
      : screener_(screener), version_(std::move(watchlist_version)), source_(std::move(source)) {}

  ItemResult Process(Item& item) const {
    ItemResult out;
    auto started = std::chrono::steady_clock::now();
    if (!item.decoded) {
      auto rec = codec::DecodePassengerRecord(item.text, "line " + std::to_string(item.line));
      if (!rec.ok()) {
        codec::DeadLetter d{source_, item.line, 0, 0, "", "validation",
                            std::string(rec.status().message()), item.text};
        out.dead_letter = codec::EncodeDeadLetter(d);
        return out;
      }
      item.record = std::move(*rec);
    }
    std::vector<std::string> problems = item.record.warnings;
    auto matches = screener_.Screen(item.record, &problems, nullptr);
    out.problems = !problems.empty();
    screen::EventContext ctx;
    ctx.watchlist_version = version_;
    ctx.screened_at = screen::NowRfc3339();
    ctx.latency_us = std::chrono::duration_cast<std::chrono::microseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();
    ctx.include_passenger_tokens = absl::GetFlag(FLAGS_passenger_data_in_events);
    for (const auto& m : matches) {
      out.events.push_back(codec::EncodeMatchEvent(screen::ToEvent(m, item.record, problems, ctx)));
    }
    return out;
  }

 private:
  const screen::Screener& screener_;
  std::string version_;
  std::string source_;
};

bool ReadAll(std::istream& in, std::string* out) {
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

int RunScreen(std::vector<std::string> args) {
  std::vector<std::string> lists = absl::GetFlag(FLAGS_watchlist);
  lists.insert(lists.end(), args.begin(), args.end());
  if (lists.empty()) {
    std::fprintf(stderr, "paxscreen screen: --watchlist is required\n\n%s\n", kUsage);
    return 2;
  }
  const std::string format = absl::GetFlag(FLAGS_format);
  if (format != "auto" && format != "ndjson" && format != "paxlst" && format != "pnrgov") {
    std::fprintf(stderr, "paxscreen screen: --format must be auto, ndjson, paxlst or pnrgov\n");
    return 2;
  }

  auto loaded = LoadListsOrReport("paxscreen screen", lists);
  if (!loaded) return 3;
  std::vector<model::WatchlistEntry> entries = std::move(*loaded);
  const std::string version = screen::WatchlistVersion(entries);
  screen::ScreenOptions options;
  options.shards = absl::GetFlag(FLAGS_shards);
  if (double t = absl::GetFlag(FLAGS_threshold); t >= 0) options.score.default_threshold = t;
  screen::Screener screener(options);
  auto t0 = std::chrono::steady_clock::now();
  screener.Load(std::move(entries));
  std::fprintf(stderr, "index: %zu entries, %zu names, %d shards, %.1f MB, built in %.2f s (%s)\n",
               screener.entry_count(), screener.name_count(), screener.shard_count(),
               screener.MemoryBytes() / 1e6,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
               version.c_str());

  // Input and outputs.
  const std::string input_path = absl::GetFlag(FLAGS_input);
  std::ifstream input_file;
  if (input_path != "-") {
    input_file.open(input_path, std::ios::binary);
    if (!input_file) {
      std::fprintf(stderr, "paxscreen screen: cannot read input %s\n", input_path.c_str());
      return 3;
    }
  }
  std::istream& in = input_path == "-" ? std::cin : input_file;
  const std::string output_path = absl::GetFlag(FLAGS_output);
  std::ofstream output_file;
  if (output_path != "-") {
    output_file.open(output_path, std::ios::binary | std::ios::trunc);
    if (!output_file) {
      std::fprintf(stderr, "paxscreen screen: cannot write %s\n", output_path.c_str());
      return 3;
    }
  }
  std::ostream& out = output_path == "-" ? std::cout : output_file;
  std::ofstream dlq;
  if (!absl::GetFlag(FLAGS_dlq).empty()) {
    dlq.open(absl::GetFlag(FLAGS_dlq), std::ios::binary | std::ios::trunc);
    if (!dlq) {
      std::fprintf(stderr, "paxscreen screen: cannot write %s\n", absl::GetFlag(FLAGS_dlq).c_str());
      return 3;
    }
  }

  const std::string source = input_path == "-" ? "stdin" : input_path;
  ScreenRun run(screener, version, source);
  int threads = absl::GetFlag(FLAGS_threads);
  if (threads <= 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const bool tty = isatty(STDERR_FILENO) != 0;
  Totals totals;
  auto start = std::chrono::steady_clock::now();
  auto last_progress = start;

  auto flush = [&](std::vector<Item>& batch) {
    std::vector<ItemResult> results(batch.size());
    ParallelFor(batch.size(), threads, [&](size_t i) { results[i] = run.Process(batch[i]); });
    for (auto& r : results) {
      ++totals.records;
      if (!r.dead_letter.empty()) {
        ++totals.rejected;
        if (dlq.is_open()) dlq << r.dead_letter << '\n';
        continue;
      }
      ++totals.screened;
      totals.with_problems += r.problems;
      totals.hits += r.events.size();
      totals.records_with_hits += !r.events.empty();
      for (const auto& e : r.events) out << e << '\n';
    }
    batch.clear();
    auto now = std::chrono::steady_clock::now();
    if (tty && now - last_progress > std::chrono::seconds(1)) {
      double secs = std::chrono::duration<double>(now - start).count();
      std::fprintf(stderr, "\r%zu records, %zu hits, %zu rejected, %.0f records/s", totals.records,
                   totals.hits, totals.rejected, totals.records / secs);
      last_progress = now;
    }
  };

  std::vector<Item> batch;
  // Peek at the first non-blank bytes to tell NDJSON from EDIFACT.
  std::string first_line;
  size_t line_no = 0;
  bool empty_input = true;
  while (std::getline(in, first_line)) {
    ++line_no;
    if (first_line.find_first_not_of(" \t\r") != std::string::npos) {
      empty_input = false;
      break;
    }
  }
  edifact::MessageFormat detected = edifact::DetectFormat(first_line);
  const bool ndjson = format == "ndjson" || (format == "auto" && detected ==
                                                                      edifact::MessageFormat::kNdjson);
  if (empty_input) {
    // Nothing to screen.
  } else if (ndjson) {
    std::string line = std::move(first_line);
    do {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      batch.push_back({line_no, std::move(line), {}, false});
      if (batch.size() >= 4096) flush(batch);
    } while (std::getline(in, line) && ++line_no);
  } else {
    std::string rest;
    ReadAll(in, &rest);
    std::string text = first_line + "\n" + rest;
    auto decoded = edifact::DecodeEdifact(text);
    if (!decoded.ok()) {
      std::fprintf(stderr, "paxscreen screen: input: %s\n",
                   std::string(decoded.status().message()).c_str());
      return 3;
    }
    for (const auto& w : decoded->warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    for (const auto& e : decoded->errors) {
      ++totals.records;
      ++totals.rejected;
      codec::DeadLetter d{source, 0, e.traveller, e.segment, "", "decode",
                          e.tag + ": " + e.message, ""};
      if (dlq.is_open()) dlq << codec::EncodeDeadLetter(d) << '\n';
    }
    for (auto& r : decoded->records) {
      batch.push_back({0, "", std::move(r), true});
      if (batch.size() >= 4096) flush(batch);
    }
  }
  flush(batch);
  out.flush();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (tty) std::fprintf(stderr, "\n");
  std::fprintf(stderr,
               "screened %zu records: %zu hits on %zu records, %zu rejected, %zu with problems "
               "in optional fields; %.2f s, %.0f records/s\n",
               totals.records, totals.hits, totals.records_with_hits, totals.rejected,
               totals.with_problems, secs, secs > 0 ? totals.records / secs : 0.0);
  return totals.rejected > 0 ? 1 : 0;
}

}  // namespace

PAXSCREEN_COMMAND_WITH_SHARED_FLAGS("screen",
                                    "Screen passenger records against watchlists (no broker)",
                                    kUsage, RunScreen,
                                    "input,output,threads,shards,format,threshold");

}  // namespace paxscreen::cli
