// NYSIIS (New York State Identification and Intelligence System) phonetic key.
//
//   std::string key = paxscreen::phonetic::Nysiis("MACINTOSH");        // "MCANT"
//   std::string full = paxscreen::phonetic::Nysiis("MACINTOSH", false); // "MCANT" (no cap)
//
// Source: R. L. Taft, "Name Search Techniques", New York State Identification and Intelligence
// System, Special Report No. 1, Albany, 1970. The steps, in the order applied here:
//   1. prefix: MAC->MCC, KN->NN, K->C, PH/PF->FF, SCH->SSS; suffix: EE/IE->Y, DT/RT/RD/NT/ND->D;
//   2. the first letter is kept as is; every later letter is rewritten in place, left to right:
//      EV->AF, vowels->A, Q->G, Z->S, M->N, KN->NN else K->C, SCH->SSS, PH->FF, H->previous letter
//      unless it stands between vowels, W after a vowel->previous letter; a rewritten letter
//      equal to the one before it is not repeated in the key;
//   3. suffix: drop a final S, then AY->Y, then drop a final A;
//   4. strict mode keeps the first 6 characters (Taft's original key length).
// Reference behaviour: Apache Commons Codec `Nysiis` (strict by default), whose reading of the
// rules this follows (e.g. "previous" means the previous letter after rewriting). jellyfish's
// NYSIIS is a different variant; tests/matcher/phonetic/vectors_test.cc measures both.
// Cost: O(n) time, one buffer of n bytes.
#pragma once

#include <string>
#include <string_view>

namespace paxscreen::phonetic {

// The NYSIIS key of `name`; non-letters are skipped, "" when no letter remains. `strict` caps
// the key at 6 characters. Thread-safe (pure function).
std::string Nysiis(std::string_view name, bool strict = true);

}  // namespace paxscreen::phonetic
