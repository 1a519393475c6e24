// Daitch-Mokotoff Soundex: six-digit codes tuned for Slavic, Germanic and Yiddish surnames;
// letters with two readings (C, CH, CK, J, RS, RZ) branch, so a name can have several codes.
//
//   std::vector<std::string> codes = paxscreen::phonetic::DaitchMokotoff("PERLSTEIN");
//   // {"798436"}; DaitchMokotoff("JACKSON") gives 4 codes: 145460 154600 445460 454600
//
// Source: Gary Mokotoff and Randy Daitch, 1985 (published by Avotaynu; the rule table in the
// form revised by Gary Mokotoff and Stephen P. Morse, with the branching letters). Each rule is
// a letter group with three codes: at the start of the name, before a vowel (A E I O U), and
// elsewhere; the longest group matching at the current position wins. A code equal to the end
// of the previous group's code is not repeated (except for M/N pairs); codes are cut or padded
// with 0 to 6 digits. Reference behaviour: Apache Commons Codec `DaitchMokotoffSoundex`
// (branching `soundex()`), whose rule table and repetition rule this follows.
// Cost: O(n * b) for b branches (at most 2^k for k branching letters; duplicates merged as the
// scan goes, and codes stop growing at 6 digits, so b stays small in practice).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace paxscreen::phonetic {

// Every D-M code of `name`, sorted and unique; empty when the name has no letters.
// Thread-safe (pure function; the rule table is a constant).
std::vector<std::string> DaitchMokotoff(std::string_view name);

// The same codes as numbers (the six digits read as one decimal number: "097400" is 97400),
// sorted and unique, into `out` (cleared first; its capacity is reused). What screening keeps.
void DaitchMokotoffNumbers(std::string_view name, std::vector<uint32_t>* out);

}  // namespace paxscreen::phonetic
