// `paxscreen watchlist stats FILE...`: what a watchlist holds — entries by category, names by
// kind and script, dates of birth by precision, documents, nationalities mapped to ISO codes,
// import problems and load time — as a table or JSON. `paxscreen watchlist publish FILE...
// --topic T --brokers B [kafka.X=V ...]`: publishes the entries to the compacted watchlist topic.
//
//   paxscreen watchlist stats ../shared/data/watchlists/un_consolidated.xml ofac/sdn.csv
//   paxscreen watchlist publish --topic pax.watchlist --brokers 127.0.0.1:9092 un.xml
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "matcher/watchlist/loader.h"
#include "matcher/watchlist/watchlist.h"
#include "pipeline/cli/command.h"
#include "pipeline/codec/watchlist_json.h"
#include "pipeline/screening/publish.h"

// Defined once for the whole binary (compare_cmd.cc); listed as shared below so --help shows it.
ABSL_DECLARE_FLAG(bool, json);
ABSL_FLAG(int, show_issues, 5,
          "import problems to print per list on stderr (entry id or file:line, field, reason; "
          "never names or document numbers); -1 prints all");
ABSL_FLAG(std::string, topic, "", "publish: the compacted watchlist topic");
ABSL_FLAG(std::string, brokers, "", "publish: bootstrap servers (same as kafka.bootstrap.servers=...)");

