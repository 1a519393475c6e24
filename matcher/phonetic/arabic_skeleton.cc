#include "matcher/phonetic/arabic_skeleton.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "matcher/phonetic/letters.h"

namespace paxscreen::phonetic {
namespace {

using phonetic_internal::At;
using phonetic_internal::IsAeiou;

// One sound of the name: a consonant class symbol, or a vowel.
struct Unit {
  char symbol;         // class symbol; 'a' for a vowel
  bool plain_h = false;  // a lone letter H (droppable at the end after a vowel)
  bool IsVowel() const { return symbol == 'a'; }
};

constexpr char kVowel = 'a';

// Pass 1: letters -> units, reading the multi-letter spellings first.
void ToUnits(std::string_view s, std::vector<Unit>* out) {
  struct Spelling {
    std::string_view letters;
    char symbol;
  };
  static constexpr Spelling kSpellings[] = {
      {"DZH", 'J'}, {"SCH", 'C'}, {"DJ", 'J'}, {"ZH", 'J'}, {"KH", 'H'}, {"GH", 'K'},
      {"SH", 'C'},  {"CH", 'C'},  {"CK", 'K'}, {"DH", 'D'}, {"TH", 'T'}, {"PH", 'F'},
  };
  // The letters that open one of these spellings, one bit each (A-Z): others skip the table.
  static constexpr uint32_t kOpeners = [] {
    uint32_t set = 0;
    for (const Spelling& sp : kSpellings) set |= uint32_t{1} << (sp.letters[0] - 'A');
    return set;
  }();
  std::vector<Unit>& units = *out;
  units.clear();
  for (std::size_t i = 0; i < s.size();) {
    const char first = s[i];
    bool matched = false;
    if (first >= 'A' && first <= 'Z' && (kOpeners >> (first - 'A') & 1) != 0) {
      for (const Spelling& sp : kSpellings) {
        if (sp.letters[0] == first && s.substr(i, sp.letters.size()) == sp.letters) {
          units.push_back({sp.symbol});
          i += sp.letters.size();
          matched = true;
          break;
        }
      }
    }
    if (matched) continue;
    const auto pos = static_cast<std::ptrdiff_t>(i);
    const char c = s[i];
    const char next = At(s, pos + 1);
    if (i == 0 && c == 'O' && next == 'U' && IsAeiou(At(s, 2))) {  // French OUALID
      units.push_back({'W'});
      i += 2;
      continue;
    }
    Unit u{c};
    switch (c) {
      case 'A': case 'E': case 'I': case 'O': case 'U':
        u.symbol = kVowel;
        break;
      case 'Y':
        u.symbol = (i == 0 && IsAeiou(next)) ? 'Y' : kVowel;
        break;
      case 'C':
        u.symbol = (next == 'E' || next == 'I' || next == 'Y') ? 'S' : 'K';
        break;
      case 'Q': case 'G': case 'K':
        u.symbol = 'K';
        break;
      case 'X':
        u.symbol = 'H';
        break;
      case 'H':
        u.plain_h = true;
        break;
      case 'V':
        u.symbol = 'W';
        break;
      default:
        break;  // B D F J L M N P R S T W Z stand for themselves
    }
    units.push_back(u);
    ++i;
  }
}

// ABD + (vowels) + L + another consonant: the article's L is dropped, so that the assimilated
// spelling ABDURRAHMAN and the written ABDULRAHMAN agree. ABDULLAH (L + L) keeps it.
void DropArticleAfterAbd(std::vector<Unit>& u) {
  if (u.size() < 6 || !u[0].IsVowel() || u[1].symbol != 'B' || u[2].symbol != 'D') return;
  std::size_t k = 3;
  while (k < u.size() && u[k].IsVowel()) ++k;
  if (k == 3 || k + 1 >= u.size() || u[k].symbol != 'L') return;
  const Unit& after = u[k + 1];
  if (after.IsVowel() || after.symbol == 'L') return;
  u.erase(u.begin() + static_cast<std::ptrdiff_t>(k));
}

}  // namespace

std::string ArabicSkeleton(std::string_view name) {
  // A-Z input is read in place, and the units' buffer is kept per thread (no allocation per
  // call once warm): screening encodes millions of strings.
  thread_local std::string cleaned;
  const std::string_view s = phonetic_internal::UpperLettersView(name, &cleaned);
  if (s.empty()) return {};
  thread_local std::vector<Unit> u;
  ToUnits(s, &u);
  DropArticleAfterAbd(u);
  // A W after a vowel and before a consonant (or the end) closes a diphthong: AW, OW, AU.
  for (std::size_t k = 1; k < u.size(); ++k) {
    if (u[k].symbol == 'W' && u[k - 1].IsVowel() && (k + 1 == u.size() || !u[k + 1].IsVowel())) {
      u[k].symbol = kVowel;
    }
  }
  // A final lone H after a vowel is silent (ABDULLAH / ABDULLA).
  if (u.size() >= 2 && u.back().plain_h && u[u.size() - 2].IsVowel()) u.pop_back();
  std::string key;
  key.reserve(u.size());
  if (u.front().IsVowel()) key.push_back('A');
  char previous = '\0';  // previous unit's symbol, vowels included, for collapsing
  for (const Unit& unit : u) {
    if (!unit.IsVowel() && unit.symbol != previous) key.push_back(unit.symbol);
    previous = unit.symbol;
  }
  return key;
}

}  // namespace paxscreen::phonetic
