// Word lists for the accuracy harness: spelling families of names that transliterate several
// ways, spelling rules, particles, and given names and surnames of many cultures for
// travellers who are on no list. Written for paxscreen from common knowledge of naming
// practice; no list is complete, and none needs to be: they only have to be varied.
//
//   for (const auto& family : TransliterationFamilies()) ...
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace paxscreen::harness {

struct NamePool {
  std::string culture;
  std::vector<std::string> given;
  std::vector<std::string> surnames;
};

// Spellings of one name (MUHAMMAD, MOHAMMED, MOHAMAD ...), uppercase.
const std::vector<std::vector<std::string>>& TransliterationFamilies();
// (from, to) substring rewrites seen between transliteration systems (OU -> U, Q -> K ...).
const std::vector<std::pair<std::string, std::string>>& SpellingRules();
// Prefixes written joined or apart inside one token (ABDULRAHMAN / ABDUL RAHMAN, ABUBAKR).
const std::vector<std::string>& JoinablePrefixes();
const std::vector<std::string>& MiddleNames();
const std::vector<NamePool>& CulturePools();

}  // namespace paxscreen::harness
