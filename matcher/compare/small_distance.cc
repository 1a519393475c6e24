#include "matcher/compare/small_distance.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "matcher/distance/osa_pattern.h"
#include "matcher/distance/reference.h"

namespace paxscreen::compare {

int SmallOsa(std::string_view a, std::string_view b) {
  return distance::OsaPattern(a).Distance(b);
}

// Jaro 1989 / Winkler 1990, the same conventions as distance::JaroWinklerReference.
double SmallJaroWinkler(std::string_view a, std::string_view b, double prefix_scale) {
  if (a.size() > kSmallMax || b.size() > kSmallMax) {
    return distance::JaroWinklerReference(a, b, prefix_scale);
  }
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const size_t longest = std::max(a.size(), b.size());
  const size_t window = longest / 2 > 0 ? longest / 2 - 1 : 0;
  std::array<bool, kSmallMax> used_a{}, used_b{};
  int matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const size_t lo = i > window ? i - window : 0;
    const size_t hi = std::min(b.size(), i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (!used_b[j] && a[i] == b[j]) {
        used_a[i] = used_b[j] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  int half = 0;
  size_t k = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!used_a[i]) continue;
    while (!used_b[k]) ++k;
    if (a[i] != b[k]) ++half;
    ++k;
  }
  const double m = matches;
  const double jaro = (m / a.size() + m / b.size() + (m - half / 2) / m) / 3.0;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * prefix_scale * (1.0 - jaro);
}

}  // namespace paxscreen::compare
