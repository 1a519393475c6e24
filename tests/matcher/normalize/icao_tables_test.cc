// Every letter of every transliteration table, in both cases where the script has case, through
// the public functions (so NFKC, uppercasing and the context rules are exercised too).
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <catch2/catch.hpp>
#include <string>

#include "matcher/normalize/icao_tables.h"
#include "matcher/normalize/normalize.h"

namespace paxscreen::normalize {
namespace {

std::string Utf8(char32_t cp) {
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(cp));
  return std::string(buf, n);
}

bool OnlyUpperAscii(const char* s) {
  for (; *s; ++s) {
    if (*s < 'A' || *s > 'Z') return false;
  }
  return true;
}

// Letters whose token form depends on their neighbours; checked in their own cases below.
bool Contextual(char32_t cp) { return cp == 0x0629; }

void CheckTable(TableScript script, std::size_t min_size) {
  const auto table = IcaoTable(script);
  INFO(TableScriptName(script));
  REQUIRE(table.size() >= min_size);
  for (std::size_t i = 0; i < table.size(); ++i) {
    const TranslitEntry& e = table[i];
    INFO("U+" << std::hex << static_cast<uint32_t>(e.cp));
    if (i > 0) CHECK(table[i - 1].cp < e.cp);
    CHECK(FindTranslit(e.cp) == &e);
    CHECK(OnlyUpperAscii(e.mrz));
    CHECK(OnlyUpperAscii(e.text));
    CHECK(OnlyUpperAscii(e.plain));
    if (Contextual(e.cp)) continue;
    const std::string upper = Utf8(e.cp);
    CHECK(TransliterateIcao(upper).value() == e.text);
    CHECK(TransliterateIcaoMrz(upper).value() == e.mrz);
    CHECK(FoldPlain(upper).value() == e.plain);
    const char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(e.cp)));
    if (lower != e.cp) {
      CHECK(TransliterateIcao(Utf8(lower)).value() == e.text);
      CHECK(FoldPlain(Utf8(lower)).value() == e.plain);
    }
  }
}

TEST_CASE("Latin table: every letter", "[normalize][tables]") {
  CheckTable(TableScript::kLatin, 90);
}
TEST_CASE("Cyrillic table: every letter", "[normalize][tables]") {
  CheckTable(TableScript::kCyrillic, 49);
}
TEST_CASE("Greek table: every letter", "[normalize][tables]") {
  CheckTable(TableScript::kGreek, 35);
}
TEST_CASE("Arabic table: every letter", "[normalize][tables]") {
  CheckTable(TableScript::kArabic, 36);
}

TEST_CASE("Latin: the Doc 9303 examples and the plain fold", "[normalize][tables]") {
  CHECK(TransliterateIcao("Ä Å Æ Ø Ö Ü ß Þ Ñ Ç Ð Œ Ĳ Ł").value() ==
        "AE AA AE OE OE UE SS TH N C D OE IJ L");
  CHECK(FoldPlain("Ä Å Æ Ø Ö Ü ß Þ Ñ Ç Ð Œ Ĳ Ł").value() == "A A AE O O U SS TH N C D OE IJ L");
  CHECK(TransliterateIcao("Thérèse CAÑON").value() == "THERESE CANON");
  CHECK(TransliterateIcao("Müller Großmann").value() == "MUELLER GROSSMANN");
  CHECK(FoldPlain("Müller Großmann").value() == "MULLER GROSSMANN");
  // Letters outside the table go through ICU Latin-ASCII.
  CHECK(TransliterateIcao("Nguyễn Ǎ Ơ").value() == "NGUYEN A O");
}

TEST_CASE("Cyrillic words (Russian, Ukrainian, Serbian)", "[normalize][tables]") {
  CHECK(TransliterateIcao("Александр Щербаков").value() == "ALEKSANDR SHCHERBAKOV");
  CHECK(TransliterateIcao("Олександр").value() == "OLEKSANDR");
  CHECK(TransliterateIcao("Юлия Хрущёва").value() == "IULIIA KHRUSHCHEVA");
  CHECK(TransliterateIcao("Подъячев Ильич").value() == "PODIEIACHEV ILICH");
  CHECK(TransliterateIcao("Євгенія Ґонта Їжак").value() == "IEVGENIIA GONTA IZHAK");
  CHECK(TransliterateIcao("Ђорђе Љубица Њего").value() == "DORDE LJUBITSA NJEGO");
}

TEST_CASE("Greek digraph rules (ELOT 743)", "[normalize][tables]") {
  CHECK(TransliterateIcao("Γιώργος Παπαδόπουλος").value() == "GIORGOS PAPADOPOULOS");
  CHECK(TransliterateIcao("Ευάγγελος").value() == "EVANGELOS");     // ΕΥ before voiced: EV
  CHECK(TransliterateIcao("Ευθύμιος").value() == "EFTHYMIOS");      // ΕΥ before Θ: EF
  CHECK(TransliterateIcao("Μπαμπης Ντίνος").value() == "BAMPIS DINOS");  // initial ΜΠ, ΝΤ
  CHECK(TransliterateIcao("Αγχίαλος Σφίγξ").value() == "ANCHIALOS SFINX");
  CHECK(TransliterateIcao("Ξενοφών Ψαρράς Χρήστος").value() == "XENOFON PSARRAS CHRISTOS");
  CHECK(TransliterateIcao("Νικόλαος Θεοδωρίδης").value() == "NIKOLAOS THEODORIDIS");
}

TEST_CASE("Arabic context rules and MRZ codes", "[normalize][tables]") {
  // ة: XAH / A at the end of a name component, XTA / T inside it.
  CHECK(TransliterateIcaoMrz("فاطمة").value() == "FAXTTMXAH");
  CHECK(TransliterateIcao("فاطمة").value() == "FATMA");
  CHECK(TransliterateIcaoMrz("ةب").value() == "XTAB");
  CHECK(TransliterateIcao("ةب").value() == "TB");
  // و / ي: consonant at the start of a word or next to alef, long vowel elsewhere.
  CHECK(TransliterateIcao("يوسف").value() == "YUSF");
  CHECK(TransliterateIcaoMrz("يوسف").value() == "YWSF");
  CHECK(TransliterateIcao("وليد").value() == "WLID");
  CHECK(TransliterateIcao("القحطاني").value() == "ALQHTANI");
  CHECK(TransliterateIcaoMrz("القحطاني").value() == "ALQXHXTTANY");
  // Vowel marks give vowels in the token form and nothing in the MRZ form.
  CHECK(TransliterateIcao("مُحَمَّد").value() == "MUHAMAD");
  CHECK(TransliterateIcaoMrz("مُحَمَّد").value() == "MXHMD");
}

}  // namespace
}  // namespace paxscreen::normalize
