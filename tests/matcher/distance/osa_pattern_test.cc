#include "matcher/distance/osa_pattern.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <utility>

#include "matcher/distance/reference.h"

namespace paxscreen::distance {
namespace {

// Property: the bit-parallel distance and bounded check agree with the reference on random
// strings of a small alphabet (many near matches), on lengths around the 64-byte word, and on
// bytes >= 0x80.
TEST_CASE("OsaPattern agrees with OsaReference", "[distance][osa_pattern]") {
  std::mt19937_64 rng(7);
  auto text = [&](size_t max_len, const char* alphabet, size_t letters) {
    std::string s(rng() % (max_len + 1), ' ');
    for (char& c : s) c = alphabet[rng() % letters];
    return s;
  };
  const char kSmall[] = "ABC\x80\xff";
  for (int i = 0; i < 20000; ++i) {
    const size_t max_len = i % 10 == 0 ? 70 : 12;
    std::string a = text(max_len, kSmall, 5);
    std::string b = a;
    // b: a with a few random edits (substitution, insertion, deletion, transposition).
    for (int e = static_cast<int>(rng() % 4); e > 0; --e) {
      const size_t at = b.empty() ? 0 : rng() % b.size();
      const int op = static_cast<int>(rng() % 4);
      if (op == 0 && !b.empty()) {
        b[at] = kSmall[rng() % 5];
      } else if (op == 1) {
        b.insert(b.begin() + at, kSmall[rng() % 5]);
      } else if (op == 2 && !b.empty()) {
        b.erase(b.begin() + at);
      } else if (op == 3 && at + 1 < b.size()) {
        std::swap(b[at], b[at + 1]);
      }
    }
    if (i % 7 == 0) b = text(max_len, kSmall, 5);
    const OsaPattern pattern(a);
    const int d = OsaReference(a, b);
    INFO(a << " / " << b);
    REQUIRE(pattern.Distance(b) == d);
    for (int bound = 0; bound <= 3; ++bound) {
      INFO(a << " / " << b << " bound " << bound);
      REQUIRE(pattern.Within(b, bound) == (d <= bound));
    }
  }
  const OsaPattern word(std::string(64, 'A'));
  CHECK(word.Within(std::string(63, 'A') + "B", 1));
  CHECK(!word.Within(std::string(62, 'A') + "BB", 1));
  CHECK(OsaPattern("").Within("AB", 2));
  CHECK(!OsaPattern("").Within("ABC", 2));
}

}  // namespace
}  // namespace paxscreen::distance
