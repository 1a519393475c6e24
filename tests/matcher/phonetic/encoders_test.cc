// Unit tests for the phonetic encoders: textbook examples from each algorithm's source, and the
// inputs the normalize module should never send but that must not break us (empty, huge,
// non-letters, lower case, raw UTF-8 bytes).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "matcher/phonetic/phonetic.h"

namespace paxscreen::phonetic {
namespace {

using Codes = std::vector<std::string>;

TEST_CASE("Soundex: National Archives examples") {
  CHECK(Soundex("ROBERT") == "R163");
  CHECK(Soundex("RUPERT") == "R163");
  CHECK(Soundex("RUBIN") == "R150");
  CHECK(Soundex("ASHCRAFT") == "A261");  // H does not separate S and C
  CHECK(Soundex("TYMCZAK") == "T522");   // vowel separates the two 2s
  CHECK(Soundex("PFISTER") == "P236");   // P and F share a code with the first letter
  CHECK(Soundex("HONEYMAN") == "H555");
  CHECK(Soundex("LEE") == "L000");
}

TEST_CASE("NYSIIS: prefix, suffix and in-word rules") {
  CHECK(Nysiis("MACINTOSH") == "MCANT");
  CHECK(Nysiis("KNIGHT") == "NAGT");
  CHECK(Nysiis("PHILLIPS") == "FALAP");
  CHECK(Nysiis("SCHMIDT") == "SNAD");  // SCH->SSS, repeats not kept
  CHECK(Nysiis("LEE") == "LY");
  CHECK(Nysiis("BRIAN") == "BRAN");
  CHECK(Nysiis("MUHAMMAD") == "MAHANA");             // strict: 6 characters
  CHECK(Nysiis("MUHAMMAD", false) == "MAHANAD");
}

TEST_CASE("Double Metaphone: Philips' examples") {
  CHECK(DoubleMetaphone("SMITH") == MetaphoneKeys{"SM0", "XMT"});
  CHECK(DoubleMetaphone("SCHMIDT") == MetaphoneKeys{"XMT", "SMT"});
  CHECK(DoubleMetaphone("THOMAS") == MetaphoneKeys{"TMS", "TMS"});
  CHECK(DoubleMetaphone("MICHAEL") == MetaphoneKeys{"MKL", "MXL"});
  CHECK(DoubleMetaphone("JOSE") == MetaphoneKeys{"HS", "HS"});
  CHECK(DoubleMetaphone("CAESAR") == MetaphoneKeys{"SSR", "SSR"});
  CHECK(DoubleMetaphone("FILIPOWICZ") == MetaphoneKeys{"FLPT", "FLPF"});
  CHECK(DoubleMetaphone("GALLEGOS") == MetaphoneKeys{"KLKS", "KKS"});
  CHECK(DoubleMetaphone("RAJ") == MetaphoneKeys{"RJ", "R"});  // Philips: no alternate for final J
  CHECK(DoubleMetaphone("ALEKSANDROVICH", 10).primary == "ALKSNTRFX");
  CHECK(DoubleMetaphone("MOHAMMED", 1) == MetaphoneKeys{"M", "M"});
}

TEST_CASE("Daitch-Mokotoff: single and branching codes") {
  CHECK(DaitchMokotoff("PERLSTEIN") == Codes{"798436"});
  CHECK(DaitchMokotoff("MOSKOWITZ") == Codes{"645740"});
  CHECK(DaitchMokotoff("AUERBACH") == Codes{"097400", "097500"});
  CHECK(DaitchMokotoff("JACKSON") == Codes{"145460", "154600", "445460", "454600"});
  CHECK(DaitchMokotoff("KATZ") == Codes{"540000"});
  CHECK(DaitchMokotoff("MANN") == Codes{"660000"});
}

TEST_CASE("every encoder: empty and letterless input gives empty keys") {
  for (const char* s : {"", " ", "-'.,", "12345", "\xC3\x84\xC3\x96"}) {
    INFO("input: " << s);
    CHECK(Soundex(s).empty());
    CHECK(Nysiis(s).empty());
    CHECK(DoubleMetaphone(s) == MetaphoneKeys{});
    CHECK(DaitchMokotoff(s).empty());
    CHECK(ArabicSkeleton(s).empty());
  }
}

TEST_CASE("every encoder: non-letters are skipped and lower case is folded") {
  CHECK(Soundex("o'brien-2") == Soundex("OBRIEN"));
  CHECK(Nysiis("mac intosh") == Nysiis("MACINTOSH"));
  CHECK(DoubleMetaphone("Sch-midt") == DoubleMetaphone("SCHMIDT"));
  CHECK(DaitchMokotoff("jack son") == DaitchMokotoff("JACKSON"));
  CHECK(ArabicSkeleton("mu\xE1\xB8\xA5" "ammad") == ArabicSkeleton("MUAMMAD"));  // UTF-8 dropped
}

TEST_CASE("every encoder: every byte value is survivable") {
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  CHECK(Soundex(all) == Soundex("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ"));
  CHECK(Nysiis(all).size() <= 6);
  CHECK(DoubleMetaphone(all).primary.size() <= 4);
  for (const std::string& code : DaitchMokotoff(all)) CHECK(code.size() == 6);
  CHECK_FALSE(ArabicSkeleton(all).empty());
}

TEST_CASE("every encoder: a 10 kB name keeps bounded keys") {
  std::string big;
  while (big.size() < 10 * 1024) big += "MUHAMMADJACKSONCZERNY-";
  CHECK(Soundex(big).size() == 4);
  CHECK(Nysiis(big).size() == 6);
  CHECK(Nysiis(big, false).size() > 6);
  const MetaphoneKeys k = DoubleMetaphone(big, 64);
  CHECK(k.primary.size() == 64);
  CHECK(k.alternate.size() == 64);
  const Codes codes = DaitchMokotoff(big);
  CHECK_FALSE(codes.empty());
  CHECK(codes.size() <= 64);  // branching stops once the 6 digits are fixed
  for (const std::string& code : codes) CHECK(code.size() == 6);
  CHECK(ArabicSkeleton(big).size() < big.size());
}

}  // namespace
}  // namespace paxscreen::phonetic
