// A phonetic key for Latin transliterations of Arabic, Persian and Pashto names: the consonant
// skeleton of the name after mapping the spellings that different transliteration schemes
// (English, French, German, Russian/ICAO Cyrillic, Somali, Pakistani/Afghan usage) use for one
// Arabic letter onto one class symbol.
//
//   ArabicSkeleton("MOHAMMED") == ArabicSkeleton("MUHAMMAD")   // both "MHMD"
//   ArabicSkeleton("QADHAFI") == ArabicSkeleton("GADDAFI")     // both "KDF"
//
// Source: paxscreen's own design (not a published algorithm). Arabic script writes short vowels
// only as optional marks, so transliterations of one name agree on the consonants and disagree
// on the vowels; the key therefore keeps consonants and drops vowels. The classes, and why:
//   - Vowels A E I O U, and Y after the first letter, are dropped; a name that starts with a vowel
//     keeps one marker "A" (OSAMA/USAMA -> "ASM"), so AMIR and MIR stay apart.
//     Y before a vowel at the start is the consonant ي (YUSUF/YOUSSEF -> "YSF").
//   - K class "K": K, Q, C (not before E/I/Y), CK, G and GH. ق is K in Persian/Urdu spellings and G
//     in Gulf/Libyan ones (QADHAFI/GADDAFI/KADAFI); GH (غ) is written G in Urdu/Pashto names
//     (GHULAM/GULAM). Cost: ك/ق/غ are merged.
//   - H class "H": H, KH and X. KH is ICAO's spelling of Cyrillic Х, which Central Asian
//     documents use for ح (MUKHAMMAD, AKHMED); Somali writes ح as X (MAXAMED, XASAN).
//     A final H after a vowel is dropped (ة and the final H of ABDULLAH/ABDULLA, FATIMAH/FATIMA).
//   - J class "J": J, DJ (French), DZH (ICAO Cyrillic Дж), ZH (ژ, and Cyrillic Ж for ج).
//   - S class "S": S, C before E/I/Y. SH class "C": SH, SCH (German) and CH, because French
//     writes ش as CH (CHERIF/SHARIF) and English writes چ as CH (CHAUDHRY/CHOUDHURY).
//   - D class "D": D, DH, DD, DT (ذ/ض as DH: QADHAFI/GADDAFI). T class "T": T, TH (ث: OTHMAN/
//     OTMAN). Z stays apart (ز/ظ as Z would otherwise merge ZAID with DAID).
//   - F class "F": F, PH. W class "W": W, V, and OU before a vowel at the start (French
//     OUALID = WALID); Persian/Pashto V and W are one letter (و), so VAHID = WAHID. A W-class letter after a vowel and before a consonant or the end closes a
//     diphthong and is dropped as a vowel (MAWLAWI/MAULAVI/MOLVI -> "MLW").
//   - Doubled letters (and letters that map to the same class next to each other) collapse:
//     MM, SS, DD, LL (shadda is written by doubling, or not).
//   - The article inside ABD + article + noun is dropped: ABDULRAHMAN, ABDELRAHMAN, ABDURRAHMAN
//     (sun-letter assimilation) -> "ABDRHMN"; ABDULLAH keeps its L (it belongs to ALLAH).
//     A leading AL-/EL- article is the caller's business (normalize splits it off).
// Known merges of different names (the price of a skeleton): HASAN/HUSAYN/HASSAN ("HSN"),
// AMIR/OMAR, SAID/SAAD, ALI/ALIA ("AL"); callers use the key to find candidates and score them
// with edit distances. Known misses: KH written for ق (KHADAFI -> "HDF", not "KDF"), Russian G for
// H (GUSEIN), Egyptian G for ج (GAMAL); other keys (Double Metaphone) cover some of these.
// Cost: O(n) time, two passes, output at most n bytes.
#pragma once

#include <string>
#include <string_view>

namespace paxscreen::phonetic {

// The skeleton key of one name token; "" when it has no letters. Thread-safe (pure function).
std::string ArabicSkeleton(std::string_view name);

}  // namespace paxscreen::phonetic
