// `paxscreen compare`: the name score and its evidence, for two names or a CSV of pairs.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_format.h"
#include "matcher/compare/compare.h"
#include "matcher/compare/evaluate.h"
#include "matcher/compare/pairs_csv.h"
#include "pipeline/cli/command.h"
#include "pipeline/cli/shared_flags.h"

ABSL_FLAG(std::string, pairs, "",
          "CSV file (--pairs=- reads stdin) whose header has columns name1,name2; writes the rows with "
          "columns score and match added to stdout.");
ABSL_FLAG(bool, evaluate, false,
          "With --pairs on a file with a 'label' column (1 = same person, 0 = different): print "
          "precision, recall and F1 overall, on the dev and held-out splits and per category.");
ABSL_FLAG(std::string, show_errors, "none",
          "With --evaluate: list misclassified rows of the split 'dev', 'held_out' or 'all'.");

namespace paxscreen::cli {
namespace {

constexpr char kUsage[] = R"(Usage:
  paxscreen compare [--json] [--threshold X] NAME NAME
  paxscreen compare --pairs FILE.csv [--threshold X] > scored.csv
  paxscreen compare --pairs FILE.csv --evaluate [--show_errors dev]

Names may be written as a full name in any order ("Muhammad Yusuf Al-Qahtani"), as
"SURNAME, GIVEN NAMES", or in passport MRZ form (QAHTANI<<MUHAMMAD<YUSUF); any script.
The score is in [0,1]; the table shows which tokens were paired and by which method
(exact, folded, joined, particle, initial, osa, jaro_winkler, phonetic:*, feminine_form).

Examples:
  paxscreen compare "MUHAMMAD YUSUF AL-QAHTANI" "MOHAMMED YOUSSEF ALQAHTANI"
  paxscreen compare --json "Александр Пушкин" "PUSHKIN, ALEKSANDR"
  paxscreen compare --pairs tests/matcher/compare/labelled_pairs.csv > scored.csv
  paxscreen compare --pairs tests/matcher/compare/labelled_pairs.csv --evaluate

Exit status: 0 = done (match or not), 1 = some --pairs rows were skipped (each named by
line on stderr), 2 = usage or input error.)";

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += absl::StrFormat("\\u%04x", c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string JsonList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + JsonString(items[i]);
  return out + "]";
}

void PrintJson(const compare::NameComparison& c, double threshold) {
  std::string out = absl::StrFormat("{\"score\":%.4f,\"match\":%s,\"threshold\":%.4f,\"pairs\":[",
                                    c.score, c.match ? "true" : "false", threshold);
  for (size_t i = 0; i < c.pairs.size(); ++i) {
    const auto& p = c.pairs[i];
    out += absl::StrFormat("%s{\"first\":%s,\"second\":%s,\"score\":%.4f,\"method\":%s}",
                           i ? "," : "", JsonString(p.query_token), JsonString(p.candidate_token),
                           p.score, JsonString(p.method));
  }
  out += "],\"unmatched_first\":" + JsonList(c.unmatched_query) +
         ",\"unmatched_second\":" + JsonList(c.unmatched_candidate) +
         ",\"ignored\":" + JsonList(c.ignored) +
         ",\"explanation\":" + JsonString(c.explanation) + "}\n";
  std::fputs(out.c_str(), stdout);
}

void PrintTable(const compare::NameComparison& c, double threshold) {
  std::printf("score  %.3f\nmatch  %s (threshold %.2f)\n\n", c.score, c.match ? "yes" : "no",
              threshold);
  std::printf("%-22s %-22s %6s  %s\n", "first name", "second name", "score", "method");
  std::printf("%-22s %-22s %6s  %s\n", "----------", "-----------", "-----", "------");
  for (const auto& p : c.pairs) {
    std::printf("%-22s %-22s %6.3f  %s\n", p.query_token.c_str(), p.candidate_token.c_str(),
                p.score, p.method.c_str());
  }
  for (const auto& t : c.unmatched_query) {
    std::printf("%-22s %-22s %6s  %s\n", t.c_str(), "-", "", "unpaired");
  }
  for (const auto& t : c.unmatched_candidate) {
    std::printf("%-22s %-22s %6s  %s\n", "-", t.c_str(), "", "unpaired");
  }
  for (const auto& t : c.ignored) std::printf("%-22s %-22s %6s  %s\n", t.c_str(), "", "", "title");
  std::printf("\n%s\n", c.explanation.c_str());
}

int RunPairs(std::istream& in, const compare::CompareOptions& options) {
  compare::CsvReader reader(in);
  std::vector<std::string> row;
  if (!reader.Next(&row)) {
    std::fprintf(stderr, "paxscreen compare: --pairs input is empty (a header is required)\n");
    return 2;
  }
  int c1 = -1, c2 = -1;
  for (int i = 0; i < static_cast<int>(row.size()); ++i) {
    if (row[i] == "name1") c1 = i;
    if (row[i] == "name2") c2 = i;
  }
  if (c1 < 0 || c2 < 0) {
    std::fprintf(stderr, "paxscreen compare: the header must contain columns name1 and name2\n");
    return 2;
  }
  const size_t width = row.size();
  row.push_back("score");
  row.push_back("match");
  std::printf("%s\n", compare::CsvLine(row).c_str());
  int skipped = 0;
  while (reader.Next(&row)) {
    if (row.size() == 1 && row[0].empty()) continue;
    const int line = reader.record_line();
    if (!reader.record_status().ok()) {
      std::fprintf(stderr, "paxscreen compare: %s; row skipped\n",
                   std::string(reader.record_status().message()).c_str());
      ++skipped;
      continue;
    }
    if (row.size() != width) {
      std::fprintf(stderr, "paxscreen compare: line %d: %zu fields, header has %zu; row skipped\n",
                   line, row.size(), width);
      ++skipped;
      continue;
    }
    auto c = compare::CompareNameStrings(row[c1], row[c2], options);
    if (!c.ok()) {
      // The status names the field and byte offset, never the name itself.
      std::fprintf(stderr, "paxscreen compare: line %d: %s; row skipped\n", line,
                   std::string(c.status().message()).c_str());
      ++skipped;
      continue;
    }
    row.push_back(absl::StrFormat("%.4f", c->score));
    row.push_back(c->match ? "true" : "false");
    std::printf("%s\n", compare::CsvLine(row).c_str());
  }
  return skipped == 0 ? 0 : 1;
}

int RunEvaluate(std::istream& in, const compare::CompareOptions& options) {
  auto ev = compare::EvaluateLabelledPairs(in, options);
  if (!ev.ok()) {
    std::fprintf(stderr, "paxscreen compare: %s\n", std::string(ev.status().message()).c_str());
    return 2;
  }
  for (const auto& e : ev->errors) std::fprintf(stderr, "paxscreen compare: %s\n", e.c_str());
  std::fputs(compare::FormatEvaluation(*ev, options).c_str(), stdout);
  const std::string which = absl::GetFlag(FLAGS_show_errors);
  if (which != "none") {
    std::printf("\nmisclassified (%s):\n", which.c_str());
    for (const auto& o : ev->outcomes) {
      if (o.label == o.match) continue;
      if ((which == "dev" && o.held_out) || (which == "held_out" && !o.held_out)) continue;
      std::printf("  line %4d %-22s %.3f  %s | %s\n", o.line, o.category.c_str(), o.score,
                  o.name1.c_str(), o.name2.c_str());
    }
  }
  return ev->errors.empty() ? 0 : 1;
}

int RunCompare(std::vector<std::string> args) {
  compare::CompareOptions options;
  if (absl::GetFlag(FLAGS_threshold) >= 0) options.match_threshold = absl::GetFlag(FLAGS_threshold);
  if (!(options.match_threshold >= 0 && options.match_threshold <= 1)) {
    std::fprintf(stderr, "paxscreen compare: --threshold must be in [0,1]\n");
    return 2;
  }
  const std::string pairs = absl::GetFlag(FLAGS_pairs);
  if (!pairs.empty()) {
    if (!args.empty()) {
      std::fprintf(stderr, "paxscreen compare: --pairs takes no NAME arguments\n");
      return 2;
    }
    std::ifstream file;
    if (pairs != "-") {
      file.open(pairs);
      if (!file) {
        std::fprintf(stderr, "paxscreen compare: cannot open %s\n", pairs.c_str());
        return 2;
      }
    }
    std::istream& in = pairs == "-" ? std::cin : file;
    return absl::GetFlag(FLAGS_evaluate) ? RunEvaluate(in, options) : RunPairs(in, options);
  }
  if (absl::GetFlag(FLAGS_evaluate)) {
    std::fprintf(stderr, "paxscreen compare: --evaluate needs --pairs FILE.csv\n");
    return 2;
  }
  if (args.size() != 2) {
    std::fprintf(stderr, "paxscreen compare: expected two names (or --pairs FILE.csv); see "
                         "`paxscreen compare --help`\n");
    return 2;
  }
  auto c = compare::CompareNameStrings(args[0], args[1], options);
  if (!c.ok()) {
    std::fprintf(stderr, "paxscreen compare: %s\n", std::string(c.status().message()).c_str());
    return 2;
  }
  if (absl::GetFlag(FLAGS_json)) {
    PrintJson(*c, options.match_threshold);
  } else {
    PrintTable(*c, options.match_threshold);
  }
  return 0;
}

}  // namespace

PAXSCREEN_COMMAND_WITH_SHARED_FLAGS("compare",
                                    "Score two names (or a CSV of pairs) and explain the score",
                                    kUsage, RunCompare, "threshold,json");

}  // namespace paxscreen::cli
