// Precision, recall and F1 of the name comparison on a labelled pair file
// (tests/matcher/compare/labelled_pairs.csv: columns name1,name2,label,category; label 1 = the
// same person's name, 0 = different people).
//
//   std::ifstream in("tests/matcher/compare/labelled_pairs.csv");
//   PAX_ASSIGN_OR_RETURN(auto ev, EvaluateLabelledPairs(in, CompareOptions{}));
//
// Split: every fourth data row (0-based row index % 4 == 3) is HELD OUT; the weights and the
// threshold in CompareOptions were tuned looking only at the other rows (the "dev" split).
// Cost: one comparison per row.
#pragma once

#include <istream>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "matcher/compare/compare.h"

namespace paxscreen::compare {

struct Metrics {
  int tp = 0, fp = 0, tn = 0, fn = 0;
  void Add(bool label, bool predicted);
  int total() const { return tp + fp + tn + fn; }
  double Precision() const;  // 1 when nothing was predicted positive
  double Recall() const;     // 1 when there were no positives
  double F1() const;
  double Accuracy() const;
};

struct PairOutcome {
  int line = 0;  // 1-based line in the file
  std::string name1, name2, category;
  bool label = false;
  bool held_out = false;
  double score = 0;
  bool match = false;
};

struct Evaluation {
  Metrics all, dev, held_out;
  std::map<std::string, Metrics> by_category;
  std::vector<PairOutcome> outcomes;
  std::vector<std::string> errors;  // rows that could not be read or compared ("line N: ...")
};

// Reads the labelled CSV (header required; columns found by name) and scores every row.
// A missing column is an error; a bad row is recorded in `errors` and skipped.
absl::StatusOr<Evaluation> EvaluateLabelledPairs(std::istream& in, const CompareOptions& options);

// Human-readable report: overall, dev, held-out and per-category lines.
std::string FormatEvaluation(const Evaluation& ev, const CompareOptions& options);

}  // namespace paxscreen::compare
