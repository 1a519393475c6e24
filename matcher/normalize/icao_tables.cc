// ICAO Doc 9303 Part 3 section 6 transliteration tables, written from the standard.
//
// Latin: the "multinational Latin-based characters" table. Where Doc 9303 offers alternatives
// (Ä: AE or A; Ñ: N or NXX; Ü: UE, UXX or U) `mrz`/`text` take the first, the recommended one,
// and `plain` takes the diacritic-free one. Ș/Ț (comma below) and ẞ are not in the table; they
// follow their cedilla / ß twins (standard = false).
// Cyrillic: the Doc 9303 table. Language-specific alternatives the standard notes (Ukrainian and
// Belarusian Г -> H, Serbian Ђ -> DJ, Macedonian Ѓ -> GJ, Ќ -> KJ) are not applied because the
// language of a name is unknown; the comparison layer treats G/H and D/DJ as near letters.
// Greek: Doc 9303 leaves Greek to the issuing state; Greek passports use ELOT 743 (ISO 843
// transcription), so the letters below are ELOT 743 and the digraph rules (ΟΥ, ΑΥ/ΕΥ, ΓΓ, ΜΠ,
// ΝΤ) live in transliterate.cc.
// Arabic: the Doc 9303 Arabic table, whose MRZ codes escape letters without a Latin twin with X
// (ح XH, خ XKH, ص XSS ...) so the MRZ can be read back into Arabic. Those escape codes are not
// comparable with the Latin transcriptions used in bookings and watchlists (QAHTANI), so tokens
// use `text`, the closest single letter or digraph (the X dropped, doubled emphatics reduced,
// ع -> A because it is most often written as the following vowel). The Persian / Urdu letters
// and the vowel marks (fatha, damma, kasra) are paxscreen extensions.
#include "matcher/normalize/icao_tables.h"

#include <algorithm>
#include <array>

