// Dynamic-programming references; see reference.h for definitions and sources.
#include "matcher/distance/reference.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace paxscreen::distance {

int LevenshteinReference(std::string_view a, std::string_view b) {
  const size_t m = b.size();
  std::vector<int> row(m + 1);
  for (size_t j = 0; j <= m; ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];  // D[i-1][j-1]
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= m; ++j) {
      const int up = row[j];  // D[i-1][j]
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({up + 1, row[j - 1] + 1, diag + cost});
      diag = up;
    }
  }
  return row[m];
}

int OsaReference(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  const size_t m = b.size();
  std::vector<int> d((n + 1) * (m + 1));
  auto at = [&](size_t i, size_t j) -> int& { return d[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) at(0, j) = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, at(i - 2, j - 2) + 1);
      }
      at(i, j) = v;
    }
  }
  return at(n, m);
}

double JaroReference(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  const size_t m = b.size();
  if (n == 0 && m == 0) return 1.0;
  if (n == 0 || m == 0) return 0.0;
  const size_t longest = std::max(n, m);
  const size_t window = longest / 2 > 0 ? longest / 2 - 1 : 0;
  std::vector<bool> a_matched(n, false);
  std::vector<bool> b_matched(m, false);
  size_t matches = 0;
  for (size_t i = 0; i < n; ++i) {
    const size_t lo = i > window ? i - window : 0;
    const size_t hi = std::min(m, i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (!b_matched[j] && a[i] == b[j]) {
        a_matched[i] = true;
        b_matched[j] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  size_t half_transpositions = 0;
  size_t j = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!a_matched[i]) continue;
    while (!b_matched[j]) ++j;
    if (a[i] != b[j]) ++half_transpositions;
    ++j;
  }
  const double mm = static_cast<double>(matches);
  const double t = static_cast<double>(half_transpositions / 2);
  return (mm / static_cast<double>(n) + mm / static_cast<double>(m) + (mm - t) / mm) / 3.0;
}

double JaroWinklerReference(std::string_view a, std::string_view b, double prefix_scale) {
  const double jaro = JaroReference(a, b);
  size_t prefix = 0;
  const size_t limit = std::min({a.size(), b.size(), size_t{4}});
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * prefix_scale * (1.0 - jaro);
}

}  // namespace paxscreen::distance
