// Known values for the scalar references (hand-checked textbook examples).
#include "matcher/distance/reference.h"

#include <catch2/catch.hpp>
#include <string>

namespace paxscreen::distance {
namespace {

TEST_CASE("LevenshteinReference known values", "[distance][reference]") {
  CHECK(LevenshteinReference("", "") == 0);
  CHECK(LevenshteinReference("ABC", "") == 3);
  CHECK(LevenshteinReference("", "ABCD") == 4);
  CHECK(LevenshteinReference("KITTEN", "SITTING") == 3);
  CHECK(LevenshteinReference("SATURDAY", "SUNDAY") == 3);
  CHECK(LevenshteinReference("MUHAMMAD", "MUHAMAMD") == 2);
  CHECK(LevenshteinReference("AB", "BA") == 2);
  CHECK(LevenshteinReference("FLAW", "LAWN") == 2);
  CHECK(LevenshteinReference("\x80\xff", "\xff\x80") == 2);
}

TEST_CASE("OsaReference known values", "[distance][reference]") {
  CHECK(OsaReference("", "") == 0);
  CHECK(OsaReference("AB", "BA") == 1);
  CHECK(OsaReference("MUHAMMAD", "MUHAMAMD") == 1);
  CHECK(OsaReference("CA", "ABC") == 3);  // OSA (true Damerau gives 2)
  CHECK(OsaReference("KITTEN", "SITTING") == 3);
  CHECK(OsaReference("ABCDEF", "BADCFE") == 3);
  CHECK(OsaReference("\x80\xff", "\xff\x80") == 1);
}

TEST_CASE("JaroReference and JaroWinklerReference known values", "[distance][reference]") {
  CHECK(JaroReference("", "") == 1.0);
  CHECK(JaroReference("A", "") == 0.0);
  CHECK(JaroReference("ABC", "XYZ") == 0.0);
  CHECK(JaroReference("MARTHA", "MARHTA") == Approx(0.944444444444).epsilon(1e-10));
  CHECK(JaroWinklerReference("MARTHA", "MARHTA") == Approx(0.961111111111).epsilon(1e-10));
  CHECK(JaroReference("DWAYNE", "DUANE") == Approx(0.822222222222).epsilon(1e-10));
  CHECK(JaroWinklerReference("DWAYNE", "DUANE") == Approx(0.84).epsilon(1e-10));
  CHECK(JaroReference("DIXON", "DICKSONX") == Approx(0.766666666667).epsilon(1e-10));
  CHECK(JaroWinklerReference("DIXON", "DICKSONX") == Approx(0.813333333333).epsilon(1e-10));
  CHECK(JaroWinklerReference("ABCDEFGH", "ABCDEFGH") == 1.0);
  CHECK(JaroWinklerReference("ABCDXXXX", "ABCDYYYY", 0.0) == JaroReference("ABCDXXXX", "ABCDYYYY"));
}

}  // namespace
}  // namespace paxscreen::distance