namespace paxscreen::cli {
namespace {

constexpr char kUsage[] =
    "Usage:\n"
    "  paxscreen watchlist stats [--json] [--show_issues=N] FILE...\n"
    "  paxscreen watchlist publish --topic T --brokers B [kafka.X=V ...] FILE...\n"
    "\n"
    "FILE is a UN Security Council consolidated list (XML), an OFAC sdn.csv (alt.csv and\n"
    "add.csv beside it are read too; a folder holding sdn.csv also works) or a paxscreen\n"
    "NDJSON watchlist (one watchlist_entry JSON per line). The format is detected from the\n"
    "content. Bad entries are skipped and counted; the rest loads.\n"
    "\n"
    "Prints per list: entries by category, names (primary / alias / weak_alias), scripts,\n"
    "dates of birth (exact / year-month / year / range, approximate), documents by type,\n"
    "nationalities mapped to ISO 3166-1 alpha-3 or kept as written, sex, import problems and\n"
    "load time; with several lists, a merged total (entries counted once per entry_id).\n"
    "--json prints one JSON object instead of the table (flag shared with `compare`).\n"
    "\n"
    "publish loads the files like stats (merged by entry_id) and produces every entry to the\n"
    "compacted topic T with an idempotent producer: key = entry_id, value = the entry's JSON\n"
    "(schemas/watchlist_entry.schema.json); an entry with op delete becomes a tombstone.\n"
    "Arguments kafka.X=V pass librdkafka property X (TLS, SASL, ...) verbatim. Running\n"
    "`paxscreen run` instances with processor.watchlist.topic = T apply the changes live.\n"
    "\n"
    "Examples:\n"
    "  paxscreen watchlist stats ../shared/data/watchlists/un_consolidated.xml\n"
    "  paxscreen watchlist stats --json ../shared/data/watchlists/ofac/sdn.csv\n"
    "  paxscreen watchlist publish --topic pax.watchlist --brokers 127.0.0.1:9092 \\\n"
    "      kafka.security.protocol=SASL_SSL ../shared/data/watchlists/un_consolidated.xml\n"
    "\n"
    "Exit status: 0 when every list loaded, 1 when a list could not be read, 2 on usage errors.";

std::string Histogram(const std::map<std::string, size_t>& h) {
  std::vector<std::pair<std::string, size_t>> v(h.begin(), h.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (const auto& [k, n] : v) {
    if (!out.empty()) out += ", ";
    out += k + " " + std::to_string(n);
  }
  return out.empty() ? "-" : out;
}

std::string Json(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

std::string JsonMap(const std::map<std::string, size_t>& m) {
  std::string out = "{";
  for (const auto& [k, n] : m) {
    if (out.size() > 1) out += ",";
    out += Json(k) + ":" + std::to_string(n);
  }
  return out + "}";
}

std::string StatsJson(const watchlist::WatchlistStats& s) {
  auto n = [](size_t v) { return std::to_string(v); };
  return "{\"entries\":" + n(s.entries) + ",\"categories\":" + JsonMap(s.categories) +
         ",\"lists\":" + JsonMap(s.lists) + ",\"names\":" + n(s.names) +
         ",\"primary\":" + n(s.primary) + ",\"alias\":" + n(s.alias) +
         ",\"weak_alias\":" + n(s.weak_alias) + ",\"scripts\":" + JsonMap(s.scripts) +
         ",\"dates_of_birth\":{\"total\":" + n(s.dates_of_birth) + ",\"exact\":" + n(s.dob_exact) +
         ",\"year_month\":" + n(s.dob_year_month) + ",\"year\":" + n(s.dob_year) +
         ",\"range\":" + n(s.dob_range) + ",\"approximate\":" + n(s.dob_approximate) +
         ",\"entries_with_dob\":" + n(s.entries_with_dob) + "},\"documents\":{\"total\":" +
         n(s.documents) + ",\"types\":" + JsonMap(s.document_types) +
         "},\"nationalities\":{\"total\":" + n(s.nationalities) + ",\"mapped\":" +
         n(s.nationalities_mapped) + ",\"unmapped\":" + n(s.nationalities_unmapped) +
         ",\"unmapped_values\":" + JsonMap(s.unmapped_nationalities) + "},\"with_sex\":" +
         n(s.with_sex) + ",\"deletes\":" + n(s.deletes) + "}";
}

void PrintTable(const std::string& title, const watchlist::WatchlistStats& s) {
  std::printf("%s\n", title.c_str());
  std::printf("  %-16s %8zu   %s\n", "entries", s.entries, Histogram(s.categories).c_str());
  std::printf("  %-16s %8zu   primary %zu, alias %zu, weak_alias %zu\n", "names", s.names,
              s.primary, s.alias, s.weak_alias);
  std::printf("  %-16s %8s   %s\n", "scripts", "", Histogram(s.scripts).c_str());
  std::printf("  %-16s %8zu   exact %zu, year-month %zu, year %zu, range %zu; approximate %zu; "
              "entries with one %zu\n",
              "dates of birth", s.dates_of_birth, s.dob_exact, s.dob_year_month, s.dob_year,
              s.dob_range, s.dob_approximate, s.entries_with_dob);
  std::printf("  %-16s %8zu   %s\n", "documents", s.documents, Histogram(s.document_types).c_str());
  std::printf("  %-16s %8zu   ISO alpha-3 %zu, kept as written %zu%s%s\n", "nationalities",
              s.nationalities, s.nationalities_mapped, s.nationalities_unmapped,
              s.unmapped_nationalities.empty() ? "" : ": ",
              s.unmapped_nationalities.empty() ? "" : Histogram(s.unmapped_nationalities).c_str());
  std::printf("  %-16s %8zu\n", "sex given", s.with_sex);
  if (s.deletes != 0) std::printf("  %-16s %8zu\n", "deletes", s.deletes);
}

int RunStats(const std::vector<std::string>& files) {
  if (files.empty()) {
    std::fprintf(stderr, "paxscreen watchlist stats: give at least one FILE (see --help)\n");
    return 2;
  }
  watchlist::LoadOptions opts;
  opts.ndjson_reader = codec::ImportWatchlistNdjsonFile;
  std::vector<watchlist::ImportResult> lists = watchlist::LoadWatchlists(files, opts);
  const bool json = absl::GetFlag(FLAGS_json);
  const int show = absl::GetFlag(FLAGS_show_issues);
  int rc = 0;
  watchlist::Watchlist merged;
  double total_seconds = 0;
  std::string json_lists;
  for (const auto& l : lists) {
    if (!l.status.ok()) {
      std::fprintf(stderr, "paxscreen watchlist stats: %s\n", std::string(l.status.message()).c_str());
      rc = 1;
      continue;
    }
    merged.Merge(l);
    total_seconds += l.load_seconds;
    const watchlist::WatchlistStats s = watchlist::ComputeStats(l.entries);
    size_t shown = 0;
    for (const auto& issue : l.issues) {
      if (show >= 0 && shown >= static_cast<size_t>(show)) break;
      std::fprintf(stderr, "%s: %s\n", l.source.c_str(), issue.ToString().c_str());
      ++shown;
    }
    if (shown < l.issues.size()) {
      std::fprintf(stderr, "%s: ... %zu more import problems (--show_issues=-1 prints all)\n",
                   l.source.c_str(), l.issues.size() - shown);
    }
    if (json) {
      if (!json_lists.empty()) json_lists += ",";
      json_lists += "{\"source\":" + Json(l.source) + ",\"format\":" + Json(l.format) +
                    ",\"list\":" + Json(l.list) + ",\"load_seconds\":" +
                    std::to_string(l.load_seconds) + ",\"skipped_entries\":" +
                    std::to_string(l.skipped_entries()) + ",\"dropped_values\":" +
                    std::to_string(l.dropped_fields()) + ",\"stats\":" + StatsJson(s) + "}";
      continue;
    }
    const std::string name = l.list.empty() ? Histogram(s.lists) : l.list;
    PrintTable(name + "  (" + l.format + ": " + l.source + ")", s);
    std::printf("  %-16s %8s   %zu entries skipped, %zu values dropped\n", "import problems", "",
                l.skipped_entries(), l.dropped_fields());
    std::printf("  %-16s %8.3f s\n\n", "load time", l.load_seconds);
  }
  const watchlist::WatchlistStats total = watchlist::ComputeStats(merged.entries());
  if (json) {
    std::printf("{\"lists\":[%s],\"total\":%s,\"load_seconds\":%f}\n", json_lists.c_str(),
                StatsJson(total).c_str(), total_seconds);
  } else if (lists.size() > 1) {
    PrintTable("TOTAL (merged by entry_id)", total);
    std::printf("  %-16s %8.3f s\n", "load time", total_seconds);
  }
  return rc;
}

int RunPublish(const std::vector<std::string>& args) {
  const std::string topic = absl::GetFlag(FLAGS_topic);
  kafka::Properties props;
  if (!absl::GetFlag(FLAGS_brokers).empty()) props.push_back({"bootstrap.servers", absl::GetFlag(FLAGS_brokers)});
  std::vector<std::string> files;
  for (const auto& a : args) {
    const size_t eq = a.find('=');
    if (a.rfind("kafka.", 0) == 0 && eq != std::string::npos) {
      props.push_back({a.substr(6, eq - 6), a.substr(eq + 1)});
    } else {
      files.push_back(a);
    }
  }
  if (topic.empty() || files.empty() || props.empty()) {
    std::fprintf(stderr, "paxscreen watchlist publish: give --topic, --brokers (or "
                         "kafka.bootstrap.servers=...) and at least one FILE (see --help)\n");
    return 2;
  }
  watchlist::LoadOptions opts;
  opts.ndjson_reader = codec::ImportWatchlistNdjsonFile;
  watchlist::Watchlist merged;
  for (const auto& l : watchlist::LoadWatchlists(files, opts)) {
    if (!l.status.ok()) {
      std::fprintf(stderr, "paxscreen watchlist publish: %s\n", std::string(l.status.message()).c_str());
      return 1;
    }
    std::fprintf(stderr, "watchlist %s (%s): %zu entries, %zu skipped\n", l.source.c_str(),
                 l.format.c_str(), l.entries.size(), l.skipped_entries());
    merged.Merge(l);
  }
  auto summary = screening::PublishWatchlist(props, topic, merged.entries());
  if (!summary.ok()) {
    std::fprintf(stderr, "paxscreen watchlist publish: %s\n", std::string(summary.status().message()).c_str());
    return 1;
  }
  std::printf("published %zu entries and %zu deletes to %s\n", summary->upserts, summary->deletes,
              topic.c_str());
  return 0;
}

int RunWatchlist(std::vector<std::string> args) {
  if (args.empty()) {
    std::fprintf(stderr, "paxscreen watchlist: give a subcommand: stats or publish (see --help)\n");
    return 2;
  }
  const std::string sub = args[0];
  args.erase(args.begin());
  if (sub == "stats") return RunStats(args);
  if (sub == "publish") return RunPublish(args);
  std::fprintf(stderr, "paxscreen watchlist: unknown subcommand '%s' (stats, publish)\n", sub.c_str());
  return 2;
}

}  // namespace
}  // namespace paxscreen::cli

PAXSCREEN_COMMAND_WITH_SHARED_FLAGS("watchlist",
                                    "Inspect watchlists (stats); publish them to the compacted topic",
                                    paxscreen::cli::kUsage, paxscreen::cli::RunWatchlist, "json");
