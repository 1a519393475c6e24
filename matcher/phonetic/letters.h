// Internal to matcher/phonetic: reduces any input to the A-Z letters the encoders work on.
//
//   std::string s = phonetic_internal::UpperLetters("o'Brien-2");   // "OBRIEN"
//   char c = phonetic_internal::At(s, 9);                          // '\0' past the end
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace paxscreen::phonetic::phonetic_internal {

// Keeps ASCII letters (a-z upper-cased) and drops every other byte, so that the encoders never
// see anything outside A-Z. UTF-8 multi-byte sequences are dropped whole (normalize folds them
// to A-Z before they get here). Cost: one pass over the input.
inline std::string UpperLetters(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (char c : in) {
    if (c >= 'A' && c <= 'Z') {
      out.push_back(c);
    } else if (c >= 'a' && c <= 'z') {
      out.push_back(static_cast<char>(c - 'a' + 'A'));
    }
  }
  return out;
}

// UpperLetters(in) without a copy when `in` is A-Z already (what screening passes, millions of
// times): `in` itself, else the letters written into `*scratch` (which the view then refers to).
inline std::string_view UpperLettersView(std::string_view in, std::string* scratch) {
  for (char c : in) {
    if (c < 'A' || c > 'Z') {
      *scratch = UpperLetters(in);
      return *scratch;
    }
  }
  return in;
}

// The letter at `i`, or '\0' when `i` is outside the string (negative included).
inline char At(std::string_view s, std::ptrdiff_t i) {
  return (i < 0 || static_cast<std::size_t>(i) >= s.size()) ? '\0' : s[static_cast<std::size_t>(i)];
}

inline bool IsAeiou(char c) {
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

}  // namespace paxscreen::phonetic::phonetic_internal