namespace paxscreen::normalize {
namespace {

constexpr TranslitEntry kLatin[] = {
    {U'\u00C0', "A", "A", "A", true},    {U'\u00C1', "A", "A", "A", true},
    {U'\u00C2', "A", "A", "A", true},    {U'\u00C3', "A", "A", "A", true},
    {U'\u00C4', "AE", "AE", "A", true},  {U'\u00C5', "AA", "AA", "A", true},
    {U'\u00C6', "AE", "AE", "AE", true}, {U'\u00C7', "C", "C", "C", true},
    {U'\u00C8', "E", "E", "E", true},    {U'\u00C9', "E", "E", "E", true},
    {U'\u00CA', "E", "E", "E", true},    {U'\u00CB', "E", "E", "E", true},
    {U'\u00CC', "I", "I", "I", true},    {U'\u00CD', "I", "I", "I", true},
    {U'\u00CE', "I", "I", "I", true},    {U'\u00CF', "I", "I", "I", true},
    {U'\u00D0', "D", "D", "D", true},    {U'\u00D1', "N", "N", "N", true},
    {U'\u00D2', "O", "O", "O", true},    {U'\u00D3', "O", "O", "O", true},
    {U'\u00D4', "O", "O", "O", true},    {U'\u00D5', "O", "O", "O", true},
    {U'\u00D6', "OE", "OE", "O", true},  {U'\u00D8', "OE", "OE", "O", true},
    {U'\u00D9', "U", "U", "U", true},    {U'\u00DA', "U", "U", "U", true},
    {U'\u00DB', "U", "U", "U", true},    {U'\u00DC', "UE", "UE", "U", true},
    {U'\u00DD', "Y", "Y", "Y", true},    {U'\u00DE', "TH", "TH", "TH", true},
    {U'\u00DF', "SS", "SS", "SS", true}, {U'\u0100', "A", "A", "A", true},
    {U'\u0102', "A", "A", "A", true},    {U'\u0104', "A", "A", "A", true},
    {U'\u0106', "C", "C", "C", true},    {U'\u0108', "C", "C", "C", true},
    {U'\u010A', "C", "C", "C", true},    {U'\u010C', "C", "C", "C", true},
    {U'\u010E', "D", "D", "D", true},    {U'\u0110', "D", "D", "D", true},
    {U'\u0112', "E", "E", "E", true},    {U'\u0114', "E", "E", "E", true},
    {U'\u0116', "E", "E", "E", true},    {U'\u0118', "E", "E", "E", true},
    {U'\u011A', "E", "E", "E", true},    {U'\u011C', "G", "G", "G", true},
    {U'\u011E', "G", "G", "G", true},    {U'\u0120', "G", "G", "G", true},
    {U'\u0122', "G", "G", "G", true},    {U'\u0124', "H", "H", "H", true},
    {U'\u0126', "H", "H", "H", true},    {U'\u0128', "I", "I", "I", true},
    {U'\u012A', "I", "I", "I", true},    {U'\u012C', "I", "I", "I", true},
    {U'\u012E', "I", "I", "I", true},    {U'\u0130', "I", "I", "I", true},
    {U'\u0132', "IJ", "IJ", "IJ", true}, {U'\u0134', "J", "J", "J", true},
    {U'\u0136', "K", "K", "K", true},    {U'\u0139', "L", "L", "L", true},
    {U'\u013B', "L", "L", "L", true},    {U'\u013D', "L", "L", "L", true},
    {U'\u013F', "L", "L", "L", true},    {U'\u0141', "L", "L", "L", true},
    {U'\u0143', "N", "N", "N", true},    {U'\u0145', "N", "N", "N", true},
    {U'\u0147', "N", "N", "N", true},    {U'\u014A', "N", "N", "N", true},
    {U'\u014C', "O", "O", "O", true},    {U'\u014E', "O", "O", "O", true},
    {U'\u0150', "O", "O", "O", true},    {U'\u0152', "OE", "OE", "OE", true},
    {U'\u0154', "R", "R", "R", true},    {U'\u0156', "R", "R", "R", true},
    {U'\u0158', "R", "R", "R", true},    {U'\u015A', "S", "S", "S", true},
    {U'\u015C', "S", "S", "S", true},    {U'\u015E', "S", "S", "S", true},
    {U'\u0160', "S", "S", "S", true},    {U'\u0162', "T", "T", "T", true},
    {U'\u0164', "T", "T", "T", true},    {U'\u0166', "T", "T", "T", true},
    {U'\u0168', "U", "U", "U", true},    {U'\u016A', "U", "U", "U", true},
    {U'\u016C', "U", "U", "U", true},    {U'\u016E', "U", "U", "U", true},
    {U'\u0170', "U", "U", "U", true},    {U'\u0172', "U", "U", "U", true},
    {U'\u0174', "W", "W", "W", true},    {U'\u0176', "Y", "Y", "Y", true},
    {U'\u0178', "Y", "Y", "Y", true},    {U'\u0179', "Z", "Z", "Z", true},
    {U'\u017B', "Z", "Z", "Z", true},    {U'\u017D', "Z", "Z", "Z", true},
    {U'\u0218', "S", "S", "S", false},   {U'\u021A', "T", "T", "T", false},
    {U'\u1E9E', "SS", "SS", "SS", false},
};

constexpr TranslitEntry kCyrillic[] = {
    {U'\u0400', "E", "E", "E", true},       {U'\u0401', "E", "E", "E", true},
    {U'\u0402', "D", "D", "D", true},       {U'\u0403', "G", "G", "G", true},
    {U'\u0404', "IE", "IE", "IE", true},    {U'\u0405', "DZ", "DZ", "DZ", true},
    {U'\u0406', "I", "I", "I", true},       {U'\u0407', "I", "I", "I", true},
    {U'\u0408', "J", "J", "J", true},       {U'\u0409', "LJ", "LJ", "LJ", true},
    {U'\u040A', "NJ", "NJ", "NJ", true},    {U'\u040B', "C", "C", "C", true},
    {U'\u040C', "K", "K", "K", true},       {U'\u040D', "I", "I", "I", true},
    {U'\u040E', "U", "U", "U", true},       {U'\u040F', "DZ", "DZ", "DZ", true},
    {U'\u0410', "A", "A", "A", true},       {U'\u0411', "B", "B", "B", true},
    {U'\u0412', "V", "V", "V", true},       {U'\u0413', "G", "G", "G", true},
    {U'\u0414', "D", "D", "D", true},       {U'\u0415', "E", "E", "E", true},
    {U'\u0416', "ZH", "ZH", "ZH", true},    {U'\u0417', "Z", "Z", "Z", true},
    {U'\u0418', "I", "I", "I", true},       {U'\u0419', "I", "I", "I", true},
    {U'\u041A', "K", "K", "K", true},       {U'\u041B', "L", "L", "L", true},
    {U'\u041C', "M", "M", "M", true},       {U'\u041D', "N", "N", "N", true},
    {U'\u041E', "O", "O", "O", true},       {U'\u041F', "P", "P", "P", true},
    {U'\u0420', "R", "R", "R", true},       {U'\u0421', "S", "S", "S", true},
    {U'\u0422', "T", "T", "T", true},       {U'\u0423', "U", "U", "U", true},
    {U'\u0424', "F", "F", "F", true},       {U'\u0425', "KH", "KH", "KH", true},
    {U'\u0426', "TS", "TS", "TS", true},    {U'\u0427', "CH", "CH", "CH", true},
    {U'\u0428', "SH", "SH", "SH", true},    {U'\u0429', "SHCH", "SHCH", "SHCH", true},
    {U'\u042A', "IE", "IE", "IE", true},    {U'\u042B', "Y", "Y", "Y", true},
    {U'\u042C', "", "", "", true},          {U'\u042D', "E", "E", "E", true},
    {U'\u042E', "IU", "IU", "IU", true},    {U'\u042F', "IA", "IA", "IA", true},
    {U'\u0490', "G", "G", "G", true},
};

// Single letters; digraphs (ΟΥ, ΑΥ, ΕΥ, ΗΥ, ΓΓ, ΓΞ, ΓΧ, initial ΜΠ / ΝΤ) in transliterate.cc.
constexpr TranslitEntry kGreek[] = {
    {U'\u0386', "A", "A", "A", true},   {U'\u0388', "E", "E", "E", true},
    {U'\u0389', "I", "I", "I", true},   {U'\u038A', "I", "I", "I", true},
    {U'\u038C', "O", "O", "O", true},   {U'\u038E', "Y", "Y", "Y", true},
    {U'\u038F', "O", "O", "O", true},   {U'\u0390', "I", "I", "I", true},
    {U'\u0391', "A", "A", "A", true},   {U'\u0392', "V", "V", "V", true},
    {U'\u0393', "G", "G", "G", true},   {U'\u0394', "D", "D", "D", true},
    {U'\u0395', "E", "E", "E", true},   {U'\u0396', "Z", "Z", "Z", true},
    {U'\u0397', "I", "I", "I", true},   {U'\u0398', "TH", "TH", "TH", true},
    {U'\u0399', "I", "I", "I", true},   {U'\u039A', "K", "K", "K", true},
    {U'\u039B', "L", "L", "L", true},   {U'\u039C', "M", "M", "M", true},
    {U'\u039D', "N", "N", "N", true},   {U'\u039E', "X", "X", "X", true},
    {U'\u039F', "O", "O", "O", true},   {U'\u03A0', "P", "P", "P", true},
    {U'\u03A1', "R", "R", "R", true},   {U'\u03A3', "S", "S", "S", true},
    {U'\u03A4', "T", "T", "T", true},   {U'\u03A5', "Y", "Y", "Y", true},
    {U'\u03A6', "F", "F", "F", true},   {U'\u03A7', "CH", "CH", "CH", true},
    {U'\u03A8', "PS", "PS", "PS", true}, {U'\u03A9', "O", "O", "O", true},
    {U'\u03AA', "I", "I", "I", true},   {U'\u03AB', "Y", "Y", "Y", true},
    {U'\u03B0', "Y", "Y", "Y", true},
};

// Arabic letters U+0621..U+064A from Doc 9303, then extensions. و / ي / ی / ة get their token
// form from context in transliterate.cc (W/U, Y/I, T/A); `text` here is the default.
constexpr TranslitEntry kArabic[] = {
    {U'\u0621', "XE", "", "", true},       // hamza
    {U'\u0622', "XAA", "A", "A", true},    // alef with madda above
    {U'\u0623', "XAE", "A", "A", true},    // alef with hamza above
    {U'\u0624', "XW", "U", "U", true},     // waw with hamza above
    {U'\u0625', "I", "I", "I", true},      // alef with hamza below
    {U'\u0626', "XI", "I", "I", true},     // yeh with hamza above
    {U'\u0627', "A", "A", "A", true},      // alef
    {U'\u0628', "B", "B", "B", true},      // beh
    {U'\u0629', "XTA", "A", "A", true},    // teh marbuta (XAH at the end of a name component)
    {U'\u062A', "T", "T", "T", true},      // teh
    {U'\u062B', "XTH", "TH", "TH", true},  // theh
    {U'\u062C', "J", "J", "J", true},      // jeem
    {U'\u062D', "XH", "H", "H", true},     // hah
    {U'\u062E', "XKH", "KH", "KH", true},  // khah
    {U'\u062F', "D", "D", "D", true},      // dal
    {U'\u0630', "XDH", "DH", "DH", true},  // thal
    {U'\u0631', "R", "R", "R", true},      // reh
    {U'\u0632', "Z", "Z", "Z", true},      // zain
    {U'\u0633', "S", "S", "S", true},      // seen
    {U'\u0634', "XSH", "SH", "SH", true},  // sheen
    {U'\u0635', "XSS", "S", "S", true},    // sad
    {U'\u0636', "XDZ", "D", "D", true},    // dad
    {U'\u0637', "XTT", "T", "T", true},    // tah
    {U'\u0638', "XZZ", "Z", "Z", true},    // zah
    {U'\u0639', "E", "A", "A", true},      // ain
    {U'\u063A', "G", "GH", "GH", true},    // ghain
    {U'\u0641', "F", "F", "F", true},      // feh
    {U'\u0642', "Q", "Q", "Q", true},      // qaf
    {U'\u0643', "K", "K", "K", true},      // kaf
    {U'\u0644', "L", "L", "L", true},      // lam
    {U'\u0645', "M", "M", "M", true},      // meem
    {U'\u0646', "N", "N", "N", true},      // noon
    {U'\u0647', "H", "H", "H", true},      // heh
    {U'\u0648', "W", "W", "W", true},      // waw
    {U'\u0649', "XAY", "A", "A", true},    // alef maksura
    {U'\u064A', "Y", "Y", "Y", true},      // yeh
    {U'\u064E', "", "A", "A", false},      // fatha
    {U'\u064F', "", "U", "U", false},      // damma
    {U'\u0650', "", "I", "I", false},      // kasra
    {U'\u0671', "A", "A", "A", false},     // alef wasla
    {U'\u067E', "P", "P", "P", false},     // peh (Persian, Urdu, Pashto)
    {U'\u0686', "CH", "CH", "CH", false},  // tcheh
    {U'\u0698', "ZH", "ZH", "ZH", false},  // jeh
    {U'\u06A9', "K", "K", "K", false},     // keheh
    {U'\u06AF', "G", "G", "G", false},     // gaf
    {U'\u06CC', "Y", "Y", "Y", false},     // farsi yeh
};

template <std::size_t N>
constexpr bool Sorted(const TranslitEntry (&t)[N]) {
  for (std::size_t i = 1; i < N; ++i) {
    if (t[i - 1].cp >= t[i].cp) return false;
  }
  return true;
}
static_assert(Sorted(kLatin) && Sorted(kCyrillic) && Sorted(kGreek) && Sorted(kArabic));

const TranslitEntry* Find(std::span<const TranslitEntry> t, char32_t cp) {
  auto it = std::lower_bound(t.begin(), t.end(), cp,
                             [](const TranslitEntry& e, char32_t c) { return e.cp < c; });
  return (it != t.end() && it->cp == cp) ? &*it : nullptr;
}

}  // namespace

std::span<const TranslitEntry> IcaoTable(TableScript script) {
  switch (script) {
    case TableScript::kLatin: return kLatin;
    case TableScript::kCyrillic: return kCyrillic;
    case TableScript::kGreek: return kGreek;
    case TableScript::kArabic: return kArabic;
  }
  return {};
}

const TranslitEntry* FindTranslit(char32_t cp) {
  if (cp < 0xC0) return nullptr;
  if (cp < 0x0370 || cp == 0x1E9E) return Find(kLatin, cp);
  if (cp < 0x0400) return Find(kGreek, cp);
  if (cp < 0x0500) return Find(kCyrillic, cp);
  if (cp >= 0x0600 && cp < 0x0700) return Find(kArabic, cp);
  return nullptr;
}

std::string_view TableScriptName(TableScript script) {
  switch (script) {
    case TableScript::kLatin: return "Latin";
    case TableScript::kCyrillic: return "Cyrillic";
    case TableScript::kGreek: return "Greek";
    case TableScript::kArabic: return "Arabic";
  }
  return "?";
}

}  // namespace paxscreen::normalize
