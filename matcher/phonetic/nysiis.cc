#include "matcher/phonetic/nysiis.h"

#include <cstddef>

#include "matcher/phonetic/letters.h"

namespace paxscreen::phonetic {
namespace {

using phonetic_internal::IsAeiou;

constexpr std::size_t kStrictLength = 6;

bool StartsWith(const std::string& s, std::string_view p) {
  return s.size() >= p.size() && std::string_view(s).substr(0, p.size()) == p;
}
bool EndsWith(const std::string& s, std::string_view p) {
  return s.size() >= p.size() && std::string_view(s).substr(s.size() - p.size()) == p;
}

// Step 1: the first matching prefix rule of each group, then the suffix rules.
void RewriteEnds(std::string& s) {
  if (StartsWith(s, "MAC")) s.replace(0, 3, "MCC");
  if (StartsWith(s, "KN")) {
    s.replace(0, 2, "NN");
  } else if (StartsWith(s, "K")) {
    s[0] = 'C';
  }
  if (StartsWith(s, "PH") || StartsWith(s, "PF")) s.replace(0, 2, "FF");
  if (StartsWith(s, "SCH")) s.replace(0, 3, "SSS");
  if (EndsWith(s, "EE") || EndsWith(s, "IE")) {
    s.replace(s.size() - 2, 2, "Y");
  }
  for (std::string_view suffix : {"DT", "RT", "RD", "NT", "ND"}) {
    if (EndsWith(s, suffix)) {
      s.replace(s.size() - 2, 2, "D");
      break;
    }
  }
}

// Step 2 for the letter at i (i >= 1): rewrites s[i] and possibly the letters after it.
void RewriteAt(std::string& s, std::size_t i) {
  const char prev = s[i - 1];
  const char cur = s[i];
  const char next = i + 1 < s.size() ? s[i + 1] : ' ';
  const char after = i + 2 < s.size() ? s[i + 2] : ' ';
  auto put = [&](std::string_view with) {
    for (std::size_t k = 0; k < with.size() && i + k < s.size(); ++k) s[i + k] = with[k];
  };
  if (cur == 'E' && next == 'V') return put("AF");
  if (IsAeiou(cur)) return put("A");
  switch (cur) {
    case 'Q': return put("G");
    case 'Z': return put("S");
    case 'M': return put("N");
    case 'K': return put(next == 'N' ? "NN" : "C");
    default: break;
  }
  if (cur == 'S' && next == 'C' && after == 'H') return put("SSS");
  if (cur == 'P' && next == 'H') return put("FF");
  if (cur == 'H' && (!IsAeiou(prev) || !IsAeiou(next))) {
    s[i] = prev;
    return;
  }
  if (cur == 'W' && IsAeiou(prev)) s[i] = prev;
}

}  // namespace

std::string Nysiis(std::string_view name, bool strict) {
  std::string s = phonetic_internal::UpperLetters(name);
  if (s.empty()) return s;
  RewriteEnds(s);
  std::string key(1, s[0]);
  for (std::size_t i = 1; i < s.size(); ++i) {
    RewriteAt(s, i);
    if (s[i] != s[i - 1]) key.push_back(s[i]);
  }
  // Step 3. Note the order: the S rule runs first and the A rule looks at the letter that was
  // last before any AY rewrite, as in the reference.
  if (key.size() > 1) {
    char last = key.back();
    if (last == 'S') {
      key.pop_back();
      last = key.back();
    }
    if (key.size() > 2 && key[key.size() - 2] == 'A' && last == 'Y') {
      key.erase(key.size() - 2, 1);
    }
    if (last == 'A') key.pop_back();
  }
  if (strict && key.size() > kStrictLength) key.resize(kStrictLength);
  return key;
}

}  // namespace paxscreen::phonetic
