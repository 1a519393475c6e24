// Test helper: the names of the labelled pair set (labelled_pairs.csv), prepared, for tests
// that need many real names of the cultures, particles, folded forms and spans the matcher meets.
#pragma once

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "matcher/base/env.h"
#include "matcher/compare/compare.h"
#include "matcher/compare/pairs_csv.h"

namespace paxscreen::compare {

// Both names of every pair whose two names normalize, prepared with `options`; `pairs`, when
// given, receives the indexes of each pair's two names.
inline std::vector<PreparedName> LabelledNames(const CompareOptions& options,
                                               std::vector<std::pair<size_t, size_t>>* pairs) {
  std::ifstream in(SourceDir() + "/tests/matcher/compare/labelled_pairs.csv");
  REQUIRE(in.good());
  CsvReader reader(in);
  std::vector<std::string> fields;
  std::vector<PreparedName> names;
  bool header = true;
  while (reader.Next(&fields)) {
    if (header || fields.size() < 2) {
      header = false;
      continue;
    }
    auto a = normalize::NormalizeName(fields[0]);
    auto b = normalize::NormalizeName(fields[1]);
    if (!a.ok() || !b.ok()) continue;
    names.push_back(PrepareName(*a, options));
    names.push_back(PrepareName(*b, options));
    if (pairs != nullptr) pairs->emplace_back(names.size() - 2, names.size() - 1);
  }
  return names;
}

// The option sets the bound tests run under: the defaults and the screening options (a smaller
// spelling-only discount and phonetic floor), and settings that move the missing-letter limits
// (MissingLimits): no phonetic path, a high phonetic floor, more weight on Jaro-Winkler.
inline std::vector<CompareOptions> BoundTestOptions() {
  auto with = [](auto change) {
    CompareOptions o = ScreeningCompareOptions();
    change(o);
    return o;
  };
  return {CompareOptions{}, ScreeningCompareOptions(),
          with([](CompareOptions& o) { o.use_phonetic = false; }),
          with([](CompareOptions& o) { o.phonetic_floor = 0.9; }),
          with([](CompareOptions& o) {
            o.osa_share = 0.4;
            o.min_token_similarity = 0.6;
          })};
}

}  // namespace paxscreen::compare
