// American Soundex: a letter and three digits that group consonants by place of articulation.
//
//   std::string key = paxscreen::phonetic::Soundex("ROBERT");   // "R163"
//   bool same = Soundex("RUPERT") == key;                         // true
//
// Source: R. C. Russell and M. K. Odell, US patents 1,261,167 (1918) and 1,435,663 (1922), in the
// form the US National Archives use for census indexes ("American Soundex"): H and W do not
// separate letters with the same code, vowels do. Reference behaviour: Apache Commons Codec
// `Soundex.US_ENGLISH`; conformance is measured by tests/matcher/phonetic/vectors_test.cc.
// Cost: O(n) time, no allocation beyond the 4-byte result.
#pragma once

#include <string>
#include <string_view>

namespace paxscreen::phonetic {

// The four-character code of `name` (first letter + 3 digits, zero-padded). Non-letters are
// skipped; a name without letters gives "". Thread-safe (pure function).
std::string Soundex(std::string_view name);

}  // namespace paxscreen::phonetic
