#include "matcher/compare/small_distance.h"

#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "matcher/distance/reference.h"

namespace paxscreen::compare {
namespace {

std::string RandomToken(std::mt19937& rng, size_t max_len, int alphabet) {
  std::uniform_int_distribution<size_t> len(0, max_len);
  std::uniform_int_distribution<int> letter(0, alphabet - 1);
  std::string s(len(rng), 'A');
  for (char& c : s) c = static_cast<char>('A' + letter(rng));
  return s;
}

TEST_CASE("small OSA and Jaro-Winkler equal the references", "[compare][distance]") {
  std::mt19937 rng(20261123);
  for (int round = 0; round < 20000; ++round) {
    // Small alphabets make transpositions and repeated letters frequent.
    const int alphabet = round % 3 == 0 ? 3 : (round % 3 == 1 ? 6 : 26);
    const size_t max_len = round % 50 == 0 ? 80 : 14;  // some beyond kSmallMax: fallback path
    const std::string a = RandomToken(rng, max_len, alphabet);
    const std::string b = RandomToken(rng, max_len, alphabet);
    INFO(a << " | " << b);
    REQUIRE(SmallOsa(a, b) == distance::OsaReference(a, b));
    REQUIRE(SmallJaroWinkler(a, b) == Approx(distance::JaroWinklerReference(a, b)).margin(1e-12));
  }
}

TEST_CASE("small distances on known values", "[compare][distance]") {
  CHECK(SmallOsa("MUHAMMAD", "MUHAMAMD") == 1);
  CHECK(SmallOsa("CA", "ABC") == 3);  // OSA, not unrestricted Damerau (which gives 2)
  CHECK(SmallOsa("", "ABC") == 3);
  CHECK(SmallJaroWinkler("MARTHA", "MARHTA") == Approx(0.9611).margin(1e-4));
  CHECK(SmallJaroWinkler("", "") == 1.0);
  CHECK(SmallJaroWinkler("A", "") == 0.0);
}


TEST_CASE("bit-parallel OSA equals the reference up to 64 bytes, any byte", "[compare][distance]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    std::uniform_int_distribution<int> len(0, 64);
    const bool bytes = round % 4 == 0;  // bytes outside A-Z take the scanning path
    auto make = [&] {
      std::string s(len(rng), 'A');
      for (char& c : s) {
        c = bytes ? static_cast<char>(rng() % 256) : static_cast<char>('A' + rng() % 5);
      }
      return s;
    };
    const std::string a = make();
    std::string b = round % 2 == 0 ? make() : a;
    if (round % 2 == 1 && b.size() > 2) std::swap(b[1], b[2]);  // near misses
    REQUIRE(SmallOsa(a, b) == distance::OsaReference(a, b));
  }
}

}  // namespace
}  // namespace paxscreen::compare
