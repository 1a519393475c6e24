#include "matcher/compare/evaluate.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "matcher/compare/pairs_csv.h"

namespace paxscreen::compare {

void Metrics::Add(bool label, bool predicted) {
  if (label) {
    ++(predicted ? tp : fn);
  } else {
    ++(predicted ? fp : tn);
  }
}

double Metrics::Precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
double Metrics::Recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
double Metrics::F1() const {
  const double p = Precision(), r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
double Metrics::Accuracy() const { return total() == 0 ? 1.0 : double(tp + tn) / total(); }

absl::StatusOr<Evaluation> EvaluateLabelledPairs(std::istream& in, const CompareOptions& options) {
  CsvReader reader(in);
  std::vector<std::string> row;
  if (!reader.Next(&row)) return absl::InvalidArgumentError("labelled pairs: empty file");
  int c1 = -1, c2 = -1, cl = -1, cc = -1;
  for (int i = 0; i < static_cast<int>(row.size()); ++i) {
    if (row[i] == "name1") c1 = i;
    if (row[i] == "name2") c2 = i;
    if (row[i] == "label") cl = i;
    if (row[i] == "category") cc = i;
  }
  if (c1 < 0 || c2 < 0 || cl < 0) {
    return absl::InvalidArgumentError("labelled pairs: header needs columns name1, name2, label");
  }
  const int needed = std::max({c1, c2, cl, cc});
  Evaluation ev;
  int index = 0;
  while (reader.Next(&row)) {
    const int line = reader.record_line();
    if (!reader.record_status().ok()) {
      ev.errors.push_back(std::string(reader.record_status().message()));
      continue;
    }
    if (row.size() == 1 && row[0].empty()) continue;  // blank line
    if (static_cast<int>(row.size()) <= needed) {
      ev.errors.push_back(absl::StrCat("line ", line, ": expected ", needed + 1, " fields, got ",
                                       row.size()));
      continue;
    }
    if (row[cl] != "0" && row[cl] != "1") {
      ev.errors.push_back(absl::StrCat("line ", line, ": label must be 0 or 1"));
      continue;
    }
    PairOutcome o;
    o.line = line;
    o.name1 = row[c1];
    o.name2 = row[c2];
    o.category = cc >= 0 ? row[cc] : "all";
    o.label = row[cl] == "1";
    o.held_out = index % 4 == 3;
    ++index;
    auto cmp = CompareNameStrings(o.name1, o.name2, options);
    if (!cmp.ok()) {
      ev.errors.push_back(absl::StrCat("line ", line, ": ", cmp.status().message()));
      continue;
    }
    o.score = cmp->score;
    o.match = cmp->match;
    ev.all.Add(o.label, o.match);
    (o.held_out ? ev.held_out : ev.dev).Add(o.label, o.match);
    ev.by_category[o.category].Add(o.label, o.match);
    ev.outcomes.push_back(std::move(o));
  }
  return ev;
}

namespace {

std::string MetricsLine(const std::string& name, const Metrics& m) {
  return absl::StrFormat("%-24s %5d %9.3f %7.3f %7.3f %9.3f   tp=%d fp=%d tn=%d fn=%d\n", name,
                         m.total(), m.Precision(), m.Recall(), m.F1(), m.Accuracy(), m.tp, m.fp,
                         m.tn, m.fn);
}

}  // namespace

std::string FormatEvaluation(const Evaluation& ev, const CompareOptions& options) {
  std::string out = absl::StrFormat("threshold %.2f\n%-24s %5s %9s %7s %7s %9s\n",
                                    options.match_threshold, "split / category", "pairs",
                                    "precision", "recall", "F1", "accuracy");
  out += MetricsLine("all", ev.all);
  out += MetricsLine("dev (tuned on)", ev.dev);
  out += MetricsLine("held-out", ev.held_out);
  out += "per category (match categories show recall, nonmatch_* show specificity via tn/fp):\n";
  for (const auto& [name, m] : ev.by_category) out += MetricsLine("  " + name, m);
  if (!ev.errors.empty()) absl::StrAppend(&out, ev.errors.size(), " row(s) skipped\n");
  return out;
}

}  // namespace paxscreen::compare
