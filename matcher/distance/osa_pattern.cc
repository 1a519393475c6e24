#include "matcher/distance/osa_pattern.h"

#include <limits>

#include "matcher/distance/reference.h"

namespace paxscreen::distance {

namespace {
constexpr size_t kWord = 64;
}  // namespace

OsaPattern::OsaPattern(std::string_view pattern) : pattern_(pattern) {
  if (pattern.size() > kWord) return;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(pattern[i]);
    if (c >= 'A' && c <= 'Z') {
      letters_[c - 'A'] |= uint64_t{1} << i;
    } else {
      only_letters_ = false;
    }
  }
}

uint64_t OsaPattern::MaskOf(unsigned char c) const {
  if (c >= 'A' && c <= 'Z') return letters_[c - 'A'];
  if (only_letters_) return 0;
  uint64_t m = 0;
  for (size_t i = 0; i < pattern_.size(); ++i) {
    if (static_cast<unsigned char>(pattern_[i]) == c) m |= uint64_t{1} << i;
  }
  return m;
}

int OsaPattern::Distance(std::string_view text) const {
  return Run(text, std::numeric_limits<int>::max());
}

bool OsaPattern::Within(std::string_view text, int bound) const {
  const size_t m = pattern_.size();
  const size_t n = text.size();
  if ((m > n ? m - n : n - m) > static_cast<size_t>(bound)) return false;
  return Run(text, bound) <= bound;
}

int OsaPattern::Run(std::string_view text, int bound) const {
  const size_t m = pattern_.size();
  const size_t n = text.size();
  if (m > kWord) return OsaReference(pattern_, text);
  if (m == 0) return static_cast<int>(n);
  // Column j of the DP table as vertical deltas (VP: +1, VN: -1), D0 the diagonal zeros,
  // `dist` its last row D[m][j].
  const uint64_t last = uint64_t{1} << (m - 1);
  uint64_t vp = m == kWord ? ~uint64_t{0} : (uint64_t{1} << m) - 1;
  uint64_t vn = 0;
  uint64_t d0 = 0;
  uint64_t pm_prev = 0;
  int64_t dist = static_cast<int64_t>(m);
  for (size_t j = 0; j < n; ++j) {
    const uint64_t pm = MaskOf(static_cast<unsigned char>(text[j]));
    const uint64_t tr = (((~d0) & pm) << 1) & pm_prev;
    d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr;
    uint64_t hp = vn | ~(d0 | vp);
    uint64_t hn = d0 & vp;
    dist += (hp & last) != 0;
    dist -= (hn & last) != 0;
    // D[m][n] >= D[m][j] - (n - j): each remaining column lowers it by one at most.
    if (dist - static_cast<int64_t>(n - 1 - j) > bound) return static_cast<int>(dist);
    hp = (hp << 1) | 1;
    hn = hn << 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    pm_prev = pm;
  }
  return static_cast<int>(dist);
}

}  // namespace paxscreen::distance
