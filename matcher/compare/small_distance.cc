#include "matcher/compare/small_distance.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "matcher/distance/reference.h"

namespace paxscreen::compare {

// Bit-parallel OSA for a pattern of at most 64 bytes: Hyyrö, "A bit-vector algorithm for
// computing Levenshtein and Damerau edit distances", Nordic Journal of Computing 10 (2003),
// the Myers (1999) recurrence plus the transposition term TR. O(|b|) word operations.
int SmallOsa(std::string_view a, std::string_view b) {
  if (a.size() > kSmallMax || b.size() > kSmallMax) return distance::OsaReference(a, b);
  if (a.empty()) return static_cast<int>(b.size());
  if (b.empty()) return static_cast<int>(a.size());
  // Match masks of `a` for the letters A-Z in a table, any other byte by a scan of `a`.
  std::array<uint64_t, 26> letters{};
  bool only_letters = true;
  for (size_t i = 0; i < a.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(a[i]);
    if (c >= 'A' && c <= 'Z') {
      letters[c - 'A'] |= uint64_t{1} << i;
    } else {
      only_letters = false;
    }
  }
  auto mask_of = [&](unsigned char c) -> uint64_t {
    if (c >= 'A' && c <= 'Z') return letters[c - 'A'];
    if (only_letters) return 0;
    uint64_t m = 0;
    for (size_t i = 0; i < a.size(); ++i) {
      if (static_cast<unsigned char>(a[i]) == c) m |= uint64_t{1} << i;
    }
    return m;
  };
  const size_t m = a.size();
  uint64_t vp = m == 64 ? ~uint64_t{0} : (uint64_t{1} << m) - 1;
  uint64_t vn = 0, d0 = 0, pm_prev = 0;
  const uint64_t last = uint64_t{1} << (m - 1);
  int dist = static_cast<int>(m);
  for (unsigned char c : b) {
    const uint64_t pm = mask_of(c);
    const uint64_t tr = (((~d0) & pm) << 1) & pm_prev;
    d0 = ((((pm & vp) + vp) ^ vp) | pm | vn) | tr;
    uint64_t hp = vn | ~(d0 | vp);
    uint64_t hn = d0 & vp;
    if (hp & last) ++dist;
    if (hn & last) --dist;
    hp = (hp << 1) | 1;
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    pm_prev = pm;
  }
  return dist;
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
