// Transliteration tables, one per script, for the ICAO Doc 9303 Latin forms (Part 3, section 6)
// plus the plain folded form. Written from the standard's tables; the few letters that the
// standard does not list are marked `standard = false` and explained in icao_tables.cc.
//
//   const TranslitEntry* e = FindTranslit(U'Ä');   // e->mrz == "AE", e->plain == "A"
//   for (const TranslitEntry& t : IcaoTable(TableScript::kCyrillic)) ...
//
// Tables are immutable static data: thread-safe. Lookup is a binary search (O(log n)).
#pragma once

#include <span>
#include <string_view>

namespace paxscreen::normalize {

enum class TableScript { kLatin, kCyrillic, kGreek, kArabic };

// One source letter (uppercase where the script has case) and its Latin renderings.
struct TranslitEntry {
  char32_t cp;
  const char* mrz;    // exactly what Doc 9303 writes in the MRZ (Arabic: X-escaped codes)
  const char* text;   // the token form: == mrz except Arabic, where it is the closest letter
  const char* plain;  // plain folded form without digraph expansion of diacritics (Ä -> A)
  bool standard;      // listed in Doc 9303 (Greek: ELOT 743) rather than a paxscreen extension
};

// All entries of one script, sorted by code point.
std::span<const TranslitEntry> IcaoTable(TableScript script);

// The entry for an uppercase code point, or nullptr.
const TranslitEntry* FindTranslit(char32_t cp);

std::string_view TableScriptName(TableScript script);

}  // namespace paxscreen::normalize
