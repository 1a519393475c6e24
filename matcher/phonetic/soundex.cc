#include "matcher/phonetic/soundex.h"

#include "matcher/phonetic/letters.h"

namespace paxscreen::phonetic {
namespace {

// Digit per letter A..Z; '0' = vowel-like (A E I O U Y, and H W which are handled apart).
//                        ABCDEFGHIJKLMNOPQRSTUVWXYZ
constexpr char kCodes[] = "01230120022455012623010202";

char CodeOf(char upper) { return kCodes[upper - 'A']; }

}  // namespace

std::string Soundex(std::string_view name) {
  std::string out;
  char previous = '\0';  // code of the last letter that counts as a separator or a consonant
  bool first = true;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') continue;
    if (first) {
      out.push_back(c);
      previous = CodeOf(c);
      first = false;
      continue;
    }
    // H and W are transparent: a consonant on either side with the same code is coded once.
    if (c == 'H' || c == 'W') continue;
    const char code = CodeOf(c);
    if (code != '0' && code != previous) {
      out.push_back(code);
      if (out.size() == 4) return out;
    }
    previous = code;  // a vowel resets, so B-A-B codes both B's
  }
  if (out.empty()) return out;
  out.resize(4, '0');
  return out;
}

}  // namespace paxscreen::phonetic
